"""Output files written whole or not at all: a temporary file beside the target, renamed into place.

Every command that writes a file the user asked for (`analyze --output`, `export`, the `eval`
predictions and results) goes through here, so an error half-way (a bad record, a database that
goes away, Ctrl-C) never leaves a truncated file where a complete one was expected, and an older
complete file stays until the new one is whole.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`, on any error it is removed.

    The file gets the mode any tool's new file gets (0666 less the umask, usually 0644), not the
    private 0600 of `mkstemp`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.close(fd)
    try:
        os.chmod(tmp, 0o666 & ~_current_umask())
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomically(path: Path, chunks: Iterable[str]) -> None:
    """Write the text chunks to `path` through `replacing`: never a half-written output."""
    with replacing(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(chunk)


def write_jsonl(path: Path, records: Iterable[str]) -> None:
    """Write one already-serialised JSON record a line to `path`, whole or not at all."""
    write_atomically(path, (record + "\n" for record in records))

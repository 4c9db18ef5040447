"""Plain-text files → `Document`: the whole file is the article, its path the id, its file name the title."""
from __future__ import annotations

from pathlib import Path

from ..validate import InputError, decode
from .document import Document, failed


def read_text(path: Path, *, max_bytes: int) -> Document:
    source = str(path)
    try:
        with path.open("rb") as fh:
            text = decode(fh.read(max_bytes + 1), max_bytes, size=path.stat().st_size)
    except (InputError, OSError) as exc:
        return failed(source, source, str(exc))
    return Document(id=source, text=text, title=path.name, source=source)

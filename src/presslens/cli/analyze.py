"""`presslens analyze`: one article (or a JSONL batch) to a report, JSON, JSONL or HTML."""
from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path

import typer

from ..batch import jsonl_records
from ..files import write_atomically
from ..validate import DEFAULT_MAX_BYTES, InputError, decode
from .app import app, fail


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    events_csv = "events-csv"


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


def input_file(source: str) -> Path:
    """The file named on the command line, or a one-line error when it cannot be read."""
    path = Path(source)
    if not path.exists():
        fail(f"no such file: {source}")
    if path.is_dir():
        fail(f"{source} is a directory; give a file (or use `presslens ingest` for folders)")
    return path


def read_source(source: str, max_bytes: int) -> tuple[bytes, int]:
    """One article's bytes (at most one past the limit, so oversized input is detected) and its real size."""
    fh = sys.stdin.buffer if source == "-" else input_file(source).open("rb")
    try:
        raw = fh.read(max_bytes + 1)
        size = len(raw)
        if size > max_bytes:  # count the rest without keeping it, to report the real size
            while chunk := fh.read(1 << 20):
                size += len(chunk)
        return raw, size
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def open_lines(source: str) -> Iterator[bytes]:
    """The lines of a file (or standard input), read lazily so a batch of any size streams."""
    if source == "-":
        yield from sys.stdin.buffer
        return
    with input_file(source).open("rb") as fh:
        yield from fh


@app.command()
def analyze(
    source: str = typer.Argument(..., help="Article file, or - for standard input."),
    published: str = typer.Option(None, help="Publication date, YYYY-MM-DD; relative dates resolve against it."),
    format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="Output format."),
    input_format: InputFormat = typer.Option(InputFormat.text, help="text: one article; jsonl: one {id, text, …} per line."),
    output: Path = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Refuse input larger than this many bytes."),
    title: str = typer.Option(None, help="Article title."),
    url: str = typer.Option(None, help="Article URL."),
    outlet: str = typer.Option(None, help="Publishing outlet."),
    workers: int = typer.Option(None, "--workers", "-w", min=1,
                                help="Processes for --input-format jsonl (default: every core)."),
) -> None:
    """Analyse an article: quotes and speakers, events, framing."""
    from .. import analyze_many
    from ..report import render

    if published is not None:
        from datetime import date

        try:
            date.fromisoformat(published)
        except ValueError:
            fail(f"--published must be a date as YYYY-MM-DD, got {published!r}")
    if input_format is InputFormat.jsonl:
        failures = 0

        def lines():
            nonlocal failures
            for a in analyze_jsonl(jsonl_records(open_lines(source)), workers, max_bytes):
                if a.errors:
                    failures += 1
                    print(f"error: record {a.id}: {a.errors[0]}", file=sys.stderr)
                yield json.dumps(a.to_dict(), ensure_ascii=False) + "\n"

        emit(lines(), output)
        raise typer.Exit(1 if failures else 0)
    try:
        raw, size = read_source(source, max_bytes)
        text = decode(raw, max_bytes, size=size)
        result = next(analyze_many([{"text": text, "published": published, "title": title, "url": url, "outlet": outlet}],
                                   max_bytes=max_bytes, raise_errors=True))
    except InputError as exc:
        fail(str(exc))
    except Exception as exc:  # an annotator broke on this text: one line, not a traceback
        fail(f"analysis failed: {type(exc).__name__}: {exc} (a presslens bug: please report it with the input)")
    if format is OutputFormat.text and output is None and sys.stdout.isatty():
        from rich.console import Console

        from ..report.text import print_report

        print_report(result, Console())  # colour and the terminal's width; NO_COLOR is honoured
        return
    emit(iter([render(result, format.value)]), output)


def analyze_jsonl(records: Iterable[dict], workers: int | None, max_bytes: int):
    """Analyses of JSONL records in input order; unreadable lines become error records in place.

    Readable records stream through `analyze_parallel`; each unreadable line waits in a queue
    (bounded by the pool's in-flight chunks) until the results before it are out.
    """
    from ..model import Analysis
    from ..parallel import analyze_parallel

    ahead: deque[Analysis | None] = deque()  # None marks a record handed to the pool

    def readable():
        for r in records:
            if "_error" in r:
                ahead.append(Analysis(text="", id=str(r["id"]), errors=[r["_error"]]))
            else:
                ahead.append(None)
                yield r

    def unreadable_before_next():
        while ahead and ahead[0] is not None:
            yield ahead.popleft()

    for result in analyze_parallel(readable(), workers, max_bytes=max_bytes):
        yield from unreadable_before_next()
        ahead.popleft()
        yield result
    yield from unreadable_before_next()


def emit(chunks: Iterator[str], output: Path | None) -> None:
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    else:
        write_atomically(output, chunks)

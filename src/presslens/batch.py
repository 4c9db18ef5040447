"""JSONL batches of articles: each line one `{"id", "text", "published"?, …}` record.

`jsonl_records` turns lines into records for `analyze_many` and friends; a line that is not a
JSON object becomes a record carrying `_error` (the reason) in its place, so a batch keeps its
order and one bad line never stops the rest.  Shared by `presslens analyze --input-format jsonl`
and the Dask runner.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator


def jsonl_records(lines: Iterable[bytes], where: str | None = None) -> Iterator[dict]:
    """Records of JSONL `lines`; ids default to `line-N` (or `WHERE:N` when `where` is given)."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        default_id = f"{where}:{number}" if where else f"line-{number}"
        try:
            record = json.loads(line.decode("utf-8"))
            if not isinstance(record, dict):
                raise ValueError("line is not a JSON object")
        except (ValueError, UnicodeDecodeError) as exc:
            place = f"{where} line {number}" if where else f"line {number}"
            yield {"id": default_id, "_error": f"{place}: not valid JSON ({exc})"}
            continue
        record.setdefault("id", default_id)
        yield record

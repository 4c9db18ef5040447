"""Shared pieces of the eval commands: reading gold JSONL, P/R/F1, and updating eval/RESULTS.md."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..files import write_atomically


def read_jsonl(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def update_results(path: str | Path, section: str, body: str) -> None:
    """Replace (or add) the `## section` block of a Markdown results file."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else "# Accuracy results\n\nEach section is written by the command it names; rerun it to refresh.\n"
    block = f"## {section}\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(section)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: block + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + block
    write_atomically(path, [text.rstrip() + "\n"])

"""The persuasion-technique taxonomy: SemEval-2023 names, their SemEval-2020 (PTC) labels,
and the one-line explanation shown to readers.  The table lives in `data/techniques.json`."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    raw = resources.files("presslens").joinpath("data/techniques.json").read_text(encoding="utf-8")
    return json.loads(raw)["techniques"]


def names() -> list[str]:
    """The SemEval-2023 technique names presslens predicts."""
    return list(_table())


def to_2023(name: str) -> str:
    """Map a SemEval-2020 (PTC) or SemEval-2023 name to the 2023 name presslens uses."""
    table = _table()
    if name in table:
        return name
    for name_2023, row in table.items():
        if name == row["semeval2020"] or name in row.get("also_2023", ()):
            return name_2023
    raise KeyError(f"unknown persuasion technique: {name}")


def to_2020(name: str) -> str:
    """Map a presslens (SemEval-2023) technique name to its SemEval-2020 (PTC) label."""
    return _table()[to_2023(name)]["semeval2020"]


def explanation(name: str) -> str:
    return _table()[to_2023(name)]["explanation"]

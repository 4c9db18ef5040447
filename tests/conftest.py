"""Shared test fixtures: where ../shared is, and skipping cleanly when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PRESSLENS_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is provided to developers and CI, not to fresh clones)")
    return path


@pytest.fixture(scope="session")
def reference_article() -> Path:
    return shared_path("examples", "kursk-dprk.txt")


@pytest.fixture(scope="session")
def reference_expected() -> Path:
    return shared_path("examples", "kursk-dprk.expected.json")

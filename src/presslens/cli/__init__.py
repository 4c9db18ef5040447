"""`presslens` command line: a thin Typer layer over the library.

Each command family lives in its own module and registers itself on `app`.
"""
from __future__ import annotations

from .app import app, eval_app  # noqa: F401
from . import analyze as _analyze  # noqa: F401
from . import evaluate as _evaluate  # noqa: F401
from . import evaluate_framing as _evaluate_framing  # noqa: F401
from . import serve as _serve  # noqa: F401
from . import corpus as _corpus  # noqa: F401
from . import query as _query  # noqa: F401
from . import run as _run  # noqa: F401
from . import stories as _stories  # noqa: F401


def main() -> None:
    app()

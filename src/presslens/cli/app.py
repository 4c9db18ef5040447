"""The Typer application objects every command module registers on."""
from __future__ import annotations

import shlex
import sys

import typer
from rich.console import Console

app = typer.Typer(
    name="presslens",
    help="Who said what, what is claimed to have happened, and how it is framed — in news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Score an extractor against gold data and write eval/RESULTS.md.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err_console = Console(stderr=True)


def fail(message: str, code: int = 2) -> None:
    """Print one clear line on stderr and exit — never a traceback."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(code)


def command_line() -> str:
    """The command as typed, for recording beside the numbers it produced."""
    return "presslens " + " ".join(shlex.quote(a) for a in sys.argv[1:])

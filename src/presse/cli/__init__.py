"""The `presse` command line: a thin typer app, each command wrapping a library function.

One module per command group: :mod:`presse.cli.analyze` (analyze, schema),
:mod:`presse.cli.corpus` (ingest, actors, quotes, stance, article, stats, export),
:mod:`presse.cli.review` (correct, corrections),
:mod:`presse.cli.trails` (trails, trail, copies),
:mod:`presse.cli.batch`, :mod:`presse.cli.web` (serve) and :mod:`presse.cli.eval`; every one
prints through :mod:`presse.cli.output`. Start-up imports no analyzer: a command loads what it
needs when it runs.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from presse import __version__
from presse.cli import analyze, batch, corpus, review, trails, web
from presse.cli.eval import eval_app
from presse.cli.help import use_presse_help
from presse.cli.output import report
from presse.errors import PresseError

app = typer.Typer(
    name="presse",
    help="Who says what, about whom, in the news — and who is talked about without a voice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(requested: bool) -> None:
    if requested:
        typer.echo(f"presse {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_print_version, is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Options of `presse` itself, before the command."""


for group in (analyze, corpus, review, trails, batch, web):
    group.register(app)
app.add_typer(eval_app, name="eval", help="Measure accuracy on annotated corpora.")
use_presse_help(app)


def main() -> None:
    """Console entry point: errors become one line on stderr and a non-zero exit, no traceback."""
    try:
        app()
    except PresseError as exc:
        report(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)

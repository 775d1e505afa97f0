"""The `presse` command line: a thin typer app, each command wrapping a library function."""

from __future__ import annotations

import importlib
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from presse.errors import InputError, PresseError
from presse.ingest.language import LANG_HELP, check_forced
from presse.ingest.limits import MAX_BYTES_HELP

app = typer.Typer(
    name="presse",
    help="Who says what, about whom, in the news — and who is talked about without a voice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def _report(message: object) -> None:
    """One line on stderr; the message is text, never rich markup (file names may hold [ ])."""
    err.print(f"[red]presse:[/red] {escape(str(message))}", soft_wrap=True)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .json, .jsonl, feeds) or - for stdin.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.text,
    record_id: Annotated[str | None, typer.Option("--id", help="Analyze only the record with this id (JSON/JSONL).")] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, help=MAX_BYTES_HELP)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Analyze articles: structure, actors, quotes with their speakers, voices.

    With several inputs the good ones are analyzed and the bad ones reported; the exit code is 1
    when any input failed.
    """
    from presse.ingest import iter_sources, use_max_bytes
    from presse.pipeline import get_analyzer
    from presse.report import render_markdown, render_text

    out = Console(highlight=False, soft_wrap=output_format != OutputFormat.text)
    failures = 0
    analyzer = None
    first = True
    limits = use_max_bytes(max_bytes)
    for item in iter_sources(paths, record_id=record_id, limits=limits, language=check_forced(lang)):
        if isinstance(item, InputError):
            failures += 1
            _report(item)
            continue
        try:
            analyzer = analyzer or get_analyzer()
            article = analyzer.analyze(item)
        except PresseError as exc:
            failures += 1
            _report(exc)
            if not isinstance(exc, InputError):
                raise typer.Exit(exc.exit_code) from exc
            continue
        if output_format == OutputFormat.json:
            sys.stdout.write(article.model_dump_json() + "\n")
            sys.stdout.flush()
        elif output_format == OutputFormat.markdown:
            if not first:
                sys.stdout.write("\n---\n\n")
            sys.stdout.write(render_markdown(article))
        else:
            if not first:
                out.rule()
            render_text(article, out)
        first = False
    if failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the article JSON that `analyze --format json` emits."""
    from presse.model import Article

    sys.stdout.write(json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


def _mount_subapps() -> None:
    """Attach the command groups that live beside their library code."""
    from presse.eval.cli import eval_app

    app.add_typer(eval_app, name="eval", help="Measure accuracy on annotated corpora.")
    for module in ("presse.corpus_cli", "presse.batch_cli", "presse.web_cli"):
        importlib.import_module(module).register(app)


_mount_subapps()


def main() -> None:
    """Console entry point: errors become one line on stderr and a non-zero exit, no traceback."""
    try:
        app()
    except PresseError as exc:
        _report(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()

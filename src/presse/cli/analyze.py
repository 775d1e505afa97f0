"""The `presse analyze` and `presse schema` commands: one article in, its report out."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from presse.cli.output import WidthOption, report, rule, stdout
from presse.errors import InputError, PresseError
from presse.ingest.language import LANG_HELP, check_forced
from presse.ingest.limits import MAX_BYTES_HELP


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .json, .jsonl, feeds) or - for stdin.")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.text,
    record_id: Annotated[str | None, typer.Option("--id", help="Analyze only the record with this id (JSON/JSONL).")] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, help=MAX_BYTES_HELP)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
    width: WidthOption = None,
) -> None:
    """Analyze articles: structure, actors, quotes with their speakers, voices.

    With several inputs the good ones are analyzed and the bad ones reported; the exit code is 1
    when any input failed.
    """
    from presse.analyze.pipeline import get_analyzer
    from presse.ingest import iter_sources, use_max_bytes
    from presse.report import render_markdown, render_text

    out = stdout(width=width)
    failures = 0
    analyzer = None
    first = True
    limits = use_max_bytes(max_bytes)
    for item in iter_sources(paths, record_id=record_id, limits=limits, language=check_forced(lang)):
        if isinstance(item, InputError):
            failures += 1
            report(item)
            continue
        try:
            analyzer = analyzer or get_analyzer()
            article = analyzer.analyze(item)
        except PresseError as exc:
            failures += 1
            report(exc)
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
                rule(out)
            render_text(article, out)
        first = False
    if failures:
        raise typer.Exit(1)


def schema() -> None:
    """Print the JSON Schema of the article JSON that `analyze --format json` emits."""
    from presse.model import Article

    sys.stdout.write(json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    """Add `analyze` and `schema` to the `presse` command line."""
    app.command("analyze")(analyze)
    app.command("schema")(schema)

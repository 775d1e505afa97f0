"""Trail commands of the `presse` CLI: trails (list, or rebuild with --rebuild), trail (one
quotation's trail), copies (near-duplicate articles).

Thin wrappers over :mod:`presse.store.trails` (reading) and
:meth:`presse.store.writer.StoreWriter.rebuild_trails` (``--rebuild``); tables go to standard
output as ``presse quotes`` prints them, errors are one line on standard error.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from contextlib import closing
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.text import Text

from presse.cli.corpus import (
    DEFAULT_DB,
    DbOption,
    FormatOption,
    LimitOption,
    TableFormat,
    _emit,
    _jsonable,
    _parse_date,
)
from presse.cli.output import WidthOption, err, escape, stdout
from presse.errors import UsageError


class TrailFormat(StrEnum):
    text = "text"
    json = "json"


def _as_json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _as_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_as_json(v) for v in value]
    return _jsonable(value)


def trails_command(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Said by this actor.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Trails with dates from this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Trails with dates up to this day (YYYY-MM-DD).")] = None,
    min_articles: Annotated[int, typer.Option("--min-articles", help="In at least this many articles.")] = 2,
    limit: LimitOption = 50,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rebuild every trail and copy group of the store first.")
    ] = False,
    output_format: FormatOption = TableFormat.table,
    width: WidthOption = None,
) -> None:
    """Quotations repeated across articles, most repeated first: where they first appeared, how
    many articles (a copy of an article counted once: independent), who says them."""
    from presse.store import queries
    from presse.store import trails as store_trails

    first = _parse_date(since, "--since")
    last = _parse_date(until, "--until")
    if rebuild:
        from presse.store.writer import StoreWriter

        with closing(queries.connect_reader(db)):  # a missing or foreign file is no store to rebuild
            pass
        with StoreWriter(db) as writer:
            count = writer.rebuild_trails()
        err.print(f"{escape(db)}: trails rebuilt over {count:,} articles", soft_wrap=True)
    with closing(queries.connect_reader(db)) as conn:
        rows = store_trails.list_trails(
            conn, speaker=speaker, since=first, until=last, min_articles=min_articles,
            limit=limit or None,
        )
    columns = ["first_quote_id", "speaker", "independent", "articles", "first_published",
               "last_published", "text"]
    if output_format != TableFormat.table:
        columns = ["id", *columns, "quotes", "copies", "first_article_id", "outlets"]
    _emit(rows, columns, output_format, "Quote trails (independent articles first)", width,
          nothing="No trails match.")


def _quote_id(value: str) -> int:
    if not value.isdigit() or int(value) < 1 or int(value) >= 2**63:
        raise UsageError(f"{value!r} is no quote id: give the number `presse quotes -f json` shows as id")
    return int(value)


def _diff_text(segments: Any) -> Text:
    """The differences as text: deletions [-…-] and insertions {+…+}, coloured on a terminal."""
    out = Text()
    for seg in segments:
        if seg.op == "equal":
            out.append(seg.text)
            continue
        if out.plain and not out.plain[-1].isspace():
            out.append(" ")
        if seg.was.strip():
            out.append(f"[-{seg.was.strip()}-]", style="red strike")
        if seg.text.strip():
            out.append(f"{{+{seg.text.strip()}+}}", style="green")
        out.append(" ")
    return out


def _appearance_line(a: Any) -> Text:
    line = Text(f"{a.published or 'undated'} · {a.outlet or 'unknown outlet'} · ")
    line.append(f"{a.article_title or 'article'} (article {a.article_id}, quote {a.quote_id}) · ")
    line.append("reported" if a.reported else a.kind)
    line.append(f" · {a.speaker or 'unknown speaker'}")
    if a.relation != "first":
        line.append(f" · {a.relation}")
    if a.suggestion is not None:
        s = a.suggestion
        line.append(
            f" · suggested speaker: {s.speaker} (the same words attributed to them in article "
            f"{s.article_id}, quote {s.quote_id}{', ' + s.cue if s.cue else ''}; {s.relation})"
        )
    return line


def trail_command(
    quote_id: Annotated[str, typer.Argument(help="The quote's id in the store (`presse quotes -f json`).")],
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[TrailFormat, typer.Option("--format", "-f", help="text or json.")] = TrailFormat.text,
    width: WidthOption = None,
) -> None:
    """The trail of one quotation: its first appearance, then every later one in date order with
    its word-by-word differences, the outlets and speakers, and apart the copies."""
    from presse.store import queries
    from presse.store import trails as store_trails

    ident = _quote_id(quote_id)
    with closing(queries.connect_reader(db)) as conn:
        found = store_trails.trail(conn, ident)
    if output_format == TrailFormat.json:
        sys.stdout.write(json.dumps(_as_json(found), ensure_ascii=False) + "\n")
        return
    out = stdout(width=width, soft_wrap=True)
    title = Text(f"Trail {found.id if found.id is not None else '—'}: « {found.first.text} »", style="bold")
    out.print(title)
    copies = found.articles - found.independent
    out.print(
        Text(
            f"{found.articles} article{'s' if found.articles != 1 else ''}, {found.independent} independent"
            f"{f', {copies} in copies' if copies else ''} · outlets: {', '.join(found.outlets) or '—'}"
            f" · speakers: {', '.join(f'{n} ({c})' for n, c in found.speakers) or '—'}"
        )
    )
    if found.note:
        out.print(Text(found.note, style="italic"))
    out.print(Text("First appearance", style="bold"))
    out.print(_appearance_line(found.first))
    for label, items in (("Later appearances", found.later), ("In copies", found.in_copies)):
        if not items:
            continue
        out.print(Text(label, style="bold"))
        for a in items:
            line = _appearance_line(a)
            if a.copy_of is not None:
                line.append(
                    " · repeated in the same article" if a.copy_of == a.article_id
                    else f" · copy of article {a.copy_of}"
                )
            out.print(line)
            out.print(Text("    ").append(_diff_text(a.diff)))


def copies_command(
    db: DbOption = DEFAULT_DB,
    limit: LimitOption = 0,
    output_format: FormatOption = TableFormat.table,
    width: WidthOption = None,
) -> None:
    """Near-duplicate articles: each article found to copy another (the same dispatch
    republished, lightly edited), with their similarity."""
    from presse.store import queries
    from presse.store import trails as store_trails

    with closing(queries.connect_reader(db)) as conn:
        rows = store_trails.copies(conn, limit=limit or None)
    columns = ["article_id", "published", "outlet", "title", "copy_of", "copy_of_published",
               "copy_of_outlet", "similarity"]
    if output_format != TableFormat.table:
        columns = [*columns, "copy_of_title", "group_id"]
    _emit(rows, columns, output_format, "Article copies", width, nothing="No article copies found.")


def register(app: typer.Typer) -> None:
    """Add the trail commands to the main `presse` app."""
    app.command("trails")(trails_command)
    app.command("trail")(trail_command)
    app.command("copies")(copies_command)

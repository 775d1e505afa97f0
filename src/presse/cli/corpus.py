"""Corpus commands of the `presse` CLI: ingest, actors, quotes, stance, article, stats, voices,
export.

Each command is a thin wrapper over :mod:`presse.corpus.ingest` and :mod:`presse.store`; tables go to
standard output (rich by default, ``--format json`` for one JSON object per row — one object
for ``stats`` and ``voices`` — and ``--format csv``), progress and summaries to standard error.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Sequence
from contextlib import closing
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from presse.cli.output import WidthOption, err, escape, stdout
from presse.errors import UsageError
from presse.ingest.language import LANG_HELP, check_forced
from presse.ingest.limits import MAX_BYTES_HELP

DEFAULT_DB = "presse.db"
CO_MENTION_MIN = 2
"""Shared articles a co-mention edge of the exported network needs."""

DbOption = Annotated[
    str, typer.Option("--db", help="The corpus database (SQLite).", show_default=True)
]


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ArticleFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class SortKey(StrEnum):
    voice = "voice"
    mentions = "mentions"
    quotes = "quotes"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gexf = "gexf"
    gold = "gold"


FormatOption = Annotated[
    TableFormat, typer.Option("--format", "-f", help="Output: rich table, JSON lines or CSV.")
]
LimitOption = Annotated[int, typer.Option("--limit", "-n", help="At most this many rows (0: all).")]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")]


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _emit(
    rows: Sequence[Any],
    columns: Sequence[str],
    fmt: TableFormat,
    title: str,
    width: int | None,
    *,
    nothing: str | None = None,
) -> None:
    """Write dataclass rows as a rich table (``width`` as :func:`presse.cli.output.stdout`),
    JSON lines or CSV (``columns`` picks the fields).

    With no rows and a ``nothing`` message, the message goes to standard error and no empty
    table is drawn (CSV still gets its header, JSON lines nothing)."""
    if not rows and nothing is not None:
        err.print(nothing, markup=False, highlight=False)
        if fmt == TableFormat.csv:
            csv.writer(sys.stdout).writerow(columns)
        return
    dicts = [{c: _jsonable(getattr(row, c)) for c in columns} for row in rows]
    if fmt == TableFormat.json:
        for d in dicts:
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
        return
    if fmt == TableFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for d in dicts:
            writer.writerow(["; ".join(v) if isinstance(v, list) else v for v in d.values()])
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        numeric = bool(dicts) and isinstance(dicts[0][column], int | float)
        table.add_column(column.replace("_", " "), justify="right" if numeric else "left")
    for d in dicts:
        table.add_row(
            *(
                escape(", ".join(v) if isinstance(v, list) else "" if v is None else str(v))
                for v in d.values()
            )
        )
    stdout(width=width).print(table)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date: use YYYY-MM-DD") from None


def ingest_command(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive), JSONL corpora, RSS/Atom feeds, - for stdin."),
    ] = None,
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Analysis processes.")] = 1,
    from_batch: Annotated[
        Path | None, typer.Option("--from-batch", help="Load a `presse batch` output folder instead of analyzing.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    reanalyze: Annotated[
        bool, typer.Option("--reanalyze", help="Analyze stored articles again even when unchanged.")
    ] = False,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, help=MAX_BYTES_HELP)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Analyze articles into a corpus database; rerun it to add new ones or resume.

    Articles already stored with the same text are skipped, unless an older presse version
    analyzed them (they are analyzed again); a bad document is recorded in the database and
    listed at the end without stopping the run (exit code 0).
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from presse.corpus.ingest import IngestEvent, estimate_total, ingest, ingest_batch
    from presse.ingest import use_max_bytes
    from presse.report.labels import counted

    if bool(sources) == (from_batch is not None):
        raise UsageError("give either SOURCES to analyze or --from-batch DIR, not both or neither")
    if reanalyze and from_batch is not None:
        raise UsageError("--reanalyze analyzes SOURCES again; --from-batch loads analyses already made")
    limits = use_max_bytes(max_bytes)
    total = estimate_total(sources) if sources else None
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TextColumn("{task.fields[rate]:.1f}/s"),
        TextColumn("[red]{task.fields[failed]} errors"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
        transient=False,
    )
    done = {"n": 0, "failed": 0}

    with progress:
        task = progress.add_task("ingest", total=total, rate=0.0, failed=0)

        def on_event(event: IngestEvent) -> None:
            if event.outcome == "link":
                return
            done["n"] += 1
            done["failed"] += event.outcome == "failed"
            elapsed = progress.tasks[0].elapsed or 0.0
            current = progress.tasks[0].total
            progress.update(
                task,
                completed=done["n"],
                total=max(current, done["n"]) if current is not None else None,
                rate=done["n"] / elapsed if elapsed else 0.0,
                failed=done["failed"],
            )

        if from_batch is not None:
            counts = ingest_batch(from_batch, db, progress=on_event)
        else:
            counts = ingest(
                sources or [], db, jobs=jobs, limits=limits, language=check_forced(lang),
                progress=on_event, reanalyze=reanalyze,
            )
    rate = counts.items / counts.seconds if counts.seconds else 0.0
    why = "as asked" if reanalyze else "analyzed by an older presse"
    err.print(
        f"{escape(db)}: {counts.new} new, {counts.replaced} replaced, {counts.unchanged} unchanged, "
        f"{counts.failed} failed"
        + (f", {counts.reanalyzed} re-analyzed ({why})" if counts.reanalyzed else "")
        + (f", {counted(counts.links, 'link-only feed entry', 'link-only feed entries')} recorded" if counts.links else "")
        + f" ({counts.seconds:.1f} s, {rate:.1f} articles/s)",
        soft_wrap=True,
    )
    for source, reason in counts.errors[:20]:
        err.print(f"  [red]failed[/red] {escape(source)}: {escape(reason)}", soft_wrap=True)
    if len(counts.errors) > 20:
        err.print(f"  … and {len(counts.errors) - 20} more (see `presse stats --db {escape(db)}`)")
    _trails_hint(db)


def _trails_hint(db: str) -> None:
    """Say so when the store's quote trails await a rebuild (a store made before them)."""
    from presse.store import queries
    from presse.store.trails import has_trails

    with closing(queries.connect_reader(db)) as conn:
        if not has_trails(conn):
            err.print(
                f"{escape(db)}: its quote trails are not built (articles stored before presse had "
                f"them): run `presse trails --rebuild --db {escape(db)}`",
                soft_wrap=True,
            )


def actors_command(
    db: DbOption = DEFAULT_DB,
    type_: Annotated[str | None, typer.Option("--type", "-t", help="PER, ORG, LOC or MISC.")] = None,
    sort: Annotated[SortKey, typer.Option("--sort", "-s", help="Order by.")] = SortKey.mentions,
    limit: LimitOption = 50,
    output_format: FormatOption = TableFormat.table,
    width: WidthOption = None,
) -> None:
    """Corpus actors: articles, mentions, quotes, quoted words, voice ratio, first/last seen."""
    from presse.store import queries

    if type_ is not None and type_.upper() not in ("PER", "ORG", "LOC", "MISC"):
        raise UsageError(f"--type {type_!r}: use PER, ORG, LOC or MISC")
    with closing(queries.connect_reader(db)) as conn:
        rows = queries.actors(conn, type_=type_, sort=sort.value, limit=limit or None)
    columns = ["name", "type", "articles", "mentions", "quotes", "quoted_words", "voice",
               "first_seen", "last_seen"]
    if output_format != TableFormat.table:
        columns = ["id", *columns, "knowledge"]
    _emit(rows, columns, output_format, f"Actors by {sort.value}", width, nothing="No actors match.")


def quotes_command(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Said by this actor.")] = None,
    about: Annotated[str | None, typer.Option("--about", help="Mentioning this actor.")] = None,
    search: Annotated[
        str | None, typer.Option("--search", help='Full-text query (FTS5: words, "phrases", OR, NOT, pre*).')
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 50,
    output_format: FormatOption = TableFormat.table,
    width: WidthOption = None,
) -> None:
    """Quotes by speaker, subject, words and date; newest first (best match first with --search)."""
    from presse.store import queries

    with closing(queries.connect_reader(db)) as conn:
        rows = queries.quotes(
            conn,
            speaker=speaker,
            about=about,
            search=search,
            since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"),
            limit=limit or None,
        )
    columns = ["published", "speaker", "kind", "text", "about", "article_id"]
    if output_format != TableFormat.table:
        columns = ["id", *columns, "cue", "confidence", "article_title", "url"]
    _emit(rows, columns, output_format, "Quotes", width, nothing="No quotes match.")


def _actor_ids(conn: Any, name: str | None, option: str) -> list[int | None]:
    """The actors ``name`` designates ([None]: any actor when no name is given)."""
    from presse.store import queries

    if name is None:
        return [None]
    ids = queries.find_actors(conn, name)
    if not ids:
        raise UsageError(f"{option} {name!r}: no actor of that name in the store")
    return list(ids)


def stance_command(
    db: DbOption = DEFAULT_DB,
    source: Annotated[
        str | None, typer.Option("--source", help="Judgments by this actor (aliases and surnames work).")
    ] = None,
    target: Annotated[str | None, typer.Option("--target", help="Judgments about this actor.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 50,
    output_format: FormatOption = TableFormat.table,
    width: WidthOption = None,
) -> None:
    """Who is hostile or favourable towards whom: per (source, target) pair, the judgments by
    polarity, first and last date and the swing (first vs last judgment); strongest first."""
    from presse.store import queries, stance

    start, end = _parse_date(since, "--since"), _parse_date(until, "--until")
    with closing(queries.connect_reader(db)) as conn:
        rows = [
            pair
            for source_id in _actor_ids(conn, source, "--source")
            for target_id in _actor_ids(conn, target, "--target")
            for pair in stance.pair_stances(conn, source=source_id, target=target_id, since=start, until=end)
        ]
    rows.sort(key=lambda p: (-p.count, -p.strongest, p.source_id, p.target_id))
    columns = ["source_name", "target_name", "count", "negative", "positive", "label", "first_date",
               "last_date", "swing"]
    if output_format != TableFormat.table:
        columns = ["source_id", "source_name", "target_id", "target_name", "count", "positive", "negative",
                   "mean", "strongest", "label", "first_date", "last_date", "first_polarity",
                   "last_polarity", "swing"]
    _emit(rows[: limit or None], columns, output_format, "Stance between actors", width,
          nothing="No stance matches.")


def article_command(
    ref: Annotated[str, typer.Argument(help="The article's id in the store, URL or record id.")],
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        ArticleFormat, typer.Option("--format", "-f", help="Report format.")
    ] = ArticleFormat.text,
    width: WidthOption = None,
) -> None:
    """The stored analysis of one article: the same report as `presse analyze`."""
    from presse.report import render_markdown, render_text
    from presse.store import queries

    with closing(queries.connect_reader(db)) as conn:
        article = queries.article(conn, ref)
    if output_format == ArticleFormat.json:
        sys.stdout.write(article.model_dump_json() + "\n")
    elif output_format == ArticleFormat.markdown:
        sys.stdout.write(render_markdown(article))
    else:
        render_text(article, stdout(width=width))


def stats_command(
    db: DbOption = DEFAULT_DB,
    output_format: Annotated[
        TableFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: rich tables; json: one JSON object with every figure, the top actors and"
            " the latest errors; csv: the figures, one figure,value row each.",
        ),
    ] = TableFormat.table,
    width: WidthOption = None,
) -> None:
    """Counts, date range, versions, top actors by quotes and the latest ingest errors."""
    from presse.store import queries

    with closing(queries.connect_reader(db)) as conn:
        result = queries.stats(conn)
    if output_format == TableFormat.json:
        sys.stdout.write(
            json.dumps(dataclasses.asdict(result), ensure_ascii=False, default=_jsonable) + "\n"
        )
        return
    if output_format == TableFormat.csv:
        _stats_csv(result)
        return
    out = stdout(width=width)
    summary = Table(title=f"Corpus {escape(db)}", title_justify="left", show_header=False)
    summary.add_column("what")
    summary.add_column("value", justify="right")
    for label, value in (
        ("articles", result.articles),
        ("words", result.words),
        ("actors", result.actors),
        ("mentions", result.mentions),
        ("quotes", result.quotes),
        ("attributed quotes", result.attributed_quotes),
        ("ingest errors", result.errors),
        ("link-only feed entries", result.feed_links),
    ):
        summary.add_row(label, f"{value:,}")
    summary.add_row("dates", f"{result.first_date or '?'} → {result.last_date or '?'}")
    summary.add_row(
        "articles by presse version",
        escape(
            ", ".join(f"{version or 'unknown'}: {n:,}" for version, n in result.articles_by_version)
        ),
    )
    summary.add_row("model", escape(", ".join(result.models)))
    out.print(summary)
    _emit(
        result.top_actors,
        ["name", "type", "articles", "mentions", "quotes", "quoted_words", "voice"],
        TableFormat.table,
        "Top actors by quotes",
        width,
    )
    if result.recent_errors:
        errors = Table(title="Latest ingest errors", title_justify="left")
        errors.add_column("source")
        errors.add_column("reason")
        for source, reason in result.recent_errors:
            errors.add_row(escape(source), escape(reason))
        out.print(errors)


def _stats_csv(result: Any) -> None:
    """The scalar figures of a stats result as ``figure,value`` CSV rows; lists of names are
    joined with "; ", tables (top actors, errors) are left to the JSON and table formats."""
    writer = csv.writer(sys.stdout)
    writer.writerow(["figure", "value"])
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        if isinstance(value, tuple):
            if not all(isinstance(v, str) for v in value):
                continue
            value = "; ".join(value)
        writer.writerow([field.name, "" if value is None else _jsonable(value)])


def voices_command(
    db: DbOption = DEFAULT_DB,
    by: Annotated[
        list[str] | None,
        typer.Option(
            "--by",
            "-b",
            metavar="gender|outlet|month",
            help="gender (always), outlet, month; repeat or join with commas: --by gender --by month.",
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=0, help="Most quoted women and men listed.")] = 10,
    output_format: Annotated[
        TableFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: rich tables; json: one JSON object (by, rows, gaps, top_women, top_men);"
            " csv: the rows, one per group and gender.",
        ),
    ] = TableFormat.table,
    width: WidthOption = None,
) -> None:
    """Who gets a voice, by gender: persons mentioned and quoted, quotations and quoted words
    for women (f), men (m), groups of both (x) and unknown, the gap women/men, the most quoted
    women and men. Each person counts once per article; a quotation once per utterance."""
    from presse.store import queries
    from presse.store.voices import FIGURES, gender_voices, parse_by

    groups = parse_by(by or ["gender"])
    with closing(queries.connect_reader(db)) as conn:
        try:
            report = gender_voices(conn, groups, top=top)
        except UsageError as exc:
            raise UsageError(f"{db}: {exc}") from None
    if output_format == TableFormat.json:
        sys.stdout.write(
            json.dumps(dataclasses.asdict(report), ensure_ascii=False, default=_jsonable) + "\n"
        )
        return
    columns = [*groups, "gender", *FIGURES, "share_persons_quoted", "share_quoted_words"]
    title = "Voices by " + ", ".join(report.by)
    _emit(report.rows, columns, output_format, title, width, nothing="No persons in the store.")
    if output_format == TableFormat.csv or not report.rows:
        return
    _emit(report.gaps, [*groups, *FIGURES], output_format, "Gap: women / men", width)
    person = ["name", "articles", "quotes", "quoted_words", "gender_evidence"]
    _emit(report.top_women, person, output_format, "Most quoted women", width)
    _emit(report.top_men, person, output_format, "Most quoted men", width)


def export_command(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    out: Annotated[
        str,
        typer.Option("--out", "-o", help="A folder for jsonl/csv/parquet tables, a file for gexf and gold."),
    ],
    db: DbOption = DEFAULT_DB,
    reviewed_only: Annotated[
        bool, typer.Option("--reviewed-only", help="gold: only the articles marked reviewed.")
    ] = False,
    co_mention: Annotated[
        bool,
        typer.Option(
            "--co-mention",
            help="gexf: also add co-mention edges (actors of the same articles, from "
            f"{CO_MENTION_MIN} shared articles on); the network has stance and act edges only by default.",
        ),
    ] = False,
) -> None:
    """Export articles, quotes, actors, stance edges, voices and quote trails as tables, the actor
    network as GEXF (Gephi: stance and act edges, co-mention edges only with --co-mention), or the
    corrected articles as gold JSONL for `presse eval quotes`."""
    from presse.store import queries
    from presse.store.export import export

    if reviewed_only and output_format != ExportFormat.gold:
        raise UsageError("--reviewed-only goes with --format gold")
    if co_mention and output_format != ExportFormat.gexf:
        raise UsageError(f"--co-mention applies to the network (--format gexf), not to {output_format.value}")
    with closing(queries.connect_reader(db)) as conn:
        paths = export(
            conn, output_format.value, out, reviewed_only=reviewed_only,
            co_mention=CO_MENTION_MIN if co_mention else None,
        )
    for path in paths:
        err.print(f"wrote {escape(str(path))}", soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the main `presse` app."""
    app.command("ingest")(ingest_command)
    app.command("actors")(actors_command)
    app.command("quotes")(quotes_command)
    app.command("stance")(stance_command)
    app.command("article")(article_command)
    app.command("stats")(stats_command)
    app.command("voices")(voices_command)
    app.command("export")(export_command)

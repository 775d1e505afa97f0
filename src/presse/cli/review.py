"""Review commands of the `presse` CLI: ``presse correct …`` records one correction (or undoes
one, or marks an article reviewed) and ``presse corrections`` lists, exports and imports them.

Each command wraps :mod:`presse.store.corrections`; the store must exist (a missing or foreign
file is one clear error, and nothing is created). What was done goes to standard error, listings
and exports to standard output or ``--out``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ClassVar

import typer

from presse.cli.corpus import DEFAULT_DB, DbOption, FormatOption, TableFormat, _emit
from presse.cli.output import WidthOption, err, escape
from presse.errors import UsageError

if TYPE_CHECKING:
    import sqlite3

    from presse.store.correction_log import Correction
    from presse.store.writer import StoreWriter

correct_app = typer.Typer(
    help="Correct the analysis stored in a corpus: speakers, kinds, false and missed quotations, "
    "actors. Corrections are kept apart and survive re-ingests.",
    no_args_is_help=True,
)

AuthorOption = Annotated[str, typer.Option("--author", help="Who makes the correction.")]
ArticleArg = Annotated[str, typer.Argument(help="The article: store id, URL or record id.")]
QuoteArg = Annotated[str, typer.Argument(help="The quotation: its id (q3) or words found in it.")]
ActorArg = Annotated[str, typer.Argument(help="The actor: store id or name.")]


def _writer(db: str) -> StoreWriter:
    """A writer of the existing store ``db`` (UsageError when it is missing or no store)."""
    from presse.store.queries import connect_reader
    from presse.store.writer import StoreWriter

    with closing(connect_reader(db)):
        pass
    return StoreWriter(db)


def _record(db: str, build: Callable) -> None:
    from presse.store.corrections import record

    with _writer(db) as writer:
        done = record(writer, build(writer.conn))
    what = done.quoted if done.quoted is not None else done.actor_key
    err.print(
        f"correction {done.id} ({done.kind}) {done.status}: {escape(str(what))}", soft_wrap=True
    )


@correct_app.command("speaker")
def speaker_command(
    article: ArticleArg,
    quote: QuoteArg,
    speaker: Annotated[str, typer.Argument(help="Who says it: an actor's name or a new one.")],
    speaker_type: Annotated[str, typer.Option("--type", help="The speaker's type when new.")] = "PER",
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Give a quotation to another speaker."""
    from presse.store.corrections import quote_correction

    _record(db, lambda conn: quote_correction(
        conn, "speaker", article, quote, speaker=speaker, speaker_type=speaker_type.upper(), author=author
    ))


@correct_app.command("kind")
def kind_command(
    article: ArticleArg,
    quote: QuoteArg,
    kind: Annotated[str, typer.Argument(help="direct, indirect or mixed.")],
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Set a quotation's kind."""
    from presse.store.corrections import quote_correction

    _record(db, lambda conn: quote_correction(conn, "kind", article, quote, quote_kind=kind, author=author))


@correct_app.command("reject")
def reject_command(
    article: ArticleArg, quote: QuoteArg, db: DbOption = DEFAULT_DB, author: AuthorOption = "reviewer"
) -> None:
    """Reject a false quotation: it is no longer shown nor counted."""
    from presse.store.corrections import quote_correction

    _record(db, lambda conn: quote_correction(conn, "reject", article, quote, author=author))


@correct_app.command("add")
def add_command(
    article: ArticleArg,
    speaker: Annotated[str, typer.Option("--speaker", help="Who says it.")],
    text: Annotated[str | None, typer.Option("--text", help="The quoted words, found once in the article.")] = None,
    start: Annotated[int | None, typer.Option("--start", help="Offset of the quoted words.")] = None,
    end: Annotated[int | None, typer.Option("--end", help="Offset where they end (exclusive).")] = None,
    kind: Annotated[str, typer.Option("--kind", help="direct, indirect or mixed.")] = "direct",
    speaker_type: Annotated[str, typer.Option("--type", help="The speaker's type when new.")] = "PER",
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Add a quotation presse missed, with its speaker."""
    from presse.store.corrections import added_quote

    _record(db, lambda conn: added_quote(
        conn, article, speaker=speaker, text=text, start=start, end=end,
        speaker_type=speaker_type.upper(), quote_kind=kind, author=author,
    ))


def _actor(kind: str, actor: str, value: str, db: str, author: str) -> None:
    from presse.store.corrections import actor_correction

    _record(db, lambda conn: actor_correction(conn, kind, actor, value, author=author))


@correct_app.command("merge")
def merge_command(
    actor: ActorArg,
    into: Annotated[str, typer.Argument(help="The actor it is (store id or name).")],
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Merge an actor into another: they are one (later ingests follow)."""
    _actor("merge", actor, into, db, author)


@correct_app.command("split")
def split_command(
    actor: ActorArg,
    name: Annotated[str, typer.Argument(help="The name to split off into an actor of its own.")],
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Split a wrongly merged name off an actor."""
    _actor("split", actor, name, db, author)


@correct_app.command("type")
def type_command(
    actor: ActorArg,
    actor_type: Annotated[str, typer.Argument(help="PER, ORG, LOC or MISC.")],
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Set an actor's type."""
    _actor("type", actor, actor_type, db, author)


@correct_app.command("gender")
def gender_command(
    actor: ActorArg,
    gender: Annotated[str, typer.Argument(help="f, m or x.")],
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Set a person's gender."""
    _actor("gender", actor, gender, db, author)


@correct_app.command("reviewed")
def reviewed_command(
    article: ArticleArg,
    undo: Annotated[bool, typer.Option("--undo", help="Mark it not reviewed.")] = False,
    db: DbOption = DEFAULT_DB,
    author: AuthorOption = "reviewer",
) -> None:
    """Mark an article reviewed (it goes into `presse export --format gold --reviewed-only`)."""
    from presse.store.corrections import set_reviewed

    with _writer(db) as writer:
        article_id = set_reviewed(writer, article, reviewed=not undo, author=author)
    err.print(f"article {article_id} {'not ' if undo else ''}reviewed")


@correct_app.command("undo")
def undo_command(
    correction: Annotated[int, typer.Argument(help="The correction's id (see `presse corrections`).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Undo a correction: it is deleted and what it changed is as presse found it again."""
    from presse.store.corrections import undo

    with _writer(db) as writer:
        done = undo(writer, correction)
    err.print(f"correction {done.id} ({done.kind}) undone")


def corrections_command(
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = TableFormat.table,
    orphaned: Annotated[bool, typer.Option("--orphaned", help="Only the corrections that no longer anchor.")] = False,
    export: Annotated[str | None, typer.Option("--export", help="Write every correction as JSONL to this file ('-': standard output).")] = None,
    import_: Annotated[Path | None, typer.Option("--import", help="Add the corrections of a JSONL export that the store lacks.")] = None,
    width: WidthOption = None,
) -> None:
    """List the corrections of a corpus, or share them as JSONL (--export, --import)."""
    from presse.store import correction_log
    from presse.store.corrections import export_jsonl, import_jsonl
    from presse.store.queries import connect_reader

    if import_ is not None:
        with _writer(db) as writer:
            added, known = import_jsonl(writer, import_)
        err.print(f"{escape(str(import_))}: {added} corrections added, {known} already stored", soft_wrap=True)
        return
    with closing(connect_reader(db)) as conn:
        if export is not None:
            _export(conn, export, export_jsonl)
            return
        rows = [
            _Listed.of(c) for c in correction_log.all_corrections(conn, orphaned_only=orphaned)
        ]
    _emit(rows, _Listed.COLUMNS, output_format, "Corrections", width, nothing="no corrections")


def _export(conn: sqlite3.Connection, target: str, export_jsonl: Callable) -> None:
    if target == "-":
        export_jsonl(conn, sys.stdout)
        return
    path = Path(target)
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8") as out:
            count = export_jsonl(conn, out)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write it ({exc.strerror})") from None
    err.print(f"wrote {count} corrections to {escape(str(path))}", soft_wrap=True)


@dataclass(frozen=True, slots=True)
class _Listed:
    """A correction as one row of `presse corrections`."""

    id: int
    kind: str
    status: str
    target: str
    change: str
    author: str
    created: str

    COLUMNS: ClassVar[tuple[str, ...]] = ("id", "kind", "status", "target", "change", "author", "created")

    @classmethod
    def of(cls, c: Correction) -> _Listed:
        target = c.actor_key if c.actor_key else f"{c.article_key} «{c.quoted}»"
        return cls(c.id, c.kind, c.status, str(target), json.dumps(c.payload, ensure_ascii=False), c.author, c.created)


def register(app: typer.Typer) -> None:
    """Add `correct` and `corrections` to the `presse` command line."""
    app.add_typer(correct_app, name="correct")
    app.command("corrections")(corrections_command)

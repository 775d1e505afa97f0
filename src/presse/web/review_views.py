"""Reads for the edit forms of ``presse serve --edit``: an article's or an actor's corrections
(for undo), whether the article is reviewed, and the names a speaker or merge field proposes.

Every function takes a read-only connection; a store without the corrections tables (never
opened in edit mode) gives no corrections and no reviewed flag.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from presse.store import correction_log
from presse.store.correction_log import Correction

PROPOSED_ACTORS = 300
"""How many corpus actors (the most mentioned) a name field proposes."""


@dataclass(frozen=True, slots=True)
class Review:
    """The corrections of an article or actor, the reviewed flag, and names to propose."""

    corrections: list[Correction]
    reviewed: bool
    names: list[str]


def _corpus_names(conn: sqlite3.Connection, type_: str | None = None) -> list[str]:
    where = "WHERE type = ?" if type_ else ""
    return [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM actors {where} ORDER BY mentions DESC, id LIMIT ?",
            (*([type_] if type_ else []), PROPOSED_ACTORS),
        )
    ]


def article_review(conn: sqlite3.Connection, article_id: int, entity_names: list[str]) -> Review:
    """The article's corrections, its reviewed flag, and its own actors' names first, then the
    corpus's most mentioned actors."""
    names = list(dict.fromkeys([*sorted(entity_names, key=str.casefold), *_corpus_names(conn)]))
    row = conn.execute("SELECT key FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None or not correction_log.has_corrections(conn):
        return Review([], False, names)
    reviewed = conn.execute("SELECT 1 FROM reviewed WHERE article_key = ?", (row[0],)).fetchone()
    return Review(correction_log.for_article(conn, row[0]), reviewed is not None, names)


def actor_review(conn: sqlite3.Connection, actor_id: int) -> Review:
    """The corrections that name the actor (as subject or merge target) and the names of the
    corpus actors of its type."""
    row = conn.execute("SELECT key, type FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None or not correction_log.has_corrections(conn):
        return Review([], False, [])
    key, type_ = row
    mine = [
        c
        for c in correction_log.actor_corrections(conn)
        if c.actor_key == key or c.payload.get("into") == key
    ]
    return Review(mine, False, _corpus_names(conn, type_))

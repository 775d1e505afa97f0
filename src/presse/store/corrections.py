"""A reviewer's corrections of a corpus store: record, list, undo, share, and mark reviewed.

The library behind ``presse correct``, ``presse corrections`` and the web UI's edit mode::

    from presse.store.corrections import quote_correction, record
    from presse.store.writer import StoreWriter

    with StoreWriter("corpus.db") as writer:
        correction = quote_correction(writer.conn, "speaker", "12", "q3", speaker="Anne Hidalgo")
        record(writer, correction)

Contracts:

* corrections are stored apart from the analyses (:mod:`presse.store.correction_log`) and
  applied whenever the store writes an article (:mod:`presse.store.writer`): recording or
  undoing one writes the articles concerned again in the same transaction, so every count,
  view, export and API response reads corrected data as soon as :func:`record` returns;
* an article correction names its article by store id, URL, record id or key, and its quotation
  by quote id (``q3``) or by a piece of its text found in exactly one quotation of the article
  as it reads now (corrected); an added quotation is given by its offsets or by a text found
  once in the article; an actor is named by store id or by a name that designates exactly one
  actor;
* every problem is a :class:`presse.errors.UsageError` with one line saying what is wrong, and
  nothing is written;
* :func:`import_jsonl` stores the corrections of a :func:`export_jsonl` file that the store does
  not have yet (by ``uid``), all or none.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from presse.analyze.names import fold_name
from presse.errors import UsageError
from presse.model import Article
from presse.store import actor_rules, correction_log
from presse.store.correction_log import ACTOR_KINDS, Correction, check
from presse.store.queries import analysis_column, find_actors, find_article
from presse.store.writer import StoreWriter


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as a correction sees it: store id, key, content hash, corrected analysis."""

    id: int
    key: str
    content_hash: str
    article: Article


def stored_article(conn: sqlite3.Connection, ref: str | int) -> StoredArticle:
    """The article ``ref`` (store id, URL, record id or key), corrected; UsageError if none."""
    row = find_article(conn, str(ref).strip(), f"id, key, content_hash, {analysis_column(conn)}")
    return StoredArticle(int(row[0]), row[1], row[2], Article.model_validate_json(row[3]))


def _quote(stored: StoredArticle, ref: str) -> tuple[int, int]:
    quotes = stored.article.quotes
    found = [q for q in quotes if q.id == ref.strip()] or [q for q in quotes if ref in q.text]
    if not found:
        raise UsageError(f"article {stored.id}: no quotation {ref!r} (give its id, q1…, or its words)")
    if len(found) > 1:
        raise UsageError(
            f"article {stored.id}: {ref!r} is in {len(found)} quotations "
            f"({', '.join(q.id for q in found[:5])}): give its id"
        )
    return found[0].start, found[0].end


def quote_correction(
    conn: sqlite3.Connection,
    kind: str,
    article: str | int,
    quote: str,
    *,
    speaker: str | None = None,
    speaker_type: str = "PER",
    quote_kind: str | None = None,
    author: str = "reviewer",
) -> Correction:
    """A checked ``speaker``, ``kind`` or ``reject`` correction of a quotation (not stored)."""
    if kind not in ("speaker", "kind", "reject"):
        raise UsageError(f"{kind!r} is not a quotation correction: use speaker, kind or reject")
    stored = stored_article(conn, article)
    start, end = _quote(stored, quote)
    payload: dict[str, Any] = {}
    if kind == "speaker":
        payload = {"speaker": speaker, "type": speaker_type}
    elif kind == "kind":
        payload = {"kind": quote_kind}
    return _anchored(stored, kind, start, end, payload, author)


def added_quote(
    conn: sqlite3.Connection,
    article: str | int,
    *,
    speaker: str,
    text: str | None = None,
    start: int | None = None,
    end: int | None = None,
    near: int | None = None,
    speaker_type: str = "PER",
    quote_kind: str = "direct",
    author: str = "reviewer",
) -> Correction:
    """A checked ``add`` correction: the words at [start, end), or ``text`` found once in the
    article (or, found several times, the occurrence nearest to the offset ``near``)."""
    stored = stored_article(conn, article)
    body = stored.article.text
    if start is None or end is None:
        if not text or not text.strip():
            raise UsageError("give the quotation's words or its offsets")
        text = text.strip()
        found = [i for i in range(len(body)) if body.startswith(text, i)]
        if not found:
            raise UsageError(f"article {stored.id}: {text!r} is not in its text")
        if len(found) > 1 and near is None:
            raise UsageError(f"article {stored.id}: {text!r} is in its text more than once: give offsets")
        start = min(found, key=lambda i: abs(i - (near or 0)))
        end = start + len(text)
    if not 0 <= start < end <= len(body):
        raise UsageError(f"article {stored.id}: span {start}-{end} is outside its text (length {len(body)})")
    payload = {"speaker": speaker, "type": speaker_type, "kind": quote_kind}
    return _anchored(stored, "add", start, end, payload, author)


def _anchored(
    stored: StoredArticle, kind: str, start: int, end: int, payload: dict[str, Any], author: str
) -> Correction:
    return check(
        Correction(
            kind=kind,
            payload=payload,
            article_key=stored.key,
            content_hash=stored.content_hash,
            start=start,
            end=end,
            quoted=stored.article.text[start:end],
            author=author,
        )
    )


def actor_key(conn: sqlite3.Connection, ref: str | int) -> tuple[int, str, str]:
    """(id, key, name) of the actor ``ref``: a store id or a name designating one actor."""
    text = str(ref).strip()
    ids = [int(text)] if text.isdigit() else find_actors(conn, text)
    rows = [
        conn.execute("SELECT id, key, name FROM actors WHERE id = ?", (i,)).fetchone() for i in ids
    ]
    rows = [r for r in rows if r is not None]
    if not rows:
        raise UsageError(f"no actor {text!r} in the store")
    if len(rows) > 1:
        names = ", ".join(f"{r[2]} (#{r[0]})" for r in rows[:6])
        raise UsageError(f"{text!r} designates {len(rows)} actors: {names}; give its id")
    return int(rows[0][0]), rows[0][1], rows[0][2]


def actor_correction(
    conn: sqlite3.Connection, kind: str, actor: str | int, value: str, *, author: str = "reviewer"
) -> Correction:
    """A checked actor correction: ``merge`` into actor ``value``, ``split`` the name ``value``
    off, set ``type`` or ``gender`` to ``value``."""
    if kind not in ACTOR_KINDS:
        raise UsageError(f"{kind!r} is not an actor correction: use {', '.join(ACTOR_KINDS)}")
    actor_id, key, name = actor_key(conn, actor)
    payload: dict[str, Any]
    if kind == "merge":
        into_id, into_key, _ = actor_key(conn, value)
        if into_id == actor_id:
            raise UsageError(f"{name!r} cannot be merged into itself")
        payload = {"into": into_key}
    elif kind == "split":
        names = {
            fold_name(r[0]): r[0]
            for r in conn.execute("SELECT DISTINCT name FROM entities WHERE actor_id = ?", (actor_id,))
        }
        folded = fold_name(value)
        if folded not in names:
            known = "; ".join(sorted(names.values(), key=str.casefold)[:8])
            raise UsageError(f"{name!r} has no entity named {value!r} (its names: {known})")
        if f"{key.split(':', 1)[0]}:{folded}" == key:
            raise UsageError(f"{value!r} is {name!r}'s own name: split off another of its names")
        payload = {"name": names[folded]}
    else:
        payload = {kind: value.upper() if kind == "type" else value.lower()}
    return check(Correction(kind=kind, payload=payload, actor_key=key, author=author))


def _article_ids(conn: sqlite3.Connection, key: str | None) -> list[int]:
    if key is None:
        return []
    return [int(r[0]) for r in conn.execute("SELECT id FROM articles WHERE key = ?", (key,))]


def record(writer: StoreWriter, correction: Correction) -> Correction:
    """Store a checked correction and apply it; the stored correction (with id and status)."""
    stored: list[int] = []

    def change(conn: sqlite3.Connection) -> list[int]:
        new_id = correction_log.insert(conn, correction)
        if new_id is None:
            raise UsageError(f"correction {correction.uid} is already stored")
        stored.append(new_id)
        return _article_ids(conn, correction.article_key)

    writer.correct(change)
    found = correction_log.get(writer.conn, stored[0])
    assert found is not None
    return found


def undo(writer: StoreWriter, correction_id: int) -> Correction:
    """Delete correction ``correction_id`` and write what it changed again; the correction."""
    found = correction_log.get(writer.conn, correction_id)
    if found is None:
        raise UsageError(f"no correction {correction_id} in the store")

    def change(conn: sqlite3.Connection) -> list[int]:
        correction_log.delete(conn, correction_id)
        if found.actor_key is not None:
            return actor_rules.unenforce(conn, found)
        return _article_ids(conn, found.article_key)

    writer.correct(change)
    return found


def export_jsonl(conn: sqlite3.Connection, out: TextIO) -> int:
    """Write every correction as one JSON object per line; the number written."""
    rows = correction_log.all_corrections(conn)
    for correction in rows:
        out.write(json.dumps(correction.as_json(), ensure_ascii=False) + "\n")
    return len(rows)


def read_jsonl(path: Path) -> list[Correction]:
    """The checked corrections of a JSONL file; UsageError naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None
    found = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            found.append(correction_log.from_json(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
        except UsageError as exc:
            raise UsageError(f"{path}:{lineno}: {exc}") from None
    return found


def import_jsonl(writer: StoreWriter, path: Path) -> tuple[int, int]:
    """Store the corrections of ``path`` the store lacks, in one transaction: (added, known)."""
    corrections = read_jsonl(path)
    added = 0

    def change(conn: sqlite3.Connection) -> Iterable[int]:
        nonlocal added
        keys: set[str] = set()
        for correction in corrections:
            if correction_log.insert(conn, correction) is not None:
                added += 1
                if correction.article_key:
                    keys.add(correction.article_key)
        return [i for key in sorted(keys) for i in _article_ids(conn, key)]

    writer.correct(change)
    return added, len(corrections) - added


def set_reviewed(writer: StoreWriter, article: str | int, *, reviewed: bool = True, author: str = "reviewer") -> int:
    """Mark the article reviewed (or not); its store id."""
    stored = stored_article(writer.conn, article)
    if reviewed:
        writer.conn.execute(
            "INSERT INTO reviewed(article_key, author, reviewed_at) VALUES (?, ?, ?) "
            "ON CONFLICT(article_key) DO UPDATE SET author = excluded.author, "
            "reviewed_at = excluded.reviewed_at",
            (
                stored.key,
                correction_log.clean_text(author, "author"),
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
    else:
        writer.conn.execute("DELETE FROM reviewed WHERE article_key = ?", (stored.key,))
    return stored.id

"""The ``corrections`` table: what a reviewer fixed, who, when, and where it is anchored.

Contracts:

* a :class:`Correction` is an *article* correction (``speaker``, ``kind``, ``reject``, ``add``:
  anchored by the article's key and content hash, the offsets of a quotation and its text) or an
  *actor* correction (``merge``, ``split``, ``type``, ``gender``: naming a corpus actor by its
  key); :func:`check` validates a correction before it is stored and raises
  :class:`presse.errors.UsageError` with one clear line when it is not valid;
* rows are never updated but for their ``status`` (applied, orphaned): undoing a correction
  deletes it (:func:`delete`);
* ``uid`` identifies a correction across stores: a correction imported twice is stored once.

This module only reads and writes the table; applying corrections is
:mod:`presse.store.corrected` (article corrections) and :mod:`presse.store.actor_rules` (actor
corrections).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Final

from presse.errors import UsageError
from presse.model import EntityType, QuoteKind

ARTICLE_KINDS: Final = ("speaker", "kind", "reject", "add")
ACTOR_KINDS: Final = ("merge", "split", "type", "gender")
KINDS: Final = ARTICLE_KINDS + ACTOR_KINDS
ENTITY_TYPES: Final = EntityType.__args__  # type: ignore[attr-defined]
QUOTE_KINDS: Final = QuoteKind.__args__  # type: ignore[attr-defined]
GENDERS: Final = ("f", "m", "x")
MAX_TEXT: Final = 400
"""Longest name or author a correction may carry (a quotation's own text is not limited)."""

_COLUMNS = (
    'id, uid, kind, article_key, content_hash, start, "end", quoted, actor_key, payload, '
    "author, created, status"
)


@dataclass(frozen=True, slots=True)
class Correction:
    """One reviewer's correction (see the module docstring); ``id`` is 0 until stored."""

    kind: str
    payload: dict[str, Any] = field(default_factory=dict)
    article_key: str | None = None
    content_hash: str | None = None
    start: int | None = None
    end: int | None = None
    quoted: str | None = None
    actor_key: str | None = None
    author: str = "reviewer"
    created: str = ""
    uid: str = ""
    id: int = 0
    status: str = "applied"

    def as_json(self) -> dict[str, Any]:
        """The correction as a JSON object (one line of ``presse corrections export``)."""
        return {
            "uid": self.uid,
            "kind": self.kind,
            "article_key": self.article_key,
            "content_hash": self.content_hash,
            "start": self.start,
            "end": self.end,
            "quoted": self.quoted,
            "actor_key": self.actor_key,
            "payload": self.payload,
            "author": self.author,
            "created": self.created,
            "id": self.id,
            "status": self.status,
        }


def clean_text(value: object, what: str, *, limit: int = MAX_TEXT) -> str:
    """``value`` stripped; UsageError when it is not a short, non-empty line of text."""
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{what}: give a non-empty text")
    if len(value) > limit:
        raise UsageError(f"{what}: at most {limit} characters")
    if any(ord(c) < 32 for c in value):
        raise UsageError(f"{what}: no control characters")
    return value.strip()


def _choice(value: object, what: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise UsageError(f"{what} {value!r}: use one of {', '.join(allowed)}")
    return str(value)


def check(correction: Correction) -> Correction:
    """The correction validated and normalized (names stripped, uid and date set).

    Raises UsageError naming the first problem."""
    kind = _choice(correction.kind, "correction kind", KINDS)
    payload = dict(correction.payload)
    author = clean_text(correction.author, "author")
    if kind in ARTICLE_KINDS:
        if not correction.article_key:
            raise UsageError(f"a {kind} correction needs an article")
        start, end = correction.start, correction.end
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
            raise UsageError(f"a {kind} correction needs a span: 0 <= start < end")
        if not correction.quoted:
            raise UsageError(f"a {kind} correction needs the quoted text")
        if kind in ("speaker", "add"):
            payload["speaker"] = clean_text(payload.get("speaker"), "speaker")
            payload["type"] = _choice(payload.get("type", "PER"), "speaker type", ENTITY_TYPES)
        if kind in ("kind", "add"):
            payload["kind"] = _choice(payload.get("kind", "direct"), "quote kind", QUOTE_KINDS)
    else:
        if not correction.actor_key:
            raise UsageError(f"a {kind} correction needs an actor")
        if kind == "merge":
            payload["into"] = clean_text(payload.get("into"), "merge target")
            if payload["into"] == correction.actor_key:
                raise UsageError("an actor cannot be merged into itself")
        elif kind == "split":
            payload["name"] = clean_text(payload.get("name"), "name to split off")
        elif kind == "type":
            payload["type"] = _choice(payload.get("type"), "actor type", ENTITY_TYPES)
        else:
            payload["gender"] = _choice(payload.get("gender"), "gender", GENDERS)
    return replace(
        correction,
        kind=kind,
        payload=payload,
        author=author,
        uid=correction.uid or uuid.uuid4().hex,
        created=correction.created or datetime.now(UTC).isoformat(timespec="seconds"),
    )


def from_json(data: object) -> Correction:
    """A correction read from a JSON object (a line of an export); raises UsageError."""
    if not isinstance(data, dict):
        raise UsageError("a correction must be a JSON object")
    payload = data.get("payload") or {}
    if not isinstance(payload, dict):
        raise UsageError("payload: must be a JSON object")
    allowed = {
        "uid", "kind", "article_key", "content_hash", "start", "end", "quoted", "actor_key",
        "author", "created",
    }
    fields = {k: v for k, v in data.items() if k in allowed and v is not None}
    try:
        return check(Correction(payload=payload, **fields))
    except TypeError as exc:
        raise UsageError(f"not a correction: {exc}") from None


def _row(row: tuple) -> Correction:
    id_, uid, kind, article_key, digest, start, end, quoted, actor_key, payload = row[:10]
    author, created, status = row[10:]
    return Correction(
        kind=kind,
        payload=json.loads(payload),
        article_key=article_key,
        content_hash=digest,
        start=start,
        end=end,
        quoted=quoted,
        actor_key=actor_key,
        author=author,
        created=created,
        uid=uid,
        id=int(id_),
        status=status,
    )


def has_corrections(conn: sqlite3.Connection) -> bool:
    """Whether the store has the corrections table (a store not migrated since has none)."""
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'corrections'"
        ).fetchone()
        is not None
    )


def insert(conn: sqlite3.Connection, correction: Correction) -> int | None:
    """Store a checked correction; its id, or None when its uid is already stored."""
    cursor = conn.execute(
        'INSERT OR IGNORE INTO corrections(uid, kind, article_key, content_hash, start, "end", '
        "quoted, actor_key, payload, author, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            correction.uid,
            correction.kind,
            correction.article_key,
            correction.content_hash,
            correction.start,
            correction.end,
            correction.quoted,
            correction.actor_key,
            json.dumps(correction.payload, ensure_ascii=False, sort_keys=True),
            correction.author,
            correction.created,
        ),
    )
    return int(cursor.lastrowid) if cursor.rowcount else None


def get(conn: sqlite3.Connection, correction_id: int) -> Correction | None:
    """The correction ``correction_id``, or None."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", (correction_id,)).fetchone()
    return _row(row) if row else None


def delete(conn: sqlite3.Connection, correction_id: int) -> None:
    """Remove a correction (an undo)."""
    conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))


def for_article(conn: sqlite3.Connection, key: str) -> list[Correction]:
    """The corrections of the article ``key``, oldest first (the store must have the table:
    a writer's always has, a reader checks :func:`has_corrections` first)."""
    return [
        _row(r)
        for r in conn.execute(
            f"SELECT {_COLUMNS} FROM corrections WHERE article_key = ? ORDER BY id", (key,)
        )
    ]


def actor_corrections(conn: sqlite3.Connection) -> list[Correction]:
    """Every actor correction, oldest first (the store must have the table, as
    :func:`for_article`)."""
    return [
        _row(r)
        for r in conn.execute(
            f"SELECT {_COLUMNS} FROM corrections WHERE actor_key IS NOT NULL ORDER BY id"
        )
    ]


def all_corrections(conn: sqlite3.Connection, *, orphaned_only: bool = False) -> list[Correction]:
    """Every correction, oldest first (only the orphaned ones with ``orphaned_only``)."""
    if not has_corrections(conn):
        return []
    where = " WHERE status = 'orphaned'" if orphaned_only else ""
    return [_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM corrections{where} ORDER BY id")]


def set_status(conn: sqlite3.Connection, statuses: dict[int, str]) -> None:
    """Record whether each correction anchored (``applied``) or not (``orphaned``)."""
    conn.executemany(
        "UPDATE corrections SET status = ? WHERE id = ? AND status != ?",
        [(status, cid, status) for cid, status in statuses.items()],
    )

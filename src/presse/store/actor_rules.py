"""Actor corrections applied to the corpus actor table, inside a writer's transaction.

Contracts of :func:`enforce` (called after every write of articles, so that a later ingest
obeys the corrections made before it):

* ``merge`` (actor → ``into``): the actor's entities join ``into``, its names become aliases of
  ``into`` (:mod:`presse.store.actors` then links those names there); orphaned when ``into`` is
  no actor of the corpus;
* ``split`` (actor, ``name``): the actor's entities called ``name`` become an actor of their
  own (key ``TYPE:folded name``), and the name is no longer an alias of the actor; orphaned when
  the actor is gone;
* ``type`` and ``gender`` set the actor's type or gender; orphaned when the actor is gone;
* the corrections are applied in id order; the function returns the actors whose entities
  changed (their statistics and stance rows need a refresh) and each correction's status.

:func:`unenforce` undoes what the store derived from one actor correction before the
articles concerned are written again.
"""

from __future__ import annotations

import sqlite3

from presse.analyze.names import fold_name
from presse.store.actors import _ensure_actor, refresh_actor_stats
from presse.store.correction_log import Correction, actor_corrections

REVIEWER = "reviewer"
"""The ``gender_evidence`` of an actor whose gender a reviewer set."""


def actor_id(conn: sqlite3.Connection, key: str) -> int | None:
    """The id of the actor with ``key``, or None."""
    row = conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else None


def _merge(conn: sqlite3.Connection, source: int | None, into: int | None) -> set[int]:
    if source is None or into is None:
        return set()
    conn.execute(
        "INSERT OR IGNORE INTO actor_names(folded, actor_id, name) "
        "SELECT folded, ?, name FROM actor_names WHERE actor_id = ?",
        (into, source),
    )
    moved = conn.execute("UPDATE entities SET actor_id = ? WHERE actor_id = ?", (into, source))
    return {source, into} if moved.rowcount else set()


def _split(conn: sqlite3.Connection, source: int, name: str) -> set[int]:
    folded = fold_name(name)
    type_ = conn.execute("SELECT type FROM actors WHERE id = ?", (source,)).fetchone()[0]
    conn.execute("DELETE FROM actor_names WHERE actor_id = ? AND folded = ?", (source, folded))
    rows = [
        (article, entity)
        for article, entity, entity_name in conn.execute(
            "SELECT article_id, entity_id, name FROM entities WHERE actor_id = ?", (source,)
        )
        if fold_name(entity_name) == folded
    ]
    if not rows:
        return set()
    target, _ = _ensure_actor(conn, f"{type_}:{folded}", type_, name)
    if target == source:
        return set()
    conn.executemany(
        "UPDATE entities SET actor_id = ? WHERE article_id = ? AND entity_id = ?",
        [(target, article, entity) for article, entity in rows],
    )
    return {source, target}


def enforce(conn: sqlite3.Connection) -> tuple[set[int], dict[int, str]]:
    """Apply every actor correction (see the module docstring)."""
    touched: set[int] = set()
    statuses: dict[int, str] = {}
    for correction in actor_corrections(conn):
        source = actor_id(conn, str(correction.actor_key))
        payload = correction.payload
        applied = source is not None
        if correction.kind == "merge":
            into = actor_id(conn, payload["into"])
            applied = into is not None
            touched |= _merge(conn, source, into)
        elif source is None:
            pass
        elif correction.kind == "split":
            touched |= _split(conn, source, payload["name"])
        else:
            _set_attribute(conn, correction, source)
        statuses[correction.id] = "applied" if applied else "orphaned"
    return touched, statuses


def _set_attribute(conn: sqlite3.Connection, correction: Correction, source: int) -> None:
    if correction.kind == "type":
        conn.execute("UPDATE actors SET type = ? WHERE id = ?", (correction.payload["type"], source))
    elif correction.kind == "gender":
        conn.execute(
            "UPDATE actors SET gender = ?, gender_evidence = ? WHERE id = ?",
            (correction.payload["gender"], REVIEWER, source),
        )


def enforce_attributes(conn: sqlite3.Connection) -> None:
    """Apply the type and gender corrections again: refreshing an actor's statistics recomputes
    its gender from its entities (:data:`presse.store.actors.ACTOR_GENDER`), and a reviewer's
    gender must win over it."""
    for correction in actor_corrections(conn):
        if correction.kind in ("type", "gender"):
            source = actor_id(conn, str(correction.actor_key))
            if source is not None:
                _set_attribute(conn, correction, source)


def unenforce(conn: sqlite3.Connection, correction: Correction) -> list[int]:
    """Reset what ``correction`` set on the actor table; the articles to write again (those
    whose entities it may have moved), by store id."""
    key = str(correction.actor_key)
    if correction.kind == "type":
        conn.execute("UPDATE actors SET type = ? WHERE key = ?", (key.split(":", 1)[0], key))
        return []
    if correction.kind == "gender":
        source = actor_id(conn, key)
        if source is not None:
            conn.execute("UPDATE actors SET gender = NULL, gender_evidence = NULL WHERE id = ?", (source,))
            refresh_actor_stats(conn, [source])  # back to the gender its entities give
        return []
    holder = actor_id(conn, correction.payload["into"] if correction.kind == "merge" else key)
    if holder is None:
        return []
    # the names it took from the merged actor go; writing its articles again adds back its own
    name = conn.execute("SELECT name FROM actors WHERE id = ?", (holder,)).fetchone()[0]
    conn.execute(
        "DELETE FROM actor_names WHERE actor_id = ? AND folded != ?", (holder, fold_name(name))
    )
    split_off = None
    if correction.kind == "split":
        type_ = key.split(":", 1)[0]
        split_off = actor_id(conn, f"{type_}:{fold_name(correction.payload['name'])}")
    ids = [holder] + ([split_off] if split_off is not None else [])
    marks = ",".join("?" * len(ids))
    return [
        int(r[0])
        for r in conn.execute(
            f"SELECT DISTINCT article_id FROM entities WHERE actor_id IN ({marks})", ids
        )
    ]

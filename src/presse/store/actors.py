"""Corpus-level actors: the article entities that stand for the same person, organisation or place.

Linking rules (each article entity gets exactly one corpus actor):

* **Persons** are keyed by their folded full name, after :func:`presse.knowledge.canonical_person`
  (« Vladimir Putin » and « Poutine » are « Vladimir Poutine » when the office-holders file says
  so). A name is *full* when it starts with a known given name (« Marine Le Pen »); its surname
  is the rest (« le pen »). Two different full names are never merged.
* A **surname-only** person (« Le Pen ») that the knowledge file does not resolve joins the
  full-name actor with that surname when the corpus holds exactly one; otherwise (none, or
  several: Marine and Jean-Marie) it is an actor of its own named by the surname. The choice is
  recomputed whenever a full name with that surname appears or disappears, so the result does
  not depend on the order of ingestion.
* An **unnamed person** (« l'homme », « la source proche de l'enquête », an entity marked
  ``collective``) is an actor of its own article: two articles' « l'homme » are not one man.
  Groups and bodies known by a common noun (« les policiers », « la presse ») are keyed by name
  like organisations.
* A person actor's **gender** is the one most of its entities give (a person named in ten
  articles and called « elle » in nine is ``f``), the strongest evidence deciding between equal
  counts (:data:`GENDER_EVIDENCE_ORDER`), unknown when both tie; its ``gender_evidence`` is the
  strongest evidence among the entities that gave it (:data:`ACTOR_GENDER`).
* **Organisations, places and others** are keyed by folded name; an entity whose name or alias
  is a known name or alias of an actor of the same type joins that actor (« ONU » and
  « Organisation des Nations unies » with alias « ONU »).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import get_args

from presse.analyze.names import fold_name
from presse.knowledge import canonical_person
from presse.lexicons import first_name_gender
from presse.model import Entity, GenderEvidence

GENDER_EVIDENCE_ORDER: tuple[str, ...] = get_args(GenderEvidence)
"""The gender evidence values, strongest first (the order of presse.model.GenderEvidence)."""

_EVIDENCE_RANK = (
    f"COALESCE(NULLIF(instr(',{','.join(GENDER_EVIDENCE_ORDER)},', "
    "',' || gender_evidence || ','), 0), 1000)"
)

ACTOR_GENDER = f"""
UPDATE actors SET (gender, gender_evidence) = (
    SELECT CASE WHEN ties = 1 THEN gender END, CASE WHEN ties = 1 THEN evidence END FROM (
        SELECT gender, evidence, n, best, COUNT(*) OVER (PARTITION BY n, best) AS ties FROM (
            -- the bare column takes its value from the row of MIN(): the strongest evidence
            SELECT gender, COUNT(*) AS n, MIN({_EVIDENCE_RANK}) AS best,
                   gender_evidence AS evidence
            FROM entities WHERE actor_id = actors.id AND gender IS NOT NULL GROUP BY gender))
    ORDER BY n DESC, best LIMIT 1)"""
"""The statement giving every actor its gender from its entities (see the module docstring);
append a WHERE clause to limit it."""

_NAME_TOKENS = re.compile(r"[^\s\-‐‑]+")


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split for linking: its folded key and, for a full name, its surname."""

    name: str
    key: str
    surname: str | None
    full: bool


def person_name(name: str) -> PersonName:
    """Split a person name: leading given names (and initials) are stripped to get the surname.

    ``full`` is true when at least one given name precedes a non-empty surname.
    """
    tokens = _NAME_TOKENS.findall(name)
    given = 0
    for token in tokens[:-1]:
        bare = token.rstrip(".")
        is_initial = len(bare) == 1 and bare.isupper()
        if is_initial or first_name_gender(bare) is not None:
            given += 1
        else:
            break
    key = fold_name(name)
    if given == 0:
        return PersonName(name, key, None, False)
    surname = fold_name(" ".join(tokens[given:]))
    return PersonName(name, key, surname or None, bool(surname))


@dataclass(frozen=True, slots=True)
class Link:
    """How an article entity is tied to its corpus actor."""

    actor_id: int
    link: str
    surname_key: str | None = None


def _now_name(conn: sqlite3.Connection, actor_id: int, names: Iterable[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO actor_names(folded, actor_id, name) VALUES (?, ?, ?)",
        [(fold_name(n), actor_id, n) for n in names if fold_name(n)],
    )


def _ensure_actor(
    conn: sqlite3.Connection,
    key: str,
    type_: str,
    name: str,
    *,
    surname: str | None = None,
    knowledge: str | None = None,
) -> tuple[int, bool]:
    """The id of the actor with ``key``, created if needed; and whether it was created."""
    row = conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
    if row is not None:
        if knowledge:
            conn.execute(
                "UPDATE actors SET knowledge = ? WHERE id = ? AND knowledge IS NULL",
                (knowledge, row[0]),
            )
        return int(row[0]), False
    cursor = conn.execute(
        "INSERT INTO actors(key, type, name, surname, knowledge) VALUES (?, ?, ?, ?, ?)",
        (key, type_, name, surname, knowledge),
    )
    actor_id = int(cursor.lastrowid or 0)
    _now_name(conn, actor_id, [name])
    return actor_id, True


class ActorLinker:
    """Ties the entities of one article to corpus actors, inside the writer's transaction.

    Use :meth:`link` for each entity of an article, then :meth:`settle` once the article's
    entities are inserted: it re-points surname-only entities whose resolution changed and
    returns every actor whose statistics must be refreshed.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.new_surnames: set[str] = set()

    def link(self, entity: Entity, article: int | None = None) -> Link:
        """The corpus actor for ``entity`` (created when new). An unnamed person (« l'homme »)
        is nobody else's: its actor belongs to its ``article``."""
        if entity.type == "PER" and entity.collective:
            key = f"PER:{fold_name(entity.name)}@{article}"
            actor_id, _ = _ensure_actor(self.conn, key, "PER", entity.name)
            return Link(actor_id, "unnamed")
        if entity.type == "PER":
            return self._link_person(entity)
        return self._link_other(entity)

    def _link_person(self, entity: Entity) -> Link:
        canonical = canonical_person(entity.name)
        if canonical is None and entity.knowledge:
            # the analyzer tied the entity to an office-holder: its aliases may name him fully
            canonical = next(
                (c for c in map(canonical_person, entity.aliases) if c is not None), None
            )
        parts = person_name(canonical or entity.name)
        rule = "knowledge" if canonical else "name"
        if parts.full:
            actor_id, created = _ensure_actor(
                self.conn,
                f"PER:{parts.key}",
                "PER",
                parts.name,
                surname=parts.surname,
                knowledge=entity.knowledge,
            )
            if created and parts.surname:
                self.new_surnames.add(parts.surname)
            _now_name(self.conn, actor_id, [entity.name, *entity.aliases])
            return Link(actor_id, rule)
        target = self._surname_target(parts.key)
        actor_id = target if target is not None else self._surname_actor(parts)
        return Link(actor_id, "surname", parts.key)

    def _surname_target(self, surname: str) -> int | None:
        rows = self.conn.execute(
            "SELECT id FROM actors WHERE surname = ? AND type = 'PER' LIMIT 2", (surname,)
        ).fetchall()
        return int(rows[0][0]) if len(rows) == 1 else None

    def _surname_actor(self, parts: PersonName) -> int:
        actor_id, _ = _ensure_actor(self.conn, f"PER:{parts.key}", "PER", parts.name)
        return actor_id

    def _link_other(self, entity: Entity) -> Link:
        key = f"{entity.type}:{fold_name(entity.name)}"
        row = self.conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
        if row is not None:
            actor_id, rule = int(row[0]), "name"
        else:
            folded = sorted({fold_name(n) for n in [entity.name, *entity.aliases]} - {""})
            marks = ",".join("?" * len(folded))
            hit = self.conn.execute(
                f"SELECT a.id FROM actor_names n JOIN actors a ON a.id = n.actor_id "
                f"WHERE n.folded IN ({marks}) AND a.type = ? "
                f"ORDER BY a.articles DESC, a.id LIMIT 1",
                (*folded, entity.type),
            ).fetchone()
            if hit is not None:
                actor_id, rule = int(hit[0]), "alias"
            else:
                actor_id, _ = _ensure_actor(self.conn, key, entity.type, entity.name)
                rule = "name"
        _now_name(self.conn, actor_id, [entity.name, *entity.aliases])
        return Link(actor_id, rule)

    def settle(self) -> set[int]:
        """Re-point surname-only entities for the surnames that gained a full name.

        Returns the actors whose entities changed (their statistics need a refresh).
        """
        touched: set[int] = set()
        for surname in sorted(self.new_surnames):
            touched |= relink_surname(self.conn, surname)
        self.new_surnames.clear()
        return touched


def relink_surname(conn: sqlite3.Connection, surname: str) -> set[int]:
    """Point every surname-only entity ``surname`` at the right actor for the current corpus.

    The single full-name actor with that surname when there is exactly one, else the actor
    named by the surname alone. Returns the actors that gained or lost entities.
    """
    before = {
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT actor_id FROM entities WHERE surname_key = ?", (surname,)
        )
    }
    if not before:
        return set()
    rows = conn.execute(
        "SELECT id FROM actors WHERE surname = ? AND type = 'PER' LIMIT 2", (surname,)
    ).fetchall()
    if len(rows) == 1:
        target = int(rows[0][0])
    else:
        name = conn.execute(
            "SELECT name FROM entities WHERE surname_key = ? LIMIT 1", (surname,)
        ).fetchone()[0]
        target, _ = _ensure_actor(conn, f"PER:{surname}", "PER", name)
    conn.execute(
        "UPDATE entities SET actor_id = ? WHERE surname_key = ? AND actor_id != ?",
        (target, surname, target),
    )
    return before | {target}


def refresh_actor_stats(conn: sqlite3.Connection, actor_ids: Iterable[int] | None = None) -> None:
    """Recompute the counts, first/last dates and gender of ``actor_ids`` (all actors when
    None) from their entities, and delete the actors left without any entity."""
    where = ""
    params: tuple[int, ...] = ()
    if actor_ids is not None:
        ids = tuple(sorted(set(actor_ids)))
        if not ids:
            return
        where = f"WHERE id IN ({','.join('?' * len(ids))})"
        params = ids
    conn.execute(
        f"""
        UPDATE actors SET (articles, mentions, quotes, quoted_words, first_seen, last_seen) = (
            SELECT COUNT(DISTINCT e.article_id), COALESCE(SUM(e.mentions), 0),
                   COALESCE(SUM(e.quotes), 0), COALESCE(SUM(e.quoted_words), 0),
                   MIN(a.published), MAX(a.published)
            FROM entities e JOIN articles a ON a.id = e.article_id
            WHERE e.actor_id = actors.id
        ) {where}
        """,
        params,
    )
    conn.execute(f"{ACTOR_GENDER} {where}", params)
    conn.execute(
        f"DELETE FROM actors {where} {'AND' if where else 'WHERE'} articles = 0 "
        "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.actor_id = actors.id)",
        params,
    )

"""Corrected articles as gold: the JSONL that ``presse eval quotes`` reads (docs/gold-format.md).

Contracts of :func:`gold_records`:

* one record per article (only those flagged reviewed with ``reviewed_only``), in store order,
  read from the corrected analysis and the corpus actors, so a reviewer's corrections become
  the gold: speakers, kinds, rejected and added quotations, merged actors, types and genders;
* ``text`` is the analyzed text (the title, a blank line, then the body), every span's ``text``
  is ``text[start:end]``;
* a quotation's speaker is named by its corpus actor (a person's canonical name; an unnamed
  person keeps the article's description), typed ``GROUP`` with its ``members`` when it is a
  group, ``null`` when presse and the reviewer gave none; ``persons`` lists the article's named
  persons with their gender and whether they are quoted.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from presse.model import Article, Entity, Quote
from presse.store.queries import EntityActor, corrected_article


def _name(entity: Entity, actor: EntityActor | None) -> str:
    return entity.name if actor is None or entity.collective else actor.name


def _speaker(article: Article, quote: Quote, actors: dict[str, EntityActor]) -> dict[str, Any] | None:
    speaker = quote.speaker
    entity = article.entity(speaker.entity) if speaker.entity else None
    if entity is None:
        if not speaker.name:
            return None
        return {"name": speaker.name, "start": None, "end": None, "text": None}
    record: dict[str, Any] = {
        "name": _name(entity, actors.get(entity.id)),
        "start": speaker.start,
        "end": speaker.end,
        "text": speaker.text,
        "type": "GROUP" if entity.members else entity.type,
        "gender": entity.gender if entity.type == "PER" else None,
    }
    if entity.members:
        record["members"] = [
            _name(m, actors.get(m.id)) for i in entity.members if (m := article.entity(i))
        ]
    return record


def _quote(article: Article, quote: Quote, actors: dict[str, EntityActor]) -> dict[str, Any]:
    cue = None
    if quote.cue_start is not None and quote.cue_end is not None:
        cue = {"start": quote.cue_start, "end": quote.cue_end, "text": article.text[quote.cue_start : quote.cue_end]}
    return {
        "start": quote.start,
        "end": quote.end,
        "text": article.text[quote.start : quote.end],
        "kind": quote.kind,
        "cue": cue,
        "speaker": _speaker(article, quote, actors),
    }


def _persons(article: Article, actors: dict[str, EntityActor]) -> list[dict[str, Any]]:
    quoted = {q.speaker.entity for q in article.quotes if q.speaker.entity}
    quoted |= {m for e in article.entities if e.id in quoted for m in e.members}
    persons: dict[str, dict[str, Any]] = {}
    for entity in article.entities:
        if entity.type != "PER" or entity.collective or entity.members:
            continue
        name = _name(entity, actors.get(entity.id))
        person = persons.setdefault(name, {"name": name, "gender": entity.gender, "quoted": False})
        person["quoted"] = person["quoted"] or entity.id in quoted
    return list(persons.values())


def gold_records(conn: sqlite3.Connection, *, reviewed_only: bool = False) -> Iterator[dict[str, Any]]:
    """The gold record of each article (see the module docstring)."""
    join = " JOIN reviewed r ON r.article_key = a.key" if reviewed_only else ""
    rows = conn.execute(
        f"SELECT a.id, a.key, a.doc_id FROM articles a{join} ORDER BY a.id"
    ).fetchall()
    for article_id, key, doc_id in rows:
        found = corrected_article(conn, int(article_id))
        if found is None:
            continue
        article, actors = found
        yield {
            "id": doc_id or key,
            "url": article.url,
            "date": article.published.isoformat() if article.published else None,
            "title": article.title,
            "text": article.text,
            "quotes": [_quote(article, q, actors) for q in article.quotes],
            "persons": _persons(article, actors),
        }

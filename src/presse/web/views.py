"""Reads shaped for the web UI and JSON API: paginated article and actor lists with their
counts, one article or actor by id, an actor's aliases, descriptions, weeks, articles and
companions, and the actor network (edges from :mod:`presse.store.network`). The queries the CLI
and library share (actors, quotes, stats) are in :mod:`presse.store.queries`; this module reuses
its row types.

Contracts:

* every function takes a connection from :func:`presse.store.queries.connect_reader` and only
  reads; every value reaches SQLite as a bound parameter;
* functions looking up one thing by id return None when it does not exist;
* dates are :class:`datetime.date` (None when the article had none).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from presse.model import Article
from presse.store.network import NetworkEdge, articles_in, network_edges
from presse.store.queries import (
    _ACTOR_COLUMNS,
    ActorRow,
    _actor,
    _date,
    analysis_column,
    corrected_article,
    counted,
    date_filter,
)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of an article list."""

    id: int
    title: str | None
    published: date | None
    url: str | None
    outlet: str | None
    words: int
    quotes: int
    actors: int


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """A stored analysis with its store id and, per article entity id, its corpus actor id;
    per quote id (q…), the quote's store id."""

    id: int
    article: Article
    actor_ids: dict[str, int]
    quote_rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Mentions and quotes of an actor in the week starting on ``week`` (a Monday)."""

    week: date
    mentions: int
    quotes: int


@dataclass(frozen=True, slots=True)
class Companion:
    """An actor quoted in the same articles as another, with the number of such articles."""

    id: int
    name: str
    type: str
    articles: int


@dataclass(frozen=True, slots=True)
class NetworkNode:
    """An actor of the network with its counts over the filtered articles."""

    id: int
    name: str
    type: str
    mentions: int
    quotes: int


_SUMMARY = (
    "SELECT a.id, a.title, a.published, a.url, a.outlet, a.words, "
    "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id AND {counted}), "
    "(SELECT COUNT(DISTINCT e.actor_id) FROM entities e WHERE e.article_id = a.id) "
    "FROM articles a"
)


def _summary(row: tuple) -> ArticleSummary:
    return ArticleSummary(
        id=row[0],
        title=row[1],
        published=_date(row[2]),
        url=row[3],
        outlet=row[4],
        words=row[5],
        quotes=row[6],
        actors=row[7],
    )


def count_articles(
    conn: sqlite3.Connection, *, since: date | None = None, until: date | None = None
) -> int:
    """Number of articles published in [since, until] (all when both are None)."""
    where, params = date_filter("published", since, until)
    sql = "SELECT COUNT(*) FROM articles" + (f" WHERE {' AND '.join(where)}" if where else "")
    return int(conn.execute(sql, params).fetchone()[0])


def list_articles(
    conn: sqlite3.Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[ArticleSummary]:
    """Articles published in [since, until], newest first (undated last)."""
    where, params = date_filter("a.published", since, until)
    sql = _SUMMARY.format(counted=counted(conn)) + (f" WHERE {' AND '.join(where)}" if where else "")
    sql += " ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ? OFFSET ?"
    return [_summary(r) for r in conn.execute(sql, [*params, limit, offset])]


def article_summaries(conn: sqlite3.Connection, ids: list[int]) -> list[ArticleSummary]:
    """Summaries of the articles ``ids``, in the order given (unknown ids left out)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    by_id = {r[0]: _summary(r) for r in conn.execute(f"{_SUMMARY.format(counted=counted(conn))} WHERE a.id IN ({marks})", ids)}
    return [by_id[i] for i in ids if i in by_id]


def stored_article(conn: sqlite3.Connection, article_id: int) -> StoredArticle | None:
    """The stored Article JSON of the article with store id ``article_id``, as corrected (see
    :func:`presse.store.queries.corrected_article`)."""
    found = corrected_article(conn, article_id)
    if found is None:
        return None
    article, actors = found
    quote_rows = {
        str(quote): int(rowid)
        for quote, rowid in conn.execute(
            "SELECT quote_id, id FROM quotes WHERE article_id = ?", (article_id,)
        )
    }
    return StoredArticle(article_id, article, {e: a.id for e, a in actors.items()}, quote_rows)


def actor(conn: sqlite3.Connection, actor_id: int) -> ActorRow | None:
    """The corpus actor ``actor_id``."""
    row = conn.execute(f"SELECT {_ACTOR_COLUMNS} FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return _actor(row) if row else None


def count_actors(conn: sqlite3.Connection, *, type_: str | None = None, min_articles: int = 1) -> int:
    """Number of actors that :func:`presse.store.queries.actors` would list without a limit."""
    sql = "SELECT COUNT(*) FROM actors WHERE articles >= ?"
    params: list[object] = [min_articles]
    if type_:
        sql += " AND type = ?"
        params.append(type_.upper())
    return int(conn.execute(sql, params).fetchone()[0])


def actor_aliases(conn: sqlite3.Connection, actor_id: int, name: str) -> list[str]:
    """The name forms seen for the actor, its canonical ``name`` left out, sorted."""
    names = {r[0] for r in conn.execute("SELECT name FROM actor_names WHERE actor_id = ?", (actor_id,))}
    names.update(
        r[0] for r in conn.execute("SELECT DISTINCT name FROM entities WHERE actor_id = ?", (actor_id,))
    )
    names.discard(name)
    return sorted(names, key=str.casefold)


def actor_descriptions(conn: sqlite3.Connection, actor_id: int, *, articles: int = 200) -> list[str]:
    """Descriptions (« le président russe ») of the actor's entities, most frequent first.

    Read from the stored analyses of its ``articles`` most recent articles: the tables keep
    mentions but not the entities' description lists.
    """
    counts: Counter[str] = Counter()
    rows = conn.execute(
        f"SELECT {analysis_column(conn, 'a')}, e.entity_id FROM entities e "
        "JOIN articles a ON a.id = e.article_id "
        "WHERE e.actor_id = ? ORDER BY a.published DESC, a.id DESC LIMIT ?",
        (actor_id, articles),
    ).fetchall()
    for analysis, entity_id in rows:
        entity = Article.model_validate_json(analysis).entity(entity_id)
        if entity is not None:
            counts.update(entity.descriptions)
    return [d for d, _ in counts.most_common()]


def actor_weeks(conn: sqlite3.Connection, actor_id: int) -> list[WeekCount]:
    """Mentions and quotes of the actor per week (dated articles only), every week from the
    first to the last present, empty weeks at zero."""
    per_week: dict[date, list[int]] = {}
    for published, mentions, quotes in conn.execute(
        "SELECT a.published, SUM(e.mentions), SUM(e.quotes) FROM entities e "
        "JOIN articles a ON a.id = e.article_id "
        "WHERE e.actor_id = ? AND a.published IS NOT NULL GROUP BY a.published",
        (actor_id,),
    ):
        day = date.fromisoformat(published)
        week = day - timedelta(days=day.weekday())
        counts = per_week.setdefault(week, [0, 0])
        counts[0] += int(mentions)
        counts[1] += int(quotes)
    if not per_week:
        return []
    weeks: list[WeekCount] = []
    week, last = min(per_week), max(per_week)
    while week <= last:
        mentions, quotes = per_week.get(week, (0, 0))
        weeks.append(WeekCount(week, mentions, quotes))
        week += timedelta(days=7)
    return weeks


def actor_articles(conn: sqlite3.Connection, actor_id: int, *, limit: int = 50) -> list[ArticleSummary]:
    """The articles where the actor appears, newest first."""
    ids = [
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT a.id FROM entities e JOIN articles a ON a.id = e.article_id "
            "WHERE e.actor_id = ? ORDER BY a.published DESC, a.id DESC LIMIT ?",
            (actor_id, limit),
        )
    ]
    return article_summaries(conn, ids)


def quoted_with(conn: sqlite3.Connection, actor_id: int, *, limit: int = 20) -> list[Companion]:
    """The other actors quoted in the articles where this actor is quoted, most shared first."""
    return [
        Companion(*row)
        for row in conn.execute(
            "SELECT o.id, o.name, o.type, COUNT(DISTINCT me.article_id) AS n "
            "FROM entities me JOIN entities other ON other.article_id = me.article_id "
            "JOIN actors o ON o.id = other.actor_id "
            "WHERE me.actor_id = ? AND me.quotes > 0 AND other.quotes > 0 AND other.actor_id != ? "
            "GROUP BY o.id ORDER BY n DESC, o.name LIMIT ?",
            (actor_id, actor_id, limit),
        )
    ]


def network(
    conn: sqlite3.Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    min_weight: int = 1,
    max_nodes: int = 60,
    co_mention: bool = False,
) -> tuple[list[NetworkNode], list[NetworkEdge]]:
    """The actor network over the articles published in [since, until].

    Edges as in :func:`presse.store.network.network_edges` — stance and act edges, co-mention
    edges only with ``co_mention`` — kept when their weight is at least ``min_weight``; nodes
    are at most ``max_nodes`` actors taken from the edges (:func:`_linked_nodes`), with
    their counts over the filtered articles, and the edges between two kept nodes.
    """
    scope, params = articles_in(since, until)
    edges = network_edges(
        conn, since=since, until=until, min_weight=min_weight, co_mention=min_weight if co_mention else None
    )
    touched = {e.source for e in edges} | {e.target for e in edges}
    if not touched:
        return [], []
    ids = sorted(touched)
    counts: dict[int, tuple[int, int]] = {}
    # counts over the filtered articles, in chunks: SQLite limits bound parameters
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for actor_id, mentions, quotes in conn.execute(
            f"SELECT actor_id, SUM(mentions), SUM(quotes) FROM entities "
            f"WHERE actor_id IN ({marks}) AND article_id IN ({scope}) GROUP BY actor_id",
            [*chunk, *params],
        ):
            counts[int(actor_id)] = (int(mentions), int(quotes))
    kept = _linked_nodes(edges, {i: c[0] for i, c in counts.items()}, max_nodes)
    names: dict[int, tuple[str, str]] = {}
    marks = ",".join("?" * len(kept))
    for actor_id, name, type_ in conn.execute(
        f"SELECT id, name, type FROM actors WHERE id IN ({marks})", kept
    ):
        names[int(actor_id)] = (name, type_)
    nodes = [
        NetworkNode(i, names[i][0], names[i][1], *counts.get(i, (0, 0))) for i in kept if i in names
    ]
    keep = {n.id for n in nodes}
    return nodes, [e for e in edges if e.source in keep and e.target in keep]


def _linked_nodes(edges: list[NetworkEdge], mentions: dict[int, int], max_nodes: int) -> list[int]:
    """At most ``max_nodes`` actors, taken pair by pair from the stance and act edges, then from
    the co-mention edges, heaviest first (the most mentioned pair first among equals), so that
    every actor kept keeps an edge and co-mentions never crowd out a judgment; the most
    mentioned first."""

    def rank(edge: NetworkEdge) -> tuple[bool, int, int, int, int]:
        pair_mentions = mentions.get(edge.source, 0) + mentions.get(edge.target, 0)
        return edge.kind == "co-mention", -edge.weight, -pair_mentions, edge.source, edge.target

    ordered = sorted(edges, key=rank)
    kept: set[int] = set()
    for edge in ordered:
        ends = {edge.source, edge.target} - kept
        if len(kept) + len(ends) <= max_nodes:
            kept |= ends
    return sorted(kept, key=lambda i: (-mentions.get(i, 0), i))


def actor_names(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Canonical names of the actors ``ids`` (unknown ids left out)."""
    names: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        names.update(
            (int(i), n) for i, n in conn.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", chunk)
        )
    return names

"""Read-only queries over a corpus store, shared by the CLI (``presse actors``, ``quotes``,
``article``, ``stats``, ``export``), the library and the web app; every function returns typed
rows. Reads shaped for web pages (pagination, per-id lookups) are in :mod:`presse.web.views`.

Contracts:

* :func:`connect_reader` opens the database read-only (``mode=ro``): a reader can never modify a
  store, and readers run while an ingest writes (WAL);
* a missing store raises :class:`presse.errors.UsageError` telling to run ``presse ingest``;
* a full-text query that SQLite's FTS5 cannot parse raises ``UsageError("invalid search query:
  …")``; searches ignore accents and case (« etats-unis » finds « États-Unis »);
* names given to ``speaker``/``about`` are compared folded
  (:func:`presse.analyze.names.fold_name`) with the actors' names and aliases; a name that is no actor's full name but a surname matches every
  person with that surname;
* stance is read by :mod:`presse.store.stance`, the actor network by
  :mod:`presse.store.network`.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from presse.analyze.names import fold_name
from presse.errors import UsageError
from presse.knowledge import canonical_person
from presse.model import Article

ActorSort = Literal["voice", "mentions", "quotes"]

_ACTOR_ORDER: dict[str, str] = {
    "mentions": "mentions DESC, quotes DESC, id",
    "quotes": "quotes DESC, mentions DESC, id",
    # voice ratio, with the most mentioned first among equals
    "voice": "CAST(quotes AS REAL) / MAX(mentions, 1) DESC, mentions DESC, id",
}


def connect_reader(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to the store at ``path``."""
    db = Path(path)
    if not db.is_file():
        raise UsageError(f"{db}: no presse database here (create one with `presse ingest … --db {db}`)")
    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    try:
        conn.execute("SELECT 1 FROM articles LIMIT 1")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise UsageError(f"{db}: not a presse database ({exc})") from None
    return conn


@dataclass(frozen=True, slots=True)
class ActorRow:
    """A corpus actor and its voice accounting over the whole store."""

    id: int
    name: str
    type: str
    articles: int
    mentions: int
    quotes: int
    quoted_words: int
    voice: float
    first_seen: date | None
    last_seen: date | None
    knowledge: str | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quotation with its article and the corpus actors involved."""

    id: int
    article_id: int
    article_title: str | None
    published: date | None
    kind: str
    text: str
    cue: str | None
    speaker: str | None
    speaker_actor_id: int | None
    about: tuple[str, ...]
    confidence: float
    url: str | None


@dataclass(frozen=True, slots=True)
class StatsRow:
    """Counts over a store."""

    articles: int
    words: int
    actors: int
    mentions: int
    quotes: int
    attributed_quotes: int
    errors: int
    feed_links: int
    first_date: date | None
    last_date: date | None
    presse_versions: tuple[str, ...]
    articles_by_version: tuple[tuple[str | None, int], ...]  # presse version (None: unknown), articles
    models: tuple[str, ...]
    top_actors: tuple[ActorRow, ...]
    recent_errors: tuple[tuple[str, str], ...]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _actor(row: sqlite3.Row | tuple) -> ActorRow:
    id_, name, type_, articles, mentions, quotes, words, first, last, knowledge = row
    return ActorRow(
        id=id_,
        name=name,
        type=type_,
        articles=articles,
        mentions=mentions,
        quotes=quotes,
        quoted_words=words,
        voice=round(quotes / mentions, 3) if mentions else 0.0,
        first_seen=_date(first),
        last_seen=_date(last),
        knowledge=knowledge,
    )


_ACTOR_COLUMNS = (
    "id, name, type, articles, mentions, quotes, quoted_words, first_seen, last_seen, knowledge"
)


def actors(
    conn: sqlite3.Connection,
    *,
    type_: str | None = None,
    sort: ActorSort = "mentions",
    limit: int | None = 50,
    min_articles: int = 1,
) -> list[ActorRow]:
    """Corpus actors of ``type_`` (all types when None), sorted by ``sort``, at most ``limit``."""
    if sort not in _ACTOR_ORDER:
        raise UsageError(f"unknown sort {sort!r}: use one of {', '.join(_ACTOR_ORDER)}")
    where = ["articles >= ?"]
    params: list[object] = [min_articles]
    if type_:
        where.append("type = ?")
        params.append(type_.upper())
    sql = f"SELECT {_ACTOR_COLUMNS} FROM actors WHERE {' AND '.join(where)} ORDER BY {_ACTOR_ORDER[sort]}"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [_actor(row) for row in conn.execute(sql, params)]


def find_actors(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the actors that ``name`` designates (see the module docstring); [] when none."""
    folded = fold_name(name)
    keys = {folded}
    canonical = canonical_person(name)
    if canonical:
        keys.add(fold_name(canonical))
    marks = ",".join("?" * len(keys))
    ids = {
        int(r[0])
        for r in conn.execute(
            f"SELECT actor_id FROM actor_names WHERE folded IN ({marks})", tuple(keys)
        )
    }
    if not ids:
        ids = {int(r[0]) for r in conn.execute("SELECT id FROM actors WHERE surname = ?", (folded,))}
    return sorted(ids)


_BAREWORD = re.compile(r'"[^"]*"?|[^\s()"]+')
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def fts_query(query: str) -> str:
    """The FTS5 form of a user's search: words holding punctuation become phrases.

    FTS5 reads « Etats-Unis » as a column filter and « aujourd'hui » as a syntax error; quoted
    as phrases they match the words the tokenizer sees (« etats » followed by « unis »). Quoted
    phrases, AND/OR/NOT, parentheses, ``NEAR(…)`` and a trailing ``*`` keep their meaning.
    """

    def convert(match: re.Match[str]) -> str:
        token = match[0]
        if token.startswith('"') or token in _OPERATORS or token.startswith("NEAR"):
            return token
        star = "*" if token.endswith("*") else ""
        word = token.rstrip("*")
        if word and not all(c.isalnum() or c == "_" for c in word):
            return f'"{word}"{star}'
        return token

    return _BAREWORD.sub(convert, query)


def _fts_error(exc: sqlite3.OperationalError, query: str) -> UsageError:
    detail = str(exc).removeprefix("fts5: ")
    return UsageError(
        f"invalid search query: {query!r} ({detail}); use words, \"exact phrases\", "
        "AND/OR/NOT and prefix* — quote words holding punctuation"
    )


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = 50,
) -> list[QuoteRow]:
    """Quotes matching every filter given, newest first (best match first with ``search``).

    ``speaker``/``about`` that designate no actor give an empty list.
    """
    joins: list[str] = []
    where: list[str] = []
    params: list[object] = []
    if speaker is not None:
        ids = find_actors(conn, speaker)
        if not ids:
            return []
        joins.append(
            f"JOIN entities se ON se.article_id = q.article_id AND se.entity_id = q.speaker_entity "
            f"AND se.actor_id IN ({','.join('?' * len(ids))})"
        )
        params.extend(ids)
    if about is not None:
        ids = find_actors(conn, about)
        if not ids:
            return []
        where.append(
            "q.id IN (SELECT qa.quote_id FROM entities ae JOIN quote_about qa "
            "ON qa.article_id = ae.article_id AND qa.entity_id = ae.entity_id "
            f"WHERE ae.actor_id IN ({','.join('?' * len(ids))}))"
        )
        params.extend(ids)
    order = "q.published DESC, q.id DESC"
    if search is not None:
        joins.append("JOIN quotes_fts f ON f.rowid = q.id")
        where.append("quotes_fts MATCH ?")
        params.append(fts_query(search))
        order = "f.rank, q.id DESC"
    dated, dates = date_filter("q.published", since, until)
    where += dated
    params += dates
    sql = (
        "SELECT q.id, q.article_id, a.title, q.published, q.kind, q.text, q.cue, "
        "COALESCE(sa.name, q.speaker_name), sa.id, q.confidence, a.url, "
        "(SELECT group_concat(name, '\x1f') FROM (SELECT DISTINCT xa.name FROM quote_about qa "
        "  JOIN entities xe ON xe.article_id = qa.article_id AND xe.entity_id = qa.entity_id "
        "  JOIN actors xa ON xa.id = xe.actor_id WHERE qa.quote_id = q.id ORDER BY xa.name)) "
        f"FROM quotes q {' '.join(joins)} JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities ke ON ke.article_id = q.article_id AND ke.entity_id = q.speaker_entity "
        "LEFT JOIN actors sa ON sa.id = ke.actor_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if search is not None and "no such table" not in str(exc):
            raise _fts_error(exc, search) from None
        raise
    return [
        QuoteRow(
            id=r[0],
            article_id=r[1],
            article_title=r[2],
            published=_date(r[3]),
            kind=r[4],
            text=r[5],
            cue=r[6],
            speaker=r[7],
            speaker_actor_id=r[8],
            confidence=r[9],
            url=r[10],
            about=tuple(r[11].split("\x1f")) if r[11] else (),
        )
        for r in rows
    ]


def article(conn: sqlite3.Connection, ref: str) -> Article:
    """The stored analysis of an article (with its corrections), by store id, URL, record id
    or source.

    Raises UsageError when nothing matches.
    """
    return Article.model_validate_json(find_article(conn, ref, analysis_column(conn))[0])


def find_article(conn: sqlite3.Connection, ref: str, columns: str) -> tuple[Any, ...]:
    """The ``columns`` (SQL) of the article ``ref``: its store id when ``ref`` is digits, else
    the first article whose key, URL, record id or source is ``ref``. UsageError when none."""
    row = None
    if ref.isdigit():
        row = conn.execute(f"SELECT {columns} FROM articles WHERE id = ?", (int(ref),)).fetchone()
    if row is None:
        row = conn.execute(
            f"SELECT {columns} FROM articles WHERE key = ? OR url = ? OR doc_id = ? OR source = ? "
            "ORDER BY id LIMIT 1",
            (ref, ref, ref, ref),
        ).fetchone()
    if row is None:
        raise UsageError(f"no article {ref!r} in the store (give its id, URL or record id)")
    return tuple(row)


@dataclass(frozen=True, slots=True)
class EntityActor:
    """The corpus actor of an article entity: id, name, type, and a reviewer's gender."""

    id: int
    name: str
    type: str
    gender: str | None


def corrected_article(
    conn: sqlite3.Connection, article_id: int
) -> tuple[Article, dict[str, EntityActor]] | None:
    """The article with store id ``article_id`` as every view shows it — its reviewer's
    corrections applied, each entity with the type and gender a reviewer gave its corpus actor
    — and the corpus actor of each entity id; None when there is no such article."""
    analysis = analysis_column(conn)
    row = conn.execute(f"SELECT {analysis} FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    article = Article.model_validate_json(row[0])
    # actors.gender came with articles.corrected (0007_corrections)
    gender = "a.gender" if "corrected" in analysis else "NULL"
    entities = {e.id: e for e in article.entities}
    actors: dict[str, EntityActor] = {}
    for entity_id, actor_id, name, type_, actor_gender in conn.execute(
        f"SELECT e.entity_id, e.actor_id, a.name, a.type, {gender} FROM entities e "
        "JOIN actors a ON a.id = e.actor_id WHERE e.article_id = ?",
        (article_id,),
    ):
        actors[str(entity_id)] = EntityActor(int(actor_id), name, type_, actor_gender)
        entity = entities.get(str(entity_id))
        if entity is not None and entity.type != type_:
            entity.type = type_
        if entity is not None and actor_gender and entity.gender != actor_gender:
            entity.gender = actor_gender
    return article, actors


def stats(conn: sqlite3.Connection, *, top: int = 10) -> StatsRow:
    """Counts, date range, versions, top actors by quotes and the latest ingest errors."""

    def one(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0] or 0)

    first, last = conn.execute("SELECT MIN(published), MAX(published) FROM articles").fetchone()
    return StatsRow(
        articles=one("SELECT COUNT(*) FROM articles"),
        words=one("SELECT SUM(words) FROM articles"),
        actors=one("SELECT COUNT(*) FROM actors WHERE articles > 0"),
        mentions=one("SELECT SUM(mentions) FROM actors"),
        quotes=one(f"SELECT COUNT(*) FROM quotes q WHERE {counted(conn)}"),
        attributed_quotes=one(
            f"SELECT COUNT(*) FROM quotes q WHERE q.speaker_entity IS NOT NULL AND {counted(conn)}"
        ),
        errors=one("SELECT COUNT(*) FROM ingest_errors"),
        feed_links=one("SELECT COUNT(*) FROM feed_links"),
        first_date=_date(first),
        last_date=_date(last),
        presse_versions=tuple(
            r[0] for r in conn.execute("SELECT DISTINCT presse_version FROM articles") if r[0]
        ),
        articles_by_version=tuple(
            (r[0], int(r[1]))
            for r in conn.execute(
                "SELECT presse_version, COUNT(*) AS n FROM articles GROUP BY presse_version "
                "ORDER BY n DESC, presse_version"
            )
        ),
        models=tuple(r[0] for r in conn.execute("SELECT DISTINCT model FROM articles") if r[0]),
        top_actors=tuple(actors(conn, sort="quotes", limit=top)),
        recent_errors=tuple(
            (r[0], r[1])
            for r in conn.execute(
                "SELECT source, reason FROM ingest_errors ORDER BY id DESC LIMIT ?",
                (top,),
            )
        ),
    )


def search_articles(conn: sqlite3.Connection, query: str, *, limit: int = 20) -> list[tuple[int, str | None]]:
    """(id, title) of the articles whose title or text match the FTS5 ``query``, best first."""
    try:
        return [
            (int(r[0]), r[1])
            for r in conn.execute(
                "SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                "WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?",
                (fts_query(query), limit),
            )
        ]
    except sqlite3.OperationalError as exc:
        raise _fts_error(exc, query) from None


def counted(conn: sqlite3.Connection, alias: str = "q") -> str:
    """SQL condition on the ``quotes`` row ``alias`` that is true for the quotes a count counts:
    one per utterance, the direct stretch of a mixed quote of the same speaker left out
    (``part_of``, see :mod:`presse.store.schema`). On a store not migrated since, every row."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}
    return f"{alias}.part_of IS NULL" if "part_of" in columns else "1"


def analysis_column(conn: sqlite3.Connection, alias: str = "") -> str:
    """SQL for an article's analysis as every read shows it: with its reviewer's corrections
    (``corrected``, see :mod:`presse.store.schema`) when there are, else as presse made it."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    prefix = f"{alias}." if alias else ""
    if "corrected" in columns:
        return f"COALESCE({prefix}corrected, {prefix}analysis)"
    return f"{prefix}analysis"


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the store has the table ``name`` (a store opened read-only is never migrated, so
    an older one lacks the later tables)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def has_stance(conn: sqlite3.Connection) -> bool:
    """Whether the store has the ``stance`` table (a store not migrated since has none)."""
    return has_table(conn, "stance")


def date_filter(column: str, since: date | None, until: date | None) -> tuple[list[str], list[object]]:
    """SQL conditions keeping the rows whose ISO date ``column`` is in [since, until] (no
    condition for a bound that is None), and their parameters."""
    where: list[str] = []
    params: list[object] = []
    if since is not None:
        where.append(f"{column} >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append(f"{column} <= ?")
        params.append(until.isoformat())
    return where, params

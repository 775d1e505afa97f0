"""Read-only queries over the quote trails and article copies of a store (built by
:mod:`presse.corpus.trails`), shared by the CLI (``presse trails``, ``trail``, ``copies``), the
web app and the export.

Contracts:

* every function first checks that the store has its trails (:func:`require_trails`): a store
  from before them (not migrated, or migrated and awaiting ``presse trails --rebuild``) raises
  :class:`presse.errors.UsageError` saying to rebuild them;
* :func:`list_trails` gives trails most repeated first: independent articles (a copy group
  counted once), then articles; a trail's ``speaker`` is the one named most often in it (among
  its first :data:`SPEAKER_SAMPLE` appearances); ``min_articles`` counts distinct articles; ``since``/``until``
  keep the trails whose span of dates meets the range; ``speaker`` keeps those with an
  appearance said by the actors the name designates (as ``presse quotes --speaker``);
* :func:`trail` gives the trail of a quote (by store id): the first appearance (earliest
  publication date, undated last), then the later ones in date order, each with its word-level
  differences from the first, and apart from them the appearances in copies of an article
  already in the trail (or repeated in the same article); an unattributed appearance in a trail
  that has an attributed one gets a suggested speaker with the appearance that supports it.
  An unknown quote id raises UsageError; a quote too short to be traced has a trail of itself
  with a ``note``; the direct stretch of a mixed quote has the trail of that mixed quote;
* :func:`copies` lists the copy links: each article found to copy another, with its similarity.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from presse.corpus.trail_text import MIN_WORDS, DiffSegment, Match, relate, word_diff, words
from presse.corpus.trails import PENDING
from presse.errors import UsageError
from presse.store.queries import find_actors


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _db_name(conn: sqlite3.Connection) -> str:
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return file or "the store"
    return "the store"


def has_trails(conn: sqlite3.Connection) -> bool:
    """Whether the store's trails are built and kept up to date."""
    if conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'trail_clusters'"
    ).fetchone() is None:
        return False
    return conn.execute("SELECT 1 FROM metadata WHERE key = ?", (PENDING,)).fetchone() is None


def require_trails(conn: sqlite3.Connection) -> None:
    """Raise UsageError when the store has no trails (see the module docstring)."""
    if not has_trails(conn):
        db = _db_name(conn)
        raise UsageError(
            f"{db}: this store has no quote trails (its articles were stored by an older presse): "
            f"build them with `presse trails --rebuild --db {db}`"
        )


@dataclass(frozen=True, slots=True)
class TrailSummary:
    """One trail in a list: its first appearance, who says it, how often and where."""

    id: int
    text: str
    speaker: str | None
    quotes: int
    articles: int
    independent: int
    copies: int
    first_published: date | None
    last_published: date | None
    first_quote_id: int
    first_article_id: int
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A speaker suggested for an unattributed appearance, and the appearance that supports it."""

    speaker: str
    actor_id: int | None
    quote_id: int
    quote_ref: str
    article_id: int
    article_title: str | None
    published: date | None
    cue: str | None
    relation: str
    score: float


@dataclass(frozen=True, slots=True)
class Appearance:
    """One appearance of a trail's quotation: ``quote_id`` is its store id, ``quote_ref`` its
    id in the article (q…).

    ``relation`` says how its words relate to the first appearance's: ``first``, ``identical``,
    ``variant``, ``fragment`` (part of the first), ``longer`` (the first is part of it) or
    ``related`` (tied through another appearance); ``diff`` is its words against the first's.
    ``copy_of`` is the earlier article of the trail that this one copies (or the same article,
    for a repetition inside one article)."""

    quote_id: int
    quote_ref: str
    article_id: int
    article_title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    kind: str
    reported: bool
    text: str
    speaker: str | None
    speaker_actor_id: int | None
    cue: str | None
    relation: str
    score: float
    diff: tuple[DiffSegment, ...]
    copy_of: int | None
    suggestion: Suggestion | None


@dataclass(frozen=True, slots=True)
class Trail:
    """The trail of a quotation (see the module docstring)."""

    id: int | None
    quote_id: int
    first: Appearance
    later: tuple[Appearance, ...]
    in_copies: tuple[Appearance, ...]
    articles: int
    independent: int
    outlets: tuple[str, ...]
    speakers: tuple[tuple[str, int], ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CopyLink:
    """An article found to copy another (the same dispatch, lightly edited)."""

    article_id: int
    title: str | None
    published: date | None
    outlet: str | None
    copy_of: int
    copy_of_title: str | None
    copy_of_published: date | None
    copy_of_outlet: str | None
    similarity: float
    group_id: int


_SPEAKER = """
    LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity
    LEFT JOIN actors sa ON sa.id = e.actor_id"""


SPEAKER_SAMPLE = 50
"""Appearances of a listed trail read to name its speaker (those stored first)."""


def _cluster_speaker(conn: sqlite3.Connection, cluster: int) -> str | None:
    """The speaker named most often among the trail's first :data:`SPEAKER_SAMPLE` appearances
    (a trail copied by many articles need not be read whole to be listed)."""
    row = conn.execute(
        f"""SELECT COALESCE(sa.name, q.speaker_name) AS who, COUNT(*) AS n
            FROM (SELECT quote_id FROM trail_quotes WHERE cluster_id = ? ORDER BY quote_id LIMIT ?) t
            JOIN quotes q ON q.id = t.quote_id {_SPEAKER}
            WHERE who IS NOT NULL GROUP BY who ORDER BY n DESC, who LIMIT 1""",
        (cluster, SPEAKER_SAMPLE),
    ).fetchone()
    return row[0] if row else None


def _outlets(conn: sqlite3.Connection, cluster: int) -> tuple[str, ...]:
    return tuple(
        r[0]
        for r in conn.execute(
            """SELECT DISTINCT a.outlet FROM trail_quotes t JOIN articles a ON a.id = t.article_id
               WHERE t.cluster_id = ? AND a.outlet IS NOT NULL ORDER BY a.outlet""",
            (cluster,),
        )
    )


def list_trails(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    since: date | None = None,
    until: date | None = None,
    min_articles: int = 2,
    limit: int | None = 50,
    offset: int = 0,
) -> list[TrailSummary]:
    """Trails, most repeated first (see the module docstring)."""
    require_trails(conn)
    if min_articles < 1:
        raise UsageError(f"--min-articles must be at least 1, not {min_articles}")
    where = ["c.articles >= ?"]
    params: list[object] = [min_articles]
    if speaker is not None:
        ids = find_actors(conn, speaker)
        if not ids:
            return []
        where.append(
            f"""c.id IN (SELECT t.cluster_id FROM entities e
                JOIN quotes q ON q.article_id = e.article_id AND q.speaker_entity = e.entity_id
                JOIN trail_quotes t ON t.quote_id = q.id
                WHERE e.actor_id IN ({','.join('?' * len(ids))}))"""
        )
        params.extend(ids)
    if since is not None:
        where.append("c.last_published >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("c.first_published <= ?")
        params.append(until.isoformat())
    sql = f"""SELECT c.id, q.text, c.quotes, c.articles, c.independent, c.first_published,
                     c.last_published, c.first_quote, q.article_id
              FROM trail_clusters c JOIN quotes q ON q.id = c.first_quote
              WHERE {' AND '.join(where)}
              ORDER BY c.independent DESC, c.articles DESC, c.id"""
    if limit:
        sql += " LIMIT ? OFFSET ?"
        params.extend([limit, offset])
    return [
        TrailSummary(
            id=r[0],
            text=r[1],
            speaker=_cluster_speaker(conn, r[0]),
            quotes=r[2],
            articles=r[3],
            independent=r[4],
            copies=r[3] - r[4],
            first_published=_date(r[5]),
            last_published=_date(r[6]),
            first_quote_id=r[7],
            first_article_id=r[8],
            outlets=_outlets(conn, r[0]),
        )
        for r in conn.execute(sql, params).fetchall()
    ]


@dataclass(frozen=True, slots=True)
class _Row:
    quote_id: int
    quote_ref: str
    article_id: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    kind: str
    text: str
    speaker: str | None
    actor_id: int | None
    cue: str | None
    group: int | None


_APPEARANCES = f"""
    SELECT q.id, q.quote_id, q.article_id, a.title, a.outlet, q.published, a.url, q.kind, q.text,
           COALESCE(sa.name, q.speaker_name), sa.id, q.cue, c.group_id
    FROM quotes q JOIN articles a ON a.id = q.article_id {_SPEAKER}
    LEFT JOIN article_copies c ON c.article_id = q.article_id"""


# a trail repeats a few wordings many times (copies, identical repeats): each pair is compared once
@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return words(text)


@lru_cache(maxsize=4096)
def _diff(reference: str, text: str) -> tuple[DiffSegment, ...]:
    return tuple(word_diff(reference, text))


@lru_cache(maxsize=4096)
def _relation_to_first(first: tuple[str, ...], mine: tuple[str, ...]) -> tuple[str, float]:
    match: Match | None = relate(first, mine)
    if match is None:
        return "related", 0.0
    if match.relation == "fragment":
        return ("fragment" if len(mine) < len(first) else "longer"), match.score
    return match.relation, match.score


_RANK = {"identical": 4, "variant": 3, "fragment": 2, "longer": 2, "related": 0}


def _suggestion(row: _Row, attributed: list[_Row]) -> Suggestion | None:
    if row.speaker is not None or not attributed:
        return None
    mine = _words(row.text)
    scored = []
    for other in attributed:
        relation, score = _relation_to_first(_words(other.text), mine)
        scored.append((-_RANK[relation], -score, other.published is None, other.published or "", other.quote_id, relation, score, other))
    *_, relation, score, best = min(scored, key=lambda s: s[:5])
    return Suggestion(
        speaker=best.speaker or "",
        actor_id=best.actor_id,
        quote_id=best.quote_id,
        quote_ref=best.quote_ref,
        article_id=best.article_id,
        article_title=best.title,
        published=_date(best.published),
        cue=best.cue,
        relation=relation,
        score=score,
    )


def _appearance(row: _Row, relation: str, score: float, diff: tuple[DiffSegment, ...], copy_of: int | None, suggestion: Suggestion | None) -> Appearance:
    return Appearance(
        quote_id=row.quote_id,
        quote_ref=row.quote_ref,
        article_id=row.article_id,
        article_title=row.title,
        outlet=row.outlet,
        published=_date(row.published),
        url=row.url,
        kind=row.kind,
        reported=row.kind == "indirect",
        text=row.text,
        speaker=row.speaker,
        speaker_actor_id=row.actor_id,
        cue=row.cue,
        relation=relation,
        score=score,
        diff=diff,
        copy_of=copy_of,
        suggestion=suggestion,
    )


def trail(conn: sqlite3.Connection, quote_id: int) -> Trail:
    """The trail of the quote ``quote_id`` (see the module docstring)."""
    require_trails(conn)
    found = conn.execute(
        "SELECT q.id, q.part_of, q.article_id FROM quotes q WHERE q.id = ?", (quote_id,)
    ).fetchone()
    if found is None:
        raise UsageError(f"no quote {quote_id} in the store (give the id `presse quotes -f json` shows)")
    traced = quote_id
    if found[1] is not None:  # the direct stretch of a mixed quote: its utterance is traced
        whole = conn.execute(
            "SELECT id FROM quotes WHERE article_id = ? AND quote_id = ?", (found[2], found[1])
        ).fetchone()
        traced = int(whole[0]) if whole else quote_id
    cluster = conn.execute("SELECT cluster_id FROM trail_quotes WHERE quote_id = ?", (traced,)).fetchone()
    if cluster is None:
        rows = [_Row(*r) for r in conn.execute(_APPEARANCES + " WHERE q.id = ?", (traced,))]
        only = _appearance(rows[0], "first", 1.0, (), None, None)
        return Trail(
            id=None, quote_id=quote_id, first=only, later=(), in_copies=(), articles=1,
            independent=1, outlets=(only.outlet,) if only.outlet else (), speakers=(
                ((only.speaker, 1),) if only.speaker else ()),
            note=f"too short to be traced: trails follow quotations of {MIN_WORDS} words or more",
        )
    cluster_id = int(cluster[0])
    rows = [
        _Row(*r)
        for r in conn.execute(
            _APPEARANCES + """ JOIN trail_quotes t ON t.quote_id = q.id WHERE t.cluster_id = ?
            ORDER BY q.published IS NULL, q.published, q.article_id, q.start, q.id""",
            (cluster_id,),
        )
    ]
    # the earliest appearance of each attributed wording and speaker is evidence enough
    attributed: list[_Row] = []
    distinct: set[tuple[str, str | None, int | None]] = set()
    for r in rows:
        if r.speaker is not None and (r.text, r.speaker, r.actor_id) not in distinct:
            distinct.add((r.text, r.speaker, r.actor_id))
            attributed.append(r)
    first_row = rows[0]
    first_words = _words(first_row.text)
    seen: dict[object, int] = {}
    later: list[Appearance] = []
    in_copies: list[Appearance] = []
    first: Appearance | None = None
    speakers: dict[str, int] = {}
    for row in rows:
        if row.speaker:
            speakers[row.speaker] = speakers.get(row.speaker, 0) + 1
        group = ("group", row.group) if row.group is not None else ("article", row.article_id)
        copy_of = seen.get(group)
        seen.setdefault(group, row.article_id)
        if row is first_row:
            first = _appearance(row, "first", 1.0, (), None, _suggestion(row, attributed))
            continue
        relation, score = _relation_to_first(first_words, _words(row.text))
        appearance = _appearance(
            row, relation, score, _diff(first_row.text, row.text), copy_of, _suggestion(row, attributed)
        )
        (in_copies if copy_of is not None else later).append(appearance)
    assert first is not None
    return Trail(
        id=cluster_id,
        quote_id=quote_id,
        first=first,
        later=tuple(later),
        in_copies=tuple(in_copies),
        articles=len({r.article_id for r in rows}),
        independent=len(seen),
        outlets=_outlets(conn, cluster_id),
        speakers=tuple(sorted(speakers.items(), key=lambda s: (-s[1], s[0]))),
    )


def copies(conn: sqlite3.Connection, *, limit: int | None = None) -> list[CopyLink]:
    """The copy links of the store, by copy group then date (see the module docstring)."""
    require_trails(conn)
    sql = """SELECT c.article_id, a.title, a.published, a.outlet, c.matched_article, m.title,
                    m.published, m.outlet, c.similarity, c.group_id
             FROM article_copies c JOIN articles a ON a.id = c.article_id
             JOIN articles m ON m.id = c.matched_article
             ORDER BY c.group_id, a.published IS NULL, a.published, c.article_id"""
    params: list[object] = []
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [
        CopyLink(
            article_id=r[0],
            title=r[1],
            published=_date(r[2]),
            outlet=r[3],
            copy_of=r[4],
            copy_of_title=r[5],
            copy_of_published=_date(r[6]),
            copy_of_outlet=r[7],
            similarity=r[8],
            group_id=r[9],
        )
        for r in conn.execute(sql, params).fetchall()
    ]

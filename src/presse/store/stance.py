"""Stance over a corpus store: per (source actor, target actor) pair, how many judgments are
hostile or favourable, when they were first and last seen, whether the pair swung, and the
evidence a reader can check.

Contracts:

* only ``positive`` and ``negative`` stance rows are stance: a ``neutral`` row (an older
  analysis's filler edge) is counted nowhere here; an actor's stance towards itself is left out;
* :func:`pair_stances` aggregates in SQL: counts by polarity, first and last publication date,
  and the polarity of the first and of the last judgment in reading order (publication date,
  undated articles last, then article, then position in the text); ``swing`` is
  ``"negative→positive"`` (or the reverse) when they differ, else None;
* ``label`` is the polarity of at least two thirds of the judgments, else ``mixed``;
* pairs come strongest first: the most judgments, then the strongest single score (|score|);
  evidence rows strongest |score| first, the most recent among equals;
* an evidence row's ``text`` is its evidence sentence: the stored span when the analysis gave
  one, else the quote its ``evidence_id`` names (q…), else the sentence of the stored article
  text around the row's position; ``cue`` is the words that carry the polarity, when the analysis
  gave them;
* a store that predates the ``stance`` table (or its ``0008_stance_evidence`` columns), opened
  read-only and so not migrated, gives no stance (or no cue and stored span) instead of failing.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date

from presse.store.queries import _date, date_filter, has_table

MAJORITY = 2 / 3
"""Share of the judgments a polarity needs to label a pair; below it the pair is ``mixed``."""

# How far around a row's position the stored text is read to find its sentence
_SNIPPET_BEFORE = 240
_SNIPPET_LENGTH = 480
# « » are left out: a quotation often sits inside the sentence
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
_ORDER = "a.published IS NULL, a.published, s.article_id, s.position, s.id"


@dataclass(frozen=True, slots=True)
class PairStance:
    """The stance of one actor towards another over the corpus (or a date range)."""

    source_id: int
    source_name: str
    target_id: int
    target_name: str
    count: int
    positive: int
    negative: int
    mean: float
    strongest: float
    """The largest |score| of the pair's judgments."""
    label: str
    """negative, positive or mixed (see the module docstring)."""
    first_date: date | None
    last_date: date | None
    first_polarity: str
    last_polarity: str
    swing: str | None
    """« negative→positive » when the first and last judgments differ, else None."""


@dataclass(frozen=True, slots=True)
class StanceEvidence:
    """One stance judgment shown as evidence: where it is, what carries it, what says it."""

    article_id: int
    article_title: str | None
    published: date | None
    position: int
    via: str
    """The record the evidence is, as stored: ``quote`` or ``relation``."""
    channel: str
    """How it shows the stance: ``quote`` (the source's quoted words), ``reported`` (reported
    speech) or ``act`` — as the analysis gave it, else ``act`` for a relation."""
    evidence_id: str
    polarity: str
    score: float
    text: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class StanceRow:
    """The stance between an actor and one counterpart: the pair's aggregate and its strongest
    evidence."""

    actor_id: int
    name: str
    type: str
    polarity: PairStance
    evidence: tuple[StanceEvidence, ...]


def has_stance(conn: sqlite3.Connection) -> bool:
    """Whether the store has the ``stance`` table (a store not migrated since has none)."""
    return has_table(conn, "stance")


def label_of(positive: int, negative: int) -> str:
    """negative, positive or mixed: the polarity of at least :data:`MAJORITY` of the judgments."""
    total = positive + negative
    if total and negative >= MAJORITY * total:
        return "negative"
    if total and positive >= MAJORITY * total:
        return "positive"
    return "mixed"


def pair_stances(
    conn: sqlite3.Connection,
    *,
    source: int | None = None,
    target: int | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> list[PairStance]:
    """The stance of every directed pair with judgments in the articles published in [since,
    until] (all articles when both are None), limited to pairs from ``source`` and to
    ``target`` when given; strongest first (see the module docstring)."""
    if not has_stance(conn):
        return []
    where = ["s.source_actor != s.target_actor", "s.polarity IN ('positive', 'negative')"]
    params: list[object] = []
    for column, value in (("s.source_actor", source), ("s.target_actor", target)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    dated, dates = date_filter("a.published", since, until)
    where += dated
    params += dates
    sql = f"""
        WITH judged AS (
            SELECT s.source_actor AS src, s.target_actor AS tgt, s.polarity, s.score, a.published,
                   FIRST_VALUE(s.polarity) OVER pair AS first_polarity,
                   LAST_VALUE(s.polarity) OVER pair AS last_polarity
            FROM stance s JOIN articles a ON a.id = s.article_id
            WHERE {' AND '.join(where)}
            WINDOW pair AS (PARTITION BY s.source_actor, s.target_actor ORDER BY {_ORDER}
                            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        )
        SELECT src, sa.name, tgt, ta.name, COUNT(*) AS n, SUM(polarity = 'positive'),
               SUM(polarity = 'negative'), AVG(score), MAX(ABS(score)) AS strongest,
               MIN(published), MAX(published), MIN(first_polarity), MIN(last_polarity)
        FROM judged JOIN actors sa ON sa.id = src JOIN actors ta ON ta.id = tgt
        GROUP BY src, tgt ORDER BY n DESC, strongest DESC, src, tgt"""
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    pairs: list[PairStance] = []
    for src, source_name, tgt, target_name, n, positive, negative, *rest in conn.execute(sql, params):
        mean, strongest, first, last, opening, closing = rest
        pairs.append(
            PairStance(
                source_id=int(src),
                source_name=source_name,
                target_id=int(tgt),
                target_name=target_name,
                count=int(n),
                positive=int(positive),
                negative=int(negative),
                mean=round(mean, 3),
                strongest=round(strongest, 3),
                label=label_of(int(positive), int(negative)),
                first_date=_date(first),
                last_date=_date(last),
                first_polarity=opening,
                last_polarity=closing,
                swing=f"{opening}→{closing}" if opening != closing else None,
            )
        )
    return pairs


def stance_about(
    conn: sqlite3.Connection, actor_id: int, *, limit: int | None = 30, evidence: int = 3
) -> list[StanceRow]:
    """Who is hostile or favourable towards ``actor_id`` (by their words or their acts): one row
    per source actor, strongest first, each with at most ``evidence`` evidence rows.

    [] for an unknown actor or a store without stance rows."""
    pairs = pair_stances(conn, target=actor_id, limit=limit)
    return _rows(conn, pairs, [p.source_id for p in pairs], evidence)


def stance_by(
    conn: sqlite3.Connection, actor_id: int, *, limit: int | None = 30, evidence: int = 3
) -> list[StanceRow]:
    """Towards whom ``actor_id`` is hostile or favourable: one row per target actor, as
    :func:`stance_about`."""
    pairs = pair_stances(conn, source=actor_id, limit=limit)
    return _rows(conn, pairs, [p.target_id for p in pairs], evidence)


def _rows(
    conn: sqlite3.Connection, pairs: list[PairStance], counterparts: list[int], evidence: int
) -> list[StanceRow]:
    if not pairs:
        return []
    marks = ",".join("?" * len(counterparts))
    actors = {
        int(i): (name, type_)
        for i, name, type_ in conn.execute(
            f"SELECT id, name, type FROM actors WHERE id IN ({marks})", counterparts
        )
    }
    found = _evidence(conn, pairs, evidence)
    return [
        StanceRow(
            actor_id=other,
            name=actors[other][0],
            type=actors[other][1],
            polarity=pair,
            evidence=tuple(found.get((pair.source_id, pair.target_id), ())),
        )
        for pair, other in zip(pairs, counterparts, strict=True)
        if other in actors
    ]


def _stance_columns(conn: sqlite3.Connection) -> set[str]:
    return {row[1] for row in conn.execute("PRAGMA table_info(stance)")}


def _evidence(
    conn: sqlite3.Connection, pairs: list[PairStance], per_pair: int
) -> dict[tuple[int, int], list[StanceEvidence]]:
    """The ``per_pair`` strongest judgments of each pair, with their evidence sentence."""
    stored = {"channel", "cue", "evidence_start", "evidence_end"} <= _stance_columns(conn)
    # an older analysis's via is the record (quote or relation); a relation is an act
    derived = "CASE s.via WHEN 'relation' THEN 'act' ELSE s.via END"
    channel, cue, span_start, span_end = (
        (f"COALESCE(s.channel, {derived})", "s.cue", "s.evidence_start", "s.evidence_end")
        if stored
        else (derived, "NULL", "NULL", "NULL")
    )
    keys = sorted({(p.source_id, p.target_id) for p in pairs})
    found: dict[tuple[int, int], list[StanceEvidence]] = {}
    for start in range(0, len(keys), 400):
        chunk = keys[start : start + 400]
        wanted = " OR ".join("(s.source_actor = ? AND s.target_actor = ?)" for _ in chunk)
        # rank first, then read text only for the rows kept
        rows = conn.execute(
            f"""
            SELECT r.src, r.tgt, r.article_id, a.title, a.published, r.position, r.via, r.channel,
                   r.evidence_id, r.polarity, r.score, r.cue,
                   CASE WHEN r.span_end > r.span_start
                        THEN substr(a.text, r.span_start + 1, r.span_end - r.span_start) END,
                   q.text, MAX(r.position - {_SNIPPET_BEFORE}, 0),
                   substr(a.text, MAX(r.position - {_SNIPPET_BEFORE}, 0) + 1, {_SNIPPET_LENGTH})
            FROM (
                SELECT s.source_actor AS src, s.target_actor AS tgt, s.article_id, s.position,
                       s.via, s.evidence_id, s.polarity, s.score,
                       {channel} AS channel, {cue} AS cue, {span_start} AS span_start,
                       {span_end} AS span_end,
                       ROW_NUMBER() OVER (
                           PARTITION BY s.source_actor, s.target_actor
                           ORDER BY ABS(s.score) DESC, a.published DESC, s.article_id DESC,
                                    s.position
                       ) AS rank
                FROM stance s JOIN articles a ON a.id = s.article_id
                WHERE s.polarity IN ('positive', 'negative') AND ({wanted})
            ) r
            JOIN articles a ON a.id = r.article_id
            LEFT JOIN quotes q ON q.article_id = r.article_id AND q.quote_id = r.evidence_id
            WHERE r.rank <= ? ORDER BY r.src, r.tgt, r.rank""",
            [*(value for key in chunk for value in key), per_pair],
        ).fetchall()
        for src, tgt, article_id, title, published, position, via, shown_as, evidence_id, *rest in rows:
            polarity, score, cue_text, span_text, quote_text, snippet_start, snippet = rest
            if span_text:
                text = " ".join(span_text.split())
            elif quote_text:
                text = quote_text
            else:
                text = _sentence(snippet, position - snippet_start) if snippet else None
            found.setdefault((int(src), int(tgt)), []).append(
                StanceEvidence(
                    article_id=article_id,
                    article_title=title,
                    published=_date(published),
                    position=position,
                    via=via,
                    channel=shown_as,
                    evidence_id=evidence_id,
                    polarity=polarity,
                    score=score,
                    text=text,
                    cue=cue_text,
                )
            )
    return found


def _sentence(window: str, offset: int) -> str:
    """The sentence of ``window`` that holds ``offset`` (cut at sentence ends and line breaks)."""
    start = 0
    for match in _SENTENCE_END.finditer(window, 0, offset):
        start = match.end()
    found = _SENTENCE_END.search(window, offset)
    end = found.start() + 1 if found else len(window)
    # a dateline's dash (« PARIS – Le président … ») is no part of the sentence
    return " ".join(window[start:end].split()).lstrip("–—- ")

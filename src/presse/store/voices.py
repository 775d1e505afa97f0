"""Who gets a voice, by gender: the corpus figures of the persons mentioned and quoted.

Contracts:

* :func:`gender_voices` reads ``gender_totals`` (the per-article ``gender_voices`` rows summed
  per outlet, month and gender by triggers, see :mod:`presse.store.schema`) and ``actors`` with
  SQL aggregates only; it never reads an analysis, and its cost grows with the number of outlets
  and months, not of articles;
* a person is a PER entity or a group of persons; each is counted once per article it appears in
  (the way gender-gap trackers count sources): ``persons_mentioned`` are the persons of a gender
  mentioned, ``persons_quoted`` those of them quoted at least once, ``quotes`` their quotations —
  one per utterance, the direct stretch of a mixed quote (``part_of``) not counted again — and
  ``quoted_words`` the words of those quotations;
* every group lists the four genders ``f``, ``m``, ``x`` (a group of women and men) and
  ``unknown``, in that order, with zeros where there are none (ungrouped, an empty store gives four
  rows of zeros; grouped, it gives no group): unknown is never left out, and
  the shares (``share_persons_quoted``, ``share_quoted_words``) are over all four;
* the gap is women / men for each figure (None when there are no men to divide by);
* top quoted women and men are named corpus actors (an unnamed person, « la source proche de
  l'enquête », is nobody in particular) by their consensus gender
  (:data:`presse.store.actors.ACTOR_GENDER`), most quotations first, over the whole store;
* a store that predates the ``0005_gender_evidence`` migration (opened read-only, so not migrated)
  raises :class:`presse.errors.UsageError` saying how to migrate it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from presse.errors import UsageError
from presse.model import PERSON_GENDERS

GROUPINGS = ("outlet", "month")
"""What the figures can be grouped by besides gender."""
BY_CHOICES = ("gender", *GROUPINGS)
FIGURES = ("persons_mentioned", "persons_quoted", "quotes", "quoted_words")

_GROUP_SQL = {"outlet": "NULLIF(outlet, '')", "month": "NULLIF(month, '')"}


@dataclass(frozen=True, slots=True)
class VoicesRow:
    """The figures of one gender in one group (``outlet``/``month`` None when not grouped by it,
    or unknown: an article without outlet or date)."""

    outlet: str | None
    month: str | None
    gender: str
    persons_mentioned: int
    persons_quoted: int
    quotes: int
    quoted_words: int
    share_persons_quoted: float | None
    share_quoted_words: float | None


@dataclass(frozen=True, slots=True)
class GapRow:
    """Women / men for each figure of one group; None when the group quotes or names no man."""

    outlet: str | None
    month: str | None
    persons_mentioned: float | None
    persons_quoted: float | None
    quotes: float | None
    quoted_words: float | None


@dataclass(frozen=True, slots=True)
class QuotedPerson:
    """A corpus actor among the most quoted of its gender."""

    id: int
    name: str
    gender: str
    gender_evidence: str | None
    articles: int
    quotes: int
    quoted_words: int


@dataclass(frozen=True, slots=True)
class VoicesReport:
    """The gender view of a store: ``rows`` (four per group), ``gaps`` (one per group) and the
    most quoted women and men."""

    by: tuple[str, ...]
    rows: tuple[VoicesRow, ...]
    gaps: tuple[GapRow, ...]
    top_women: tuple[QuotedPerson, ...]
    top_men: tuple[QuotedPerson, ...]


def parse_by(values: Iterable[str]) -> tuple[str, ...]:
    """The groupings asked for, in :data:`GROUPINGS` order; values may be comma-separated
    (``gender,month``); ``gender`` is always implied. Raises UsageError on an unknown one."""
    asked: set[str] = set()
    for value in values:
        for part in value.split(","):
            name = part.strip().lower()
            if name not in BY_CHOICES:
                raise UsageError(f"unknown grouping {part.strip()!r}: use {', '.join(BY_CHOICES)}")
            asked.add(name)
    return tuple(g for g in GROUPINGS if g in asked)


def _check_store(conn: sqlite3.Connection) -> None:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gender_totals'"
    ).fetchone()
    if found is None:
        raise UsageError(
            "this store predates gender figures (migration 0005_gender_evidence): open it for "
            "writing once, e.g. `presse ingest SOURCES --db DB`, to migrate it"
        )


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _ratio(women: int, men: int) -> float | None:
    return round(women / men, 4) if men else None


def gender_voices(
    conn: sqlite3.Connection, by: Sequence[str] = (), *, top: int = 10
) -> VoicesReport:
    """The figures per gender, grouped by ``by`` (names of :data:`GROUPINGS`, see
    :func:`parse_by`), with ``top`` most quoted women and men (see the module docstring)."""
    groups = parse_by(by)
    _check_store(conn)
    keys = [f"{_GROUP_SQL[g]} AS {g}" for g in groups]
    group_by = ", ".join([*groups, "gender"])
    sums: dict[tuple[str | None, ...], dict[str, tuple[int, int, int, int]]] = {}
    for row in conn.execute(
        f"""SELECT {', '.join([*keys, 'gender'])}, SUM(persons), SUM(quoted_persons),
                   SUM(quotes), SUM(quoted_words)
            FROM gender_totals GROUP BY {group_by}"""
    ):
        key = tuple(row[: len(groups)])
        sums.setdefault(key, {})[row[len(groups)]] = tuple(int(v) for v in row[len(groups) + 1 :])
    if not groups:
        sums.setdefault((), {})  # the whole corpus is one group, even an empty one
    rows: list[VoicesRow] = []
    gaps: list[GapRow] = []
    for key in sorted(sums, key=lambda k: tuple((v is None, v or "") for v in k)):
        where = dict(zip(groups, key, strict=True))
        outlet, month = where.get("outlet"), where.get("month")
        figures = {g: sums[key].get(g, (0, 0, 0, 0)) for g in PERSON_GENDERS}
        quoted = sum(f[1] for f in figures.values())
        words = sum(f[3] for f in figures.values())
        for gender, (mentioned, persons_quoted, quotes, quoted_words) in figures.items():
            rows.append(
                VoicesRow(
                    outlet, month, gender, mentioned, persons_quoted, quotes, quoted_words,
                    _share(persons_quoted, quoted), _share(quoted_words, words),
                )
            )
        women, men = figures["f"], figures["m"]
        gaps.append(GapRow(outlet, month, *(_ratio(w, m) for w, m in zip(women, men, strict=True))))
    return VoicesReport(
        by=("gender", *groups),
        rows=tuple(rows),
        gaps=tuple(gaps),
        top_women=_top(conn, "f", top),
        top_men=_top(conn, "m", top),
    )


def _top(conn: sqlite3.Connection, gender: str, limit: int) -> tuple[QuotedPerson, ...]:
    # an unnamed person's actor key ends with @<article> (presse.store.actors.ActorLinker.link)
    if limit <= 0:
        return ()
    return tuple(
        QuotedPerson(*row)
        for row in conn.execute(
            """SELECT id, name, gender, gender_evidence, articles, quotes, quoted_words
               FROM actors WHERE gender = ? AND quotes > 0 AND instr(key, '@') = 0
               ORDER BY quotes DESC, quoted_words DESC, id LIMIT ?""",
            (gender, limit),
        )
    )

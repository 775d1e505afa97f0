"""The dateline: the place and date that open a news article (« 18 janvier 2018. – », « PARIS,
12 mars (AFP) - », « Lundi 3 juin 2019 – », « Page actualisée : 13 octobre 2016 — »).

:func:`read_dateline` tells whether a line opens with a dateline and which day it names; the
structure detector (:mod:`presse.analyze.structure`) uses it to fill ``published`` when the source
gives no date, so that office-holders are looked up on the article's own date.

Contract: a dateline is at the start of the line, names a day and a month in French words (a year
too, usually), may carry a place (before, « PARIS, », or after, « , Normandie »), a time (« , 14h30 »,
« 15:37 (UTC) ») and an agency in brackets (« (AFP) »), and ends with a dash — or with the line,
when nothing but the date is on it. A day without a year is the most recent such day up to
``today`` (a dateline is written on the day it reports). A date that does not exist is no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre"
)
WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_PLACE = r"[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ýa-zà-ÿ][\w'’.-]*){0,3}"
_TIME = r"\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*(?:UTC|GMT|EDT|CET|CEST)(?:\s*[+-]\s*\d{1,2})?)?"
_AGENCY = r"\((?:[A-Z][\w.-]{1,10}|UTC|GMT)\)"
DATELINE_RE = re.compile(
    r"^(?i:(?:publié|mis à jour|page actualisée|actualisé|actualisée)\s*(?:le\s+|:\s*))?"
    rf"(?:(?P<place>{_PLACE}),\s+)?"
    rf"(?P<date>(?i:(?:{WEEKDAYS})\s+)?(?P<day>1er|\d{{1,2}})\s+(?P<month>(?i:{MONTHS}))(?:\s+(?P<year>\d{{4}}))?)"
    rf"(?P<rest>(?:\s*,\s*(?:{_TIME}|{_PLACE})|\s*{_AGENCY}|\s+(?:à\s+)?{_TIME})*)"
    r"\s*\.?\s*(?:[–—-](?=\s|$)|$)"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of a line: the day it names and where it ends in the line."""

    day: date
    end: int
    whole_line: bool


def read_dateline(line: str, today: date | None = None) -> Dateline | None:
    """The dateline that opens ``line``, or None (see the module's contract)."""
    stripped = line.strip()
    match = DATELINE_RE.match(stripped)
    if match is None:
        return None
    import dateparser  # slow to import: only for a line that has a dateline's shape

    today = today or date.today()
    parsed = dateparser.parse(
        match["date"],
        languages=["fr"],
        settings={
            "PREFER_DATES_FROM": "past",
            "RELATIVE_BASE": datetime(today.year, today.month, today.day, 23, 59),
            "REQUIRE_PARTS": ["day", "month"],
            "STRICT_PARSING": False,
        },
    )
    if parsed is None:
        return None
    return Dateline(parsed.date(), match.end(), match.end() >= len(stripped))

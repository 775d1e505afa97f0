"""Metadata cleanup shared by the ingest formats: author lists, dates, language codes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from presse.ingest.text import normalize_text

_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[;,/|&]|\bet\b|\band\b)\s*", re.IGNORECASE)
_BYLINE_PREFIX = re.compile(r"^(?:par|by)\s+", re.IGNORECASE)


def split_authors(value: str | Iterable[str] | None) -> list[str]:
    """Author names from a byline string or a list of them, in order, without duplicates.

    Splits on ``;`` ``,`` ``/`` ``|`` ``&`` and the words "et"/"and"; drops a leading "Par"/"By";
    drops parts that start with a lowercase letter, which are roles rather than names
    ("Jean Dupont, envoyé spécial à Kiev" gives ["Jean Dupont"]). A name written "Dupont, Jean"
    is therefore split in two: bylines in that form are rare in news metadata.
    """
    if value is None:
        return []
    parts = [value] if isinstance(value, str) else list(value)
    authors: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            continue
        for name in _AUTHOR_SEPARATORS.split(_one_line(part)):
            name = _BYLINE_PREFIX.sub("", name).strip(" .:-–—")
            if name and not name[0].islower() and name not in authors:
                authors.append(name)
    return authors


def _one_line(s: str) -> str:
    return " ".join(normalize_text(s).split())


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def parse_date(value: object) -> date | None:
    """The calendar date ``value`` denotes, or None if it cannot be read as a date.

    Accepts a ``date``/``datetime``, an ISO 8601 string (the date part is taken as written, not
    converted to UTC: "2016-05-04T00:30+02:00" is 4 May), an RFC 2822 date (RSS), or a French or
    English date in words ("15 août 2025", "mardi 3 mars 2020", "March 3, 2020") via dateparser,
    with day-before-month order for numeric dates ("03/04/2020" is 3 April).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import and rarely needed: ISO dates are the common case

    parsed = dateparser.parse(
        text,
        languages=["fr", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False},
    )
    return parsed.date() if parsed is not None else None


_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def language_code(value: object, default: str | None = None) -> str | None:
    """The primary language subtag of a language tag ("fr-FR" → "fr"), or ``default``."""
    if isinstance(value, str):
        match = _LANGUAGE.match(value.strip())
        if match:
            return match[1].lower()
    return default

"""Office-holders: who held which office, of which country or organisation, and when.

The bundled ``office_holders.tsv`` (see ``README.md`` beside it) lets presse resolve a
description such as « le président russe » on a given date to a person. Users extend it
with files of the same format listed in the ``PRESSE_KNOWLEDGE`` environment variable
(paths separated by :data:`os.pathsep`) or passed as ``extra``.

Contracts:

* rows from every file are merged; a user row never removes a bundled one, but on a date
  where several rows match, :func:`holder` returns the one that started latest;
* names of countries, organisations and persons are compared case- and
  accent-insensitively, hyphens counting as spaces;
* a malformed line raises :class:`ValueError` naming the file and the line number.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from presse.analyze.names import fold_name

__all__ = [
    "COLUMNS",
    "ENV_VAR",
    "OFFICE_KEYS",
    "Office",
    "canonical_person",
    "holder",
    "office_holders",
    "offices_of",
]

ENV_VAR = "PRESSE_KNOWLEDGE"

COLUMNS: tuple[str, ...] = (
    "person",
    "gender",
    "office",
    "of",
    "title_fr",
    "start",
    "end",
    "aliases",
    "source",
)

OFFICE_KEYS: frozenset[str] = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "interior_minister",
        "finance_minister",
        "justice_minister",
        "secretary_general",
        "commission_president",
        "council_president",
        "parliament_president",
        "central_bank_governor",
        "managing_director",
        "high_representative",
        "leader",
    }
)

_GENDERS = frozenset({"m", "f"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BUNDLED = "office_holders.tsv"


@dataclass(frozen=True, slots=True)
class Office:
    """One term of one person in one office.

    ``end`` is ``None`` while the person was in office when the data was last checked;
    ``start`` <= ``end`` always holds. ``aliases`` are other forms of the person's name
    (surname alone, transliterations), never the full name itself necessarily.
    """

    person: str
    gender: str
    office: str
    of: str
    title_fr: str
    start: date
    end: date | None
    aliases: tuple[str, ...]
    source: str

    def covers(self, on: date) -> bool:
        """True when ``on`` lies within the term, both ends included."""
        return self.start <= on and (self.end is None or on <= self.end)

    def names(self) -> tuple[str, ...]:
        """The full name followed by the aliases."""
        return (self.person, *self.aliases)


# Other names of the countries and organisations used in the `of` column.
_PLACE_ALIASES: dict[str, str] = {
    fold_name(alias): fold_name(canonical)
    for alias, canonical in {
        "USA": "États-Unis",
        "US": "États-Unis",
        "Amérique": "États-Unis",
        "Grande-Bretagne": "Royaume-Uni",
        "UK": "Royaume-Uni",
        "Tchéquie": "République tchèque",
        "Biélorussie": "Biélorussie",
        "Bélarus": "Biélorussie",
        "UE": "Union européenne",
        "OTAN": "Otan",
        "NATO": "Otan",
        "Organisation du traité de l'Atlantique nord": "Otan",
        "Nations unies": "ONU",
        "Organisation des Nations unies": "ONU",
        "UN": "ONU",
        "Fonds monétaire international": "FMI",
        "IMF": "FMI",
        "Banque centrale européenne": "BCE",
        "ECB": "BCE",
        "Organisation mondiale de la santé": "OMS",
        "WHO": "OMS",
        "Organisation mondiale du commerce": "OMC",
        "WTO": "OMC",
    }.items()
}

# The office key already tells which EU institution is meant, so "UE" finds them all.
_EU = fold_name("Union européenne")
_EU_BODIES = frozenset(
    fold_name(body)
    for body in (
        "Union européenne",
        "Commission européenne",
        "Conseil européen",
        "Parlement européen",
    )
)


def _canonical_place(of: str) -> str:
    key = fold_name(of)
    return _PLACE_ALIASES.get(key, key)


def _parse_date(text: str, where: str, column: str) -> date:
    if not _DATE.fullmatch(text):
        raise ValueError(f"{where}: {column} {text!r} is not a YYYY-MM-DD date")
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{where}: {column} {text!r} is not a valid date ({error})") from None


def _parse_line(line: str, where: str) -> Office:
    fields = [field.strip() for field in line.split("\t")]
    if len(fields) != len(COLUMNS):
        raise ValueError(
            f"{where}: expected {len(COLUMNS)} tab-separated columns "
            f"({' '.join(COLUMNS)}), got {len(fields)}"
        )
    person, gender, office, of, title_fr, start_text, end_text, aliases_text, source = fields
    for column, value in (("person", person), ("of", of), ("title_fr", title_fr)):
        if not value:
            raise ValueError(f"{where}: column {column} is empty")
    if gender not in _GENDERS:
        raise ValueError(f"{where}: gender {gender!r} is not one of m, f")
    if office not in OFFICE_KEYS:
        raise ValueError(
            f"{where}: office {office!r} is not one of {', '.join(sorted(OFFICE_KEYS))}"
        )
    start = _parse_date(start_text, where, "start")
    end = _parse_date(end_text, where, "end") if end_text else None
    if end is not None and end < start:
        raise ValueError(f"{where}: end {end} is before start {start}")
    aliases = tuple(alias.strip() for alias in aliases_text.split("|") if alias.strip())
    return Office(person, gender, office, of, title_fr, start, end, aliases, source)


def _parse(text: str, origin: str) -> list[Office]:
    rows: list[Office] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(_parse_line(line, f"{origin}:{number}"))
    return rows


def _user_paths(extra: Path | None) -> tuple[Path, ...]:
    listed = os.environ.get(ENV_VAR, "")
    paths = [Path(part) for part in listed.split(os.pathsep) if part.strip()]
    if extra is not None:
        paths.append(Path(extra))
    return tuple(paths)


@lru_cache(maxsize=16)
def _load(paths: tuple[Path, ...]) -> tuple[Office, ...]:
    bundled = resources.files(__name__).joinpath(_BUNDLED)
    rows = _parse(bundled.read_text(encoding="utf-8"), f"{__name__}/{_BUNDLED}")
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ValueError(f"{path}: cannot read knowledge file ({error.strerror})") from None
        rows.extend(_parse(text, str(path)))
    return tuple(rows)


def office_holders(extra: Path | None = None) -> tuple[Office, ...]:
    """All rows: the bundled file, then the files in ``PRESSE_KNOWLEDGE``, then ``extra``.

    The result is cached per list of files, so changing ``PRESSE_KNOWLEDGE`` between calls
    is honoured but editing a file already read is not. Raises :class:`ValueError` naming
    the file and line of the first malformed line, or a file that cannot be read.
    """
    return _load(_user_paths(extra))


@dataclass(frozen=True, slots=True)
class _Index:
    by_post: dict[tuple[str, str], tuple[Office, ...]]
    by_name: dict[str, tuple[Office, ...]]


@lru_cache(maxsize=16)
def _index(paths: tuple[Path, ...]) -> _Index:
    by_post: dict[tuple[str, str], list[Office]] = {}
    by_name: dict[str, list[Office]] = {}
    for row in _load(paths):
        by_post.setdefault((row.office, _canonical_place(row.of)), []).append(row)
        for key in {fold_name(name) for name in row.names()}:
            by_name.setdefault(key, []).append(row)
    return _Index(
        by_post={key: tuple(rows) for key, rows in by_post.items()},
        by_name={key: tuple(rows) for key, rows in by_name.items()},
    )


def holder(
    office: str, of: str, on: date, *, gender: str | None = None, extra: Path | None = None
) -> Office | None:
    """The term of ``office`` of the country or organisation ``of`` that covers the date ``on``.

    ``gender`` (``m`` or ``f``), when the text's agreement tells it (« la Première ministre »),
    leaves out the holders of the other gender: ``None`` rather than a holder the text rules out.

    ``of`` may be any form in the bundled data or a known alias (« USA », « UE »,
    « Nations unies »…); asking for « Union européenne » also finds the Commission,
    Council and Parliament, the office key telling them apart. When several terms cover
    ``on`` (a handover day), the one that started latest wins. ``None`` when nobody is
    recorded for that date. Raises :class:`ValueError` as :func:`office_holders` does.
    """
    index = _index(_user_paths(extra))
    place = _canonical_place(of)
    places = _EU_BODIES if place == _EU else (place,)
    matches = [
        row
        for candidate in places
        for row in index.by_post.get((office, candidate), ())
        if row.covers(on) and (gender is None or row.gender == gender)
    ]
    if not matches:
        return None
    return max(matches, key=lambda row: row.start)


def _matching(name: str, extra: Path | None) -> tuple[Office, ...]:
    return _index(_user_paths(extra)).by_name.get(fold_name(name), ())


def offices_of(person: str, *, extra: Path | None = None) -> tuple[Office, ...]:
    """Every term of every person whose full name or alias is ``person``, oldest first.

    An alias shared by several persons (« Fernández ») returns the terms of all of them;
    use :func:`canonical_person` first to tell whether a name is ambiguous.
    """
    rows = _matching(person, extra)
    return tuple(sorted(rows, key=lambda row: (row.start, row.person, row.office)))


def canonical_person(name: str, *, extra: Path | None = None) -> str | None:
    """The full name that ``name`` (a full name, alias or surname) stands for.

    ``None`` when no row knows the name, or when it belongs to two different persons
    (« Orban » is both Viktor Orbán and Ludovic Orban).
    """
    persons = {row.person for row in _matching(name, extra)}
    if len(persons) != 1:
        return None
    return persons.pop()

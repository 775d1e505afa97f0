"""Gold annotations as `presse eval` scores them, and the loader of presse's own gold JSONL.

Every loader (presse JSONL, brat, AADS) turns its dataset into :class:`GoldDoc` records: the text
that is analyzed and the quote and entity spans annotated on it, as character offsets into that
exact text (end exclusive). The scorer never sees the original format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presse.errors import InputError

QUOTE_KINDS = ("direct", "indirect", "mixed")
ENTITY_TYPES = ("PER", "ORG", "LOC")
GENDER_SOURCES = ("text", "knowledge", "first_name", None)
"""A gold person's gender_source (docs/gold-format.md); None when the file does not say."""


@dataclass(frozen=True)
class GoldSpeaker:
    """Who a gold quote is attributed to: a canonical name, a mention span, or both.

    ``name`` is the canonical name (presse gold) or the mention text (brat Entite); ``start`` and
    ``end`` are the mention's offsets when the annotation has them.
    """

    name: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    type: str | None = None
    gender: str | None = None
    members: tuple[str, ...] = ()

    @property
    def has_span(self) -> bool:
        """True when the speaker mention has offsets."""
        return self.start is not None and self.end is not None

    def persons(self) -> tuple[str, ...]:
        """The canonical names of the persons this speaker is: itself when typed ``PER``, its
        members when a ``GROUP`` names them, none otherwise (or when the gold has no type)."""
        if self.type == "PER" and self.name:
            return (self.name,)
        if self.type == "GROUP":
            return self.members
        return ()


@dataclass(frozen=True)
class GoldPerson:
    """A person the article mentions (annotation-guidelines §5b): canonical name, gender
    (``f``, ``m`` or None) and whether a quotation of the article is theirs."""

    name: str
    gender: str | None = None
    quoted: bool = False
    gender_source: str | None = None


@dataclass(frozen=True)
class GoldQuote:
    """A gold quotation span with its kind and, when annotated, its speaker."""

    start: int
    end: int
    kind: str = "direct"
    speaker: GoldSpeaker | None = None
    text: str = ""


@dataclass(frozen=True)
class GoldEntity:
    """A gold named-entity span with a presse type (PER, ORG, LOC)."""

    start: int
    end: int
    type: str
    text: str = ""


@dataclass
class GoldDoc:
    """One annotated document: the text to analyze and its gold spans.

    ``has_speakers`` says whether the dataset annotates speakers at all (AADS does not), so the
    scorer leaves speaker figures out instead of reporting zeros.
    """

    id: str
    text: str
    source: str
    quotes: list[GoldQuote] = field(default_factory=list)
    entities: list[GoldEntity] = field(default_factory=list)
    has_speakers: bool = True
    persons: list[GoldPerson] | None = None

    @property
    def actor_level(self) -> bool:
        """True for gold made under the actor-level guidelines (2026-12-07: speaker types and
        the article's ``persons`` list), where the quoted and mentioned persons are known."""
        return self.persons is not None

    def quoted_persons(self) -> set[str]:
        """Canonical names of the persons quoted in the article (typed gold only)."""
        return {name for q in self.quotes if q.speaker for name in q.speaker.persons()}


def _span(record: dict[str, Any], text: str, where: str) -> tuple[int, int]:
    """Offsets of a span record, checked against the text (gold-format contract)."""
    try:
        start, end = int(record["start"]), int(record["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(where, "span without integer 'start'/'end'") from exc
    if not 0 <= start <= end <= len(text):
        raise InputError(where, f"span {start}-{end} is outside the text (length {len(text)})")
    expected = record.get("text")
    if expected is not None and text[start:end] != expected:
        raise InputError(
            where,
            f"text[{start}:{end}] is {text[start:end]!r}, the record says {expected!r}",
            "fix the offsets: gold spans must equal text[start:end] (docs/gold-format.md)",
        )
    return start, end


def _gold_speaker(record: dict[str, Any] | None, text: str, where: str) -> GoldSpeaker | None:
    if record is None:
        return None
    name = record.get("name")
    extra: dict[str, Any] = {
        "type": record.get("type"),
        "gender": record.get("gender"),
        "members": tuple(record.get("members") or ()),
    }
    if record.get("start") is None or record.get("end") is None:
        return GoldSpeaker(name=name, **extra)
    start, end = _span(record, text, where + " speaker")
    return GoldSpeaker(
        name=name or text[start:end], start=start, end=end, text=text[start:end], **extra
    )


def _gold_persons(records: Any, where: str) -> list[GoldPerson] | None:
    if records is None:
        return None
    if not isinstance(records, list):
        raise InputError(where, "'persons' must be a list")
    persons = []
    for n, record in enumerate(records):
        if not isinstance(record, dict) or not isinstance(record.get("name"), str):
            raise InputError(where, f"person {n} needs a 'name'")
        source = record.get("gender_source")
        if source not in GENDER_SOURCES:
            raise InputError(
                where, f"person {n} ({record['name']}): gender_source {source!r} is not one of "
                "text, knowledge, first_name or null"
            )
        persons.append(
            GoldPerson(record["name"], record.get("gender"), bool(record.get("quoted")), source)
        )
    return persons


def parse_presse_record(record: dict[str, Any], where: str) -> GoldDoc:
    """Turn one presse gold JSON object into a :class:`GoldDoc`.

    Raises :class:`InputError` when the record lacks ``text``, a quote has an unknown kind, or a
    span's ``text`` differs from ``text[start:end]``.
    """
    text = record.get("text")
    if not isinstance(text, str) or not text:
        raise InputError(where, "record without a non-empty 'text'")
    doc_id = str(record.get("id") or where)
    quotes = []
    for n, quote in enumerate(record.get("quotes") or []):
        qwhere = f"{where} ({doc_id}) quote {n}"
        start, end = _span(quote, text, qwhere)
        kind = quote.get("kind", "direct")
        if kind not in QUOTE_KINDS:
            raise InputError(qwhere, f"unknown kind {kind!r}", "use direct, indirect or mixed")
        cue = quote.get("cue")
        if isinstance(cue, dict) and cue.get("start") is not None:
            _span(cue, text, qwhere + " cue")
        speaker = _gold_speaker(quote.get("speaker"), text, qwhere)
        quotes.append(GoldQuote(start, end, kind, speaker, text[start:end]))
    persons = _gold_persons(record.get("persons"), f"{where} ({doc_id})")
    return GoldDoc(id=doc_id, text=text, source=where, quotes=quotes, persons=persons)


def load_presse_gold(path: Path) -> list[GoldDoc]:
    """Read a presse gold JSONL file (docs/gold-format.md); blank lines are skipped.

    Raises :class:`InputError` naming the file and line of any malformed record.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file: {exc.strerror}") from exc
    docs = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise InputError(where, "a gold line must be a JSON object")
        docs.append(parse_presse_record(record, where))
    return docs

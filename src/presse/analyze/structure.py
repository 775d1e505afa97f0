"""Structure of a plain-text article: title, standfirst, headings, lists, dateline, byline.

Works on the string alone (no model), line by line: each non-empty line is a block. The rules are
typographic: a heading is a short line without final punctuation followed by a paragraph; a byline
is a short last (or first) line naming people and an outlet; a list item starts with a bullet.
Markup hints (headings, list items and the standfirst known from HTML) override the guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from presse.analyze.dateline import read_dateline
from presse.lexicons import first_name_gender

BULLET_RE = re.compile(r"^\s*(?:[-–•*▪►·]|\d{1,2}[.)])\s+")
FINAL_PUNCT = ".;,:!…"
BYLINE_PAR_RE = re.compile(r"^(?:par|by)\s+(?P<names>.+)$", re.IGNORECASE)
# a dateline opens one of the first body lines: a photo caption may come before it
DATELINE_LINES = 3
NAME_TOKEN_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")
NAME_PARTICLES = {"de", "du", "des", "d'", "von", "van", "der", "le", "la", "ben", "bin", "al", "el"}
OUTLET_SEPARATORS = re.compile(r"\s*(?:/|\||—|–| - |,|\()\s*")
MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}


@dataclass
class RawBlock:
    """A block found in the text: kind and character range."""

    kind: str
    start: int
    end: int


@dataclass
class Structure:
    """The structure of one text; offsets index the text given to `detect_structure`."""

    blocks: list[RawBlock] = field(default_factory=list)
    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: date | None = None

    def headings(self) -> list[RawBlock]:
        """The heading blocks, in order."""
        return [b for b in self.blocks if b.kind == "heading"]


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, stripped of surrounding white space."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def _words(line: str) -> list[str]:
    return re.findall(r"\w[\w'’-]*", line)


def _is_heading_like(line: str, max_words: int = 16) -> bool:
    """Short, starts with a capital or a digit, no final sentence punctuation."""
    if not line or BULLET_RE.match(line):
        return False
    words = _words(line)
    if not 1 <= len(words) <= max_words or len(line) > 140:
        return False
    if line[-1] in FINAL_PUNCT or (line.endswith("»") and line.count("«") == 0):
        return False
    first = line.lstrip("«“\"'(")[:1]
    return first.isupper() or first.isdigit()


def _is_paragraph_like(line: str) -> bool:
    return len(_words(line)) >= 12 or (line[-1:] in ".!?…»”\"" and len(_words(line)) >= 5)


def split_byline(line: str) -> tuple[list[str], str | None] | None:
    """Authors and outlet of a byline line, or None when the line is not a byline.

    Recognizes "Par A et B", "A, B / Outlet", "Name Surname Outlet Name" (a known first name, a
    surname, then capitalized words naming the outlet) and "Name Surname".
    """
    text = line.strip().rstrip(".")
    m = BYLINE_PAR_RE.match(text)
    outlet: str | None = None
    if m:
        text = m.group("names")
        parts = OUTLET_SEPARATORS.split(text, maxsplit=1)
        if len(parts) == 2 and parts[1] and not first_name_gender(parts[1].split()[0]):
            text, outlet = parts[0], parts[1].rstrip(")")
        names = [n.strip() for n in re.split(r",|\bet\b|\band\b|&", text) if n.strip()]
        return (names, outlet) if names else None
    tokens = text.split()
    if not 2 <= len(tokens) <= 9 or not all(NAME_TOKEN_RE.match(t) or t.lower() in NAME_PARTICLES for t in tokens):
        return None
    parts = OUTLET_SEPARATORS.split(text, maxsplit=1)
    if len(parts) == 2 and parts[1]:
        names_part, outlet = parts[0], parts[1].rstrip(")")
        tokens = names_part.split()
    if not first_name_gender(tokens[0].split("-")[0]) and not first_name_gender(tokens[0]):
        return None
    # first name, then one surname (with its particles); what follows is the outlet
    i = 1
    while i < len(tokens) - 1 and tokens[i].lower() in NAME_PARTICLES:
        i += 1
    if i >= len(tokens):
        return None
    author = " ".join(tokens[: i + 1])
    rest = " ".join(tokens[i + 1 :])
    if rest and outlet is None:
        outlet = rest
    elif rest:
        author = f"{author} {rest}"
    return [author], outlet


def parse_french_date(text: str) -> date | None:
    """A date like '1er janvier 2016' or '15 août 2025' (the first one in `text`), or None."""
    m = re.search(
        r"\b(1er|\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", text, re.IGNORECASE
    )
    if not m:
        return None
    day = 1 if m.group(1).lower() == "1er" else int(m.group(1))
    try:
        return date(int(m.group(3)), MONTHS[m.group(2).lower()], day)
    except ValueError:
        return None


def _dateline(texts: list[str], kinds: list[str], first_body: int, result: Structure) -> int | None:
    """Read the dateline among the first body lines into ``result.published``; a line that holds
    nothing but the dateline becomes a ``dateline`` block. The index of its line, or None."""
    candidates = [i for i in range(first_body, len(texts)) if kinds[i] != "byline"][:DATELINE_LINES]
    for i in candidates:
        found = read_dateline(texts[i])
        if found is None:
            continue
        result.published = found.day
        if found.whole_line and kinds[i] in ("paragraph", "heading"):
            kinds[i] = "dateline"
        return i
    return None


def detect_structure(
    text: str,
    *,
    has_title: bool | None = None,
    headings: list[str] | None = None,
    list_items: list[str] | None = None,
    standfirst: str | None = None,
) -> Structure:
    """Find the blocks of `text` and the article metadata they carry.

    `has_title` True says the first line is the title (a record gave it); None lets the rules
    decide; False says there is none. `headings`, `list_items` and `standfirst` are lines known
    from markup (the first body line equal to `standfirst` is the standfirst).
    """
    lines = _lines(text)
    result = Structure()
    if not lines:
        return result
    known_headings = {h.strip() for h in headings or []}
    known_items = {i.strip().lstrip("-–• ").strip() for i in list_items or []}
    kinds: list[str] = ["paragraph"] * len(lines)
    texts = [text[s:e] for s, e in lines]

    for i, line in enumerate(texts):
        if BULLET_RE.match(line) or line in known_items:
            kinds[i] = "list_item"
        elif line in known_headings:
            kinds[i] = "heading"

    first_body = 0
    title_rule = has_title is None and len(lines) > 1 and _is_heading_like(texts[0], 25)
    if has_title or title_rule:
        kinds[0] = "title"
        result.title = texts[0]
        first_body = 1

    # byline: last line, else first body line
    last = len(lines) - 1
    if last > first_body and kinds[last] == "paragraph" and len(_words(texts[last])) <= 10:
        byline = split_byline(texts[last])
        if byline:
            kinds[last] = "byline"
            result.authors, result.outlet = byline
    if kinds[first_body] == "paragraph" and first_body < last and len(_words(texts[first_body])) <= 8:
        byline = split_byline(texts[first_body])
        if byline and BYLINE_PAR_RE.match(texts[first_body]):
            kinds[first_body] = "byline"
            result.authors, result.outlet = byline
            first_body += 1

    dateline_at = _dateline(texts, kinds, first_body, result)

    if not known_headings:
        for i in range(first_body, len(lines)):
            if kinds[i] != "paragraph" or not _is_heading_like(texts[i]):
                continue
            nxt = next((j for j in range(i + 1, len(lines)) if kinds[j] != "byline"), None)
            if nxt is None:
                continue
            if kinds[nxt] in ("paragraph", "list_item") and _is_paragraph_like(texts[nxt]):
                kinds[i] = "heading"

    body = [i for i in range(first_body, len(lines)) if kinds[i] == "paragraph"]
    known = next((i for i in body if standfirst and texts[i] == standfirst.strip()), None)
    if known is not None:
        kinds[known] = "standfirst"
        result.standfirst = texts[known]
        body = [i for i in body if i > known]
    if body:
        first = body[0]
        following = next((j for j in range(first + 1, len(lines)) if kinds[j] != "byline"), None)
        if known is None and following is not None and kinds[following] == "heading" and first != dateline_at:
            kinds[first] = "standfirst"
            result.standfirst = texts[first]

    for (start, end), kind in zip(lines, kinds, strict=True):
        result.blocks.append(RawBlock(kind, start, end))
    return result

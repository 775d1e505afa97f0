"""Names of one actor: acronyms and their expansions, nicknames, and the edges of a name.

* « PSG » and « Paris Saint-Germain », « CGT » and « Confédération générale du travail » are one
  actor: the acronym is spelled by the initials of the name's words (function words left out,
  each part of a hyphenated word counted), or the acronyms lexicon lists the name (« ONU » /
  « Nations unies »). The fuller name is the canonical one.
* A name ends where the name ends: « l'ONU lundi » is « ONU »; a title-like name that begins with
  its article takes the adjective that completes it (« Le Canard enchaîné »).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.tokens import Doc

from presse.analyze.actors.context import Decision, Merge, ResolutionContext
from presse.analyze.names import fold_name
from presse.lexicons import acronym_names, word_set

ACRONYM_RE: Final = re.compile(r"^[A-Z][A-Za-z]{1,8}$")
TITLE_ARTICLES: Final = frozenset(a.capitalize() for a in word_set("determiners.definite"))
NICKNAME_CUES: Final = word_set("name_words.nickname_cue")


def is_acronym(text: str) -> bool:
    """An acronym: one word of 2 to 9 letters with at least two capitals (« ONU », « Insee »
    has one and is not)."""
    return bool(ACRONYM_RE.match(text)) and sum(c.isupper() for c in text) >= 2


def is_word_acronym(text: str) -> bool:
    """An acronym the press writes as a word, capital first (« Farc », « Unesco », « Otan »):
    3 to 9 letters; it is one only where a name of the article spells it (:func:`initials`)."""
    return bool(ACRONYM_RE.match(text)) and len(text) >= 3 and text[1:].islower()


def initials(name: str) -> str:
    """Upper-case initials of the name's words, French function words left out, each part of a
    hyphenated word counted: « Paris Saint-Germain » → ``PSG``."""
    letters = []
    for word in re.findall(r"[^\W\d_]+", name.replace("’", "'")):
        if (word.lower() in STOP_WORDS or len(word) == 1) and not word[:1].isupper():
            continue  # « d'analyses », « l'aviation »: the elided article or preposition has no letter
        letters.append(word[0].upper())
    return "".join(letters)


def spells(acronym: str, name: str) -> bool:
    """Whether `acronym` stands for `name` (initials, or the acronyms lexicon)."""
    if fold_name(acronym) == fold_name(name) or (" " not in name.strip() and "-" not in name):
        return False
    if initials(name) == acronym.upper():
        return True
    return fold_name(name) in {fold_name(n) for n in acronym_names(acronym)}


def expansion_before(words_before: str, acronym: str) -> str | None:
    """The expansion of a bracketed acronym among the words right before it: the shortest run of
    last words whose initials spell it (« la régie autonome des transports parisiens (RATP) » →
    « régie autonome des transports parisiens »), or None."""
    words = words_before.split()
    for k in range(2, min(len(words), 12) + 1):
        candidate = " ".join(words[-k:])
        if words[-k].lower() in STOP_WORDS:
            continue
        if initials(candidate) == acronym.upper():
            return candidate.strip(" ,;:")
    return None


def name_end(doc: Doc, start: int, end: int) -> int:
    """Where a non-person name from `start` really ends: before trailing lower-case nouns or
    adverbs glued to it (« ONU lundi »), past the adjective that completes a title-like name that
    starts with its article (« Le Canard enchaîné »)."""
    while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ in ("NOUN", "ADV", "NUM") and not doc[end - 2].is_lower:
        end -= 1
    if (
        doc[start].text in TITLE_ARTICLES
        and end < len(doc)
        and doc[end].is_lower
        and doc[end].pos_ in ("ADJ", "VERB")
        and doc[end].dep_ in ("amod", "acl")
        and start <= doc[end].head.i < end
        and not list(doc[end].children)
    ):
        end += 1
    return end


def bracketed_acronyms(doc: Doc, text: str, spans: Sequence[tuple[int, int, str, str | None]] = ()) -> dict[str, str]:
    """Acronyms given in brackets after the name they stand for, by key: 'Organisation mondiale
    de la santé (OMS)' -> {'oms': 'Organisation mondiale de la santé'}. The long form is a
    non-person name among `spans` (start, end, label, gender) right before the bracket (the
    acronym may come from another language: 'Bureau de la coordination des affaires
    humanitaires (OCHA)'), else the words right before whose initials spell it
    (:func:`expansion_before`, lower case included: 'la régie autonome des transports parisiens
    (RATP)'). `text` is ``doc.text``."""
    found = {}
    ends = {doc[end - 1].idx + len(doc[end - 1]): (start, end) for start, end, label, _ in spans if label != "PER"}
    for m in re.finditer(r"\s*\(([A-Z][A-Za-z]{1,9})\)", text):
        acro = m.group(1)
        span = ends.get(m.start())
        if span is not None and sum(c.isupper() for c in acro) >= 2:
            found[fold_name(acro)] = doc[span[0] : span[1]].text
    # the other way round: "membre de l'Ocha (le Bureau de la coordination …)"
    orgs = {doc[start].idx: (start, end) for start, end, label, _ in spans if label == "ORG" and end - start > 1}
    for m in re.finditer(r"\b([A-Z][A-Za-z]{1,7})\s*\((?:(?:le|la|les|l['’])\s*)?", text):
        span = orgs.get(m.end())
        if span is not None:
            found.setdefault(fold_name(m.group(1)), doc[span[0] : span[1]].text)
    for m in re.finditer(r"\(([A-Z]{2,9})\)", text):
        # « la régie autonome des transports parisiens (RATP) »: a long form the NER missed
        long = expansion_before(text[max(0, m.start() - 160) : m.start()], m.group(1))
        if long is not None:
            found.setdefault(fold_name(m.group(1)), long)
    return found


def merge_nicknames(ctx: ResolutionContext) -> Iterator[Decision]:
    """"Alexandra Maquet dite Alma", "X alias Y": the second name is the first person's."""
    doc, entities, by_token = ctx.doc, ctx.entities, ctx.by_token
    for i, tok in enumerate(doc):
        if tok.lower_ not in NICKNAME_CUES or i == 0 or i + 1 >= len(doc):
            continue
        first, second = by_token.get(i - 1), by_token.get(i + 1)
        if first is None or second is None or first == second:
            continue
        if entities[first].type != "PER" or entities[second].type not in ("PER", "MISC"):
            continue
        yield Merge(second, first)


def merge_acronyms(ctx: ResolutionContext) -> Iterator[Decision]:
    """« PSG » … « Paris Saint-Germain », « l'ONU » … « les Nations unies »: an acronym and the
    name it spells are one actor, known by the fuller name."""
    entities = ctx.entities
    for a, short in enumerate(entities):
        if not short.mentions or short.type == "PER":
            continue
        if is_acronym(short.name):
            def stands_for(name: str, acronym: str = short.name) -> bool:
                return spells(acronym, name)
        elif is_word_acronym(short.name):
            def stands_for(name: str, acronym: str = short.name) -> bool:
                return " " in name.strip() and initials(name) == acronym.upper()
        else:
            continue
        full = next((
            i for i, e in enumerate(entities)
            if i != a and e.mentions and e.type != "PER" and not e.collective and stands_for(e.name)
        ), None)
        if full is not None:
            kept = entities[full]
            yield Merge(a, full, "alias", "ORG" if "ORG" in (kept.type, short.type) else kept.type)

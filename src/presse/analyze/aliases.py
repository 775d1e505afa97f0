"""Names of one actor: acronyms and their expansions, and the edges of a name.

* « PSG » and « Paris Saint-Germain », « CGT » and « Confédération générale du travail » are one
  actor: the acronym is spelled by the initials of the name's words (function words left out,
  each part of a hyphenated word counted), or the acronyms lexicon lists the name (« ONU » /
  « Nations unies »). The fuller name is the canonical one.
* A name ends where the name ends: « l'ONU lundi » is « ONU »; a title-like name that begins with
  its article takes the adjective that completes it (« Le Canard enchaîné »).
"""

from __future__ import annotations

import re
from typing import Final

from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.tokens import Doc

from presse.analyze.names import fold_name
from presse.lexicons import acronym_names

ACRONYM_RE: Final = re.compile(r"^[A-Z][A-Za-z]{1,8}$")
TITLE_ARTICLES: Final = frozenset({"Le", "La", "Les", "L'", "L’"})


def is_acronym(text: str) -> bool:
    """An acronym: one word of 2 to 9 letters with at least two capitals (« ONU », « Insee »
    has one and is not)."""
    return bool(ACRONYM_RE.match(text)) and sum(c.isupper() for c in text) >= 2


def initials(name: str) -> str:
    """Upper-case initials of the name's words, French function words left out, each part of a
    hyphenated word counted: « Paris Saint-Germain » → ``PSG``."""
    letters = []
    for word in re.findall(r"[^\W\d_]+", name.replace("’", "'")):
        if word.lower() in STOP_WORDS and not word[:1].isupper():
            continue
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

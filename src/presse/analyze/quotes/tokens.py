"""Word classes and token predicates every quotation family reads.

The word sets are data (``lexicons/fr/function_words.tsv`` and ``quote_words.tsv``); the
functions read one parsed token or token list and return a yes/no or a trimmed list.
"""

from __future__ import annotations

from spacy.tokens import Token

from presse.lexicons import function_words, quote_words

_WORDS = function_words()
SELON = _WORDS["source_preposition"]
QUE = _WORDS["que"]
DE = _WORDS["de"]
REFLEXIVES = _WORDS["reflexive"]
CLAUSE_PREPOSITIONS = _WORDS["clause_preposition"]
CLITIC_OBJECTS = _WORDS["clitic_object"]
PERSONAL_SUBJECTS = _WORDS["subject_pronoun"]
OBJECT_CLITICS = _WORDS["object_clitic"]
RELATIVES = _WORDS["relative"]
RELATIVE_OPENERS = _WORDS["relative_opener"]
VIEW_HOLDERS = _WORDS["view_holder"]
STRESSED_VIEW_PRONOUNS = _WORDS["stressed_view_pronoun"]
STRESSED_THIRD_PERSON = _WORDS["stressed_third_person"]
CHARGE_LINKS = _WORDS["charge_link"]
ARTICLES = _WORDS["article"]
NEGATION_PARTNERS = _WORDS["negation_partner"]
ADDRESSEE_CASES = _WORDS["addressee_case"]
UNSAID_MARKS = _WORDS["unsaid_mark"]
MONTHS_AND_DAYS = quote_words()["calendar_noun"]
HYPHENS = frozenset("-‐‑")


def is_word(tok: Token) -> bool:
    """A word, hyphenated compounds included: « peut-être », « vis-à-vis », « entre-deux-tours »
    count as one word each (``Token.is_alpha`` refuses them, which cut short the word counts)."""
    text = tok.text
    return any(c.isalpha() for c in text) and all(c.isalpha() or c in HYPHENS for c in text)


def nominal(tok: Token) -> bool:
    """A noun, a name, a pronoun, or an adjective used as a noun ("plusieurs officiels")."""
    return tok.pos_ in ("NOUN", "PROPN", "PRON") or (tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children))


def trim_punct(tokens: list[Token]) -> list[Token]:
    """`tokens` without the punctuation at either end, quote marks and a closing bracket kept."""
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].is_punct and tokens[lo].text not in ("«", "“"):
        lo += 1
    while hi > lo and tokens[hi - 1].is_punct and tokens[hi - 1].text not in ("»", "”", ")"):
        hi -= 1
    return tokens[lo:hi]


def noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by `tok`, without relative clauses or punctuation."""
    keep = [tok.i]
    for child in tok.children:
        if child.dep_ in ("det", "amod", "nmod", "flat:name", "compound", "case", "nummod", "appos") and abs(child.i - tok.i) <= 6:
            keep.extend(t.i for t in child.subtree if not t.is_punct)
    lo, hi = min(keep), max(keep) + 1
    doc = tok.doc
    while lo < tok.i and doc[lo].pos_ == "ADP":
        lo += 1
    return lo, hi


def addressee(tok: Token) -> bool:
    """True when `tok` heads (or is) the phrase of whom one speaks to (« a indiqué au Monde »,
    « à l'AFP », « devant la presse »): not the speaker, unlike « selon X » or « du directeur »."""
    head = tok.head if tok.dep_ == "flat:name" else tok
    return tok.lower_ in ADDRESSEE_CASES or any(c.dep_ == "case" and c.lower_ in ADDRESSEE_CASES for c in head.children)


CLAUSE_OPENERS = frozenset(".!?…:—–\n")


def opens_clause(text: str, open_at: int) -> bool:
    """True when the mark at `open_at` stands where a clause starts: at the start of the text or
    of a paragraph, after a sentence's end (« A. » « B »), or after a colon or a dash."""
    before = text[:open_at].rstrip(" \t\u00a0\u202f\u2009")
    if not before:
        return True
    last = before[-1]
    if last in ("»", "”", '"'):
        return before[:-1].rstrip()[-1:] in (".", "!", "?", "…")
    return last in CLAUSE_OPENERS

"""Subjects as actor resolution reads them.

Kept apart so that one shared subject finder (:mod:`presse.analyze.subjects`, used by quotes and
stance too) can take their place: these are the only two places actors look for a subject.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span, Token

MAIN_CLAUSE_DEPS: Final = frozenset({"ROOT", "conj", "parataxis"})


def is_main_clause_subject(span: Span) -> bool:
    """True for the subject of a main clause (or a name in apposition to it: "l'ancien candidat
    Alain Juppé a annoncé"): the strongest antecedent for what follows."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ in ("AUX", "VERB"):
        # "… Alain Juppé a annoncé": a name right before the main verb is its subject, whatever
        # the parser made of a long noun phrase before it
        verb = doc[span.end] if doc[span.end].pos_ == "VERB" else doc[span.end].head
        if verb.dep_ in MAIN_CLAUSE_DEPS and any(c.dep_.startswith("nsubj") for c in verb.children):
            return True
    root = span.root
    for _ in range(3):
        if root.dep_ not in ("flat:name", "appos") or root.head == root:
            break
        root = root.head
    return root.dep_ in ("nsubj", "expl:subj") and (
        root.head.dep_ in MAIN_CLAUSE_DEPS or (root.head.head.dep_ == "ROOT" and root.head.dep_ == "advcl")
    )


def subject_of(verb: Token) -> Token | None:
    """The subject of `verb` (nominal or expletive), or None."""
    for child in verb.children:
        if child.dep_.startswith("nsubj") or child.dep_ == "expl:subj":
            return child
    return None

"""The per-document state the quotation finders share: one :class:`QuoteContext` per Doc.

The finders of each construction family are functions of a context and a token or span; what
they learn about the document as they go (the quote-marked ranges, the signature lines, where
the last charge name closed) lives here, so the finders themselves keep no state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from presse.analyze.actors import Actors
from presse.analyze.quotes.tokens import PERSONAL_SUBJECTS, SELON, STRESSED_THIRD_PERSON, nominal
from presse.analyze.subjects import person_noun
from presse.analyze.verb_groups import INVERTED_CLITIC_RE
from presse.lexicons import speech_nouns


@dataclass
class QuoteContext:
    """One Doc under analysis: its text, its resolved actors, and the facts the finders gather.

    ``quoted`` holds the character ranges between quote marks (opening mark to closing mark
    included, or to the end of an unclosed span); ``signatures`` the dash lines that sign a
    quotation block (offset of the line, signer token); ``charge_end`` where the last marks
    holding the legal name of a charge closed (-1 before any), so that a list of charges
    (« A », « B » et « C ») is read as one.
    """

    doc: Doc
    actors: Actors
    text: str
    quoted: list[tuple[int, int]] = field(default_factory=list)
    signatures: list[tuple[int, Token]] = field(default_factory=list)
    charge_end: int = -1

    def in_quote(self, tok: Token) -> bool:
        """True when `tok` stands between quote marks."""
        return any(a <= tok.idx < b for a, b in self.quoted)

    def actor_type(self, tok: Token) -> str | None:
        """The entity type of the actor `tok` mentions, or None."""
        ent = self.actors.entity_at(tok.i)
        return ent.type if ent is not None else None

    def plausible_speaker(self, tok: Token | None) -> bool:
        """A speaker is an actor, a personal pronoun, or a noun of person or institution."""
        if tok is None:
            return False
        actors = self.actors
        if actors.entity_at(tok.i) is not None:
            return True
        low = tok.lower_
        if low in PERSONAL_SUBJECTS or INVERTED_CLITIC_RE.match(tok.text):
            return True
        if low in STRESSED_THIRD_PERSON and tok.i > 0 and tok.doc[tok.i - 1].lower_ in SELON | {"après"}:
            return True  # "selon lui, …", "d'après eux, …"
        if tok.pos_ == "PROPN":
            return True
        lemma = tok.lemma_.lower()
        doc = tok.doc
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].pos_ == "NOUN":
            tok = doc[tok.i + 2]  # "marins-pompiers", split by the tokenizer: pompiers
            low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "NOUN" and tok.dep_.startswith("nsubj") and any(
            c.dep_ in ("nmod", "appos", "flat:name") and c.i in actors.by_token for c in tok.children
        ):
            return True  # "la chaîne américaine NBC annonce", "le rapport de la CIA a déclaré": a named source
        return (tok.pos_ == "NOUN" or (tok.pos_ == "ADJ" and nominal(tok))) and (person_noun(tok) or lemma in speech_nouns())

"""Layer 5b, documents: a communiqué, a report or a poll in a speaker's place stands for its author.

« Le rapport final du BEA conclut que … », « selon un rapport de la CIA », « une enquête réalisée
par l'Associated Press montre … »: who speaks is the author (docs/annotation-guidelines.md §5a),
named in the document's own complement (« du BEA »), next to it (« le sondage Odoxa ») or as the
agent of its participle (« réalisée par l'AP »). A definite document met again (« le
communiqué », « selon le rapport ») is the one seen before, whose author is the one named with it
or the subject that issued it (« le zoo a annoncé … dans un communiqué », « X a publié un
communiqué »). The nouns are the ``document`` set of ``collective_nouns.tsv``: a study or a set of documents is kept
as such (« une étude publiée par la revue »), as the guidelines' annotators do.

The mention is tied to the author only where the document speaks (a subject, « selon », an
inverted incise subject, :func:`~.descriptions.speaker_position`); elsewhere it is only
remembered.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from spacy.tokens import Token

from presse.analyze.actors.context import Decision, Mention, ResolutionContext
from presse.analyze.actors.descriptions import description_span, speaker_position
from presse.lexicons import word_set

DOCUMENT_NOUNS: Final = word_set("collective_nouns.document")
DEFINITE: Final = word_set("determiners.collective")
AGENT_PREPOSITIONS: Final = frozenset({"par"})
OF_PREPOSITIONS: Final = word_set("prepositions.of")


def documents(ctx: ResolutionContext) -> Iterator[Decision]:
    """Mentions of the authors of documents that speak (see the module doc), in text order."""
    doc = ctx.doc
    last_author: dict[str, int] = {}  # document noun -> author of its latest mention
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma not in DOCUMENT_NOUNS or tok.i in ctx.by_token or _plural(tok):
            continue  # « les rapports » come from several hands
        author = _named_author(ctx, tok)
        if author is None:
            author = _issuer(ctx, tok)
        if author is None and _definite(tok):
            author = last_author.get(lemma)
        if author is None:
            continue
        last_author[lemma] = author
        if speaker_position(tok):
            start, end = description_span(doc, tok)
            if not any(t in ctx.by_token for t in range(start, end)):
                yield Mention(author, start, end, "description", "document")


def _author_at(ctx: ResolutionContext, tok: Token) -> int | None:
    """The named actor (not a collective) whose mention covers `tok`, or None."""
    idx = ctx.by_token.get(tok.i)
    if idx is None or ctx.entities[idx].collective:
        return None
    return idx


def _named_author(ctx: ResolutionContext, tok: Token) -> int | None:
    """The author the document names: a complement « du BEA », a name right after it (« le
    sondage Odoxa »), or the agent of its participle (« réalisée par l'AP »)."""
    for child in tok.children:
        if child.dep_ in ("nmod", "flat:name", "appos") and child.i > tok.i:
            cases = {c.lower_ for c in child.children if c.dep_ == "case"}
            if child.dep_ == "nmod" and cases and not cases & OF_PREPOSITIONS:
                continue  # « un rapport sur l'OMS » is not the OMS's
            found = _author_at(ctx, child)
            if found is not None:
                return found
        if child.dep_ == "acl":
            for agent in child.children:
                if any(c.dep_ == "case" and c.lower_ in AGENT_PREPOSITIONS for c in agent.children):
                    found = _author_at(ctx, agent)
                    if found is not None:
                        return found
    if tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].pos_ == "PROPN":
        return _author_at(ctx, ctx.doc[tok.i + 1])
    return None


def _issuer(ctx: ResolutionContext, tok: Token) -> int | None:
    """The named subject of the verb the document depends on (« X a annoncé … dans un
    communiqué », « X a publié un rapport »), or None."""
    if tok.dep_ not in ("obj", "obl", "obl:mod", "obl:arg"):
        return None
    subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None or subject.dep_ == "nsubj:pass":
        return None
    return _author_at(ctx, subject)


def _plural(tok: Token) -> bool:
    return "Plur" in tok.morph.get("Number") or any(c.dep_ == "det" and c.lower_ in ("les", "des", "ces") for c in tok.children)


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)

"""The speaker chain: reported speech going on with a pronoun subject.

« Me Laure Benhamou a demandé la réouverture de l'enquête. Le procureur, Éric Mangin, estime que
… Elle a annoncé son intention de saisir la chambre. »: a reader takes « Elle » for the last
speaker it can stand for, here the lawyer. When the actor layer left a subject pronoun of a cue
unresolved, or tied it to an actor it cannot stand for (a man for « elle », one person for
« ils »), :func:`chain_speakers` gives the quotation the speaker of the nearest quotation before
it, a few sentences back, whose actor agrees with the pronoun. The mention stays the pronoun.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from presse.analyze.actors import EntityRec
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.records import QuoteRec
from presse.lexicons import pronouns

# how far back a pronoun reaches for the last voice (sentences)
CHAIN_SENTENCES = 3


def chain_speakers(ctx: QuoteContext, quotes: list[QuoteRec]) -> None:
    """Give each quotation whose speaker is a subject pronoun that its actor cannot stand for
    (or none) the actor of the nearest earlier quotation that agrees with the pronoun (see the
    module). `quotes` are resolved and in text order; they are changed in place."""
    sentence_starts = [s.start for s in ctx.doc.sents]
    for k, q in enumerate(quotes):
        pronoun = _pronoun_subject(q)
        if pronoun is None:
            continue
        info = pronouns()[pronoun.lower_.lstrip("-")]
        if q.entity is not None and _agrees(q.entity, info.gender, info.number, strict=False):
            continue
        here = _sentence_index(sentence_starts, pronoun.i)
        for p in reversed(quotes[:k]):
            if p.speaker is None or p.start >= q.start:
                continue
            if here - _sentence_index(sentence_starts, p.speaker.i) > CHAIN_SENTENCES:
                break
            if p.entity is not None and _agrees(p.entity, info.gender, info.number, strict=True):
                q.entity, q.speaker_entity, q.speaker_name = p.entity, p.speaker_entity, p.speaker_name
                q.speaker, q.speaker_tokens = pronoun, (pronoun.i, pronoun.i + 1)
                break


def _pronoun_subject(q: QuoteRec) -> Token | None:
    """The third-person subject pronoun of the quotation's cue (« Elle a ajouté »,
    « a-t-elle insisté »), or None."""
    if q.cue is None or q.speaker is None:
        return None
    for child in q.cue.children:
        if child.dep_.startswith("nsubj"):
            info = pronouns().get(child.lower_.lstrip("-"))
            if info is not None and "subject" in info.kinds and info.person == 3:
                return child
    return None


def _agrees(entity: EntityRec, gender: str, number: str, *, strict: bool) -> bool:
    """True when a pronoun of this gender and number can stand for the actor: « elle » not for a
    man, « ils » not for one person (a masculine plural may cover women). Not `strict`, a gender
    read off a first name alone is no evidence against the pronoun (the actor layer's reading
    stays); `strict`, any known gender must match."""
    if number == "pl":
        return entity.type in ("GROUP", "ORG") or entity.collective or bool(entity.members)
    if entity.type == "GROUP":
        return False
    if entity.type != "PER" or entity.gender is None or entity.gender == gender:
        return True
    return not strict and entity.gender_evidence in (None, "first_name")


def _sentence_index(starts: list[int], i: int) -> int:
    return max(bisect_right(starts, i) - 1, 0)

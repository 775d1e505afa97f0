"""The resolver: runs the layers in order of evidence over one Doc and finishes the actors.

Order (each layer sees what the earlier ones decided):

1. names (:mod:`.names`), then nicknames and acronyms (:mod:`.aliases`);
2. knowledge of the names (:mod:`.knowledge`);
3. coordinated persons as groups (:mod:`.groups`);
4. role descriptions and singular pronouns, in text order (:mod:`.roles`, :mod:`.pronouns`): a
   description resolved early is an antecedent for a pronoun after it, and the reverse;
5. organisations, bodies, groups and unnamed persons named by common nouns (:mod:`.collectives`),
   then documents that speak for their authors (:mod:`.documents`);
6. plural pronouns, once the groups they may stand for are known (:mod:`.pronouns`).

Then each actor's mentions are sorted, its names tidied, actors without mentions dropped,
genders read (:mod:`presse.analyze.gender`) and ids given in order.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc

from presse.analyze.actors.aliases import merge_acronyms, merge_nicknames
from presse.analyze.actors.collectives import collectives
from presse.analyze.actors.context import Decision, Layer, ResolutionContext
from presse.analyze.actors.documents import documents
from presse.analyze.actors.groups import coordinated_groups
from presse.analyze.actors.knowledge import link_knowledge
from presse.analyze.actors.names import names
from presse.analyze.actors.pronouns import (
    SALIENCE_WINDOW,
    Salience,
    narrated,
    plural_references,
    pronoun_mention,
    reference_at,
)
from presse.analyze.actors.records import Actors, EntityRec
from presse.analyze.actors.roles import (
    Appositions,
    appositions_ahead,
    resolve_role,
    role_description_at,
)
from presse.analyze.gender import assign_genders
from presse.analyze.quotemarks import find_quote_marks


def roles_and_pronouns(ctx: ResolutionContext) -> Iterator[Decision]:
    """Role descriptions and singular pronouns in text order, skipping tokens already taken; a
    pronoun inside quotation marks is the speaker's word (an incise's « -t-il » is the
    narrator's). Plural pronouns wait for the groups (:func:`plural_references`)."""
    doc = ctx.doc
    appositions: Appositions = {}
    ahead = appositions_ahead(ctx)
    i = 0
    while i < len(doc):
        if i in ctx.by_token:
            i += 1
            continue
        desc = role_description_at(doc, i)
        if desc is not None:
            yield from resolve_role(ctx, desc, appositions, ahead)
            i = desc.end
            continue
        ref = reference_at(doc, i)
        if ref is not None and not narrated(ctx, i):
            i = ref.end  # the speaker's word, about someone the speaker means
            continue
        if ref is not None and not ref.plural:
            mention = pronoun_mention(ctx, ref)
            if mention is not None:
                yield mention
            i = ref.end
            continue
        i += 1


LAYERS: tuple[Layer, ...] = (
    names,
    merge_nicknames,
    merge_acronyms,
    link_knowledge,
    coordinated_groups,
    roles_and_pronouns,
    collectives,
    documents,
    plural_references,
)


class ActorResolver:
    """Builds the canonical actors of a Doc. Holds no per-document state (that is the
    :class:`ResolutionContext` each call makes), so one resolver may serve any number of Docs."""

    def __init__(self, salience_window: int = SALIENCE_WINDOW) -> None:
        self.salience_window = salience_window

    def context(self, doc: Doc, on: date | None = None, text: str | None = None) -> ResolutionContext:
        """A fresh context for `doc` on the date `on` (today when None); `text` is ``doc.text``
        when the caller has it already (spaCy rebuilds ``doc.text`` from the tokens at each
        access)."""
        text = doc.text if text is None else text
        quoted = [(m.open_at, m.close_at or m.end) for m in find_quote_marks(text).spans]
        entities: list[EntityRec] = []
        salience = Salience(doc, entities, quoted, self.salience_window)
        return ResolutionContext(doc, text, on or date.today(), quoted, salience, entities)

    def __call__(self, doc: Doc, on: date | None = None, text: str | None = None) -> Actors:
        """The actors of `doc` (see :meth:`context` for `on` and `text`)."""
        ctx = self.context(doc, on, text)
        for layer in LAYERS:
            for decision in layer(ctx):
                ctx.apply(decision)
        return finish(ctx)


def _tidy_names(ent: EntityRec) -> None:
    """One space between words in the name, aliases and descriptions, each listed once."""
    ent.name = " ".join(ent.name.split())
    ent.aliases = list(dict.fromkeys(" ".join(a.split()) for a in ent.aliases))
    ent.descriptions = list(dict.fromkeys(" ".join(d.split()) for d in ent.descriptions))


def finish(ctx: ResolutionContext) -> Actors:
    """The actors with mentions, their mentions in text order, their genders and ids; the token
    index rebuilt (a group, added after its members, takes the tokens of its coordination)."""
    for ent in ctx.entities:
        ent.mentions.sort(key=lambda m: m.start)
        _tidy_names(ent)
    entities = [e for e in ctx.entities if e.mentions]
    assign_genders(ctx.doc, entities)
    by_token: dict[int, int] = {}
    for idx, ent in enumerate(entities):
        ent.id = f"e{idx + 1}"
        for m in ent.mentions:
            for t in range(m.start, m.end):
                by_token[t] = idx
    return Actors(entities, by_token, [])

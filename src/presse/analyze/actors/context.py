"""The per-document state of actor resolution, and the one place where decisions are applied.

Each layer (:mod:`.names`, :mod:`.aliases`, :mod:`.knowledge`, :mod:`.groups`, :mod:`.roles`,
:mod:`.pronouns`, :mod:`.collectives`) is a stateless function that reads a
:class:`ResolutionContext` and yields decisions: a :class:`Mention` (tokens are a mention of an
actor), a :class:`Learn` (what the text or the knowledge file tells about an actor) or a
:class:`Merge` (two actors are one). Only :meth:`ResolutionContext.apply` changes the actors, as a
spaCy component computes in ``predict`` and writes in ``set_annotations``. The resolver applies
each decision as soon as it is yielded, so a layer sees its own earlier decisions: resolution in
text order depends on them (a token already taken is no longer a candidate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

from spacy.tokens import Doc

from presse.analyze.actors.records import EntityRec, MentionRec
from presse.analyze.subjects import is_main_clause_subject

if TYPE_CHECKING:
    from presse.analyze.actors.pronouns import Salience

ActorRef: TypeAlias = int | EntityRec
"""An actor a decision is about: its index, or the record of an actor the decision introduces."""


@dataclass(frozen=True)
class Mention:
    """Tokens [start, end) are a mention of `actor`, found by the layer `resolved_by`.

    `claims_tokens` is false for a group's mention, whose tokens stay its members' until the
    final index (the members are what later layers resolve against)."""

    actor: ActorRef
    start: int
    end: int
    kind: str
    resolved_by: str
    claims_tokens: bool = True


@dataclass(frozen=True)
class Learn:
    """What the text or the knowledge file tells about `actor`.

    `renamed`: its full name (the former one becomes an alias); `alias`, `description`: words it
    is also known by; `offices`: (office, of) pairs it holds; `knowledge`, `gender`: set only
    when the actor has none yet."""

    actor: ActorRef
    renamed: str | None = None
    alias: str | None = None
    description: str | None = None
    offices: tuple[tuple[str, str], ...] = ()
    knowledge: str | None = None
    gender: str | None = None


@dataclass(frozen=True)
class Merge:
    """`source` is `target` under another name: its name, aliases and mentions go to `target`
    (its mentions relabelled `resolved_by` when given), which takes `type` when given."""

    source: int
    target: int
    resolved_by: str | None = None
    type: str | None = None


Decision: TypeAlias = Mention | Learn | Merge
Layer: TypeAlias = Callable[["ResolutionContext"], Iterator[Decision]]
"""A resolution layer: reads the context, yields its decisions."""


@dataclass
class ResolutionContext:
    """Everything resolution knows about one Doc: its text, date, quote-marked character ranges,
    the actors found so far and which token belongs to which actor. `salience` ranks the actors
    found so far as antecedents (it shares `entities`)."""

    doc: Doc
    text: str
    on: date
    quoted: list[tuple[int, int]]
    salience: Salience
    entities: list[EntityRec] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)
    _index: dict[int, int] = field(default_factory=dict, repr=False)  # id(record) -> index

    def phrase(self, start: int, end: int) -> str:
        """The text of a token range as a name: whitespace runs and line breaks as one space."""
        return " ".join(self.doc[start:end].text.split())

    def in_quote(self, i: int) -> bool:
        """Whether token `i` is inside quotation marks."""
        return self.salience.in_quote(i)

    def index(self, actor: ActorRef) -> int:
        """The index of `actor`, adding it to the actors when it is new."""
        if isinstance(actor, int):
            return actor
        idx = self._index.get(id(actor))
        if idx is None:
            self.entities.append(actor)
            idx = self._index[id(actor)] = len(self.entities) - 1
        return idx

    def apply(self, decision: Decision) -> None:
        """Write one decision into the actors (the only place they change during resolution)."""
        if isinstance(decision, Mention):
            idx = self.index(decision.actor)
            subject = is_main_clause_subject(self.doc[decision.start : decision.end])
            mention = MentionRec(decision.start, decision.end, decision.kind, decision.resolved_by, subject)
            self.entities[idx].mentions.append(mention)
            if decision.claims_tokens:
                self._claim(decision.start, decision.end, idx)
        elif isinstance(decision, Learn):
            self._learn(self.entities[self.index(decision.actor)], decision)
        else:
            self._merge(decision)

    def _claim(self, start: int, end: int, idx: int) -> None:
        for t in range(start, end):
            self.by_token[t] = idx

    @staticmethod
    def _learn(ent: EntityRec, fact: Learn) -> None:
        if fact.renamed is not None:
            ent.aliases.append(ent.name)
            ent.name = fact.renamed
        if fact.alias is not None and fact.alias not in ent.aliases:
            ent.aliases.append(fact.alias)
        if fact.description is not None and fact.description not in ent.descriptions:
            ent.descriptions.append(fact.description)
        ent.offices.update(fact.offices)
        ent.knowledge = ent.knowledge or fact.knowledge
        ent.gender = ent.gender or fact.gender

    def _merge(self, merge: Merge) -> None:
        source, target = self.entities[merge.source], self.entities[merge.target]
        target.aliases.extend([source.name, *source.aliases])
        if merge.type is not None:
            target.type = merge.type
        for m in source.mentions:
            if merge.resolved_by is not None:
                m.resolved_by = merge.resolved_by
            target.mentions.append(m)
            self._claim(m.start, m.end, merge.target)
        source.mentions = []

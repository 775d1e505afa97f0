"""The records actor resolution builds: mentions, actors under construction, and the result."""

from __future__ import annotations

from dataclasses import dataclass, field

from presse.analyze.names import fold_name


@dataclass
class MentionRec:
    """A mention found in the Doc: token range and how it was tied to its entity."""

    start: int  # token index
    end: int
    kind: str
    resolved_by: str
    is_subject: bool = False


@dataclass
class EntityRec:
    """A canonical actor under construction."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    gender: str | None = None
    gender_evidence: str | None = None  # see presse.analyze.gender
    gender_overruled: list[str] = field(default_factory=list)
    knowledge: str | None = None
    mentions: list[MentionRec] = field(default_factory=list)
    offices: set[tuple[str, str]] = field(default_factory=set)  # (office, of)
    collective: bool = False  # named by a common noun only ("les policiers", "l'homme")
    members: list[EntityRec] = field(default_factory=list)  # a group's persons (see `groups`)

    @property
    def named(self) -> bool:
        """A person the text names (not an unnamed one or a group known by a common noun)."""
        return self.type == "PER" and not self.collective

    def name_keys(self) -> set[str]:
        """The folded keys of the name and every alias (see :func:`fold_name`)."""
        return {fold_name(self.name), *(fold_name(a) for a in self.aliases)}


@dataclass
class Actors:
    """The result of actor resolution for one Doc."""

    entities: list[EntityRec]
    by_token: dict[int, int]  # token index -> entity index
    warnings: list[str] = field(default_factory=list)

    def entity_at(self, token_i: int) -> EntityRec | None:
        """The actor whose mention covers token `token_i`, or None."""
        idx = self.by_token.get(token_i)
        return self.entities[idx] if idx is not None else None

"""The per-document context of actor resolution: decisions are written by `apply` alone."""

from __future__ import annotations

from datetime import date

import pytest

from parses import parse
from presse.analyze.actors import ActorResolver, EntityRec
from presse.analyze.actors.context import Learn, Mention, Merge, ResolutionContext

# « Marie Dupont et Paul Martin ont dit . »
DOC = parse(
    ["Marie", "Dupont", "et", "Paul", "Martin", "ont", "dit", "."],
    [6, 0, 3, 0, 3, 6, 6, 6],
    ["nsubj", "flat:name", "cc", "conj", "flat:name", "aux:tense", "ROOT", "punct"],
    ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"],
)


def _context() -> ResolutionContext:
    return ActorResolver().context(DOC, date(2020, 1, 1))


@pytest.mark.parametrize(("claims", "owner"), [(True, 0), (False, None)])
def test_context_mention_adds_the_actor_and_claims_its_tokens(claims: bool, owner: int | None) -> None:
    ctx = _context()
    marie = EntityRec("", "Marie Dupont", "PER")
    ctx.apply(Mention(marie, 0, 2, "name", "ner", claims_tokens=claims))
    assert ctx.entities == [marie]
    assert ctx.by_token.get(0) == owner
    assert [(m.start, m.end, m.resolved_by, m.is_subject) for m in marie.mentions] == [(0, 2, "ner", True)]


def test_context_learn_sets_knowledge_and_gender_only_when_unknown() -> None:
    ctx = _context()
    ctx.apply(Mention(EntityRec("", "Dupont", "PER", gender="f"), 1, 2, "name", "ner"))
    ctx.apply(Learn(0, renamed="Marie Dupont", description="la ministre", offices=(("minister", "France"),), knowledge="Ministre, France", gender="m"))
    ctx.apply(Learn(0, description="la ministre", knowledge="Autre", alias="Dupont"))
    ent = ctx.entities[0]
    assert (ent.name, ent.aliases, ent.descriptions) == ("Marie Dupont", ["Dupont"], ["la ministre"])
    assert (ent.offices, ent.knowledge, ent.gender) == ({("minister", "France")}, "Ministre, France", "f")


@pytest.mark.parametrize(("resolved_by", "type_", "expected"), [(None, None, ("ner", "PER")), ("alias", "ORG", ("alias", "ORG"))])
def test_context_merge_moves_mentions_and_tokens(resolved_by: str | None, type_: str | None, expected: tuple[str, str]) -> None:
    ctx = _context()
    ctx.apply(Mention(EntityRec("", "Marie Dupont", "PER"), 0, 2, "name", "ner"))
    ctx.apply(Mention(EntityRec("", "Paul Martin", "PER"), 3, 5, "name", "ner"))
    ctx.apply(Merge(1, 0, resolved_by, type_))
    kept, moved = ctx.entities
    assert moved.mentions == [] and kept.aliases == ["Paul Martin"]
    assert (kept.mentions[-1].resolved_by, kept.type) == expected
    assert ctx.by_token[3] == ctx.by_token[4] == 0

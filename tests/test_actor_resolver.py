"""The resolver (presse.analyze.actors.resolver): the layers in order of evidence, no state kept
between documents — hand-built parses."""

from __future__ import annotations

from datetime import date

from parses import parse
from presse.analyze.actors import ActorResolver
from presse.analyze.actors.resolver import LAYERS

# « Le président russe Vladimir Poutine a dit . Il part . »
APPOSITION = parse(
    ["Le", "président", "russe", "Vladimir", "Poutine", "a", "dit", ".", "Il", "part", "."],
    [1, 6, 1, 1, 3, 6, 6, 6, 9, 9, 9],
    ["det", "nsubj", "amod", "appos", "flat:name", "aux:tense", "ROOT", "punct", "nsubj", "ROOT", "punct"],
    ["DET", "NOUN", "ADJ", "PROPN", "PROPN", "AUX", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
    ents=["O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O", "O"],
)
# « Marie et Paul Dupont ont affirmé . Ils partent . »
GROUP = parse(
    ["Marie", "et", "Paul", "Dupont", "ont", "affirmé", ".", "Ils", "partent", "."],
    [5, 2, 0, 2, 5, 5, 5, 8, 8, 8],
    ["nsubj", "cc", "conj", "flat:name", "aux:tense", "ROOT", "punct", "nsubj", "ROOT", "punct"],
    ["PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
    ents=["B-PER", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O", "O"],
)
ON = date(2018, 6, 1)


def _mentions(doc, actors) -> list[tuple[str, str, str]]:
    return [(e.name, doc[m.start : m.end].text, m.resolved_by) for e in actors.entities for m in e.mentions]


def test_resolver_layers_in_order_of_evidence() -> None:
    assert [layer.__name__ for layer in LAYERS] == [
        "names", "merge_nicknames", "merge_acronyms", "link_knowledge", "coordinated_groups",
        "roles_and_pronouns", "collectives", "documents", "plural_references",
    ]


def test_resolver_name_beats_knowledge_and_pronoun_follows() -> None:
    # the name the text gives wins over the office-holders file; « Il » continues the subject
    actors = ActorResolver()(APPOSITION, ON)
    assert _mentions(APPOSITION, actors) == [
        ("Vladimir Poutine", "Le président russe", "apposition"),
        ("Vladimir Poutine", "Vladimir Poutine", "ner"),
        ("Vladimir Poutine", "Il", "salience"),
    ]
    assert actors.entities[0].descriptions == ["Le président russe"]


def test_resolver_plural_pronoun_waits_for_the_group() -> None:
    actors = ActorResolver()(GROUP, ON)
    group = actors.entity_at(7)
    assert group is not None and group.name == "Marie Dupont et Paul Dupont"
    assert [m.resolved_by for m in group.mentions] == ["group", "salience"]


def test_resolver_keeps_no_state_between_documents() -> None:
    resolver = ActorResolver()
    first = repr(resolver(APPOSITION, ON))
    resolver(GROUP, ON)
    assert repr(resolver(APPOSITION, ON)) == first == repr(ActorResolver()(APPOSITION, ON))
    assert vars(resolver) == {"salience_window": resolver.salience_window}

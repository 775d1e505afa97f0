"""Layer 2, roles (presse.analyze.actors.roles): a role named next to its holder anywhere in the
article names that holder, before or after (docs/annotation-guidelines.md §5a); a title inside a
longer compound is no title — real sentences through the analyzer."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parses import VOCAB
from presse.analyze.actors.roles import role_description_at
from presse.model import Document

PM_LATER = (
    "Vers 15h10, le Premier ministre affirme à l'Assemblée que la hausse de la taxe est annulée. "
    "Vers 20h20, le Premier ministre Édouard Philippe propose de retirer la taxe du projet de loi."
)
TWO_PRESIDENTS_LATER = (
    "Le président affirme que la taxe est annulée. Le président russe Vladimir Poutine a "
    "rencontré le président américain Joe Biden."
)


@pytest.mark.parametrize(
    ("text", "first_speaker"),
    [
        (PM_LATER, "Édouard Philippe"),  # the role, then the role next to its holder's name
        (TWO_PRESIDENTS_LATER, "le président"),  # two presidents named later: nobody in particular
    ],
)
def test_actors_roles_holder_named_later(analyzer, text: str, first_speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    assert article.quotes[0].speaker.name == first_speaker


def test_actors_roles_title_inside_a_compound_is_no_title(analyzer) -> None:
    # « chef d'état-major » is not « chef d'état »: the head of state named later is not him
    article = analyzer.analyze(Document(text=(
        "Le chef d'état-major des armées Pierre de Villiers a annoncé sa démission. Il avait une "
        "mauvaise relation avec le chef d'État Emmanuel Macron."
    )))
    macron = next(e for e in article.entities if e.name == "Emmanuel Macron")
    assert all(m.start > article.text.index("Il avait") for m in macron.mentions)


@pytest.mark.parametrize(
    ("words", "spaces", "title"),
    [
        (["Le", "chef", "d'", "état", "-", "major", "a", "dit"], [1, 1, 0, 0, 0, 1, 1, 0], None),
        (["Le", "chef", "d'", "État", "a", "dit"], [1, 1, 0, 1, 1, 0], "chef d'état"),
        (["Le", "président", "-", "candidat", "a", "dit"], [1, 0, 0, 1, 1, 0], "président"),
    ],
)
def test_actors_roles_title_ends_at_a_word_boundary(words: list[str], spaces: list[int], title: str | None) -> None:
    doc = Doc(VOCAB, words=words, spaces=[bool(s) for s in spaces])
    desc = role_description_at(doc, 0)
    assert (desc.title_key.lower() if desc is not None else None) == title

"""Layer 5b, documents (presse.analyze.actors.documents): a communiqué, a report or a poll in a
speaker's place stands for its author — real sentences through the analyzer."""

from __future__ import annotations

import pytest

from presse.model import Document


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the author in the document's complement, then the same report met again
        ("Le rapport final du BEA conclut que l'accident était évitable. Selon le rapport, le "
         "pilote a cabré au lieu de piquer.", ["BEA", "BEA"]),
        # the issuer: the subject of the verb the communiqué depends on
        ("Greenpeace a annoncé dans un communiqué qu'elle porterait plainte. Le site est "
         "dangereux, affirme le communiqué.", ["Greenpeace", "Greenpeace"]),
        # several reports: several hands, nobody's
        ("Les rapports affirment que la station tombera dans l'océan.", ["Les rapports"]),
    ],
)
def test_actors_documents_speak_for_their_author(analyzer, text: str, speakers: list[str]) -> None:
    article = analyzer.analyze(Document(text=text))
    assert [q.speaker.name for q in article.quotes] == speakers


def test_actors_documents_mention_is_resolved_by_document(analyzer) -> None:
    article = analyzer.analyze(Document(text=(
        "Le rapport final du BEA conclut que l'accident était évitable."
    )))
    bea = next(e for e in article.entities if e.name == "BEA")
    assert (bea.mentions[0].text, bea.mentions[0].resolved_by) == ("Le rapport final", "document")

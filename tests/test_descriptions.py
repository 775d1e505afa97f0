"""Definite descriptions of organisations resolve to the named organisation (descriptions.py)."""

from __future__ import annotations

import pytest

from presse.analyze.actors.descriptions import kind_of_name
from presse.model import Article, Document


def _speaker_of(article: Article, words: str) -> str | None:
    quote = next(q for q in article.quotes if words in q.text)
    return quote.speaker.name if quote.speaker else None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # the nearest earlier organisation of a kind the noun allows
        (
            "Airbus a annoncé jeudi l'ouverture d'une enquête par le parquet national financier. "
            "Le groupe a affirmé qu'il coopérait pleinement avec les enquêteurs.",
            "coopérait", "Airbus",
        ),
        # a name introduced by its noun has that kind: « le journal » is the newspaper, not the firm
        (
            "Le quotidien Libération révèle que la société Danone a fermé une usine. "
            "Le journal précise que trois cents salariés sont concernés.",
            "trois cents", "Libération",
        ),
        # a noun that also names places (« la compagnie ») reads so as a speaker
        (
            "Air Méditerranée a été placée en liquidation. La compagnie annonce qu'elle "
            "rembourserait les billets de ses clients.",
            "rembourserait", "Air Méditerranée",
        ),
        # « ce pays » is the country named before
        (
            "Le pétrole du Kurdistan transite par la Turquie. Ce pays a menacé de "
            "fermer cette route.",
            "fermer cette route", "Turquie",
        ),
    ],
)
def test_descriptions_speaker_is_the_named_organisation(analyzer, text: str, words: str, speaker: str) -> None:
    article = analyzer.analyze(Document(text=text))
    assert _speaker_of(article, words) == speaker


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Airbus a annoncé jeudi l'ouverture d'une enquête. Le groupe a affirmé qu'il coopérait.",
            "Airbus", [("Airbus", "ner"), ("Le groupe", "organisation")],
        ),
        # the name the noun introduces: « le syndicat CGT » is the CGT, not an actor of its own
        (
            "Le syndicat CGT a affirmé que la grève serait reconduite.",
            "CGT", [("Le syndicat", "organisation"), ("CGT", "ner")],
        ),
    ],
)
def test_descriptions_mentions_are_resolved_as_organisation(
    analyzer, text: str, name: str, mentions: list[tuple[str, str]]
) -> None:
    article = analyzer.analyze(Document(text=text))
    found = {e.name: [(m.text, m.resolved_by) for m in e.mentions] for e in article.entities}
    assert found.get(name) == mentions, found
    assert not any(e.name.startswith(("le groupe", "le syndicat")) for e in article.entities)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Tribunal de commerce de Tarbes", "institution"),
        ("Parti socialiste", "party"),
        ("Turquie", "country"),
        ("Syndicat national des journalistes", "union"),
        ("Airbus", None),
        ("Tribunal", None),  # the noun alone names no one
    ],
)
def test_descriptions_kind_of_name(name: str, kind: str | None) -> None:
    assert kind_of_name(name) == kind

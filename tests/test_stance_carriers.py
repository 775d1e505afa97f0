"""Carriers and their modality (presse.analyze.stance.carriers): negation, conditional, denial,
concession."""

from __future__ import annotations

import pytest

from presse.analyze.stance.carriers import modality
from stance_helpers import analyze, edge, edges


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Washington sanctionnerait Moscou.", "sanctionnerait", ("conditional",)),
        ("Le Kremlin a démenti avoir menacé l'Ukraine.", "menacé", ("denied",)),
        ("Il n'a pas critiqué le ministre.", "critiqué", ("negated",)),
        ("Il a salué le ministre, mais il reste prudent.", "salué", ("conceded",)),
        ("Il a salué le ministre.", "salué", ()),
    ],
)
def test_carriers_modality(analyzer, text, word, expected):
    doc = analyzer.nlp(text)
    token = next(t for t in doc if t.text == word)
    assert modality(token) == expected


def test_carriers_denied_act_gives_no_edge(analyzer):
    article = analyze(analyzer, "Le Kremlin a démenti avoir menacé l'Ukraine.")
    assert edge(article, "Kremlin", "Ukraine") is None


def test_carriers_negated_act_gives_no_hostile_edge(analyzer):
    article = analyze(analyzer, "Donald Trump n'a pas critiqué Vladimir Poutine.")
    assert ("Donald Trump", "Vladimir Poutine", "negative") not in edges(article)


def test_carriers_conditional_and_concession_are_recorded(analyzer):
    article = analyze(analyzer, "« Emmanuel Macron est courageux, mais il se trompe souvent », a déclaré François Bayrou.")
    found = edge(article, "Bayrou", "Macron")
    assert found is not None and found.modality == ["conceded"]
    article = analyze(analyzer, "Washington sanctionnerait Moscou.")
    found = edge(article, "Washington", "Moscou")
    assert found is not None and found.modality == ["conditional"] and found.polarity == "negative"

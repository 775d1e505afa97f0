"""Stance targets (presse.analyze.stance.targets): what a statement is about, and only actors."""

from __future__ import annotations

import pytest

from stance_helpers import analyze, edge, edges


@pytest.mark.parametrize(
    ("text", "source", "target", "polarity", "cue"),
    [
        # the subject of a predicate adjective
        ("« Emmanuel Macron est incompétent », a déclaré Marine Le Pen.", "Le Pen", "Macron", "negative", "incompétent"),
        # the complement of « contre »: an attitude towards X is hostility to X, not sympathy
        ("« Je suis en colère contre François Hollande », a déclaré Jean-Luc Mélenchon.", "Mélenchon", "Hollande",
         "negative", "colère"),
        # the possessor of what is evaluated
        ("« Les mensonges de François Fillon sont insupportables », a affirmé Benoît Hamon.", "Hamon", "Fillon",
         "negative", "mensonges"),
        # the victim of an act the speaker condemns is sided with
        ("« L'attentat contre Willy Nyamitwe est ignoble », a déclaré Pierre Nkurunziza.", "Nkurunziza", "Nyamitwe",
         "positive", "ignoble"),
    ],
)
def test_targets_evaluated_actor_is_the_target(analyzer, text, source, target, polarity, cue):
    article = analyze(analyzer, text)
    found = edge(article, source, target)
    assert found is not None and found.polarity == polarity
    assert found.cue == cue and article.text[found.cue_start : found.cue_end] == cue
    assert found.channel == "quote"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # named, not evaluated
        ("« Nous avons discuté avec Emmanuel Macron de la situation », a déclaré Angela Merkel.", "Merkel"),
        ("« Je reviendrai à Paris avec Christine Lagarde en septembre », a précisé Bruno Le Maire.", "Le Maire"),
        # a place as a place is never a target, however warm the words around it
        ("« Il fait très beau à Marseille, c'est magnifique », a déclaré Jean-Claude Gaudin.", "Gaudin"),
    ],
)
def test_targets_merely_named_actor_or_place_gets_no_edge(analyzer, text, speaker):
    article = analyze(analyzer, text)
    assert any(speaker in q.speaker.text for q in article.quotes if q.speaker.text)
    assert edges(article) == []
    assert all(not q.targets for q in article.quotes)


def test_targets_reported_speech_is_channel_reported(analyzer):
    article = analyze(analyzer, "Marine Le Pen a affirmé qu'Emmanuel Macron était incompétent.")
    found = edge(article, "Le Pen", "Macron")
    assert found is not None and found.polarity == "negative" and found.channel == "reported"
    assert found.evidence_start == 0 and found.evidence_end == len(article.text)


def test_targets_victims_in_apposition_are_sided_with(analyzer):
    article = analyze(analyzer, "« Les personnes tuées, Marie Dupont et Paul Martin, étaient innocentes et la tragédie "
                                "est terrible », a déclaré Jean Castex.")
    found = edge(article, "Castex", "Paul Martin")
    assert found is not None and found.polarity == "positive"


def test_targets_words_under_a_verb_complement_are_not_said_of_its_subject(analyzer):
    # « persécution » is about the men, not about the ministry that checks the reports
    article = analyze(analyzer, "Dimitri Peskov annonce que le ministère s'emploie à « vérifier les informations relatives "
                                "à la persécution présumée d'hommes homosexuels ».")
    assert edge(article, "Peskov", "ministère") is None

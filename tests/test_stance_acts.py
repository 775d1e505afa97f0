"""Acts between actors (presse.analyze.stance.acts): agent → patient with lemma and effect."""

from __future__ import annotations

import pytest

from stance_helpers import analyze, edge, edges, name


@pytest.mark.parametrize(
    ("text", "agent", "patient", "lemma", "effect", "channel"),
    [
        ("Le ministère des Armées a limogé le général Pierre de Villiers.", "ministère", "Villiers", "limoger",
         "negative", "act"),
        # passive: normalised to the agent
        ("Le général Pierre de Villiers a été limogé par le ministère des Armées.", "ministère", "Villiers",
         "limoger", "negative", "act"),
        # a speech act is a relation and a reported stance
        ("Donald Trump a accusé les médias de mentir.", "Trump", "médias", "accuser", "negative", "reported"),
        ("Washington a sanctionné Moscou.", "Washington", "Moscou", "sanctionner", "negative", "act"),
    ],
)
def test_acts_relation_and_stance_edge(analyzer, text, agent, patient, lemma, effect, channel):
    article = analyze(analyzer, text)
    relation = next(r for r in article.relations if agent in name(article, r.subject))
    assert patient in name(article, relation.object)
    assert (relation.predicate, relation.polarity) == (lemma, effect)
    found = edge(article, agent, patient)
    assert found is not None and found.polarity == effect and found.channel == channel
    assert found.cue == article.text[relation.predicate_start : relation.predicate_end]


def test_acts_meeting_is_a_neutral_relation_not_a_stance(analyzer):
    article = analyze(analyzer, "Emmanuel Macron a rencontré Angela Merkel à Berlin.")
    assert [(r.predicate, r.polarity) for r in article.relations] == [("rencontrer", "neutral")]
    assert article.stance == []


@pytest.mark.parametrize(
    "text",
    [
        "Emmanuel Macron a présenté Édouard Philippe aux journalistes.",
        "Emmanuel Macron a vu Angela Merkel arriver.",
    ],
)
def test_acts_neutral_act_that_is_no_exchange_is_dropped(analyzer, text):
    article = analyze(analyzer, text)
    assert article.relations == [] and article.stance == []


def test_acts_inside_a_quote_are_relations_of_their_own(analyzer):
    article = analyze(analyzer, "« Le gouvernement a limogé le préfet Jean Dupont », a déclaré Marine Le Pen.")
    inside = [r for r in article.relations if r.in_quote]
    assert inside and inside[0].predicate == "limoger" and "Dupont" in name(article, inside[0].object)


@pytest.mark.parametrize(
    ("text", "agent", "patient", "effect"),
    [
        # acts of Verb∋Net classes (effects_verbenet.tsv): investigate, banish, chase, confront
        ("La police a fouillé Julien Coupat.", "police", "Coupat", "negative"),
        ("Le ministre a licencié Jean Dupont.", "ministre", "Dupont", "negative"),
        ("Les soldats ont pourchassé les rebelles.", "soldats", "rebelles", "negative"),
        ("L'Ukraine a affronté la Russie.", "Ukraine", "Russie", "negative"),
        # curated act read off the development set (dev-e)
        ("Les gendarmes ont dispersé les manifestants.", "gendarmes", "manifestants", "negative"),
        # a participle clause read as a passive, its « par » phrase hung lower by the parse
        ("Vers 10h54, chassés une première fois de la porte Maillot par les policiers, les manifestants y retournent.",
         "policiers", "manifestants", "negative"),
        # « à l'encontre de » on the verb, the subject carried from « a décidé de »
        ("Le ministre a décidé de porter plainte à l'encontre de Nicolas Dupont-Aignan.", "ministre", "Dupont-Aignan",
         "negative"),
        # a judgment noun aimed at someone: its « de » complement is the agent
        ("La plainte de Christophe Castaner contre Nicolas Dupont-Aignan a été déposée lundi.", "Castaner",
         "Dupont-Aignan", "negative"),
        ("Les critiques de Marine Le Pen à l'égard d'Emmanuel Macron se multiplient.", "Le Pen", "Macron", "negative"),
        # a present participle on a noun: that noun does the act
        ("L'armée syrienne, accusant les rebelles, a démenti.", "armée", "rebelles", "negative"),
        # a gerund: the subject of the verb it depends on, the parse hanging it on a noun
        ("Dunkerque se place en tête de la zone en battant Créteil.", "Dunkerque", "Créteil", "negative"),
        # a relative pronoun subject stands for its antecedent, the clause parsed as a conjunct
        ("Le dépôt a été débloqué par la gendarmerie nationale, qui a interpellé Jean Dupont.", "gendarmerie",
         "Dupont", "negative"),
    ],
)
def test_stance_acts_edge_from_act_lexicon_and_arguments(analyzer, text, agent, patient, effect):
    article = analyze(analyzer, text)
    found = edge(article, agent, patient)
    assert found is not None and found.polarity == effect and found.cue


def test_stance_acts_no_edge_to_a_place_in_a_coordinated_complement(analyzer):
    # « du monde et d'Europe » complements « championne »: Europe is neither beaten nor a rival
    article = analyze(analyzer, "Cécile Lejeune s'impose devant la multiple championne du monde et d'Europe Sandra Levenez.")
    assert all(target != "Europe" for _source, target, _polarity in edges(article))

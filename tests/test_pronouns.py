"""Pronouns and anaphors: agreement, subject continuity, « ce dernier », « son homologue », object
clitics — hand-built parses for the rules, real sentences for what a user sees."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from presse.analyze.actors import EntityRec, MentionRec
from presse.analyze.actors.pronouns import Reference, Salience, reference_at
from presse.model import Article, Document

VOCAB = spacy.blank("fr").vocab  # French lexical attributes (lower case forms)


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], morphs: list[str] | None = None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs or [""] * len(words))


# « Il la met en garde . »: the parser read « Il » as an object and « la » as the subject
CLITIC_MISPARSE = _doc(
    ["Il", "la", "met", "en", "garde", "."],
    [2, 2, 2, 4, 2, 2],
    ["obj", "nsubj", "ROOT", "case", "obl:arg", "punct"],
    ["PRON", "PRON", "VERB", "ADP", "NOUN", "PUNCT"],
)
IMPERSONAL = _doc(
    ["Il", "faut", "partir", "."], [1, 1, 1, 1], ["expl:subj", "ROOT", "xcomp", "punct"], ["PRON", "VERB", "VERB", "PUNCT"]
)
STRESSED = _doc(
    ["Selon", "eux", ",", "rien", "ne", "change", "."],
    [1, 5, 5, 5, 5, 5, 5],
    ["case", "obl:mod", "punct", "nsubj", "advmod", "ROOT", "punct"],
    ["ADP", "PRON", "PUNCT", "PRON", "ADV", "VERB", "PUNCT"],
)
DERNIERE = _doc(
    ["Cette", "dernière", "a", "dit", "non", "."],
    [1, 3, 3, 3, 3, 3],
    ["det", "nsubj", "aux:tense", "ROOT", "obj", "punct"],
    ["DET", "NOUN", "AUX", "VERB", "ADV", "PUNCT"],
)


@pytest.mark.parametrize(
    ("doc", "i", "expected"),
    [
        (CLITIC_MISPARSE, 0, Reference(0, 1, "m", False)),  # found by its place before the verb
        (CLITIC_MISPARSE, 1, None),  # « la » is an object clitic, never a subject
        (IMPERSONAL, 0, None),  # « il faut »: nobody
        (STRESSED, 1, Reference(1, 2, "m", True)),  # « selon eux »
        (DERNIERE, 0, Reference(0, 2, "f", False, last_mentioned=True)),
    ],
)
def test_pronouns_reference_at(doc: Doc, i: int, expected: Reference | None) -> None:
    assert reference_at(doc, i) == expected


def _entity(name: str, type_: str, gender: str | None, *mentions: tuple[int, int, bool], collective: bool = False) -> EntityRec:
    return EntityRec("", name, type_, gender=gender, collective=collective, mentions=[
        MentionRec(start, end, "name", "ner", subject) for start, end, subject in mentions
    ])


# « Paul Durand a rencontré Anne Martin . Elle a dit oui . »
MEETING = _doc(
    ["Paul", "Durand", "a", "rencontré", "Anne", "Martin", ".", "Elle", "a", "dit", "oui", "."],
    [3, 0, 3, 3, 3, 4, 3, 9, 9, 9, 9, 9],
    ["nsubj", "flat:name", "aux:tense", "ROOT", "obj", "flat:name", "punct", "nsubj", "aux:tense", "ROOT", "obj", "punct"],
    ["PROPN", "PROPN", "AUX", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "ADV", "PUNCT"],
)


@pytest.mark.parametrize(
    ("gender", "plural", "expected"),
    [
        ("f", False, 1),  # « elle »: the woman, although the man is the subject
        ("m", False, 0),  # « il »: the man
        ("m", True, None),  # « ils »: no group in the text, never one of the two persons
    ],
)
def test_pronouns_agreement(gender: str, plural: bool, expected: int | None) -> None:
    entities = [_entity("Paul Durand", "PER", "m", (0, 2, True)), _entity("Anne Martin", "PER", "f", (4, 6, False))]
    salience = Salience(MEETING, entities, [])
    assert salience.resolve(Reference(7, 8, gender, plural)) == expected


# « Après avoir critiqué Paul Durand , il a dit oui . » — Jean Roux named in the sentence before
BINDING = _doc(
    ["Jean", "Roux", "parle", ".", "Après", "avoir", "critiqué", "Paul", "Durand", ",", "il", "a", "dit", "oui", "."],
    [2, 0, 2, 2, 6, 6, 12, 6, 7, 12, 12, 12, 12, 12, 12],
    ["nsubj", "flat:name", "ROOT", "punct", "mark", "aux:tense", "advcl", "obj", "flat:name", "punct", "nsubj", "aux:tense", "ROOT", "obj", "punct"],
    ["PROPN", "PROPN", "VERB", "PUNCT", "ADP", "AUX", "VERB", "PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "ADV", "PUNCT"],
)


def test_pronouns_object_of_own_clause_is_not_the_antecedent() -> None:
    entities = [_entity("Jean Roux", "PER", "m", (0, 2, True)), _entity("Paul Durand", "PER", "m", (7, 9, False))]
    assert Salience(BINDING, entities, []).resolve(Reference(10, 11, "m", False)) == 0


def test_pronouns_name_inside_quotes_is_not_the_antecedent() -> None:
    # « Paul Durand a rencontré Anne Martin . » read as if « Anne Martin . » were quoted words
    entities = [_entity("Paul Durand", "PER", None, (0, 2, True)), _entity("Anne Martin", "PER", None, (4, 6, False))]
    quoted = [(MEETING[4].idx, MEETING[6].idx)]
    assert Salience(MEETING, entities, quoted).resolve(Reference(7, 8, None, False)) == 0


def test_pronouns_ce_dernier_is_the_last_mentioned_not_the_subject() -> None:
    entities = [_entity("Paul Durand", "PER", "f", (0, 2, True)), _entity("Anne Martin", "PER", "f", (4, 6, False))]
    assert Salience(MEETING, entities, []).resolve(Reference(7, 8, "f", False, last_mentioned=True)) == 1


def _speakers(analyzer, text: str) -> list[tuple[str, str | None]]:
    article: Article = analyzer.analyze(Document(text=text))
    return [(q.text, q.speaker.name) for q in article.quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # gender: « elle » is the woman named as object, not the man who is the subject
        ("Paul Durand a rencontré Anne Martin hier. Elle a déclaré que la réunion était utile.", "Anne Martin"),
        # a name in the pronoun's own clause is someone else; the subject before continues
        (
            "François Bayrou renonce à se présenter. Après avoir qualifié le programme du candidat "
            "François Fillon de dangereux, il affirme que la droite a tort.",
            "François Bayrou",
        ),
        # a name inside the quotation is the speaker's word, not the antecedent of « -t-il »
        (
            "Rivo Randrianarison est météorologue. « Le cyclone a la même intensité que Giovanna en 2012 », précise-t-il.",
            "Rivo Randrianarison",
        ),
        # « ce dernier »: the last-mentioned person
        ("Emmanuel Macron a reçu Vladimir Poutine. Ce dernier a affirmé que la guerre continuerait.", "Vladimir Poutine"),
        # … a person named just before rather than the organisation named after them
        (
            "C'est Joseph Butore, second vice-président du Burundi, qui représente le pays lors du sommet du "
            "Marché commun de l'Afrique orientale et australe (COMESA) qui se déroule à Madagascar. Ce dernier "
            "affirme que le Burundi est prêt.",
            "Joseph Butore",
        ),
        # « ils »: a plural actor
        ("Les policiers sont arrivés vers midi. Ils ont affirmé que la maison était vide.", "les policiers"),
        # object clitics do not hide the subject
        ("Anne Martin a rencontré les ministres. Elle les a avertis que la grève continuerait.", "Anne Martin"),
    ],
)
def test_pronouns_speaker(analyzer, text: str, speaker: str) -> None:
    speakers = _speakers(analyzer, text)
    assert speakers and speakers[-1][1] == speaker, speakers


def test_pronouns_homologue_is_the_other_party_of_that_country(analyzer) -> None:
    article = analyzer.analyze(Document(text=(
        "Sergueï Lavrov a rencontré le secrétaire d'État américain Antony Blinken puis le ministre chinois "
        "Wang Yi à Genève. Lavrov a assuré à son homologue américain que la Russie n'attaquerait pas."
    )))
    mentions = {e.name: [m.text for m in e.mentions] for e in article.entities}
    assert "son homologue américain" in mentions["Antony Blinken"], mentions
    assert "son homologue américain" not in mentions["Wang Yi"], mentions


def test_pronouns_plural_pronoun_is_a_mention_of_the_group(analyzer) -> None:
    article = analyzer.analyze(Document(text="Les policiers sont arrivés vers midi. Ils ont affirmé que la maison était vide."))
    police = next(e for e in article.entities if e.name == "les policiers")
    assert [(m.text, m.kind) for m in police.mentions] == [("Les policiers", "description"), ("Ils", "pronoun")]

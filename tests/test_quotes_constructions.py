"""Constructions of quoted speech: one-word utterances, incises with a verb group of their own
(reflexive and object clitics, inversion), speakers a reader would give or none, quotations over
several paragraphs, hyphenated words.

The rule tests build their parse by hand (``Doc(vocab, words=, heads=, deps=, pos=)``), so each
shows the construction it handles whatever the model makes of it; the others analyze real
sentences the way a user does.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from conftest import speaker_name
from presse.analyze.quotemarks import find_quote_marks
from presse.analyze.quotes.incises import incise_after
from presse.analyze.quotes.tokens import is_word, opens_clause
from presse.analyze.verb_groups import finite_or_aux
from presse.model import Article, Document

VOCAB = spacy.blank("fr").vocab

# one incise parse per row: words, heads (absolute), deps, pos, lemmas, morphs; the quote is
# words 0–4 (« … ») and the incise follows the comma
INCISES = {
    # « C'est inacceptable », s'est agacé le ministre.
    "reflexive, compound tense": (
        ["«", "C'", "est", "inacceptable", "»", ",", "s'", "est", "agacé", "le", "ministre", "."],
        [3, 3, 3, 3, 3, 8, 8, 8, 3, 10, 8, 3],
        ["punct", "nsubj", "cop", "ROOT", "punct", "punct", "expl:comp", "aux:tense", "parataxis", "det", "nsubj", "punct"],
        ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
        ["«", "ce", "être", "inacceptable", "»", ",", "se", "être", "agacer", "le", "ministre", "."],
        ["", "", "VerbForm=Fin", "", "", "", "Reflex=Yes", "VerbForm=Fin", "VerbForm=Part", "", "", ""],
        "agacé",
    ),
    # « C'est une honte », lui a répondu le ministre.  (the object clitic parsed as subject)
    "object clitic": (
        ["«", "C'", "est", "grave", "»", ",", "lui", "a", "répondu", "le", "ministre", "."],
        [3, 3, 3, 3, 3, 8, 8, 8, 3, 10, 8, 3],
        ["punct", "nsubj", "cop", "ROOT", "punct", "punct", "nsubj", "aux:tense", "parataxis", "det", "obj", "punct"],
        ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
        ["«", "ce", "être", "grave", "»", ",", "lui", "avoir", "répondre", "le", "ministre", "."],
        ["", "", "VerbForm=Fin", "", "", "", "", "VerbForm=Fin", "VerbForm=Part", "", "", ""],
        "répondu",
    ),
    # « C'est grave », s'indigne Philippe Martinez.  (the verb tagged as an adjective)
    "reflexive, verb tagged as adjective": (
        ["«", "C'", "est", "grave", "»", ",", "s'", "indigne", "Philippe", "Martinez", "."],
        [3, 3, 3, 3, 3, 7, 7, 3, 7, 8, 3],
        ["punct", "nsubj", "cop", "ROOT", "punct", "punct", "expl:comp", "advmod", "nsubj", "flat:name", "punct"],
        ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PRON", "ADJ", "PROPN", "PROPN", "PUNCT"],
        ["«", "ce", "être", "grave", "»", ",", "se", "indigne", "Philippe", "Martinez", "."],
        ["", "", "VerbForm=Fin", "", "", "", "Reflex=Yes", "", "", "", ""],
        "indigne",
    ),
    # « C'est grave », dit-il.  (the participle form of an inverted present)
    "inverted clitic after a participle form": (
        ["«", "C'", "est", "grave", "»", ",", "dit", "-il", "."],
        [3, 3, 3, 3, 3, 6, 3, 6, 3],
        ["punct", "nsubj", "cop", "ROOT", "punct", "punct", "parataxis", "nsubj", "punct"],
        ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "VERB", "PRON", "PUNCT"],
        ["«", "ce", "être", "grave", "»", ",", "dire", "il", "."],
        ["", "", "VerbForm=Fin", "", "", "", "VerbForm=Part", "", ""],
        "dit",
    ),
}


def _built(words, heads, deps, pos, lemmas, morphs) -> Doc:
    spaces = [w not in ("«",) and i + 1 < len(words) and words[i + 1] not in (",", ".", "-il") and not w.endswith("'") for i, w in enumerate(words)]
    spaces = [s or w == "«" for s, w in zip(spaces, words, strict=True)]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs)


@pytest.mark.parametrize("name", list(INCISES))
def test_quotes_incise_verb_group(name: str) -> None:
    *parse, verb = INCISES[name]
    doc = _built(*parse)
    marks = find_quote_marks(doc.text)
    assert len(marks.spans) == 1
    found = incise_after(doc, marks.spans[0])
    assert found is not None and found.text == verb


def test_quotes_inverted_clitic_makes_a_verb_finite() -> None:
    doc = _built(*INCISES["inverted clitic after a participle form"][:-1])
    assert finite_or_aux(doc[6])


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("« Non », a dit X.", True),
        ("Il a répondu : « Non ».", True),
        ("Fin. « Non », a-t-il dit.", True),
        ("« Oui. » « Non », a-t-il dit.", True),
        ("Première ligne\n« Non », a-t-il dit.", True),
        ("L'opération « Sentinelle », a annoncé le ministre, sera renforcée.", False),
        ("Il a qualifié l'accord d'« historique ».", False),
    ],
)
def test_quotes_marks_in_a_clause_place(text: str, opens: bool) -> None:
    assert opens_clause(text, text.rindex("«")) is opens


@pytest.mark.parametrize(("words", "count"), [(["peut-être"], 1), (["vis-à-vis", "de", "la", "loi"], 4), (["-"], 0), (["«"], 0)])
def test_quotes_hyphenated_words_are_words(words: list[str], count: int) -> None:
    doc = Doc(VOCAB, words=words)
    assert sum(is_word(t) for t in doc) == count


# -- real sentences, through the analyzer -----------------------------------------------------------


def _analyze(analyzer, text: str) -> Article:
    return analyzer.analyze(Document(text=text))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # one-word utterances framed by an incise or by a cue and a colon
        ("« Non », a dit Jean Dupont.", "Non", "Jean Dupont"),
        ("« Absolument », répond Emmanuel Macron.", "Absolument", "Emmanuel Macron"),
        ("Emmanuel Macron a répondu : « Non »", "Non", "Emmanuel Macron"),
        ("« Nous ne partirons pas », lâche Jean Dupont, avant d'ajouter : « Jamais ».", "Jamais", "Jean Dupont"),
        # incises of manner, pronominal verbs, object clitics, inversion after a participle form
        ("« Nous ne lâcherons rien », s'indigne Philippe Martinez.", "Nous ne lâcherons rien", "Philippe Martinez"),
        ("« Quelle surprise ! », s'est exclamé le président Joe Biden.", "Quelle surprise !", "Joe Biden"),
        ("« C'est inacceptable », lui a répondu Gérald Darmanin.", "C'est inacceptable", "Gérald Darmanin"),
        ("« Tout ça pour ça », a ricané le ministre Jean Dupont.", "Tout ça pour ça", "Jean Dupont"),
        ("Jean Dupont a remporté la course. « Nous avons gagné », claironne-t-il.", "Nous avons gagné", "Jean Dupont"),
        (
            "Le général Pierre de Villiers a démissionné mercredi.\n\n« Le pays ne peut pas être protégé », dit-il.",
            "Le pays ne peut pas être protégé",
            "Pierre de Villiers",
        ),
        # hyphenated words count as words; the subject of an incise the span runs over speaks
        ("Selon Jean Dupont, l'entre-deux-tours sera peut-être décisif.", "l'entre-deux-tours sera peut-être décisif", "Jean Dupont"),
        (
            "Vis-à-vis de la loi, estime Jean Dupont, la situation est peut-être grave.",
            "Vis-à-vis de la loi, estime Jean Dupont, la situation est peut-être grave",
            "Jean Dupont",
        ),
        # the cue after the quote names the speaker, not the subject inside the words
        (
            "Uber pourra envoyer ses chauffeurs partout. « Chacun peut aller travailler une heure dans différentes zones » a déclaré le nouveau ministre des Transports, Laurent Lessard.",
            "Chacun peut aller travailler une heure dans différentes zones",
            "Laurent Lessard",
        ),
        # the journalist's sentence holding the marks names who speaks, not the previous quotation
        (
            "« Nous sommes choqués », a déclaré le Vatican.\n\nL'imam de la ville, Mohammed Karabila, est « effaré par le décès de [son] ami. »",
            "effaré par le décès de [son] ami.",
            "Mohammed Karabila",
        ),
    ],
)
def test_quotes_construction_is_attributed(analyzer, text: str, quote: str, speaker: str) -> None:
    article = _analyze(analyzer, text)
    match = [q for q in article.quotes if q.text == quote]
    assert match, f"{quote!r} not in {[q.text for q in article.quotes]}"
    assert speaker_name(article, match[0]) == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a name in marks stays a name, an incise after it or a colon before it notwithstanding
        "L'opération « Sentinelle », a annoncé le ministre, sera renforcée.",
        "Le nom de l'opération : « Sentinelle ».",
    ],
)
def test_quotes_one_word_name_is_no_utterance(analyzer, text: str) -> None:
    article = _analyze(analyzer, text)
    assert [q.text for q in article.quotes if q.kind == "direct"] == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # nobody says these words: a new paragraph, no cue, no quotation before it
        "Le maire Bill de Blasio a fait retirer les statues.\n\n« C'est une honte pour la ville tout entière. »",
        # the sentence before names a person only as an object
        "La police a arrêté Jean Dupont à Lyon. « Les forces de l'ordre sont arrivées très tard ce soir-là. »",
    ],
)
def test_quotes_unstated_speaker_is_null(analyzer, text: str) -> None:
    article = _analyze(analyzer, text)
    assert len(article.quotes) == 1, [q.text for q in article.quotes]
    assert article.quotes[0].speaker.entity is None and article.quotes[0].speaker.name is None


@pytest.mark.model
def test_quotes_voice_going_on_keeps_its_speaker(analyzer) -> None:
    text = (
        "Les Russes ont remporté le titre samedi.\n\n« C'est mon premier titre par équipes » a déclaré maître Christian Bauer "
        "après la victoire. « Ce n'est pas que l'individuel n'est pas joli, mais par équipes, c'est grandiose. »"
    )
    article = _analyze(analyzer, text)
    assert {speaker_name(article, q) for q in article.quotes} == {"Christian Bauer"}
    assert len(article.quotes) == 2


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # an incise closing a sentence inside a quotation over two paragraphs: never in the span
        (
            "« Nous reconstruirons la ville, a déclaré le maire Grégory Doucet.\n\n« Les travaux commenceront lundi. »",
            ["Nous reconstruirons la ville", "Les travaux commenceront lundi."],
        ),
        # paragraphs reopened with » (an older typography) are one quotation
        (
            "Le maire Grégory Doucet a pris la parole. « Nous reconstruirons la ville.\n\n» Les travaux commenceront lundi », a-t-il déclaré.",
            ["Nous reconstruirons la ville.\n\n» Les travaux commenceront lundi"],
        ),
    ],
)
def test_quotes_multi_paragraph_quotation(analyzer, text: str, pieces: list[str]) -> None:
    article = _analyze(analyzer, text)
    assert [q.text for q in article.quotes] == pieces
    assert {q.kind for q in article.quotes} == {"direct"}
    assert {speaker_name(article, q) for q in article.quotes} == {"Grégory Doucet"}
    for q in article.quotes:
        assert q.cue_start is None or not q.start <= q.cue_start < q.end

"""Tests of quote, speaker and entity scoring on hand-built predictions."""

from __future__ import annotations

import pytest

from presse.analyze.names import fold_name
from presse.eval.gold import GoldDoc, GoldEntity, GoldPerson, GoldQuote, GoldSpeaker
from presse.eval.scoring import (
    PRF,
    EntityEvaluation,
    PredEntity,
    PredPerson,
    PredQuote,
    PredSpeaker,
    QuoteEvaluation,
    context_of,
    entities_from_article,
    entities_from_spans,
    name_key,
    quotes_from_article,
    speaker_correct,
    speaker_mention_correct,
    surname,
)
from presse.model import Article, Entity, Mention, Quote, Speaker

TEXT = (
    "Titre\n\n"
    "Vladimir Poutine a déclaré : « Nous sommes prêts. » "
    "Selon le Kremlin, la réunion aura lieu demain. "
    "Il a ajouté : « Rien n'est exclu. »"
)


def _span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


Q1 = _span("« Nous sommes prêts. »")
Q2 = _span("la réunion aura lieu demain")
Q3 = _span("« Rien n'est exclu. »")
POUTINE = _span("Vladimir Poutine")
KREMLIN = _span("Kremlin")
IL = _span("Il a")[0], _span("Il a")[0] + 2


def _gold() -> GoldDoc:
    return GoldDoc(
        id="d",
        text=TEXT,
        source="d",
        quotes=[
            GoldQuote(*Q1, "direct", GoldSpeaker("Vladimir Poutine", *POUTINE)),
            GoldQuote(*Q2, "indirect", GoldSpeaker("Kremlin", *KREMLIN)),
            GoldQuote(*Q3, "direct", GoldSpeaker("Vladimir Poutine", *IL)),
        ],
    )


def _speaker(
    name: str | None, span: tuple[int, int] | None, etype: str | None = "PER"
) -> PredSpeaker:
    return PredSpeaker(name, etype, span[0] if span else None, span[1] if span else None)


def test_eval_scoring_perfect_predictions_score_one() -> None:
    gold = _gold()
    pred = [
        PredQuote(*Q1, "direct", _speaker("Vladimir Poutine", POUTINE)),
        PredQuote(*Q2, "indirect", _speaker("Kremlin", KREMLIN, "ORG")),
        PredQuote(*Q3, "direct", _speaker("Vladimir Poutine", IL)),
    ]
    evaluation = QuoteEvaluation()
    evaluation.add(gold, pred)
    figures = evaluation.figures()
    assert {level: f["f1"] for level, f in figures["quotes"].items()} == {
        "jaccard>0.3": 1.0,
        "jaccard>0.8": 1.0,
        "exact": 1.0,
    }
    assert figures["speakers"]["accuracy"] == 1.0
    assert figures["speaker_mentions"]["f1"] == 1.0
    assert figures["kind_accuracy"] == 1.0
    assert (figures["documents"], figures["gold_quotes"], figures["pred_quotes"]) == (1, 3, 3)


def test_eval_scoring_levels_separate_loose_and_tight_matches() -> None:
    # Q1 without its closing mark (high overlap), Q2 with half missing, Q3 missed, one false alarm.
    q2_half = (Q2[0], Q2[0] + (Q2[1] - Q2[0]) // 2)
    pred = [
        PredQuote(Q1[0], Q1[1] - 2, "direct"),
        PredQuote(*q2_half, "indirect"),
        PredQuote(*_span("Titre"), "direct"),
    ]
    evaluation = QuoteEvaluation()
    evaluation.add(_gold(), pred)
    levels = evaluation.levels
    assert (levels["jaccard>0.3"].tp, levels["jaccard>0.3"].fp, levels["jaccard>0.3"].fn) == (
        2,
        1,
        1,
    )
    assert (levels["jaccard>0.8"].tp, levels["jaccard>0.8"].fn) == (1, 2)
    assert (levels["exact"].tp, levels["exact"].fp, levels["exact"].fn) == (0, 3, 3)
    categories = [e.category for e in evaluation.errors]
    assert categories.count("miss") == 1 and categories.count("false_alarm") == 1
    miss = next(e for e in evaluation.errors if e.category == "miss")
    assert "Rien n'est exclu" in miss.context


def test_eval_scoring_per_kind_uses_gold_kind_for_recall_and_predicted_kind_for_precision() -> None:
    pred = [
        PredQuote(*Q1, "mixed"),
        PredQuote(*Q2, "indirect"),
        PredQuote(*_span("Titre"), "indirect"),
    ]
    evaluation = QuoteEvaluation()
    evaluation.add(_gold(), pred)
    kinds = evaluation.figures()["kinds"]
    assert kinds["direct"] == {"gold": 2, "pred": 0, "recall": 0.5, "precision": None, "f1": None}
    assert kinds["indirect"]["recall"] == 1.0 and kinds["indirect"]["precision"] == 0.5
    assert kinds["mixed"]["precision"] == 1.0
    assert evaluation.figures()["kind_accuracy"] == 0.5


def test_eval_scoring_direct_only_figures_drop_indirect_predictions() -> None:
    gold = GoldDoc("d", TEXT, "d", quotes=[GoldQuote(*Q1), GoldQuote(*Q3)])
    pred = [PredQuote(*Q1, "direct"), PredQuote(*Q2, "indirect"), PredQuote(*Q3, "mixed")]
    evaluation = QuoteEvaluation(direct_only_gold=True)
    evaluation.add(gold, pred)
    figures = evaluation.figures()
    assert figures["quotes"]["jaccard>0.3"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["quotes_direct_only"]["jaccard>0.3"]["precision"] == 1.0


@pytest.mark.parametrize(
    ("gold", "pred", "correct"),
    [
        (GoldSpeaker("Vladimir Poutine"), _speaker("Vladimir Poutine", None), True),
        (GoldSpeaker("Vladimir Poutine"), _speaker("vladimir poutine", None), True),
        (GoldSpeaker("Vladimir Poutine"), _speaker("Poutine", None), True),
        (GoldSpeaker("Vladimir Poutine"), _speaker("Poutine", None, etype=None), False),
        (GoldSpeaker("Jean-Yves Le Drian"), _speaker("Jean Yves Le Drián", None, "ORG"), True),
        (GoldSpeaker("Vladimir Poutine"), _speaker("Dmitri Peskov", POUTINE), False),
        (GoldSpeaker("Vladimir Poutine"), None, False),
        # an organisation whose mention overlaps the gold mention is not the gold actor
        (GoldSpeaker("Kremlin", *KREMLIN), _speaker("le groupe", KREMLIN, "ORG"), False),
        (GoldSpeaker("Il", *IL), _speaker("Dmitri Peskov", IL), False),
        # a group speaker: the predicted group must name every member, no member alone
        (
            GoldSpeaker("Marie Dupont et Paul Dupont", type="GROUP",
                        members=("Marie Dupont", "Paul Dupont")),
            _speaker("Marie et Paul Dupont", None, "MISC"),
            True,
        ),
        (
            GoldSpeaker("Marie Dupont et Paul Dupont", type="GROUP",
                        members=("Marie Dupont", "Paul Dupont")),
            _speaker("Paul Dupont", None),
            False,  # one member alone, although the members share the surname
        ),
        (
            GoldSpeaker("Anne Roy et Paul Dupont", type="GROUP", members=("Anne Roy", "Paul Dupont")),
            _speaker("Paul Dupont", None),
            False,
        ),
    ],
)
def test_eval_scoring_speaker_correct_is_actor_level(
    gold: GoldSpeaker, pred: PredSpeaker | None, correct: bool
) -> None:
    assert speaker_correct(gold, pred) is correct


@pytest.mark.parametrize(
    ("gold", "pred", "correct"),
    [
        (GoldSpeaker("Il", *IL), _speaker("Vladimir Poutine", IL), True),
        (GoldSpeaker("Il", *IL), _speaker("Vladimir Poutine", POUTINE), False),
        (
            GoldSpeaker("Il", *IL),
            PredSpeaker("Vladimir Poutine", "PER", *POUTINE, mentions=(POUTINE, IL)),
            True,
        ),
        (GoldSpeaker("Poutine", *IL), _speaker("Vladimir Poutine", None), True),
        (GoldSpeaker("Kremlin", *KREMLIN), _speaker("le groupe", KREMLIN, "ORG"), True),
    ],
)
def test_eval_scoring_speaker_mention_credit_is_separate(
    gold: GoldSpeaker, pred: PredSpeaker | None, correct: bool
) -> None:
    assert speaker_mention_correct(gold, pred) is correct


def test_eval_scoring_lenient_mention_credit_never_counts_as_speaker_accuracy() -> None:
    gold = GoldDoc("d", TEXT, "d", quotes=[GoldQuote(*Q2, "indirect", GoldSpeaker("Kremlin", *KREMLIN))])
    evaluation = QuoteEvaluation()
    evaluation.add(gold, [PredQuote(*Q2, "indirect", _speaker("la présidence", KREMLIN, "ORG"))])
    figures = evaluation.figures()
    assert figures["speakers"]["correct"] == 0
    assert figures["speaker_mention"]["correct"] == 1


def test_eval_scoring_brat_mention_gold_reports_only_speaker_mention() -> None:
    gold = GoldDoc("d", TEXT, "d", quotes=[GoldQuote(*Q3, "direct", GoldSpeaker("Il", *IL))])
    evaluation = QuoteEvaluation(mention_gold=True)
    evaluation.add(gold, [PredQuote(*Q3, "direct", _speaker("Vladimir Poutine", IL))])
    figures = evaluation.figures()
    assert "speakers" not in figures
    assert figures["speaker_mention"]["accuracy"] == 1.0


def test_eval_scoring_sources_are_quoted_persons_per_article() -> None:
    gold = GoldDoc(
        "d",
        TEXT,
        "d",
        quotes=[
            GoldQuote(*Q1, "direct", GoldSpeaker("Vladimir Poutine", *POUTINE, type="PER")),
            GoldQuote(*Q2, "indirect", GoldSpeaker("Kremlin", *KREMLIN, type="ORG")),
            GoldQuote(*Q3, "direct", GoldSpeaker("Vladimir Poutine", *IL, type="PER")),
        ],
        persons=[
            GoldPerson("Vladimir Poutine", "m", True),
            GoldPerson("Dmitri Peskov", "m", False),
        ],
    )
    pred = [
        PredQuote(*Q1, "direct", _speaker("Poutine", POUTINE)),
        PredQuote(*Q2, "indirect", _speaker("Dmitri Peskov", KREMLIN)),
    ]
    persons = [
        PredPerson("Poutine", "m", True),
        PredPerson("Dmitri Peskov", None, True),
        PredPerson("Emmanuel Macron", "m", False),
    ]
    evaluation = QuoteEvaluation()
    evaluation.add(gold, pred, persons)
    sources = evaluation.figures()["sources"]
    assert sources["quoted_persons"]["tp"] == 1 and sources["quoted_persons"]["fp"] == 1
    assert sources["quoted_persons"]["fn"] == 0
    assert (sources["persons"]["tp"], sources["persons"]["fp"], sources["persons"]["fn"]) == (2, 1, 0)
    assert sources["quoted_status_accuracy"] == 0.5  # Peskov is predicted quoted, gold not
    assert sources["gender_accuracy"] == 0.5  # Peskov's gender is unknown to presse


def test_eval_scoring_old_gold_has_no_sources_figures() -> None:
    evaluation = QuoteEvaluation()
    evaluation.add(_gold(), [PredQuote(*Q1, "direct", _speaker("Vladimir Poutine", POUTINE))])
    assert "sources" not in evaluation.figures()


def test_eval_scoring_speaker_accuracy_and_span_f1() -> None:
    pred = [
        PredQuote(*Q1, "direct", _speaker("Vladimir Poutine", POUTINE)),
        PredQuote(*Q2, "indirect", None),
        PredQuote(*Q3, "direct", _speaker("Dmitri Peskov", KREMLIN)),
        PredQuote(*_span("Titre"), "direct", _speaker("X", (0, 1))),
    ]
    evaluation = QuoteEvaluation()
    evaluation.add(_gold(), pred)
    figures = evaluation.figures()
    assert figures["speakers"] == {
        "level": "jaccard>0.3",
        "scored": 3,
        "correct": 1,
        "unattributed": 1,
        "accuracy": pytest.approx(1 / 3, abs=1e-4),
    }
    # TP: Q1; FP: Q3 (wrong span) and the false alarm's speaker; FN: Q2 and Q3.
    assert (evaluation.speaker_span.tp, evaluation.speaker_span.fp, evaluation.speaker_span.fn) == (
        1,
        2,
        2,
    )
    wrong = [e for e in evaluation.errors if e.category == "wrong_speaker"]
    assert len(wrong) == 2 and "Dmitri Peskov" in wrong[1].detail


def test_eval_scoring_no_speaker_figures_without_speaker_gold() -> None:
    gold = GoldDoc("d", TEXT, "d", quotes=[GoldQuote(*Q1)], has_speakers=False)
    evaluation = QuoteEvaluation()
    evaluation.add(gold, [PredQuote(*Q1, "direct", _speaker("X", None))])
    assert "speakers" not in evaluation.figures()


@pytest.mark.parametrize(
    ("prf", "expected"),
    [
        (PRF(0, 0, 0), (None, None, None)),
        (PRF(0, 3, 0), (0.0, None, None)),
        (PRF(0, 2, 2), (0.0, 0.0, 0.0)),
        (PRF(3, 1, 3), (0.75, 0.5, 0.6)),
    ],
)
def test_eval_scoring_prf_ratios(prf: PRF, expected: tuple[float | None, ...]) -> None:
    got = (prf.precision, prf.recall, prf.f1)
    assert got == pytest.approx(expected) if None not in expected else got == expected


def test_eval_scoring_entities_exact_span_and_type_per_type() -> None:
    gold = GoldDoc(
        "d",
        TEXT,
        "d",
        entities=[GoldEntity(*POUTINE, "PER"), GoldEntity(*KREMLIN, "ORG")],
        has_speakers=False,
    )
    pred = [
        PredEntity(*POUTINE, "PER"),
        PredEntity(*POUTINE, "PER"),  # duplicate mention counts once
        PredEntity(*KREMLIN, "LOC"),  # type confusion: ORG miss + LOC false alarm
        PredEntity(POUTINE[0], POUTINE[0] + 8, "PER"),  # partial span is wrong
    ]
    evaluation = EntityEvaluation()
    evaluation.add(gold, pred)
    types = evaluation.figures()["types"]
    assert (types["PER"]["tp"], types["PER"]["fp"], types["PER"]["fn"]) == (1, 1, 0)
    assert (types["ORG"]["tp"], types["ORG"]["fn"]) == (0, 1)
    assert (types["LOC"]["fp"], types["LOC"]["recall"]) == (1, None)
    assert evaluation.total.tp == 1 and evaluation.total.fp == 2 and evaluation.total.fn == 1
    details = [e.detail for e in evaluation.errors]
    assert "gold ORG, predicted LOC" in details


def _article() -> Article:
    poutine = Entity(
        id="e1",
        name="Vladimir Poutine",
        type="PER",
        mentions=[
            Mention(start=POUTINE[0], end=POUTINE[1], text="Vladimir Poutine", kind="name"),
            Mention(start=IL[0], end=IL[1], text="Il", kind="pronoun"),
        ],
    )
    kremlin = Entity(
        id="e2",
        name="Kremlin",
        type="ORG",
        mentions=[Mention(start=KREMLIN[0], end=KREMLIN[1], text="Kremlin", kind="name")],
    )
    misc = Entity(
        id="e3",
        name="X",
        type="MISC",
        mentions=[Mention(start=0, end=5, text="Titre", kind="name")],
    )
    quotes = [
        Quote(
            id="q1",
            text=TEXT[Q1[0] : Q1[1]],
            start=Q1[0],
            end=Q1[1],
            kind="direct",
            speaker=Speaker(entity="e1", name="Poutine", start=POUTINE[0], end=POUTINE[1]),
            confidence=0.9,
            evidence="direct: incise after the quote",
        ),
        Quote(
            id="q2",
            text=TEXT[Q2[0] : Q2[1]],
            start=Q2[0],
            end=Q2[1],
            kind="indirect",
            speaker=Speaker(name="le Kremlin"),
            confidence=0.5,
            evidence="indirect: selon/d'après X",
        ),
        Quote(
            id="q3", text="", start=Q3[0], end=Q3[1], kind="direct", confidence=0.5,
            evidence="direct: quoted sentence, speaker from context",
        ),
    ]
    return Article(text=TEXT, entities=[poutine, kremlin, misc], quotes=quotes)


@pytest.mark.parametrize("shift", [0, 2])
def test_eval_scoring_reads_articles(shift: int) -> None:
    quotes = quotes_from_article(_article(), shift)
    assert [(q.start - shift, q.end - shift, q.kind) for q in quotes] == [
        (*Q1, "direct"),
        (*Q2, "indirect"),
        (*Q3, "direct"),
    ]
    first = quotes[0].speaker
    assert first is not None and first.name == "Vladimir Poutine" and first.type == "PER"
    assert first.mentions == (
        (POUTINE[0] + shift, POUTINE[1] + shift),
        (IL[0] + shift, IL[1] + shift),
    )
    assert quotes[1].speaker == PredSpeaker(name="le Kremlin")
    assert quotes[2].speaker is None
    entities = entities_from_article(_article(), shift)
    assert sorted((e.start - shift, e.type) for e in entities) == sorted(
        [(POUTINE[0], "PER"), (KREMLIN[0], "ORG")]
    )


def test_eval_scoring_raw_spans_drop_misc() -> None:
    got = entities_from_spans([(0, 5, "MISC"), (1, 3, "PER"), (4, 9, "LOC")])
    assert [e.type for e in got] == ["PER", "LOC"]


@pytest.mark.parametrize(
    ("name", "normal", "last"),
    [
        ("Jean-Yves Le Drian", "jean yves le drian", "drian"),
        ("  Élisabeth  BORNE ", "elisabeth borne", "borne"),
        ("l’OTAN", "l otan", "otan"),
        ("", "", ""),
    ],
)
def test_eval_scoring_name_normalization(name: str, normal: str, last: str) -> None:
    assert fold_name(name) == normal
    assert surname(name) == last


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [("Canal+", "Canal"), ("Beata Szydło", "Beata Szydlo"), ("Les autorités", "autorités")],
)
def test_eval_scoring_name_key_ignores_case_accents_punctuation(gold: str, predicted: str) -> None:
    assert name_key(gold) == name_key(predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("certains observateurs", "les observateurs"),
        ("Plusieurs médias sud-coréens", "les médias sud-coréens"),
        ("Sa famille", "la famille"),
        ("son patron", "le patron"),
        ("ces manifestants", "les manifestants"),
    ],
)
def test_eval_scoring_name_key_ignores_possessive_demonstrative_quantifier(
    gold: str, predicted: str
) -> None:
    assert name_key(gold) == name_key(predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("environ 400 manifestants", "les manifestants"),
        ("d'autres policiers", "les policiers"),
        ("les autorités sud-coréennes", "les autorités nord-coréennes"),
        ("Plusieurs médias", "les médias américains"),
        ("un de ses avocats", "les avocats"),
    ],
)
def test_eval_scoring_name_key_keeps_numbers_and_adjectives(gold: str, predicted: str) -> None:
    assert name_key(gold) != name_key(predicted)


def test_eval_scoring_context_is_the_sentence_around_the_span() -> None:
    start, end = Q2
    context = context_of(TEXT, start, end)
    assert context.startswith("Selon le Kremlin") and context.endswith("demain.")


def test_eval_scoring_collective_speaker_is_scored_by_its_mention() -> None:
    article = _article()
    article.entities[0].collective = True  # as if « Vladimir Poutine » were a description
    speaker = quotes_from_article(article, 0)[0].speaker
    assert speaker is not None and speaker.type is None
    gold = GoldSpeaker(name="un autre nom", start=POUTINE[0], end=POUTINE[1])
    assert not speaker_correct(gold, speaker)
    assert speaker_mention_correct(gold, speaker)

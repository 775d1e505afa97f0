"""Stance layer: polarity lexicon and rules, quote targets, relations, tone, report, scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presse import __version__
from presse.analyze.convert import doc_to_article
from presse.analyze.convert_stance import add_stance
from presse.analyze.polarity import parse_polarity, polarity_lexicon, score_tokens
from presse.eval.stance import class_scores, load_gold
from presse.model import Article, Document
from presse.report_dynamics import markdown_dynamics, sidelined, stance_pairs

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "gold" / "stance-fr-dev.jsonl"
EXAMPLE = ROOT / "examples" / "anchorage-summit.fr.txt"


@pytest.fixture(scope="session")
def stance_analyzer(analyzer):
    """The session analyzer: presse_stance is part of the standard pipeline."""
    assert "presse_stance" in analyzer.nlp.pipe_names
    return analyzer


def _analyze(analyzer, text: str) -> tuple[Article, object]:
    document = Document(text=text)
    doc, prepared = analyzer._prepare(document)
    doc = analyzer.nlp(doc)
    article = doc_to_article(doc, prepared, document, presse_version=__version__, model=analyzer.model_label)
    return add_stance(article, doc), doc


@pytest.fixture(scope="session")
def reference(stance_analyzer) -> Article:
    return _analyze(stance_analyzer, EXAMPLE.read_text(encoding="utf-8"))[0]


def _name(article: Article, entity_id: str) -> str:
    ent = article.entity(entity_id)
    assert ent is not None
    return ent.name


def _edges(article: Article, source: str, target: str) -> list:
    return [
        e for e in article.stance
        if source in _name(article, e.source) and target in _name(article, e.target)
    ]


# --- polarity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre est très compétent.", "positive"),
        ("C'est une décision scandaleuse.", "negative"),
        ("Ce n'est pas un succès.", "negative"),
        ("Ce n'est pas une mauvaise idée.", "positive"),
        ("Le rapport est honnête mais dangereux.", "negative"),
        ("La réunion a eu lieu mardi à Berlin.", "neutral"),
    ],
)
def test_polarity_score_sentence(stance_analyzer, text, expected):
    doc = stance_analyzer.nlp(text)
    assert score_tokens(doc).label == expected


def test_polarity_intensifier_strengthens(stance_analyzer):
    plain = score_tokens(stance_analyzer.nlp("Le bilan est positif.")).score
    strong = score_tokens(stance_analyzer.nlp("Le bilan est extrêmement positif.")).score
    assert strong > plain > 0


@pytest.mark.parametrize(
    ("row", "problem"),
    [("menace\t-0.7", "3 tab-separated"), ("menace\t-1.7\tcurated", "outside"), ("menace\tbad\tcurated", "not a number")],
)
def test_polarity_parse_rejects_malformed(tmp_path, row, problem):
    path = tmp_path / "polarity.tsv"
    path.write_text(f"# header\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        parse_polarity(path)


@pytest.mark.parametrize(("word", "sign"), [("menace", -1), ("compliment", 1), ("saluer", 1), ("sanction", -1), ("éloge", 1)])
def test_polarity_lexicon_news_vocabulary(word, sign):
    assert polarity_lexicon()[word] * sign > 0


# --- small built sentences -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target", "polarity"),
    [
        ("Donald Trump a menacé Vladimir Poutine de lourdes sanctions.", "Trump", "Poutine", "negative"),
        ("Angela Merkel a félicité Emmanuel Macron pour sa victoire.", "Merkel", "Macron", "positive"),
        ("Angela Merkel a multiplié les éloges à l'égard d'Emmanuel Macron.", "Merkel", "Macron", "positive"),
        ("La rencontre entre Angela Merkel et Emmanuel Macron a eu lieu à Berlin.", "Merkel", "Macron", "neutral"),
    ],
)
def test_stance_relation_polarity(stance_analyzer, text, source, target, polarity):
    article, _ = _analyze(stance_analyzer, text)
    rels = [r for r in article.relations if source in _name(article, r.subject) and target in _name(article, r.object)]
    assert rels, article.relations
    assert rels[0].polarity == polarity
    assert article.text[rels[0].predicate_start : rels[0].predicate_end] == rels[0].predicate_text


@pytest.mark.parametrize(
    ("text", "target", "polarity", "cue_class"),
    [
        ("« Emmanuel Macron est un dirigeant courageux et honnête », a déclaré Angela Merkel.", "Macron", "positive", "neutral"),
        ("« Emmanuel Macron est un menteur et un incompétent », a déclaré Angela Merkel.", "Macron", "negative", "neutral"),
        ("Angela Merkel a dénoncé Emmanuel Macron : « C'est inacceptable. »", "Macron", "negative", "hostile"),
    ],
)
def test_stance_quote_target_polarity(stance_analyzer, text, target, polarity, cue_class):
    article, _ = _analyze(stance_analyzer, text)
    quote = next(q for q in article.quotes if q.targets)
    assert quote.cue_class == cue_class
    found = [t for t in quote.targets if target in t.name]
    assert found and found[0].polarity == polarity
    assert all(t.entity != quote.speaker.entity for t in quote.targets)


# --- the reference article -------------------------------------------------------------------


def test_stance_reference_trump_swings_from_hostile_to_warm(reference):
    trump_to_russia = [e for e in reference.stance if "Trump" in _name(reference, e.source)
                       and any(n in _name(reference, e.target) for n in ("Poutine", "Moscou"))]
    negatives = [e.position for e in trump_to_russia if e.polarity == "negative"]
    positives = [e.position for e in trump_to_russia if e.polarity == "positive"]
    assert negatives and positives
    assert min(negatives) < max(positives)
    threat = _edges(reference, "Trump", "Moscou")
    assert any(e.polarity == "negative" for e in threat)
    thanks = [r for r in reference.relations if r.predicate == "remercier"]
    assert thanks and thanks[0].polarity == "positive" and "Poutine" in _name(reference, thanks[0].object)


def test_stance_reference_putin_warm_to_trump(reference):
    edges = _edges(reference, "Poutine", "Trump")
    assert any(e.polarity == "positive" and e.via == "relation" for e in edges)
    compliments = [r for r in reference.relations if "compliment" in r.predicate]
    assert compliments and compliments[0].polarity == "positive"


def test_stance_reference_cue_classes(reference):
    by_lemma = {q.cue_lemma: q.cue_class for q in reference.quotes if q.cue_lemma}
    assert by_lemma["menacer"] == "hostile"
    assert by_lemma["reconnaître"] == "concessive"
    threat = next(q for q in reference.quotes if q.cue_lemma == "menacer")
    assert [t.via for t in threat.targets] == ["cue_object"] and threat.targets[0].polarity == "negative"


def test_stance_reference_sidelined_and_report(reference):
    quiet = {v.name for v in sidelined(reference)}
    assert {"Kiev", "Ukraine", "Europe", "Volodymyr Zelensky"} <= quiet
    md = markdown_dynamics(reference)
    assert "## Dynamics" in md and "Sidelined" in md and "Kiev" in md
    pairs = {(_name(reference, p.source), _name(reference, p.target)): p.sequence for p in stance_pairs(reference)}
    assert "+" in pairs[("Donald Trump", "Vladimir Poutine")] and "−" in pairs[("Donald Trump", "Vladimir Poutine")]


def test_stance_reference_json_roundtrip_and_offsets(reference):
    again = Article.model_validate_json(reference.model_dump_json())
    assert again.stance == reference.stance
    for q in reference.quotes:
        for t in q.targets:
            assert reference.text[t.start : t.end] == t.text
    for r in reference.relations:
        assert reference.text[r.subject_start : r.subject_end] == r.subject_text
        assert reference.text[r.object_start : r.object_end] == r.object_text
    assert [e.position for e in reference.stance] == sorted(e.position for e in reference.stance)
    trump = next(v for v in reference.voices if v.name == "Donald Trump")
    assert trump.first_quote is not None and trump.quotes > 0


def test_stance_reference_tone_has_evidence(reference):
    assert reference.tone
    for tone in reference.tone:
        assert tone.mentions > 0 and tone.words


# --- evaluation ------------------------------------------------------------------------------


def test_stance_gold_is_consistent_and_large_enough():
    records = load_gold([GOLD])
    judgments = sum(len(r["quote_targets"]) for r in records)
    relations = sum(len(r["relations"]) for r in records)
    assert judgments >= 150 and relations >= 50
    assert all(r["url"].startswith("https://fr.wikinews.org/") and r["date"][:4] in ("2016", "2017") for r in records)
    used = set()
    for path in (ROOT / "eval" / "gold").glob("wikinews-fr-*.jsonl"):
        used |= {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not used & {r["id"] for r in records}


@pytest.mark.parametrize(
    ("gold", "pred", "accuracy", "majority"),
    [
        (["negative", "negative", "positive", "neutral"], ["negative", "positive", "positive", "neutral"], 0.75, 0.5),
        (["positive", "positive"], ["negative", "negative"], 0.0, 1.0),
    ],
)
def test_stance_class_scores(gold, pred, accuracy, majority):
    scores = class_scores(gold, pred)
    assert scores.accuracy == pytest.approx(accuracy)
    assert scores.majority_accuracy == pytest.approx(majority)
    assert 0.0 <= scores.macro_f1 <= 1.0

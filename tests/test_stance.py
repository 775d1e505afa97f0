"""Stance layer: polarity lexicon and rules, quote targets, relations, tone, report, scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presse import __version__
from presse.analyze.convert import doc_to_article
from presse.analyze.convert_stance import add_stance
from presse.analyze.polarity import (
    label,
    parse_expressions,
    parse_polarity,
    polarity_expressions,
    polarity_lexicon,
    score_tokens,
)
from presse.analyze.stance import predicate_polarity, target_score
from presse.eval.stance import class_scores, load_gold
from presse.model import Article, Document
from presse.report.dynamics import markdown_dynamics, sidelined, stance_pairs

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "eval" / "gold"
GOLD = GOLD_DIR / "stance-fr-dev.jsonl"
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
        # acts and their effects (effects.tsv)
        ("Le pilote Lionel Baud a percuté un spectateur.", "Lionel Baud", "spectateur", "negative"),
        ("Les policiers ont arrêté le suspect mardi.", "policiers", "suspect", "negative"),
        ("Les Forces démocratiques syriennes ont lancé une offensive contre l'État islamique.", "Forces démocratiques syriennes", "État", "negative"),
        ("Federica Brignone s'est imposée face à Tamara Tippler.", "Brignone", "Tippler", "negative"),
        ("Des soldats canadiens sont venus en aide aux habitants.", "soldats", "habitants", "positive"),
        ("Le Premier ministre Justin Trudeau a soutenu Angela Merkel.", "Trudeau", "Merkel", "positive"),
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


# --- polarity constructions (negation, idioms, cue classes, victims, neutral facts) -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre n'est pas du tout d'accord avec le projet.", "negative"),
        ("Le maire ne se laissera pas instrumentaliser.", "positive"),
        ("Il m'a évité de commettre des erreurs.", "positive"),
        ("C'est sans doute une erreur.", "negative"),
        ("Il est plus que jamais déterminé et courageux.", "positive"),
        ("Personne n'est aussi honnête que lui.", "positive"),
        ("Personne n'est honnête ici.", "negative"),
        ("Non, la situation est préoccupante.", "negative"),
        ("Il n'a pas tenu ses promesses.", "negative"),
    ],
)
def test_stance_negation(stance_analyzer, text, expected):
    assert score_tokens(stance_analyzer.nlp(text)).label == expected


@pytest.mark.parametrize(
    ("text", "expected", "entry"),
    [
        ("Le syndicat est juge et partie dans ce dossier.", "negative", "juge et partie"),
        ("Nous tiendrons la presse pour responsable.", "negative", "tenir … pour responsable"),
        ("Elle fait comme si elle ne savait rien.", "negative", "faire comme si"),
        ("Les accusations sont sans fondement.", "negative", "sans fondement"),
        ("Il y a une justice à deux vitesses.", "negative", "à deux vitesses"),
        ("Il a tenu ses promesses.", "positive", "tenir … promesses"),
        ("Je tire mon chapeau au sélectionneur.", "positive", "tirer … chapeau"),
    ],
)
def test_stance_idiom(stance_analyzer, text, expected, entry):
    result = score_tokens(stance_analyzer.nlp(text))
    assert result.label == expected
    assert entry in [h.word for h in result.hits]


def test_stance_idiom_replaces_its_words(stance_analyzer):
    """« mauvaise foi » is one hit, not « mauvais » plus « foi »."""
    hits = score_tokens(stance_analyzer.nlp("Il est de mauvaise foi.")).hits
    assert [h.word for h in hits] == ["mauvaise foi"]


def test_stance_idiom_lexicon_is_well_formed(tmp_path):
    expressions = polarity_expressions()
    assert len(expressions) >= 100
    assert all(len([w for w in e.words if w != "…"]) >= 2 and -1 <= e.value <= 1 for e in expressions)
    assert not {e.text for e in expressions} & set(polarity_lexicon())
    path = tmp_path / "polarity_mwe.tsv"
    path.write_text("seul\t-0.5\tcurated\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a multiword"):
        parse_expressions(path)


def _target_label(analyzer, text: str, quote: str, cue: str, target: str) -> str:
    doc = analyzer.nlp(text)
    q0, t0 = text.index(quote), text.index(target)
    qspan = doc.char_span(q0, q0 + len(quote), alignment_mode="expand")
    tspan = doc.char_span(t0, t0 + len(target), alignment_mode="expand")
    cue_token = next(t for t in doc if t.text == cue)
    return label(target_score(doc, qspan, cue_token, tspan))


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target", "polarity"),
    [
        ("La sénatrice a dénoncé le préfet : « Il prendra sa décision mardi. »", "Il prendra sa décision mardi.", "dénoncé", "préfet", "negative"),
        ("La sénatrice a accusé le préfet de « mener une politique de division ».", "mener une politique de division", "accusé", "préfet", "negative"),
        # the hostile class is about the cue's own object, not about everyone the quote names
        ("Le ministre a dénoncé la réforme : « Le maire a voté pour elle mardi. »", "Le maire a voté pour elle mardi.", "dénoncé", "maire", "neutral"),
        # the passive subject of a hostile cue is the one it is aimed at, not the speaker
        ("La présidente est accusée de « corruption et d'abus de pouvoir ».", "corruption et d'abus de pouvoir", "accusée", "présidente", "negative"),
        # an act of violence by the speaker's own side is hostility to its patient
        ("Les États-Unis ont affirmé avoir voulu frapper l'État islamique.", "avoir voulu frapper l'État islamique", "affirmé", "l'État islamique", "negative"),
    ],
)
def test_stance_hostile_cue(stance_analyzer, text, quote, cue, target, polarity):
    assert _target_label(stance_analyzer, text, quote, cue, target) == polarity


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target"),
    [
        ("La sénatrice a salué le préfet : « Il prendra sa décision mardi. »", "Il prendra sa décision mardi.", "salué", "préfet"),
        ("La sénatrice a remercié le préfet pour « son travail ».", "son travail", "remercié", "préfet"),
    ],
)
def test_stance_warm_cue(stance_analyzer, text, quote, cue, target):
    assert _target_label(stance_analyzer, text, quote, cue, target) == "positive"


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target"),
    [
        ("« Le maire se rendra à Lyon mardi », a déclaré le ministre.", "Le maire se rendra à Lyon mardi", "déclaré", "maire"),
        ("« L'escroc Dupont travaille pour Martin », a écrit le candidat.", "L'escroc Dupont travaille pour Martin", "écrit", "Martin"),
    ],
)
def test_stance_neutral_fact(stance_analyzer, text, quote, cue, target):
    """Facts about a target, or an epithet that qualifies someone else, are no stance towards it."""
    assert _target_label(stance_analyzer, text, quote, cue, target) == "neutral"


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target"),
    [
        ("L'ONG a condamné « la persécution des journalistes ».", "la persécution des journalistes", "condamné", "journalistes"),
        ("« Le président est sacrifié par des juges partisans », a déclaré le député.", "Le président est sacrifié par des juges partisans", "déclaré", "président"),
        # a light verb with its noun names the act; a relative clause in the passive
        ("Le ministre a précisé que les assaillants auraient ouvert le feu sur les voyageurs.", "les assaillants auraient ouvert le feu sur les voyageurs", "précisé", "voyageurs"),
        ("L'avocat a déclaré que la jeune femme, qui a été manipulée par son compagnon, regrette son geste.", "la jeune femme, qui a été manipulée par son compagnon, regrette son geste", "déclaré", "la jeune femme"),
    ],
)
def test_stance_victim_is_sided_with(stance_analyzer, text, quote, cue, target):
    assert _target_label(stance_analyzer, text, quote, cue, target) == "positive"


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target"),
    [
        ("Le ministre a insisté : « cette saisine ne concerne en aucun cas Emmanuel Macron ».", "cette saisine ne concerne en aucun cas Emmanuel Macron", "insisté", "Emmanuel Macron"),
        ("Le ministre a déclaré : « Cette enquête ne vise pas le maire. »", "Cette enquête ne vise pas le maire.", "déclaré", "maire"),
    ],
)
def test_stance_denied_involvement_defends(stance_analyzer, text, quote, cue, target):
    assert _target_label(stance_analyzer, text, quote, cue, target) == "positive"


def test_stance_speaker_is_not_own_target(stance_analyzer):
    text = "La Turquie a condamné un « crime contre l'humanité »."
    assert _target_label(stance_analyzer, text, "crime contre l'humanité", "condamné", "La Turquie") == "neutral"


@pytest.mark.parametrize(
    ("text", "source", "target", "predicate", "polarity"),
    [
        ("Benoît Hamon a reçu le soutien d'Arnaud Montebourg.", "Montebourg", "Hamon", "recevoir soutien", "positive"),
        ("Nicolas Sarkozy a essuyé les critiques de François Bayrou.", "Bayrou", "Sarkozy", "essuyer critique", "negative"),
        ("Angela Merkel a pris la défense d'Emmanuel Macron.", "Merkel", "Macron", "prendre la défense", "positive"),
        ("Angela Merkel a mis en garde Emmanuel Macron.", "Merkel", "Macron", "mettre en garde", "negative"),
        ("Claude Guéant vient d'être condamné par Nicolas Sarkozy.", "Sarkozy", "Guéant", "condamner", "negative"),
    ],
)
def test_stance_relation_constructions(stance_analyzer, text, source, target, predicate, polarity):
    article, _ = _analyze(stance_analyzer, text)
    rels = [r for r in article.relations if source in _name(article, r.subject) and target in _name(article, r.object)]
    assert rels, article.relations
    assert (rels[0].predicate, rels[0].polarity) == (predicate, polarity)


def test_stance_victory_is_hostile_to_the_defeated(stance_analyzer):
    doc = stance_analyzer.nlp("Emmanuel Macron a remporté l'élection.")
    assert predicate_polarity(next(t for t in doc if t.lemma_ == "remporter")) < 0


def test_stance_partial_quote_holder_is_target(stance_analyzer):
    # issue 18: the holder is a target when the quoted words judge it (« a voté contre tous les
    # textes » alone carries no polarity, so it gives no target any more)
    article, _ = _analyze(stance_analyzer, "Jean-Jacques Urvoas a dénoncé les « allégations mensongères » de François Fillon.")
    quote = next(q for q in article.quotes if "mensongères" in q.text)
    assert any("Fillon" in t.name for t in quote.targets)


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
    used = set().union(*(_gold_ids(path) for path in GOLD_DIR.glob("wikinews-fr-*.jsonl")))
    assert not used & {r["id"] for r in records}


def _gold_ids(path: Path) -> set[str]:
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


STANCE_SETS = sorted(GOLD_DIR.glob("stance-fr-*.jsonl"))


@pytest.mark.parametrize("path", STANCE_SETS, ids=lambda p: p.stem)
def test_stance_gold_sets_load_and_share_no_article(path):
    """Each stance set loads (every span matches its text) and holds no article of another gold set,
    so a held-out figure is never read off development articles."""
    records = load_gold([path])
    assert records and all(r["quote_targets"] or r["relations"] for r in records)
    ids = {r["id"] for r in records}
    assert len(ids) == len(records)
    for other in GOLD_DIR.glob("*.jsonl"):
        if other != path:
            assert not ids & _gold_ids(other), f"{path.name} shares articles with {other.name}"


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


# --- acts and their effects (effects.tsv) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target", "polarity"),
    [
        # with no evaluative word, the role in the act decides: the author of violence is blamed,
        # the one arrested blamed, the one helped favoured; a death reported flatly judges no one
        ("Selon la police, un homme a poignardé un passant.", "un homme a poignardé un passant", "Selon", "homme", "negative"),
        ("Selon le parquet, Jean Dupont a été interpellé mardi.", "Jean Dupont a été interpellé mardi", "Selon", "Jean Dupont", "negative"),
        ("Selon le maire, les pompiers ont secouru les habitants.", "les pompiers ont secouru les habitants", "Selon", "habitants", "positive"),
        ("Selon les organisateurs, le spectateur est décédé.", "le spectateur est décédé", "Selon", "spectateur", "neutral"),
        # the one the act is done to is no victim to side with when the quote calls it an assailant
        ("La police précise qu'elle a abattu un des assaillants.", "elle a abattu un des assaillants", "précise", "assaillants", "negative"),
        # people named by what they suffer, and the target of a hostile feeling, are sided with
        ("Le ministre a déclaré que la situation des otages était scandaleuse.", "la situation des otages était scandaleuse", "déclaré", "otages", "positive"),
        ("D'après la psychologue, l'homme avait une rancœur vis-à-vis des femmes.", "l'homme avait une rancœur vis-à-vis des femmes", "D'", "femmes", "positive"),
        # … but not when the negative words are said of them
        ("Selon la police, la victime était très mal placée.", "la victime était très mal placée", "Selon", "victime", "negative"),
        # the victim of an accident reported flatly is not judged
        ("Selon les organisateurs, le pilote a percuté un spectateur.", "le pilote a percuté un spectateur", "Selon", "spectateur", "neutral"),
    ],
)
def test_stance_effect_roles_in_quotes(stance_analyzer, text, quote, cue, target, polarity):
    assert _target_label(stance_analyzer, text, quote, cue, target) == polarity


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target", "polarity"),
    [
        # a quote with no evaluative word of its own takes the journalist's frame around it
        ("Dans une charge d'une rare violence, le ministre a déclaré que le maire était parti en vacances.", "le maire était parti en vacances", "déclaré", "maire", "negative"),
        ("Plein d'admiration, le ministre a déclaré que le maire était resté sur place toute la nuit.", "le maire était resté sur place toute la nuit", "déclaré", "maire", "positive"),
        # an actor outside the quote: what the act it takes part in makes of it
        ("Le prix a été décerné à Marie Curie « pour ses travaux sur la radioactivité ».", "pour ses travaux sur la radioactivité", "décerné", "Marie Curie", "positive"),
        # the quote's own words win over the frame
        ("Dans une charge d'une rare violence, le ministre a déclaré que le maire avait été courageux.", "le maire avait été courageux", "déclaré", "maire", "positive"),
    ],
)
def test_stance_frame_of_a_quote_without_evaluative_words(stance_analyzer, text, quote, cue, target, polarity):
    assert _target_label(stance_analyzer, text, quote, cue, target) == polarity


@pytest.mark.parametrize(
    ("text", "quote", "cue", "target", "polarity"),
    [
        # the « conditionnel journalistique » alleges: the actor said to have done it is blamed
        ("Selon le journal, le sénateur aurait touché trois chèques en 2015.", "le sénateur aurait touché trois chèques en 2015", "Selon", "sénateur", "negative"),
        ("Le témoin affirme que le directeur aurait demandé des faveurs aux candidats.", "le directeur aurait demandé des faveurs aux candidats", "affirme", "directeur", "negative"),
        # not a denial, not a passive (the one it is done to), not the plain past
        ("Selon le journal, le sénateur n'aurait pas touché d'argent.", "le sénateur n'aurait pas touché d'argent", "Selon", "sénateur", "neutral"),
        ("Selon le journal, le sénateur aurait été reçu par le ministre.", "le sénateur aurait été reçu par le ministre", "Selon", "sénateur", "neutral"),
        ("Selon le journal, le sénateur a touché trois chèques en 2015.", "le sénateur a touché trois chèques en 2015", "Selon", "sénateur", "neutral"),
    ],
)
def test_stance_past_conditional_alleges(stance_analyzer, text, quote, cue, target, polarity):
    assert _target_label(stance_analyzer, text, quote, cue, target) == polarity


@pytest.mark.parametrize(
    ("row", "problem"),
    [("tuer\tmassacre\t-\tcurated", "kind"), ("arrestation\tjustice\tboth\tcurated", "de role"), ("tuer\tviolence", "columns")],
)
def test_stance_effects_parse_rejects_malformed(tmp_path, row, problem):
    from presse.lexicons import LexiconFormatError, parse_effects

    path = tmp_path / "effects.tsv"
    path.write_text(f"# columns: lemma\tkind\tde\tsource\n{row}\n", encoding="utf-8")
    with pytest.raises(LexiconFormatError, match=problem):
        parse_effects(path)


def test_stance_effects_lexicon_is_well_formed():
    from presse.lexicons import EFFECT_KINDS, effects

    entries = effects()
    assert len(entries) > 200
    assert {e.kind for e in entries.values()} == EFFECT_KINDS
    assert entries["arrestation"].de == "patient" and entries["soutien"].de == "agent"


def test_polarity_expression_candidates_do_not_depend_on_the_hash_seed():
    # equal-length expressions opened by the same word come in lexicon order, not set order
    from presse.analyze.polarity import _expression_order, _start_candidates

    order = _expression_order()
    for word in ("emploi", "emplois", "faire", "mettre", "prendre"):
        found = _start_candidates(word, word, word.endswith("re"))
        assert list(found) == sorted(found, key=lambda e: (-len(e.words), order[e.text]))

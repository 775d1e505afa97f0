"""presse's spaCy components used as the README shows them: `nlp.add_pipe(...)` on the French
model, results on Doc extensions; what they declare to `nlp.analyze_pipes()`; their config."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

pytestmark = pytest.mark.model

MODEL = "fr_core_news_md"


def _pipeline(*components: str, config: dict[str, dict] | None = None) -> Language:
    """The French model with presse's ``components`` added as the README adds them."""
    nlp = spacy.load(MODEL)
    for name in components:
        place = {"first": True} if name == "presse_structure" else {}
        nlp.add_pipe(name, **place, config=(config or {}).get(name, {}))
    return nlp


@pytest.mark.parametrize(
    ("components", "component", "missing"),
    [
        (("presse_structure", "presse_quotes"), "presse_quotes", ["doc._.presse_actors"]),
        (("presse_structure", "presse_actors", "presse_stance"), "presse_stance", ["doc._.presse_quotes"]),
        (("presse_structure", "presse_stance"), "presse_stance", ["doc._.presse_actors", "doc._.presse_quotes"]),
    ],
)
def test_components_analyze_pipes_reports_a_missing_component(
    components: tuple[str, ...], component: str, missing: list[str]
) -> None:
    problems = _pipeline(*components).analyze_pipes(pretty=False)["problems"]
    assert sorted(problems[component]) == missing
    assert all(not found for name, found in problems.items() if name != component)


def test_components_full_pipeline_has_no_problems() -> None:
    nlp = _pipeline("presse_structure", "presse_actors", "presse_quotes", "presse_stance")
    analysis = nlp.analyze_pipes(pretty=False)
    assert not any(analysis["problems"].values())
    assert "doc._.presse_quotes" in analysis["summary"]["presse_quotes"]["assigns"]


def test_components_salience_window_is_config() -> None:
    text = "Pierre Martin est arrivé lundi à Lyon. La ville était calme. Il a déclaré que la situation était grave."

    def pronoun_resolved(window: int) -> bool:
        nlp = _pipeline("presse_structure", "presse_actors", config={"presse_actors": {"salience_window": window}})
        doc = nlp(text)
        assert nlp.config["components"]["presse_actors"]["salience_window"] == window
        return any(m.resolved_by == "salience" for e in doc._.presse_actors.entities for m in e.mentions)

    assert pronoun_resolved(4)
    assert not pronoun_resolved(1)


def test_components_stance_weights_are_config() -> None:
    # the cue's class and the quoted words weigh on the cue's object as the config says (issue
    # 18: the journalist's frame alone no longer makes a target, so the cue weight is tested)
    text = "Le ministre Jean Dupont a accusé Emmanuel Macron d'« une gestion exemplaire et brillante »."

    def macron_score(config: dict) -> float:
        nlp = _pipeline("presse_structure", "presse_actors", "presse_quotes", "presse_stance",
                        config={"presse_stance": config})
        doc = nlp(text)
        names = [e.name for e in doc._.presse_actors.entities]
        (quote,) = doc._.presse_stance.quotes
        return next(t.score for t in quote.targets if names[t.entity] == "Emmanuel Macron")

    assert macron_score({"cue_weight_object": 1.0}) < 0 < macron_score({"cue_weight_object": 0.0})


@pytest.fixture(scope="module")
def readme_nlp() -> Language:
    """The pipeline exactly as the README builds it."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("presse_structure", first=True)
    nlp.add_pipe("presse_actors")
    nlp.add_pipe("presse_quotes")
    return nlp


@pytest.mark.parametrize(
    ("text", "quote", "cue", "speaker", "entity"),
    [
        ("« Nous ne céderons pas », a déclaré Emmanuel Macron.", "Nous ne céderons pas", "a déclaré",
         "Emmanuel Macron", "Emmanuel Macron"),
        ("Emmanuel Macron a affirmé que la France tiendrait ses engagements.",
         "la France tiendrait ses engagements", "a affirmé", "Emmanuel Macron", "Emmanuel Macron"),
        ("« Nous irons jusqu'au bout », a déclaré la ministre.", "Nous irons jusqu'au bout", "a déclaré",
         "la ministre", None),
    ],
)
def test_components_quotes_expose_spans(
    readme_nlp: Language, text: str, quote: str, cue: str, speaker: str, entity: str | None
) -> None:
    doc = readme_nlp(text)
    (q,) = list(doc._.presse_quotes)
    assert q.text == quote and q.span.text == quote and q.span.doc is doc
    assert q.cue_span.text == cue
    assert q.speaker_span.text == speaker
    assert q.entity is not None and q.entity.id == "e1"
    if entity is not None:
        assert q.entity.name == entity
    # the attributes that were there keep working
    assert doc._.presse_quotes.quotes == [q] and q.speaker.text in speaker and q.speaker_name
    assert q.kind in ("direct", "indirect") and q.evidence and 0 < q.confidence <= 1


def test_components_quote_without_cue_or_speaker_has_no_such_spans(readme_nlp: Language) -> None:
    doc = readme_nlp("« Il faut tenir bon jusqu'au bout de cette longue épreuve. »")
    (q,) = list(doc._.presse_quotes)
    assert q.span.text == "Il faut tenir bon jusqu'au bout de cette longue épreuve."
    assert (q.cue_span, q.speaker_span, q.entity) == (None, None, None)


def test_components_readme_example_prints_what_it_says(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("As spaCy components", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    expected = [line[2:] for line in block.splitlines() if line.startswith("# ")]
    exec(compile(block, "README.md", "exec"), {})
    # its printed lines, then analyze_pipes' table
    assert capsys.readouterr().out.splitlines()[: len(expected)] == expected

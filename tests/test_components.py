"""presse's spaCy components used as the README shows them: `nlp.add_pipe(...)` on the French
model, results on Doc extensions; what they declare to `nlp.analyze_pipes()`; their config."""

from __future__ import annotations

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
    # no evaluative word in the quote: the target's score comes from the journalist's frame
    text = "Furieux et amer, le ministre Jean Dupont a déclaré : « Emmanuel Macron viendra demain à Lyon. »"

    def macron_score(config: dict) -> float:
        nlp = _pipeline("presse_structure", "presse_actors", "presse_quotes", "presse_stance",
                        config={"presse_stance": config})
        doc = nlp(text)
        names = [e.name for e in doc._.presse_actors.entities]
        (quote,) = doc._.presse_stance.quotes
        return next(t.score for t in quote.targets if names[t.entity] == "Emmanuel Macron")

    assert macron_score({}) < 0
    assert macron_score({"frame_weight": 0.0}) == 0

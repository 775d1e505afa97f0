"""Tests of the AADS-French loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from presse.errors import InputError
from presse.eval.aads import load_aads, parse_aads

AADS = Path(__file__).parent / "fixtures" / "eval" / "aads"


@pytest.mark.parametrize(
    ("split", "names", "spans"),
    [
        ("test", ["chapitre_a"], 2),
        ("train", ["chapitre_b"], 1),
        ("val", ["chapitre_c"], 0),
        ("all", ["chapitre_a", "chapitre_b", "chapitre_c"], 3),
    ],
)
def test_eval_aads_loads_one_split(split: str, names: list[str], spans: int) -> None:
    docs = load_aads(AADS, split)  # type: ignore[arg-type]
    assert [d.id for d in docs] == names
    assert sum(len(d.quotes) for d in docs) == spans
    assert not any(d.has_speakers for d in docs)


def test_eval_aads_spans_are_direct_speech_text() -> None:
    doc = load_aads(AADS / "aggregated_corpus.json", "test")[0]
    assert [q.text for q in doc.quotes] == ["« Viens ici. »", "— Non,"]
    assert all(q.kind == "direct" and q.speaker is None for q in doc.quotes)


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"a": {"labels": []}},
        {"a": {"text": "abc", "labels": [[0, 9]], "split": "test"}},
        {"a": {"text": "abc", "labels": [[0]], "split": "test"}},
    ],
)
def test_eval_aads_refuses_malformed_corpus(data: object) -> None:
    with pytest.raises(InputError):
        parse_aads(data, "corpus.json", "test")


def test_eval_aads_missing_corpus_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"aggregated_corpus\.json"):
        load_aads(tmp_path)

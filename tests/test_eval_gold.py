"""Tests of the presse gold JSONL loader (docs/gold-format.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presse.errors import InputError
from presse.eval.gold import load_presse_gold, parse_presse_record

MINI = Path(__file__).parent / "fixtures" / "eval" / "presse" / "mini.jsonl"


def test_eval_gold_loads_quotes_kinds_and_speakers() -> None:
    docs = load_presse_gold(MINI)
    assert [d.id for d in docs] == ["fixture-1", "fixture-2"]
    first, second = docs
    assert [(q.kind, q.text) for q in first.quotes] == [
        ("direct", "« Nous allons réformer. »"),
        ("indirect", "la réforme est urgente"),
    ]
    speaker = first.quotes[0].speaker
    assert speaker is not None and speaker.name == "Jean Dupont" and speaker.has_span
    assert first.text[speaker.start : speaker.end] == "Jean Dupont"
    assert second.quotes[0].speaker is None
    assert all(d.has_speakers for d in docs)


def _record(**quote: object) -> dict[str, object]:
    base: dict[str, object] = {"start": 0, "end": 5, "text": "Hello", "kind": "direct"}
    base.update(quote)
    return {"id": "x", "text": "Hello world", "quotes": [base]}


@pytest.mark.parametrize(
    "record",
    [
        _record(text="Hellx"),
        _record(end=50),
        _record(kind="reported"),
        _record(start=None),
        _record(speaker={"name": "W", "start": 6, "end": 11, "text": "word"}),
        _record(cue={"start": 0, "end": 2, "text": "xx"}),
        {"id": "x", "text": "", "quotes": []},
    ],
)
def test_eval_gold_refuses_inconsistent_records(record: dict[str, object]) -> None:
    with pytest.raises(InputError):
        parse_presse_record(record, "gold.jsonl:1")


@pytest.mark.parametrize(
    ("speaker", "has_span"),
    [
        ({"name": "World Org", "start": None, "end": None, "text": None}, False),
        ({"name": "World Org", "start": 6, "end": 11, "text": "world"}, True),
    ],
)
def test_eval_gold_speaker_without_offsets_keeps_its_name(
    speaker: dict[str, object], has_span: bool
) -> None:
    doc = parse_presse_record(_record(speaker=speaker), "g")
    got = doc.quotes[0].speaker
    assert got is not None and got.name == "World Org" and got.has_span is has_span


def test_eval_gold_reports_file_and_line_of_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(_record()) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:3"):
        load_presse_gold(path)

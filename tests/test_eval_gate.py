"""Tests of the CI gate: floors logic, and (marked `model`) the gate on the real CI subset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presse.errors import InputError
from presse.eval import gate

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("value", "floor"),
    [(0.8649, 0.86), (0.87, 0.87), (0.0, 0.0), (1.0, 1.0), (0.129999, 0.12)],
)
def test_eval_gate_floor_rounds_down_to_hundredths(value: float, floor: float) -> None:
    assert gate.floor_of(value) == floor


@pytest.mark.parametrize(
    ("floors", "figures", "lower", "expected"),
    [
        ({"a": 0.5}, {"a": 0.678}, False, {"a": 0.67}),
        ({"a": 0.5}, {"a": 0.42}, False, {"a": 0.5}),
        ({"a": 0.5}, {"a": 0.42}, True, {"a": 0.42}),
        ({"a": 0.5}, {"a": None}, True, {"a": 0.5}),
        ({}, {"b": 0.91}, False, {"b": 0.91}),
    ],
)
def test_eval_gate_update_only_raises_unless_lower(
    floors: dict[str, float],
    figures: dict[str, float | None],
    lower: bool,
    expected: dict[str, float],
) -> None:
    new, changes = gate.updated_floors(floors, figures, lower=lower)
    assert new == expected
    assert len(changes) == sum(floors.get(k) != v for k, v in expected.items())


@pytest.mark.parametrize(
    ("figures", "broken"),
    [
        ({"winer.PER_f1": 0.9, "litbank.direct_f1@0.3": 0.5}, []),
        ({"winer.PER_f1": 0.79, "litbank.direct_f1@0.3": 0.5}, ["winer.PER_f1"]),
        ({"winer.PER_f1": 0.9}, ["litbank.direct_f1@0.3"]),
        ({"winer.PER_f1": 0.9, "litbank.direct_f1@0.3": None}, ["litbank.direct_f1@0.3"]),
    ],
)
def test_eval_gate_compare_lists_drops(figures: dict[str, float | None], broken: list[str]) -> None:
    floors = {"winer.PER_f1": 0.8, "litbank.direct_f1@0.3": 0.5}
    assert [b.metric for b in gate.compare(figures, floors)] == broken


def test_eval_gate_floors_file_round_trip_keeps_comment(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"_comment": "keep me", "floors": {"x": 0.1}}), encoding="utf-8")
    gate.write_floors(path, {"winer.LOC_f1": 0.7, "dev_gold.quotes_f1@0.3": 0.6})
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["_comment"] == "keep me"
    assert list(data["floors"]) == ["dev_gold.quotes_f1@0.3", "winer.LOC_f1"]
    assert gate.read_floors(path) == {"dev_gold.quotes_f1@0.3": 0.6, "winer.LOC_f1": 0.7}


@pytest.mark.parametrize(
    "content", ["{", "[]", '{"floors": {"a": "high"}}', '{"floors": {"a": true}}']
)
def test_eval_gate_refuses_malformed_floors(tmp_path: Path, content: str) -> None:
    path = tmp_path / "floors.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        gate.read_floors(path)


def test_eval_gate_committed_floors_cover_every_metric() -> None:
    floors = gate.read_floors(ROOT / gate.FLOORS_FILE)
    assert set(floors) == set(gate.METRICS)
    assert all(0.0 < v <= 1.0 for v in floors.values())


@pytest.mark.model
def test_eval_gate_no_floor_is_broken() -> None:
    shared = gate.shared_dir(ROOT)
    if not shared.is_dir():
        pytest.skip(f"{shared} is absent: the gate's corpora live beside the repository")
    result = gate.measure(ROOT)
    breaches = gate.compare(result["figures"], gate.read_floors(ROOT / gate.FLOORS_FILE))
    assert not breaches, "figures dropped below eval/floors.json: " + "; ".join(
        str(b) for b in breaches
    )
    documents = result["documents"]
    assert documents["dev_gold"] > 0
    assert (documents["litbank"], documents["winer"]) == (gate.LITBANK_DOCS, gate.WINER_DOCS)

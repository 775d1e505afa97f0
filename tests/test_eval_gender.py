"""`presse eval gender`: gender coverage and accuracy of the persons presse finds, per signal and
per gold source, as a user runs it (the CLI as a subprocess on a gold file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from presse.errors import InputError
from presse.eval.gold import GoldDoc, GoldPerson, parse_presse_record
from presse.eval.scoring import PredPerson, QuoteEvaluation

TEXT = (
    "Paris : la maire veut plus de vélos\n\n"
    "La maire de Paris, Anne Hidalgo, a annoncé lundi un nouveau plan vélo. « Nous doublerons "
    "les pistes », a-t-elle déclaré. Pour Paavo Nurmi, chercheur en urbanisme, « c'est un bon "
    "début ». Claude Bernard a lui aussi salué le projet."
)


def _gold_record() -> dict[str, object]:
    quote = "« Nous doublerons les pistes »"
    second = "« c'est un bon début »"
    start, other = TEXT.index(quote), TEXT.index(second)
    return {
        "id": "gender-1",
        "text": TEXT,
        "quotes": [
            {"start": start, "end": start + len(quote), "text": quote, "kind": "direct",
             "speaker": {"name": "Anne Hidalgo", "type": "PER", "gender": "f"}},
            {"start": other, "end": other + len(second), "text": second, "kind": "direct",
             "speaker": {"name": "Paavo Nurmi", "type": "PER", "gender": "m"}},
        ],
        "persons": [
            {"name": "Anne Hidalgo", "gender": "f", "quoted": True, "gender_source": "text"},
            {"name": "Paavo Nurmi", "gender": "m", "quoted": True, "gender_source": "first_name"},
            {"name": "Claude Bernard", "gender": "m", "quoted": False, "gender_source": "text"},
        ],
    }


@pytest.mark.parametrize(("source", "ok"), [("text", True), ("knowledge", True), ("first_name", True), (None, True), ("guess", False)])
def test_eval_gender_gold_reads_gender_source(source: str | None, ok: bool) -> None:
    record = _gold_record()
    record["persons"][0]["gender_source"] = source  # type: ignore[index]
    if ok:
        assert parse_presse_record(record, "g.jsonl:1").persons[0].gender_source == source  # type: ignore[index]
    else:
        with pytest.raises(InputError, match="gender_source 'guess'"):
            parse_presse_record(record, "g.jsonl:1")


def test_eval_gender_scores_by_evidence_and_gold_source() -> None:
    gold = GoldDoc("d", TEXT, "d", persons=[
        GoldPerson("Anne Hidalgo", "f", True, "text"),
        GoldPerson("Paavo Nurmi", "m", True, "first_name"),
        GoldPerson("Claude Bernard", "m", False, "text"),
        GoldPerson("Marie Curie", None, False, None),
    ])
    persons = [
        PredPerson("Anne Hidalgo", "f", True, "description"),
        PredPerson("Paavo Nurmi", "f", True, "first_name", ("pronoun",)),
        PredPerson("Claude Bernard", None, False, None),
        PredPerson("Marie Curie", "f", False, "first_name"),
    ]
    evaluation = QuoteEvaluation()
    evaluation.add(gold, [], persons)
    figures = evaluation.gender.figures()
    assert figures["quoted"]["total"] == {"scored": 2, "given": 2, "right": 1, "coverage": 1.0, "accuracy": 0.5, "agreement": 0.5}
    assert figures["all"]["total"]["coverage"] == round(2 / 3, 4)
    assert figures["all"]["by_evidence"]["first_name"]["accuracy"] == 0.0
    assert figures["all"]["by_evidence"]["none"] == {"scored": 1, "given": 0, "right": 0, "coverage": 0.0, "accuracy": None, "agreement": 0.0}
    assert figures["all"]["by_gold_source"]["text"]["right"] == 1
    assert [(e.gold_name, e.evidence, e.overruled) for e in evaluation.gender.errors] == [
        ("Paavo Nurmi", "first_name", ("pronoun",)), ("Claude Bernard", None, ()),
    ]


def _presse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "presse.cli", "eval", "gender", *args, "--no-progress"],
        capture_output=True, text=True, timeout=300,
    )


def test_eval_gender_cli_json_table_and_bad_input(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_gold_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    result = _presse(str(gold), "--json", "--errors", "5")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["task"] == "gender" and payload["documents"] == 1
    quoted = payload["gender"]["quoted"]
    # Anne Hidalgo by « La maire … a-t-elle », Paavo Nurmi by the world first-name table
    assert quoted["total"]["scored"] == 2 and quoted["total"]["right"] == 2
    assert quoted["by_evidence"]["first_name"]["right"] == 1
    assert quoted["by_gold_source"]["first_name"]["right"] == 1
    assert payload["sources"]["quoted_persons"]["tp"] == 2
    # Claude is a first name of both sexes: unknown, listed among the errors
    assert [e["gold"]["name"] for e in payload["errors"]] == ["Claude Bernard"]

    table = _presse(str(gold))
    assert table.returncode == 0 and "presse evidence: first_name" in table.stdout
    assert "gold source: text" in table.stdout

    bad = tmp_path / "bad.jsonl"
    record = _gold_record()
    record["persons"][2]["gender_source"] = "guess"  # type: ignore[index]
    bad.write_text(json.dumps(record) + "\n", encoding="utf-8")
    refused = _presse(str(bad))
    assert refused.returncode != 0 and refused.stdout == ""
    assert "bad.jsonl" in refused.stderr and "gender_source" in refused.stderr

"""Tests of the `presse eval` sub-app, with a stand-in analyzer that echoes the gold."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from presse.cli.eval import eval_app
from presse.eval import runner
from presse.eval.gold import GoldDoc, load_presse_gold
from presse.model import Article, Entity, Mention, Quote, Speaker

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def _echo(doc: GoldDoc) -> Article:
    """An article whose quotes and name mentions are the gold ones, minus the last quote."""
    entities = [
        Entity(
            id=f"e{i}",
            name=doc.text[e.start : e.end],
            type=e.type,  # type: ignore[arg-type]
            mentions=[
                Mention(start=e.start, end=e.end, text=doc.text[e.start : e.end], kind="name")
            ],
        )
        for i, e in enumerate(doc.entities)
    ]
    quotes = [
        Quote(
            id=f"q{i}",
            text=doc.text[q.start : q.end],
            start=q.start,
            end=q.end,
            kind=q.kind,  # type: ignore[arg-type]
            speaker=Speaker(
                name=q.speaker.name if q.speaker else None,
                start=q.speaker.start if q.speaker else None,
                end=q.speaker.end if q.speaker else None,
            ),
            confidence=1.0,
            evidence="direct: incise after the quote",
        )
        for i, q in enumerate(doc.quotes[:-1] if len(doc.quotes) > 1 else doc.quotes)
    ]
    return Article(text=doc.text, entities=entities, quotes=quotes)


def _fake_analyze(docs: Sequence[GoldDoc], progress: Any = None) -> Iterator[tuple[Article, int]]:
    for doc in docs:
        yield _echo(doc), 0


def _fake_raw(
    docs: Sequence[GoldDoc], progress: Any = None
) -> Iterator[list[tuple[int, int, str]]]:
    for doc in docs:
        yield [(e.start, e.end, e.type) for e in doc.entities if e.type == "PER"]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setattr(runner, "analyze", _fake_analyze)
    monkeypatch.setattr(runner, "raw_entities", _fake_raw)
    return CliRunner()


@pytest.mark.parametrize(
    ("args", "docs", "gold", "recall"),
    [
        ([str(FIXTURES / "presse" / "mini.jsonl")], 2, 3, 2 / 3),
        ([str(FIXTURES / "presse")], 2, 3, 2 / 3),
        ([str(FIXTURES / "litbank"), "--format", "brat"], 1, 3, 2 / 3),
        ([str(FIXTURES / "litbank"), "--format", "brat", "--fragments"], 1, 4, 3 / 4),
        ([str(FIXTURES / "aads"), "--format", "aads"], 1, 2, 1 / 2),
        ([str(FIXTURES / "aads"), "--format", "aads", "--split", "all"], 3, 3, 2 / 3),
    ],
)
def test_eval_cli_quotes_json_is_one_object(
    cli: CliRunner, args: list[str], docs: int, gold: int, recall: float
) -> None:
    result = cli.invoke(eval_app, ["quotes", *args, "--json", "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    payload = json.loads(lines[0])
    assert (payload["documents"], payload["gold_quotes"]) == (docs, gold)
    assert payload["quotes"]["jaccard>0.3"]["precision"] == 1.0
    assert payload["quotes"]["jaccard>0.3"]["recall"] == pytest.approx(recall, abs=1e-4)
    assert set(payload["quotes"]) == {"jaccard>0.3", "jaccard>0.8", "exact"}


def test_eval_cli_quotes_speakers_and_notes_for_litbank(cli: CliRunner) -> None:
    result = cli.invoke(
        eval_app,
        ["quotes", str(FIXTURES / "litbank"), "--format", "brat", "--json", "--no-progress"],
    )
    payload = json.loads(result.stdout)
    # brat speakers are mentions, not canonical actors: only the mention-level figure
    assert "speakers" not in payload
    assert payload["speaker_mention"]["accuracy"] == 1.0
    assert "quotes_direct_only" in payload
    assert any("fr-litbank" in note for note in payload["notes"])


def test_eval_cli_quotes_table_and_errors(cli: CliRunner) -> None:
    result = cli.invoke(
        eval_app, ["quotes", str(FIXTURES / "presse"), "--errors", "5", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "2 documents, 3 gold quotes" in result.stdout
    assert "Misses" in result.stdout and "sentence:" in result.stdout
    assert "Speakers" in result.stdout


def test_eval_cli_entities_compares_with_raw_spacy(cli: CliRunner) -> None:
    result = cli.invoke(eval_app, ["entities", str(FIXTURES / "winer"), "--json", "--no-progress"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["documents"] == 1 and payload["gold_entities"] == 7
    assert payload["presse"]["micro"]["f1"] == 1.0
    assert payload["raw_spacy"]["types"]["PER"]["f1"] == 1.0
    assert payload["raw_spacy"]["types"]["LOC"]["recall"] == 0.0
    assert payload["f1_gain_over_raw"]["PER"] == 0.0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["quotes", str(FIXTURES / "presse"), "--sample"], 2, "--limit"),
        (["quotes", str(FIXTURES / "presse"), "--format", "conll"], 2, "unknown gold format"),
        (["quotes", str(FIXTURES / "litbank")], 1, "--format brat"),
        (["quotes", str(FIXTURES / "aads"), "--format", "aads", "--split", "dev"], 2, "--split"),
        (["entities", str(FIXTURES / "presse"), "--format", "presse"], 2, "brat"),
        (["gate", "--lower"], 2, "--update"),
    ],
)
def test_eval_cli_usage_and_input_errors(
    cli: CliRunner, args: list[str], code: int, message: str
) -> None:
    result = cli.invoke(eval_app, [*args, "--no-progress"])
    assert result.exit_code == code
    assert message in result.stderr


def test_eval_cli_limit_and_sample_pick_documents(cli: CliRunner) -> None:
    base = ["quotes", str(FIXTURES / "aads"), "--format", "aads", "--split", "all", "--json"]
    first = json.loads(cli.invoke(eval_app, [*base, "--limit", "1", "--no-progress"]).stdout)
    assert first["documents"] == 1 and first["gold_quotes"] == 2
    sampled = cli.invoke(eval_app, [*base, "--limit", "2", "--sample", "--no-progress"])
    assert json.loads(sampled.stdout)["documents"] == 2


def test_eval_cli_refuses_a_changed_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def changed(docs: Sequence[GoldDoc], progress: Any = None) -> Iterator[tuple[Article, int]]:
        for doc in docs:
            runner.text_shift(doc.text, doc.text.replace("é", "e"), doc.source)
            yield _echo(doc), 0

    monkeypatch.setattr(runner, "analyze", changed)
    result = CliRunner().invoke(eval_app, ["quotes", str(FIXTURES / "presse"), "--no-progress"])
    assert result.exit_code == 1
    assert "different text" in result.stderr


@pytest.mark.parametrize(
    ("gold", "article", "shift"),
    [("abc", "abc", 0), ("\n\nabc\n", "abc", 2), ("abc\n", "abc", 0)],
)
def test_eval_cli_text_shift(gold: str, article: str, shift: int) -> None:
    assert runner.text_shift(gold, article, "x") == shift


class _CrashingAnalyzer:
    """Analyzes like `_echo` but crashes on documents whose text contains 'pleut'."""

    def analyze(self, document: Any) -> Article:
        if "pleut" in document.text:
            raise ValueError("boom")
        docs = {d.text: d for d in load_presse_gold(FIXTURES / "presse" / "mini.jsonl")}
        return _echo(docs[document.text])

    def pipe(self, documents: Any, batch_size: int = 16) -> Iterator[Article]:
        for document in documents:
            yield self.analyze(document)


def test_eval_cli_a_crashing_document_is_scored_empty_and_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import presse.analyze.pipeline

    monkeypatch.setattr(presse.analyze.pipeline, "get_analyzer", _CrashingAnalyzer)
    result = CliRunner().invoke(
        eval_app, ["quotes", str(FIXTURES / "presse"), "--json", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["failed_documents"] == [{"doc": "fixture-2", "error": "ValueError: boom"}]
    assert payload["quotes"]["jaccard>0.3"]["fn"] == 2

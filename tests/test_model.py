"""The data model as a contract: every field described, closed vocabularies that list exactly
what the analyzers write."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import ValidationError

from conftest import shared_path
from presse.model import (
    EVIDENCE_VALUES,
    QUOTE_RULES,
    RESOLUTIONS,
    REVIEW_EVIDENCE,
    SPEAKER_FALLBACKS,
    Article,
    Document,
    Mention,
    Quote,
    ResolvedBy,
)

ROOT = Path(__file__).resolve().parent.parent
ANALYZE = ROOT / "src" / "presse" / "analyze"
PRESSE = Path(sys.executable).parent / "presse"


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(model.field, property schema) for every property of the schema and its $defs."""
    models = {"Article": schema, **schema.get("$defs", {})}
    for model, definition in models.items():
        for name, prop in definition.get("properties", {}).items():
            yield f"{model}.{name}", prop


def test_model_every_schema_field_is_described() -> None:
    result = subprocess.run([str(PRESSE), "schema"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    schema = json.loads(result.stdout)
    fields = dict(_properties(schema))
    assert len(fields) > 100 and "Voice.indirect_quotes" in fields
    undescribed = sorted(name for name, prop in fields.items() if not prop.get("description"))
    assert undescribed == []
    assert "mixed" in fields["Voice.indirect_quotes"]["description"]
    for name in ("Mention.start", "Quote.end", "Block.end", "Quote.cue_start"):
        assert "character offset" in fields[name]["description"].lower(), name
    assert "exclusive" in fields["Quote.end"]["description"]


@pytest.mark.parametrize(
    ("field", "registry"),
    [("Mention.resolved_by", RESOLUTIONS), ("Quote.evidence", QUOTE_RULES), ("Quote.evidence", SPEAKER_FALLBACKS),
     ("Quote.evidence", REVIEW_EVIDENCE)],
)
def test_model_closed_vocabularies_are_documented_in_the_schema(field: str, registry: Any) -> None:
    fields = dict(_properties(Article.model_json_schema()))
    prop = fields[field]
    for value, meaning in registry.items():
        assert f"'{value}': {meaning}" in prop["description"]
    expected = EVIDENCE_VALUES if field == "Quote.evidence" else tuple(RESOLUTIONS)
    assert tuple(prop["enum"]) == expected


def _source(name: str) -> str:
    return (ANALYZE / name).read_text(encoding="utf-8")


def test_model_quote_rules_are_exactly_those_the_finder_writes() -> None:
    families = "".join(p.read_text(encoding="utf-8") for p in sorted((ANALYZE / "quotes").glob("*.py")))
    written = set(re.findall(r'"((?:direct|indirect): [^"]+)"', families))
    assert written == set(QUOTE_RULES)
    speakers = _source("quotes/speakers.py")
    fallbacks = set(re.findall(r'evidence \+= "; ([^"]+)"', families))
    assert fallbacks == set(SPEAKER_FALLBACKS)
    # the fallbacks are composed in the order the finder applies them
    finder = _source("quotes/finder.py")
    calls = [finder.index(c) for c in ("sign(ctx, direct)", "continue_voices(ctx, direct)", "resolve(ctx, q)")]
    assert calls == sorted(calls)
    assert [speakers.index(f'"; {f}"') for f in SPEAKER_FALLBACKS] == sorted(
        speakers.index(f'"; {f}"') for f in SPEAKER_FALLBACKS
    )


def test_model_resolutions_are_exactly_those_the_actor_layers_write() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ANALYZE / "actors").glob("*.py")))
    patterns = (
        r'Mention\([^()]*"\w+", "(\w+)"',  # a mention decision: (…, kind, resolved_by)
        r'Merge\([^()]*?"(\w+)"',  # mentions moved to another actor, relabelled
        r'(?:_describe|_tied)\(.*?"(\w+)"',  # a description tied to its actor by (…, how, …)
        r'^\s*(?:return|\)).*, "(\w+)"\s*(?:#.*)?$',  # a resolver's (actor, how) result
    )
    written = {m for p in patterns for m in re.findall(p, source, re.MULTILINE)}
    assert written == set(RESOLUTIONS) == set(get_args(ResolvedBy))


@pytest.mark.parametrize(
    "evidence",
    [
        "direct: dialogue line, cut by an incise",
        "direct: quoted sentence, speaker from context; speaker of the previous quotation; "
        "speaker from context (most salient person)",
        "indirect: incise; speaker from context (most salient person)",
        "direct: quoted sentence, speaker from context; speaker from the signature line below it",
    ],
)
def test_model_evidence_accepts_what_stored_corpora_hold(evidence: str) -> None:
    quote = Quote(id="q1", text="x", start=0, end=1, kind="direct", confidence=0.5, evidence=evidence)
    assert Article.model_validate_json(Article(text="x", quotes=[quote]).model_dump_json()).quotes[0].evidence == evidence


@pytest.mark.parametrize(
    ("make", "value"),
    [
        (lambda v: Quote(id="q1", text="x", start=0, end=1, kind="direct", confidence=0.5, evidence=v), "test"),
        (lambda v: Quote(id="q1", text="x", start=0, end=1, kind="direct", confidence=0.5, evidence=v),
         "direct: incise after the quote; speaker of the previous quotation; speaker of the previous quotation"),
        (lambda v: Mention(start=0, end=1, text="x", kind="name", resolved_by=v), "demonym"),
    ],
)
def test_model_unknown_vocabulary_value_is_refused(make: Any, value: str) -> None:
    with pytest.raises(ValidationError):
        make(value)


@pytest.mark.model
def test_model_analyses_of_real_articles_validate(analyzer: Any, reference_article: Article) -> None:
    path = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in islice(fh, 40)]
    articles = [reference_article] + [
        analyzer.analyze(Document(text=r["text"], title=r.get("title"), id=str(r.get("id"))))
        for r in records
    ]
    rules = set()
    for article in articles:
        # a round trip through JSON, as the store and `presse article` read it
        again = Article.model_validate_json(article.model_dump_json())
        rules |= {q.evidence.split("; ")[0] for q in again.quotes}
        assert {m.resolved_by for e in again.entities for m in e.mentions} <= set(RESOLUTIONS)
    assert len(rules) >= 8

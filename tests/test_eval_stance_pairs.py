"""presse eval stance on version-2 gold (actor pairs): the reference article, hand-annotated."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from presse.eval.stance_pairs import load_gold_v2

REFERENCE = Path(__file__).resolve().parents[1] / "examples" / "anchorage-summit.fr.txt"


def _span(text: str, needle: str, after: int = 0) -> dict:
    start = text.index(needle, after)
    return {"start": start, "end": start + len(needle), "text": needle}


def _record() -> dict:
    text = REFERENCE.read_text(encoding="utf-8")
    threat = text.index("Il menaçait Moscou")
    praise = text.index("Il a multiplié les compliments")
    return {
        "id": "anchorage", "text": text,
        "stances": [
            {"id": "s1", "source": _span(text, "Il", threat), "source_actor": "Donald Trump",
             "target": _span(text, "Poutine", threat), "target_actor": "Vladimir Poutine",
             "polarity": "negative", "via": "reported", "cue": _span(text, "laissait entendre", threat),
             "evidence": {"start": threat, "end": text.index(".", threat)}},
            {"id": "s2", "source": _span(text, "Il", praise), "source_actor": "Vladimir Poutine",
             "target": _span(text, "Trump", praise), "target_actor": "Donald Trump",
             "polarity": "positive", "via": "reported", "cue": _span(text, "compliments", praise),
             "evidence": {"start": praise, "end": text.index(".", praise)}},
            {"id": "s3", "source": _span(text, "Il", praise), "source_actor": "Vladimir Poutine",
             "target": _span(text, "Kiev"), "target_actor": "Kiev",
             "polarity": "negative", "via": "reported", "cue": _span(text, "responsabilité"),
             "evidence": {"start": 0, "end": 10}},
        ],
        "relations": [],
    }


def test_stance_pairs_loader_refuses_a_span_off_its_text(tmp_path: Path) -> None:
    record = _record()
    record["stances"][0]["target"]["start"] += 1
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:1: s1 target text"):
        load_gold_v2([path])


@pytest.mark.model
def test_stance_pairs_cli_scores_actor_pairs_on_the_reference_article(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "presse.cli", "eval", "stance", str(path), "--json"],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    stances = result["stances"]
    assert stances["gold_pairs"] == 3
    assert 0 < stances["found"] <= 3
    assert stances["pair_recall"] == round(stances["found"] / 3, 3)
    assert set(stances["recall_by_via"]) == {"reported"}
    assert result["relations"]["gold_pairs"] == 0


GOLD_DIR = Path(__file__).resolve().parents[1] / "eval" / "gold"


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("stance2-fr-*.jsonl")), ids=lambda p: p.stem)
def test_stance_pairs_bundled_sets_load_and_share_no_article_with_v1_sets(path: Path) -> None:
    records = load_gold_v2([path])
    # test-e holds 338 judgments; test-f 186 (French Wikinews had no more unused articles rich in speech)
    assert len(records) >= 40 and sum(len(r["stances"]) + len(r["relations"]) for r in records) >= 150
    ids = {r["id"] for r in records}
    for other in GOLD_DIR.glob("stance-fr-*.jsonl"):
        assert not ids & {json.loads(line)["id"] for line in other.read_text(encoding="utf-8").splitlines() if line.strip()}

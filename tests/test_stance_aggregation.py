"""One judgment per evidence and per-pair aggregates (presse.analyze.stance.aggregation), and the
reference article's dynamics."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from presse.analyze.stance.aggregation import aggregate_pairs, one_per_evidence
from presse.analyze.stance.records import EdgeRec
from presse.model import Article
from stance_helpers import name

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "anchorage-summit.fr.txt"


def _edge(source: int, target: int, score: float, position: int, sentence: int, via: str = "quote") -> EdgeRec:
    return EdgeRec(source, target, score, via, 0, position, sentence=(sentence, sentence + 10))


@pytest.mark.parametrize(
    ("scores", "swing", "positives", "negatives"),
    [
        ([-0.6, -0.4, 0.7], "negative→positive", 1, 2),
        ([0.5, -0.6], "positive→negative", 1, 1),
        ([0.5, 0.6], None, 2, 0),
    ],
)
def test_aggregation_pair_counts_and_swing(scores, swing, positives, negatives):
    edges = [_edge(0, 1, s, 100 * n, 10 * n) for n, s in enumerate(scores)]
    (pair,) = aggregate_pairs(edges)
    assert (pair.swing, pair.positives, pair.negatives) == (swing, positives, negatives)
    assert (pair.first, pair.last, pair.edges) == (0, 100 * (len(scores) - 1), list(range(len(scores))))


def test_aggregation_one_judgment_per_sentence_quote_first():
    relation = _edge(0, 1, -0.7, 10, 0, via="relation")
    quote = _edge(0, 1, -0.6, 5, 0)
    other = _edge(0, 1, 0.7, 50, 40, via="relation")
    assert one_per_evidence([relation, quote, other]) == [quote, other]
    stronger = _edge(0, 1, -0.9, 12, 0)
    assert one_per_evidence([quote, stronger]) == [stronger]


def _pair(article: Article, source: str, target: str):
    return next((p for p in article.stance_pairs if source in name(article, p.source) and target in name(article, p.target)), None)


def test_aggregation_reference_trump_hostile_then_warm(reference_article):
    pair = _pair(reference_article, "Trump", "Poutine")
    assert pair is not None and pair.swing == "negative→positive" and pair.first_polarity == "negative"
    assert pair.negative >= 1 and pair.positive >= 1 and pair.first < pair.last
    threat = _pair(reference_article, "Trump", "Moscou")
    assert threat is not None and threat.polarity == "negative"


def test_aggregation_reference_putin_warm_to_trump(reference_article):
    pair = _pair(reference_article, "Poutine", "Trump")
    assert pair is not None and pair.polarity == "positive" and pair.negative == 0


@pytest.mark.parametrize("voiceless", ["Kiev", "Zelensky", "Europe", "Ukraine"])
def test_aggregation_reference_without_a_voice(reference_article, voiceless):
    assert not any(voiceless in name(reference_article, e.source) for e in reference_article.stance)
    assert not any(voiceless in name(reference_article, p.source) for p in reference_article.stance_pairs)


def test_aggregation_reference_every_edge_has_its_reason(reference_article):
    assert reference_article.stance
    for e in reference_article.stance:
        assert e.polarity != "neutral" and e.channel in ("quote", "reported", "act")
        assert e.cue and reference_article.text[e.cue_start : e.cue_end] == e.cue
        assert e.evidence_start <= e.cue_start < e.cue_end <= e.evidence_end
        assert e.source != e.target


def test_aggregation_report_lists_the_swing():
    result = subprocess.run([sys.executable, "-m", "presse.cli", "analyze", "--format", "markdown", str(EXAMPLE)],
                            capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    report = result.stdout.decode()
    line = next(line for line in report.splitlines() if line.startswith("- Donald Trump → Vladimir Poutine:"))
    assert "negative→positive (at " in line
    assert "- Vladimir Poutine → Donald Trump:" in report and "steady positive" in report


def test_aggregation_old_analysis_without_channels_still_loads_and_reports(reference_article):
    """An article stored before issue 18 (no channel, cue, evidence offsets, modality, pairs)
    still validates and its Dynamics section still renders, from `via`."""
    from presse.report.dynamics import markdown_dynamics

    data = reference_article.model_dump()
    data.pop("stance_pairs")
    for e in data["stance"]:
        for key in ("channel", "cue", "cue_start", "cue_end", "evidence_start", "evidence_end", "modality"):
            e.pop(key)
    for r in data["relations"]:
        for key in ("in_quote", "evidence_start", "evidence_end"):
            r.pop(key)
    old = Article.model_validate(data)
    assert old.stance_pairs == [] and all(e.channel is None for e in old.stance)
    report = markdown_dynamics(old)
    assert "| relation |" in report or "| quote |" in report
    assert "negative→positive" in report

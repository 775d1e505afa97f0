"""Span matching: character-overlap Jaccard and one-to-one greedy alignment.

A span is a half-open character interval ``(start, end)``. The Jaccard of two spans is
``|A ∩ B| / |A ∪ B|`` over their character positions (the measure the Gender Gap Tracker and
the Radar de Parité publish). Matching at a threshold is one-to-one: all gold–predicted pairs
whose Jaccard is strictly above the threshold are ranked by Jaccard (best first; ties by gold
then prediction order) and taken greedily, each gold and each prediction used at most once.
Greedy-by-best-overlap is what those protocols describe and, unlike maximum bipartite matching,
never trades a near-perfect pair for two mediocre ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Span = tuple[int, int]

EXACT = "exact"
"""The level name of exact matching (same start and same end)."""


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share (0 when disjoint or merely adjacent)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def jaccard(a: Span, b: Span) -> float:
    """Character-overlap Jaccard of two spans, in [0, 1]; two empty spans score 0."""
    inter = overlap(a, b)
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


@dataclass(frozen=True)
class Match:
    """A gold index paired with a predicted index and their Jaccard."""

    gold: int
    pred: int
    score: float


def match_spans(gold: Sequence[Span], pred: Sequence[Span], threshold: float) -> list[Match]:
    """One-to-one greedy matching of pairs with Jaccard strictly above ``threshold``.

    Returns the matches sorted by gold index. ``threshold`` must be in [0, 1); use
    :func:`match_exact` for exact matching.
    """
    if not 0.0 <= threshold < 1.0:
        raise ValueError(f"threshold must be in [0, 1), got {threshold}")
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if overlap(g, p) == 0:
                continue
            score = jaccard(g, p)
            if score > threshold:
                candidates.append((-score, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for neg_score, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matches.append(Match(gi, pi, -neg_score))
    return sorted(matches, key=lambda m: m.gold)


def match_exact(gold: Sequence[Span], pred: Sequence[Span]) -> list[Match]:
    """One-to-one matching of identical spans (a duplicated prediction matches once)."""
    free: dict[Span, list[int]] = {}
    for pi, p in enumerate(pred):
        free.setdefault((p[0], p[1]), []).append(pi)
    matches = []
    for gi, g in enumerate(gold):
        candidates = free.get((g[0], g[1]))
        if candidates:
            matches.append(Match(gi, candidates.pop(0), 1.0))
    return matches


def match_level(gold: Sequence[Span], pred: Sequence[Span], level: float | str) -> list[Match]:
    """Match at a Jaccard threshold (a float) or :data:`EXACT`."""
    if level == EXACT:
        return match_exact(gold, pred)
    return match_spans(gold, pred, float(level))

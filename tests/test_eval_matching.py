"""Tests of character-overlap Jaccard and one-to-one greedy span matching."""

from __future__ import annotations

import pytest

from presse.eval.matching import EXACT, jaccard, match_exact, match_level, match_spans, overlap


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 10), (0, 10), 1.0),
        ((0, 10), (10, 20), 0.0),  # adjacent, no shared character
        ((0, 10), (20, 30), 0.0),
        ((0, 10), (5, 15), 5 / 15),
        ((0, 10), (2, 8), 6 / 10),  # nested
        ((3, 3), (3, 3), 0.0),  # empty spans
        ((0, 4), (3, 3), 0.0),
    ],
)
def test_eval_matching_jaccard_values(
    a: tuple[int, int], b: tuple[int, int], expected: float
) -> None:
    assert jaccard(a, b) == pytest.approx(expected)
    assert jaccard(b, a) == pytest.approx(expected)
    assert overlap(a, b) == overlap(b, a)


@pytest.mark.parametrize(
    ("threshold", "matched"),
    [(0.3, 1), (0.5, 1), (0.6, 0), (0.8, 0)],
)
def test_eval_matching_threshold_is_strict(threshold: float, matched: int) -> None:
    # Jaccard of (0, 10) and (0, 6) is exactly 0.6: "> 0.6" must not match.
    assert len(match_spans([(0, 10)], [(0, 6)], threshold)) == matched


def test_eval_matching_is_one_to_one_and_takes_best_overlap_first() -> None:
    gold = [(0, 10), (12, 30)]
    pred = [(0, 30), (0, 9)]
    matches = match_spans(gold, pred, 0.3)
    # (0, 9) is the best partner of gold 0 (0.9); the long prediction then goes to gold 1.
    assert [(m.gold, m.pred) for m in matches] == [(0, 1), (1, 0)]
    assert matches[0].score == pytest.approx(0.9)


def test_eval_matching_a_prediction_covering_two_quotes_matches_one() -> None:
    matches = match_spans([(0, 10), (11, 20)], [(0, 20)], 0.3)
    assert [(m.gold, m.pred) for m in matches] == [(0, 0)]


def test_eval_matching_ties_go_to_earlier_gold() -> None:
    matches = match_spans([(0, 10), (10, 20)], [(5, 15)], 0.3)
    assert [(m.gold, m.pred) for m in matches] == [(0, 0)]


@pytest.mark.parametrize(
    ("gold", "pred", "pairs"),
    [
        ([(0, 5), (6, 9)], [(6, 9), (0, 5)], [(0, 1), (1, 0)]),
        ([(0, 5)], [(0, 5), (0, 5)], [(0, 0)]),
        ([(0, 5), (0, 5)], [(0, 5)], [(0, 0)]),
        ([(0, 5)], [(0, 6)], []),
        ([], [(0, 6)], []),
    ],
)
def test_eval_matching_exact_pairs(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]], pairs: list[tuple[int, int]]
) -> None:
    assert [(m.gold, m.pred) for m in match_exact(gold, pred)] == pairs
    assert [(m.gold, m.pred) for m in match_level(gold, pred, EXACT)] == pairs


@pytest.mark.parametrize("threshold", [-0.1, 1.0, 2.0])
def test_eval_matching_rejects_threshold_outside_range(threshold: float) -> None:
    with pytest.raises(ValueError):
        match_spans([(0, 1)], [(0, 1)], threshold)

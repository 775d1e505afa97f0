"""Tests of brat parsing and of the fr-litbank and WiNER-fr gold conversions."""

from __future__ import annotations

from pathlib import Path

import pytest

from presse.errors import InputError
from presse.eval.brat import (
    check_offsets,
    find_brat_pairs,
    iter_brat_docs,
    litbank_doc,
    parse_ann,
    read_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
LITBANK = FIXTURES / "litbank"
WINER = FIXTURES / "winer"


@pytest.mark.parametrize(
    ("line", "label", "fragments"),
    [
        ("T1\tCitation 1414 1422;1431 1508\tx", "Citation", ((1414, 1422), (1431, 1508))),
        ("T2\tEntite 3 9\tPierre", "Entite", ((3, 9),)),
        ("T3\tCitation 50 60;10 20;30 40\tx", "Citation", ((10, 20), (30, 40), (50, 60))),
    ],
)
def test_eval_brat_parses_textbound_fragments(
    line: str, label: str, fragments: tuple[tuple[int, int], ...]
) -> None:
    bound = next(iter(parse_ann(line).textbounds.values()))
    assert bound.label == label
    assert bound.fragments == fragments
    assert (bound.start, bound.end) == (fragments[0][0], fragments[-1][1])


@pytest.mark.parametrize(
    "line",
    ["T1\tCitation 12 x\ttext", "T1\tCitation\ttext", "R1\tSource Arg1:T1", "R1\t"],
)
def test_eval_brat_rejects_malformed_lines(line: str) -> None:
    with pytest.raises(InputError):
        parse_ann(line, "bad.ann")


def test_eval_brat_parses_relations_and_skips_notes() -> None:
    annotations = parse_ann((LITBANK / "dialogue.ann").read_text(encoding="utf-8"))
    assert [(r.label, r.arg1, r.arg2) for r in annotations.relations] == [
        ("Source", "T3", "T1"),
        ("Introduction", "T2", "T1"),
        ("Source", "T6", "T4"),
        ("Introduction", "T5", "T4"),
        ("Source", "T8", "T7"),
    ]
    assert set(annotations.textbounds) == {f"T{i}" for i in range(1, 10)}


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("join", ["— Bonjour, dit Pierre, comment allez-vous ?", "— Très bien,", "— Et vous ?"]),
        ("fragments", ["— Bonjour,", "comment allez-vous ?", "— Très bien,", "— Et vous ?"]),
    ],
)
def test_eval_brat_litbank_discontinuous_citation_modes(mode: str, expected: list[str]) -> None:
    text = read_text(LITBANK / "dialogue.txt")
    annotations = parse_ann((LITBANK / "dialogue.ann").read_text(encoding="utf-8"))
    doc = litbank_doc(annotations, text, "dialogue", mode)  # type: ignore[arg-type]
    assert [text[q.start : q.end] for q in doc.quotes] == expected
    assert all(q.kind == "direct" for q in doc.quotes)


def test_eval_brat_litbank_speakers_come_from_source_relations() -> None:
    doc = next(iter_brat_docs(find_brat_pairs([LITBANK]), "quotes"))
    speakers = [q.speaker for q in doc.quotes]
    assert [s.name if s else None for s in speakers] == ["Pierre", "Marie", "Elle"]
    assert all(s is not None and doc.text[s.start : s.end] == s.name for s in speakers)
    assert doc.has_speakers


def test_eval_brat_winer_offsets_count_the_title_line() -> None:
    doc = next(iter_brat_docs(find_brat_pairs([WINER]), "entities", root=WINER))
    assert doc.id == "2016/01/2016_01_01-001"
    assert doc.text.splitlines()[0].startswith("France : Jean-Yves Le Drian")
    got = [(doc.text[e.start : e.end], e.type) for e in doc.entities]
    assert got == [
        ("France", "LOC"),
        ("Jean-Yves Le Drian", "PER"),
        ("Grande Mosquée de Valence", "ORG"),
        ("Valence", "LOC"),
        ("Jean-Yves Le Drian", "PER"),
        ("Valence", "LOC"),
        ("OTAN", "ORG"),
    ]
    assert not doc.quotes


@pytest.mark.parametrize(
    ("ann", "ok"),
    [
        ("T1\tLocation 0 6\tFrance", True),
        ("T1\tLocation 0 6\tFrance\t", True),
        ("T1\tLocation 0 7\tFrance", True),
        ("T1\tLocation 0 6\tParis", False),
        ("T1\tLocation 0 600\tFrance", False),
    ],
)
def test_eval_brat_check_offsets_tolerates_only_invisible_differences(ann: str, ok: bool) -> None:
    text = "France\u200f : titre"
    annotations = parse_ann(ann)
    if ok:
        check_offsets(annotations, text, "x.ann")
    else:
        with pytest.raises(InputError):
            check_offsets(annotations, text, "x.ann")


def test_eval_brat_find_pairs_needs_both_files(tmp_path: Path) -> None:
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "lonely.ann").write_text("", encoding="utf-8")
    assert find_brat_pairs([tmp_path]) == [(tmp_path / "a.ann", tmp_path / "a.txt")]
    with pytest.raises(InputError):
        find_brat_pairs([tmp_path / "lonely.ann"])
    with pytest.raises(InputError):
        find_brat_pairs([tmp_path / "missing"])

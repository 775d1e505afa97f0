"""Gender of the persons presse found, scored against the gold persons' gender.

Fed by :meth:`presse.eval.scoring.QuoteEvaluation` with each pair of a gold person and the person
actor presse matched to it (the pairs of the ``sources`` figures, so both share one matching).
Only gold persons whose gold gender is ``f`` or ``m`` are scored. For a set of scored persons:

- ``coverage`` = persons presse gives a gender / scored persons;
- ``accuracy`` = persons whose gender is right / persons presse gives a gender (the « of them
  right » of the issue's target), and ``agreement`` = right / scored (an unknown gender counts
  as wrong: the ``sources.gender_accuracy`` of ``presse eval quotes``).

Each figure is given for the quoted persons (gold ``quoted``) and for all persons, in total, by
presse's ``gender_evidence`` (which signal decided, ``none`` when presse gives no gender) and by
the gold ``gender_source`` (``text``, ``knowledge``, ``first_name``; ``unsourced`` when the gold
file does not say).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presse.eval.gold import GoldPerson
    from presse.eval.scoring import PredPerson

SCOPES = ("quoted", "all")


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


@dataclass
class GenderCounts:
    """Scored persons, those given a gender, and those given the right one."""

    scored: int = 0
    given: int = 0
    right: int = 0

    def add(self, gold: str, pred: str | None) -> None:
        """Count one scored person: gold gender ``gold`` (f or m), presse's ``pred``."""
        self.scored += 1
        self.given += pred is not None
        self.right += pred == gold

    def as_dict(self) -> dict[str, Any]:
        """The counts with coverage, accuracy (right / given) and agreement (right / scored)."""
        return {
            "scored": self.scored,
            "given": self.given,
            "right": self.right,
            "coverage": _ratio(self.given, self.scored),
            "accuracy": _ratio(self.right, self.given),
            "agreement": _ratio(self.right, self.scored),
        }


@dataclass(frozen=True)
class GenderError:
    """A scored person whose gender presse got wrong or left unknown."""

    doc: str
    gold_name: str
    gold_gender: str
    gold_source: str | None
    name: str
    gender: str | None
    evidence: str | None
    overruled: tuple[str, ...]
    quoted: bool

    def as_dict(self) -> dict[str, Any]:
        """The error as a JSON object."""
        return {
            "doc": self.doc,
            "gold": {"name": self.gold_name, "gender": self.gold_gender, "gender_source": self.gold_source},
            "presse": {
                "name": self.name,
                "gender": self.gender,
                "gender_evidence": self.evidence,
                "gender_overruled": list(self.overruled),
            },
            "quoted": self.quoted,
        }


@dataclass
class GenderScores:
    """Gender counts of matched persons, in total, by evidence and by gold source, per scope."""

    total: dict[str, GenderCounts] = field(default_factory=lambda: {s: GenderCounts() for s in SCOPES})
    by_evidence: dict[str, dict[str, GenderCounts]] = field(default_factory=lambda: {s: {} for s in SCOPES})
    by_source: dict[str, dict[str, GenderCounts]] = field(default_factory=lambda: {s: {} for s in SCOPES})
    errors: list[GenderError] = field(default_factory=list)

    def add(self, doc: str, gold: GoldPerson, pred: PredPerson) -> None:
        """Score the gender of `pred`, the person actor matched to the gold person `gold`."""
        if gold.gender not in ("f", "m"):
            return
        evidence = pred.gender_evidence or "none"
        source = gold.gender_source or "unsourced"
        for scope in SCOPES:
            if scope == "quoted" and not gold.quoted:
                continue
            self.total[scope].add(gold.gender, pred.gender)
            self.by_evidence[scope].setdefault(evidence, GenderCounts()).add(gold.gender, pred.gender)
            self.by_source[scope].setdefault(source, GenderCounts()).add(gold.gender, pred.gender)
        if pred.gender != gold.gender:
            self.errors.append(
                GenderError(
                    doc, gold.name, gold.gender, gold.gender_source, pred.name, pred.gender,
                    pred.gender_evidence, pred.gender_overruled, gold.quoted,
                )
            )

    def figures(self) -> dict[str, Any]:
        """Per scope: the total, by evidence and by gold source, as JSON-ready dicts."""
        return {
            scope: {
                "total": self.total[scope].as_dict(),
                "by_evidence": {k: c.as_dict() for k, c in sorted(self.by_evidence[scope].items())},
                "by_gold_source": {k: c.as_dict() for k, c in sorted(self.by_source[scope].items())},
            }
            for scope in SCOPES
        }

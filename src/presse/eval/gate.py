"""The CI gate: score a fixed small subset and compare with committed floors.

The subset is fixed here so that figures are comparable from one commit to the next:

- ``dev_gold``: every ``eval/gold/wikinews-fr-dev-*.jsonl`` file of the repository (presse gold);
- ``litbank``: the first :data:`LITBANK_DOCS` fr-litbank documents in sorted path order, scored
  on presse's direct and mixed quotes (the corpus marks direct speech only: a reported speech act
  presse rightly finds there is no error);
- ``winer``: the first :data:`WINER_DOCS` WiNER-fr documents in sorted path order.

Floors live in ``eval/floors.json`` as ``{"floors": {"<metric>": <float>}}``. A measured figure
below its floor, or a floored figure that cannot be measured, breaks the gate. Floors are only
ever raised by :func:`updated_floors`; lowering one takes an explicit ``lower=True``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presse.errors import InputError
from presse.eval.brat import find_brat_pairs, iter_brat_docs
from presse.eval.gold import GoldDoc, load_presse_gold
from presse.eval.runner import Failure, analyze, progress_bar, raw_entities
from presse.eval.scoring import (
    EntityEvaluation,
    QuoteEvaluation,
    entities_from_article,
    entities_from_spans,
    quotes_from_article,
)

FLOORS_FILE = Path("eval") / "floors.json"
DEV_GOLD_GLOB = "wikinews-fr-dev-*.jsonl"
LITBANK_DIR = Path("data") / "fr-litbank-citations"
WINER_DIR = Path("data") / "winer-fr-ner"
LITBANK_DOCS = 2
WINER_DOCS = 60

METRICS = (
    "dev_gold.quotes_f1@0.3",
    "dev_gold.speaker_accuracy",
    "litbank.direct_f1@0.3",
    "winer.PER_f1",
    "winer.ORG_f1",
    "winer.LOC_f1",
)
"""The figures the gate measures, in report order."""


def find_root(start: Path | None = None) -> Path:
    """The repository root: the first of ``start`` (default: the working directory) and its
    parents holding ``eval/floors.json``, else the source checkout this module lives in.

    Raises :class:`InputError` when neither has a floors file.
    """
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / FLOORS_FILE).is_file():
            return candidate
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / FLOORS_FILE).is_file():
        return checkout
    raise InputError(str(here), f"no {FLOORS_FILE} here or above", "run from the presse repository")


def shared_dir(root: Path) -> Path:
    """The shared data folder, ``../shared`` relative to the repository root."""
    return root.parent / "shared"


def gate_subset(root: Path) -> dict[str, list[GoldDoc]]:
    """The gold documents of the fixed CI subset, by part (``dev_gold``, ``litbank``, ``winer``).

    Raises :class:`InputError` when a part's data is missing.
    """
    gold_files = sorted((root / "eval" / "gold").glob(DEV_GOLD_GLOB))
    if not gold_files:
        raise InputError(str(root / "eval" / "gold"), f"no {DEV_GOLD_GLOB} gold file")
    shared = shared_dir(root)
    for folder in (LITBANK_DIR, WINER_DIR):
        if not (shared / folder).is_dir():
            raise InputError(str(shared / folder), "shared corpus missing")
    litbank_pairs = find_brat_pairs([shared / LITBANK_DIR])[:LITBANK_DOCS]
    winer_pairs = find_brat_pairs([shared / WINER_DIR])[:WINER_DOCS]
    return {
        "dev_gold": [doc for f in gold_files for doc in load_presse_gold(f)],
        "litbank": list(iter_brat_docs(litbank_pairs, "quotes", root=shared / LITBANK_DIR)),
        "winer": list(iter_brat_docs(winer_pairs, "entities", root=shared / WINER_DIR)),
    }


def measure(root: Path, show_progress: bool = False) -> dict[str, Any]:
    """Analyze the CI subset once and return every gate figure plus the document counts.

    Returns ``{"figures": {metric: value or None}, "documents": {...}, "items": {...},
    "raw_spacy": {...}, "failed_documents": [...]}``; raw spaCy's WiNER F1 is reported for
    reference, not gated. A document presse crashes on is scored with no predictions and listed
    in ``failed_documents``, which breaks the gate on its own.
    """
    parts = gate_subset(root)
    docs = [doc for part in parts.values() for doc in part]
    gold_eval = QuoteEvaluation(dataset="dev_gold")
    litbank_eval = QuoteEvaluation(dataset="litbank", mention_gold=True, direct_only_gold=True)
    winer_eval = EntityEvaluation(system="presse", keep_errors=False)
    raw_eval = EntityEvaluation(system="raw", keep_errors=False)
    part_of = {id(doc): name for name, part in parts.items() for doc in part}
    failures: list[str] = []
    with progress_bar(show_progress) as progress:
        for doc, (article, shift) in zip(docs, analyze(docs, progress), strict=True):
            part = part_of[id(doc)]
            if isinstance(article, Failure):
                failures.append(f"{part}/{article.doc}: {article.error}")
            elif part == "dev_gold":
                gold_eval.add(doc, quotes_from_article(article, shift))
            elif part == "litbank":
                litbank_eval.add(doc, quotes_from_article(article, shift))
            else:
                winer_eval.add(doc, entities_from_article(article, shift))
        for doc, spans in zip(parts["winer"], raw_entities(parts["winer"], progress), strict=True):
            raw_eval.add(doc, entities_from_spans(spans))
    figures = {
        "dev_gold.quotes_f1@0.3": gold_eval.levels["jaccard>0.3"].f1,
        "dev_gold.speaker_accuracy": gold_eval.speaker_accuracy,
        "litbank.direct_f1@0.3": litbank_eval.direct_only["jaccard>0.3"].f1,
        **{f"winer.{t}_f1": winer_eval.types[t].f1 for t in ("PER", "ORG", "LOC")},
    }
    return {
        "figures": {k: None if v is None else round(v, 4) for k, v in figures.items()},
        "documents": {name: len(part) for name, part in parts.items()},
        "items": {
            "dev_gold": gold_eval.gold_quotes,
            "litbank": litbank_eval.gold_quotes,
            "winer": winer_eval.gold_entities,
        },
        "raw_spacy": {f"winer.{t}_f1": _r(raw_eval.types[t].f1) for t in ("PER", "ORG", "LOC")},
        "failed_documents": failures,
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def read_floors(path: Path) -> dict[str, float]:
    """The ``floors`` mapping of a floors file. Raises :class:`InputError` if malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read the floors: {exc}") from exc
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in floors.values()
    ):
        raise InputError(str(path), 'expected {"floors": {"metric": number, ...}}')
    return {str(k): float(v) for k, v in floors.items()}


def write_floors(path: Path, floors: dict[str, float]) -> None:
    """Rewrite the floors in ``path``, keeping its other keys (the comment)."""
    data: dict[str, Any] = {}
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
    data["floors"] = {k: floors[k] for k in sorted(floors, key=_metric_order)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _metric_order(metric: str) -> tuple[int, str]:
    return (METRICS.index(metric) if metric in METRICS else len(METRICS), metric)


@dataclass(frozen=True)
class Breach:
    """A floor the measured figure is below (``measured`` None: could not be measured)."""

    metric: str
    floor: float
    measured: float | None

    def __str__(self) -> str:
        got = "not measured" if self.measured is None else f"{self.measured:.4f}"
        return f"{self.metric}: {got} < floor {self.floor:.2f}"


def compare(figures: dict[str, float | None], floors: dict[str, float]) -> list[Breach]:
    """The floors broken by ``figures``, in metric order."""
    breaches = []
    for metric in sorted(floors, key=_metric_order):
        value = figures.get(metric)
        if value is None or value < floors[metric]:
            breaches.append(Breach(metric, floors[metric], value))
    return breaches


def floor_of(value: float) -> float:
    """``value`` rounded down to 0.01 (0.8649 → 0.86; 0.87 stays 0.87 despite float error)."""
    return math.floor(value * 100 + 1e-6) / 100


def updated_floors(
    floors: dict[str, float], figures: dict[str, float | None], lower: bool = False
) -> tuple[dict[str, float], list[str]]:
    """New floors from measured figures and a description of each change.

    A floor rises to the figure rounded down to 0.01 when that is higher; it goes down only
    with ``lower``. Metrics without a floor get one; unmeasured figures change nothing.
    """
    new = dict(floors)
    changes = []
    for metric, value in figures.items():
        if value is None:
            continue
        target = floor_of(value)
        old = floors.get(metric)
        if old is None or target > old or (lower and target < old):
            new[metric] = target
            changes.append(f"{metric}: {'none' if old is None else f'{old:.2f}'} → {target:.2f}")
    return new, changes

"""Scoring presse's stance edges and relations at the actor level, on stance gold version 2.

The gold format and the definitions are in docs/stance-guidelines.md (version 2): each article
lists ``stances`` (source actor → target actor, ``negative`` or ``positive``, ``via`` quote /
reported / act, with the cue and the evidence sentence) and ``relations`` (agent actor → patient
actor, verb lemma and ``effect``).

What is measured, per set:

- **pair recall**: the share of gold (source_actor, target_actor) pairs for which presse emits at
  least one stance edge between the same two canonical actors (names compared as for speakers:
  :func:`presse.eval.scoring.same_actor_name`, surname for persons), overall and by ``via``;
- **polarity accuracy on found pairs**: the pair's gold polarity is the majority of its
  judgments (a tie is ``mixed`` and left out); presse's is the sign of the sum of its edges'
  scores (0 is ``neutral``, which is never right); compared with the majority-label baseline
  (always answering the most frequent gold label of the found pairs);
- **pair agreement**: the share of predicted pairs that are gold pairs — a lower bound of
  precision, since the gold is exhaustive only for clear cases; precision proper is judged by hand
  on a sample (:func:`predicted_edges` lists them with their evidence sentence);
- the same recall and agreement for **relations** (agent, patient), and the effect accuracy on
  the found ones.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presse.eval.scoring import same_actor_name
from presse.model import Article

STANCE_POLARITIES = ("negative", "positive")
VIAS = ("quote", "reported", "act")
EFFECTS = ("negative", "positive", "neutral")


def is_v2(record: dict[str, Any]) -> bool:
    """Whether a stance gold record is in version 2 (it has a ``stances`` list)."""
    return "stances" in record


def _check_span(record: dict[str, Any], item: dict[str, Any], key: str, where: str) -> None:
    span = item.get(key)
    if span is None or span.get("start") is None:
        return
    text = record["text"][span["start"] : span["end"]]
    if "text" in span and span["text"] != text:
        raise ValueError(f"{where}: {item.get('id')} {key} text {span['text']!r} is not "
                         f"text[{span['start']}:{span['end']}] = {text!r}")


def load_gold_v2(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The records of stance gold files in version 2, checked: every span's text equals the
    text at its offsets, labels are in range, no actor is its own target. Raises ValueError
    naming the file, line and item otherwise."""
    records: list[dict[str, Any]] = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{where}: not JSON ({exc.msg})") from exc
                if not is_v2(record):
                    raise ValueError(f"{where}: no 'stances' list (not stance gold version 2)")
                for item in record["stances"]:
                    for key in ("source", "target", "cue", "evidence"):
                        _check_span(record, item, key, where)
                    if item.get("polarity") not in STANCE_POLARITIES:
                        raise ValueError(f"{where}: {item.get('id')} has polarity {item.get('polarity')!r}")
                    if item.get("via") not in VIAS:
                        raise ValueError(f"{where}: {item.get('id')} has via {item.get('via')!r}")
                for item in record.get("relations", []):
                    for key in ("agent", "patient", "verb", "evidence"):
                        _check_span(record, item, key, where)
                    if item.get("effect") not in EFFECTS:
                        raise ValueError(f"{where}: {item.get('id')} has effect {item.get('effect')!r}")
                records.append(record)
    return records


@dataclass(frozen=True)
class PredActor:
    """A predicted actor: canonical name and whether it is a person (for surname matching)."""

    name: str
    person: bool


@dataclass
class PredPair:
    """Every predicted edge between two actors of one article."""

    source: PredActor
    target: PredActor
    scores: list[float]
    positions: list[int]
    kinds: list[str]

    def polarity(self) -> str:
        total = sum(self.scores)
        return "positive" if total > 0 else "negative" if total < 0 else "neutral"


def _actors(article: Article) -> dict[str, PredActor]:
    return {e.id: PredActor(e.name, e.type == "PER") for e in article.entities}


def _group(
    actors: dict[str, PredActor], items: Iterable[tuple[str, str, float, int, str]]
) -> list[PredPair]:
    """(source id, target id, score, position, kind) items grouped by their two actors; edges
    whose actors are unknown or the same are dropped."""
    pairs: dict[tuple[PredActor, PredActor], PredPair] = {}
    for source_id, target_id, score, position, kind in items:
        source, target = actors.get(source_id), actors.get(target_id)
        if source is None or target is None or source == target:
            continue
        pair = pairs.setdefault((source, target), PredPair(source, target, [], [], []))
        pair.scores.append(score)
        pair.positions.append(position)
        pair.kinds.append(kind)
    return list(pairs.values())


def stance_pairs(article: Article) -> list[PredPair]:
    """presse's stance edges of one article grouped by (source actor, target actor)."""
    return _group(_actors(article), ((e.source, e.target, e.score, e.position, e.via)
                                     for e in article.stance))


def relation_pairs(article: Article) -> list[PredPair]:
    """presse's relations of one article grouped by (agent actor, patient actor)."""
    return _group(_actors(article), ((r.subject, r.object, r.score, r.position, r.predicate)
                                     for r in article.relations))


def _majority(labels: Sequence[str]) -> str:
    counts = Counter(labels).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return "mixed"
    return counts[0][0]


def _match(gold_key: tuple[str, str], pred: Sequence[PredPair], used: set[int]) -> int | None:
    for index, pair in enumerate(pred):
        if index in used:
            continue
        if same_actor_name(gold_key[0], pair.source.name, pair.source.person) and same_actor_name(
            gold_key[1], pair.target.name, pair.target.person
        ):
            return index
    return None


@dataclass
class PairScore:
    """Counts behind the pair figures of one layer (stances or relations)."""

    gold_pairs: int = 0
    found: int = 0
    pred_pairs: int = 0
    pred_matched: int = 0
    polarity_right: int = 0
    polarity_judged: int = 0
    by_via: dict[str, list[int]] | None = None
    found_labels: list[str] | None = None

    def as_dict(self) -> dict[str, Any]:
        labels = self.found_labels or []
        majority_label, majority_count = (Counter(labels).most_common(1) or [("", 0)])[0]
        out: dict[str, Any] = {
            "gold_pairs": self.gold_pairs,
            "found": self.found,
            "pair_recall": _ratio(self.found, self.gold_pairs),
            "pred_pairs": self.pred_pairs,
            "pair_agreement": _ratio(self.pred_matched, self.pred_pairs),
            "polarity_judged": self.polarity_judged,
            "polarity_accuracy": _ratio(self.polarity_right, self.polarity_judged),
            "majority_label": majority_label,
            "majority_baseline": _ratio(majority_count, len(labels)),
        }
        if self.by_via is not None:
            out["recall_by_via"] = {
                via: {"gold_pairs": total, "found": hit, "recall": _ratio(hit, total)}
                for via, (hit, total) in sorted(self.by_via.items())
            }
        return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def score_layer(
    gold: dict[tuple[str, str], list[tuple[str, str]]], pred: Sequence[PredPair], score: PairScore
) -> None:
    """Add one article's gold pairs (key → list of (label, via)) and predicted pairs to `score`."""
    used: set[int] = set()
    score.gold_pairs += len(gold)
    score.pred_pairs += len(pred)
    for key, judgments in gold.items():
        index = _match(key, pred, used)
        vias = {via for _, via in judgments}
        if score.by_via is not None:
            for via in vias:
                counts = score.by_via.setdefault(via, [0, 0])
                counts[1] += 1
                counts[0] += index is not None
        if index is None:
            continue
        used.add(index)
        score.found += 1
        label = _majority([label for label, _ in judgments])
        if label == "mixed":
            continue
        assert score.found_labels is not None
        score.found_labels.append(label)
        score.polarity_judged += 1
        score.polarity_right += pred[index].polarity() == label
    score.pred_matched += len(used)


def evaluate_v2(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Analyze each record's text with presse and score its stance edges and relations against
    the gold pairs (see the module docstring)."""
    from presse.analyze.pipeline import get_analyzer
    from presse.model import Document

    analyzer = get_analyzer()
    articles = list(analyzer.pipe([Document(text=r["text"]) for r in records]))
    stances = PairScore(by_via={}, found_labels=[])
    relations = PairScore(found_labels=[])
    for record, article in zip(records, articles, strict=True):
        gold_s: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for item in record["stances"]:
            gold_s[(item["source_actor"], item["target_actor"])].append((item["polarity"], item["via"]))
        gold_r: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for item in record.get("relations", []):
            gold_r[(item["agent_actor"], item["patient_actor"])].append((item["effect"], "act"))
        score_layer(gold_s, stance_pairs(article), stances)
        score_layer(gold_r, relation_pairs(article), relations)
    return {
        "articles": len(records),
        "stance_judgments": sum(len(r["stances"]) for r in records),
        "relation_judgments": sum(len(r.get("relations", [])) for r in records),
        "stances": stances.as_dict(),
        "relations": relations.as_dict(),
    }


def predicted_edges(article: Article) -> list[dict[str, Any]]:
    """Every predicted stance pair of an article with its polarity and the sentence of its first
    evidence, for judging precision by hand."""
    out = []
    for pair in stance_pairs(article):
        at = pair.positions[0]
        start = max(article.text.rfind(". ", 0, at) + 2, article.text.rfind("\n", 0, at) + 1, 0)
        ends = [i for i in (article.text.find(". ", at), article.text.find("\n", at)) if i >= 0]
        end = min(ends) + 1 if ends else len(article.text)
        out.append({
            "source": pair.source.name, "target": pair.target.name, "polarity": pair.polarity(),
            "edges": len(pair.scores), "evidence": article.text[start:end].strip(),
        })
    return out


def pairs_table(result: dict[str, Any]) -> str:
    """A plain-text table of :func:`evaluate_v2`'s figures."""
    lines = [f"{result['articles']} articles, {result['stance_judgments']} stance judgments, "
             f"{result['relation_judgments']} relations"]
    for layer in ("stances", "relations"):
        r = result[layer]
        lines.append(
            f"{layer:10} pairs {r['gold_pairs']:4}  recall {r['pair_recall']}  "
            f"agreement {r['pair_agreement']} ({r['pred_pairs']} predicted)  "
            f"polarity {r['polarity_accuracy']} on {r['polarity_judged']} "
            f"(majority '{r['majority_label']}' {r['majority_baseline']})"
        )
        for via, v in (r.get("recall_by_via") or {}).items():
            lines.append(f"  via {via:9} pairs {v['gold_pairs']:4}  recall {v['recall']}")
    return "\n".join(lines)

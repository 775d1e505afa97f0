"""Scoring presse's stance layer on hand-annotated quote→target polarity and relation triples.

Gold format (``eval/gold/stance-fr-dev.jsonl``, one article a line; see docs/stance-guidelines.md)::

    {"id", "url", "date", "title", "license", "text",
     "quote_targets": [{"id", "quote": {start, end, text}, "source": {text[, start, end]},
                        "target": {start, end, text}, "polarity"}],
     "relations": [{"id", "subject": {start, end, text}, "predicate": {start, end, text},
                    "object": {start, end, text}, "polarity", "context": {start, end}}]}

Figures (each against the majority-class baseline, accuracy and macro-F1 over positive / negative
/ neutral):

- ``quote_targets.oracle``: the polarity rules applied to the gold quote span and gold target
  (cue = the predicted quote's cue when one overlaps the gold quote, else the word governing the
  span): measures the polarity model alone, on every judgment;
- ``quote_targets.pipeline``: end to end — the predicted quote overlapping the gold quote and its
  predicted target whose actor has a mention overlapping the gold target; a judgment the pipeline
  does not produce counts as neutral (no stance asserted), and ``coverage`` says how many it did;
- ``relations``: recall of gold triples among predicted relations (subject and object actors with a
  mention overlapping the gold spans, predicate overlapping), and polarity on the matched ones;
  ``relations.oracle`` scores the predicate polarity of every gold triple.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

LABELS = ("positive", "negative", "neutral")


@dataclass(frozen=True)
class ClassScores:
    """Accuracy and macro-F1 of predictions against gold labels, with the majority baseline."""

    n: int
    accuracy: float
    macro_f1: float
    per_class_f1: dict[str, float]
    majority_label: str
    majority_accuracy: float
    majority_macro_f1: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n, "accuracy": round(self.accuracy, 3), "macro_f1": round(self.macro_f1, 3),
            "per_class_f1": {k: round(v, 3) for k, v in self.per_class_f1.items()},
            "majority_label": self.majority_label,
            "majority_accuracy": round(self.majority_accuracy, 3),
            "majority_macro_f1": round(self.majority_macro_f1, 3),
        }


def _f1s(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float]:
    out = {}
    for lab in LABELS:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def class_scores(gold: Sequence[str], pred: Sequence[str]) -> ClassScores:
    """Accuracy and macro-F1 (mean F1 over positive, negative, neutral) of `pred` against `gold`,
    and the same for a baseline that always answers the most frequent gold label."""
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    if not gold:
        return ClassScores(0, 0.0, 0.0, dict.fromkeys(LABELS, 0.0), "neutral", 0.0, 0.0)
    f1 = _f1s(gold, pred)
    majority = Counter(gold).most_common(1)[0][0]
    base = [majority] * len(gold)
    base_f1 = _f1s(gold, base)
    return ClassScores(
        n=len(gold),
        accuracy=sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold),
        macro_f1=sum(f1.values()) / len(LABELS),
        per_class_f1=f1,
        majority_label=majority,
        majority_accuracy=sum(1 for g in gold if g == majority) / len(gold),
        majority_macro_f1=sum(base_f1.values()) / len(LABELS),
    )


def load_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The gold articles of every file, checking that each span's text matches the article text.

    Raises ValueError naming the file, article and item of the first inconsistent span.
    """
    records = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec["text"]
            for item in [*rec.get("quote_targets", []), *rec.get("relations", [])]:
                for role in ("quote", "target", "subject", "predicate", "object"):
                    span = item.get(role)
                    if span is not None and text[span["start"] : span["end"]] != span["text"]:
                        raise ValueError(f"{path}:{number}: {rec['id']} {item['id']} {role} offsets do not match its text")
                if item.get("polarity") not in LABELS:
                    raise ValueError(f"{path}:{number}: {rec['id']} {item['id']} has polarity {item.get('polarity')!r}")
            records.append(rec)
    return records


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _entity_covers(article: Any, entity_id: str, start: int, end: int) -> bool:
    ent = article.entity(entity_id)
    return ent is not None and any(_overlaps(m.start, m.end, start, end) for m in ent.mentions)


def evaluate(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Run presse (with presse_stance) on every gold article and score it (see module doc)."""
    from presse import __version__
    from presse.analyze.convert import doc_to_article
    from presse.analyze.convert_stance import add_stance
    from presse.analyze.pipeline import get_analyzer
    from presse.analyze.polarity import label
    from presse.analyze.stance import governing_cue, predicate_polarity, target_score
    from presse.model import Document

    analyzer = get_analyzer()
    if "presse_stance" not in analyzer.nlp.pipe_names:
        import presse.analyze.stance  # noqa: F401  (registers the factory)

        analyzer.nlp.add_pipe("presse_stance", last=True)
    gold_q: list[str] = []
    oracle_q: list[str] = []
    pipe_q: list[str] = []
    covered = 0
    gold_r: list[str] = []
    oracle_r: list[str] = []
    matched_gold_r: list[str] = []
    matched_pred_r: list[str] = []
    predicted_relations = 0
    for rec in records:
        doc, text = analyzer._prepare(Document(text=rec["text"], id=rec["id"]))
        doc = analyzer.nlp(doc)
        article = add_stance(
            doc_to_article(doc, text, Document(text=rec["text"], id=rec["id"]), presse_version=__version__, model=analyzer.model_label),
            doc,
        )
        qrecs = doc._.presse_quotes.quotes
        for item in rec.get("quote_targets", []):
            gq, gt = item["quote"], item["target"]
            gold_q.append(item["polarity"])
            qspan = _span(doc, gq["start"], gq["end"])
            tspan = _span(doc, gt["start"], gt["end"])
            best = max(
                (n for n, q in enumerate(article.quotes) if _overlaps(q.start, q.end, gq["start"], gq["end"])),
                key=lambda n: min(article.quotes[n].end, gq["end"]) - max(article.quotes[n].start, gq["start"]),
                default=None,
            )
            cue = qrecs[best].cue if best is not None else None
            if cue is None and qspan is not None:
                cue = governing_cue(qspan)
            oracle_q.append(label(target_score(doc, qspan, cue, tspan)) if qspan is not None and tspan is not None else "neutral")
            predicted = "neutral"
            if best is not None:
                for target in article.quotes[best].targets:
                    if _overlaps(target.start, target.end, gt["start"], gt["end"]) or _entity_covers(article, target.entity, gt["start"], gt["end"]):
                        predicted = target.polarity
                        covered += 1
                        break
            pipe_q.append(predicted)
        predicted_relations += len(article.relations)
        for item in rec.get("relations", []):
            gold_r.append(item["polarity"])
            pspan = _span(doc, item["predicate"]["start"], item["predicate"]["end"])
            oracle_r.append(label(predicate_polarity(pspan.root)) if pspan is not None else "neutral")
            s, p, o = item["subject"], item["predicate"], item["object"]
            for rel in article.relations:
                if not _overlaps(rel.predicate_start, rel.predicate_end, p["start"], p["end"]):
                    continue
                if (_overlaps(rel.subject_start, rel.subject_end, s["start"], s["end"]) or _entity_covers(article, rel.subject, s["start"], s["end"])) and (
                    _overlaps(rel.object_start, rel.object_end, o["start"], o["end"]) or _entity_covers(article, rel.object, o["start"], o["end"])
                ):
                    matched_gold_r.append(item["polarity"])
                    matched_pred_r.append(rel.polarity)
                    break
    return {
        "articles": len(records),
        "quote_targets": {
            "oracle": class_scores(gold_q, oracle_q).as_dict(),
            "pipeline": {**class_scores(gold_q, pipe_q).as_dict(), "coverage": covered},
        },
        "relations": {
            "gold": len(gold_r),
            "predicted": predicted_relations,
            "matched": len(matched_gold_r),
            "recall": round(len(matched_gold_r) / len(gold_r), 3) if gold_r else 0.0,
            "matched_polarity": class_scores(matched_gold_r, matched_pred_r).as_dict(),
            "oracle": class_scores(gold_r, oracle_r).as_dict(),
        },
    }


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def stance_table(result: dict[str, Any]) -> str:
    rows = [("quote→target, gold quotes (oracle)", result["quote_targets"]["oracle"]),
            ("quote→target, end to end", result["quote_targets"]["pipeline"]),
            ("relation predicate polarity (gold triples)", result["relations"]["oracle"]),
            ("relation polarity, matched triples", result["relations"]["matched_polarity"])]
    lines = ["| task | n | accuracy | macro-F1 | majority acc. | majority macro-F1 |", "|---|---:|---:|---:|---:|---:|"]
    for name, s in rows:
        lines.append(f"| {name} | {s['n']} | {s['accuracy']:.3f} | {s['macro_f1']:.3f} | {s['majority_accuracy']:.3f} | {s['majority_macro_f1']:.3f} |")
    lines.append("")
    for name, s in rows:
        f1 = ", ".join(f"{k} {v:.3f}" for k, v in s["per_class_f1"].items())
        lines.append(f"per-class F1, {name}: {f1}")
    r = result["relations"]
    lines.append("")
    lines.append(f"quote→target coverage end to end: {result['quote_targets']['pipeline']['coverage']}/{result['quote_targets']['pipeline']['n']}; "
                 f"relation triples found: {r['matched']}/{r['gold']} (recall {r['recall']:.3f}), {r['predicted']} relations predicted")
    return "\n".join(lines)

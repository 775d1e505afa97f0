"""Convert stance gold version 1 (quote_targets + relation triples) into version 2 for development.

Usage: ``python scripts/stance_v1_to_v2.py OUT.jsonl IN.jsonl [IN.jsonl ...]``

What the conversion does (docs/stance-guidelines.md gives both versions):

- **text**: version 1 holds the corpus body alone; version 2 is ``title + "\\n\\n" + body``, so every
  span is shifted by ``len(title) + 2``.
- **stances**: each non-neutral ``quote_targets`` item becomes one stance, ``via`` ``quote`` when its
  quote lies between « » in the text, ``reported`` otherwise; each non-neutral relation triple
  becomes one stance too, ``via`` ``reported`` when its predicate's lemma is a reporting verb of
  presse's lexicon (accuser, dénoncer…), ``act`` otherwise. Neutral judgments are dropped (version 2
  has no neutral stance). ``cue`` is the predicate for relations and null for quote items (version 1
  did not mark it); ``evidence`` is the quote or the relation's context.
- **relations**: every triple, with ``lemma`` from spaCy's lemma of the predicate's first word and
  ``effect`` its polarity.
- **canonical actor names** (version 1 has mention texts only): the name of the presse entity that
  has a mention overlapping the gold mention (presse's actor layer, which this work does not
  change, so the names are stable across the stance changes measured); when no presse mention
  overlaps, the gold mention text without its leading determiner. A source without offsets is
  looked up by its text among presse's entity names and mentions. This borrows presse's
  coreference for pronouns and descriptions, so the converted figures are a development measure,
  not a blind one.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import spacy

from presse.analyze.pipeline import get_analyzer
from presse.lexicons import reporting_verb
from presse.model import Article, Document

DETERMINER = re.compile(r"^(?:l['’]|le |la |les |un |une |des |du |de la |de l['’]|d['’]|de |ce |cette |ces |son |sa |ses )", re.I)


def _span(item: dict[str, Any] | None, shift: int) -> dict[str, Any] | None:
    if item is None or item.get("start") is None:
        return None
    return {"start": item["start"] + shift, "end": item["end"] + shift, "text": item["text"]}


def _name(article: Article, span: dict[str, Any] | None, text: str) -> str:
    """The canonical name of the actor a gold mention names (see the module docstring)."""
    if span is not None:
        best, overlap = None, 0
        for entity in article.entities:
            for m in entity.mentions:
                common = min(m.end, span["end"]) - max(m.start, span["start"])
                if common > overlap:
                    best, overlap = entity, common
        if best is not None:
            return best.name
    else:
        key = text.casefold()
        for entity in article.entities:
            if entity.name.casefold() == key or any(m.text.casefold() == key for m in entity.mentions):
                return entity.name
    return DETERMINER.sub("", text.strip()) or text


def _in_quote_marks(text: str, start: int) -> bool:
    before = text[text.rfind("\n", 0, start) + 1 : start + 1]
    return before.count("«") > before.count("»")


def convert(record: dict[str, Any], article: Article, lemmas: dict[int, str]) -> dict[str, Any]:
    """One version-2 record from a version-1 record and presse's analysis of its version-2 text."""
    title = record.get("title") or ""
    shift = len(title) + 2 if title else 0
    text = article.text
    stances: list[dict[str, Any]] = []
    for item in record.get("quote_targets", []):
        if item["polarity"] == "neutral":
            continue
        source, target, quote = _span(item.get("source"), shift), _span(item["target"], shift), _span(item["quote"], shift)
        assert quote is not None and target is not None
        stances.append({
            "id": f"s{len(stances) + 1}", "source": source or {"start": None, "end": None, "text": item["source"]["text"]},
            "source_actor": _name(article, source, item["source"]["text"]),
            "target": target, "target_actor": _name(article, target, target["text"]),
            "polarity": item["polarity"], "via": "quote" if _in_quote_marks(text, quote["start"]) else "reported",
            "cue": None, "evidence": {"start": quote["start"], "end": quote["end"]},
        })
    relations: list[dict[str, Any]] = []
    for item in record.get("relations", []):
        agent, patient, verb = (_span(item[k], shift) for k in ("subject", "object", "predicate"))
        assert agent is not None and patient is not None and verb is not None
        context = item.get("context") or item["predicate"]
        evidence = {"start": context["start"] + shift, "end": context["end"] + shift}
        lemma = lemmas.get(verb["start"], verb["text"].lower())
        agent_actor, patient_actor = _name(article, agent, agent["text"]), _name(article, patient, patient["text"])
        relations.append({
            "id": f"r{len(relations) + 1}", "agent": agent, "agent_actor": agent_actor, "patient": patient,
            "patient_actor": patient_actor, "verb": verb, "lemma": lemma, "effect": item["polarity"], "evidence": evidence,
        })
        if item["polarity"] != "neutral" and agent_actor != patient_actor:
            stances.append({
                "id": f"s{len(stances) + 1}", "source": agent, "source_actor": agent_actor, "target": patient,
                "target_actor": patient_actor, "polarity": item["polarity"],
                "via": "reported" if reporting_verb(lemma) is not None else "act", "cue": verb, "evidence": evidence,
            })
    return {
        "id": record["id"], "url": record.get("url"), "date": record.get("date"), "title": title,
        "license": record.get("license"), "text": text, "stances": stances, "relations": relations,
        "notes": "converted from stance gold version 1 by scripts/stance_v1_to_v2.py",
    }


def main(out: Path, inputs: list[Path]) -> None:
    records = [json.loads(line) for path in inputs for line in path.open(encoding="utf-8") if line.strip()]
    analyzer = get_analyzer()
    # analysed as `presse eval stance` analyses a version-2 record: its text alone
    texts = [f"{r['title']}\n\n{r['text']}" if r.get("title") else r["text"] for r in records]
    articles = list(analyzer.pipe([Document(text=t) for t in texts]))
    lemmatizer = spacy.load("fr_core_news_md", exclude=["ner"])
    with out.open("w", encoding="utf-8") as handle:
        for record, article, doc in zip(records, articles, lemmatizer.pipe(texts), strict=True):
            if article.text != doc.text:
                sys.exit(f"{record['id']}: presse changed the text (offsets would not hold)")
            lemmas = {t.idx: t.lemma_.lower() for t in doc}
            handle.write(json.dumps(convert(record, article, lemmas), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: stance_v1_to_v2.py OUT.jsonl IN.jsonl [IN.jsonl ...]")
    main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])

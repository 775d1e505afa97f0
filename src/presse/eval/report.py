"""Rendering evaluation figures: rich tables for people, one JSON object for machines.

The JSON object carries every figure the tables show (and the counts behind them); the tables
are a view of that object, so the two never disagree. File names, document ids and notes are
printed as text, never as rich markup.
"""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from presse.eval.loaders import Dataset
from presse.eval.scoring import EntityEvaluation, QuoteEvaluation


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def quotes_payload(
    dataset: Dataset, evaluation: QuoteEvaluation, errors: int, seconds: float
) -> dict[str, Any]:
    """The JSON object of a quote evaluation: figures, notes and up to ``errors`` examples of
    each error category."""
    payload: dict[str, Any] = {"task": "quotes", "format": dataset.format}
    payload.update(evaluation.figures())
    payload["notes"] = dataset.notes
    payload["seconds"] = round(seconds, 1)
    if errors:
        payload["errors"] = evaluation.error_sample(errors)
    return payload


def entities_payload(
    dataset: Dataset,
    ours: EntityEvaluation,
    raw: EntityEvaluation | None,
    errors: int,
    seconds: float,
) -> dict[str, Any]:
    """The JSON object of an entity evaluation: presse's figures, raw spaCy's, and the gain
    (presse F1 minus raw F1) per type."""
    payload: dict[str, Any] = {
        "task": "entities",
        "format": dataset.format,
        "dataset": dataset.name,
        "documents": ours.documents,
        "gold_entities": ours.gold_entities,
        "presse": ours.figures(),
    }
    if raw is not None:
        payload["raw_spacy"] = raw.figures()
        gain = {}
        for etype in [*ours.types, "micro"]:
            a = ours.total.f1 if etype == "micro" else ours.types[etype].f1
            b = raw.total.f1 if etype == "micro" else raw.types[etype].f1
            gain[etype] = None if a is None or b is None else round(a - b, 4)
        payload["f1_gain_over_raw"] = gain
    payload["notes"] = dataset.notes
    payload["seconds"] = round(seconds, 1)
    if errors:
        payload["errors"] = ours.error_sample(errors)
    return payload


def print_json(payload: dict[str, Any], console: Console) -> None:
    """Exactly one JSON object on one line of the console's output."""
    console.out(json.dumps(payload, ensure_ascii=False), highlight=False, soft_wrap=True)


def _prf_row(label: str, prf: dict[str, Any]) -> list[str]:
    return [
        label,
        str(prf["tp"]),
        str(prf["fp"]),
        str(prf["fn"]),
        _pct(prf["precision"]),
        _pct(prf["recall"]),
        _pct(prf["f1"]),
    ]


def _prf_table(title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("")
    for name in ("TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(name, justify="right")
    return table


def _print_failures(failures: list[dict[str, str]], console: Console) -> None:
    if failures:
        console.print(
            f"[red]presse failed on {len(failures)} document(s)[/red], scored with no predictions:"
        )
        for failure in failures[:10]:
            console.print(f"  {failure['doc']}: {failure['error']}", highlight=False, markup=False)


def _print_errors(errors: dict[str, list[dict[str, Any]]], console: Console) -> None:
    labels = {
        "miss": "Misses",
        "false_alarm": "False alarms",
        "wrong_speaker": "Wrong speakers",
        "source_missed": "Quoted persons missed",
    }
    for category, items in errors.items():
        if not items:
            continue
        console.print(f"\n[bold]{labels.get(category, category)}[/bold] ({len(items)} shown)")
        for item in items:
            console.print(
                f"• [cyan]{escape(str(item['doc']))}[/cyan] {item['start']}–{item['end']} "
                f"[yellow]{escape(str(item['detail']))}[/yellow]",
                highlight=False,
            )
            console.print(f"  span: {item['text']}", highlight=False, markup=False)
            console.print(f"  sentence: {item['context']}", highlight=False, markup=False)


def render_quotes(payload: dict[str, Any], console: Console) -> None:
    """Print a quote evaluation payload as rich tables (and error examples when present)."""
    console.print(
        f"[bold]Quotes[/bold] — {escape(payload['dataset'])} ({escape(payload['format'])}): "
        f"{payload['documents']} documents, {payload['gold_quotes']} gold quotes, "
        f"{payload['pred_quotes']} predicted, {payload['seconds']} s"
    )
    table = _prf_table("Quote spans (one-to-one greedy matching by best overlap)")
    for level, prf in payload["quotes"].items():
        table.add_row(*_prf_row(f"all, {level}", prf))
    for level, prf in payload.get("quotes_direct_only", {}).items():
        table.add_row(*_prf_row(f"direct only, {level}", prf))
    console.print(table)

    kinds = Table(
        title="Per kind (jaccard>0.3; recall by gold kind, precision by predicted kind)",
        title_justify="left",
    )
    for name in ("kind", "gold", "pred", "R", "P", "F1"):
        kinds.add_column(name, justify="right" if name != "kind" else "left")
    for kind, row in payload["kinds"].items():
        kinds.add_row(
            kind,
            str(row["gold"]),
            str(row["pred"]),
            _pct(row["recall"]),
            _pct(row["precision"]),
            _pct(row["f1"]),
        )
    console.print(kinds)
    console.print(f"Kind agreement on matched quotes: {_pct(payload['kind_accuracy'])}")

    speakers = payload.get("speakers")
    if speakers:
        console.print(
            f"[bold]Speakers[/bold] on quotes matched at {speakers['level']}: accuracy "
            f"{_pct(speakers['accuracy'])} ({speakers['correct']}/{speakers['scored']}; "
            f"{speakers['unattributed']} without a predicted speaker)"
        )
    mention = payload.get("speaker_mention")
    if mention:
        console.print(
            f"Speaker mention (not part of speaker accuracy: the predicted mention overlaps the "
            f"gold mention, or the actor is right): {_pct(mention['accuracy'])} "
            f"({mention['correct']}/{mention['scored']})"
        )
    sources = payload.get("sources")
    if sources:
        _print_sources(sources, console)
        console.print(
            f"On persons found: quoted-or-not agrees {_pct(sources['quoted_status_accuracy'])}, "
            f"gender agrees {_pct(sources['gender_accuracy'])}"
        )
    mentions = payload.get("speaker_mentions")
    if mentions:
        table = _prf_table("Speaker mention spans (overlap, on quotes matched at jaccard>0.3)")
        table.add_row(*_prf_row("speaker mention", mentions))
        console.print(table)
    for note in payload.get("notes", []):
        console.print(f"[dim]Note: {escape(note)}[/dim]")
    _print_failures(payload.get("failed_documents", []), console)
    if "errors" in payload:
        _print_errors(payload["errors"], console)


def _print_sources(sources: dict[str, Any], console: Console) -> None:
    table = _prf_table(
        f"Sources (actor-level gold, {sources['documents']} documents, persons per article)"
    )
    table.add_row(*_prf_row("quoted persons", sources["quoted_persons"]))
    table.add_row(*_prf_row("persons mentioned", sources["persons"]))
    console.print(table)


def gender_payload(
    dataset: Dataset, evaluation: QuoteEvaluation, errors: int, seconds: float
) -> dict[str, Any]:
    """The JSON object of a gender evaluation: the sources figures (quoted persons and persons
    per article), the gender figures of :mod:`presse.eval.gender`, and up to ``errors`` persons
    whose gender is wrong or unknown."""
    figures = evaluation.figures()
    sources = figures.get("sources")
    payload: dict[str, Any] = {
        "task": "gender",
        "dataset": dataset.name,
        "documents": evaluation.documents,
        "sources": sources,
        "gender": evaluation.gender.figures(),
        "notes": dataset.notes,
        "seconds": round(seconds, 1),
        "failed_documents": evaluation.failures,
    }
    if errors:
        payload["errors"] = [e.as_dict() for e in evaluation.gender.errors[:errors]]
    return payload


def render_gender(payload: dict[str, Any], console: Console) -> None:
    """Print a gender evaluation payload: sources, then gender coverage and accuracy per scope,
    by presse's evidence and by the gold source (and the errors when present)."""
    console.print(
        f"[bold]Gender[/bold] — {escape(payload['dataset'])}: {payload['documents']} documents, "
        f"{payload['seconds']} s"
    )
    if payload["sources"]:
        _print_sources(payload["sources"], console)
    else:
        console.print("No gold file lists the article's persons: nothing to score.")
    for scope, label in (("quoted", "quoted persons"), ("all", "all persons")):
        figures = payload["gender"][scope]
        table = Table(
            title=f"Gender of {label} found (accuracy = right / given; coverage = given / scored)",
            title_justify="left",
        )
        for name in ("", "scored", "given", "right", "coverage", "accuracy"):
            table.add_column(name, justify="right" if name else "left")
        rows = [("total", figures["total"])]
        rows += [(f"presse evidence: {k}", v) for k, v in figures["by_evidence"].items()]
        rows += [(f"gold source: {k}", v) for k, v in figures["by_gold_source"].items()]
        for name, row in rows:
            table.add_row(
                name, str(row["scored"]), str(row["given"]), str(row["right"]),
                _pct(row["coverage"]), _pct(row["accuracy"]),
            )
        console.print(table)
    _print_failures(payload.get("failed_documents", []), console)
    if payload.get("errors"):
        console.print(f"\n[bold]Gender wrong or unknown[/bold] ({len(payload['errors'])} shown)")
        for item in payload["errors"]:
            gold, ours = item["gold"], item["presse"]
            overruled = ", ".join(ours["gender_overruled"]) or "–"
            console.print(
                f"• {item['doc']}: {gold['name']} {gold['gender']} ({gold['gender_source'] or 'unsourced'})"
                f" — presse {ours['name']} {ours['gender'] or 'unknown'} by "
                f"{ours['gender_evidence'] or '–'}, overruled: {overruled}",
                highlight=False, markup=False,
            )


def render_entities(payload: dict[str, Any], console: Console) -> None:
    """Print an entity evaluation payload: presse and raw spaCy per type, and the F1 gain."""
    console.print(
        f"[bold]Entities[/bold] — {escape(payload['dataset'])} ({escape(payload['format'])}): "
        f"{payload['documents']} documents, {payload['gold_entities']} gold entities "
        f"(PER/ORG/LOC), {payload['seconds']} s"
    )
    table = _prf_table("Exact span and type")
    systems = [("presse", payload["presse"])]
    if "raw_spacy" in payload:
        systems.append(("raw fr_core_news_md", payload["raw_spacy"]))
    for system, figures in systems:
        for etype, prf in figures["types"].items():
            table.add_row(*_prf_row(escape(f"{system} {etype}"), prf))
        table.add_row(*_prf_row(f"{system} micro", figures["micro"]), end_section=True)
    console.print(table)
    gain = payload.get("f1_gain_over_raw")
    if gain:
        console.print(
            "F1 gain of presse over raw spaCy: "
            + ", ".join(f"{t} {'–' if v is None else f'{v:+.3f}'}" for t, v in gain.items())
        )
    for note in payload.get("notes", []):
        console.print(f"[dim]Note: {escape(note)}[/dim]")
    _print_failures(payload["presse"].get("failed_documents", []), console)
    if "errors" in payload:
        _print_errors(payload["errors"], console)

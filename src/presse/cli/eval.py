"""`presse eval`: the typer sub-app that scores presse on annotated corpora, and the CI gate.

Tables go to standard output; with ``--json`` standard output is exactly one JSON object. The
progress bar and error messages go to standard error. Exit codes: 0 success, 1 a floor broken or
an input error, 2 a usage error.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from presse.cli.output import WidthOption, escape, report, stdout
from presse.errors import PresseError, UsageError
from presse.eval import gate as gate_mod
from presse.eval.loaders import FORMATS, Dataset, load_entity_dataset, load_quote_dataset, select
from presse.eval.report import (
    entities_payload,
    gender_payload,
    quotes_payload,
    render_entities,
    render_gender,
    render_quotes,
)
from presse.eval.runner import evaluate_entities, evaluate_quotes
from presse.eval.scoring import QuoteEvaluation

eval_app = typer.Typer(
    help="Measure quote, speaker and entity accuracy on annotated corpora; run the CI gate.",
    no_args_is_help=True,
)

GoldArg = Annotated[
    list[Path], typer.Argument(help="Gold files or directories.", show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object with every figure.")]
ErrorsOpt = Annotated[
    int, typer.Option("--errors", min=0, help="List N misses, false alarms (and wrong speakers).")
]
LimitOpt = Annotated[
    int | None, typer.Option("--limit", min=1, help="Score only N documents (first N, sorted).")
]
SampleOpt = Annotated[
    bool, typer.Option("--sample", help="With --limit: a random sample instead of the first N.")
]
SeedOpt = Annotated[int, typer.Option("--seed", help="Seed of --sample.")]
ProgressOpt = Annotated[
    bool, typer.Option("--progress/--no-progress", help="Progress bar on standard error.")
]


def _run(action: Callable[[], int]) -> None:
    """Run a command body, turning presse errors into one line on stderr and an exit code."""
    try:
        code = action()
    except PresseError as exc:
        report(exc, prefix="presse eval")
        raise typer.Exit(exc.exit_code) from exc
    raise typer.Exit(code)


def _emit(
    payload: dict[str, Any], as_json: bool, render: Callable[..., None], width: int | None
) -> None:
    if as_json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    else:
        render(payload, stdout(width=width, highlight=True))


def _score_quotes(
    dataset: Dataset,
    progress: bool,
    errors: int,
    as_json: bool,
    width: int | None,
    make_payload: Callable[[Dataset, QuoteEvaluation, int, float], dict[str, Any]],
    render: Callable[..., None],
) -> int:
    """Analyze the dataset, score quotes, speakers, sources and genders, and print the payload
    `make_payload` builds from them."""
    started = time.perf_counter()
    evaluation = evaluate_quotes(dataset, show_progress=progress)
    _emit(make_payload(dataset, evaluation, errors, time.perf_counter() - started), as_json, render, width)
    return 0


@eval_app.command("quotes")
def quotes_command(
    gold: GoldArg,
    fmt: Annotated[
        str, typer.Option("--format", help=f"Gold format: {', '.join(FORMATS)}.")
    ] = "presse",
    as_json: JsonOpt = False,
    errors: ErrorsOpt = 0,
    limit: LimitOpt = None,
    sample: SampleOpt = False,
    seed: SeedOpt = 0,
    split: Annotated[
        str, typer.Option("--split", help="AADS split: test, val, train or all.")
    ] = "test",
    fragments: Annotated[
        bool,
        typer.Option(
            "--fragments",
            help="brat: score each fragment of a discontinuous citation as its own quote "
            "(default: one span from first start to last end, incise included).",
        ),
    ] = False,
    progress: ProgressOpt = True,
    width: WidthOption = None,
) -> None:
    """Quote spans P/R/F1 (Jaccard > 0.3, > 0.8, exact), per kind, and speaker accuracy."""

    def body() -> int:
        if split not in ("test", "val", "train", "all"):
            raise UsageError(f"--split must be test, val, train or all, not {split!r}")
        dataset = load_quote_dataset(
            gold,
            fmt,
            split=split,  # type: ignore[arg-type]
            discontinuous="fragments" if fragments else "join",
        )
        dataset.docs = select(dataset.docs, limit, sample, seed)
        return _score_quotes(dataset, progress, errors, as_json, width, quotes_payload, render_quotes)

    _run(body)


@eval_app.command("gender")
def gender_command(
    gold: GoldArg,
    as_json: JsonOpt = False,
    errors: Annotated[
        int, typer.Option("--errors", min=0, help="List N persons whose gender is wrong or unknown.")
    ] = 0,
    limit: LimitOpt = None,
    sample: SampleOpt = False,
    seed: SeedOpt = 0,
    progress: ProgressOpt = True,
    width: WidthOption = None,
) -> None:
    """Gender of the gold persons presse finds (presse gold with ``persons``): coverage and
    accuracy on quoted persons and on all persons, by presse's gender_evidence and by the gold
    gender_source; with the quoted-persons P/R/F1 per article."""

    def body() -> int:
        dataset = load_quote_dataset(gold, "presse")
        dataset.docs = select(dataset.docs, limit, sample, seed)
        return _score_quotes(dataset, progress, errors, as_json, width, gender_payload, render_gender)

    _run(body)


@eval_app.command("entities")
def entities_command(
    gold: GoldArg,
    fmt: Annotated[str, typer.Option("--format", help="Gold format: brat.")] = "brat",
    as_json: JsonOpt = False,
    errors: ErrorsOpt = 0,
    limit: LimitOpt = None,
    sample: SampleOpt = False,
    seed: SeedOpt = 0,
    raw: Annotated[
        bool, typer.Option("--raw/--no-raw", help="Also score raw fr_core_news_md NER.")
    ] = True,
    progress: ProgressOpt = True,
    width: WidthOption = None,
) -> None:
    """Named-entity P/R/F1 per type on exact spans, presse versus raw spaCy NER."""

    def body() -> int:
        dataset = load_entity_dataset(gold, fmt)
        dataset.docs = select(dataset.docs, limit, sample, seed)
        started = time.perf_counter()
        ours, baseline = evaluate_entities(dataset, raw=raw, show_progress=progress)
        payload = entities_payload(dataset, ours, baseline, errors, time.perf_counter() - started)
        _emit(payload, as_json, render_entities, width)
        return 0

    _run(body)


def _first_record(paths: list[Path]) -> dict | None:
    """The first JSON record of the first gold file (to tell the stance gold version)."""
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    try:
                        return json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ValueError(f"{path}: not JSON ({exc.msg})") from exc
    return None


@eval_app.command("stance")
def stance_command(gold: GoldArg, as_json: JsonOpt = False) -> None:
    """Stance against hand-annotated gold (docs/stance-guidelines.md). Version 2 files (with
    ``stances``): actor-pair recall, pair agreement and polarity accuracy against the majority
    baseline, for stances and relations. Version 1 files: quote → target polarity and relation
    triples, accuracy and macro-F1."""
    from presse.eval.stance import evaluate, load_gold, stance_table
    from presse.eval.stance_pairs import evaluate_v2, is_v2, load_gold_v2, pairs_table

    def body() -> int:
        try:
            first = _first_record(gold)
            v2 = first is not None and is_v2(first)
            records = load_gold_v2(gold) if v2 else load_gold(gold)
        except (OSError, ValueError) as exc:
            raise UsageError(str(exc)) from exc
        result = evaluate_v2(records) if v2 else evaluate(records)
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write((pairs_table(result) if v2 else stance_table(result)) + "\n")
        return 0

    _run(body)


@eval_app.command("gate")
def gate_command(
    update: Annotated[
        bool, typer.Option("--update", help="Raise floors to the current figures (to 0.01).")
    ] = False,
    lower: Annotated[
        bool, typer.Option("--lower", help="With --update: also lower floors that dropped.")
    ] = False,
    root: Annotated[
        Path | None, typer.Option("--root", help="Repository root (default: found from here).")
    ] = None,
    as_json: JsonOpt = False,
    progress: ProgressOpt = True,
    width: WidthOption = None,
) -> None:
    """Score the fixed CI subset and fail (exit 1) when a figure is below its floor."""

    def body() -> int:
        if lower and not update:
            raise UsageError("--lower only makes sense with --update")
        repo = gate_mod.find_root(root)
        floors_path = repo / gate_mod.FLOORS_FILE
        floors = gate_mod.read_floors(floors_path)
        started = time.perf_counter()
        result = gate_mod.measure(repo, show_progress=progress)
        result["seconds"] = round(time.perf_counter() - started, 1)
        breaches: list[object] = list(gate_mod.compare(result["figures"], floors))
        breaches += [f"presse failed on {f}" for f in result["failed_documents"]]
        changes: list[str] = []
        if update:
            new, changes = gate_mod.updated_floors(floors, result["figures"], lower=lower)
            if changes:
                gate_mod.write_floors(floors_path, new)
            floors = new
            breaches = [
                *gate_mod.compare(result["figures"], floors),
                *(f"presse failed on {f}" for f in result["failed_documents"]),
            ]
        result["floors"] = floors
        result["breaches"] = [str(b) for b in breaches]
        result["changes"] = changes
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        else:
            _render_gate(result, width)
        return 1 if breaches else 0

    _run(body)


def _render_gate(result: dict[str, Any], width: int | None) -> None:
    from rich.table import Table

    from presse.report.labels import counted

    console = stdout(width=width, highlight=True)
    docs = result["documents"]
    items = result["items"]
    console.print(
        "[bold]Gate[/bold] — "
        + ", ".join(f"{k}: {counted(docs[k], 'document')}, {counted(items[k], 'item')}" for k in docs)
        + f"; {result['seconds']} s"
    )
    table = Table()
    for name in ("metric", "measured", "floor", ""):
        table.add_column(name, justify="left" if name == "metric" else "right")
    floors = result["floors"]
    for metric, value in result["figures"].items():
        floor = floors.get(metric)
        ok = floor is None or (value is not None and value >= floor)
        table.add_row(
            escape(metric),
            "–" if value is None else f"{value:.4f}",
            "–" if floor is None else f"{floor:.2f}",
            "[green]ok[/green]" if ok else "[red]BELOW[/red]",
        )
    console.print(table)
    raw = escape(", ".join(f"{k} {v}" for k, v in result["raw_spacy"].items()))
    console.print(f"[dim]raw fr_core_news_md on the same WiNER subset: {raw}[/dim]")
    for change in result["changes"]:
        console.print(f"floor raised/changed: {escape(change)}")
    for breach in result["breaches"]:
        console.print(f"[red]dropped:[/red] {escape(breach)}")

"""The `presse batch` command: inputs to Parquet shards, over local processes or Dask."""

from __future__ import annotations

from typing import Annotated

import typer

from presse.ingest.language import LANG_HELP, check_forced
from presse.ingest.limits import MAX_BYTES_HELP


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command to the main app (the library lives in :mod:`presse.corpus.batch`)."""
    app.command(name="batch")(batch)


def batch(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .html, .json, .jsonl, feeds).")],
    out: Annotated[str, typer.Option("--out", "-o", help="Output directory (shards + manifest.json).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (with --dask: LocalCluster workers).", min=1)] = 1,
    dask: Annotated[bool, typer.Option("--dask", help="Run on Dask: a LocalCluster, or the cluster at --scheduler.")] = False,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Join this Dask scheduler (tcp://HOST:8786); implies --dask.")] = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Documents per task.", min=1)] = 32,
    shard_size: Annotated[int, typer.Option("--shard-size", help="Input items per shard.", min=1)] = 256,
    record_id: Annotated[str | None, typer.Option("--id", help="Only the record with this id (JSON/JSONL).")] = None,
    restart: Annotated[bool, typer.Option("--restart", help="Discard shards of a previous run instead of resuming.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, help=MAX_BYTES_HELP)] = None,
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
) -> None:
    """Analyze many articles into Parquet shards (articles, quotes, entities, mentions, errors).

    The same analysis as `analyze`. A rerun with the same inputs and --out resumes: finished
    shards are skipped. Bad inputs are reported and recorded in the shards; the exit code is 1
    when any input or document of the batch failed (in this run or a resumed one).
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from presse.cli.output import err, report
    from presse.corpus.batch import run_batch
    from presse.ingest import use_max_bytes
    from presse.report.labels import counted

    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed:,.0f} documents"),
        TextColumn("{task.fields[docs_rate]:,.1f} docs/s"),
        TextColumn("{task.fields[words_rate]:,.0f} words/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, disable=quiet, transient=False) as bar:
        task = bar.add_task("batch", total=None, docs_rate=0.0, words_rate=0.0)
        words = 0

        def progress(documents: int, new_words: int) -> None:
            nonlocal words
            words += new_words
            bar.advance(task, documents)
            elapsed = bar.tasks[0].elapsed or 0.0
            if elapsed:
                completed = bar.tasks[0].completed
                bar.update(task, docs_rate=completed / elapsed, words_rate=words / elapsed)

        summary = run_batch(
            paths,
            out,
            jobs=jobs,
            dask=dask or scheduler is not None,
            scheduler=scheduler,
            chunk_size=chunk_size,
            shard_size=shard_size,
            record_id=record_id,
            restart=restart,
            limits=use_max_bytes(max_bytes),
            language=check_forced(lang),
            progress=progress,
        )
    for error in summary.errors:
        report(error)
    err.print(
        f"{counted(summary.items, 'item')} → {counted(summary.articles, 'article')},"
        f" {counted(len(summary.errors), 'error')} ({summary.errors_total:,} in the whole batch);"
        f" {counted(summary.shards_written, 'shard')} written, {summary.shards_skipped} already done;"
        f" {summary.seconds:,.1f} s, {summary.docs_per_second:,.1f} docs/s,"
        f" {summary.words_per_second:,.0f} words/s → {summary.out}",
        soft_wrap=True,
        markup=False,
    )
    if summary.errors_total:
        raise typer.Exit(1)

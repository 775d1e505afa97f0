"""Batch analysis: parallel and Dask paths equal the single-process one; shards, resume, errors."""

from __future__ import annotations

import itertools
import json
import os
import time
from pathlib import Path

import pytest

from conftest import shared_path
from presse.analyze.pipeline import MODEL
from presse.corpus.batch import run_batch
from presse.corpus.chunks import Chunk, merge_results
from presse.corpus.cluster import analyze_dask, dask_client
from presse.corpus.manifest import read_manifest
from presse.corpus.shards import read_batch, read_errors, read_shards
from presse.corpus.workers import _Pool, analyze_parallel
from presse.errors import InputError, UsageError
from presse.model import Article, Document

N_ARTICLES = 20


@pytest.fixture(scope="module")
def corpus_lines() -> list[str]:
    """The first French Wikinews records, as JSONL lines."""
    path = shared_path("corpus", "wikinews-fr", "articles.jsonl")
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in itertools.islice(fh, N_ARTICLES)]


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory, corpus_lines: list[str]) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    path.write_text("\n".join(corpus_lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def items(corpus_file: Path) -> list[Document | InputError]:
    """20 documents with a bad-input item and an empty document among them."""
    from presse.ingest import iter_sources

    found = list(iter_sources([corpus_file]))
    found.insert(3, InputError("broken.txt", "is not text"))
    found.insert(9, Document(text="  \n ", source="empty.txt"))
    return found


@pytest.fixture(scope="module")
def reference(items: list[Document | InputError]) -> list[dict | str]:
    """The single-process results, as comparable values."""
    return _comparable(analyze_parallel(items, jobs=1, chunk_size=4))


def _comparable(pairs) -> list[dict | str]:
    return [r.model_dump() if isinstance(r, Article) else str(r) for _, r in pairs]


@pytest.mark.model
def test_batch_single_process_passes_errors_through_in_order(items, reference):
    assert len(reference) == len(items)
    assert reference[3] == "broken.txt: is not text"
    assert reference[9].startswith("empty.txt: is empty")
    articles = [r for r in reference if isinstance(r, dict)]
    assert len(articles) == N_ARTICLES
    assert [a["id"] for a in articles] == [
        i.id for i in items if isinstance(i, Document) and i.source != "empty.txt"
    ]


@pytest.mark.model
def test_batch_two_processes_equal_single_process(items, reference):
    pairs = list(analyze_parallel(items, jobs=2, chunk_size=4))
    assert [item for item, _ in pairs] == items
    assert _comparable(pairs) == reference


@pytest.mark.model
def test_batch_dask_local_cluster_equals_single_process(items, reference):
    with dask_client(None, 2) as client:  # the LocalCluster `presse batch --dask` starts
        pairs = list(analyze_dask(items, client=client, chunk_size=4))
        cached = client.run(lambda dask_worker: list(dask_worker.presse_analyzers))
        trim = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
        callbacks = client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))
        saturation = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.WORKER_SATURATION)
    assert [item for item, _ in pairs] == items
    assert _comparable(pairs) == reference
    assert all(models == ["fr_core_news_md"] for models in cached.values())
    # the nannies' default (65536) makes workers page-fault ~8x as often: it is unset
    assert list(trim.values()) == [None, None]
    # LOCAL_CLUSTER_CONFIG reaches the worker processes: no statistical profiler sampling the
    # task thread, one task at a time per single-threaded worker
    assert all("memory_monitor" in names and "profile" not in names for names in callbacks.values())
    assert saturation == 1.0


@pytest.mark.model
def test_lemma_index_as_sets_gives_the_stock_lemmas(corpus_lines):
    import spacy

    from presse.analyze.pipeline import MODEL, _index_lemmas_as_sets, model_text

    texts = [model_text(json.loads(line)["text"]) for line in corpus_lines[:8]]
    nlp = spacy.load(MODEL)
    lemmatizer = nlp.get_pipe("lemmatizer")
    stock = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
    _index_lemmas_as_sets(nlp)
    lemmatizer.cache.clear()
    index = lemmatizer.lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    assert [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)] == stock


@pytest.mark.model
def test_batch_killed_worker_costs_only_its_chunk(items):
    # long documents (each article's text repeated), so that the worker is still busy with its
    # chunk when it is killed, however fast the analysis has become
    documents = [
        i.model_copy(update={"text": "\n\n".join([i.text] * 8)})
        for i in items if isinstance(i, Document) and i.text.strip()
    ]
    # the pool itself, not analyze_parallel: only the pool knows when a worker has loaded the
    # model and holds a chunk — killing it while it loads or between chunks costs nothing
    pool = _Pool(jobs=2, model=MODEL, retries=0)
    done: dict[int, Chunk] = {}

    def collect(timeout: float | None) -> None:
        for chunk_id in pool.poll(timeout=timeout):
            done[chunk_id] = pool.take(chunk_id)

    try:
        for chunk_id, document in enumerate(documents):
            pool.submit(chunk_id, Chunk([document], [document]))
        victim = pool.workers[1]
        deadline = time.monotonic() + 120
        while not (victim.ready and victim.chunk is not None):
            assert time.monotonic() < deadline, "the worker never got a chunk"
            collect(0.2)
        victim.process.kill()  # right after its chunk was sent: it is analyzing it
        while pool.pending():
            collect(None)
    finally:
        pool.close()
    pairs = [pair for chunk_id in sorted(done) for pair in merge_results(done[chunk_id])]
    assert [item for item, _ in pairs] == documents
    died = [r for _, r in pairs if isinstance(r, InputError)]
    assert died and all("worker process died" in str(r) for r in died)
    assert len(died) <= 2
    assert sum(isinstance(r, Article) for _, r in pairs) == len(documents) - len(died)


@pytest.mark.model
def test_batch_resume_after_partial_run_gives_same_shards(tmp_path, corpus_file, reference):
    out = tmp_path / "batch"
    first = run_batch([corpus_file], out, jobs=1, chunk_size=4, shard_size=6, max_shards=2)
    assert first.shards_written == 2
    assert read_manifest(out)["complete"] is False
    assert len(list(read_shards(out))) == 12

    second = run_batch([corpus_file], out, jobs=1, chunk_size=4, shard_size=6)
    assert (second.shards_skipped, second.shards_written, second.items) == (2, 2, 8)
    manifest = read_manifest(out)
    assert manifest["complete"] is True
    loaded = [a.model_dump() for a in read_shards(out)]
    assert loaded == [r for r in reference if isinstance(r, dict)]
    assert manifest["totals"]["articles"] == N_ARTICLES
    assert manifest["totals"]["quotes"] == sum(len(a["quotes"]) for a in loaded)
    assert manifest["totals"]["mentions"] == sum(
        len(e["mentions"]) for a in loaded for e in a["entities"]
    )


@pytest.mark.model
def test_batch_corrupt_inputs_are_recorded_and_the_rest_completes(tmp_path, corpus_lines):
    import pyarrow.parquet as pq

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.jsonl").write_text(
        "\n".join([*corpus_lines[:2], "{not json", corpus_lines[2]]) + "\n", encoding="utf-8"
    )
    (inputs / "b.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (inputs / "c.txt").write_text(
        "« Nous irons jusqu'au bout », a déclaré la ministre.\n", encoding="utf-8"
    )
    summary = run_batch([inputs], tmp_path / "out", jobs=1, shard_size=4)

    assert summary.articles == 4
    assert sorted(e.source for e in summary.errors) == [f"{inputs}/a.jsonl:3", f"{inputs}/b.txt"]
    assert [e.source for e in read_errors(tmp_path / "out")] == [
        f"{inputs}/a.jsonl:3",
        f"{inputs}/b.txt",
    ]
    kinds = [type(x).__name__ for x in read_batch(tmp_path / "out")]
    assert kinds == ["Article", "Article", "InputError", "Article", "InputError", "Article"]
    quotes = pq.read_table(tmp_path / "out" / "shards" / "000001" / "quotes.parquet").to_pylist()
    assert [q["text"] for q in quotes if q["kind"] == "direct"] == ["Nous irons jusqu'au bout"]


def test_batch_changed_input_is_noticed(tmp_path):
    # an input with no readable document never loads the model
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 64)
    out = tmp_path / "out"
    first = run_batch([bad], out)
    assert [e.source for e in first.errors] == [str(bad)]
    assert read_manifest(out)["totals"]["errors"] == 1

    again = run_batch([bad], out)
    assert (again.items, again.shards_skipped) == (0, 1)

    bad.write_bytes(b"\x00" * 65)
    with pytest.raises(UsageError, match=r"bad\.txt"):
        run_batch([bad], out)
    restarted = run_batch([bad], out, restart=True)
    assert (restarted.items, restarted.shards_skipped) == (1, 0)
    assert json.loads((out / "manifest.json").read_text())["fingerprint"]["inputs"][0]["size"] == 65


def test_batch_read_shards_needs_a_manifest(tmp_path):
    with pytest.raises(InputError, match="not a presse batch directory"):
        list(read_shards(tmp_path))


@pytest.mark.model
def test_batch_cli_writes_shards_and_reports_errors(tmp_path, corpus_lines):
    from typer.testing import CliRunner

    from presse.cli import app

    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([corpus_lines[0], "{bad"]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(source), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1
    assert f"{source}:2" in result.output
    assert "2 items → 1 article, 1 error" in result.output
    assert [a.id for a in read_shards(tmp_path / "o")] == [json.loads(corpus_lines[0])["id"]]


@pytest.mark.model
def test_analyzer_text_hint_and_polarity_caches_change_nothing(items):
    """The speed-ups of session 3 are caches: the text the Analyzer hands its components is
    ``doc.text``, the structure and actors computed from it equal those from ``doc.text``, and the
    stance layer computed twice on the same Doc (its per-Doc caches filled) is the same."""
    from presse.analyze.actors import ActorResolver
    from presse.analyze.pipeline import get_analyzer
    from presse.analyze.stance import analyze_stance

    analyzer = get_analyzer()
    documents = [i for i in items if isinstance(i, Document) and i.text.strip()][:6]
    for document in documents:
        doc, _ = analyzer._prepare(document)
        assert doc._.presse_hints["text"] == doc.text
        doc = analyzer.nlp(doc)
        structure = analyzer.nlp.get_pipe("presse_structure")
        hints = dict(doc._.presse_hints)
        with_hint = structure.predict(doc)
        doc._.presse_hints = {k: v for k, v in hints.items() if k != "text"}
        assert structure.predict(doc) == with_hint
        published = doc._.presse_structure.published
        assert repr(ActorResolver()(doc, published)) == repr(ActorResolver()(doc, published, doc.text))
        first = analyze_stance(doc, doc._.presse_actors, doc._.presse_quotes)
        again = analyze_stance(doc, doc._.presse_actors, doc._.presse_quotes)
        assert repr(first) == repr(again) == repr(doc._.presse_stance)

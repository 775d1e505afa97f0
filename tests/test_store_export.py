"""Exports of a store: JSONL/CSV/Parquet tables readable by pandas, GEXF actor network."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from presse.store import queries
from presse.store.export import export
from presse.store.writer import StoreWriter, document_hash
from test_store_queries import DOCUMENTS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store(analyzer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "corpus.db"
    with StoreWriter(db) as writer:
        for document in DOCUMENTS:
            key, digest = document_hash(document)
            writer.write_article(analyzer.analyze(document), key=key, digest=digest)
    return db


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".csv":
        return pd.read_csv(path)
    return pd.read_json(path, lines=True)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_store_export_tables_load_in_pandas(store: Path, tmp_path: Path, fmt: str) -> None:
    with closing(queries.connect_reader(store)) as conn:
        paths = export(conn, fmt, tmp_path / "out")  # type: ignore[arg-type]
        n_quotes = conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
    frames = {p.stem: _read(p) for p in paths}
    assert set(frames) == {"articles", "quotes", "actors", "stance", "voices", "trails"}
    assert set(frames["voices"]["gender"]) == {"f", "m", "x", "unknown"}
    assert len(frames["articles"]) == 3
    assert len(frames["quotes"]) == n_quotes
    macron = frames["actors"].set_index("name").loc["Emmanuel Macron"]
    assert (macron["articles"], macron["quotes"]) == (2, 2)
    quote = frames["quotes"].set_index("speaker").loc["Emmanuel Macron"].iloc[0]
    about = json.loads(quote["about"]) if fmt == "csv" else list(quote["about"])
    assert isinstance(about, list)


def test_store_export_parquet_types(store: Path, tmp_path: Path) -> None:
    with closing(queries.connect_reader(store)) as conn:
        export(conn, "parquet", tmp_path)
    articles = pd.read_parquet(tmp_path / "articles.parquet")
    assert str(articles["published"].iloc[0]) == "2017-06-02"
    assert articles["words"].dtype.kind == "i"


def test_store_export_gexf_network(store: Path, tmp_path: Path) -> None:
    with closing(queries.connect_reader(store)) as conn:
        export(conn, "gexf", tmp_path / "net.gexf")
        export(conn, "gexf", tmp_path / "all.gexf", co_mention=1)
    graph = nx.read_gexf(tmp_path / "net.gexf")
    # stance and act edges only: the network of who judges or acts on whom
    assert graph.number_of_edges() >= 1
    assert {d["kind"] for _, _, d in graph.edges(data=True)} <= {"stance", "act"}
    everything = nx.read_gexf(tmp_path / "all.gexf")
    labels = {node: data["label"] for node, data in everything.nodes(data=True)}
    by_label = {label: node for node, label in labels.items()}
    comention = everything.get_edge_data(*sorted([by_label["Emmanuel Macron"], by_label["Angela Merkel"]], key=int))
    assert comention is not None
    assert any(d["kind"] == "co-mention" and d["weight"] == 1 for d in comention.values())
    assert everything.number_of_edges() > graph.number_of_edges()

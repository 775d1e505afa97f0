"""The actor network of a store: stance and act edges by default, co-mention edges only when
asked — over short dated French texts analyzed by presse (one pair judged twice, one pair that
only met)."""

from __future__ import annotations

from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from presse.model import Article
from presse.store import queries, stance
from presse.store.network import network_edges
from test_store_stance import DATED, _write_document

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store(analyzer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Article]]:
    db = tmp_path_factory.mktemp("network") / "corpus.db"
    return db, [_write_document(db, analyzer, document) for document in DATED]


def _named(conn, edges) -> dict[tuple[str, str, str], object]:
    names = dict(conn.execute("SELECT id, name FROM actors"))
    return {(names[e.source], names[e.target], e.kind): e for e in edges}


def test_store_network_stance_and_act_edges_by_default(store: tuple[Path, list[Article]]) -> None:
    db, _ = store
    with closing(queries.connect_reader(db)) as conn:
        edges = _named(conn, network_edges(conn))
        (pair,) = stance.pair_stances(conn, source=queries.find_actors(conn, "Jean Martin")[0])
    assert {kind for _, _, kind in edges} == {"stance", "act"}
    judged = edges[("Jean Martin", "Paul Durand", "stance")]
    assert (judged.weight, judged.label, judged.polarity) == (pair.count, pair.label, pair)
    # a meeting is an act worth showing, never a stance
    met = edges[("Emmanuel Macron", "Angela Merkel", "act")]
    assert (met.weight, met.label, met.polarity) == (1, "neutral", None)
    assert ("Paul Durand", "Jean Martin", "stance") not in edges  # directed


def test_store_network_co_mention_only_when_asked(store: tuple[Path, list[Article]]) -> None:
    db, _ = store
    with closing(queries.connect_reader(db)) as conn:
        with_co = _named(conn, network_edges(conn, co_mention=1))
        heavy = network_edges(conn, co_mention=2)
        dated = _named(conn, network_edges(conn, since=date(2020, 2, 1), until=date(2020, 2, 28)))
    co = {(s, t) for s, t, kind in with_co if kind == "co-mention"}
    assert {("Jean Martin", "Paul Durand"), ("Emmanuel Macron", "Angela Merkel")} <= co
    assert all(e.label is None and e.polarity is None for (_, _, kind), e in with_co.items() if kind == "co-mention")
    # the same pair in two articles
    assert [(e.kind, e.weight) for e in heavy if e.kind == "co-mention"] == [("co-mention", 2)]
    assert set(dated) == {("Emmanuel Macron", "Angela Merkel", "act")}

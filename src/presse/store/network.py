"""The actor network of a corpus store: who is hostile or favourable towards whom, who acts on
whom, and — only when asked — who appears with whom.

Contracts (shared by the web page, ``/api/network`` and ``presse export --format gexf``):

* ``stance`` edges go from a source actor to a target actor with positive or negative stance
  judgments (quotes, reported speech, acts): ``weight`` is the number of judgments, ``label``
  negative, positive or mixed and ``polarity`` the pair's aggregate
  (:func:`presse.store.stance.pair_stances`);
* ``act`` edges go from an agent to a patient of acts (``relations``) for the pairs that have no
  stance edge — in practice the neutral ones, « a rencontré »: ``weight`` is the number of acts,
  ``label`` neutral unless the acts themselves carry a polarity;
* ``co-mention`` edges (undirected, stored from the lower actor id) join two actors of the same
  articles, ``weight`` the number of articles; they are made only when asked
  (``co_mention`` gives their smallest weight), never by default;
* an actor is never linked to itself; ``min_weight`` applies to stance and act edges; a store
  without the ``stance`` or ``relations`` table (not migrated) gives none of those edges.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Literal

from presse.store.queries import date_filter, has_table
from presse.store.stance import PairStance, label_of, pair_stances

EdgeKind = Literal["stance", "act", "co-mention"]


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    """One edge of the actor network (see the module docstring)."""

    source: int
    target: int
    kind: EdgeKind
    weight: int
    label: str | None
    """negative, positive, mixed or neutral; None for a co-mention."""
    polarity: PairStance | None = None
    """The pair's stance aggregate (stance edges only)."""


def articles_in(since: date | None, until: date | None) -> tuple[str, list[object]]:
    """SQL selecting the ids of the articles published in [since, until], and its parameters."""
    where, params = date_filter("published", since, until)
    return "SELECT id FROM articles" + (f" WHERE {' AND '.join(where)}" if where else ""), params


def _act_edges(
    conn: sqlite3.Connection, scope: str, params: list[object], skip: set[tuple[int, int]]
) -> list[NetworkEdge]:
    if not has_table(conn, "relations"):
        return []
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for agent, patient, effect, n in conn.execute(
        f"""SELECT agent_actor, patient_actor, effect, COUNT(*) FROM relations
            WHERE agent_actor != patient_actor AND article_id IN ({scope})
            GROUP BY agent_actor, patient_actor, effect""",
        params,
    ):
        counts[(int(agent), int(patient))][effect] += int(n)
    edges: list[NetworkEdge] = []
    for (agent, patient), effects in counts.items():
        if (agent, patient) in skip:
            continue
        positive, negative = effects.get("positive", 0), effects.get("negative", 0)
        label = label_of(positive, negative) if positive + negative else "neutral"
        edges.append(NetworkEdge(agent, patient, "act", sum(effects.values()), label))
    return edges


def _co_mention_edges(
    conn: sqlite3.Connection, scope: str, params: list[object], min_weight: int
) -> list[NetworkEdge]:
    return [
        NetworkEdge(int(a), int(b), "co-mention", int(n), None)
        for a, b, n in conn.execute(
            f"""WITH present AS (SELECT DISTINCT article_id, actor_id FROM entities
                                 WHERE article_id IN ({scope}))
                SELECT a.actor_id, b.actor_id, COUNT(*) AS n FROM present a
                JOIN present b ON a.article_id = b.article_id AND a.actor_id < b.actor_id
                GROUP BY a.actor_id, b.actor_id HAVING n >= ?""",
            [*params, min_weight],
        )
    ]


def network_edges(
    conn: sqlite3.Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    min_weight: int = 1,
    co_mention: int | None = None,
) -> list[NetworkEdge]:
    """The network's edges over the articles published in [since, until]: stance and act
    edges of at least ``min_weight``, and co-mention edges of at least ``co_mention`` articles
    when it is given; heaviest first."""
    scope, params = articles_in(since, until)
    stance = pair_stances(conn, since=since, until=until)
    edges = [
        NetworkEdge(p.source_id, p.target_id, "stance", p.count, p.label, p)
        for p in stance
        if p.count >= min_weight
    ]
    pairs = {(p.source_id, p.target_id) for p in stance}
    edges += [e for e in _act_edges(conn, scope, params, pairs) if e.weight >= min_weight]
    if co_mention is not None:
        edges += _co_mention_edges(conn, scope, params, co_mention)
    edges.sort(key=lambda e: (-e.weight, e.kind, e.source, e.target))
    return edges

"""Export a corpus store: articles, quotes and actors as tables, or the actor network as GEXF.

Contracts:

* ``jsonl``, ``csv`` and ``parquet`` write a directory ``out`` holding ``articles.<ext>``,
  ``quotes.<ext>``, ``actors.<ext>``, ``stance.<ext>``, ``voices.<ext>`` and ``trails.<ext>`` (created if needed; existing files are
  replaced); rows are streamed from the database, so memory does not grow with the corpus;
* ``stance`` has one row per stance edge (source actor → target actor, polarity, score, via
  quote or relation, the quote's text for a quote); it is empty for a store whose articles
  were analyzed before presse computed stance;
* ``voices`` holds the figures of :mod:`presse.store.voices` at their finest grain: one row per
  outlet, month and gender (f, m, x, unknown — all four for every outlet and month), with the
  persons mentioned, persons quoted, quotations (one per utterance) and quoted words; summing
  rows gives any coarser view. ``actors`` carries each actor's ``gender`` and
  ``gender_evidence``, so the most quoted women and men are a filter and a sort away. Both are
  empty or null for a store from before ``0005_gender_evidence``;
* ``trails`` has one row per appearance of a traced quotation: its trail (``trail_id``, with the
  trail's ``trail_articles`` and ``trail_independent`` counts), the quote, its article, date,
  outlet, speaker and words, how it joined the trail (``joined_by``: first, identical, variant,
  fragment; ``matched_quote_id``) and the article's ``copy_group`` (null: no copy); it is empty
  for a store without trails or awaiting their rebuild (see :mod:`presse.store.trails`);
* list-valued columns (authors, aliases, about) are JSON lists in CSV, lists in JSONL and
  Parquet; dates are ISO strings in CSV/JSONL and ``date32`` in Parquet;
* ``gexf`` writes one file ``out``: a directed multigraph whose nodes are actors and whose edges
  are those of :func:`presse.store.network.network_edges`: ``kind="stance"`` (source → target,
  ``weight`` = judgments, ``label`` negative/positive/mixed, ``polarity`` = mean score,
  ``positive``/``negative`` counts, ``first_date``/``last_date``, ``first_polarity``/
  ``last_polarity`` and ``swing`` when there is one) and ``kind="act"`` (agent → patient of acts
  with no stance, ``weight`` = acts); ``kind="co-mention"`` edges (two actors in the same
  article, ``weight`` = number of articles, stored once from the lower id) only with
  ``co_mention`` (their smallest weight).
* ``gold`` writes one JSONL file ``out`` in the gold format ``presse eval quotes`` reads, from
  the corrected articles (:mod:`presse.store.gold_export`);
* every table and count reads the corrected data (:mod:`presse.store.corrections`).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from presse.errors import UsageError
from presse.store.gold_export import gold_records
from presse.store.network import network_edges
from presse.store.queries import counted, has_table
from presse.store.trails import has_trails
from presse.store.voices import GROUPINGS, gender_voices

ExportFormat = Literal["jsonl", "csv", "parquet", "gexf", "gold"]
TABLES = ("articles", "quotes", "actors", "stance", "voices", "trails")

_BATCH = 2000


@dataclass(frozen=True)
class _Column:
    name: str
    kind: Literal["int", "float", "str", "date", "list"]


_COLUMNS: dict[str, tuple[_Column, ...]] = {
    "articles": (
        _Column("id", "int"),
        _Column("key", "str"),
        _Column("source", "str"),
        _Column("doc_id", "str"),
        _Column("url", "str"),
        _Column("title", "str"),
        _Column("published", "date"),
        _Column("outlet", "str"),
        _Column("authors", "list"),
        _Column("language", "str"),
        _Column("words", "int"),
        _Column("entities", "int"),
        _Column("quotes", "int"),
        _Column("presse_version", "str"),
        _Column("model", "str"),
        _Column("text", "str"),
    ),
    "quotes": (
        _Column("id", "int"),
        _Column("article_id", "int"),
        _Column("quote_id", "str"),
        _Column("published", "date"),
        _Column("kind", "str"),
        _Column("text", "str"),
        _Column("cue", "str"),
        _Column("cue_lemma", "str"),
        _Column("speaker", "str"),
        _Column("speaker_actor_id", "int"),
        _Column("about", "list"),
        _Column("confidence", "float"),
        _Column("quoted_words", "int"),
        _Column("evidence", "str"),
        _Column("part_of", "str"),
    ),
    "actors": (
        _Column("id", "int"),
        _Column("name", "str"),
        _Column("type", "str"),
        _Column("articles", "int"),
        _Column("mentions", "int"),
        _Column("quotes", "int"),
        _Column("quoted_words", "int"),
        _Column("voice", "float"),
        _Column("first_seen", "date"),
        _Column("last_seen", "date"),
        _Column("knowledge", "str"),
        _Column("aliases", "list"),
        _Column("gender", "str"),
        _Column("gender_evidence", "str"),
    ),
    "stance": (
        _Column("id", "int"),
        _Column("article_id", "int"),
        _Column("published", "date"),
        _Column("position", "int"),
        _Column("source_actor_id", "int"),
        _Column("source", "str"),
        _Column("target_actor_id", "int"),
        _Column("target", "str"),
        _Column("polarity", "str"),
        _Column("score", "float"),
        _Column("via", "str"),
        _Column("evidence_id", "str"),
        _Column("quote", "str"),
        _Column("source_entity", "str"),
        _Column("target_entity", "str"),
    ),
    "voices": (
        _Column("outlet", "str"),
        _Column("month", "str"),
        _Column("gender", "str"),
        _Column("persons_mentioned", "int"),
        _Column("persons_quoted", "int"),
        _Column("quotes", "int"),
        _Column("quoted_words", "int"),
    ),
    "trails": (
        _Column("trail_id", "int"),
        _Column("quote_id", "int"),
        _Column("article_id", "int"),
        _Column("published", "date"),
        _Column("outlet", "str"),
        _Column("kind", "str"),
        _Column("speaker", "str"),
        _Column("speaker_actor_id", "int"),
        _Column("text", "str"),
        _Column("joined_by", "str"),
        _Column("matched_quote_id", "int"),
        _Column("score", "float"),
        _Column("copy_group", "int"),
        _Column("trail_articles", "int"),
        _Column("trail_independent", "int"),
    ),
}

# the store table each export table needs (a store from before its migration has none)
_SOURCE_TABLE = {"trails": "trail_quotes"}

_SQL: dict[str, str] = {
    "articles": """
        SELECT a.id, a.key, a.source, a.doc_id, a.url, a.title, a.published, a.outlet, a.authors,
               a.language, a.words,
               (SELECT COUNT(*) FROM entities e WHERE e.article_id = a.id),
               (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id AND {counted}),
               a.presse_version, a.model, a.text
        FROM articles a ORDER BY a.id""",
    "quotes": """
        SELECT q.id, q.article_id, q.quote_id, q.published, q.kind, q.text, q.cue, q.cue_lemma,
               COALESCE(sa.name, q.speaker_name), sa.id,
               (SELECT json_group_array(name) FROM (SELECT DISTINCT xa.name FROM quote_about qa
                  JOIN entities xe ON xe.article_id = qa.article_id AND xe.entity_id = qa.entity_id
                  JOIN actors xa ON xa.id = xe.actor_id WHERE qa.quote_id = q.id ORDER BY xa.name)),
               q.confidence, q.quoted_words, q.evidence, {part_of}
        FROM quotes q
        LEFT JOIN entities ke ON ke.article_id = q.article_id AND ke.entity_id = q.speaker_entity
        LEFT JOIN actors sa ON sa.id = ke.actor_id
        ORDER BY q.id""",
    "actors": """
        SELECT a.id, a.name, a.type, a.articles, a.mentions, a.quotes, a.quoted_words,
               ROUND(CAST(a.quotes AS REAL) / MAX(a.mentions, 1), 3), a.first_seen, a.last_seen,
               a.knowledge,
               (SELECT json_group_array(name) FROM (SELECT n.name FROM actor_names n
                  WHERE n.actor_id = a.id AND n.name != a.name ORDER BY n.name)),
               {gender}
        FROM actors a WHERE a.articles > 0 ORDER BY a.id""",
    "stance": """
        SELECT s.id, s.article_id, a.published, s.position, s.source_actor, sa.name,
               s.target_actor, ta.name, s.polarity, s.score, s.via, s.evidence_id, q.text,
               s.source_entity, s.target_entity
        FROM stance s JOIN articles a ON a.id = s.article_id
        JOIN actors sa ON sa.id = s.source_actor JOIN actors ta ON ta.id = s.target_actor
        LEFT JOIN quotes q ON s.via = 'quote' AND q.article_id = s.article_id
             AND q.quote_id = s.evidence_id
        ORDER BY s.article_id, s.position, s.id""",
    "trails": """
        SELECT t.cluster_id, t.quote_id, t.article_id, q.published, a.outlet, q.kind,
               COALESCE(sa.name, q.speaker_name), sa.id, q.text, t.relation, t.matched_quote,
               t.score, c.group_id, tc.articles, tc.independent
        FROM trail_quotes t JOIN trail_clusters tc ON tc.id = t.cluster_id
        JOIN quotes q ON q.id = t.quote_id JOIN articles a ON a.id = t.article_id
        LEFT JOIN entities ke ON ke.article_id = q.article_id AND ke.entity_id = q.speaker_entity
        LEFT JOIN actors sa ON sa.id = ke.actor_id
        LEFT JOIN article_copies c ON c.article_id = t.article_id
        ORDER BY t.cluster_id, q.published IS NULL, q.published, t.article_id, q.start""",
}


def _voices_rows(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """The ``voices`` rows: every (outlet, month) with persons, four genders each."""
    report = gender_voices(conn, GROUPINGS, top=0)
    for r in report.rows:
        yield (r.outlet, r.month, r.gender, r.persons_mentioned, r.persons_quoted, r.quotes,
               r.quoted_words)


def _table_sql(conn: sqlite3.Connection, table: str) -> str:
    """The query of ``table``, counting one quote per utterance where the store links them."""
    condition = counted(conn)
    if table == "articles":
        return _SQL[table].format(counted=condition)
    if table == "quotes":
        return _SQL[table].format(part_of="NULL" if condition == "1" else "q.part_of")
    if table == "actors":
        gendered = has_table(conn, "gender_voices")
        return _SQL[table].format(gender="a.gender, a.gender_evidence" if gendered else "NULL, NULL")
    return _SQL[table]


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    columns = _COLUMNS[table]
    if table == "voices":
        if not has_table(conn, "gender_voices"):  # a store from before 0005_gender_evidence
            return
        batches: Iterator[Any] = iter([list(_voices_rows(conn))])
    elif not has_table(conn, _SOURCE_TABLE.get(table, table)) or (table == "trails" and not has_trails(conn)):  # a store from before its migration
        return
    else:
        cursor = conn.execute(_table_sql(conn, table))
        batches = iter(lambda: cursor.fetchmany(_BATCH), [])
    for batch in batches:
        for raw in batch:
            row: dict[str, Any] = {}
            for column, value in zip(columns, raw, strict=True):
                if column.kind == "list":
                    value = json.loads(value) if value else []
                elif column.kind == "date" and value:
                    value = date.fromisoformat(value)
                row[column.name] = value
            yield row


def _write_jsonl(conn: sqlite3.Connection, table: str, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in _rows(conn, table):
            fh.write(json.dumps(row, ensure_ascii=False, default=date.isoformat) + "\n")
            count += 1
    return count


def _write_csv(conn: sqlite3.Connection, table: str, path: Path) -> int:
    columns = _COLUMNS[table]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([c.name for c in columns])
        for row in _rows(conn, table):
            writer.writerow(
                [
                    json.dumps(row[c.name], ensure_ascii=False)
                    if c.kind == "list"
                    else (row[c.name].isoformat() if c.kind == "date" and row[c.name] else row[c.name])
                    for c in columns
                ]
            )
            count += 1
    return count


def _write_parquet(conn: sqlite3.Connection, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "int": pa.int64(),
        "float": pa.float64(),
        "str": pa.string(),
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
    }
    columns = _COLUMNS[table]
    schema = pa.schema([pa.field(c.name, types[c.kind]) for c in columns])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _rows(conn, table):
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}


def export_tables(conn: sqlite3.Connection, fmt: str, out: str | Path) -> dict[str, Path]:
    """Write the tables of :data:`TABLES` to the directory ``out``; return their paths by name."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown table format {fmt!r}")
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for table in TABLES:
        path = directory / f"{table}.{fmt}"
        _WRITERS[fmt](conn, table, path)
        paths[table] = path
    return paths


def actor_network(conn: sqlite3.Connection, *, co_mention: int | None = None) -> Any:
    """The actor network as a ``networkx.MultiDiGraph`` (see the module docstring)."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    for id_, name, type_, articles, mentions, quotes, words in conn.execute(
        "SELECT id, name, type, articles, mentions, quotes, quoted_words FROM actors "
        "WHERE articles > 0"
    ):
        graph.add_node(
            str(id_),
            label=name,
            type=type_,
            articles=articles,
            mentions=mentions,
            quotes=quotes,
            quoted_words=words,
        )
    for edge in network_edges(conn, co_mention=co_mention):
        extra: dict[str, Any] = {"label": edge.label} if edge.label else {}
        pair = edge.polarity
        if pair is not None:
            extra |= {
                "polarity": pair.mean,
                "positive": pair.positive,
                "negative": pair.negative,
                "first_polarity": pair.first_polarity,
                "last_polarity": pair.last_polarity,
            }
            # GEXF has no null: an absent attribute says "none"
            extra |= {
                key: value
                for key, value in (
                    ("first_date", pair.first_date and pair.first_date.isoformat()),
                    ("last_date", pair.last_date and pair.last_date.isoformat()),
                    ("swing", pair.swing),
                )
                if value
            }
        graph.add_edge(
            str(edge.source), str(edge.target), key=edge.kind, kind=edge.kind, weight=edge.weight, **extra
        )
    return graph


def export_gexf(conn: sqlite3.Connection, out: str | Path, *, co_mention: int | None = None) -> Path:
    """Write the actor network to the GEXF file ``out`` (for Gephi)."""
    import networkx as nx

    path = Path(out)
    if path.parent:
        path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(actor_network(conn, co_mention=co_mention), str(path))
    return path


def export_gold(conn: sqlite3.Connection, out: str | Path, *, reviewed_only: bool = False) -> Path:
    """Write the (reviewed) corrected articles as gold JSONL to ``out``
    (:mod:`presse.store.gold_export`); the file appears whole or not at all."""
    path = Path(out)
    if not path.name or path.is_dir():
        raise UsageError(f"{path}: a folder; the gold export is one file (give its name)")
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("w", encoding="utf-8") as fh:
            for record in gold_records(conn, reviewed_only=reviewed_only):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        partial.replace(path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the gold file ({exc.strerror})") from None
    finally:
        partial.unlink(missing_ok=True)
    return path


def export(
    conn: sqlite3.Connection,
    fmt: ExportFormat,
    out: str | Path,
    *,
    co_mention: int | None = None,
    reviewed_only: bool = False,
) -> list[Path]:
    """Export the store in ``fmt`` to ``out``; return the files written (``co_mention``: see
    :func:`presse.store.network.network_edges`, GEXF only; ``reviewed_only`` limits the gold
    export to the articles marked reviewed)."""
    if fmt == "gexf":
        return [export_gexf(conn, out, co_mention=co_mention)]
    if fmt == "gold":
        return [export_gold(conn, out, reviewed_only=reviewed_only)]
    return list(export_tables(conn, fmt, out).values())

"""Parquet shards of a batch directory: their tables, how one is written (atomically), and how
the finished ones are read back (:func:`read_shards`, :func:`read_errors`, :func:`read_batch`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presse.analyze.utterances import utterances
from presse.corpus.chunks import Result
from presse.corpus.manifest import read_manifest
from presse.errors import InputError
from presse.model import Article

if TYPE_CHECKING:
    import pyarrow as pa


DEFAULT_SHARD_SIZE = 256
TABLES = ("articles", "quotes", "entities", "mentions", "errors")


def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    s, i32, i64 = pa.string(), pa.int32(), pa.int64()
    return {
        "articles": pa.schema(
            [
                ("position", i64), ("id", s), ("source", s), ("url", s), ("title", s),
                ("published", pa.date32()), ("language", s), ("outlet", s),
                ("n_chars", i32), ("n_words", i32), ("n_blocks", i32), ("n_sections", i32),
                ("n_entities", i32), ("n_mentions", i32), ("n_quotes", i32),
                ("warnings", pa.list_(s)), ("article_json", s),
            ]
        ),
        "quotes": pa.schema(
            [
                ("position", i64), ("article_id", s), ("quote_id", s), ("kind", s),
                ("text", s), ("start", i32), ("end", i32), ("cue", s), ("cue_lemma", s),
                ("speaker_entity", s), ("speaker_name", s), ("speaker_text", s),
                ("speaker_resolved_by", s), ("confidence", pa.float64()), ("evidence", s),
                ("quoted_words", i32), ("part_of", s),
            ]
        ),
        "entities": pa.schema(
            [
                ("position", i64), ("article_id", s), ("entity_id", s), ("name", s),
                ("type", s), ("gender", s), ("gender_evidence", s), ("knowledge", s), ("aliases", pa.list_(s)),
                ("descriptions", pa.list_(s)), ("n_mentions", i32), ("n_quotes", i32),
                ("quoted_words", i32),
            ]
        ),
        "mentions": pa.schema(
            [
                ("position", i64), ("article_id", s), ("entity_id", s), ("start", i32),
                ("end", i32), ("text", s), ("kind", s), ("resolved_by", s),
            ]
        ),
        "errors": pa.schema([("position", i64), ("source", s), ("problem", s), ("hint", s)]),
    }


def word_count(text: str) -> int:
    """Words as the throughput figures count them: whitespace-separated tokens."""
    return len(text.split())


@dataclass
class ShardRows:
    index: int
    rows: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in TABLES}
    )
    items: int = 0
    words: int = 0

    def add(self, position: int, result: Result) -> None:
        self.items += 1
        if not isinstance(result, Article):
            source = result.source if isinstance(result, InputError) else "<document>"
            problem = result.problem if isinstance(result, InputError) else str(result)
            hint = result.hint if isinstance(result, InputError) else ""
            self.rows["errors"].append(
                {"position": position, "source": source, "problem": problem, "hint": hint}
            )
            return
        article = result
        words = word_count(article.text)
        self.words += words
        voices = {v.entity: v for v in article.voices}
        key = {"position": position, "article_id": article.id}
        self.rows["articles"].append(
            {
                "position": position, "id": article.id, "source": article.source,
                "url": article.url, "title": article.title, "published": article.published,
                "language": article.language, "outlet": article.outlet,
                "n_chars": len(article.text), "n_words": words,
                "n_blocks": len(article.blocks), "n_sections": len(article.sections),
                "n_entities": len(article.entities),
                "n_mentions": sum(len(e.mentions) for e in article.entities),
                "n_quotes": len(utterances(article.quotes)), "warnings": article.warnings,
                "article_json": article.model_dump_json(),
            }
        )
        for q in article.quotes:
            self.rows["quotes"].append(
                key | {
                    "quote_id": q.id, "kind": q.kind, "text": q.text, "start": q.start,
                    "end": q.end, "cue": q.cue, "cue_lemma": q.cue_lemma,
                    "speaker_entity": q.speaker.entity, "speaker_name": q.speaker.name,
                    "speaker_text": q.speaker.text, "speaker_resolved_by": q.speaker.resolved_by,
                    "confidence": q.confidence, "evidence": q.evidence,
                    "quoted_words": q.quoted_words, "part_of": q.part_of,
                }
            )
        for e in article.entities:
            voice = voices.get(e.id)
            self.rows["entities"].append(
                key | {
                    "entity_id": e.id, "name": e.name, "type": e.type, "gender": e.gender,
                    "gender_evidence": e.gender_evidence, "knowledge": e.knowledge, "aliases": e.aliases,
                    "descriptions": e.descriptions, "n_mentions": len(e.mentions),
                    "n_quotes": voice.quotes if voice else 0,
                    "quoted_words": voice.quoted_words if voice else 0,
                }
            )
            for m in e.mentions:
                self.rows["mentions"].append(
                    key | {
                        "entity_id": e.id, "start": m.start, "end": m.end, "text": m.text,
                        "kind": m.kind, "resolved_by": m.resolved_by,
                    }
                )

    def counts(self) -> dict[str, int]:
        return {"items": self.items, "words": self.words} | {
            name: len(rows) for name, rows in self.rows.items()
        }


def shard_name(index: int) -> str:
    """The directory name of shard ``index`` under ``DIR/shards``."""
    return f"{index:06d}"


def write_shard(out: Path, shard: ShardRows) -> None:
    """Write the shard's tables into a temporary directory, then rename it into place, so a
    shard directory is either complete or absent."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    shards = out / "shards"
    shards.mkdir(parents=True, exist_ok=True)
    final = shards / shard_name(shard.index)
    tmp = shards / f".{shard_name(shard.index)}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    for name, schema in _schemas().items():
        table = pa.Table.from_pylist(shard.rows[name], schema=schema)
        pq.write_table(table, tmp / f"{name}.parquet", compression="zstd")
    if final.exists():
        shutil.rmtree(final)  # left by a run that died before recording it in the manifest
    os.rename(tmp, final)


def _finished_shards(out: Path) -> list[Path]:
    manifest = read_manifest(out)
    if manifest is None:
        raise InputError(str(out), "is not a presse batch directory (no manifest.json)")
    return [out / "shards" / name for name in sorted(manifest["shards"])]


def read_shards(out: str | Path, *, table: str = "articles") -> Iterator[Article]:
    """The Articles of the finished shards of batch directory ``out``, in input order.

    This is how a store loads a batch (``presse ingest --from-batch DIR``): only shards listed in
    the manifest are read (a shard being written or left by a killed run is not), one shard at a
    time, each Article rebuilt from its full JSON. Failed documents are not yielded; see
    :func:`read_errors` or :func:`read_batch`. The manifest's ``totals`` give the expected counts
    (``articles``, ``quotes``, ``entities``, ``mentions``, ``errors``) and ``complete`` says
    whether the run finished. Raises InputError if ``out`` has no manifest.
    """
    import pyarrow.parquet as pq

    for shard in _finished_shards(Path(out)):
        column = pq.read_table(shard / f"{table}.parquet", columns=["position", "article_json"])
        for _, text in sorted(
            zip(column["position"].to_pylist(), column["article_json"].to_pylist(), strict=True)
        ):
            yield Article.model_validate_json(text)


def read_errors(out: str | Path) -> Iterator[InputError]:
    """The recorded failures (bad inputs, records and documents) of batch ``out``, in input
    order."""
    for _, error in _read_error_rows(Path(out)):
        yield error


def _read_error_rows(out: Path) -> Iterator[tuple[int, InputError]]:
    import pyarrow.parquet as pq

    for shard in _finished_shards(out):
        rows = pq.read_table(shard / "errors.parquet").to_pylist()
        for row in sorted(rows, key=lambda r: r["position"]):
            yield row["position"], InputError(row["source"], row["problem"], row["hint"] or "")


def read_batch(out: str | Path) -> Iterator[Article | InputError]:
    """Articles and errors of batch ``out`` together, in input order."""
    import pyarrow.parquet as pq

    out = Path(out)
    for shard in _finished_shards(out):
        articles = pq.read_table(shard / "articles.parquet", columns=["position", "article_json"])
        merged: list[tuple[int, Article | InputError]] = [
            (position, Article.model_validate_json(text))
            for position, text in zip(
                articles["position"].to_pylist(), articles["article_json"].to_pylist(), strict=True
            )
        ]
        for row in pq.read_table(shard / "errors.parquet").to_pylist():
            merged.append(
                (row["position"], InputError(row["source"], row["problem"], row["hint"] or ""))
            )
        merged.sort(key=lambda pair: pair[0])
        for _, value in merged:
            yield value

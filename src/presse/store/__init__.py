"""The corpus store: an embedded SQLite database of analyzed articles.

- :mod:`presse.store.schema`: named migrations (articles, sections, actors, entities, mentions,
  quotes, stance edges, relations, persons by gender, ingest errors, feed links, metadata; FTS5
  over article and quote text).
- :mod:`presse.store.writer`: the single writer, one transaction per article, WAL.
- :mod:`presse.store.actors`: corpus-level actor linking across articles.
- :mod:`presse.store.queries`: read-only connections and typed query rows.
- :mod:`presse.store.voices`: who gets a voice, by gender (per outlet and month).
- :mod:`presse.store.stance`: stance per actor pair (counts, dates, swing) and its evidence.
- :mod:`presse.store.network`: the actor network's edges (stance, act, co-mention on request).
- :mod:`presse.store.export`: JSONL/CSV/Parquet tables, the GEXF actor network, and the gold
  JSONL of reviewed articles (:mod:`presse.store.gold_export`).
- :mod:`presse.store.corrections`: a reviewer's corrections (record, undo, share as JSONL, mark
  reviewed), kept in :mod:`presse.store.correction_log`, applied on every write to the
  articles (:mod:`presse.store.corrected`) and to the corpus actors
  (:mod:`presse.store.actor_rules`).
"""

from presse.store.queries import ActorRow, QuoteRow, StatsRow, connect_reader
from presse.store.writer import StoreWriter, content_hash, document_hash, document_key

__all__ = [
    "ActorRow",
    "QuoteRow",
    "StatsRow",
    "StoreWriter",
    "connect_reader",
    "content_hash",
    "document_hash",
    "document_key",
]

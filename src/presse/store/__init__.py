"""The corpus store: an embedded SQLite database of analyzed articles.

- :mod:`presse.store.schema`: named migrations (articles, sections, actors, entities, mentions,
  quotes, stance edges, relations, ingest errors, feed links, metadata; FTS5 over article and
  quote text).
- :mod:`presse.store.writer`: the single writer, one transaction per article, WAL.
- :mod:`presse.store.actors`: corpus-level actor linking across articles.
- :mod:`presse.store.queries`: read-only connections and typed query rows.
- :mod:`presse.store.stance`: stance per actor pair (counts, dates, swing) and its evidence.
- :mod:`presse.store.network`: the actor network's edges (stance, act, co-mention on request).
- :mod:`presse.store.export`: JSONL/CSV/Parquet tables and the GEXF actor network.
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

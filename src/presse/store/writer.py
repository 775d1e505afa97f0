"""The single writer of a corpus store: one transaction per article, WAL journal.

Contracts:

* :class:`StoreWriter` is the only object that writes a store; one per database at a time
  (SQLite serializes writers anyway, this keeps transactions short and predictable);
* :meth:`StoreWriter.write_article` writes an article's whole analysis — the article row with its
  Article JSON, sections, entities, mentions, quotes, quote subjects, stance edges, corpus actors
  and their statistics — in one ``BEGIN IMMEDIATE`` … ``COMMIT``: a process killed at any moment leaves
  either all of it or none of it;
* articles are keyed by their source identity (``key``); the same key with the same content hash
  is "unchanged" and nothing is written (unless the write is forced: a re-analysis), a different
  hash replaces the old analysis in the same transaction as the new one is written; each article
  row keeps the presse version that analyzed it (:func:`analyzed_by_older` compares versions);
* the quote trails and article copy groups (:mod:`presse.corpus.trails`) are updated in the
  transaction of each article written or replaced, unless the store awaits a rebuild of them
  (:meth:`StoreWriter.rebuild_trails`);
* every ``stance`` row's ``source_actor``/``target_actor`` is the current ``actor_id`` of its
  entities: when a surname-only entity is re-pointed to another actor (a full name with that
  surname appeared or disappeared), the stance rows of every article follow in the same
  transaction. A stance edge whose source or target is no entity of the article is not stored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from packaging.version import InvalidVersion, Version

from presse import __version__
from presse.analyze.compose import compose_text
from presse.corpus import trails
from presse.errors import StoreError
from presse.model import Article, Document
from presse.store.actors import ActorLinker, refresh_actor_stats, relink_surname
from presse.store.schema import migrate

WriteResult = Literal["new", "replaced", "unchanged"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def document_key(document: Document) -> str:
    """The source identity of a document: its URL, else its record id, else its file path.

    A document with none of them (standard input) is identified by its text alone.
    """
    if document.url:
        return document.url
    if document.id:
        return f"id:{document.id}"
    source = document.source
    if source and source != "-":
        return str(Path(source).resolve()) if os.path.isfile(source) else source
    return "sha256:" + hashlib.sha256(compose_text(document)[0].encode("utf-8")).hexdigest()


def content_hash(key: str, text: str) -> str:
    """sha256 of the source identity and the analyzed text."""
    digest = hashlib.sha256()
    digest.update(key.encode("utf-8"))
    digest.update(b"\0")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()


def document_hash(document: Document, key: str | None = None) -> tuple[str, str]:
    """The key and content hash of a document, computed before analysis."""
    key = key or document_key(document)
    return key, content_hash(key, compose_text(document)[0])


def analyzed_by_older(stored: str | None, current: str = __version__) -> bool:
    """True when an analysis stored by presse ``stored`` predates presse ``current``: an unknown
    version counts as older, a version that cannot be parsed as older when it differs."""
    if stored is None:
        return True
    try:
        return Version(stored) < Version(current)
    except InvalidVersion:
        return stored != current


def connect_writer(path: str | Path) -> sqlite3.Connection:
    """A read-write connection in autocommit mode with WAL, foreign keys, and the schema migrated."""
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=60.0)
    conn.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable across process kills in WAL mode; only a power cut may lose commits
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    migrate(conn)
    return conn


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's storage failures (read-only file, full disk, corrupt file) into StoreError."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        raise StoreError(str(path), str(exc)) from exc


class StoreWriter:
    """Writes analyses, ingest errors and link-only feed entries to a store.

    A storage failure (read-only database, full disk) raises StoreError after rolling back the
    transaction at hand: the store keeps only whole analyses."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        with storage_errors(self.path):
            self.conn = connect_writer(self.path)
            self._set_metadata({"presse_version": __version__})
            self.trails = trails.maintained(self.conn)

    def close(self) -> None:
        """Checkpoint the WAL into the database file and close."""
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _set_metadata(self, values: dict[str, str]) -> None:
        self.conn.executemany(
            "INSERT INTO metadata(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )

    def stored_hash(self, key: str) -> str | None:
        """The content hash stored for ``key``, or None when the key is new."""
        row = self.conn.execute("SELECT content_hash FROM articles WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def stored_version(self, key: str) -> str | None:
        """The presse version that made the stored analysis of ``key`` (None: unknown or new)."""
        row = self.conn.execute("SELECT presse_version FROM articles WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def write_article(
        self, article: Article, *, key: str, digest: str, force: bool = False
    ) -> WriteResult:
        """Write one analysis in one transaction (see the module docstring); ``force`` replaces
        a stored analysis of the same content (a re-analysis)."""
        with storage_errors(self.path):
            return self._write_article(article, key=key, digest=digest, force=force)

    def _write_article(self, article: Article, *, key: str, digest: str, force: bool) -> WriteResult:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "SELECT id, content_hash FROM articles WHERE key = ?", (key,)
            ).fetchone()
            if row is not None and row[1] == digest and not force:
                conn.execute("ROLLBACK")
                return "unchanged"
            touched: set[int] = set()
            if row is not None:
                touched |= self._delete(int(row[0]))
            touched |= self._insert(article, key, digest)
            if self.trails:
                trails.index_article(conn, self._article_id(key))
            self._resync_stance(touched)
            refresh_actor_stats(conn, touched)
            conn.execute(
                "DELETE FROM ingest_errors WHERE source = ?", (article.source or key,)
            )
            self._set_metadata(
                {"last_presse_version": article.presse_version or "", "last_model": article.model or ""}
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite already rolled back after some errors (disk full)
                conn.execute("ROLLBACK")
            raise
        return "new" if row is None else "replaced"

    def _article_id(self, key: str) -> int:
        return int(self.conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()[0])

    def rebuild_trails(self) -> int:
        """Rebuild the quote trails and copy groups of the whole store (one transaction); return
        the number of articles indexed. From now on every write maintains them."""
        with storage_errors(self.path):
            count = trails.rebuild(self.conn)
        self.trails = True
        return count

    def _delete(self, article_id: int) -> set[int]:
        conn = self.conn
        actors = {
            int(r[0])
            for r in conn.execute("SELECT actor_id FROM entities WHERE article_id = ?", (article_id,))
        }
        surnames = {
            r[0]
            for r in conn.execute(
                f"SELECT surname FROM actors WHERE surname IS NOT NULL "
                f"AND id IN ({','.join('?' * len(actors))})",
                tuple(actors),
            )
        }
        if self.trails:
            trails.unindex_article(conn, article_id)
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        refresh_actor_stats(conn, actors)
        touched = set(actors)
        for surname in sorted(surnames):
            touched |= relink_surname(conn, surname)
        return touched

    def _insert(self, article: Article, key: str, digest: str) -> set[int]:
        conn = self.conn
        published = article.published.isoformat() if article.published else None
        cursor = conn.execute(
            """INSERT INTO articles(key, content_hash, source, doc_id, url, title, standfirst,
                   outlet, authors, published, language, text, words, presse_version, model,
                   schema_version, analysis, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                key,
                digest,
                article.source,
                article.id,
                article.url,
                article.title,
                article.standfirst,
                article.outlet,
                json.dumps(article.authors, ensure_ascii=False),
                published,
                article.language,
                article.text,
                len(article.text.split()),
                article.presse_version,
                article.model,
                article.schema_version,
                article.model_dump_json(),
                _now(),
            ),
        )
        article_id = int(cursor.lastrowid or 0)
        conn.executemany(
            'INSERT INTO sections(article_id, position, heading, start, "end") VALUES (?, ?, ?, ?, ?)',
            [(article_id, i, s.heading, s.start, s.end) for i, s in enumerate(article.sections)],
        )
        voices = {v.entity: v for v in article.voices}
        linker = ActorLinker(conn)
        touched: set[int] = set()
        for entity in article.entities:
            link = linker.link(entity, article_id)
            touched.add(link.actor_id)
            voice = voices.get(entity.id)
            conn.execute(
                """INSERT INTO entities(article_id, entity_id, actor_id, name, type, link,
                       surname_key, mentions, quotes, quoted_words)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article_id,
                    entity.id,
                    link.actor_id,
                    entity.name,
                    entity.type,
                    link.link,
                    link.surname_key,
                    voice.mentions if voice else len(entity.mentions),
                    voice.quotes if voice else 0,
                    voice.quoted_words if voice else 0,
                ),
            )
            conn.executemany(
                'INSERT INTO mentions(article_id, entity_id, start, "end", text, kind, resolved_by) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (article_id, entity.id, m.start, m.end, m.text, m.kind, m.resolved_by)
                    for m in entity.mentions
                ],
            )
        touched |= linker.settle()
        for quote in article.quotes:
            cursor = conn.execute(
                """INSERT INTO quotes(article_id, quote_id, text, start, "end", kind, cue,
                       cue_lemma, speaker_entity, speaker_name, confidence, evidence,
                       quoted_words, published, part_of)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    article_id,
                    quote.id,
                    quote.text,
                    quote.start,
                    quote.end,
                    quote.kind,
                    quote.cue,
                    quote.cue_lemma,
                    quote.speaker.entity,
                    quote.speaker.name,
                    quote.confidence,
                    quote.evidence,
                    quote.quoted_words,
                    published,
                    quote.part_of,
                ),
            )
            quote_rowid = int(cursor.lastrowid or 0)
            about = sorted(
                {
                    entity.id
                    for entity in article.entities
                    if entity.id != quote.speaker.entity
                    for m in entity.mentions
                    if quote.start <= m.start and m.end <= quote.end
                }
            )
            conn.executemany(
                "INSERT INTO quote_about(quote_id, article_id, entity_id) VALUES (?, ?, ?)",
                [(quote_rowid, article_id, entity_id) for entity_id in about],
            )
        self._insert_stance(article, article_id)
        return touched

    def _insert_stance(self, article: Article, article_id: int) -> None:
        # read back after settle(): it may have re-pointed this article's surname-only entities
        actor_of = {
            entity_id: int(actor_id)
            for entity_id, actor_id in self.conn.execute(
                "SELECT entity_id, actor_id FROM entities WHERE article_id = ?", (article_id,)
            )
        }
        self.conn.executemany(
            """INSERT INTO stance(article_id, source_entity, target_entity, source_actor,
                   target_actor, polarity, score, via, evidence_id, position)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    article_id,
                    edge.source,
                    edge.target,
                    actor_of[edge.source],
                    actor_of[edge.target],
                    edge.polarity,
                    edge.score,
                    edge.via,
                    edge.evidence_id,
                    edge.position,
                )
                for edge in article.stance
                if edge.source in actor_of and edge.target in actor_of
            ],
        )

    def _resync_stance(self, actors: set[int]) -> None:
        """Give the stance rows that name one of ``actors`` the current actor of their entities.

        Called with every actor a write touched, which includes both ends of any re-pointing.
        """
        ids = sorted(actors)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for side in ("source", "target"):
                self.conn.execute(
                    f"""UPDATE stance SET {side}_actor = (
                           SELECT e.actor_id FROM entities e
                           WHERE e.article_id = stance.article_id
                             AND e.entity_id = stance.{side}_entity)
                       WHERE {side}_actor IN ({marks})""",
                    chunk,
                )

    def record_error(self, source: str, reason: str) -> None:
        """Record an ingest error for ``source`` (once: the same error again changes nothing)."""
        with storage_errors(self.path):
            self.conn.execute(
                "INSERT OR IGNORE INTO ingest_errors(source, reason, first_seen) VALUES (?, ?, ?)",
                (source, reason, _now()),
            )

    def record_link(self, source: str, link: str, title: str | None, reason: str | None) -> bool:
        """Record a feed entry that carries only a link; True when it was not recorded yet."""
        with storage_errors(self.path):
            cursor = self.conn.execute(
            "INSERT OR IGNORE INTO feed_links(source, link, title, reason, first_seen) "
                "VALUES (?, ?, ?, ?, ?)",
                (source, link, title, reason, _now()),
            )
        return cursor.rowcount > 0

"""The single writer of a corpus store: one transaction per article, WAL journal.

Contracts:

* :class:`StoreWriter` is the only object that writes a store; one per database at a time
  (SQLite serializes writers anyway, this keeps transactions short and predictable);
* :meth:`StoreWriter.write_article` writes an article's whole analysis — the article row with its
  Article JSON, sections, entities (with their gender and its evidence), mentions, quotes, quote
  subjects, stance edges, relations, the article's persons by gender (``gender_voices``), corpus
  actors and their statistics — in one ``BEGIN IMMEDIATE`` … ``COMMIT``: a process killed at any moment leaves
  either all of it or none of it;
* articles are keyed by their source identity (``key``); the same key with the same content hash
  is "unchanged" and nothing is written (unless the write is forced: a re-analysis), a different
  hash replaces the old analysis in the same transaction as the new one is written; each article
  row keeps the presse version that analyzed it (:func:`analyzed_by_older` compares versions);
* the quote trails and article copy groups (:mod:`presse.corpus.trails`) are updated in the
  transaction of each article written or replaced, unless the store awaits a rebuild of them
  (:meth:`StoreWriter.rebuild_trails`);
* every ``stance`` row's ``source_actor``/``target_actor`` (and every ``relations`` row's
  ``agent_actor``/``patient_actor``) is the current ``actor_id`` of its entities: when a
  surname-only entity is re-pointed to another actor (a full name with that surname appeared or
  disappeared), the rows of every article follow in the same transaction. A stance edge or
  relation whose ends are not both entities of the article is not stored;
* the optional fields of a stance edge or relation (a stance edge's ``channel``, its cue and
  evidence sentence spans, a relation's ``lemma`` and ``effect``) are stored when the analysis gives them
  (:func:`optional_span`), null otherwise.
* a reviewer's corrections (:mod:`presse.store.corrections`) are applied on every write: the
  ``analysis`` column keeps what presse found, ``corrected`` the article with its corrections
  (:mod:`presse.store.corrected`), and the tables every count reads (entities, quotes, stance,
  actors) are written from the corrected article; the actor corrections
  (:mod:`presse.store.actor_rules`) are applied after each article, so a later ingest obeys them.
  :meth:`StoreWriter.correct` changes the corrections and writes the articles concerned again
  in the same transaction (their store ids do not change).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from packaging.version import InvalidVersion, Version

from presse import __version__
from presse.analyze.compose import compose_text
from presse.corpus import trails
from presse.errors import StoreError
from presse.model import Article, Document
from presse.store import actor_rules, correction_log
from presse.store.actors import ActorLinker, refresh_actor_stats, relink_surname
from presse.store.corrected import apply_corrections
from presse.store.schema import migrate

WriteResult = Literal["new", "replaced", "unchanged"]

# the tables whose rows name corpus actors through an article entity: (table, column prefix)
_ACTOR_ENDS = (("stance", "source"), ("stance", "target"), ("relations", "agent"), ("relations", "patient"))


def optional_span(item: object, name: str) -> tuple[str | None, int | None, int | None]:
    """(text, start, end) of the span field ``name`` of a stance edge or relation, each None
    when the analysis does not give it (issue 18 adds them field by field): read from a span
    object (``name.text``/``.start``/``.end``) or from flat fields (``name`` as the text,
    ``name_start``, ``name_end``)."""
    value = getattr(item, name, None)
    if value is None or isinstance(value, str):
        return value, getattr(item, f"{name}_start", None), getattr(item, f"{name}_end", None)
    return getattr(value, "text", None), getattr(value, "start", None), getattr(value, "end", None)


def sentence_span(item: object) -> tuple[int | None, int | None]:
    """(start, end) of the evidence sentence of a stance edge or relation, named ``evidence``
    or ``sentence`` (:func:`optional_span`); (None, None) when the analysis gives neither."""
    for name in ("evidence", "sentence"):
        _, start, end = optional_span(item, name)
        if start is not None and end is not None:
            return start, end
    return None, None


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
            self._settle_actors(touched)
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

    def _settle_actors(self, touched: set[int]) -> None:
        """Apply the actor corrections, then refresh the stance rows and statistics of the
        actors a write touched."""
        moved, statuses = actor_rules.enforce(self.conn)
        touched |= moved
        correction_log.set_status(self.conn, statuses)
        self._resync_stance(touched)
        refresh_actor_stats(self.conn, touched)
        actor_rules.enforce_attributes(self.conn)

    def correct(self, change: Callable[[sqlite3.Connection], Iterable[int]]) -> None:
        """Run ``change`` (which edits the corrections and returns the store ids of the articles
        it concerns), write those articles again with their corrections and apply the actor
        corrections, all in one transaction."""
        with storage_errors(self.path):
            conn = self.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                touched: set[int] = set()
                for article_id in sorted(set(change(conn))):
                    touched |= self._rewrite(article_id)
                self._settle_actors(touched)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _rewrite(self, article_id: int) -> set[int]:
        """Write the tables of a stored article again from its analysis and corrections."""
        row = self.conn.execute(
            "SELECT key, analysis FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return set()
        touched = self._clear(article_id)
        touched |= self._project(Article.model_validate_json(row[1]), row[0], article_id)
        if self.trails:
            trails.index_article(self.conn, article_id)
        return touched

    def _clear(self, article_id: int) -> set[int]:
        """Delete what was derived from an article's analysis (its row stays); the actors touched."""
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
        if self.trails:  # before its quotes go: the trails it joined forget them
            trails.unindex_article(conn, article_id)
        for table in ("stance", "relations", "quotes", "entities", "sections", "gender_voices"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        refresh_actor_stats(conn, actors)
        touched = set(actors)
        for surname in sorted(surnames):
            touched |= relink_surname(conn, surname)
        return touched

    def _delete(self, article_id: int) -> set[int]:
        touched = self._clear(article_id)
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
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
        return self._project(article, key, int(cursor.lastrowid or 0))

    def _project(self, analysis: Article, key: str, article_id: int) -> set[int]:
        """Apply the article's corrections to ``analysis`` and write the tables every read uses
        (sections, entities, mentions, quotes, quote subjects, stance) from the result; store it
        as the ``corrected`` article. Returns the actors touched."""
        conn = self.conn
        corrected, statuses = apply_corrections(analysis, correction_log.for_article(conn, key))
        correction_log.set_status(conn, statuses)
        conn.execute(
            "UPDATE articles SET corrected = ?1 WHERE id = ?2 AND corrected IS NOT ?1",
            (corrected.model_dump_json() if corrected else None, article_id),
        )
        article = corrected or analysis
        published = article.published.isoformat() if article.published else None
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
                       surname_key, mentions, quotes, quoted_words, gender, gender_evidence)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                    entity.gender,
                    entity.gender_evidence,
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
        conn.executemany(
            """INSERT INTO gender_voices(article_id, gender, published, outlet, persons,
                   quoted_persons, quotes, quoted_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (article_id, c.gender, published, article.outlet, c.persons, c.quoted_persons,
                 c.quotes, c.quoted_words)
                for c in article.gender_balance()
                if c.persons
            ],
        )
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
                   target_actor, polarity, score, via, evidence_id, position, channel, cue,
                   cue_start, cue_end, evidence_start, evidence_end)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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
                    getattr(edge, "channel", None),
                    *optional_span(edge, "cue"),
                    *sentence_span(edge),
                )
                for edge in article.stance
                if edge.source in actor_of and edge.target in actor_of
            ],
        )
        self.conn.executemany(
            """INSERT INTO relations(article_id, relation_id, agent_entity, patient_entity,
                   agent_actor, patient_actor, lemma, verb, verb_start, verb_end, effect, score,
                   position, evidence_start, evidence_end)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    article_id,
                    relation.id,
                    relation.subject,
                    relation.object,
                    actor_of[relation.subject],
                    actor_of[relation.object],
                    getattr(relation, "lemma", None) or relation.predicate,
                    relation.predicate_text,
                    relation.predicate_start,
                    relation.predicate_end,
                    getattr(relation, "effect", None) or relation.polarity,
                    relation.score,
                    relation.position,
                    *sentence_span(relation),
                )
                for relation in article.relations
                if relation.subject in actor_of and relation.object in actor_of
            ],
        )

    def _resync_stance(self, actors: set[int]) -> None:
        """Give the stance and relation rows that name one of ``actors`` the current actor of
        their entities.

        Called with every actor a write touched, which includes both ends of any re-pointing.
        """
        ids = sorted(actors)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for table, side in _ACTOR_ENDS:
                self.conn.execute(
                    f"""UPDATE {table} SET {side}_actor = (
                           SELECT e.actor_id FROM entities e
                           WHERE e.article_id = {table}.article_id
                             AND e.entity_id = {table}.{side}_entity)
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

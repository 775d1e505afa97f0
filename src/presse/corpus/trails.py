"""Quote trails: quotations of the same words across a corpus, grouped as they are written.

A *trail* (a row of ``trail_clusters``) holds the appearances (``trail_quotes``) of one
quotation: identical after normalisation, a variant (a few words changed, added or cut) or a
fragment of a longer one (:func:`presse.corpus.trail_text.relate`), said by the same or a
compatible speaker. Each distinct normalised wording is stored once (``trail_wordings``) and
indexed by its word shingles (``trail_shingles``, an inverted index in SQLite): a new quotation
is compared only with the wordings that share a shingle with it — nothing pairwise over the
corpus. Near-duplicate articles are grouped by :mod:`presse.corpus.article_copies`.

Contracts:

* :func:`index_article` is called by the store writer inside the transaction that writes an
  article, :func:`unindex_article` inside the one that deletes it: adding an article touches
  only the trails its quotations join (and those of the articles whose copy group it changes);
* speakers are compatible when either is unattributed (no speaker name), when they are the
  same corpus actor, or when their folded names are equal or one is the other's surname; a
  trail takes a quotation only when every attributed appearance in it is compatible with it.
  An attributed quotation that matches several compatible trails merges them; an unattributed
  one joins the best matching trail only (its speaker becomes a suggestion, shown by
  :func:`presse.store.trails.trail`);
* the direct stretch of a mixed quote (``part_of``) is not traced on its own (its utterance
  is), nor are quotations shorter than :data:`presse.corpus.trail_text.MIN_WORDS` words;
* :func:`rebuild` drops the trails and copy groups and indexes every stored article again in
  publication order (undated last), in one transaction. An ingest in another order can group
  an unattributed repetition matching two speakers differently than a rebuild would, and a
  trail whose bridging quotation is deleted stays whole until the next rebuild;
* a store holding articles from before trails existed carries ``trails_pending`` in its
  metadata: :func:`maintained` is then false and the writer leaves trails alone until a rebuild.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from presse.analyze.names import fold_name
from presse.corpus import article_copies
from presse.corpus.trail_text import MIN_WORDS, Match, relate, shingles, wording_key, words

COMMON_SHINGLE = 1000
"""A shingle shared by more wordings than this is too common to link anything (a stop phrase):
its postings are not read, which bounds the work per quotation."""
CANDIDATES = 30
"""Wordings compared word by word with a new quotation, those sharing the most shingles first."""
_RANK = {"identical": 3, "variant": 2, "fragment": 1}
PENDING = "trails_pending"


def maintained(conn: sqlite3.Connection) -> bool:
    """Whether the store has trails tables kept up to date (no rebuild pending)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'trail_clusters'").fetchone() is None:
        return False
    return conn.execute("SELECT 1 FROM metadata WHERE key = ?", (PENDING,)).fetchone() is None


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quotation is attributed to: its corpus actor and folded names (empty: nobody)."""

    actor: int | None
    names: frozenset[str]

    @property
    def attributed(self) -> bool:
        """Whether the quotation names a speaker at all."""
        return bool(self.names) or self.actor is not None

    def compatible(self, other: Speaker) -> bool:
        """See the module docstring."""
        if not self.attributed or not other.attributed:
            return True
        if self.actor is not None and self.actor == other.actor:
            return True
        if self.names & other.names:
            return True
        surnames = {n.split()[-1] for n in self.names if " " in n}
        others = {n.split()[-1] for n in other.names if " " in n}
        return bool(surnames & other.names or others & self.names)


def _speaker(actor: int | None, name: str | None, actor_name: str | None) -> Speaker:
    names = frozenset(fold_name(n) for n in (name, actor_name) if n and fold_name(n))
    return Speaker(actor if names or actor is not None else None, names)


def _cluster_speakers(conn: sqlite3.Connection, cluster: int) -> list[Speaker]:
    rows = conn.execute(
        """SELECT DISTINCT e.actor_id, q.speaker_name, a.name FROM trail_quotes t
            JOIN quotes q ON q.id = t.quote_id
            LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity
            LEFT JOIN actors a ON a.id = e.actor_id
            WHERE t.cluster_id = ? AND q.speaker_name IS NOT NULL""",
        (cluster,),
    )
    return [_speaker(*row) for row in rows]


def _wording(conn: sqlite3.Connection, normalised: tuple[str, ...]) -> int:
    """The id of the stored wording, stored and indexed by its shingles now when new."""
    key = wording_key(normalised)
    row = conn.execute("SELECT id FROM trail_wordings WHERE key = ?", (key,)).fetchone()
    if row:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO trail_wordings(key, words) VALUES (?, ?)", (key, " ".join(normalised))
    )
    wording = int(cursor.lastrowid or 0)
    conn.executemany(
        "INSERT OR IGNORE INTO trail_shingles(hash, wording_id) VALUES (?, ?)",
        [(h, wording) for h in shingles(normalised)],
    )
    return wording


def _matching_wordings(
    conn: sqlite3.Connection, wording: int, normalised: tuple[str, ...]
) -> dict[int, tuple[Match, int]]:
    """The stored wordings that are the same quotation as ``normalised`` (itself included),
    with how they relate and their length in words."""
    shared: Counter[int] = Counter()
    for shingle in shingles(normalised):
        postings = [
            int(r[0])
            for r in conn.execute(
                "SELECT wording_id FROM trail_shingles WHERE hash = ? LIMIT ?",
                (shingle, COMMON_SHINGLE + 1),
            )
        ]
        if len(postings) <= COMMON_SHINGLE:
            shared.update(postings)
    found: dict[int, tuple[Match, int]] = {wording: (Match("identical", 1.0), len(normalised))}
    for other, _ in shared.most_common(CANDIDATES + 1):
        if other == wording:
            continue
        row = conn.execute("SELECT words FROM trail_wordings WHERE id = ?", (other,)).fetchone()
        if row is None:
            continue
        other_words = tuple(row[0].split())
        match = relate(normalised, other_words)
        if match is not None:
            found[other] = (match, len(other_words))
    return found


def _place_quote(conn: sqlite3.Connection, quote: int, text: str, kind: str, speaker: Speaker, article: int) -> set[int]:
    """Put one quotation in its trail; return the trails changed.

    A fragment counts only when the shorter side is verbatim (direct or mixed): reported speech
    naming the same thing (« l'accord de Paris sur le climat ») is no repetition of the words."""
    normalised = words(text)
    if len(normalised) < MIN_WORDS:
        return set()
    wording = _wording(conn, normalised)
    matches = _matching_wordings(conn, wording, normalised)
    # the best match in each trail that holds one of the matching wordings
    best: dict[int, tuple[Match, int]] = {}
    marks = ",".join("?" * len(matches))
    for cluster, other_wording, other_quote, other_verbatim in conn.execute(
        f"""SELECT t.cluster_id, t.wording_id, MIN(t.quote_id), MAX(q.kind != 'indirect')
            FROM trail_quotes t JOIN quotes q ON q.id = t.quote_id
            WHERE t.wording_id IN ({marks}) GROUP BY t.cluster_id, t.wording_id""",
        tuple(matches),
    ):
        match, other_length = matches[int(other_wording)]
        if match.relation == "fragment":
            verbatim = kind != "indirect" if len(normalised) < other_length else bool(other_verbatim)
            if not verbatim:
                continue
        current = best.get(int(cluster))
        if current is None or (_RANK[match.relation], match.score) > (
            _RANK[current[0].relation], current[0].score
        ):
            best[int(cluster)] = (match, int(other_quote))
    compatible = {
        cluster: found
        for cluster, found in best.items()
        if all(speaker.compatible(s) for s in _cluster_speakers(conn, cluster))
    }
    ranked = sorted(
        compatible.items(), key=lambda item: (-_RANK[item[1][0].relation], -item[1][0].score, item[0])
    )
    if not ranked:
        cluster = int(conn.execute("INSERT INTO trail_clusters DEFAULT VALUES").lastrowid or 0)
        relation, matched, score = "first", None, 1.0
        changed = {cluster}
    else:
        joined = ranked if speaker.attributed else ranked[:1]
        cluster = min(c for c, _ in joined)
        (match, matched) = ranked[0][1]
        relation, score = match.relation, match.score
        others = [c for c, _ in joined if c != cluster]
        if others:
            _merge(conn, cluster, others)
        changed = {cluster, *others}
    conn.execute(
        """INSERT OR REPLACE INTO trail_quotes(quote_id, cluster_id, wording_id, article_id,
               relation, matched_quote, score) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (quote, cluster, wording, article, relation, matched, score),
    )
    return changed


def _merge(conn: sqlite3.Connection, keep: int, others: list[int]) -> None:
    marks = ",".join("?" * len(others))
    conn.execute(f"UPDATE trail_quotes SET cluster_id = ? WHERE cluster_id IN ({marks})", (keep, *others))
    conn.execute(f"DELETE FROM trail_clusters WHERE id IN ({marks})", tuple(others))


def _clusters_of_articles(conn: sqlite3.Connection, articles: Iterable[int]) -> set[int]:
    ids = sorted(set(articles))
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            int(r[0])
            for r in conn.execute(
                f"SELECT DISTINCT cluster_id FROM trail_quotes WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found


_REFRESH = """
UPDATE trail_clusters SET
    quotes = (SELECT COUNT(*) FROM trail_quotes t WHERE t.cluster_id = trail_clusters.id),
    articles = (SELECT COUNT(DISTINCT t.article_id) FROM trail_quotes t
                WHERE t.cluster_id = trail_clusters.id),
    independent = (SELECT COUNT(DISTINCT COALESCE(c.group_id, -t.article_id)) FROM trail_quotes t
                   LEFT JOIN article_copies c ON c.article_id = t.article_id
                   WHERE t.cluster_id = trail_clusters.id),
    first_quote = (SELECT t.quote_id FROM trail_quotes t JOIN quotes q ON q.id = t.quote_id
                   WHERE t.cluster_id = trail_clusters.id
                   ORDER BY q.published IS NULL, q.published, q.article_id, q.start LIMIT 1),
    first_published = (SELECT MIN(q.published) FROM trail_quotes t JOIN quotes q ON q.id = t.quote_id
                       WHERE t.cluster_id = trail_clusters.id),
    last_published = (SELECT MAX(q.published) FROM trail_quotes t JOIN quotes q ON q.id = t.quote_id
                      WHERE t.cluster_id = trail_clusters.id)
WHERE id IN ({marks})"""


def refresh(conn: sqlite3.Connection, clusters: Iterable[int]) -> None:
    """Recount the trails ``clusters`` from their appearances; drop those left empty."""
    ids = sorted(set(clusters))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(_REFRESH.format(marks=marks), chunk)
        conn.execute(f"DELETE FROM trail_clusters WHERE quotes = 0 AND id IN ({marks})", chunk)


def index_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Link the article to its copies and put its quotations in their trails (see the module
    docstring); the caller holds the write transaction."""
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return
    regrouped = article_copies.link_article(conn, article_id, row[0])
    changed = _clusters_of_articles(conn, regrouped - {article_id})
    for quote, actor, name, actor_name, text, kind in conn.execute(
        """SELECT q.id, e.actor_id, q.speaker_name, a.name, q.text, q.kind FROM quotes q
            LEFT JOIN entities e ON e.article_id = q.article_id AND e.entity_id = q.speaker_entity
            LEFT JOIN actors a ON a.id = e.actor_id
            WHERE q.article_id = ? AND q.part_of IS NULL ORDER BY q.start, q.id""",
        (article_id,),
    ).fetchall():
        changed |= _place_quote(conn, quote, text, kind, _speaker(actor, name, actor_name), article_id)
    refresh(conn, changed)


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Take the article's quotations out of their trails and the article out of its copy
    group, before the article is deleted; the caller holds the write transaction."""
    changed = _clusters_of_articles(conn, [article_id])
    wordings = [
        int(r[0])
        for r in conn.execute("SELECT DISTINCT wording_id FROM trail_quotes WHERE article_id = ?", (article_id,))
    ]
    conn.execute("DELETE FROM trail_quotes WHERE article_id = ?", (article_id,))
    for wording in wordings:
        if conn.execute("SELECT 1 FROM trail_quotes WHERE wording_id = ? LIMIT 1", (wording,)).fetchone() is None:
            conn.execute("DELETE FROM trail_shingles WHERE wording_id = ?", (wording,))
            conn.execute("DELETE FROM trail_wordings WHERE id = ?", (wording,))
    changed |= _clusters_of_articles(conn, article_copies.unlink_article(conn, article_id))
    refresh(conn, changed)


def rebuild(conn: sqlite3.Connection) -> int:
    """Rebuild every trail and copy group of the store (see the module docstring) in one
    transaction; return the number of articles indexed. ``conn`` is a writer connection in
    autocommit mode, already migrated."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("trail_quotes", "trail_clusters", "trail_shingles", "trail_wordings",
                      "article_copies", "article_bands"):
            conn.execute(f"DELETE FROM {table}")
        ids = [
            int(r[0])
            for r in conn.execute(
                "SELECT id FROM articles ORDER BY published IS NULL, published, id"
            ).fetchall()
        ]
        for article_id in ids:
            index_article(conn, article_id)
        conn.execute("DELETE FROM metadata WHERE key = ?", (PENDING,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return len(ids)

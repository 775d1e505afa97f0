"""Near-duplicate articles (the same dispatch republished, lightly edited), found with MinHash
LSH over word shingles and kept as copy groups in the store.

Contracts:

* an article of at least :data:`MIN_WORDS` words gets :data:`BANDS` LSH band keys (a
  ``datasketch`` MinHash of its :data:`SHINGLE`-word shingles, :data:`ROWS` values per band:
  a pair of Jaccard similarity 0.6 shares a key with probability 0.99, a pair of 0.3 with 0.42) and one
  key of its whole normalised text, stored in ``article_bands``;
* :func:`link_article` compares a new article with the articles sharing a key (at most
  :data:`CHECKED` of them, one per copy group, those sharing the most keys first) and makes it a copy when the
  Jaccard similarity of their shingle sets is at least :data:`JACCARD`, or when at least
  :data:`CONTAINMENT` of the shorter text's shingles are in the longer one (a cut version);
  it then joins that article's copy group (groups it matches are merged). Nothing pairwise
  over the corpus: only the candidates LSH gives are compared;
* :func:`unlink_article` takes an article out of its group before it is deleted (a group left
  with one article is dissolved).

Both return the ids of the articles whose copy group changed, so that the trails they appear
in can be recounted.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from typing import Any

from presse.corpus.trail_text import wording_key, words

SHINGLE = 5
NUM_PERM = 60
BANDS = 20
ROWS = NUM_PERM // BANDS
MIN_WORDS = 40
"""Shorter texts (briefs, captions) share their few sentences by chance."""
JACCARD = 0.6
"""Templated reports of different events (stage results, vote tallies) reach 0.5."""
CONTAINMENT = 0.8
CHECKED = 8
_SEED = 20
SCHEME = "affine32"
"""datasketch's permutation scheme (named since datasketch 2.0): the stored band keys depend on
it, so it is fixed here rather than left to the library's default."""


def _key(prefix: bytes, payload: bytes) -> int:
    digest = hashlib.blake2b(prefix + payload, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _shingle_set(text: str) -> tuple[set[str], str]:
    """The :data:`SHINGLE`-word shingles of a text (none under :data:`MIN_WORDS` words) and the
    key of its whole normalised text."""
    normalised = words(text)
    if len(normalised) < MIN_WORDS:
        return set(), ""
    runs = {" ".join(normalised[i : i + SHINGLE]) for i in range(len(normalised) - SHINGLE + 1)}
    return runs, wording_key(normalised)


@functools.cache
def _template() -> object:
    from datasketch import MinHash  # numpy: loaded by the writer only when an article is indexed

    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=SCHEME)


def _minhash() -> Any:
    """An empty MinHash sharing the template's permutations (drawing them is the costly part)."""
    from datasketch import MinHash

    template: Any = _template()
    return MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=template.permutations, scheme=SCHEME)


def band_keys(shingle_set: set[str], text_key: str) -> list[int]:
    """The LSH band keys of a shingle set, then the key of the whole normalised text."""
    signature = _minhash()
    signature.update_batch([s.encode("utf-8") for s in shingle_set])
    values = signature.hashvalues
    keys = [
        _key(bytes([band]), values[band * ROWS : (band + 1) * ROWS].tobytes()) for band in range(BANDS)
    ]
    keys.append(_key(b"text", text_key.encode("ascii")))
    return keys


def similarity(a: set[str], b: set[str]) -> float:
    """The copy similarity of two shingle sets: their Jaccard similarity, or the containment of
    the smaller when that is at least :data:`CONTAINMENT`; 0 when it is no copy."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    jaccard = shared / len(a | b)
    if jaccard >= JACCARD:
        return round(jaccard, 3)
    containment = shared / min(len(a), len(b))
    return round(containment, 3) if containment >= CONTAINMENT else 0.0


def _group(conn: sqlite3.Connection, article_id: int) -> int | None:
    row = conn.execute("SELECT group_id FROM article_copies WHERE article_id = ?", (article_id,)).fetchone()
    return int(row[0]) if row else None


def _members(conn: sqlite3.Connection, group: int) -> set[int]:
    return {int(r[0]) for r in conn.execute("SELECT article_id FROM article_copies WHERE group_id = ?", (group,))}


def link_article(conn: sqlite3.Connection, article_id: int, text: str) -> set[int]:
    """Index the article ``article_id`` and join it to the copy group of the articles it copies
    (see the module docstring); return the articles whose group changed."""
    mine, text_key = _shingle_set(text)
    if not mine:
        return set()
    keys = band_keys(mine, text_key)
    conn.executemany(
        "INSERT OR IGNORE INTO article_bands(key, article_id) VALUES (?, ?)",
        [(key, article_id) for key in keys],
    )
    marks = ",".join("?" * len(keys))
    candidates = conn.execute(
        f"""SELECT b.article_id, COUNT(*) AS shared, MAX(b.key = ?) AS same_text
            FROM article_bands b WHERE b.key IN ({marks}) AND b.article_id != ?
            GROUP BY b.article_id ORDER BY same_text DESC, shared DESC, b.article_id LIMIT 200""",
        (keys[-1], *keys, article_id),
    ).fetchall()
    matches: dict[int, tuple[float, int]] = {}  # copy group → best (similarity, article)
    seen_groups: set[int] = set()
    checked = 0
    for candidate, _shared, same_text in candidates:
        group = _group(conn, candidate)
        if group is not None and group in seen_groups:
            continue
        if checked >= CHECKED:
            break
        checked += 1
        if same_text:
            score = 1.0
        else:
            row = conn.execute("SELECT text FROM articles WHERE id = ?", (candidate,)).fetchone()
            score = similarity(mine, _shingle_set(row[0])[0]) if row else 0.0
        if group is not None:
            seen_groups.add(group)
        if score <= 0:
            continue
        if group is None:
            # a lone article matched: it founds the group (its own id)
            conn.execute(
                "INSERT INTO article_copies(article_id, group_id, matched_article, similarity) "
                "VALUES (?, ?, NULL, 1.0)",
                (candidate, candidate),
            )
            group = candidate
            seen_groups.add(group)
        best = matches.get(group)
        if best is None or score > best[0]:
            matches[group] = (score, candidate)
    if not matches:
        return set()
    ranked = sorted(matches.items(), key=lambda item: (-item[1][0], item[0]))
    keep = min(g for g, _ in ranked)
    score, matched = ranked[0][1]
    for other, _ in ranked:
        if other != keep:
            conn.execute("UPDATE article_copies SET group_id = ? WHERE group_id = ?", (keep, other))
    conn.execute(
        "INSERT OR REPLACE INTO article_copies(article_id, group_id, matched_article, similarity) "
        "VALUES (?, ?, ?, ?)",
        (article_id, keep, matched, score),
    )
    return _members(conn, keep)


def unlink_article(conn: sqlite3.Connection, article_id: int) -> set[int]:
    """Take ``article_id`` out of its copy group and the LSH index; return the articles whose
    group changed."""
    conn.execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
    group = _group(conn, article_id)
    if group is None:
        return set()
    conn.execute("DELETE FROM article_copies WHERE article_id = ?", (article_id,))
    left = _members(conn, group)
    if len(left) == 1:
        conn.execute("DELETE FROM article_copies WHERE group_id = ?", (group,))
        return left
    founder = conn.execute(
        "SELECT MIN(article_id) FROM article_copies WHERE group_id = ? AND matched_article IS NULL",
        (group,),
    ).fetchone()[0]
    if founder is None:  # the founder left: the earliest written of the others stands in for it
        founder = min(left)
        conn.execute(
            "UPDATE article_copies SET matched_article = NULL, similarity = 1.0 WHERE article_id = ?",
            (founder,),
        )
    # the copies found through the article that left are now linked to the founder
    conn.execute(
        "UPDATE article_copies SET matched_article = ? WHERE matched_article = ? AND group_id = ?",
        (founder, article_id, group),
    )
    return left

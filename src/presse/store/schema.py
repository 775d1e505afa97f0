"""The SQLite schema of a presse corpus, as an ordered list of named migrations.

Contracts:

* :data:`MIGRATIONS` is append-only: a released migration is never edited, a change to the
  schema is a new named migration at the end;
* :func:`migrate` applies the pending migrations in order, each in its own transaction, and
  records its name in the ``migrations`` table, so running it on an up-to-date store does
  nothing;
* ``0002_stance`` adds the ``stance`` table (who is positive, negative or neutral towards whom,
  from quotes and relations) and fills it from the analyses already stored; an analysis made
  before presse computed stance gives no rows;
* ``articles.presse_version`` is the version of presse that made each stored analysis (the
  analyzer version): ingest re-analyzes an article stored by an older version even when its text
  is unchanged. ``0003_analyzer_version`` fills it in from the stored analysis where it was
  missing and indexes it (ingest and ``presse stats`` read it);
* ``quotes.part_of`` is the id (q…) of the mixed quote of the same speaker that a direct quote
  is the quoted stretch of: such a row is kept for display and search but every count (entities,
  actors, ``presse stats``, article summaries, exports, the network) counts only the rows where it
  is null, one per utterance. ``0004_quote_part_of`` adds it, links the quotes already stored and
  recomputes the counts, stored analyses included;
* ``entities.gender``/``gender_evidence`` copy the article analysis (f, m, x for a group of women
  and men, null: unknown; the signal that decided it); ``actors.gender``/``gender_evidence`` are
  the corpus consensus of its entities (:data:`presse.store.actors.ACTOR_GENDER`); a
  ``gender_voices`` row sums, for one article and one gender (``unknown`` included), the persons it
  mentions (person entities and groups of persons), those quoted, their quotations (one per
  utterance, as ``entities.quotes``) and quoted words, with the article's date and outlet;
  triggers keep ``gender_totals`` equal to their sums per outlet, month and gender (``''`` for
  an unknown outlet or date), which the corpus views (:mod:`presse.store.voices`) read.
  ``0005_gender_evidence`` adds them and fills them from the stored analyses;
* ``0007_corrections`` adds the ``corrections`` and ``reviewed`` tables, ``articles.corrected``
  (the analysis with its corrections applied, NULL when none apply: readers take
  ``COALESCE(corrected, analysis)``); a reviewer's gender for an actor is written to
  ``actors.gender`` (added by 0005) with ``gender_evidence`` ``reviewer``;
* ``0008_stance_evidence`` gives each stance row its channel (quote, reported, act), cue (words
  and span) and evidence sentence span, null when the analysis did not give them, and adds the ``relations`` table (acts between
  actors: agent → patient, verb lemma, effect), filled from the analyses already stored;
* ``0006_quote_trails`` adds the quote trails (``trail_*`` tables: clusters of quotations of the
  same words, their normalised wordings and word shingles) and the article copy groups
  (``article_copies``, ``article_bands``); see :mod:`presse.corpus.trails`. A store that already
  holds articles gets ``trails_pending`` in ``metadata`` until ``presse trails --rebuild``;
* the full-text indexes use the tokenizer ``unicode61 remove_diacritics 2``, so a query typed
  without accents (« Etats-Unis ») finds the accented text (« États-Unis »).
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from presse.store.actors import ACTOR_GENDER

FTS_TOKENIZER = "unicode61 remove_diacritics 2"

_INITIAL = f"""
CREATE TABLE metadata (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- the source identity: URL, record id or file path
    content_hash TEXT NOT NULL,         -- sha256 of key + analyzed text
    source TEXT,
    doc_id TEXT,
    url TEXT,
    title TEXT,
    standfirst TEXT,
    outlet TEXT,
    authors TEXT NOT NULL DEFAULT '[]', -- JSON list
    published TEXT,                     -- ISO date
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    words INTEGER NOT NULL,
    presse_version TEXT,
    model TEXT,
    schema_version TEXT NOT NULL,
    analysis TEXT NOT NULL,             -- the whole Article JSON, for exact re-rendering
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE sections (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    heading TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,           -- type + ':' + folded canonical name
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    surname TEXT,                       -- folded surname of a PER full name
    knowledge TEXT,
    articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    quoted_words INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT
);
CREATE INDEX actors_surname ON actors(surname) WHERE surname IS NOT NULL;
CREATE INDEX actors_type_mentions ON actors(type, mentions);

CREATE TABLE actor_names (
    folded TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (folded, actor_id)
) WITHOUT ROWID;
CREATE INDEX actor_names_actor ON actor_names(actor_id);

-- One row per entity of an article; `actor_id` is its corpus actor. `link` says how it was tied
-- (name, knowledge, surname, alias) and `surname_key` is set for surname-only persons, whose
-- actor depends on how many full names with that surname the corpus holds.
CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    link TEXT NOT NULL,
    surname_key TEXT,
    mentions INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    quoted_words INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX entities_actor ON entities(actor_id);
CREATE INDEX entities_surname ON entities(surname_key) WHERE surname_key IS NOT NULL;

CREATE TABLE mentions (
    article_id INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    resolved_by TEXT NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, entity_id)
        ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions(article_id, entity_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    cue_lemma TEXT,
    speaker_entity TEXT,
    speaker_name TEXT,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,
    quoted_words INTEGER NOT NULL,
    published TEXT,
    UNIQUE (article_id, quote_id)
);
CREATE INDEX quotes_speaker ON quotes(article_id, speaker_entity);
CREATE INDEX quotes_published ON quotes(published);

-- The actors a quote talks about: entities with a mention inside the quote span.
-- Primary-key columns first: SQLite 3.40's integrity_check misreads a NOT NULL column placed
-- between them in a WITHOUT ROWID table.
CREATE TABLE quote_about (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (quote_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX quote_about_entity ON quote_about(article_id, entity_id);

CREATE TABLE ingest_errors (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    UNIQUE (source, reason)
);

-- Feed entries that carry only a link: recorded so that the pages can be fetched later.
CREATE TABLE feed_links (
    source TEXT NOT NULL,
    link TEXT NOT NULL,
    title TEXT,
    reason TEXT,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (source, link)
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='{FTS_TOKENIZER}'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='{FTS_TOKENIZER}'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""

# Stance (issue 7): one row per StanceEdge of an article, with the corpus actors of both ends.
# `source_actor`/`target_actor` copy entities.actor_id: the writer keeps them equal when a
# surname-only entity is re-pointed. The stored analyses that already hold a `stance` list are
# copied in; an article analyzed before presse computed stance has no rows until it is
# re-analyzed (an ingest of the unchanged article does not rewrite it).
_STANCE = """
CREATE TABLE stance (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_entity TEXT NOT NULL,
    target_entity TEXT NOT NULL,
    source_actor INTEGER NOT NULL,
    target_actor INTEGER NOT NULL,
    polarity TEXT NOT NULL,             -- positive, negative, neutral
    score REAL NOT NULL,                -- -1 … 1
    via TEXT NOT NULL,                  -- quote, relation
    evidence_id TEXT NOT NULL,          -- the quote (q…) or relation (r…) id in the article
    position INTEGER NOT NULL           -- offset in the article text, for article order
);
CREATE INDEX stance_article ON stance(article_id, position);
CREATE INDEX stance_source ON stance(source_actor, target_actor);
CREATE INDEX stance_target ON stance(target_actor, source_actor);

INSERT INTO stance(article_id, source_entity, target_entity, source_actor, target_actor,
                   polarity, score, via, evidence_id, position)
SELECT a.id, se.entity_id, te.entity_id, se.actor_id, te.actor_id,
       json_extract(s.value, '$.polarity'), json_extract(s.value, '$.score'),
       json_extract(s.value, '$.via'), json_extract(s.value, '$.evidence_id'),
       json_extract(s.value, '$.position')
FROM articles a
JOIN json_each(a.analysis, '$.stance') s
JOIN entities se ON se.article_id = a.id AND se.entity_id = json_extract(s.value, '$.source')
JOIN entities te ON te.article_id = a.id AND te.entity_id = json_extract(s.value, '$.target')
ORDER BY a.id, s.key;
"""

# Analyzer version (issue 22): the content hash ignores it, so the version per article decides
# whether an unchanged text must be analyzed again after an upgrade.
_ANALYZER_VERSION = """
UPDATE articles SET presse_version = json_extract(analysis, '$.presse_version')
WHERE presse_version IS NULL AND json_valid(analysis);
CREATE INDEX articles_presse_version ON articles(presse_version);
"""

# One count per utterance (issue 17): a direct quote that is the quoted stretch of a mixed quote
# of the same speaker (`part_of`, the mixed quote's id) is kept as a row but no longer counted.
# The stored analyses predate the field, so the link is made here by the rule of
# presse.analyze.utterances.link_parts (overlap, same speaker entity, else same speaker name), then
# the entity, actor and stored-analysis counts that counted the part are recomputed.
_QUOTE_PART_OF = """
ALTER TABLE quotes ADD COLUMN part_of TEXT;

UPDATE quotes SET part_of = (
    SELECT m.quote_id FROM quotes m
    WHERE m.article_id = quotes.article_id AND m.kind = 'mixed'
      AND m.start < quotes."end" AND quotes.start < m."end"
      AND CASE WHEN m.speaker_entity IS NULL AND quotes.speaker_entity IS NULL
               THEN m.speaker_name IS quotes.speaker_name
               ELSE m.speaker_entity IS quotes.speaker_entity END
    ORDER BY m.start, m."end" DESC, m.id LIMIT 1
) WHERE kind = 'direct';

CREATE INDEX quotes_part_of ON quotes(article_id, part_of) WHERE part_of IS NOT NULL;

UPDATE entities SET quotes = (
    SELECT COUNT(*) FROM quotes q
    WHERE q.article_id = entities.article_id AND q.speaker_entity = entities.entity_id
      AND q.part_of IS NULL
) WHERE EXISTS (
    SELECT 1 FROM quotes q
    WHERE q.article_id = entities.article_id AND q.speaker_entity = entities.entity_id
      AND q.part_of IS NOT NULL
);

UPDATE actors SET quotes = (
    SELECT COALESCE(SUM(e.quotes), 0) FROM entities e WHERE e.actor_id = actors.id
) WHERE id IN (
    SELECT e.actor_id FROM entities e JOIN quotes q
      ON q.article_id = e.article_id AND q.speaker_entity = e.entity_id
    WHERE q.part_of IS NOT NULL
);

UPDATE articles SET analysis = json_set(
    analysis,
    '$.quotes', (
        SELECT json_group_array(json_set(j.value, '$.part_of', (
            SELECT q.part_of FROM quotes q
            WHERE q.article_id = articles.id AND q.quote_id = json_extract(j.value, '$.id'))))
        FROM (SELECT value FROM json_each(articles.analysis, '$.quotes') ORDER BY key) j
    ),
    '$.voices', (
        SELECT json_group_array(json_set(v.value,
            '$.quotes', (
                SELECT COUNT(*) FROM quotes q WHERE q.article_id = articles.id
                  AND q.speaker_entity = json_extract(v.value, '$.entity') AND q.part_of IS NULL),
            '$.direct_quotes', (
                SELECT COUNT(*) FROM quotes q WHERE q.article_id = articles.id
                  AND q.speaker_entity = json_extract(v.value, '$.entity') AND q.part_of IS NULL
                  AND q.kind = 'direct')))
        FROM (SELECT value FROM json_each(articles.analysis, '$.voices') ORDER BY key) v
    )
) WHERE id IN (SELECT article_id FROM quotes WHERE part_of IS NOT NULL);
"""

# Gender of persons with its evidence (issue 19). The stored analyses already hold both; they are
# read once per article into a temporary table, then copied to the entities, the actors and the
# per-article gender sums. A person is a PER entity or a group of persons (non-empty members).
_GENDER_EVIDENCE = f"""
ALTER TABLE entities ADD COLUMN gender TEXT;
ALTER TABLE entities ADD COLUMN gender_evidence TEXT;
ALTER TABLE actors ADD COLUMN gender TEXT;
ALTER TABLE actors ADD COLUMN gender_evidence TEXT;

CREATE TABLE gender_voices (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    gender TEXT NOT NULL,               -- f, m, x, unknown
    published TEXT,                     -- the article's date and outlet, for grouping
    outlet TEXT,
    persons INTEGER NOT NULL,           -- persons of that gender the article mentions
    quoted_persons INTEGER NOT NULL,    -- … of them quoted
    quotes INTEGER NOT NULL,            -- their quotations, one per utterance
    quoted_words INTEGER NOT NULL,
    PRIMARY KEY (article_id, gender)
) WITHOUT ROWID;
CREATE INDEX gender_voices_published ON gender_voices(published);
CREATE INDEX actors_gender_quotes ON actors(gender, quotes, quoted_words) WHERE gender IS NOT NULL;

-- The same sums per outlet, month (YYYY-MM) and gender, '' for an unknown outlet or date; kept
-- by the triggers below, so the corpus views read a few rows per month instead of every article.
CREATE TABLE gender_totals (
    outlet TEXT NOT NULL,
    month TEXT NOT NULL,
    gender TEXT NOT NULL,
    persons INTEGER NOT NULL,
    quoted_persons INTEGER NOT NULL,
    quotes INTEGER NOT NULL,
    quoted_words INTEGER NOT NULL,
    PRIMARY KEY (outlet, month, gender)
) WITHOUT ROWID;
CREATE TRIGGER gender_voices_insert AFTER INSERT ON gender_voices BEGIN
    INSERT INTO gender_totals(outlet, month, gender, persons, quoted_persons, quotes, quoted_words)
    VALUES (COALESCE(new.outlet, ''), COALESCE(substr(new.published, 1, 7), ''), new.gender,
            new.persons, new.quoted_persons, new.quotes, new.quoted_words)
    ON CONFLICT(outlet, month, gender) DO UPDATE SET
        persons = persons + excluded.persons,
        quoted_persons = quoted_persons + excluded.quoted_persons,
        quotes = quotes + excluded.quotes,
        quoted_words = quoted_words + excluded.quoted_words;
END;
CREATE TRIGGER gender_voices_delete AFTER DELETE ON gender_voices BEGIN
    UPDATE gender_totals SET
        persons = persons - old.persons,
        quoted_persons = quoted_persons - old.quoted_persons,
        quotes = quotes - old.quotes,
        quoted_words = quoted_words - old.quoted_words
    WHERE outlet = COALESCE(old.outlet, '') AND month = COALESCE(substr(old.published, 1, 7), '')
      AND gender = old.gender;
    DELETE FROM gender_totals
    WHERE outlet = COALESCE(old.outlet, '') AND month = COALESCE(substr(old.published, 1, 7), '')
      AND gender = old.gender AND persons = 0;
END;

CREATE TEMP TABLE stored_gender (
    article_id INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    gender TEXT,
    gender_evidence TEXT,
    person INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);

INSERT OR IGNORE INTO temp.stored_gender
SELECT a.id, json_extract(e.value, '$.id'), json_extract(e.value, '$.gender'),
       json_extract(e.value, '$.gender_evidence'),
       json_extract(e.value, '$.type') = 'PER'
           OR COALESCE(json_array_length(e.value, '$.members'), 0) > 0
FROM articles a JOIN json_each(a.analysis, '$.entities') e
WHERE json_valid(a.analysis);

UPDATE entities SET gender = g.gender, gender_evidence = g.gender_evidence
FROM temp.stored_gender g
WHERE g.article_id = entities.article_id AND g.entity_id = entities.entity_id
  AND g.gender IS NOT NULL;

{ACTOR_GENDER};

INSERT INTO gender_voices(article_id, gender, published, outlet, persons, quoted_persons,
                          quotes, quoted_words)
SELECT e.article_id, COALESCE(e.gender, 'unknown'), a.published, a.outlet, COUNT(*),
       SUM(e.quotes > 0), SUM(e.quotes), SUM(e.quoted_words)
FROM entities e
JOIN temp.stored_gender g ON g.article_id = e.article_id AND g.entity_id = e.entity_id
JOIN articles a ON a.id = e.article_id
WHERE g.person
GROUP BY e.article_id, COALESCE(e.gender, 'unknown');

DROP TABLE temp.stored_gender;
"""

# Corrections (issue 21): a reviewer's fixes, stored apart from the analyses and applied on
# every write of the tables the reads use (see presse.store.corrections). `articles.analysis`
# stays what presse found; `articles.corrected` is that analysis with the article's corrections
# applied (NULL when none apply). An article correction is anchored by its article's key and
# content hash, the offsets of the corrected span and its text, so that it can be found again
# after a re-ingest or a re-analysis; an actor correction names the actor by key. `status` says
# whether the correction anchored the last time it was applied (applied, orphaned).
_CORRECTIONS = """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,           -- stable across stores: a shared correction is imported once
    kind TEXT NOT NULL,                 -- speaker, kind, reject, add, merge, split, type, gender
    article_key TEXT,                   -- articles.key (article corrections)
    content_hash TEXT,                  -- articles.content_hash when the correction was made
    start INTEGER,
    "end" INTEGER,
    quoted TEXT,                        -- the article text between start and end then
    actor_key TEXT,                     -- actors.key (actor corrections)
    payload TEXT NOT NULL,              -- JSON: what the correction sets
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'applied'
);
CREATE INDEX corrections_article ON corrections(article_key) WHERE article_key IS NOT NULL;
CREATE INDEX corrections_actor ON corrections(actor_key) WHERE actor_key IS NOT NULL;

CREATE TABLE reviewed (
    article_key TEXT PRIMARY KEY,       -- articles.key: the flag survives a re-ingest
    author TEXT NOT NULL,
    reviewed_at TEXT NOT NULL
);

ALTER TABLE articles ADD COLUMN corrected TEXT;
"""

# Stance a reader can trust (issue 18): each stance row may keep how it shows (`channel`: the
# source's quoted words, reported speech, an act), the words that carry it (`cue`, with its
# span) and its evidence sentence (a span of the article text), and the acts between
# actors get their own table, neutral ones (« a rencontré ») included, so that the network can
# show them without calling them a stance. The new stance columns stay null for analyses that
# did not give them (every analysis stored so far); the relations already stored are copied in,
# their effect being their polarity when the analysis gave no `effect`.
_STANCE_EVIDENCE = """
ALTER TABLE stance ADD COLUMN channel TEXT;     -- quote, reported, act: how the stance shows
ALTER TABLE stance ADD COLUMN cue TEXT;
ALTER TABLE stance ADD COLUMN cue_start INTEGER;
ALTER TABLE stance ADD COLUMN cue_end INTEGER;
ALTER TABLE stance ADD COLUMN evidence_start INTEGER;
ALTER TABLE stance ADD COLUMN evidence_end INTEGER;

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    relation_id TEXT NOT NULL,          -- r… in the article
    agent_entity TEXT NOT NULL,
    patient_entity TEXT NOT NULL,
    agent_actor INTEGER NOT NULL,
    patient_actor INTEGER NOT NULL,
    lemma TEXT NOT NULL,                -- « limoger », « rencontrer »
    verb TEXT NOT NULL,                 -- as written
    verb_start INTEGER NOT NULL,
    verb_end INTEGER NOT NULL,
    effect TEXT NOT NULL,               -- positive, negative, neutral
    score REAL NOT NULL,
    position INTEGER NOT NULL,
    evidence_start INTEGER,             -- the sentence, when the analysis gave it
    evidence_end INTEGER
);
CREATE INDEX relations_article ON relations(article_id, position);
CREATE INDEX relations_pair ON relations(agent_actor, patient_actor);
CREATE INDEX relations_patient ON relations(patient_actor, agent_actor);

INSERT INTO relations(article_id, relation_id, agent_entity, patient_entity, agent_actor,
                      patient_actor, lemma, verb, verb_start, verb_end, effect, score, position,
                      evidence_start, evidence_end)
SELECT a.id, json_extract(r.value, '$.id'), ae.entity_id, pe.entity_id, ae.actor_id, pe.actor_id,
       COALESCE(json_extract(r.value, '$.lemma'), json_extract(r.value, '$.predicate')),
       json_extract(r.value, '$.predicate_text'), json_extract(r.value, '$.predicate_start'),
       json_extract(r.value, '$.predicate_end'),
       COALESCE(json_extract(r.value, '$.effect'), json_extract(r.value, '$.polarity')),
       json_extract(r.value, '$.score'), json_extract(r.value, '$.position'),
       json_extract(r.value, '$.evidence_start'), json_extract(r.value, '$.evidence_end')
FROM articles a
JOIN json_each(a.analysis, '$.relations') r
JOIN entities ae ON ae.article_id = a.id AND ae.entity_id = json_extract(r.value, '$.subject')
JOIN entities pe ON pe.article_id = a.id AND pe.entity_id = json_extract(r.value, '$.object')
ORDER BY a.id, r.key;
"""

# Quote trails (issue 20): quotations of the same words across articles, and near-duplicate
# articles. Maintained by presse.corpus.trails on every article write; the quotes and articles
# already stored are not indexed by SQL, so a store that holds articles is marked
# `trails_pending` until `presse trails --rebuild` indexes them (readers refuse the trails
# meanwhile, the writer does not maintain a partial index).
_QUOTE_TRAILS = """
-- one row per trail (cluster of quotations of the same words); counts kept by the writer
CREATE TABLE trail_clusters (
    id INTEGER PRIMARY KEY,
    quotes INTEGER NOT NULL DEFAULT 0,       -- appearances
    articles INTEGER NOT NULL DEFAULT 0,     -- distinct articles
    independent INTEGER NOT NULL DEFAULT 0,  -- distinct articles, a copy group counted once
    first_quote INTEGER,                     -- quotes.id of the first appearance
    first_published TEXT,
    last_published TEXT
);
CREATE INDEX trail_clusters_rank ON trail_clusters(independent DESC, articles DESC, id);

-- distinct normalised wordings, each indexed once by its word shingles
CREATE TABLE trail_wordings (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,                -- digest of the normalised words
    words TEXT NOT NULL                      -- the normalised words, space-separated
);
CREATE TABLE trail_shingles (
    hash INTEGER NOT NULL,
    wording_id INTEGER NOT NULL,
    PRIMARY KEY (hash, wording_id)
) WITHOUT ROWID;
CREATE INDEX trail_shingles_wording ON trail_shingles(wording_id);

CREATE TABLE trail_quotes (
    quote_id INTEGER PRIMARY KEY REFERENCES quotes(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL,
    wording_id INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    relation TEXT NOT NULL,                  -- how it joined: first, identical, variant, fragment
    matched_quote INTEGER,                   -- the appearance it was found to match
    score REAL NOT NULL
);
CREATE INDEX trail_quotes_cluster ON trail_quotes(cluster_id);
CREATE INDEX trail_quotes_wording ON trail_quotes(wording_id);
CREATE INDEX trail_quotes_article ON trail_quotes(article_id);

-- near-duplicate articles: one row per article of a copy group, `group_id` the id of the
-- group's first article written
CREATE TABLE article_copies (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    group_id INTEGER NOT NULL,
    matched_article INTEGER,                 -- the article it was found to copy (NULL: founder)
    similarity REAL NOT NULL
);
CREATE INDEX article_copies_group ON article_copies(group_id);

-- MinHash LSH band keys of every article's text (and one key of its whole normalised text)
CREATE TABLE article_bands (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article_id);

INSERT INTO metadata(key, value) SELECT 'trails_pending', 'yes' WHERE EXISTS (SELECT 1 FROM articles);
"""

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial", _INITIAL),
    ("0002_stance", _STANCE),
    ("0003_analyzer_version", _ANALYZER_VERSION),
    ("0004_quote_part_of", _QUOTE_PART_OF),
    ("0005_gender_evidence", _GENDER_EVIDENCE),
    ("0006_quote_trails", _QUOTE_TRAILS),
    ("0007_corrections", _CORRECTIONS),
    ("0008_stance_evidence", _STANCE_EVIDENCE),
)
"""Named migrations, applied in this order."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied to the store, in order ([] for a new file)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not exists:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the pending migrations (each in one transaction); return the names applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``).
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)"
    )
    done = set(applied_migrations(conn))
    applied: list[str] = []
    for name, script in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # a concurrent writer may have applied it while we waited for the lock
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("COMMIT")
                continue
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations(name, applied) VALUES (?, ?)", (name, _now()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (triggers hold inner semicolons)."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements

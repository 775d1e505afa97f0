"""What the pages and the JSON API share: paginated lookups over the store and the analyzer.

Contracts:

* functions take a read-only connection and return typed results; they never write;
* a bad filter (a date that is no ISO date, an FTS5 syntax error, an unknown sort or kind)
  raises :class:`presse.errors.UsageError`, which the app turns into a 400;
* :func:`analyze_text` runs the process-wide analyzer behind a lock (one analysis at a time:
  spaCy pipelines are not meant to be shared across threads) and stores nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from presse.errors import InputError, UsageError
from presse.model import Article, Document, QuoteKind
from presse.store import queries as store
from presse.store import stance
from presse.store.queries import ActorRow, QuoteRow
from presse.store.stance import PairStance, StanceRow
from presse.web import views
from presse.web.views import ArticleSummary, Companion, StoredArticle, WeekCount

T = TypeVar("T")

QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "indirect", "mixed")
ACTOR_TYPES = ("PER", "ORG", "LOC", "MISC")
ACTOR_SORTS = ("mentions", "quotes", "voice")
MAX_PER_PAGE = 100


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results; ``total`` is None when counting would cost a full scan."""

    items: list[T]
    page: int
    per_page: int
    has_next: bool
    total: int | None = None


@dataclass(frozen=True, slots=True)
class ActorDetail:
    """Everything the actor page shows."""

    actor: ActorRow
    aliases: list[str]
    descriptions: list[str]
    weeks: list[WeekCount]
    quotes: list[QuoteRow]
    quotes_about: list[QuoteRow]
    quoted_with: list[Companion]
    articles: list[ArticleSummary]
    stance_about: list[StanceRow]
    stance_by: list[StanceRow]


def parse_date(value: str | None, name: str) -> date | None:
    """An ISO date from a query parameter; '' and None are no date."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{name}={value!r} is not a date: use YYYY-MM-DD") from None


def date_range(since: str | None, until: str | None) -> dict[str, date | None]:
    """``since`` and ``until`` query parameters as the ``since=``/``until=`` keyword arguments
    of the store reads (see :func:`parse_date`)."""
    return {"since": parse_date(since, "since"), "until": parse_date(until, "until")}


def check_page(page: int, per_page: int) -> tuple[int, int]:
    """Validated (page, per_page): page from 1, per_page from 1 to MAX_PER_PAGE."""
    if page < 1:
        raise UsageError(f"page={page}: pages start at 1")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise UsageError(f"per_page={per_page}: give 1 to {MAX_PER_PAGE}")
    return page, per_page


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def search_quotes(
    conn: sqlite3.Connection,
    *,
    q: str | None = None,
    speaker: str | None = None,
    about: str | None = None,
    since: date | None = None,
    until: date | None = None,
    kind: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page[QuoteRow]:
    """Quotes matching every filter (see :func:`presse.store.queries.quotes`), paginated."""
    page, per_page = check_page(page, per_page)
    kind = _clean(kind)
    if kind is not None and kind not in QUOTE_KINDS:
        raise UsageError(f"kind={kind!r}: use one of {', '.join(QUOTE_KINDS)}")
    offset = (page - 1) * per_page
    rows = store.quotes(
        conn,
        speaker=_clean(speaker),
        about=_clean(about),
        search=_clean(q),
        since=since,
        until=until,
        # the store query has no kind filter: with one, filter the whole result here
        limit=None if kind else offset + per_page + 1,
    )
    if kind:
        rows = [r for r in rows if r.kind == kind]
    total = len(rows) if kind else None
    return Page(rows[offset : offset + per_page], page, per_page, len(rows) > offset + per_page, total)


def list_articles(
    conn: sqlite3.Connection,
    *,
    q: str | None = None,
    since: date | None = None,
    until: date | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page[ArticleSummary]:
    """Articles newest first, or best match first for a full-text ``q``, paginated."""
    page, per_page = check_page(page, per_page)
    offset = (page - 1) * per_page
    q = _clean(q)
    if q is None:
        items = views.list_articles(conn, since=since, until=until, limit=per_page + 1, offset=offset)
        total = views.count_articles(conn, since=since, until=until)
        return Page(items[:per_page], page, per_page, len(items) > per_page, total)
    found = store.search_articles(conn, q, limit=offset + per_page + 1 if not (since or until) else 10_000)
    items = views.article_summaries(conn, [i for i, _ in found])
    if since or until:
        items = [
            a
            for a in items
            if a.published is not None
            and (since is None or a.published >= since)
            and (until is None or a.published <= until)
        ]
    return Page(items[offset : offset + per_page], page, per_page, len(items) > offset + per_page)


def list_actors(
    conn: sqlite3.Connection,
    *,
    type_: str | None = None,
    sort: str = "mentions",
    page: int = 1,
    per_page: int = 50,
) -> Page[ActorRow]:
    """Corpus actors sorted by ``sort`` (mentions, quotes, voice), paginated."""
    page, per_page = check_page(page, per_page)
    type_ = _clean(type_)
    if type_ is not None and type_.upper() not in ACTOR_TYPES:
        raise UsageError(f"type={type_!r}: use one of {', '.join(ACTOR_TYPES)}")
    offset = (page - 1) * per_page
    rows = store.actors(conn, type_=type_, sort=sort, limit=offset + per_page + 1)  # type: ignore[arg-type]
    total = views.count_actors(conn, type_=type_)
    return Page(rows[offset : offset + per_page], page, per_page, len(rows) > offset + per_page, total)


def actor_detail(conn: sqlite3.Connection, actor_id: int, *, quotes: int = 50) -> ActorDetail | None:
    """The actor page's data, None for an unknown actor."""
    actor = views.actor(conn, actor_id)
    if actor is None:
        return None
    # the store looks speakers and subjects up by name; keep the rows of this very actor
    said = [r for r in store.quotes(conn, speaker=actor.name, limit=None) if r.speaker_actor_id == actor_id]
    about = [r for r in store.quotes(conn, about=actor.name, limit=None) if actor.name in r.about]
    return ActorDetail(
        actor=actor,
        aliases=views.actor_aliases(conn, actor_id, actor.name),
        descriptions=views.actor_descriptions(conn, actor_id),
        weeks=views.actor_weeks(conn, actor_id),
        quotes=said[:quotes],
        quotes_about=[r for r in about if r.speaker_actor_id != actor_id][:quotes],
        quoted_with=views.quoted_with(conn, actor_id),
        articles=views.actor_articles(conn, actor_id),
        stance_about=stance.stance_about(conn, actor_id),
        stance_by=stance.stance_by(conn, actor_id),
    )


def stance_pairs(
    conn: sqlite3.Connection,
    *,
    source: int | None = None,
    target: int | None = None,
    since: date | None = None,
    until: date | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Page[PairStance]:
    """Pair stances (:func:`presse.store.stance.pair_stances`), strongest first, paginated."""
    page, per_page = check_page(page, per_page)
    offset = (page - 1) * per_page
    pairs = stance.pair_stances(
        conn, source=source, target=target, since=since, until=until, limit=offset + per_page + 1
    )
    return Page(pairs[offset : offset + per_page], page, per_page, len(pairs) > offset + per_page)


def stored_article(conn: sqlite3.Connection, article_id: int) -> tuple[StoredArticle, dict[int, str]] | None:
    """The stored article and the corpus names of its actors, None when unknown."""
    stored = views.stored_article(conn, article_id)
    if stored is None:
        return None
    return stored, views.actor_names(conn, sorted(set(stored.actor_ids.values())))


_ANALYZE_LOCK = threading.Lock()


def analyze_text(text: str, *, title: str | None = None, source: str = "<web>") -> Article:
    """Analyze a pasted or uploaded article without storing it.

    Raises InputError for an empty or too large text.
    """
    from presse.analyze.pipeline import get_analyzer
    from presse.ingest import normalize_text

    clean = normalize_text(text)
    if not clean.strip():
        raise InputError(source, "is empty", "paste an article or choose a .txt or .html file")
    document = Document(text=clean, title=_clean(title), source=source)
    with _ANALYZE_LOCK:
        return get_analyzer().analyze(document)


def analyze_upload(data: bytes, filename: str) -> Article:
    """Analyze an uploaded .txt or .html file through presse's own readers, storing nothing."""
    from presse.analyze.pipeline import get_analyzer
    from presse.ingest import DEFAULT_LIMITS
    from presse.ingest.html import html_document
    from presse.ingest.text import text_document

    name = filename or "upload"
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in {"html", "htm", "xhtml"}:
        document = html_document(data, name, DEFAULT_LIMITS)
    elif suffix in {"txt", "text", ""}:
        document = text_document(data, name, DEFAULT_LIMITS)
    else:
        raise InputError(name, "is not a .txt or .html file", "upload a .txt or .html article")
    with _ANALYZE_LOCK:
        return get_analyzer().analyze(document)

"""The JSON API: ``/api/articles``, ``/api/actors``, ``/api/quotes``, ``/api/network``,
``/api/voices``, ``/api/trails``, ``/api/quotes/{id}/trail`` (GET, read-only) and ``POST
/api/analyze`` (analyzes, stores nothing).

Contracts: pagination is ``page`` (from 1) and ``per_page`` (1–100); dates are ``YYYY-MM-DD``;
list responses are ``{"items": [...], "page", "per_page", "has_next", "total"}`` (``total``
null when unknown); errors are ``{"status", "message"}`` (see :mod:`presse.web.app`).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field, ValidationError

from presse.errors import UsageError
from presse.model import Article
from presse.store import trails as store_trails
from presse.store.voices import VoicesReport, gender_voices
from presse.web import service, views
from presse.web.deps import reader
from presse.web.params import MAX_ROWID, CoMention, Page, RowId, Weight

router = APIRouter(prefix="/api", tags=["api"])

PerPage = Annotated[int, Query(ge=1, le=service.MAX_PER_PAGE, description="Results per page.")]
DateParam = Annotated[str | None, Query(description="ISO date YYYY-MM-DD (inclusive).")]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad parameter or search query: `{status, message}`."},
    404: {"description": "Unknown id: `{status, message}`."},
}


def _json(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: _json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return jsonable_encoder(value)


@router.get("/articles", responses=ERRORS, summary="List or search articles")
def articles(
    request: Request,
    q: Annotated[str | None, Query(description="Full-text search in titles and texts (FTS5).")] = None,
    since: DateParam = None,
    until: DateParam = None,
    page: Page = 1,
    per_page: PerPage = 20,
) -> dict[str, Any]:
    """Articles, newest first, or best match first with ``q``."""
    with reader(request) as conn:
        result = service.list_articles(
            conn,
            q=q,
            **service.date_range(since, until),
            page=page,
            per_page=per_page,
        )
    return _json(result)


@router.get("/articles/{article_id}", responses=ERRORS, summary="One analyzed article")
def article(request: Request, article_id: RowId) -> dict[str, Any]:
    """The stored analysis (the Article JSON, offsets into its ``text``) and, per entity id,
    the corpus actor id."""
    with reader(request) as conn:
        found = service.stored_article(conn, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id} in the store")
    stored, names = found
    return {
        "id": stored.id,
        "article": stored.article.model_dump(mode="json"),
        "actors": {
            entity: {"id": actor, "name": names.get(actor)}
            for entity, actor in sorted(stored.actor_ids.items())
        },
    }


@router.get("/actors", responses=ERRORS, summary="List actors")
def actors(
    request: Request,
    type: Annotated[str | None, Query(description="PER, ORG, LOC or MISC.")] = None,
    sort: Annotated[str, Query(description="mentions, quotes or voice (quotes per mention).")] = "mentions",
    page: Page = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    """Corpus actors with their voice accounting."""
    with reader(request) as conn:
        return _json(service.list_actors(conn, type_=type, sort=sort, page=page, per_page=per_page))


@router.get("/actors/{actor_id}", responses=ERRORS, summary="One actor")
def actor(request: Request, actor_id: RowId) -> dict[str, Any]:
    """An actor: counts, aliases, descriptions, weekly timeline, their quotes, the quotes about
    them, the actors quoted in the same articles, their articles, and their stance:
    ``stance_about`` (who is hostile or favourable towards them, by words or acts) and
    ``stance_by`` (towards whom they are), one item per counterpart actor, strongest first, with
    the pair's ``polarity`` aggregate (as in ``/api/stance``) and its strongest ``evidence``
    rows (article, ``position`` in its text, ``via`` and ``evidence_id``: the quote or relation
    it is, ``channel``: quote, reported or act, ``polarity``, ``score``, ``text``: the evidence
    sentence or quote, ``cue``: the words carrying the polarity, or null)."""
    with reader(request) as conn:
        detail = service.actor_detail(conn, actor_id)
    if detail is None:
        raise HTTPException(404, f"no actor {actor_id} in the store")
    return _json(detail)


@router.get("/quotes", responses=ERRORS, summary="Search quotes")
def quotes(
    request: Request,
    q: Annotated[str | None, Query(description="Full-text query: words, \"phrases\", AND/OR/NOT, prefix*.")] = None,
    speaker: Annotated[str | None, Query(description="Speaker name (aliases and surnames work).")] = None,
    about: Annotated[str | None, Query(description="Name of an actor mentioned in the quote.")] = None,
    since: DateParam = None,
    until: DateParam = None,
    kind: Annotated[str | None, Query(description="direct, indirect or mixed.")] = None,
    page: Page = 1,
    per_page: PerPage = 20,
) -> dict[str, Any]:
    """Quotes matching every filter; newest first, best match first with ``q``."""
    with reader(request) as conn:
        result = service.search_quotes(
            conn,
            q=q,
            speaker=speaker,
            about=about,
            **service.date_range(since, until),
            kind=kind,
            page=page,
            per_page=per_page,
        )
    return _json(result)


@router.get("/trails", responses=ERRORS, summary="Quote trails")
def trails(
    request: Request,
    speaker: Annotated[str | None, Query(description="Speaker name (aliases and surnames work).")] = None,
    since: DateParam = None,
    until: DateParam = None,
    min_articles: Annotated[int, Query(ge=1, le=1_000_000, description="In at least this many articles.")] = 2,
    page: Page = 1,
    per_page: PerPage = 20,
) -> dict[str, Any]:
    """Quotations repeated across articles, most repeated first: ``independent`` articles (a
    copy of an article counted once), ``articles``, ``quotes`` (appearances), the first
    appearance (``first_quote_id``, ``text``, ``first_published``), ``speaker``, ``outlets``.
    A store without trails gives a 400 saying how to build them."""
    page, per_page = service.check_page(page, per_page)
    with reader(request) as conn:
        rows = store_trails.list_trails(
            conn,
            speaker=(speaker or "").strip() or None,
            since=service.parse_date(since, "since"),
            until=service.parse_date(until, "until"),
            min_articles=min_articles,
            limit=per_page + 1,
            offset=(page - 1) * per_page,
        )
    return _json(service.Page(rows[:per_page], page, per_page, len(rows) > per_page))


@router.get("/quotes/{quote_id}/trail", responses=ERRORS, summary="The trail of a quote")
def quote_trail(request: Request, quote_id: RowId) -> dict[str, Any]:
    """The trail of the quote ``quote_id``: ``first`` appearance, ``later`` appearances in date
    order (each with ``relation`` to the first, word-level ``diff`` segments, ``speaker`` and
    a ``suggestion`` of speaker with its evidence when unattributed), ``in_copies``
    (appearances in copies of an article already in the trail), ``outlets``, ``speakers``."""
    with reader(request) as conn:
        if conn.execute("SELECT 1 FROM quotes WHERE id = ?", (quote_id,)).fetchone() is None:
            raise HTTPException(404, f"no quote {quote_id} in the store")
        return _json(store_trails.trail(conn, quote_id))


@router.get("/network", responses=ERRORS, summary="Actor network")
def network(
    request: Request,
    since: DateParam = None,
    until: DateParam = None,
    min_weight: Weight = 2,
    max_nodes: Annotated[int, Query(ge=2, le=300, description="At most this many actors.")] = 60,
    co_mention: CoMention = False,
) -> dict[str, Any]:
    """Nodes (actors) and directed edges over the articles in the date range: ``stance``
    (source → target, ``weight`` = hostile and favourable judgments, ``label`` negative,
    positive or mixed, ``polarity`` = the pair's aggregate as in ``/api/stance``) and ``act``
    (agent → patient of acts with no stance, such as meetings: ``weight`` = acts, ``label``
    neutral unless the acts carry a polarity, ``polarity`` null). ``co-mention`` edges (same
    articles, ``weight`` = articles, ``label`` and ``polarity`` null) only with
    ``co_mention=true``."""
    with reader(request) as conn:
        nodes, edges = views.network(
            conn,
            **service.date_range(since, until),
            min_weight=min_weight,
            max_nodes=max_nodes,
            co_mention=co_mention,
        )
    return {"nodes": _json(nodes), "edges": _json(edges)}


@router.get(
    "/voices",
    responses=ERRORS,
    response_model=VoicesReport,
    summary="Who gets a voice, by gender",
)
def voices(
    request: Request,
    by: Annotated[
        str,
        Query(description="Groupings, comma-separated: gender (always) plus outlet and/or month, "
              "e.g. `gender,month`."),
    ] = "gender",
    top: Annotated[int, Query(ge=0, le=100, description="Most quoted women and men listed.")] = 10,
) -> VoicesReport:
    """Persons mentioned, persons quoted, quotations and quoted words of women (``f``), men
    (``m``), groups of both (``x``) and ``unknown`` — four ``rows`` per group, unknown never left
    out, with each gender's share of the group's quoted persons and words; ``gaps``: women / men
    for each figure per group (null without men); ``top_women``/``top_men``: the most quoted named
    persons of the store. A person counts once per article, a quotation once per utterance."""
    with reader(request) as conn:
        return gender_voices(conn, [by], top=top)


@router.get("/stance", responses=ERRORS, summary="Stance between actors")
def stance(
    request: Request,
    source: Annotated[int | None, Query(ge=1, le=MAX_ROWID, description="Only pairs from this actor id.")] = None,
    target: Annotated[int | None, Query(ge=1, le=MAX_ROWID, description="Only pairs towards this actor id.")] = None,
    since: DateParam = None,
    until: DateParam = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> dict[str, Any]:
    """One item per (source actor, target actor) pair with hostile or favourable judgments,
    strongest first (most judgments, then strongest score): ``source_id``/``source_name``,
    ``target_id``/``target_name``, ``count``, ``positive``, ``negative``, ``mean`` score in [-1, 1], ``strongest``
    |score|, ``label`` (negative, positive or mixed: at least two thirds of the judgments),
    ``first_date``/``last_date``, ``first_polarity``/``last_polarity`` in reading order and
    ``swing`` (« negative→positive ») when they differ."""
    with reader(request) as conn:
        result = service.stance_pairs(
            conn,
            source=source,
            target=target,
            **service.date_range(since, until),
            page=page,
            per_page=per_page,
        )
    return _json(result)


class AnalyzeRequest(BaseModel):
    """An article to analyze."""

    text: str = Field(description="The article text (plain text).")
    title: str | None = Field(None, description="Its title, when separate from the text.")


_ANALYZE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": AnalyzeRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".txt or .html"},
                        "text": {"type": "string"},
                        "title": {"type": "string"},
                    },
                }
            },
        },
    }
}


@router.post(
    "/analyze",
    response_model=Article,
    summary="Analyze an article (not stored)",
    openapi_extra=_ANALYZE_BODY,
    responses={
        400: {"description": "Malformed body."},
        413: {"description": "Body over the size limit (1 MB by default)."},
        422: {"description": "Empty or unreadable article."},
    },
)
async def analyze(request: Request) -> Article:
    """Analyze a JSON ``{"text", "title"}`` body or a multipart upload (``file``: .txt/.html,
    or ``text``); the result is the Article JSON and nothing is stored."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is not None and not isinstance(upload, str) and upload.filename:
            data = await upload.read()
            return await run_in_threadpool(service.analyze_upload, data, upload.filename)
        text = form.get("text")
        title = form.get("title")
        if not isinstance(text, str):
            raise UsageError("give a `file` or a `text` field")
        return await run_in_threadpool(
            service.analyze_text, text, title=title if isinstance(title, str) else None
        )
    try:
        body = AnalyzeRequest.model_validate(json.loads(await request.body()))
    except (ValueError, ValidationError) as exc:
        raise UsageError(f"the body must be JSON {{\"text\": …, \"title\": …}} ({exc.__class__.__name__})") from None
    return await run_in_threadpool(service.analyze_text, body.text, title=body.title)

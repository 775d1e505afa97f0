"""The HTML pages: overview, articles, article, actors, actor, quote search, quote trails and
the trail of a quote, network, voices, analyze.

Pages read the store through :mod:`presse.web.service` like the API does; article text is
rendered by :func:`presse.web.render.article_view` (escaped piece by piece), and data for page
scripts goes through ``|tojson`` in ``<script type="application/json">`` blocks.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from presse.corpus.trail_text import MIN_WORDS
from presse.errors import InputError
from presse.store import queries as store
from presse.store import trails as store_trails
from presse.store.voices import gender_voices
from presse.web import editing, render, review_views, service, views
from presse.web.deps import reader, templates_of
from presse.web.params import CoMention, Page, RowId, Weight
from presse.web.trail_view import timeline_dots

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, template: str, **context: Any) -> Response:
    mode = editing.mode_of(request)
    editor = editing.is_editor(request)
    context.update(edit_mode=mode is not None, editor=editor, csrf=mode.csrf if mode and editor else None)
    return templates_of(request).TemplateResponse(request, template, context)


def _link(path: str, params: dict[str, Any], **change: Any) -> str:
    """``path`` with the non-empty ``params`` updated by ``change``, as a query string."""
    merged = {**params, **change}
    query = urlencode({k: v for k, v in merged.items() if v not in (None, "")})
    return f"{path}?{query}" if query else path


@router.get("/")
def overview(request: Request) -> Response:
    with reader(request) as conn:
        stats = store.stats(conn, top=12)
        top = store.actors(conn, sort="mentions", limit=12)
        recent = views.list_articles(conn, limit=12)
    bars = render.voice_bars((a.name, f"/actors/{a.id}", a.mentions, a.quotes) for a in top)
    return _page(
        request,
        "overview.html",
        page="overview",
        stats=stats,
        top=top,
        bars=bars,
        colours={a.id: render.colour_index(f"actor:{a.id}") for a in top},
        recent=recent,
    )


@router.get("/articles")
def articles(
    request: Request, q: str = "", since: str = "", until: str = "", page: Page = 1
) -> Response:
    params = {"q": q, "since": since, "until": until}
    with reader(request) as conn:
        result = service.list_articles(
            conn,
            q=q,
            **service.date_range(since, until),
            page=page,
            per_page=25,
        )
    return _page(
        request,
        "articles.html",
        page="articles",
        params=params,
        result=result,
        prev_link=_link("/articles", params, page=page - 1) if page > 1 else None,
        next_link=_link("/articles", params, page=page + 1) if result.has_next else None,
    )


@router.get("/articles/{article_id}")
def article(request: Request, article_id: RowId) -> Response:
    with reader(request) as conn:
        found = service.stored_article(conn, article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id} in the store")
        stored, names = found
        review = None
        if editing.is_editor(request):
            entity_names = [e.name for e in stored.article.entities if not e.collective]
            review = review_views.article_review(conn, article_id, entity_names)
    view = render.article_view(
        stored.article, stored.actor_ids, actor_names=names, quote_rows=stored.quote_rows
    )
    return _page(
        request, "article.html", page="articles", view=view, stored_id=stored.id, review=review
    )


@router.get("/actors")
def actors(request: Request, type: str = "", sort: str = "mentions", page: Page = 1) -> Response:
    params = {"type": type, "sort": sort}
    with reader(request) as conn:
        result = service.list_actors(conn, type_=type, sort=sort, page=page, per_page=50)
    return _page(
        request,
        "actors.html",
        page="actors",
        params=params,
        result=result,
        types=service.ACTOR_TYPES,
        sorts=service.ACTOR_SORTS,
        colours={a.id: render.colour_index(f"actor:{a.id}") for a in result.items},
        prev_link=_link("/actors", params, page=page - 1) if page > 1 else None,
        next_link=_link("/actors", params, page=page + 1) if result.has_next else None,
    )


@router.get("/actors/{actor_id}")
def actor(request: Request, actor_id: RowId) -> Response:
    with reader(request) as conn:
        detail = service.actor_detail(conn, actor_id)
        review = review_views.actor_review(conn, actor_id) if editing.is_editor(request) else None
    if detail is None:
        raise HTTPException(404, f"no actor {actor_id} in the store")
    points, step = render.timeline(detail.weeks)
    of_them, subject = render.pronouns(detail.actor.name, detail.actor.type)
    return _page(
        request,
        "actor.html",
        page="actors",
        detail=detail,
        colour=render.colour_index(f"actor:{actor_id}"),
        points=points,
        step=step,
        stance_about=render.stance_bars(detail.stance_about),
        stance_by=render.stance_bars(detail.stance_by),
        of_them=of_them,
        subject=subject,
        review=review,
        actor_types=service.ACTOR_TYPES,
    )


@router.get("/quotes")
def quotes(
    request: Request,
    q: str = "",
    speaker: str = "",
    about: str = "",
    since: str = "",
    until: str = "",
    kind: str = "",
    page: Page = 1,
) -> Response:
    params = {"q": q, "speaker": speaker, "about": about, "since": since, "until": until, "kind": kind}
    with reader(request) as conn:
        result = service.search_quotes(
            conn,
            q=q,
            speaker=speaker,
            about=about,
            **service.date_range(since, until),
            kind=kind,
            page=page,
            per_page=20,
        )
    return _page(
        request,
        "quotes.html",
        page="quotes",
        params=params,
        kinds=service.QUOTE_KINDS,
        result=result,
        searched=any(params.values()),
        prev_link=_link("/quotes", params, page=page - 1) if page > 1 else None,
        next_link=_link("/quotes", params, page=page + 1) if result.has_next else None,
    )


@router.get("/trails")
def trails(
    request: Request, speaker: str = "", since: str = "", until: str = "",
    min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 2, page: Page = 1,
) -> Response:
    params = {"speaker": speaker, "since": since, "until": until, "min_articles": min_articles}
    per_page = 25
    with reader(request) as conn:
        rows = store_trails.list_trails(
            conn,
            speaker=speaker.strip() or None,
            since=service.parse_date(since, "since"),
            until=service.parse_date(until, "until"),
            min_articles=min_articles,
            limit=per_page + 1,
            offset=(page - 1) * per_page,
        )
    result = service.Page(rows[:per_page], page, per_page, len(rows) > per_page)
    return _page(
        request,
        "trails.html",
        page="trails",
        params=params,
        result=result,
        prev_link=_link("/trails", params, page=page - 1) if page > 1 else None,
        next_link=_link("/trails", params, page=page + 1) if result.has_next else None,
    )


@router.get("/quotes/{quote_id}/trail")
def quote_trail(request: Request, quote_id: RowId) -> Response:
    with reader(request) as conn:
        if conn.execute("SELECT 1 FROM quotes WHERE id = ?", (quote_id,)).fetchone() is None:
            raise HTTPException(404, f"no quote {quote_id} in the store")
        found = store_trails.trail(conn, quote_id)
    return _page(
        request, "trail.html", page="trails", trail=found, dots=timeline_dots(found),
        min_words=MIN_WORDS,
    )


@router.get("/network")
def network(
    request: Request,
    since: str = "",
    until: str = "",
    min_weight: Weight = 2,
    max_nodes: Annotated[int, Query(ge=2, le=300)] = 50,
    co_mention: CoMention = False,
) -> Response:
    params = {
        "since": since,
        "until": until,
        "min_weight": min_weight,
        "max_nodes": max_nodes,
        "co_mention": "true" if co_mention else "",
    }
    service.date_range(since, until)  # a bad date is a 400 here, not a broken page script
    with reader(request) as conn:
        stats = store.stats(conn, top=0)
    return _page(
        request,
        "network.html",
        page="network",
        params=params,
        api=_link("/api/network", params),
        stats=stats,
    )


@router.get("/voices")
def voices(request: Request) -> Response:
    with reader(request) as conn:
        overall = gender_voices(conn, top=15)
        monthly = gender_voices(conn, ["month"], top=0)
        outlets = gender_voices(conn, ["outlet"], top=0)
    lines, months = render.share_lines(monthly.rows)
    return _page(
        request,
        "voices.html",
        page="voices",
        overall=overall,
        monthly=monthly,
        lines=lines,
        months=months,
        bars=render.gender_bars(outlets.rows),
    )


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return _page(request, "analyze.html", page="analyze", text="", title="")


@router.post("/analyze")
async def analyze(
    request: Request,
    text: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    file: UploadFile | None = None,
) -> Response:
    try:
        if file is not None and file.filename:
            data = await file.read()
            result = await run_in_threadpool(service.analyze_upload, data, file.filename)
        else:
            result = await run_in_threadpool(service.analyze_text, text, title=title)
    except InputError as exc:
        return templates_of(request).TemplateResponse(
            request,
            "analyze.html",
            {"page": "analyze", "text": text, "title": title, "error": str(exc)},
            status_code=422,
        )
    view = render.article_view(result)
    return _page(request, "article.html", page="analyze", view=view, stored_id=None)

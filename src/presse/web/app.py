"""The presse web app: server-rendered pages and a JSON API over a corpus store.

Contracts:

* :func:`create_app` checks that ``db_path`` is a presse store (UsageError otherwise) and opens
  it read-only (:func:`presse.store.queries.connect_reader`) for every request: without
  ``edit`` no endpoint can modify the store; with it (``presse serve --edit``), the routes of
  :mod:`presse.web.routes_edit` record and undo corrections, for the holder of the token only;
* every response carries a Content-Security-Policy allowing scripts, styles, images and fonts
  from the app itself only: inline scripts and event-handler attributes never run;
* a request body over ``max_body`` bytes (POST ``/api/analyze`` and ``/analyze``) gets a 413
  before the app reads it whole;
* errors under ``/api/`` are JSON ``{"status": <code>, "message": <text>}`` with the status:
  400 for a bad parameter or search query, 404 for an unknown id, 413 for a too large body,
  422 for an input that cannot be analyzed; pages get the same status with an HTML page.

The app factory imports the route modules; the routes reach the store and the templates only
through :mod:`presse.web.deps`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from contextlib import closing
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from presse import __version__
from presse.errors import InputError, UsageError
from presse.store.queries import connect_reader
from presse.store.writer import StoreWriter
from presse.web import routes_api, routes_edit, routes_pages
from presse.web.editing import EditMode
from presse.web.render import colour_index, signed, via_label

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 1_000_000
LIMITED_PATHS = frozenset({"/api/analyze", "/analyze", "/api/corrections"})

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """ASGI middleware: bodies of POSTs to ``paths`` larger than ``limit`` bytes get a 413.

    The declared Content-Length is checked first; a body sent without one (chunked) is read up
    to the limit and then replayed to the app.
    """

    def __init__(self, app: ASGIApp, *, limit: int, paths: frozenset[str]) -> None:
        self.app = app
        self.limit = limit
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.paths:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"request body too large: at most {self.limit:,} bytes"
        response = JSONResponse(
            {"status": 413, "message": message}, status_code=413, headers=SECURITY_HEADERS
        )
        await response(scope, receive, send)


def actor_colour(actor_id: int) -> int:
    """The palette index of the corpus actor ``actor_id`` (the same on every page)."""
    return colour_index(f"actor:{actor_id}")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(
    db_path: str | Path, *, max_body: int = DEFAULT_MAX_BODY, edit: EditMode | None = None
) -> FastAPI:
    """The web app serving the store at ``db_path`` (checked now, opened read-only per request).

    With ``edit``, the app also has the write routes of :mod:`presse.web.routes_edit` (the
    store is migrated now so that its readers see the corrections tables); without, it has no
    route that writes."""
    db = Path(db_path)
    with closing(connect_reader(db)):
        pass
    if edit is not None:
        StoreWriter(db).close()

    app = FastAPI(
        title="presse",
        version=__version__,
        description=(
            "Who says what, about whom, in the news: articles, actors, quotes and the actor "
            "network of a presse corpus store, and analysis of a pasted article. "
            + (
                "Edit mode: corrections (POST/DELETE /api/corrections) need the token the "
                "server printed at start, as `Authorization: Bearer <token>`."
                if edit is not None
                else "Read-only."
            )
        ),
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = db
    app.state.max_body = max_body
    app.state.edit = edit
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    templates.env.globals["actor_colour"] = actor_colour
    templates.env.filters["signed"] = signed
    templates.env.filters["via_label"] = via_label
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def error(request: Request, status: int, message: str) -> Response:
        if _is_api(request):
            return JSONResponse({"status": status, "message": message}, status_code=status)
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError) -> Response:
        return error(request, 422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'body', 'path'))}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        return error(request, 400, f"bad request: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        return error(request, exc.status_code, detail)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        return templates.TemplateResponse(request, "docs.html", {"page": "docs"})

    app.include_router(routes_api.router)
    if edit is not None:
        app.include_router(routes_edit.router)
    app.include_router(routes_pages.router)
    app.add_middleware(BodyLimit, limit=max_body, paths=LIMITED_PATHS)
    return app

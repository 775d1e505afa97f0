"""The write routes of edit mode, mounted only by ``presse serve --edit`` (a read-only app has
none of them): ``GET /edit?token=…`` (a browser becomes an editor), ``POST /api/corrections``,
``DELETE /api/corrections/{id}``, ``GET /api/corrections`` and
``PUT``/``DELETE /api/articles/{id}/reviewed``.

Contracts: every write is checked by :func:`presse.web.editing.require_write` (403 without the
token, or without the CSRF value for a browser); ``POST /api/corrections`` takes a JSON object
or a form with the fields below and answers 201 with the stored correction (a form gets a 303
back to its ``next`` page); a bad field is a 400 ``{status, message}`` naming it.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response

from presse.errors import UsageError
from presse.store import correction_log
from presse.store.correction_log import Correction
from presse.web import editing
from presse.web.deps import reader
from presse.web.params import RowId

router = APIRouter(tags=["edit"])

FIELDS = (
    "kind: speaker, kind, reject, add (article corrections) or merge, split, type, gender (actor "
    "corrections); article: store id; quote: quote id (q3) or words; speaker, speaker_type, "
    "quote_kind; text, start, end, near (add); actor: store id or name; value: the actor merged "
    "into, the name split off, the type or the gender; author."
)


def _json(correction: Correction, **extra: Any) -> dict[str, Any]:
    return {**correction.as_json(), **extra}


def _is_form(request: Request) -> bool:
    content_type = request.headers.get("content-type", "")
    return content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


async def _fields(request: Request) -> tuple[dict[str, Any], bool]:
    """The request's fields and whether it came as a form."""
    if _is_form(request):
        form = await request.form()
        return {k: v for k, v in form.items() if isinstance(v, str)}, True
    try:
        body = await request.json()
    except ValueError:
        raise UsageError("the body must be a JSON object: " + FIELDS) from None
    if not isinstance(body, dict):
        raise UsageError("the body must be a JSON object: " + FIELDS)
    return body, False


def _back(fields: dict[str, Any]) -> str:
    """The page a form came from (its ``next`` field: a path of this site), else the home page."""
    path = str(fields.pop("next", "") or "")
    same_site = path.startswith("/") and not path.startswith("//") and "\\" not in path
    return path if same_site else "/"


def _where(request: Request, correction: Correction, *, follow_merge: bool = True) -> dict[str, Any]:
    """Where the corrected thing is now: the article's id, or the actor's (after a merge, with
    ``follow_merge``, the actor merged into)."""
    with reader(request) as conn:
        if correction.article_key is not None:
            row = conn.execute(
                "SELECT id FROM articles WHERE key = ?", (correction.article_key,)
            ).fetchone()
            return {"article_id": row[0] if row else None}
        merged = follow_merge and correction.kind == "merge"
        key = correction.payload["into"] if merged else correction.actor_key
        row = conn.execute("SELECT id FROM actors WHERE key = ?", (key,)).fetchone()
        return {"actor_id": row[0] if row else None}


@router.get("/edit", include_in_schema=False)
def become_editor(request: Request, token: Annotated[str, Query()] = "") -> Response:
    """With the right token, set the edit cookie and go to the home page."""
    mode = editing.mode_of(request)
    if mode is None or not mode.valid(token):
        raise HTTPException(403, "wrong edit token: use the link printed when the server started")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(editing.COOKIE, mode.token, httponly=True, samesite="strict", path="/")
    return response


@router.post("/api/corrections", status_code=201, summary="Record a correction")
async def post_correction(request: Request) -> Response:
    """Record one correction (fields: see the module docstring) and apply it at once."""
    if not _is_form(request):
        editing.require_write(request)
    fields, is_form = await _fields(request)
    back = _back(fields)
    if is_form:
        editing.require_write(request, fields.pop("csrf", None))
    done = await run_in_threadpool(editing.apply, request.app.state.db, fields)
    if is_form:
        return RedirectResponse(back, status_code=303)
    return JSONResponse(_json(done, **_where(request, done)), status_code=201)


@router.delete("/api/corrections/{correction_id}", summary="Undo a correction")
async def delete_correction(request: Request, correction_id: RowId) -> dict[str, Any]:
    """Delete the correction: what it changed is as presse found it again."""
    editing.require_write(request)
    try:
        done = await run_in_threadpool(editing.undo, request.app.state.db, correction_id)
    except UsageError as exc:
        raise HTTPException(404, str(exc)) from None
    return _json(done, **_where(request, done, follow_merge=False))


@router.get("/api/corrections", summary="List the corrections")
def list_corrections(
    request: Request, orphaned: Annotated[bool, Query(description="Only those that no longer anchor.")] = False
) -> dict[str, Any]:
    """Every correction, oldest first, with its status (applied or orphaned)."""
    with reader(request) as conn:
        rows = correction_log.all_corrections(conn, orphaned_only=orphaned)
    return {"items": [c.as_json() for c in rows], "total": len(rows)}


@router.put("/api/articles/{article_id}/reviewed", summary="Mark an article reviewed")
async def mark_reviewed(request: Request, article_id: RowId) -> dict[str, Any]:
    editing.require_write(request)
    await run_in_threadpool(editing.set_reviewed, request.app.state.db, article_id, True)
    return {"article_id": article_id, "reviewed": True}


@router.delete("/api/articles/{article_id}/reviewed", summary="Mark an article not reviewed")
async def unmark_reviewed(request: Request, article_id: RowId) -> dict[str, Any]:
    editing.require_write(request)
    await run_in_threadpool(editing.set_reviewed, request.app.state.db, article_id, False)
    return {"article_id": article_id, "reviewed": False}

"""Edit mode (``presse serve --edit``): who may write, and the writes themselves.

Contracts:

* :class:`EditMode` holds the token printed at start (or given with ``--token``); every write
  needs it: as ``Authorization: Bearer <token>`` (scripts), or as the ``presse_edit`` cookie
  that ``GET /edit?token=…`` sets (a browser), which must come with the page's CSRF value
  (header ``X-CSRF-Token`` or form field ``csrf``): another site can make a browser send the
  cookie but cannot read the CSRF value from a page. Anything else gets a 403;
* :func:`apply` turns a request's fields into one correction through
  :mod:`presse.store.corrections` (every field validated there: a bad one is a UsageError, a
  400) and stores it; :func:`undo` deletes one. Writes go one at a time (a process-wide lock,
  and SQLite's single writer across processes): concurrent editors never lose a correction.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request

from presse.errors import UsageError
from presse.store import corrections
from presse.store.correction_log import Correction
from presse.store.writer import StoreWriter

COOKIE = "presse_edit"
CSRF_HEADER = "x-csrf-token"
_WRITE_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class EditMode:
    """The edit mode of a running app: its secret token and the CSRF value derived from it."""

    token: str

    @classmethod
    def new(cls, token: str | None = None) -> EditMode:
        """An edit mode with ``token``, or a fresh random one; UsageError for a weak token."""
        if token is None:
            return cls(secrets.token_urlsafe(24))
        if len(token) < 16 or not token.isprintable() or " " in token:
            raise UsageError("--token: give at least 16 printable characters without spaces")
        return cls(token)

    @property
    def csrf(self) -> str:
        """The value pages carry for their forms (derived: nothing to store per session)."""
        return hmac.new(self.token.encode(), b"presse csrf", hashlib.sha256).hexdigest()

    def valid(self, value: str | None) -> bool:
        """Whether ``value`` is the token (compared in constant time)."""
        return bool(value) and hmac.compare_digest(str(value).encode(), self.token.encode())


def mode_of(request: Request) -> EditMode | None:
    """The app's edit mode, None when it is read-only."""
    return getattr(request.app.state, "edit", None)


def is_editor(request: Request) -> bool:
    """Whether the browser holds the edit cookie (the pages then show the edit forms)."""
    mode = mode_of(request)
    return mode is not None and mode.valid(request.cookies.get(COOKIE))


def require_write(request: Request, csrf: str | None = None) -> None:
    """Raise a 403 unless the request may write (see the module docstring); ``csrf`` is the
    form field when the request is a form."""
    mode = mode_of(request)
    if mode is None:
        raise HTTPException(403, "this server is read-only")
    auth = request.headers.get("authorization", "")
    if auth.startswith("Bearer ") and mode.valid(auth[7:].strip()):
        return
    if is_editor(request):
        sent = request.headers.get(CSRF_HEADER) or csrf or ""
        if hmac.compare_digest(sent.encode(), mode.csrf.encode()):
            return
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    raise HTTPException(403, "writing needs the edit token printed when the server started")


def _text(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int):
        raise UsageError(f"{name}: give a text")
    return str(value)


def _int(fields: dict[str, Any], name: str) -> int | None:
    value = _text(fields, name)
    if value is None:
        return None
    if not value.strip().lstrip("-").isdigit():
        raise UsageError(f"{name}: give a whole number, not {value!r}")
    return int(value)


def _required(fields: dict[str, Any], name: str) -> str:
    value = _text(fields, name)
    if value is None:
        raise UsageError(f"{name}: required")
    return value


def build(writer: StoreWriter, fields: dict[str, Any]) -> Correction:
    """The correction a request asks for (see ``POST /api/corrections``); UsageError if bad."""
    kind = _required(fields, "kind")
    author = _text(fields, "author") or "reviewer"
    conn = writer.conn
    if kind in ("speaker", "kind", "reject"):
        return corrections.quote_correction(
            conn,
            kind,
            _required(fields, "article"),
            _required(fields, "quote"),
            speaker=_text(fields, "speaker"),
            speaker_type=(_text(fields, "speaker_type") or "PER").upper(),
            quote_kind=_text(fields, "quote_kind"),
            author=author,
        )
    if kind == "add":
        return corrections.added_quote(
            conn,
            _required(fields, "article"),
            speaker=_required(fields, "speaker"),
            text=_text(fields, "text"),
            start=_int(fields, "start"),
            end=_int(fields, "end"),
            near=_int(fields, "near"),
            speaker_type=(_text(fields, "speaker_type") or "PER").upper(),
            quote_kind=_text(fields, "quote_kind") or "direct",
            author=author,
        )
    if kind in ("merge", "split", "type", "gender"):
        return corrections.actor_correction(
            conn, kind, _required(fields, "actor"), _required(fields, "value"), author=author
        )
    raise UsageError(
        f"kind {kind!r}: use speaker, kind, reject, add, merge, split, type or gender"
    )


def apply(db: Path, fields: dict[str, Any]) -> Correction:
    """Build, store and apply the correction ``fields`` ask for; the stored correction."""
    with _WRITE_LOCK, StoreWriter(db) as writer:
        return corrections.record(writer, build(writer, fields))


def undo(db: Path, correction_id: int) -> Correction:
    """Undo the correction ``correction_id`` (UsageError when there is none)."""
    with _WRITE_LOCK, StoreWriter(db) as writer:
        return corrections.undo(writer, correction_id)


def set_reviewed(db: Path, article_id: int, reviewed: bool) -> int:
    """Flag the article reviewed or not."""
    with _WRITE_LOCK, StoreWriter(db) as writer:
        return corrections.set_reviewed(writer, article_id, reviewed=reviewed)

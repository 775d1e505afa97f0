"""What a route needs from the running app, read from ``request.app.state`` (set by
:func:`presse.web.app.create_app`): a read-only connection to the store and the templates."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager

from fastapi import Request
from fastapi.templating import Jinja2Templates

from presse.store.queries import connect_reader


@contextmanager
def reader(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the app's store, closed on exit.

    Opened in the thread that uses it: sqlite3 connections stay in their thread.
    """
    with closing(connect_reader(request.app.state.db)) as conn:
        yield conn


def templates_of(request: Request) -> Jinja2Templates:
    """The app's Jinja2 templates (autoescaping on for .html)."""
    return request.app.state.templates

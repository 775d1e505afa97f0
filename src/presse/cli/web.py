"""The `presse serve` command: the web UI and JSON API over a corpus store, read-only unless
``--edit`` (then corrections can be recorded by whoever holds the printed token)."""

from __future__ import annotations

from typing import Annotated

import typer

from presse.errors import UsageError


def serve_command(
    db: Annotated[str, typer.Option("--db", help="The corpus database (SQLite), opened read-only.")] = "presse.db",
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    max_body: Annotated[int, typer.Option("--max-body", help="Largest POST /api/analyze body, in bytes.")] = 1_000_000,
    edit: Annotated[bool, typer.Option("--edit", help="Let the holder of the token correct the analysis.")] = False,
    token: Annotated[str | None, typer.Option("--token", help="The edit token (default: a random one, printed).")] = None,
) -> None:
    """Serve the web UI (overview, articles, actors, quotes, network, voices, analyze) and the JSON
    API (OpenAPI docs at /docs) over a corpus database: read-only, or with --edit the review and
    correction of quotations and actors (writes need the token printed at start)."""
    import uvicorn

    from presse.web.app import create_app
    from presse.web.editing import EditMode

    if not 0 < port < 65536:
        raise UsageError(f"--port {port}: give a port from 1 to 65535")
    if token is not None and not edit:
        raise UsageError("--token goes with --edit")
    mode = EditMode.new(token) if edit else None
    app = create_app(db, max_body=max_body, edit=mode)
    typer.echo(f"presse: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    if mode is not None:
        typer.echo(
            f"presse: edit mode: open http://{host}:{port}/edit?token={mode.token} "
            f"(scripts: Authorization: Bearer {mode.token})",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add `serve` to the `presse` command line."""
    app.command("serve")(serve_command)

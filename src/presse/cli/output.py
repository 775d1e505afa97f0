"""The consoles every `presse` command prints through, and its one error reporter.

Rich parses ``[...]`` in strings as markup, and file names, ids, actor names and queries are
the user's: printed as markup, ``x[bold]y.jsonl`` would show as ``xy.jsonl``. :func:`report`
escapes its message; other text a user controls is printed with :func:`escape` or as
:class:`rich.text.Text`.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

__all__ = ["err", "escape", "report"]

err = Console(stderr=True, highlight=False)


def report(message: object, *, prefix: str = "presse") -> None:
    """One line on stderr, ``prefix: message``; the message is text, never rich markup."""
    err.print(f"[red]{escape(prefix)}:[/red] {escape(str(message))}", soft_wrap=True)

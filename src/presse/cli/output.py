"""The consoles every `presse` command prints through, and its one error reporter.

Rich reads ``[...]`` in a string as markup, and file names, ids, actor names, queries and
article text are the user's: printed as markup, ``x[bold]y.jsonl`` shows as ``xy.jsonl`` (and
``[/x]`` raises). So :func:`report` escapes its message, and every other string a command builds
from user text passes that text through :func:`escape` (or prints it as
:class:`rich.text.Text`, or with ``markup=False``).
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

__all__ = ["err", "escape", "report", "stdout"]

# Progress bars, summaries and errors: standard error, so standard output stays the data.
err = Console(stderr=True, highlight=False)


def stdout(*, soft_wrap: bool = False, highlight: bool = False) -> Console:
    """A console on standard output for reports and tables."""
    return Console(soft_wrap=soft_wrap, highlight=highlight)


def report(message: object, *, prefix: str = "presse") -> None:
    """One line on stderr, ``prefix: message``; the message is text, never rich markup."""
    err.print(f"[red]{escape(prefix)}:[/red] {escape(str(message))}", soft_wrap=True)

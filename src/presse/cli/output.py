"""The consoles every `presse` command prints through, and its one error reporter.

Rich reads ``[...]`` in a string as markup, and file names, ids, actor names, queries and
article text are the user's: printed as markup, ``x[bold]y.jsonl`` shows as ``xy.jsonl`` (and
``[/x]`` raises). So :func:`report` escapes its message, and every other string a command builds
from user text passes that text through :func:`escape` (or prints it as
:class:`rich.text.Text`, or with ``markup=False``).

Width of standard output (:func:`stdout`): ``--width N`` (:data:`WidthOption`, shared by every
command that prints rich tables or reports) when given; else the terminal's width when standard
output is a terminal; else — piped or redirected — unbounded: a table takes its natural width, no
cell is cut (``Vladi…``) or wrapped, and a line of text stays one line, so a file reads and greps
like the data it holds.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.rule import Rule

__all__ = ["WidthOption", "err", "escape", "report", "rule", "stdout"]

# Rich needs a number of columns: this one is wider than any table or line presse prints.
UNBOUNDED = 100_000
# A rule between reports in a file: a separator, not a frame, so a fixed width suffices.
FILE_RULE_WIDTH = 80

WidthOption = Annotated[
    int | None,
    typer.Option(
        "--width",
        min=20,
        show_default=False,
        help="Columns of the output (default: the terminal's; unlimited when piped or redirected,"
        " so no cell is cut).",
    ),
]

# Progress bars, summaries and errors: standard error, so standard output stays the data.
err = Console(stderr=True, highlight=False)


def stdout(*, width: int | None = None, soft_wrap: bool = False, highlight: bool = False) -> Console:
    """A console on standard output for reports and tables, ``width`` columns wide when given,
    else as wide as the terminal, else (not a terminal) unbounded."""
    console = Console(width=width, soft_wrap=soft_wrap, highlight=highlight)
    if width is None and not console.is_terminal:
        console.width = UNBOUNDED
    return console


def rule(console: Console) -> None:
    """A horizontal rule across the console, or :data:`FILE_RULE_WIDTH` wide when it is unbounded."""
    console.print(Rule(), width=FILE_RULE_WIDTH if console.width >= UNBOUNDED else None)


def report(message: object, *, prefix: str = "presse") -> None:
    """One line on stderr, ``prefix: message``; the message is text, never rich markup."""
    err.print(f"[red]{escape(prefix)}:[/red] {escape(str(message))}", soft_wrap=True)

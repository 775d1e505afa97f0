"""How ``presse … --help`` reads: the typer command and group classes of every presse command.

Typer's rich help shows three artefacts these classes remove:

- a value type after every flag (``--quiet <bool>``, ``--help <bool>``), though a flag takes no
  value: a flag's type column is left empty, as click's plain help does;
- required arguments in braces in the usage line (``{paths}...``): arguments are named the
  conventional way, ``PATHS...`` when required, ``[SOURCES]...`` when optional;
- the hard line breaks of a docstring's later paragraphs, kept as they are in the source: each
  paragraph is one run of text that the help panel wraps to its width.

:func:`use_presse_help` applies them to a typer app and every command and sub-app under it.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

__all__ = ["PresseCommand", "PresseGroup", "use_presse_help"]

# A single line break inside a paragraph (not a blank line, not typer's \b verbatim marker).
_SOFT_BREAK = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")


def _unwrap(help_text: str | None) -> str | None:
    """``help_text`` with each paragraph on one line (paragraphs stay separated by a blank line)."""
    if not help_text:
        return help_text
    paragraphs = help_text.strip().split("\n\n")
    return "\n\n".join(
        p if p.startswith("\b") else _SOFT_BREAK.sub(" ", p.strip()) for p in paragraphs
    )


class _PresseHelp:
    """What the command and the group classes share: flags without a value type, unwrapped help."""

    help: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _unwrap(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            # Typer's rich help prints `metavar` in place of the type; empty for a flag.
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        options = [self.options_metavar] if getattr(self, "options_metavar", None) else []
        arguments = []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                continue
            name = (param.metavar or param.name or "ARG").upper()
            name = name if param.required else f"[{name}]"
            arguments.append(name + ("..." if param.nargs != 1 else ""))
        return options + arguments


class PresseCommand(_PresseHelp, TyperCommand):
    """A presse command: :class:`typer.core.TyperCommand` with the help described above."""


class PresseGroup(_PresseHelp, TyperGroup):
    """A presse command group: :class:`typer.core.TyperGroup` with the help described above."""

    subcommand_metavar: str | None

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [*pieces, self.subcommand_metavar] if self.subcommand_metavar else pieces


def use_presse_help(app: typer.Typer) -> None:
    """Give ``app``, its commands and its sub-apps (recursively) the presse help classes."""
    app.info.cls = PresseGroup
    for command in app.registered_commands:
        # Typer fills in its own class when a command names none.
        if command.cls in (None, TyperCommand):
            command.cls = PresseCommand
    for group in app.registered_groups:
        if group.typer_instance is not None:
            use_presse_help(group.typer_instance)

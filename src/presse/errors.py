"""Error types of presse. Each message names the input and says what to do about it."""

from __future__ import annotations


class PresseError(Exception):
    """Base class: an error presse reports to the user as one line, without a traceback."""

    exit_code = 1


class InputError(PresseError):
    """An input cannot be read or analyzed (missing, unreadable, empty, binary, too large…)."""

    def __init__(self, source: str, problem: str, hint: str = "") -> None:
        self.source = source
        self.problem = problem
        self.hint = hint
        message = f"{source}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class UsageError(PresseError):
    """The command was called wrongly (bad option value, unknown format…)."""

    exit_code = 2


class ModelNotInstalledError(PresseError):
    """The spaCy model presse needs is not installed."""

    def __init__(self, model: str) -> None:
        super().__init__(
            f"the spaCy model '{model}' is not installed: run `pip install {model.replace('_', '-')}`"
            " (or `make demo`, which installs everything)"
        )

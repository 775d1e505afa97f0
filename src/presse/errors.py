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


class StoreError(PresseError):
    """The corpus store cannot be opened or written (read-only, full disk, not a database)."""

    def __init__(self, path: str, problem: str) -> None:
        hint = "free disk space, check the file's permissions, or point --db elsewhere"
        super().__init__(f"{path}: cannot write the store: {problem} ({hint}); nothing half-written was kept")

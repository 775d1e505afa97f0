"""Size limits that protect ingest from inputs too large to analyze (or to hold in memory)."""

from __future__ import annotations

from dataclasses import dataclass

from presse.errors import InputError


@dataclass(frozen=True)
class Limits:
    """Size limits applied while reading inputs.

    - ``max_bytes``: raw size of one single-document input (a text file, a JSONL line, standard
      input read as text). Checked against the file size *before* reading, so an oversized file is
      rejected without being read.
    - ``max_chars``: length of one document's text after normalization (any source).
    - ``max_html_bytes``: raw size of one HTML page; pages carry markup and scripts, hence a larger
      budget than text.
    - ``max_container_bytes``: raw size of a file parsed as a whole that holds many documents (a
      ``.json`` array, an RSS/Atom feed). JSONL files are streamed line by line and have no
      whole-file limit.
    """

    max_bytes: int = 5_000_000
    max_chars: int = 5_000_000
    max_html_bytes: int = 20_000_000
    max_container_bytes: int = 200_000_000

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_chars", "max_html_bytes", "max_container_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive")


DEFAULT_LIMITS = Limits()


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def too_large_bytes(source: str, size: int | None, limit: int) -> InputError:
    """The error for an input whose raw size exceeds ``limit`` (``size`` None: size unknown)."""
    actual = f"{_megabytes(size)}, " if size is not None else ""
    return InputError(
        source,
        f"is too large ({actual}the limit is {_megabytes(limit)})",
        "split it into smaller documents or raise the size limit",
    )


def check_chars(source: str, text: str, limits: Limits) -> str:
    """Return ``text`` unchanged, or raise InputError if it is longer than ``limits.max_chars``."""
    if len(text) > limits.max_chars:
        raise InputError(
            source,
            f"is too large ({len(text):,} characters of text, the limit is {limits.max_chars:,})",
            "split it into smaller documents or raise the size limit",
        )
    return text

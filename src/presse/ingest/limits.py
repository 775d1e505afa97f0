"""Size limits that protect ingest from inputs too large to analyze (or to hold in memory).

The defaults can be replaced by one number of bytes, given as ``--max-bytes`` on the command line
or in the ``PRESSE_MAX_BYTES`` environment variable (see :func:`configured_limits`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from presse.errors import InputError, UsageError

MAX_BYTES_ENV = "PRESSE_MAX_BYTES"


@dataclass(frozen=True)
class Limits:
    """Size limits applied while reading inputs.

    - ``max_bytes``: raw size of one single-document input (a text file, a JSONL line, standard
      input read as text). Checked against the file size *before* reading, so an oversized file is
      rejected without being read.
    - ``max_chars``: length of one document's text after normalization (any source); by default
      spaCy's own limit (``nlp.max_length``), past which the analysis would fail anyway.
    - ``max_html_bytes``: raw size of one HTML page; pages carry markup and scripts, hence a larger
      budget than text.
    - ``max_container_bytes``: raw size of a file parsed as a whole that holds many documents (a
      ``.json`` array, an RSS/Atom feed). JSONL files are streamed line by line and have no
      whole-file limit.
    """

    max_bytes: int = 5_000_000
    max_chars: int = 1_000_000
    max_html_bytes: int = 20_000_000
    max_container_bytes: int = 200_000_000

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_chars", "max_html_bytes", "max_container_bytes"):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive")

    @classmethod
    def uniform(cls, max_bytes: int) -> Limits:
        """Limits where every input (text, page, record, JSON file, feed) may be up to
        ``max_bytes`` bytes and its text up to ``max_bytes`` characters."""
        return cls(max_bytes, max_bytes, max_bytes, max_bytes)


DEFAULT_LIMITS = Limits()


def configured_limits(max_bytes: int | None = None) -> Limits:
    """The limits to use: :meth:`Limits.uniform` of ``max_bytes`` when given, else of the
    ``PRESSE_MAX_BYTES`` environment variable when set, else :data:`DEFAULT_LIMITS`.

    Raises UsageError for a value that is not a positive whole number of bytes.
    """
    if max_bytes is None:
        raw = os.environ.get(MAX_BYTES_ENV, "").strip().replace("_", "")
        if not raw:
            return DEFAULT_LIMITS
        if not raw.isdigit():
            raise UsageError(f"{MAX_BYTES_ENV}={raw!r} is not a number of bytes")
        max_bytes = int(raw)
    if max_bytes <= 0:
        raise UsageError(f"the size limit must be a positive number of bytes, not {max_bytes}")
    return Limits.uniform(max_bytes)


def use_max_bytes(max_bytes: int | None) -> Limits:
    """:func:`configured_limits` for this process and the worker processes it starts.

    A given ``max_bytes`` is also written to ``PRESSE_MAX_BYTES`` in this process's environment,
    which worker processes (``--jobs``, a local Dask cluster) inherit, so that their analyzer
    accepts the same text length (see :class:`presse.pipeline.Analyzer`).
    """
    limits = configured_limits(max_bytes)
    if max_bytes is not None:
        os.environ[MAX_BYTES_ENV] = str(max_bytes)
    return limits


MAX_BYTES_HELP = (
    "Largest input in bytes (file, page, record, feed) and text in characters; default 5 MB"
    " per text or record, 20 MB per page, 200 MB per JSON file or feed, 1,000,000 characters."
    f" Also {MAX_BYTES_ENV}."
)
RAISE_HINT = f"split it into smaller documents, or raise the limit with --max-bytes N or {MAX_BYTES_ENV}=N"


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def too_large_bytes(source: str, size: int | None, limit: int) -> InputError:
    """The error for an input whose raw size exceeds ``limit`` (``size`` None: size unknown)."""
    actual = f"{_megabytes(size)}, " if size is not None else ""
    return InputError(
        source, f"is too large ({actual}the limit is {_megabytes(limit)})", RAISE_HINT
    )


def too_many_chars(source: str, length: int, limit: int) -> InputError:
    """The error for a text longer than ``limit`` characters."""
    return InputError(
        source,
        f"is too large ({length:,} characters of text, the limit is {limit:,})",
        RAISE_HINT,
    )


def check_chars(source: str, text: str, limits: Limits) -> str:
    """Return ``text`` unchanged, or raise InputError if it is longer than ``limits.max_chars``."""
    if len(text) > limits.max_chars:
        raise too_many_chars(source, len(text), limits.max_chars)
    return text

"""presse: who says what, about whom, in the news — and who is talked about without a voice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presse.model import Article

__version__ = "0.1.0"

__all__ = ["__version__", "analyze"]


def analyze(text_or_path: str | Path, **metadata: object) -> Article:
    """Analyze a text (a `str`) or a file (a `Path`) into an `Article`; the spaCy pipeline is
    loaded on first use and reused (see `presse.analyze.pipeline.analyze`)."""
    from presse.analyze.pipeline import analyze as _analyze

    return _analyze(text_or_path, **metadata)

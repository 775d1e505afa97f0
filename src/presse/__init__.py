"""presse: who says what, about whom, in the news — and who is talked about without a voice.

``presse.analyze_article(text_or_path)`` analyzes one article. ``presse.analyze`` is the
subpackage of the analyzers; calling it like a function (that function's former name) still
works, with a DeprecationWarning.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from presse import analyze  # the subpackage (no spaCy until an analysis runs)

if TYPE_CHECKING:
    from presse.model import Article

__version__ = "0.1.0"

__all__ = ["__version__", "analyze", "analyze_article"]


def analyze_article(text_or_path: str | Path, **metadata: object) -> Article:
    """Analyze a text (a `str`) or a file (a `Path`, any format presse reads) into an `Article`.

    Keyword arguments are Document fields for a text (title, published, url, id…). The spaCy
    pipeline is loaded on first use and reused (see `presse.analyze.pipeline`).
    """
    from presse.analyze.pipeline import analyze_article as analyze_with_pipeline

    return analyze_with_pipeline(text_or_path, **metadata)

"""Comparison keys for names: the one place where presse folds case, accents and punctuation."""

from __future__ import annotations

import functools
import re
import unicodedata

_UNMARKED = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"})
_SEPARATORS = re.compile(r"[-‐‑‒–—'’`´.]+")


@functools.lru_cache(maxsize=1 << 16)
def fold_name(name: str) -> str:
    """Fold `name` for comparison: no accents, casefolded, hyphens and apostrophes as spaces.

    « États-Unis », « etats unis » and « ETATS-UNIS » all give ``"etats unis"``.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # đ, ł and ı have no combining decomposition, yet news writes them without the mark.
    spaced = _SEPARATORS.sub(" ", stripped.translate(_UNMARKED).casefold())
    return " ".join(spaced.split())

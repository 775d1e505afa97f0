"""Analysis of one article: the spaCy components (:mod:`~presse.analyze.structure`,
:mod:`~presse.analyze.actors`, :mod:`~presse.analyze.quotes`, :mod:`~presse.analyze.stance`,
registered by :mod:`~presse.analyze.factories`), the pipeline that runs them
(:mod:`~presse.analyze.pipeline`), the conversion of a Doc to an Article
(:mod:`~presse.analyze.convert`), and two spaCy-free helpers the store also uses: the analyzed
text (:mod:`~presse.analyze.compose`) and name folding (:mod:`~presse.analyze.names`).

Importing this package imports no spaCy. Calling it — ``presse.analyze(text)``, the former name
of the library function — still works: it warns (DeprecationWarning) and returns
``presse.analyze_article(text)``.
"""

from __future__ import annotations

import sys
import types
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presse.model import Article


class _CallableModule(types.ModuleType):
    """This package, callable as the function that once had its name."""

    def __call__(self, text_or_path: str | Path, **metadata: object) -> Article:
        warnings.warn(
            "presse.analyze(...) is deprecated: call presse.analyze_article(...)",
            DeprecationWarning,
            stacklevel=2,
        )
        from presse import analyze_article

        return analyze_article(text_or_path, **metadata)


sys.modules[__name__].__class__ = _CallableModule

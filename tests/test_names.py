"""Name folding shared by lexicons, knowledge and actors."""

from __future__ import annotations

import pytest

from presse.analyze.names import fold_name


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("États-Unis", "etats unis"),
        ("ETATS-UNIS", "etats unis"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Jean-Yves Le Drian", "jean yves le drian"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("Łukaszenka", "lukaszenka"),
    ],
)
def test_names_fold_name(name: str, key: str) -> None:
    assert fold_name(name) == key

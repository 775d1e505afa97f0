"""Quote-mark pairing on built sentences."""

from __future__ import annotations

import pytest

from presse.analyze.quotemarks import find_quote_marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit « bonjour à tous » hier.", ["bonjour à tous"]),
        ("Il a dit “bonjour” puis « au revoir ».", ["bonjour", "au revoir"]),
        ('Il a dit "bonjour" puis "au revoir".', ["bonjour", "au revoir"]),
        ("« Il m'a dit “non” », raconte-t-elle.", ["Il m'a dit “non”"]),
        ("« Premier paragraphe.\n« Second paragraphe. »", ["Premier paragraphe.\n« Second paragraphe."]),
        # an older typography reopens each paragraph with »
        ("« Premier paragraphe.\n\n» Second paragraphe. »", ["Premier paragraphe.\n\n» Second paragraphe."]),
        ("qualifiée d'« extrêmement productive ».", ["extrêmement productive"]),
        ("« A » et « B » et « C ».", ["A", "B", "C"]),
    ],
)
def test_quotemarks_pairs_spans(text: str, expected: list[str]) -> None:
    marks = find_quote_marks(text)
    assert [text[s.start : s.end] for s in marks.spans] == expected
    assert not marks.warnings


@pytest.mark.parametrize(
    "text",
    ["Il a dit « bonjour sans fermer.\nAutre paragraphe.", "Un » orphelin.", "« » « « »", "«" * 10_000],
)
def test_quotemarks_unpaired_marks_warn_and_never_raise(text: str) -> None:
    marks = find_quote_marks(text)
    assert marks.warnings
    for s in marks.spans:
        assert 0 <= s.start <= s.end <= len(text)

"""Property-based tests of the analyzer on generated French-like text with hostile typography."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presse.model import Document

pytestmark = pytest.mark.model

WORDS = [
    "Le", "ministre", "a", "déclaré", "que", "la", "France", "Emmanuel", "Macron", "selon", "lui",
    "il", "elle", "« ", " »", "“", "”", '"', ",", ".", ":", "—", "\n", "\n\n", "a-t-il", "dit",
    "Angela", "Merkel", "estime", "pour", "qu'", "l'opération", "Kiev", "le", "président", "russe",
]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join).filter(str.strip)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_properties_offsets_speakers_and_determinism(analyzer, text: str) -> None:
    first = analyzer.analyze(Document(text=text))
    again = analyzer.analyze(Document(text=text))
    assert first.model_dump() == again.model_dump()
    body = first.text
    ids = {e.id for e in first.entities}
    for e in first.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(body) and body[m.start : m.end] == m.text
    for q in first.quotes:
        assert 0 <= q.start < q.end <= len(body) and body[q.start : q.end] == q.text
        assert q.speaker.entity is None or q.speaker.entity in ids
    for kind in ("direct", "indirect"):
        spans = sorted({(q.start, q.end) for q in first.quotes if q.kind == kind})
        for i, (s1, e1) in enumerate(spans):
            for s2, e2 in spans[i + 1 :]:
                assert not (s1 <= s2 and e2 <= e1), "a quote inside another of its kind"

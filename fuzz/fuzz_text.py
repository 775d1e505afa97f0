"""Coverage-guided fuzzing (atheris) of presse's model-free text layers: quote-mark pairing,
structure detection, byline splitting and text normalization.

    pip install atheris
    python fuzz/fuzz_text.py -max_total_time=300 -rss_limit_mb=2048 fuzz/corpus

Every crash becomes a regression test in tests/test_fuzz_regressions.py. The analyzer itself
(spaCy) is covered by the hypothesis properties in tests/test_properties.py: one model call per
input is too slow for coverage-guided fuzzing.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from presse.analyze.quotemarks import find_quote_marks
    from presse.analyze.structure import detect_structure, split_byline
    from presse.ingest.text import normalize_text


def check(data: bytes) -> None:
    """The invariants every input must keep (an AssertionError is a finding)."""
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    normalized = normalize_text(text)
    assert normalize_text(normalized) == normalized, "normalization is not idempotent"
    marks = find_quote_marks(normalized)
    for span in marks.spans:
        assert 0 <= span.start <= span.end <= len(normalized)
    structure = detect_structure(normalized)
    for block in structure.blocks:
        assert 0 <= block.start < block.end <= len(normalized)
        assert normalized[block.start : block.end].strip() == normalized[block.start : block.end]
    for line in normalized.splitlines()[-2:]:
        split_byline(line)


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""AADS-French (`aggregated_corpus.json`): direct-speech spans without speakers.

The file is one JSON object mapping a chapter name to ``{"text", "labels", "original_corpus",
"version", "split"}``, ``labels`` being ``[start, end]`` character spans of direct speech in
``text``. There are no speakers, so only span figures are scored; ``split`` is ``train``, ``val``
or ``test`` and reports use ``test``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from presse.errors import InputError
from presse.eval.gold import GoldDoc, GoldQuote

Split = Literal["train", "val", "test", "all"]

AADS_FILE = "aggregated_corpus.json"


def resolve_aads_path(path: Path) -> Path:
    """The corpus file: ``path`` itself, or ``aggregated_corpus.json`` inside a directory."""
    candidate = path / AADS_FILE if path.is_dir() else path
    if not candidate.is_file():
        raise InputError(str(path), f"no AADS corpus here (expected {AADS_FILE})")
    return candidate


def parse_aads(data: object, where: str, split: Split = "test") -> list[GoldDoc]:
    """Gold documents of one split (or ``all``) from the decoded AADS JSON, sorted by name.

    Raises :class:`InputError` when the structure is not the AADS one or a label lies outside
    its text.
    """
    if not isinstance(data, dict):
        raise InputError(where, "expected a JSON object mapping chapter names to records")
    docs = []
    for name in sorted(data):
        record = data[name]
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(where, f"{name}: record without 'text'")
        if split != "all" and record.get("split") != split:
            continue
        text = record["text"]
        quotes = []
        for label in record.get("labels") or []:
            if not (isinstance(label, list) and len(label) == 2):
                raise InputError(where, f"{name}: label {label!r} is not [start, end]")
            start, end = int(label[0]), int(label[1])
            if not 0 <= start < end <= len(text):
                raise InputError(where, f"{name}: label {start}-{end} is outside the text")
            quotes.append(GoldQuote(start, end, "direct", None, text[start:end]))
        quotes.sort(key=lambda q: (q.start, q.end))
        docs.append(GoldDoc(id=name, text=text, source=where, quotes=quotes, has_speakers=False))
    return docs


def load_aads(path: Path, split: Split = "test") -> list[GoldDoc]:
    """Read the AADS corpus at ``path`` (file or directory) and return one split's documents."""
    corpus = resolve_aads_path(path)
    try:
        data = json.loads(corpus.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(corpus), f"cannot read the AADS corpus: {exc}") from exc
    return parse_aads(data, str(corpus), split)

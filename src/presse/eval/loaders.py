"""Choosing and loading a gold dataset for `presse eval`: format dispatch, subsets, notes.

A :class:`Dataset` is the gold documents plus what the scorer and the report must know about
the annotation scheme (speakers as canonical names or as mention spans, direct speech only…).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from presse.errors import InputError, UsageError
from presse.eval.aads import Split, load_aads
from presse.eval.brat import Discontinuous, find_brat_pairs, iter_brat_docs
from presse.eval.gold import GoldDoc, load_presse_gold

Format = Literal["presse", "brat", "aads"]
FORMATS: tuple[str, ...] = ("presse", "brat", "aads")

LITBANK_NOTE = (
    "fr-litbank annotates direct speech in literary dialogue (dashes, « », incises) and no "
    "reported speech: presse's indirect quotes count as false alarms in the 'all' rows; the "
    "'direct only' rows keep presse's direct and mixed quotes. Gold speakers are mention spans "
    "(often pronouns): a speaker is right when a mention of the predicted entity overlaps it or "
    "the names match."
)
AADS_NOTE = (
    "AADS-French annotates direct-speech spans in fiction, without speakers: span figures only; "
    "the 'direct only' rows keep presse's direct and mixed quotes."
)
WINER_NOTE = (
    "WiNER-fr: Person→PER, Organization→ORG, Location→LOC (Date, Hour, Event, Product ignored); "
    "exact spans and types; nested gold entities kept; presse counts name mentions only."
)


@dataclass
class Dataset:
    """Gold documents with how to score them.

    ``mention_gold``: gold speakers are mention spans, not canonical names (brat litbank).
    ``direct_only``: the gold annotates direct speech only. ``notes``: task-definition
    differences printed with the figures.
    """

    name: str
    docs: list[GoldDoc]
    format: str
    mention_gold: bool = False
    direct_only: bool = False
    notes: list[str] = field(default_factory=list)


def _jsonl_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.jsonl"))
            if not found:
                hint = "for brat .ann/.txt use --format brat" if any(path.rglob("*.ann")) else ""
                raise InputError(str(path), "no .jsonl gold file in this directory", hint)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(str(path), "no such file or directory")
    return files


def select(docs: list[GoldDoc], limit: int | None, sample: bool, seed: int = 0) -> list[GoldDoc]:
    """A subset: the first ``limit`` documents in load (sorted) order, or with ``sample`` a
    reproducible random sample of ``limit`` documents (``seed``) kept in load order."""
    if limit is None:
        if sample:
            raise UsageError("--sample needs --limit N (how many documents to draw)")
        return docs
    if limit < 1:
        raise UsageError(f"--limit must be at least 1, got {limit}")
    if not sample or limit >= len(docs):
        return docs[:limit]
    chosen = sorted(random.Random(seed).sample(range(len(docs)), limit))
    return [docs[i] for i in chosen]


def load_quote_dataset(
    paths: list[Path],
    fmt: str,
    split: Split = "test",
    discontinuous: Discontinuous = "join",
) -> Dataset:
    """Gold quotes from presse JSONL, fr-litbank brat, or AADS files/directories.

    Raises :class:`UsageError` for an unknown format and :class:`InputError` for unreadable or
    malformed data.
    """
    if not paths:
        raise UsageError("give at least one gold file or directory")
    name = ", ".join(p.name or str(p) for p in paths)
    if fmt == "presse":
        docs = [doc for f in _jsonl_files(paths) for doc in load_presse_gold(f)]
        return Dataset(name, docs, fmt)
    if fmt == "brat":
        root = paths[0] if len(paths) == 1 and paths[0].is_dir() else None
        docs = list(iter_brat_docs(find_brat_pairs(paths), "quotes", discontinuous, root))
        notes = [LITBANK_NOTE]
        if discontinuous == "fragments":
            notes.append("Discontinuous citations scored as separate fragments (incises excluded).")
        return Dataset(name, docs, fmt, mention_gold=True, direct_only=True, notes=notes)
    if fmt == "aads":
        docs = [doc for p in paths for doc in load_aads(p, split)]
        note = f"{AADS_NOTE} Split: {split}."
        return Dataset(name, docs, fmt, direct_only=True, notes=[note])
    raise UsageError(f"unknown gold format {fmt!r}: use one of {', '.join(FORMATS)}")


def load_entity_dataset(paths: list[Path], fmt: str = "brat") -> Dataset:
    """Gold named entities from WiNER-style brat directories or files."""
    if fmt != "brat":
        raise UsageError(f"entities are scored on brat gold only, not {fmt!r}")
    if not paths:
        raise UsageError("give at least one gold file or directory")
    root = paths[0] if len(paths) == 1 and paths[0].is_dir() else None
    docs = list(iter_brat_docs(find_brat_pairs(paths), "entities", root=root))
    name = ", ".join(p.name or str(p) for p in paths)
    return Dataset(name, docs, fmt, notes=[WINER_NOTE])

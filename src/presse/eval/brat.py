"""BRAT standoff: parsing `.ann` files and turning fr-litbank and WiNER-fr into gold documents.

Offsets in a `.ann` file are character offsets into the sibling `.txt` read as is (no newline
translation), so texts are read with ``newline=""``. A text-bound annotation may be
discontinuous (``T1	Citation 1414 1422;1431 1508	…``); its ``text`` column then joins the
fragments with one space, which is how we check the offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from presse.errors import InputError
from presse.eval.gold import GoldDoc, GoldEntity, GoldQuote, GoldSpeaker

Discontinuous = Literal["join", "fragments"]

WINER_TYPES = {"Person": "PER", "Organization": "ORG", "Location": "LOC"}
"""WiNER labels we score, mapped to presse types; Date, Hour, Event and Product are ignored."""

_FRAGMENT = re.compile(r"^(\d+) (\d+)$")


@dataclass(frozen=True)
class TextBound:
    """A brat ``T`` annotation: its label and one or more ``(start, end)`` fragments."""

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        """Start of the first fragment."""
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        """End of the last fragment."""
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Relation:
    """A brat ``R`` annotation: a labelled link from ``arg1`` to ``arg2`` (ids of T lines)."""

    id: str
    label: str
    arg1: str
    arg2: str


@dataclass
class BratAnnotations:
    """The text-bound annotations (by id, in file order) and relations of one `.ann` file."""

    textbounds: dict[str, TextBound] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


def parse_ann(content: str, where: str = "<ann>") -> BratAnnotations:
    """Parse the content of a `.ann` file.

    ``T`` and ``R`` lines are kept; notes, attributes and events (``#``, ``A``, ``E``…) are
    skipped since no dataset we score uses them. Fragments are sorted by start. Raises
    :class:`InputError` on a malformed ``T`` or ``R`` line.
    """
    result = BratAnnotations()
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        if ident.startswith("T"):
            spec, _, text = rest.partition("\t")
            label, _, offsets = spec.partition(" ")
            fragments = []
            for piece in offsets.split(";"):
                match = _FRAGMENT.match(piece.strip())
                if not match:
                    raise InputError(f"{where}:{lineno}", f"malformed offsets {offsets!r}")
                fragments.append((int(match[1]), int(match[2])))
            fragments.sort()
            result.textbounds[ident] = TextBound(ident, label, tuple(fragments), text)
        elif ident.startswith("R"):
            parts = rest.split()
            args = dict(part.split(":", 1) for part in parts[1:] if ":" in part)
            if not parts or "Arg1" not in args or "Arg2" not in args:
                raise InputError(f"{where}:{lineno}", f"malformed relation {rest!r}")
            result.relations.append(Relation(ident, parts[0], args["Arg1"], args["Arg2"]))
    return result


def _comparable(text: str) -> str:
    # The datasets' text columns carry stray tabs and drop invisible marks (U+200F after a name),
    # neither of which moves an offset, so only visible characters are compared.
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def check_offsets(annotations: BratAnnotations, text: str, where: str) -> None:
    """Raise :class:`InputError` unless every annotation's fragments, joined by a space, equal its
    ``text`` column (whitespace and invisible format characters aside) — the proof that offsets
    index the `.txt` as we read it."""
    for bound in annotations.textbounds.values():
        sliced = " ".join(text[s:e] for s, e in bound.fragments)
        if bound.fragments[-1][1] > len(text) or _comparable(sliced) != _comparable(bound.text):
            raise InputError(
                where,
                f"{bound.id} {bound.label} {bound.fragments}: the text has {sliced!r}, "
                f"the annotation says {bound.text!r}",
                "the .ann does not match its .txt",
            )


def read_text(path: Path) -> str:
    """Read a brat `.txt` exactly as the offsets count it (UTF-8, no newline translation)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the text: {exc}") from exc


def find_brat_pairs(paths: list[Path]) -> list[tuple[Path, Path]]:
    """All ``(ann, txt)`` pairs under the given files or directories, sorted by path.

    A directory is searched recursively for `*.ann` files with a sibling `.txt`; a `.ann` or
    `.txt` path names its pair. Raises :class:`InputError` for a path that does not exist or a
    named file without its pair.
    """
    pairs: set[tuple[Path, Path]] = set()
    for path in paths:
        if path.is_dir():
            for ann in path.rglob("*.ann"):
                txt = ann.with_suffix(".txt")
                if txt.is_file():
                    pairs.add((ann, txt))
        elif path.suffix in {".ann", ".txt"} and path.is_file():
            ann, txt = path.with_suffix(".ann"), path.with_suffix(".txt")
            if not (ann.is_file() and txt.is_file()):
                raise InputError(str(path), "a brat document needs both a .ann and a .txt file")
            pairs.add((ann, txt))
        else:
            raise InputError(str(path), "not a brat directory or .ann/.txt file")
    return sorted(pairs)


def litbank_doc(
    annotations: BratAnnotations,
    text: str,
    doc_id: str,
    discontinuous: Discontinuous = "join",
) -> GoldDoc:
    """fr-litbank quotation layer as a gold document.

    Each ``Citation`` is a direct quote. Its speaker is the ``Entite`` linked to it by a
    ``Source`` relation (``Arg1`` = Entite, ``Arg2`` = Citation), as a mention span whose text
    stands for the name. A discontinuous Citation is interrupted by the incise (``dit-il``):
    with ``discontinuous="join"`` (default) it is one span from its first start to its last end,
    incise included, as presse and the Radar de Parité protocol report a quote broken by an
    incise; with ``"fragments"`` each fragment is a separate gold quote with the same speaker.
    ``Recit`` (embedded narratives) and ``Introducteur`` spans are not quotes.
    """
    speakers: dict[str, GoldSpeaker] = {}
    bounds = annotations.textbounds
    for rel in annotations.relations:
        entity = bounds.get(rel.arg1)
        if rel.label == "Source" and entity is not None:
            mention = " ".join(text[s:e] for s, e in entity.fragments)
            speakers[rel.arg2] = GoldSpeaker(
                name=mention, start=entity.start, end=entity.end, text=mention
            )
    quotes = []
    for bound in bounds.values():
        if bound.label != "Citation":
            continue
        speaker = speakers.get(bound.id)
        spans = bound.fragments if discontinuous == "fragments" else ((bound.start, bound.end),)
        for start, end in spans:
            quotes.append(GoldQuote(start, end, "direct", speaker, text[start:end]))
    quotes.sort(key=lambda q: (q.start, q.end))
    return GoldDoc(id=doc_id, text=text, source=doc_id, quotes=quotes)


def winer_doc(annotations: BratAnnotations, text: str, doc_id: str) -> GoldDoc:
    """WiNER-fr named entities as a gold document (Person, Organization, Location only).

    Nested entities are kept (``Grande Mosquée de Valence`` ORG and ``Valence`` LOC): both are in
    the gold, so a flat tagger cannot reach recall 1 — the same for presse and raw spaCy.
    """
    entities = sorted(
        {
            GoldEntity(b.start, b.end, WINER_TYPES[b.label], text[b.start : b.end])
            for b in annotations.textbounds.values()
            if b.label in WINER_TYPES
        },
        key=lambda e: (e.start, e.end, e.type),
    )
    return GoldDoc(id=doc_id, text=text, source=doc_id, entities=entities, has_speakers=False)


def iter_brat_docs(
    pairs: list[tuple[Path, Path]],
    task: Literal["quotes", "entities"],
    discontinuous: Discontinuous = "join",
    root: Path | None = None,
) -> Iterator[GoldDoc]:
    """Load brat pairs as gold documents for the task: litbank citations or WiNER entities.

    The document id is the `.ann` path relative to ``root`` (without suffix) when given. Offsets
    are checked against the text (:func:`check_offsets`).
    """
    for ann, txt in pairs:
        text = read_text(txt)
        try:
            content = ann.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(ann), f"cannot read the annotations: {exc}") from exc
        annotations = parse_ann(content, str(ann))
        check_offsets(annotations, text, str(ann))
        stem = ann.with_suffix("")
        doc_id = str(stem.relative_to(root)) if root and stem.is_relative_to(root) else stem.name
        if task == "quotes":
            doc = litbank_doc(annotations, text, doc_id, discontinuous)
        else:
            doc = winer_doc(annotations, text, doc_id)
        doc.source = str(ann)
        yield doc

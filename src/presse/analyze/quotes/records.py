"""The records the quotation finder returns: one :class:`QuoteRec` per quotation, all in :class:`Quotes`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from presse.analyze.actors import EntityRec


@dataclass
class QuoteRec:
    """A quotation found in a Doc (character offsets) with its attribution.

    Read from ``doc._.presse_quotes``: ``text`` (the quoted words), ``span`` (them as a Span,
    widened to whole tokens), ``cue_span`` (the cue, « a déclaré »), ``speaker_span`` (the whole
    mention naming the speaker, « Emmanuel Macron », « la ministre »), ``entity`` (the resolved
    actor of ``doc._.presse_actors``: ``.id``, ``.name``, ``.type``), ``kind``, ``evidence`` and
    ``confidence``. ``cue`` and ``speaker`` are the head tokens (``incise`` when the cue is an
    incise, its subject after it); ``cue_tokens`` and
    ``speaker_tokens`` the token ranges of the spans. The spans are None until the finder has
    resolved the quote (``doc`` set), or when there is no cue or speaker.
    """

    start: int
    end: int
    kind: str
    evidence: str
    confidence: float
    cue: Token | None = None
    cue_lemma: str | None = None
    cue_tokens: tuple[int, int] | None = None
    speaker: Token | None = None
    speaker_tokens: tuple[int, int] | None = None  # token range of the speaker mention
    speaker_name: str | None = None
    speaker_entity: int | None = None  # index in doc._.presse_actors.entities
    continues: QuoteRec | None = None  # the quotation whose voice goes on in this one
    incise: bool = False  # the cue is an incise: its subject is written after it (« a-t-il dit »)
    entity: EntityRec | None = field(default=None, repr=False, compare=False)
    doc: Doc | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The quoted words, exactly as in the text."""
        return doc_text(self.doc)[self.start : self.end] if self.doc is not None else ""

    @property
    def span(self) -> Span | None:
        """The quoted words as a Span (widened to whole tokens)."""
        return self.doc.char_span(self.start, self.end, alignment_mode="expand") if self.doc is not None else None

    @property
    def cue_span(self) -> Span | None:
        """The cue as a Span (« a déclaré », « selon »), or None without a cue."""
        return self._tokens(self.cue_tokens)

    @property
    def speaker_span(self) -> Span | None:
        """The whole mention naming the speaker as a Span, or None without a speaker."""
        return self._tokens(self.speaker_tokens)

    def _tokens(self, tokens: tuple[int, int] | None) -> Span | None:
        return self.doc[tokens[0] : tokens[1]] if self.doc is not None and tokens is not None else None


@dataclass
class Quotes:
    """All quotations of one Doc, in text order, and the warnings met. Iterating over it (or
    indexing it) gives the quotations."""

    quotes: list[QuoteRec] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[QuoteRec]:
        return iter(self.quotes)

    def __len__(self) -> int:
        return len(self.quotes)

    def __getitem__(self, index: int) -> QuoteRec:
        return self.quotes[index]


_TEXT = "presse_quotes_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from the tokens at each access (~90 µs
    for an average article), and a Doc is read here about eight times."""
    cached = doc.user_data.get(_TEXT)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_TEXT] = (len(doc), doc.text)
    return cached[1]

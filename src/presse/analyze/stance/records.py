"""The records of the stance layer: per-quote targets, relations, edges, tone, pair aggregates."""

from __future__ import annotations

from dataclasses import dataclass, field

from presse.analyze.polarity import label

EXTENSION = "presse_stance"

@dataclass(frozen=True, slots=True)
class StanceWeights:
    """The tunable weights of quote → target scores (the ``presse_stance`` component's config).

    ``cue_weight_object`` / ``cue_weight_inside``: share of the cue prior in a target's score,
    for the cue's object and for mentions inside the quote. ``quote_fallback`` /
    ``quote_fallback_long``: how much of the whole-quote polarity a target gets when its own
    clause has no evaluative word, in a quote of at most / more than ``long_quote`` tokens (much
    less in a long quote, where the evaluative words are usually about something else).
    ``frame_weight``: share of the journalist's own sentence around a quote that has no
    evaluative word.
    """

    cue_weight_object: float = 0.7
    cue_weight_inside: float = 0.3
    quote_fallback: float = 0.7
    quote_fallback_long: float = 0.3
    long_quote: int = 25
    frame_weight: float = 0.5

DEFAULT_WEIGHTS = StanceWeights()

@dataclass
class TargetRec:
    """An actor a quote is about (entity index, mention token range) and the polarity towards it."""

    entity: int
    start: int
    end: int
    score: float
    via: str = "mention"
    cue: int | None = None  # token index of the word that carries the polarity (None: no carrier)
    channel: str = "quote"  # "quote" | "reported" | "act": how the carrier shows the stance

    @property
    def polarity(self) -> str:
        return label(self.score)

@dataclass
class QuoteStance:
    """The stance layer of one quotation (same index as in ``doc._.presse_quotes.quotes``)."""

    cue_class: str | None
    score: float
    targets: list[TargetRec] = field(default_factory=list)

@dataclass
class RelationRec:
    """Subject actor – predicate – object actor (token ranges) with its polarity."""

    subject: int
    subject_span: tuple[int, int]
    predicate: str
    predicate_span: tuple[int, int]
    object: int
    object_span: tuple[int, int]
    score: float
    in_quote: bool = False  # told inside a quotation (the agent is then a third party of the quote)

    @property
    def lemma(self) -> str:
        """The predicate's lemma (its last word for light verb + noun: « rendre hommage » → hommage)."""
        return self.predicate

    @property
    def polarity(self) -> str:
        return label(self.score)

@dataclass
class EdgeRec:
    """One judgment source → target: from quote `evidence` (index) or relation, with its carrier.

    ``via`` names the record the evidence is (``quote`` or ``relation``); ``channel`` how it shows
    the stance (``quote``: the source's quoted words, ``reported``: reported speech or a speech
    act, ``act``: a deed); ``cue`` the token span of the carrying word; ``sentence`` the token
    range of the evidence sentence; ``modality`` what changed the cue's polarity (negation…).
    """

    source: int
    target: int
    score: float
    via: str  # "quote" | "relation"
    evidence: int
    position: int  # character offset
    channel: str = "quote"
    cue: tuple[int, int] | None = None
    sentence: tuple[int, int] | None = None
    modality: tuple[str, ...] = ()

    @property
    def polarity(self) -> str:
        return label(self.score)


@dataclass
class PairRec:
    """Every judgment from one source to one target over the article, in article order.

    ``edges`` are indices into ``Stance.edges``; ``swing`` is ``negative→positive`` or
    ``positive→negative`` when the first and last judgments disagree, else None.
    """

    source: int
    target: int
    edges: list[int]
    positives: int
    negatives: int
    first: int
    last: int
    first_polarity: str
    last_polarity: str
    score: float

    @property
    def swing(self) -> str | None:
        if self.first_polarity == self.last_polarity:
            return None
        return f"{self.first_polarity}→{self.last_polarity}"

@dataclass
class ToneRec:
    """The journalist's tone towards one actor."""

    entity: int
    score: float
    mentions: int
    words: list[str]

    @property
    def polarity(self) -> str:
        return label(self.score)

@dataclass
class Stance:
    """The stance layer of a Doc: per quote, relations, edges in article order, tone."""

    quotes: list[QuoteStance] = field(default_factory=list)
    relations: list[RelationRec] = field(default_factory=list)
    edges: list[EdgeRec] = field(default_factory=list)
    pairs: list[PairRec] = field(default_factory=list)
    tone: list[ToneRec] = field(default_factory=list)

"""The typed data model of presse: what an analyzed article is.

Every offset is a character offset into ``Article.text`` (the analyzed text as presse normalized
it) and every span carries its ``text`` so that ``article.text[start:end] == span.text`` can be
checked by any consumer. This module imports nothing from presse: it is the contract between
ingest, analyze, store and present.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
MentionKind = Literal["name", "description", "pronoun"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Polarity = Literal["positive", "negative", "neutral"]
BlockKind = Literal[
    "title", "standfirst", "heading", "paragraph", "list_item", "byline", "dateline"
]

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Block(_Model):
    """A structural unit of the text: one line or paragraph with its role."""

    kind: BlockKind
    start: int
    end: int
    text: str


class Section(_Model):
    """A section: its heading and the range of text it covers (heading line included)."""

    heading: str
    start: int
    end: int
    heading_start: int | None = None
    heading_end: int | None = None


class Mention(_Model):
    """One place where an actor is referred to."""

    start: int
    end: int
    text: str
    kind: MentionKind
    resolved_by: str = Field(
        "ner",
        description=(
            "The layer that tied this mention to its entity: ner, alias (surname or other name "
            "form), apposition (title + name in the text), knowledge (office-holders file), "
            "demonym, salience (pronoun or description by recency and agreement)."
        ),
    )


class Entity(_Model):
    """A canonical actor of the article (a person, organisation, place or other)."""

    id: str
    name: str = Field(description="Canonical (fullest) name.")
    type: EntityType
    aliases: list[str] = Field(default_factory=list, description="Other name forms seen.")
    descriptions: list[str] = Field(
        default_factory=list, description="Descriptions seen (le président russe…)."
    )
    gender: Literal["m", "f"] | None = None
    knowledge: str | None = Field(
        None, description="Role from the office-holders file, e.g. 'président, Russie'."
    )
    mentions: list[Mention] = Field(default_factory=list)
    collective: bool = Field(
        False,
        description=(
            "Known only by a common noun: a group or body (les policiers, la presse, le ministère "
            "de la Défense) or an unnamed person (l'homme, la source proche de l'enquête)."
        ),
    )


class Speaker(_Model):
    """Who a quote is attributed to: an entity when resolved, and the mention that names it."""

    entity: str | None = None
    name: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    resolved_by: str | None = None


class Target(_Model):
    """An actor a quote is about, with the quote's polarity towards it."""

    entity: str
    name: str
    start: int = Field(description="Offset of the mention that made it a target.")
    end: int
    text: str
    polarity: Polarity
    score: float = Field(ge=-1.0, le=1.0)
    via: Literal["mention", "cue_object", "event"] = Field(
        "mention",
        description=(
            "mention: named or referred to inside the quote; cue_object: the object of the cue "
            "verb (menacer X de « … »); event: a participant of the event the cue's object names."
        ),
    )


class Quote(_Model):
    """A quotation: direct words in quote marks, reported (indirect) speech, or a mix."""

    id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = Field(None, description="The cue word(s) as in the text (a-t-il déclaré).")
    cue_lemma: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: Speaker = Field(default_factory=Speaker)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str = Field(description="The rule that produced the quote and its attribution.")
    quoted_words: int = 0
    cue_class: str | None = Field(
        None, description="Class of the cue in the reporting-verb lexicon (neutral, hostile, warm…)."
    )
    targets: list[Target] = Field(default_factory=list)


class Voice(_Model):
    """Voice accounting for one entity: how often it is mentioned versus quoted."""

    entity: str
    name: str
    type: EntityType
    mentions: int
    quotes: int
    direct_quotes: int = 0
    indirect_quotes: int = 0
    quoted_words: int
    first_mention: int | None = Field(None, description="Offset of the first mention.")
    in_title: bool = False
    quoted_in_title: bool = False
    in_standfirst: bool = False
    quoted_in_standfirst: bool = False
    first_quote: int | None = Field(None, description="Offset of the entity's first quote.")


class Relation(_Model):
    """Actor – predicate – actor, read off the syntax (outside quotations)."""

    id: str
    subject: str = Field(description="Entity id of the agent.")
    subject_text: str
    subject_start: int
    subject_end: int
    predicate: str = Field(description="Lemma of the predicate (verb, or light verb + noun).")
    predicate_text: str
    predicate_start: int
    predicate_end: int
    object: str = Field(description="Entity id of the actor acted upon.")
    object_text: str
    object_start: int
    object_end: int
    polarity: Polarity
    score: float = Field(ge=-1.0, le=1.0)
    position: int = Field(description="Offset of the predicate, for article order.")


class StanceEdge(_Model):
    """One piece of evidence that `source` is positive, negative or neutral towards `target`."""

    source: str
    target: str
    polarity: Polarity
    score: float = Field(ge=-1.0, le=1.0)
    via: Literal["quote", "relation"]
    evidence_id: str = Field(description="Id of the quote (q…) or relation (r…).")
    position: int


class Tone(_Model):
    """The journalist's tone towards an actor: evaluative words around its mentions (not quotes)."""

    entity: str
    polarity: Polarity
    score: float = Field(ge=-1.0, le=1.0)
    mentions: int = Field(description="Mentions outside quotes with evaluative words around.")
    words: list[str] = Field(default_factory=list)


class Article(_Model):
    """One analyzed article."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    language: str = Field(
        "fr",
        description=(
            "ISO 639-1 code of the language analyzed: detected from the text, or declared by the "
            "source when the text is too short to tell, or forced (--lang); warnings say which."
        ),
    )
    source: str | None = Field(None, description="File path, URL or '-' for standard input.")
    url: str | None = None
    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = Field(default_factory=list)
    outlet: str | None = None
    published: date | None = None
    text: str
    blocks: list[Block] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    voices: list[Voice] = Field(default_factory=list)
    stance: list[StanceEdge] = Field(default_factory=list, description="In article order.")
    relations: list[Relation] = Field(default_factory=list)
    tone: list[Tone] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    presse_version: str | None = None
    model: str | None = Field(None, description="spaCy pipeline name and version.")

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def unvoiced(self) -> list[Voice]:
        """Actors mentioned but never quoted, most mentioned first."""
        return sorted(
            (v for v in self.voices if v.quotes == 0), key=lambda v: (-v.mentions, v.name)
        )


class Document(_Model):
    """An ingested document before analysis: text plus whatever metadata the source gave."""

    text: str
    source: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    outlet: str | None = None
    published: date | None = None
    language: str | None = Field(
        None,
        description=(
            "ISO 639-1 code. From a reader: the language the source declares (None: none); after "
            "presse.ingest.settle_language: the language the text is analyzed in."
        ),
    )
    headings: list[str] = Field(
        default_factory=list, description="Heading lines known from markup (HTML)."
    )
    list_items: list[str] = Field(
        default_factory=list, description="List-item lines known from markup (HTML)."
    )
    standfirst: str | None = Field(
        None, description="The standfirst known from markup (HTML): one line of the text."
    )
    warnings: list[str] = Field(
        default_factory=list,
        description=(
            "What ingest noticed about the input and the analysis should report (a feed entry read "
            "from its summary, a language that could not be checked…); copied to Article.warnings."
        ),
    )

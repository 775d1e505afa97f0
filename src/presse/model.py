"""The typed data model of presse: what an analyzed article is.

Every offset is a character offset into ``Article.text`` (the analyzed text as presse normalized
it), end exclusive, and every span carries its ``text`` so that
``article.text[start:end] == span.text`` can be checked by any consumer. This module imports
nothing from presse: it is the contract between ingest, analyze, store and present.

The closed vocabularies the analyzers write (:data:`ResolvedBy` on mentions, :data:`Evidence` on
quotes) are registered here with their meaning (:data:`RESOLUTIONS`, :data:`QUOTE_RULES`,
:data:`SPEAKER_FALLBACKS`): a producer writing another value fails validation, and every value
ever produced stays listed so that stored corpora still load.
"""

from __future__ import annotations

from datetime import date
from itertools import combinations
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
MentionKind = Literal["name", "description", "pronoun"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Polarity = Literal["positive", "negative", "neutral"]
BlockKind = Literal[
    "title", "standfirst", "heading", "paragraph", "list_item", "byline", "dateline"
]

GenderEvidence = Literal[
    "title", "agreement", "description", "pronoun", "office", "first_name", "members"
]
"""Which signal decided an entity's gender (see :mod:`presse.analyze.gender`)."""

SCHEMA_VERSION = "1"

ResolvedBy = Literal[
    "ner", "alias", "apposition", "knowledge", "salience", "collective", "group", "organisation",
    "document",
]
"""How a mention was tied to its entity (the layers of :mod:`presse.analyze.actors`)."""

RESOLUTIONS: Final = MappingProxyType({
    "ner": "a named entity found by spaCy's NER, grouped with the same name elsewhere",
    "alias": "another form of a name seen in the article (surname alone, acronym in brackets)",
    "apposition": "a description next to a name (le président russe Vladimir Poutine) or the "
    "same description repeated later",
    "knowledge": "a role and a country or organisation (le président américain) naming the "
    "office-holder of the article's date, from the bundled knowledge file",
    "salience": "a pronoun or bare description (il, ce dernier, le président) given to the most "
    "salient compatible person: subject continuity, recency, gender and number",
    "collective": "a common noun naming a group, a body or an unnamed person (les policiers, "
    "la presse, l'homme): an actor of its own",
    "group": "persons named together where a speaker stands (Marie et Paul Dupont ont "
    "affirmé): one group actor whose members are those persons",
    "organisation": "a definite description of an organisation (le groupe, le quotidien, la "
    "compagnie) given to the name it introduces or to the nearest earlier named organisation of a "
    "compatible kind (company, media, institution, club, party, union, association, country)",
    "document": "a document in a speaker's place (le communiqué, le rapport du BEA, une enquête "
    "réalisée par l'AP) given to its author: the actor it names, or the one who issued it earlier "
    "(X a annoncé dans un communiqué)",
})
"""Each :data:`ResolvedBy` value and what it means."""

QUOTE_RULES: Final = MappingProxyType({
    "direct: quotation cut by an incise": "« A, a-t-il dit, B »: each piece is a quotation, "
    "the incise names the speaker",
    "direct: incise after the quote": "« … », a déclaré X",
    "direct: incise closing its sentence": "« A », bien que « B », estime X: the incise "
    "closes the sentence, past more of its words",
    "direct: reporting verb and colon": "X a déclaré : « … »",
    "direct: 'Speaker : « … »'": "a name or description, a colon, then the quotation",
    "direct: quote governed by a reporting verb": "a partial quotation that depends on a "
    "reporting verb or speech noun in the parse (X a dénoncé une « … »)",
    "direct: inside a reported clause": "quote marks inside an indirect quotation (X a dit "
    "que « … »)",
    "direct: quoted sentence, speaker from context": "a whole quoted sentence without a cue",
    "direct: adapted words in brackets, speaker from context": "quoted words with an editor's "
    "[…] adaptation, without a cue",
    "direct: dialogue line": "a line opened by a dash (—, –) in a dialogue",
    "direct: dialogue line, cut by an incise": "a dialogue line with an incise (— … , dit-il, …)",
    "indirect: reporting verb + que-clause": "X a affirmé que …",
    "indirect: reporting verb + que-clause (by position)": "X a affirmé que … where the parse "
    "did not attach the clause to the verb",
    "indirect: reporting verb + infinitive": "X a affirmé vouloir …",
    "indirect: reporting verb + infinitive (by position)": "X a affirmé vouloir … where the "
    "parse did not attach the infinitive to the verb",
    "indirect: reporting verb + intention + infinitive": "X a annoncé son intention de …",
    "indirect: incise": "…, a-t-il déclaré (reported words without quote marks)",
    "indirect: incise closing the sentence, no comma": "… estime le ministre. (reported words, "
    "then the verb and its subject, with no comma before them)",
    "indirect: comme l'a dit X": "…, comme l'a dit X",
    "indirect: selon/d'après X": "selon X, … / d'après X, … / à en croire X, … (before, after "
    "or in the middle of the words)",
    "indirect: pour X, (a stated view)": "pour X, … (a view attributed to X)",
    "indirect: speech act + noun-phrase content": "a speech-act verb whose object noun "
    "phrase is what was said (« le syndicat a dénoncé la fermeture du site »; passive: « la "
    "fermeture, dénoncée par le syndicat »), also through a support verb and a speech noun (« a "
    "fait part de son indignation », « a présenté ses condoléances aux familles »)",
    "indirect: se dire / s'estimer + attribute": "X se dit / s'estime / se déclare + what X "
    "says of itself (« elle s'est dite satisfaite des résultats »)",
    "indirect: reporting verb + addressee + infinitive": "X a appelé Y à … / a menacé Y de … / "
    "a demandé à Y de … (what X tells Y to do)",
    "indirect: reporting verb + addressee + noun phrase": "X a menacé Y de sanctions / accuse Y "
    "de … (what X threatens or charges Y with)",
    "indirect: passive judgement + agent": "Y a été jugé(e) / qualifié(e) de … par X: X's "
    "judgement of Y (« la mesure a été jugée insuffisante par le syndicat »)",
})
"""Each rule that finds a quotation (first part of :attr:`Quote.evidence`) and what it means."""

SPEAKER_FALLBACKS: Final = MappingProxyType({
    "speaker from the signature line below it": "no cue: the signature line (— X) under the "
    "quotation names the speaker",
    "speaker of the previous quotation": "no cue: the voice of the previous quotation nearby "
    "goes on",
    "speaker from context (most salient person)": "no speaker found by the rule: the named "
    "subject of the quotation's sentence, or of the sentence just before it in the same "
    "paragraph (otherwise the speaker stays null)",
})
"""Each way a speaker is found when the rule gave none, appended to the rule after ``"; "`` (in
this order, each at most once)."""


REVIEW_EVIDENCE: Final = MappingProxyType({
    "added by a reviewer": "a quotation presse missed, added by a correction (presse correct "
    "add, or the web UI in edit mode); its speaker is the reviewer's",
})
"""The evidence of a quotation no rule found: a reviewer's correction added it."""


def _evidence_values() -> tuple[str, ...]:
    fallbacks = tuple(SPEAKER_FALLBACKS)
    chains = [c for n in range(len(fallbacks) + 1) for c in combinations(fallbacks, n)]
    found = tuple("; ".join((rule, *chain)) for rule in QUOTE_RULES for chain in chains)
    return found + tuple(REVIEW_EVIDENCE)


EVIDENCE_VALUES: Final = _evidence_values()
"""Every value :attr:`Quote.evidence` may take: a rule, then the fallbacks used, in order; or
a :data:`REVIEW_EVIDENCE` value."""

if TYPE_CHECKING:
    Evidence = str
else:
    # built from the registries so that the rule list is written once
    Evidence = Literal[EVIDENCE_VALUES]


def _listing(meanings: MappingProxyType[str, str]) -> str:
    return "; ".join(f"'{value}': {meaning}" for value, meaning in meanings.items())


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Block(_Model):
    """A structural unit of the text: one line or paragraph with its role."""

    kind: BlockKind = Field(
        description="Role of the block: title, standfirst (chapô), heading (section title), "
        "paragraph, list_item, byline (author line) or dateline (place and date line)."
    )
    start: int = Field(description="Character offset of the block in `text`.")
    end: int = Field(description="Character offset where the block ends in `text` (exclusive).")
    text: str = Field(description="The block's text: `text[start:end]`.")


class Section(_Model):
    """A section: its heading and the range of text it covers (heading line included)."""

    heading: str = Field(description="The heading's text.")
    start: int = Field(description="Character offset where the section starts in `text` (its heading).")
    end: int = Field(
        description="Character offset where the section ends in `text` (exclusive): the next "
        "heading, or the end of the content, trailing blank space left out."
    )
    heading_start: int | None = Field(None, description="Character offset of the heading line in `text`.")
    heading_end: int | None = Field(
        None, description="Character offset where the heading line ends in `text` (exclusive)."
    )


class Mention(_Model):
    """One place where an actor is referred to."""

    start: int = Field(description="Character offset of the mention in `text`.")
    end: int = Field(description="Character offset where the mention ends in `text` (exclusive).")
    text: str = Field(description="The mention as written: `text[start:end]`.")
    kind: MentionKind = Field(
        description="name (a proper name or part of it), description (a common noun phrase: le "
        "président russe, le Kremlin, les policiers) or pronoun (il, elle, ce dernier)."
    )
    resolved_by: ResolvedBy = Field(
        "ner",
        description="The layer that tied this mention to its entity — " + _listing(RESOLUTIONS) + ".",
    )


class Entity(_Model):
    """A canonical actor of the article (a person, organisation, place or other)."""

    id: str = Field(description="Id of the entity in this article (e1, e2…), used by quotes, "
                    "voices, stance and relations.")
    name: str = Field(description="Canonical (fullest) name.")
    type: EntityType = Field(
        description="PER (a person), ORG (an organisation or a body: a party, a ministry, la "
        "police), LOC (a place) or MISC (anything else, groups of people included: les "
        "manifestants)."
    )
    aliases: list[str] = Field(default_factory=list, description="Other name forms seen.")
    descriptions: list[str] = Field(
        default_factory=list, description="Descriptions seen (le président russe…)."
    )
    gender: Literal["f", "m", "x"] | None = Field(
        None, description="Gender of a person (f or m) or of a group of persons (x: women and "
        "men together), from the text or the knowledge named by gender_evidence; null when "
        "unknown (never guessed from anything else)."
    )
    gender_evidence: GenderEvidence | None = Field(
        None, description="The signal that decided gender, strongest first: title (« Mme », "
        "« M. » before a name), agreement (a participle or adjective agreeing with the person: "
        "« X est arrivée », « X, élue en 2017 », « X, qui a été élue »), description (« la "
        "ministre », « la réalisatrice X », « son avocat, Me X »), pronoun (« elle » resolved "
        "to the person), office (the dated office-holders knowledge), first_name (INSEE's "
        "first-names file, then the curated list, then the world table for names INSEE does not "
        "list; a name of both sexes tells nothing), members (a group's persons: x when mixed); "
        "null when gender is null."
    )
    gender_overruled: list[GenderEvidence] = Field(
        default_factory=list, description="The other signals that said the other gender and "
        "were overruled by gender_evidence (« Mme Jean Dupont »: first_name; « le Premier ministre "
        "Beata Szydło »: description), in the order of strength; empty when no signal "
        "disagreed. Records the conflicts; never changes gender."
    )
    knowledge: str | None = Field(
        None, description="Role from the office-holders file, e.g. 'président, Russie'."
    )
    mentions: list[Mention] = Field(
        default_factory=list, description="Every mention of the entity, in text order."
    )
    collective: bool = Field(
        False,
        description=(
            "Known only by a common noun: a group or body (les policiers, la presse, le ministère "
            "de la Défense) or an unnamed person (l'homme, la source proche de l'enquête)."
        ),
    )
    members: list[str] = Field(
        default_factory=list,
        description=(
            "Ids of the persons a group actor is made of, when persons named together speak as "
            "one (« Marie et Paul Dupont ont affirmé »: the group « Marie Dupont et Paul "
            "Dupont », type MISC, whose members are Marie Dupont and Paul Dupont); empty for "
            "any other entity."
        ),
    )


class Speaker(_Model):
    """Who a quote is attributed to: an entity when resolved, and the mention that names it.

    All fields are null when the quote has no speaker."""

    entity: str | None = Field(None, description="Id of the speaking entity (see `entities`); "
                               "null when the speaker is no actor of the article.")
    name: str | None = Field(None, description="The speaker's name: the entity's canonical name, "
                             "or the words naming an unresolved speaker.")
    start: int | None = Field(None, description="Character offset of the mention naming the "
                              "speaker for this quote (a name, description or pronoun) in `text`.")
    end: int | None = Field(None, description="Character offset where that mention ends in "
                            "`text` (exclusive).")
    text: str | None = Field(None, description="That mention as written: `text[start:end]`.")
    resolved_by: ResolvedBy | None = Field(
        None, description="How that mention was tied to the entity (see Mention.resolved_by); "
        "null when the mention is no mention of the entity."
    )


class Target(_Model):
    """An actor a quote is about, with the quote's polarity towards it."""

    entity: str = Field(description="Id of the target entity.")
    name: str = Field(description="The target entity's canonical name.")
    start: int = Field(description="Character offset of the mention that made it a target, in `text`.")
    end: int = Field(description="Character offset where that mention ends in `text` (exclusive).")
    text: str = Field(description="That mention as written: `text[start:end]`.")
    polarity: Polarity = Field(description="The quote's polarity towards the target (from `score`).")
    score: float = Field(ge=-1.0, le=1.0, description="-1 (most negative) … 1 (most positive); "
                         "positive above 0.1, negative below -0.1, else neutral.")
    via: Literal["mention", "cue_object", "event"] = Field(
        "mention",
        description=(
            "mention: named or referred to inside the quote; cue_object: the object of the cue "
            "verb (menacer X de « … »); event: a participant of the event the cue's object names."
        ),
    )


class Quote(_Model):
    """A quotation: direct words in quote marks, reported (indirect) speech, or a mix."""

    id: str = Field(description="Id of the quote in this article (q1, q2…, in text order).")
    text: str = Field(description="The quoted words: `text[start:end]` (quote marks excluded).")
    start: int = Field(description="Character offset of the quoted words in `text`.")
    end: int = Field(description="Character offset where the quoted words end in `text` (exclusive).")
    kind: QuoteKind = Field(
        description="direct: words between quote marks; indirect: reported speech without quote "
        "marks (X a déclaré que …, selon X …); mixed: reported speech that holds quoted words."
    )
    cue: str | None = Field(None, description="The cue word(s) as in the text (a-t-il déclaré).")
    cue_lemma: str | None = Field(None, description="Lemma of the cue (déclarer, selon); null "
                                  "without a cue.")
    cue_start: int | None = Field(None, description="Character offset of the cue in `text`.")
    cue_end: int | None = Field(None, description="Character offset where the cue ends in `text` "
                                "(exclusive).")
    speaker: Speaker = Field(default_factory=Speaker, description="Who says it.")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the rule is of the quotation "
                              "and its attribution: 0 … 1, lower without quote marks closed or "
                              "with a speaker from context.")
    evidence: Evidence = Field(
        description="The rule that found the quotation, then how the speaker was found when the "
        "rule gave none, each after '; ' (in this order, each at most once). Rules — "
        + _listing(QUOTE_RULES) + ". Speaker fallbacks — " + _listing(SPEAKER_FALLBACKS)
        + ". Reviews — " + _listing(REVIEW_EVIDENCE) + "."
    )
    quoted_words: int = Field(0, description="Number of words in `text`.")
    part_of: str | None = Field(
        None,
        description="Id of the mixed quote (q…) of the same speaker that this direct quote is "
        "the quoted stretch of: one utterance, kept as two spans for display, counted once (in "
        "the mixed quote) by `voices` and every corpus count; null for a quote counted on its own.",
    )
    cue_class: str | None = Field(
        None, description="Class of the cue in the reporting-verb lexicon (neutral, hostile, warm…)."
    )
    targets: list[Target] = Field(default_factory=list, description="The actors the quote is "
                                  "about, with its polarity towards each.")


class Voice(_Model):
    """Voice accounting for one entity: how often it is mentioned versus quoted."""

    entity: str = Field(description="Id of the entity.")
    name: str = Field(description="The entity's canonical name.")
    type: EntityType = Field(description="The entity's type.")
    mentions: int = Field(description="Number of mentions of the entity.")
    quotes: int = Field(description="Number of utterances attributed to the entity: its quotes, "
                        "a direct quote that is part of its mixed quote (`part_of`) left out.")
    direct_quotes: int = Field(0, description="Of `quotes`, the direct ones (kind direct).")
    indirect_quotes: int = Field(
        0, description="Of `quotes`, the reported ones: kind indirect or mixed "
        "(direct_quotes + indirect_quotes = quotes)."
    )
    quoted_words: int = Field(description="Words inside the entity's quotes (each word once, "
                              "even where quotes overlap).")
    first_mention: int | None = Field(None, description="Character offset of the first mention in `text`.")
    in_title: bool = Field(False, description="Mentioned in the title.")
    quoted_in_title: bool = Field(False, description="One of its quotes starts in the title.")
    in_standfirst: bool = Field(False, description="Mentioned in the standfirst.")
    quoted_in_standfirst: bool = Field(False, description="One of its quotes starts in the standfirst.")
    first_quote: int | None = Field(
        None, description="Character offset of the entity's first quote in `text`."
    )


class Relation(_Model):
    """Actor – predicate – actor, read off the syntax (outside quotations)."""

    id: str = Field(description="Id of the relation in this article (r1, r2…, in text order).")
    subject: str = Field(description="Entity id of the agent.")
    subject_text: str = Field(description="The agent's mention: `text[subject_start:subject_end]`.")
    subject_start: int = Field(description="Character offset of the agent's mention in `text`.")
    subject_end: int = Field(description="Character offset where it ends in `text` (exclusive).")
    predicate: str = Field(description="Lemma of the predicate (verb, or light verb + noun).")
    predicate_text: str = Field(description="The predicate as written: "
                                "`text[predicate_start:predicate_end]`.")
    predicate_start: int = Field(description="Character offset of the predicate in `text`.")
    predicate_end: int = Field(description="Character offset where it ends in `text` (exclusive).")
    object: str = Field(description="Entity id of the actor acted upon.")
    object_text: str = Field(description="The object's mention: `text[object_start:object_end]`.")
    object_start: int = Field(description="Character offset of the object's mention in `text`.")
    object_end: int = Field(description="Character offset where it ends in `text` (exclusive).")
    polarity: Polarity = Field(description="The predicate's polarity towards the object (from `score`).")
    score: float = Field(ge=-1.0, le=1.0, description="-1 (most negative) … 1 (most positive).")
    position: int = Field(description="Character offset of the predicate, for article order.")
    in_quote: bool = Field(False, description="Told inside a quotation (an act the speaker tells "
                           "of two other actors); false in the journalist's sentences.")
    evidence_start: int | None = Field(None, description="Character offset of the sentence that "
                                       "tells the act in `text` (null in analyses made before it "
                                       "was recorded).")
    evidence_end: int | None = Field(None, description="Character offset where that sentence ends "
                                     "in `text` (exclusive).")


StanceChannel = Literal["quote", "reported", "act"]


class StanceEdge(_Model):
    """One piece of evidence that `source` is positive, negative or neutral towards `target`."""

    source: str = Field(description="Entity id of the actor who holds the stance.")
    target: str = Field(description="Entity id of the actor the stance is towards.")
    polarity: Polarity = Field(description="positive, negative or neutral (from `score`).")
    score: float = Field(ge=-1.0, le=1.0, description="-1 (most negative) … 1 (most positive).")
    via: Literal["quote", "relation"] = Field(
        description="quote: the source's quote about the target; relation: the source acts on "
        "the target (see `relations`)."
    )
    evidence_id: str = Field(description="Id of the quote (q…) or relation (r…).")
    position: int = Field(description="Character offset of the evidence in `text`, for article order.")
    channel: StanceChannel | None = Field(
        None, description="How the evidence shows the stance (the `via` of the stance guidelines, "
        "version 2): quote (the source's own words between quote marks), reported (reported "
        "speech or a speech act: accuser, saluer, dénoncer), act (a deed of the source on the "
        "target: limoger, sanctionner, soutenir). Null in analyses made before it was recorded."
    )
    cue: str | None = Field(None, description="The word that carries the polarity (evaluative "
                            "word, speech-act verb or verb of the act): `text[cue_start:cue_end]`.")
    cue_start: int | None = Field(None, description="Character offset of the cue in `text`.")
    cue_end: int | None = Field(None, description="Character offset where the cue ends in `text` "
                                "(exclusive).")
    evidence_start: int | None = Field(None, description="Character offset of the evidence "
                                       "sentence (the one holding the cue) in `text`.")
    evidence_end: int | None = Field(None, description="Character offset where the evidence "
                                     "sentence ends in `text` (exclusive).")
    modality: list[Literal["negated", "conditional", "conceded"]] = Field(
        default_factory=list, description="What qualifies the cue: negated (« n'a pas "
        "critiqué », the polarity already turned), conditional (« sanctionnerait »), conceded (a "
        "« mais » later in the sentence, the cue weighing less)."
    )


class StancePair(_Model):
    """Every stance edge from one source to one target, summed up over the article."""

    source: str = Field(description="Entity id of the actor who holds the stance.")
    target: str = Field(description="Entity id of the actor the stance is towards.")
    polarity: Polarity = Field(description="Polarity of the summed score of the pair's edges.")
    score: float = Field(ge=-1.0, le=1.0, description="Sum of the edges' scores, clipped to [-1, 1].")
    edges: int = Field(description="Number of edges (one judgment per evidence sentence).")
    positive: int = Field(description="Of `edges`, the positive ones.")
    negative: int = Field(description="Of `edges`, the negative ones.")
    first: int = Field(description="Character offset of the first edge in `text`.")
    last: int = Field(description="Character offset of the last edge in `text`.")
    first_polarity: Polarity = Field(description="Polarity of the first edge.")
    last_polarity: Polarity = Field(description="Polarity of the last edge.")
    swing: Literal["negative→positive", "positive→negative"] | None = Field(
        None, description="How the pair turns over the article when its first and last edges "
        "disagree (the reference article's Trump → Poutine: negative→positive); null otherwise."
    )


class Tone(_Model):
    """The journalist's tone towards an actor: evaluative words around its mentions (not quotes)."""

    entity: str = Field(description="Id of the entity.")
    polarity: Polarity = Field(description="positive, negative or neutral (from `score`).")
    score: float = Field(ge=-1.0, le=1.0, description="-1 (most negative) … 1 (most positive).")
    mentions: int = Field(description="Mentions outside quotes with evaluative words around.")
    words: list[str] = Field(default_factory=list, description="The evaluative words found.")


class Article(_Model):
    """One analyzed article."""

    schema_version: str = Field(SCHEMA_VERSION, description="Version of this output format.")
    id: str | None = Field(None, description="The record id given by the source (JSON/JSONL `id`).")
    language: str = Field(
        "fr",
        description=(
            "ISO 639-1 code of the language analyzed: detected from the text, or declared by the "
            "source when the text is too short to tell, or forced (--lang); warnings say which."
        ),
    )
    source: str | None = Field(None, description="File path, URL or '-' for standard input.")
    url: str | None = Field(None, description="URL of the article, when the source gave one.")
    title: str | None = Field(None, description="The title, from the source's metadata or the "
                              "first line of the text.")
    standfirst: str | None = Field(None, description="The standfirst (chapô), when there is one.")
    authors: list[str] = Field(default_factory=list, description="Authors, from metadata or the byline.")
    outlet: str | None = Field(None, description="The publication (site name).")
    published: date | None = Field(None, description="Publication date (ISO 8601).")
    text: str = Field(description="The analyzed text (the title, a blank line, then the body, "
                      "when the source gave a separate title): every offset points into it.")
    blocks: list[Block] = Field(default_factory=list, description="The text's lines and "
                                "paragraphs with their roles, in text order.")
    sections: list[Section] = Field(default_factory=list, description="Sections under headings, "
                                    "in text order.")
    entities: list[Entity] = Field(default_factory=list, description="The actors, with all "
                                   "their mentions.")
    quotes: list[Quote] = Field(default_factory=list, description="Quotations, in text order.")
    voices: list[Voice] = Field(default_factory=list, description="Mentions versus quotes per "
                                "entity, most quoted first.")
    stance: list[StanceEdge] = Field(default_factory=list, description="In article order.")
    stance_pairs: list[StancePair] = Field(default_factory=list, description="The stance edges "
                                           "summed up per (source, target), in order of their "
                                           "first edge.")
    relations: list[Relation] = Field(default_factory=list, description="Actor – predicate – "
                                      "actor relations, in text order.")
    tone: list[Tone] = Field(default_factory=list, description="The journalist's tone towards "
                             "actors, most negative first.")
    warnings: list[str] = Field(default_factory=list, description="Problems met in the text "
                                "(an unpaired quote mark, truncated input…).")
    presse_version: str | None = Field(None, description="Version of presse that made the analysis.")
    model: str | None = Field(None, description="spaCy pipeline name and version.")

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)

    def gender_balance(self) -> list[GenderCount]:
        """Persons of the article by gender (f, m, x, unknown — in this order, each always
        present): a person is a PER entity or a group of persons (``members``); quotes and
        quoted words are their ``voices`` figures (one per utterance)."""
        voices = {v.entity: v for v in self.voices}
        counts = {g: [0, 0, 0, 0] for g in PERSON_GENDERS}
        for entity in self.entities:
            if entity.type != "PER" and not entity.members:
                continue
            row = counts[entity.gender or "unknown"]
            voice = voices.get(entity.id)
            quotes = voice.quotes if voice else 0
            row[0] += 1
            row[1] += quotes > 0
            row[2] += quotes
            row[3] += voice.quoted_words if voice else 0
        return [
            GenderCount(gender=g, persons=c[0], quoted_persons=c[1], quotes=c[2], quoted_words=c[3])
            for g, c in counts.items()
        ]

    def unvoiced(self) -> list[Voice]:
        """Actors mentioned but never quoted, most mentioned first."""
        return sorted(
            (v for v in self.voices if v.quotes == 0), key=lambda v: (-v.mentions, v.name)
        )


PERSON_GENDERS: Final = ("f", "m", "x", "unknown")
"""The genders persons are counted under: women, men, groups of both, and unknown (never left out)."""


class GenderCount(_Model):
    """The persons of one gender in an article: how many, how many quoted, how much."""

    gender: Literal["f", "m", "x", "unknown"] = Field(description="f, m, x (a group of women "
                                                      "and men) or unknown.")
    persons: int = Field(description="Persons of that gender the article mentions.")
    quoted_persons: int = Field(description="Of them, those quoted at least once.")
    quotes: int = Field(description="Their quotations, one per utterance (as Voice.quotes).")
    quoted_words: int = Field(description="Words of their quotations (as Voice.quoted_words).")


class Document(_Model):
    """An ingested document before analysis: text plus whatever metadata the source gave."""

    text: str = Field(description="The document's text (without its title).")
    source: str | None = Field(None, description="File path, URL or '-' for standard input.")
    id: str | None = Field(None, description="The record id given by the source.")
    url: str | None = Field(None, description="URL of the document.")
    title: str | None = Field(None, description="Title from the source's metadata.")
    authors: list[str] = Field(default_factory=list, description="Authors from the source's metadata.")
    outlet: str | None = Field(None, description="The publication (site name).")
    published: date | None = Field(None, description="Publication date.")
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

"""Turn an analyzed spaCy Doc into the typed `Article` (the serialized result)."""

from __future__ import annotations

from spacy.tokens import Doc

from presse.analyze.actors import Actors
from presse.analyze.convert_stance import add_stance
from presse.analyze.quotes import QuoteRec, Quotes
from presse.analyze.structure import Structure
from presse.analyze.utterances import link_parts
from presse.analyze.voices import WORD_RE, voices
from presse.model import (
    Article,
    Block,
    Document,
    Entity,
    Mention,
    Quote,
    Section,
    Speaker,
)


def _char_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc[start:end]
    return span.start_char, span.end_char


def _blocks(structure: Structure, text: str) -> list[Block]:
    return [Block(kind=b.kind, start=b.start, end=b.end, text=text[b.start : b.end]) for b in structure.blocks]  # type: ignore[arg-type]


def _sections(blocks: list[Block], text: str) -> list[Section]:
    content_end = max((b.end for b in blocks if b.kind != "byline"), default=len(text))
    heads = [b for b in blocks if b.kind == "heading"]
    sections = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start if i + 1 < len(heads) else content_end
        end = max(end, head.end)
        while end > head.end and text[end - 1].isspace():
            end -= 1
        sections.append(
            Section(heading=head.text, start=head.start, end=end, heading_start=head.start, heading_end=head.end)
        )
    return sections


def _entities(doc: Doc, actors: Actors, text: str) -> list[Entity]:
    entities = []
    for ent in actors.entities:
        mentions = []
        for m in ent.mentions:
            start, end = _char_range(doc, m.start, m.end)
            mentions.append(
                Mention(start=start, end=end, text=text[start:end], kind=m.kind, resolved_by=m.resolved_by)  # type: ignore[arg-type]
            )
        entities.append(
            Entity(
                id=ent.id, name=ent.name, type=ent.type,  # type: ignore[arg-type]
                aliases=sorted({a for a in ent.aliases if a != ent.name}),
                descriptions=ent.descriptions, gender=ent.gender,  # type: ignore[arg-type]
                gender_evidence=ent.gender_evidence,  # type: ignore[arg-type]
                gender_overruled=ent.gender_overruled,  # type: ignore[arg-type]
                knowledge=ent.knowledge, mentions=mentions, collective=ent.collective,
                members=[m.id for m in ent.members],
            )
        )
    return entities


def _quotes(doc: Doc, quotes: Quotes, actors: Actors, text: str) -> list[Quote]:
    out = []
    for n, q in enumerate(quotes.quotes, start=1):
        speaker = Speaker()
        if q.speaker_entity is not None or q.speaker_name:
            speaker = Speaker(
                entity=actors.entities[q.speaker_entity].id if q.speaker_entity is not None else None,
                name=q.speaker_name,
            )
            if q.speaker_tokens is not None:
                s, e = _char_range(doc, *q.speaker_tokens)
                speaker.start, speaker.end, speaker.text = s, e, text[s:e]
            speaker.resolved_by = _speaker_resolution(actors, q)
        cue = cue_start = cue_end = None
        if q.cue_tokens is not None:
            cue_start, cue_end = _char_range(doc, *q.cue_tokens)
            cue = text[cue_start:cue_end]
        quote_text = text[q.start : q.end]
        out.append(
            Quote(
                id=f"q{n}", text=quote_text, start=q.start, end=q.end, kind=q.kind,  # type: ignore[arg-type]
                cue=cue, cue_lemma=q.cue_lemma, cue_start=cue_start, cue_end=cue_end,
                speaker=speaker, confidence=round(q.confidence, 2), evidence=q.evidence,
                quoted_words=len(WORD_RE.findall(quote_text)),
            )
        )
    link_parts(out)
    return out


def _speaker_resolution(actors: Actors, q: QuoteRec) -> str | None:
    span, idx = q.speaker_tokens, q.speaker_entity
    if idx is None or span is None:
        return None
    for m in actors.entities[idx].mentions:
        if m.start == span[0] and m.end == span[1]:
            return m.resolved_by
    return None


def doc_to_article(
    doc: Doc, text: str, document: Document, *, presse_version: str, model: str
) -> Article:
    """The Article for a Doc processed by presse's pipeline; `text` is the unmodified text."""
    structure: Structure = doc._.presse_structure
    actors: Actors = doc._.presse_actors
    quotes: Quotes = doc._.presse_quotes
    blocks = _blocks(structure, text)
    entities = _entities(doc, actors, text)
    quote_models = _quotes(doc, quotes, actors, text)
    authors = document.authors or structure.authors
    article = Article(
        id=document.id,
        language=document.language or "fr",
        source=document.source,
        url=document.url,
        title=document.title or structure.title,
        standfirst=structure.standfirst,
        authors=authors,
        outlet=document.outlet or structure.outlet,
        published=document.published or structure.published,
        text=text,
        blocks=blocks,
        sections=_sections(blocks, text),
        entities=entities,
        quotes=quote_models,
        voices=voices(entities, quote_models, blocks, text),
        warnings=[*document.warnings, *actors.warnings, *quotes.warnings],
        presse_version=presse_version,
        model=model,
    )
    if doc.has_extension("presse_stance") and doc._.presse_stance is not None:
        add_stance(article, doc)
    return article

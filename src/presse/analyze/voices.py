"""Voices: mentions versus utterances per entity of an article, spaCy-free.

:func:`voices` counts, for each entity, its mentions and the utterances attributed to it (one per
utterance, see :mod:`presse.analyze.utterances`), the words inside its quotes (each word once),
and whether it is mentioned or quoted in the title; :func:`add_prominence` adds the standfirst
and first-quote fields. The analyzer calls both when it converts a Doc; the store calls them
again when a reviewer's corrections change who says what.
"""

from __future__ import annotations

import re

from presse.analyze.utterances import utterances
from presse.model import Article, Block, Entity, Quote, Voice

WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")


def voices(entities: list[Entity], quotes: list[Quote], blocks: list[Block], text: str) -> list[Voice]:
    """One voice per entity of ``entities``, most quoted first (then most mentioned, then name)."""
    title = next((b for b in blocks if b.kind == "title"), None)
    word_starts = [m.start() for m in WORD_RE.finditer(text)]  # once, not once per entity
    found = []
    for ent in entities:
        spoken = [q for q in quotes if q.speaker.entity == ent.id]
        own = utterances(spoken)
        covered: set[int] = set()
        for q in spoken:
            covered.update(range(q.start, q.end))
        words = sum(1 for w in word_starts if w in covered) if covered else 0
        found.append(
            Voice(
                entity=ent.id, name=ent.name, type=ent.type, mentions=len(ent.mentions),
                quotes=len(own),
                direct_quotes=sum(1 for q in own if q.kind == "direct"),
                indirect_quotes=sum(1 for q in own if q.kind != "direct"),
                quoted_words=words,
                first_mention=min((m.start for m in ent.mentions), default=None),
                in_title=bool(title) and any(title.start <= m.start < title.end for m in ent.mentions),
                quoted_in_title=bool(title) and any(title.start <= q.start < title.end for q in own),
            )
        )
    found.sort(key=lambda v: (-v.quotes, -v.mentions, v.name))
    return found


def add_prominence(article: Article) -> None:
    """Set each voice's in_standfirst, quoted_in_standfirst and first_quote from the article."""
    standfirst = [b for b in article.blocks if b.kind == "standfirst"]

    def in_standfirst(offset: int) -> bool:
        return any(b.start <= offset < b.end for b in standfirst)

    for voice in article.voices:
        entity = article.entity(voice.entity)
        own = [q for q in article.quotes if q.speaker.entity == voice.entity]
        voice.in_standfirst = entity is not None and any(in_standfirst(m.start) for m in entity.mentions)
        voice.quoted_in_standfirst = any(in_standfirst(q.start) for q in own)
        voice.first_quote = min((q.start for q in own), default=None)

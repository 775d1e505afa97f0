"""The journalist's tone towards each actor: evaluative words around its mentions outside quotes."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from presse.analyze.actors import Actors
from presse.analyze.polarity import PolarityScore, score_tokens, sentence_bounds
from presse.analyze.stance.records import ToneRec
from presse.analyze.stance.syntax import token_set


def actor_tone(doc: Doc, actors: Actors, quoted: Sequence[tuple[int, int]]) -> list[ToneRec]:
    """Per actor, the mean polarity of the sentences around its mentions outside quotes, counting
    only sentences with at least one evaluative word outside quotes (other actors' mentions and
    the words of quotes never count)."""
    mention_tokens = {i for ent in actors.entities for m in ent.mentions for i in range(m.start, m.end)}
    inside = token_set(quoted)
    by_sentence: dict[int, PolarityScore] = {}
    out = []
    for idx, ent in enumerate(actors.entities):
        scores: list[float] = []
        words: list[str] = []
        done: set[int] = set()
        for m in ent.mentions:
            if m.start in inside:
                continue
            start, end = sentence_bounds(doc[m.start])
            if start in done:
                continue
            done.add(start)
            if start not in by_sentence:
                by_sentence[start] = score_tokens(
                    doc[i] for i in range(start, end) if i not in inside and i not in mention_tokens
                )
            result = by_sentence[start]
            if result.hits:
                scores.append(result.score)
                words.extend(h.word for h in result.hits)
        if scores:
            uniq = list(dict.fromkeys(words))
            out.append(ToneRec(idx, round(sum(scores) / len(scores), 3), len(scores), uniq[:8]))
    return out

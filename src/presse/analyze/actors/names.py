"""Layer 1, names: spaCy's named entities (and persons it missed) grouped into actors.

A name's mentions are one actor when they fold to the same key (:func:`fold_name`); a short form
(« Poutine », « Le Pen ») joins the full name it ends or starts (the last one named when several
fit); an acronym given in brackets joins the name it stands for (:mod:`.aliases`). The type is the
NER's majority vote over the mentions, checked against the lexicons (:mod:`.name_types`). Bylines
are the article's author, never one of its actors; a title (« M. », « Mme ») makes a person and
tells the gender; a role title alone (« Président des États-Unis ») is left to :mod:`.roles`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NamedTuple

from spacy.tokens import Doc, Span

from presse.analyze.actors.aliases import bracketed_acronyms, name_end
from presse.analyze.actors.context import Decision, Learn, Mention, ResolutionContext
from presse.analyze.actors.descriptions import noun_entry
from presse.analyze.actors.name_types import NameContext, checked_type
from presse.analyze.actors.records import EntityRec
from presse.analyze.actors.roles import role_index, role_nouns
from presse.analyze.actors.spans import clean_name_span
from presse.analyze.names import fold_name
from presse.lexicons import (
    first_name_gender,
    metonyms,
    party,
    role_titles,
    speaker_nouns,
    word_map,
    word_set,
)

NER_LABELS: Final = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
NAME_PARTICLES: Final = word_set("name_words.particle")
LOCATIVE_PREPOSITIONS: Final = word_set("prepositions.locative")
CIVIL_TITLES: Final = word_map("name_words.civil_title")  # « M. », « Mme » → the gender they give


class NameSpan(NamedTuple):
    """A usable name mention: token range, type label and the gender a title gives."""

    start: int
    end: int
    label: str
    gender: str | None


def names(ctx: ResolutionContext) -> Iterator[Decision]:
    """The name mentions of the Doc, each tied to its actor (new actors introduced on the way)."""
    yield from _cluster(ctx, named_spans(ctx.doc))


def named_spans(doc: Doc) -> list[NameSpan]:
    """Each usable NER span in text order, then the persons the NER missed."""
    structure = doc._.presse_structure
    bylines = [(b.start, b.end) for b in structure.blocks if b.kind == "byline"] if structure else []
    found: list[NameSpan] = []
    for ent in doc.ents:
        if any(a <= ent.start_char < b for a, b in bylines):
            continue  # the author signs the article; they are not one of its actors
        found.extend(_name_spans(doc, ent))
    extra = [m for m in first_name_persons(doc, found) if not any(a <= doc[m.start].idx < b for a, b in bylines)]
    return found + extra


def _name_spans(doc: Doc, ent: Span) -> list[NameSpan]:
    """The name mention(s) one NER span gives: none, one, or a party and a person it glued."""
    label = NER_LABELS.get(ent.label_)
    if label is None:
        return []
    if label != "PER":
        ent = Span(doc, ent.start, name_end(doc, ent.start, ent.end), label=ent.label_)
    cleaned = clean_name_span(ent)
    if cleaned is None:
        return []
    start, end = cleaned
    while end < len(doc) and doc[end - 1].text.endswith("-") and not doc[end - 1].whitespace_ and doc[end].is_alpha:
        end += 1  # "Ban Ki-moon", whose lower-case last part the NER leaves out
    gender = CIVIL_TITLES.get(doc[start].lower_)
    if gender is not None:
        start += 1
        if start < end and doc[start].text == ".":
            start += 1
        label = "PER"
    elif start > 0 and doc[start - 1].lower_ in CIVIL_TITLES:
        gender = CIVIL_TITLES[doc[start - 1].lower_]
        label = "PER"
    if start >= end:
        return []
    text = doc[start:end].text
    if text.lower() in role_titles() or (doc[start].lower_ in role_index() and doc[start].lower_ not in ("leader",) and label != "LOC"):
        return []  # "Président des États-Unis": a role, resolved by the description layer
    if label == "PER" and len(text) < 3 and text.isupper():
        label = "ORG"
    metos = metonyms()
    meto = metos.get(text) or metos.get(text.replace("’", "'"))
    if meto is not None:
        label = meto.type
    person_at = _person_after_party(doc, start, end)
    if person_at is not None:
        # "du Rassemblement national Marine Le Pen": the NER made one span of two names
        return [NameSpan(start, person_at, "ORG", None), NameSpan(person_at, end, "PER", gender)]
    return [NameSpan(start, end, label, gender)]


def first_name_persons(doc: Doc, found: list[NameSpan]) -> list[NameSpan]:
    """Persons the NER missed: a known first name followed by capitalized surname words
    ("Najat Vallaud-Belkacem", "Jean-Yves Le Drian")."""
    taken = {t for start, end, _, _ in found for t in range(start, end)}
    extra = []
    texts = [t.text for t in doc]  # token strings read once, not token by token in the loops
    n = len(texts)
    i = 0
    while i < n:
        gender = first_name_gender(texts[i]) if texts[i][:1].isupper() and i not in taken else None
        if gender is None:
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken and (
            (texts[j].lstrip("-")[:1].isupper() and texts[j].replace("-", "").isalpha())
            # "Vallaud-Belkacem" tokenized as "Vallaud", "-", "Belkacem"
            or (texts[j] == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                and j + 1 < n and texts[j + 1][:1].isupper())
            or (doc[j].lower_ in NAME_PARTICLES and j + 1 < n and texts[j + 1][:1].isupper())
        ):
            j += 1
        if j > i + 1 and doc[j - 1].lower_ not in NAME_PARTICLES and j - i <= 5:
            extra.append(NameSpan(i, j, "PER", gender if gender in ("m", "f") else None))
        i = max(j, i + 1)
    return extra


def _person_after_party(doc: Doc, start: int, end: int) -> int | None:
    """The token where a person's name starts inside a NER span that begins with a party's name
    ("Rassemblement national Marine Le Pen"), or None."""
    for k in range(start + 1, end - 1):
        if first_name_gender(doc[k].text) is not None and doc[k + 1].text[:1].isupper() and party(doc[start:k].text) is not None:
            return k
    return None


def name_context(doc: Doc, start: int, end: int) -> NameContext:
    """What the words around one name mention say about its type (see `NameContext`)."""
    before = doc[start - 1] if start > 0 else None
    person_nouns = speaker_nouns()
    person_cue = before is not None and (
        before.lower_ in CIVIL_TITLES
        or before.lower_ in role_nouns()
        or (before.pos_ == "NOUN" and getattr(person_nouns.get(before.lower_), "kind", None) == "person")
    )
    introducer = start - 1
    while introducer > 0 and doc[introducer].pos_ == "ADJ":
        introducer -= 1  # « le constructeur automobile Stellantis »
    return NameContext(
        person_cue=person_cue,
        place_cue=before is not None and before.lower_ in LOCATIVE_PREPOSITIONS,
        numbered=end < len(doc) and doc[end].like_num,
        organisation_cue=introducer >= 0 and doc[introducer].pos_ == "NOUN" and noun_entry(doc[introducer]) is not None,
    )


def _contexts(doc: Doc, spans: list[NameSpan]) -> tuple[dict[str, dict[str, int]], dict[str, NameContext]]:
    """Per name key: the NER's type votes, and what the words around its mentions say."""
    type_votes: dict[str, dict[str, int]] = {}
    contexts: dict[str, NameContext] = {}
    for start, end, label, _ in spans:
        key = fold_name(doc[start:end].text)
        votes = type_votes.setdefault(key, {})
        votes[label] = votes.get(label, 0) + 1
        here, seen = name_context(doc, start, end), contexts.get(key, NameContext())
        contexts[key] = NameContext(
            seen.person_cue or here.person_cue, seen.place_cue or here.place_cue, seen.numbered or here.numbered,
            seen.organisation_cue or here.organisation_cue,
        )
    return type_votes, contexts


def _cluster(ctx: ResolutionContext, spans: list[NameSpan]) -> Iterator[Decision]:
    """Group name mentions into actors: full names first (longest first), then their short
    forms in text order, so that an ambiguous surname goes to the last one named."""
    doc, entities = ctx.doc, ctx.entities
    type_votes, contexts = _contexts(doc, spans)
    acronyms = bracketed_acronyms(doc, ctx.text, spans)
    key_to_entity: dict[str, int] = {}
    pending: list[NameSpan] = []
    for start, end, _label, gender in sorted(spans, key=lambda m: (-(m[1] - m[0]), m[0])):
        text = doc[start:end].text
        key = fold_name(text)
        votes = type_votes[key]
        checked = checked_type(text, max(votes, key=lambda k: (votes[k], k == "PER")), contexts[key])
        label = checked.type
        if key in key_to_entity:
            yield Mention(key_to_entity[key], start, end, "name", "ner")
            continue
        if key in acronyms and fold_name(acronyms[key]) in key_to_entity:
            idx = key_to_entity[fold_name(acronyms[key])]
            key_to_entity[key] = idx
            yield Learn(idx, alias=text)
            yield Mention(idx, start, end, "name", "alias")
            continue
        if label == "PER" and (end - start == 1 or any(e.type == "PER" and is_short_form(key, e) for e in entities)):
            pending.append(NameSpan(start, end, label, gender))  # with its checked type
            continue
        if label == "PER" and gender is None:
            guess = first_name_gender(doc[start].text)
            gender = guess if guess in ("m", "f") else None
        new = EntityRec("", ctx.phrase(start, end), label, gender=gender, collective=checked.group)
        if key in acronyms and label != "PER":
            # the acronym of a name the text gives in full: known by that name
            new.aliases.append(new.name)
            new.name = acronyms[key]
        yield Mention(new, start, end, "name", "ner")
        key_to_entity[key] = ctx.index(new)
    for start, end, label, gender in sorted(pending):
        text = doc[start:end].text
        key = fold_name(text)
        if key in key_to_entity:
            yield Mention(key_to_entity[key], start, end, "name", "ner")
            continue
        candidates = [i for i, e in enumerate(entities) if e.type == "PER" and is_short_form(key, e)]
        if candidates:
            before = [
                (max((m.start for m in entities[i].mentions if m.start < start), default=-1), i)
                for i in candidates
            ]
            idx = max(before)[1]
            yield Learn(idx, alias=text)
            yield Mention(idx, start, end, "name", "alias")
            continue
        new = EntityRec("", text, label, gender=gender)
        yield Mention(new, start, end, "name", "ner")
        key_to_entity[key] = ctx.index(new)


def is_short_form(key: str, ent: EntityRec) -> bool:
    """'poutine' is a short form of 'vladimir poutine'; 'le pen' of 'marine le pen'."""
    words = key.split()
    for full in ent.name_keys():
        fw = full.split()
        if len(fw) > len(words) and (fw[-len(words) :] == words or (fw[: len(words)] == words and len(words) > 1)):
            return True
    return False

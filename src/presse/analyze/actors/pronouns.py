"""Pronouns and anaphors: which earlier actor « il », « elles », « ce dernier » or « son
homologue » stands for.

- A personal pronoun (« il », « elle », « ils », « elles », the inverted « -t-il », « selon
  lui ») goes to the most salient agreeing actor: subject continuity first, then recency, over
  the last few sentences (quoted sentences do not count as distance). Gender and number agree:
  « elle » never resolves to a man, « ils » only to a plural actor (a group named by a plural
  noun, or persons coordinated as one group).
- A name inside quotation marks is the speaker's word, never the narrator's antecedent; a name in
  the pronoun's own clause that is not its subject cannot be what the subject pronoun stands for
  (« Après avoir critiqué X, il … »: « il » is not X).
- « ce dernier », « cette dernière », « ces derniers » go to the last-mentioned agreeing actor, not
  to the most salient one.
- « son homologue (américain) » goes to the salient person other than the possessor (the
  clause's subject), one of that country when the text says which.
- An object clitic (« il la met en garde », « elle les a avertis ») does not hide the subject: a
  subject pronoun is found by its place before the verb, whatever the parser labelled it.

Closed-class words (forms, gender, number) come from ``lexicons/fr/pronouns.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from spacy.tokens import Doc, Token

from presse.analyze.actors.context import Decision, Mention, ResolutionContext
from presse.analyze.actors.descriptions import speaker_position
from presse.analyze.subjects import MAIN_CLAUSE_DEPS
from presse.lexicons import PronounInfo, pronouns, speaker_nouns, word_set

if TYPE_CHECKING:
    from presse.analyze.actors.records import EntityRec

SALIENCE_WINDOW: Final = 4  # sentences back a pronoun may reach (quoted sentences do not count)
STRESS_PREPOSITIONS = word_set("prepositions.stressed")
IMPERSONAL_NEXT = word_set("clause_words.impersonal")
IMPERSONAL_REFLEXIVE = word_set("clause_words.impersonal_reflexive")
PRE_VERB = word_set("clause_words.pre_verb")
COPULAS = word_set("clause_words.copula")
COMPLEMENTIZERS = word_set("clause_words.complementizer")
DEMONSTRATIVES = word_set("determiners.demonstrative")
# clitics between a subject pronoun and its verb: negation, reflexive and object pronouns
VERB_CLITICS = word_set("clause_words.verb_clitic")
# actor types a « ce dernier » may stand for (not a place: « à Moscou. Ce dernier »)
LAST_MENTIONED_TYPES = frozenset({"PER", "ORG", "MISC"})


@dataclass(frozen=True)
class Reference:
    """A pronoun or anaphor at tokens [start, end): what it agrees with and how it refers.

    `gender` is "m", "f" or None (either); `plural` its number; `last_mentioned` is true for
    « ce dernier » and its forms (the last-mentioned actor, not the most salient one)."""

    start: int
    end: int
    gender: str | None
    plural: bool
    last_mentioned: bool = False


def _third_person(form: str, kind: str) -> PronounInfo | None:
    """The lexicon's entry for a third-person pronoun of that kind naming someone (not « on »,
    « se », « soi »), or None."""
    info = pronouns().get(form)
    if info is None or info.person != 3 or kind not in info.kinds or info.number == "any" or form == "soi":
        return None
    return info


def _reference(start: int, end: int, info: PronounInfo, last_mentioned: bool = False) -> Reference:
    # stressed « lui » is masculine (the lexicon's « mf » is the object clitic's: « il lui dit »)
    gender = "m" if info.form == "lui" else info.gender if info.gender in ("m", "f") else None
    return Reference(start, end, gender, info.number == "pl", last_mentioned)


def reference_at(doc: Doc, i: int) -> Reference | None:
    """The personal reference starting at token `i`, or None: a third-person subject pronoun
    that is not impersonal (« il faut », « il est temps de »), an inverted one (« a-t-elle
    dit »), a stressed one after a preposition (« selon eux »), or « ce dernier » and its forms."""
    tok = doc[i]
    low = tok.lower_
    if i + 1 < len(doc):
        info = _third_person(f"{low} {doc[i + 1].lower_}", "demonstrative")
        if info is not None and low in DEMONSTRATIVES:
            return _reference(i, i + 2, info, last_mentioned=True)
    inverted = low.startswith("-")
    form = low.removeprefix("-").removeprefix("t-")
    if i > 0 and doc[i - 1].lower_ in STRESS_PREPOSITIONS:
        info = _third_person(form, "stressed")
        return _reference(i, i + 1, info) if info is not None else None
    info = _third_person(form, "subject")
    if info is None or not (inverted or _before_verb(doc, i) or tok.dep_.startswith(("nsubj", "expl"))):
        return None
    if not inverted and _impersonal(doc, i):
        return None
    return _reference(i, i + 1, info)


def _before_verb(doc: Doc, i: int) -> bool:
    """A subject pronoun's place: before its verb, past clitics (« il la met », « elle les a
    avertis »), whatever dependency the parser gave it."""
    j = i + 1
    while j < len(doc) and doc[j].lower_ in VERB_CLITICS:
        j += 1
    return j < len(doc) and doc[j].pos_ in ("VERB", "AUX") and (i == 0 or doc[i - 1].pos_ != "ADP")


def _impersonal(doc: Doc, i: int) -> bool:
    """« il faut », « il s'agit », « il y a », « il est difficile de … »: nobody is meant."""
    j = i + 1
    while j < len(doc) and doc[j].lower_ in PRE_VERB:
        j += 1
    nxt = doc[j].lower_ if j < len(doc) else ""
    if nxt in IMPERSONAL_NEXT or nxt in IMPERSONAL_REFLEXIVE or nxt == "y":
        return True
    if nxt in COPULAS and i + 2 < len(doc):
        window = [t.lower_ for t in doc[i + 2 : i + 6]]
        return bool(COMPLEMENTIZERS & set(window)) and doc[i + 2].pos_ in ("ADJ", "NOUN", "ADV")
    return False


def mention_gender(ent: EntityRec, root: Token) -> str | None:
    """The grammatical gender an actor's mention carries: the person's, else its head noun's."""
    if ent.gender in ("m", "f"):
        return ent.gender
    if ent.members:
        return "f" if all(m.gender == "f" for m in ent.members) else "m"
    if root.pos_ == "PROPN":
        return None  # the tagger's gender on a proper name is a guess, not agreement
    gender = root.morph.get("Gender")
    return "f" if gender == ["Fem"] else "m" if gender == ["Masc"] else None


def plural_actor(ent: EntityRec) -> bool:
    """A group of people: persons coordinated as one, or a plural common noun (type MISC, known
    by that noun)."""
    return bool(ent.members) or (ent.type == "MISC" and ent.collective)


class Salience:
    """Resolves references for one Doc against the actors found so far (the lists are shared
    with the resolver and grow as it goes). `quoted` holds the quote-marked character ranges."""

    def __init__(
        self, doc: Doc, entities: list[EntityRec], quoted: Sequence[tuple[int, int]], window: int = SALIENCE_WINDOW
    ) -> None:
        self.doc, self.entities, self.quoted, self.window = doc, entities, quoted, window

    def in_quote(self, i: int) -> bool:
        """Whether token `i` is inside quotation marks."""
        at = self.doc[i].idx
        return any(a <= at < b for a, b in self.quoted)

    def resolve(self, ref: Reference) -> int | None:
        """The entity index `ref` stands for, or None."""
        if ref.last_mentioned:
            return self.last_mentioned(ref)
        tok = self.doc[ref.start]
        # the verb whose subject the pronoun is: its other arguments are someone else
        clause = tok.head if tok.dep_.startswith(("nsubj", "expl")) and tok.head != tok else None
        return self.salient(ref.start, ref.gender, plural=ref.plural, clause=clause)

    def salient(
        self, at: int, gender: str | None, *, plural: bool = False, exclude: int | None = None,
        accept: Callable[[EntityRec], bool] | None = None, clause: Token | None = None,
    ) -> int | None:
        """The most salient actor a reference at token `at` may stand for, or None.

        Candidates agree in number (a person, or a group for a plural) and gender, pass `accept`
        and are not `exclude`. Their mentions in the window score by sentence distance, subject
        role and recency; a mention inside quotation marks (when `at` is not) or a non-subject
        mention inside `clause` (the pronoun's own clause) does not count. When a non-person
        subject agreeing with the pronoun stands closer, the pronoun is taken to be about it:
        None.
        """
        window_start, sent_starts = self._sentence_starts(at)
        quoted_here = self.in_quote(at)
        best: tuple[float, int] | None = None
        for idx, ent in enumerate(self.entities):
            eligible = plural_actor(ent) if plural else ent.type == "PER"
            if idx == exclude or not eligible:
                continue
            if accept is not None and not accept(ent):
                continue
            for m in ent.mentions:
                if not window_start <= m.start < at or (not quoted_here and self.in_quote(m.start)):
                    continue
                root = self.doc[m.start : m.end].root
                if gender is not None and mention_gender(ent, root) not in (None, gender):
                    continue
                if clause is not None and not m.is_subject and clause in root.ancestors:
                    continue  # « Après avoir critiqué X, il … »: X is not « il »
                distance = sum(1 for s in sent_starts if s > m.start)
                score = -distance * 2.0 + (1.5 if m.is_subject else 0.0) + m.start / max(at, 1)
                if best is None or score > best[0]:
                    best = (score, idx)
        if best is None:
            return None
        if gender is not None and not plural and accept is None and exclude is None and self._thing_subject_between(best[1], at, gender):
            return None
        return best[1]

    def last_mentioned(self, ref: Reference) -> int | None:
        """« ce dernier »: the actor of the last agreeing mention before it, outside quotation
        marks. A person named in this or the previous sentence comes first (the news' « ce
        dernier » is mostly someone: « C'est X, vice-président, qui représente le pays au sommet
        du COMESA. Ce dernier indique … »), else an organisation or, for « ces derniers », a
        group."""
        quoted_here = self.in_quote(ref.start)
        window_start, sent_starts = self._sentence_starts(ref.start)
        near = sent_starts[-2] if len(sent_starts) > 1 else sent_starts[-1]
        person: tuple[int, int] | None = None
        other: tuple[int, int] | None = None
        for idx, ent in enumerate(self.entities):
            if ent.type not in LAST_MENTIONED_TYPES or plural_actor(ent) != ref.plural:
                continue
            for m in ent.mentions:
                if not window_start <= m.start < ref.start or (not quoted_here and self.in_quote(m.start)):
                    continue
                if ref.gender is not None and mention_gender(ent, self.doc[m.start : m.end].root) not in (None, ref.gender):
                    continue
                if ent.type == "PER" and m.start >= near and (person is None or m.start > person[0]):
                    person = (m.start, idx)
                if other is None or m.start > other[0]:
                    other = (m.start, idx)
        best = person or other
        return best[1] if best else None

    def counterpart(self, at: int, possessor: int | None, country: str | None) -> int | None:
        """« son homologue (américain) »: the salient person other than the possessor; one
        holding an office of `country` when the text names it and such a person is there."""
        if country is not None:
            found = self.salient(at, None, exclude=possessor, accept=lambda e: any(of == country for _, of in e.offices))
            if found is not None:
                return found
        return self.salient(at, None, exclude=possessor, accept=lambda e: True)

    def _sentence_starts(self, at: int) -> tuple[int, list[int]]:
        """The token where the look-back window starts, and the starts of the sentences that
        count as distance: `window` sentences before the one holding `at`, and that one.
        Sentences inside quote marks are in the window but do not count: a long quotation does
        not make its speaker, named before it, any less salient for the "a-t-il dit" after it."""
        doc = self.doc
        sent = doc[at].sent
        starts = [sent.start]
        window = sent.start
        i = sent.start - 1
        while i >= 0 and len(starts) <= self.window:
            s = doc[i].sent
            window = s.start
            if not any(a <= s.start_char < b for a, b in self.quoted):
                starts.insert(0, s.start)
            i = s.start - 1
        return window, starts

    def _thing_subject_between(self, idx: int, at: int, gender: str) -> bool:
        """True when, after the person's last mention, a non-person subject agreeing with the
        pronoun stands closer to it (the previous clause's subject is the likelier antecedent)."""
        doc = self.doc
        last = max((m.start for m in self.entities[idx].mentions if m.start < at), default=-1)
        want = "Masc" if gender == "m" else "Fem"
        nouns = speaker_nouns()
        taken = {t for e in self.entities for m in e.mentions for t in range(m.start, m.end)}
        sent_start = doc[at].sent.start
        prev_sent_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for t in doc[max(last + 1, prev_sent_start) : at]:
            if t.dep_ != "nsubj" or t.head.dep_ not in MAIN_CLAUSE_DEPS or t.pos_ != "NOUN" or t.i in taken:
                continue
            if t.lemma_.lower() in nouns or t.lower_ in nouns:
                continue
            if want in t.morph.get("Gender") and "Sing" in t.morph.get("Number"):
                return True
        return False


def pronoun_mention(ctx: ResolutionContext, ref: Reference) -> Decision | None:
    """The mention `ref` is of the actor it stands for (``salience``), or None."""
    idx = ctx.salience.resolve(ref)
    return Mention(idx, ref.start, ref.end, "pronoun", "salience") if idx is not None else None


def narrated(ctx: ResolutionContext, i: int) -> bool:
    """Whether a reference at token `i` is the narrator's: outside quotation marks, or an
    incise's inverted pronoun (« -t-il ») inside them. Inside a quotation a pronoun is the
    speaker's word, about someone the speaker means."""
    return ctx.doc[i].text.startswith("-") or not ctx.in_quote(i)


def plural_references(ctx: ResolutionContext) -> Iterator[Decision]:
    """« ils », « elles », « selon eux », « ces derniers »: resolved once the groups of people
    (coordinated persons, collectives) are known."""
    for i in range(len(ctx.doc)):
        if i in ctx.by_token:
            continue
        ref = reference_at(ctx.doc, i)
        if ref is None or not ref.plural or not narrated(ctx, i):
            continue
        mention = pronoun_mention(ctx, ref)
        if mention is not None:
            yield mention


def salient_person(
    ctx: ResolutionContext, at: int, gender: str | None, accept: Callable[[EntityRec], bool] | None = None
) -> int | None:
    """The salient person a reference at token `at` stands for (see :meth:`Salience.salient`)."""
    return ctx.salience.salient(at, gender, accept=accept)


def topic_person(ctx: ResolutionContext, at: int, gender: list[str]) -> int | None:
    """The named person a definite description at `at` continues (« Alexandra Maquet … . La
    chanteuse s'est dite … »): the salient agreeing person, when it was in a speaker's place
    (:func:`~.descriptions.speaker_position`: a subject, « selon X », « a indiqué X ») in this or
    the previous sentence. `gender` is the description's morphology (``["Fem"]``)."""
    doc = ctx.doc
    wanted = "f" if "Fem" in gender else "m" if "Masc" in gender else None
    idx = salient_person(ctx, at, wanted)
    if idx is None or ctx.entities[idx].collective:
        return None
    sent = doc[at].sent
    previous_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    recent = any(
        (m.is_subject or speaker_position(doc[m.start : m.end].root)) and previous_start <= m.start < at
        for m in ctx.entities[idx].mentions
    )
    return idx if recent else None

"""Scoring predictions against gold: quote spans, speakers and named entities.

Predictions are first reduced to plain records (:class:`PredQuote`, :class:`PredEntity`) so the
scorer can be fed by presse articles, by raw spaCy documents or by hand in tests. Evaluations
accumulate document by document and give micro-averaged figures (counts summed over all
documents, then P/R/F1), the convention of the protocols we compare with.

Contracts of the figures:

- Quote P/R/F1 at Jaccard > 0.3, > 0.8 and exact (:mod:`presse.eval.matching`), over every
  prediction. Where the gold annotates direct speech only (fr-litbank, AADS), presse's indirect
  quotes are false alarms by definition, so a second set of figures, ``direct_only``, keeps the
  predictions of kind ``direct`` and ``mixed`` (a mixed quote contains quoted words).
- Per kind (gold kind): recall of the gold quotes of that kind (matched by a prediction of any
  kind at > 0.3), precision of the predictions of that kind, and their F1; ``kind_accuracy`` is
  the share of matched pairs whose predicted kind equals the gold kind.
- Speaker accuracy is judged at the **actor** level: over quote pairs matched at > 0.3 whose gold
  quote has a canonical speaker, the predicted canonical actor must be the gold actor (see
  :func:`speaker_correct`); a matched quote without a predicted speaker is wrong. Credit for a
  predicted mention that merely overlaps the gold mention is a separate figure,
  ``speaker_mention`` (:func:`speaker_mention_correct`), never part of speaker accuracy. Datasets
  whose gold speakers are mention spans without canonical actors (brat) get only
  ``speaker_mention``.
- Sources (actor-level gold only, :attr:`GoldDoc.actor_level`): per article, the set of quoted
  persons (PER speakers and the members of group speakers) against presse's quoted PER actors,
  micro P/R/F1 over articles; and the article's persons (gold ``persons``) against presse's PER
  actors, with the share of found persons whose quoted-or-not status and whose gender agree.
- Speaker-mention span F1: a true positive is a pair matched at > 0.3 whose predicted and gold
  speaker mentions overlap; recall's denominator is the gold quotes with a speaker span,
  precision's the predicted quotes with a speaker span, minus those matched to a gold quote that
  has no speaker span (nothing to compare them with).
- Entities: exact (start, end, type) matches per type PER, ORG, LOC; duplicate predictions of
  one span and type count once; MISC predictions are ignored (no gold type to compare with).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from presse.analyze.names import fold_name
from presse.eval.gender import GenderScores
from presse.eval.gold import ENTITY_TYPES, QUOTE_KINDS, GoldDoc, GoldQuote, GoldSpeaker
from presse.eval.matching import EXACT, Match, Span, match_level, overlap
from presse.model import Article

LEVELS: tuple[float | str, ...] = (0.3, 0.8, EXACT)
"""Matching levels reported: Jaccard > 0.3, Jaccard > 0.8, exact."""

SPEAKER_LEVEL = 0.3
"""The quote-matching level at which speakers are scored."""

DIRECT_COMPATIBLE = frozenset({"direct", "mixed"})


def level_name(level: float | str) -> str:
    """The key of a matching level in reports: ``jaccard>0.3``, ``jaccard>0.8``, ``exact``."""
    return EXACT if level == EXACT else f"jaccard>{level}"


# ---------------------------------------------------------------------------------------------
# Predictions


@dataclass(frozen=True)
class PredSpeaker:
    """A predicted speaker: canonical name, entity type, mention span and all entity mentions."""

    name: str | None = None
    type: str | None = None
    start: int | None = None
    end: int | None = None
    mentions: tuple[Span, ...] = ()
    text: str | None = None
    members: tuple[str, ...] = ()  # a group's persons, by name (Entity.members)

    @property
    def has_span(self) -> bool:
        """True when the speaker mention has offsets."""
        return self.start is not None and self.end is not None


@dataclass(frozen=True)
class PredQuote:
    """A predicted quote span, its kind and its speaker (None when unattributed)."""

    start: int
    end: int
    kind: str = "direct"
    speaker: PredSpeaker | None = None


@dataclass(frozen=True)
class PredPerson:
    """A person actor presse found in an article: canonical name, gender, quoted or not."""

    name: str
    gender: str | None = None
    quoted: bool = False
    gender_evidence: str | None = None
    gender_overruled: tuple[str, ...] = ()


@dataclass(frozen=True)
class PredEntity:
    """A predicted named-entity mention with a presse type."""

    start: int
    end: int
    type: str


def quotes_from_article(article: Article, shift: int = 0) -> list[PredQuote]:
    """The article's quotes as scoring records, offsets moved by ``shift`` (see
    :func:`presse.eval.runner.text_shift`).

    The speaker's canonical name is its entity's name when the speaker is resolved to an entity,
    else ``speaker.name``; the entity's mention spans are kept so that a speaker can be judged
    right when any mention of its entity is the gold mention. An entity known only by a common
    noun (``collective``: « la source proche de l'enquête ») has no name to compare: it is
    scored like a speaker without entity, by its mention (its type is left out).
    """
    quotes = []
    for quote in article.quotes:
        sp = quote.speaker
        entity = article.entity(sp.entity) if sp.entity else None
        name = entity.name if entity is not None else sp.name
        mentions = (
            tuple((m.start + shift, m.end + shift) for m in entity.mentions) if entity else ()
        )
        speaker = None
        if name or sp.start is not None:
            speaker = PredSpeaker(
                name=name,
                type=entity.type if entity and not entity.collective else None,
                start=None if sp.start is None else sp.start + shift,
                end=None if sp.end is None else sp.end + shift,
                mentions=mentions,
                text=sp.text,
                members=tuple(
                    m.name for i in (entity.members if entity else ()) if (m := article.entity(i))
                ),
            )
        quotes.append(PredQuote(quote.start + shift, quote.end + shift, quote.kind, speaker))
    return quotes


def persons_from_article(article: Article) -> list[PredPerson]:
    """presse's person actors (type PER), each with its gender and whether a quote of the
    article is attributed to it."""
    quoted = {q.speaker.entity for q in article.quotes if q.speaker.entity}
    quoted |= {m for e in article.entities if e.id in quoted for m in e.members}
    return [
        PredPerson(e.name, e.gender, e.id in quoted, e.gender_evidence, tuple(e.gender_overruled))
        for e in article.entities
        if e.type == "PER"
    ]


def entities_from_article(article: Article, shift: int = 0) -> list[PredEntity]:
    """presse's name mentions (kind ``name``) typed by their entity, offsets moved by
    ``shift``; PER, ORG and LOC only."""
    return [
        PredEntity(m.start + shift, m.end + shift, e.type)
        for e in article.entities
        if e.type in ENTITY_TYPES
        for m in e.mentions
        if m.kind == "name"
    ]


def entities_from_spans(spans: Iterable[tuple[int, int, str]]) -> list[PredEntity]:
    """Raw NER ``(start, end, label)`` triples (spaCy's PER/ORG/LOC/MISC) as records; MISC and
    unknown labels are dropped."""
    return [PredEntity(s, e, label) for s, e, label in spans if label in ENTITY_TYPES]


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass
class PRF:
    """True positives, false positives and false negatives, with derived P, R, F1.

    A ratio whose denominator is zero is None (nothing to measure), not 0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), or None without predictions."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), or None without gold items."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of P and R; 0 when both are 0, None when either is undefined."""
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        """Add another count in place."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        """Counts and ratios (rounded to 4 decimals) for JSON."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "f1": _round(self.f1),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class ErrorItem:
    """One error to show a developer: what went wrong, where, and the sentence around it."""

    category: str
    doc: str
    start: int
    end: int
    text: str
    context: str
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The item as a JSON object."""
        return {
            "category": self.category,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "context": self.context,
            "detail": self.detail,
        }


_SENTENCE_END = re.compile(r"[.!?…»]\s|\n")


def context_of(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence(s) around ``text[start:end]``: from the last sentence end before ``start``
    to the first after ``end``, shortened to about ``limit`` characters, on one line."""
    left = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - limit), start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    right = right_match.start() + 1 if right_match else min(len(text), end + limit // 3)
    left = max(left, start - limit // 2)
    snippet = text[left:right]
    if len(snippet) > 2 * limit:
        snippet = snippet[:limit] + " […] " + snippet[-limit // 2 :]
    return " ".join(snippet.split())


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Speakers

_PRONOUN = re.compile(r"-?(?:t-)?(?:il|elle|ils|elles|lui|eux|on|nous|je|vous)", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[^\w ]+")
_DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d"}
# Determiners say how the text reached an actor, not which actor it is: articles, and since
# session 9 a possessive, demonstrative or indefinite quantifier opening the name (« certains
# observateurs », « sa famille », « ces manifestants » are « les observateurs », « la famille »,
# « les manifestants »). Numerals and adjectives stay (« 400 manifestants », « d'autres
# policiers »), and so does a partitive's possessive: « un de ses avocats » is one lawyer.
_OPENING_DETERMINERS = {
    "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "ton", "ta", "tes",
    "notre", "nos", "votre", "vos", "ce", "cet", "cette", "ces",
    "certains", "certaines", "plusieurs", "quelques",
}  # fmt: skip


def _words(name: str) -> list[str]:
    """The words of the folded name (:func:`presse.analyze.names.fold_name`); scoring also
    ignores the punctuation folding keeps (``Canal+`` is ``Canal``)."""
    return _PUNCTUATION.sub(" ", fold_name(name)).split()


def name_key(name: str) -> str:
    """The name's words without leading determiners (``Les autorités`` → ``autorites``,
    ``certains observateurs`` → ``observateurs``, ``Sa famille`` → ``famille``)."""
    tokens = _words(name)
    if len(tokens) > 1 and tokens[0] in _OPENING_DETERMINERS:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[0] in _DETERMINERS:
        tokens.pop(0)
    return " ".join(tokens)


def surname(name: str) -> str:
    """Last token of the normalized name (``Vladimir Poutine`` → ``poutine``); '' when empty."""
    tokens = _words(name)
    return tokens[-1] if tokens else ""


_GROUP_SPLIT = re.compile(r"\s*(?:,|\bet\b|\band\b|&)\s*")


def same_actor_name(gold_name: str, pred_name: str, pred_is_person: bool) -> bool:
    """Whether two canonical names denote one actor: equal without case, accents, punctuation
    and leading determiners, or — when the prediction is a person — equal surnames."""
    if name_key(pred_name) == name_key(gold_name) != "":
        return True
    return pred_is_person and surname(pred_name) == surname(gold_name) != ""


def _group_matches(gold: GoldSpeaker, pred_name: str) -> bool:
    """A group speaker with named members is matched by a predicted group naming exactly them;
    a shared surname is distributed (« Marie et Paul Dupont » names Marie Dupont and Paul
    Dupont)."""
    parts = [p.strip() for p in _GROUP_SPLIT.split(pred_name) if p.strip()]
    if len(parts) < 2 or len(parts) != len(gold.members):
        return False
    last = parts[-1].split()
    if len(last) > 1:
        parts = [p if len(p.split()) > 1 else f"{p} {last[-1]}" for p in parts]
    pairs = match_names(list(gold.members), [(p, True) for p in parts])
    return len(pairs) == len(parts)


def speaker_correct(gold: GoldSpeaker, pred: PredSpeaker | None) -> bool:
    """Whether the predicted canonical actor is the gold actor (the only speaker credit).

    Names are compared by :func:`same_actor_name`; a gold group with named members is also
    matched by a predicted group that names exactly those members. A predicted entity that
    merely has a mention overlapping the gold mention is not the gold actor (« le groupe »
    left unresolved is not Airbus): that is :func:`speaker_mention_correct`.
    """
    if pred is None or not pred.name or not gold.name:
        return False
    if gold.type == "GROUP" and len(gold.members) > 1:
        # one member alone is not the group, even with the family name the members share
        return name_key(pred.name) == name_key(gold.name) or _group_matches(gold, pred.name)
    return same_actor_name(gold.name, pred.name, pred.type == "PER")


def speaker_mention_correct(gold: GoldSpeaker, pred: PredSpeaker | None) -> bool:
    """Mention-level credit: the actor is right, or the predicted speaker mention (or any
    mention of the predicted entity) overlaps the gold speaker mention."""
    if pred is None:
        return False
    if speaker_correct(gold, pred):
        return True
    if gold.start is None or gold.end is None:
        return False
    spans = list(pred.mentions)
    if pred.start is not None and pred.end is not None:
        spans.append((pred.start, pred.end))
    return any(overlap((gold.start, gold.end), s) for s in spans)


def match_names(gold: Sequence[str], pred: Sequence[tuple[str, bool]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of names denoting the same actor, exact name
    keys first, then surnames (pred items are ``(name, is_person)``)."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for exact in (True, False):
        for gi, gname in enumerate(gold):
            if gi in used_g:
                continue
            for pi, (pname, person) in enumerate(pred):
                if pi in used_p:
                    continue
                hit = (
                    name_key(pname) == name_key(gname) != ""
                    if exact
                    else same_actor_name(gname, pname, person)
                )
                if hit:
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return pairs


# ---------------------------------------------------------------------------------------------
# Quotes


@dataclass
class KindCounts:
    """Per-kind counts at > 0.3: gold quotes of the kind and how many were found; predictions
    of the kind and how many matched a gold quote."""

    gold: int = 0
    gold_matched: int = 0
    pred: int = 0
    pred_matched: int = 0

    def as_dict(self) -> dict[str, Any]:
        """Counts, recall, precision and F1 (None where undefined)."""
        recall = self.gold_matched / self.gold if self.gold else None
        precision = self.pred_matched / self.pred if self.pred else None
        f1 = None
        if recall is not None and precision is not None:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "gold": self.gold,
            "pred": self.pred,
            "recall": _round(recall),
            "precision": _round(precision),
            "f1": _round(f1),
        }


@dataclass
class QuoteEvaluation:
    """Accumulated quote and speaker figures over documents (see the module contracts).

    ``mention_gold`` says the gold speakers are mention spans (brat) rather than canonical names;
    ``direct_only_gold`` that the dataset annotates direct speech only.
    """

    dataset: str = ""
    mention_gold: bool = False
    direct_only_gold: bool = False
    documents: int = 0
    gold_quotes: int = 0
    pred_quotes: int = 0
    levels: dict[str, PRF] = field(default_factory=lambda: {level_name(x): PRF() for x in LEVELS})
    direct_only: dict[str, PRF] = field(
        default_factory=lambda: {level_name(x): PRF() for x in LEVELS}
    )
    kinds: dict[str, KindCounts] = field(
        default_factory=lambda: {k: KindCounts() for k in QUOTE_KINDS}
    )
    kind_agree: int = 0
    matched: int = 0
    speakers_scored: int = 0
    speakers_correct: int = 0
    speakers_missing: int = 0
    speakers_span_gold: int = 0
    speaker_span: PRF = field(default_factory=PRF)
    mention_scored: int = 0
    mention_correct: int = 0
    sources: PRF = field(default_factory=PRF)
    persons: PRF = field(default_factory=PRF)
    persons_quoted_agree: int = 0
    persons_gender_scored: int = 0
    persons_gender_agree: int = 0
    persons_gender_given: int = 0
    gender: GenderScores = field(default_factory=GenderScores)
    actor_level_docs: int = 0
    errors: list[ErrorItem] = field(default_factory=list)
    has_speakers: bool = False
    failures: list[dict[str, str]] = field(default_factory=list)

    def add(
        self,
        gold: GoldDoc,
        pred: Sequence[PredQuote],
        persons: Sequence[PredPerson] | None = None,
    ) -> None:
        """Score one document's predictions against its gold and accumulate; ``persons`` are
        presse's person actors of the document (for the sources figures)."""
        self.documents += 1
        self.gold_quotes += len(gold.quotes)
        self.pred_quotes += len(pred)
        self.has_speakers = self.has_speakers or gold.has_speakers
        gspans = [(q.start, q.end) for q in gold.quotes]
        pspans = [(p.start, p.end) for p in pred]
        main = None
        for level in LEVELS:
            matches = match_level(gspans, pspans, level)
            name = level_name(level)
            self.levels[name].add(
                PRF(len(matches), len(pred) - len(matches), len(gspans) - len(matches))
            )
            if level == SPEAKER_LEVEL:
                main = matches
            if self.direct_only_gold:
                kept = [i for i, p in enumerate(pred) if p.kind in DIRECT_COMPATIBLE]
                sub = match_level(gspans, [pspans[i] for i in kept], level)
                self.direct_only[name].add(
                    PRF(len(sub), len(kept) - len(sub), len(gspans) - len(sub))
                )
        assert main is not None
        self._add_kinds(gold.quotes, pred, main)
        self._add_speakers(gold, pred, main)
        self._add_errors(gold, pred, main)
        if gold.actor_level:
            self._add_sources(gold, pred, persons or [])

    def _add_sources(
        self, gold: GoldDoc, pred: Sequence[PredQuote], persons: Sequence[PredPerson]
    ) -> None:
        self.actor_level_docs += 1
        gold_quoted = sorted(gold.quoted_persons())
        # a group speaker quotes each of its members (« Marie et Paul Dupont ont affirmé »)
        pred_quoted = sorted(
            {q.speaker.name for q in pred if q.speaker and q.speaker.name and q.speaker.type == "PER"}
            | {name for q in pred if q.speaker for name in q.speaker.members}
        )
        pairs = match_names(gold_quoted, [(n, True) for n in pred_quoted])
        self.sources.add(
            PRF(len(pairs), len(pred_quoted) - len(pairs), len(gold_quoted) - len(pairs))
        )
        for gi in set(range(len(gold_quoted))) - {g for g, _ in pairs}:
            self.errors.append(
                ErrorItem("source_missed", gold.id, 0, 0, gold_quoted[gi], "", "quoted person")
            )
        gold_persons = gold.persons or []
        ppairs = match_names([p.name for p in gold_persons], [(p.name, True) for p in persons])
        self.persons.add(
            PRF(len(ppairs), len(persons) - len(ppairs), len(gold_persons) - len(ppairs))
        )
        for gi, pi in ppairs:
            g, p = gold_persons[gi], persons[pi]
            self.persons_quoted_agree += g.quoted == p.quoted
            if g.gender in ("f", "m"):
                self.persons_gender_scored += 1
                self.persons_gender_agree += g.gender == p.gender
                self.persons_gender_given += p.gender is not None
            self.gender.add(gold.id, g, p)

    def _add_kinds(
        self, gold: Sequence[GoldQuote], pred: Sequence[PredQuote], matches: list[Match]
    ) -> None:
        matched_gold = {m.gold: m.pred for m in matches}
        matched_pred = {m.pred for m in matches}
        for gi, quote in enumerate(gold):
            counts = self.kinds.setdefault(quote.kind, KindCounts())
            counts.gold += 1
            if gi in matched_gold:
                counts.gold_matched += 1
                self.matched += 1
                self.kind_agree += pred[matched_gold[gi]].kind == quote.kind
        for pi, quote in enumerate(pred):
            counts = self.kinds.setdefault(quote.kind, KindCounts())
            counts.pred += 1
            counts.pred_matched += pi in matched_pred

    def _add_speakers(self, gold: GoldDoc, pred: Sequence[PredQuote], matches: list[Match]) -> None:
        if not gold.has_speakers:
            return
        matched_gold = {m.gold: m.pred for m in matches}
        matched_pred = {m.pred: m.gold for m in matches}
        for gi, gquote in enumerate(gold.quotes):
            gsp = gquote.speaker
            if gsp is not None and gsp.has_span:
                self.speakers_span_gold += 1
            if gi not in matched_gold or gsp is None or not (gsp.name or gsp.has_span):
                continue
            pquote = pred[matched_gold[gi]]
            if gsp.has_span:
                self.mention_scored += 1
                self.mention_correct += speaker_mention_correct(gsp, pquote.speaker)
            if self.mention_gold:
                continue  # brat speakers are mentions, not actors: no actor-level figure
            self.speakers_scored += 1
            if pquote.speaker is None:
                self.speakers_missing += 1
            if speaker_correct(gsp, pquote.speaker):
                self.speakers_correct += 1
            else:
                self.errors.append(
                    ErrorItem(
                        "wrong_speaker",
                        gold.id,
                        gquote.start,
                        gquote.end,
                        _clip(gquote.text or gold.text[gquote.start : gquote.end]),
                        context_of(gold.text, gquote.start, gquote.end),
                        f"gold: {gsp.name or gsp.text!r}; predicted: "
                        + (repr(pquote.speaker.name) if pquote.speaker else "none"),
                    )
                )
        span = PRF()
        for pi, pquote in enumerate(pred):
            psp = pquote.speaker
            if psp is None or psp.start is None or psp.end is None:
                continue
            gi = matched_pred.get(pi)
            gsp = gold.quotes[gi].speaker if gi is not None else None
            if gi is not None and (gsp is None or gsp.start is None or gsp.end is None):
                continue
            if (
                gsp is not None
                and gsp.start is not None
                and gsp.end is not None
                and overlap((gsp.start, gsp.end), (psp.start, psp.end))
            ):
                span.tp += 1
            else:
                span.fp += 1
        gold_with_span = sum(1 for q in gold.quotes if q.speaker is not None and q.speaker.has_span)
        span.fn = gold_with_span - span.tp
        self.speaker_span.add(span)

    def _add_errors(self, gold: GoldDoc, pred: Sequence[PredQuote], matches: list[Match]) -> None:
        matched_gold = {m.gold for m in matches}
        matched_pred = {m.pred for m in matches}
        for gi, quote in enumerate(gold.quotes):
            if gi not in matched_gold:
                self.errors.append(
                    ErrorItem(
                        "miss",
                        gold.id,
                        quote.start,
                        quote.end,
                        _clip(gold.text[quote.start : quote.end]),
                        context_of(gold.text, quote.start, quote.end),
                        f"gold {quote.kind}",
                    )
                )
        for pi, quote in enumerate(pred):
            if pi not in matched_pred:
                speaker = quote.speaker.name if quote.speaker else None
                self.errors.append(
                    ErrorItem(
                        "false_alarm",
                        gold.id,
                        quote.start,
                        quote.end,
                        _clip(gold.text[quote.start : quote.end]),
                        context_of(gold.text, quote.start, quote.end),
                        f"predicted {quote.kind}, speaker {speaker!r}",
                    )
                )

    @property
    def speaker_accuracy(self) -> float | None:
        """Correct speakers over scored matched quotes, or None when none was scored."""
        return self.speakers_correct / self.speakers_scored if self.speakers_scored else None

    def figures(self) -> dict[str, Any]:
        """Every figure as a JSON-ready dict (errors excluded; see :meth:`error_sample`)."""
        result: dict[str, Any] = {
            "dataset": self.dataset,
            "documents": self.documents,
            "gold_quotes": self.gold_quotes,
            "pred_quotes": self.pred_quotes,
            "quotes": {name: prf.as_dict() for name, prf in self.levels.items()},
            "kinds": {
                kind: counts.as_dict()
                for kind, counts in self.kinds.items()
                if counts.gold or counts.pred
            },
            "kind_accuracy": _round(self.kind_agree / self.matched if self.matched else None),
            "failed_documents": self.failures,
        }
        if self.direct_only_gold:
            result["quotes_direct_only"] = {
                name: prf.as_dict() for name, prf in self.direct_only.items()
            }
        if self.has_speakers and self.mention_scored:
            result["speaker_mention"] = {
                "level": level_name(SPEAKER_LEVEL),
                "scored": self.mention_scored,
                "correct": self.mention_correct,
                "accuracy": _round(self.mention_correct / self.mention_scored),
            }
        if self.actor_level_docs:
            matched = self.persons.tp
            result["sources"] = {
                "documents": self.actor_level_docs,
                "quoted_persons": self.sources.as_dict(),
                "persons": self.persons.as_dict(),
                "quoted_status_accuracy": _round(
                    self.persons_quoted_agree / matched if matched else None
                ),
                "gender_accuracy": _round(
                    self.persons_gender_agree / self.persons_gender_scored
                    if self.persons_gender_scored
                    else None
                ),
                "gender_coverage": _round(
                    self.persons_gender_given / self.persons_gender_scored
                    if self.persons_gender_scored
                    else None
                ),
            }
        if self.has_speakers and not self.mention_gold:
            result["speakers"] = {
                "level": level_name(SPEAKER_LEVEL),
                "scored": self.speakers_scored,
                "correct": self.speakers_correct,
                "unattributed": self.speakers_missing,
                "accuracy": _round(self.speaker_accuracy),
            }
            if self.speakers_span_gold:
                result["speaker_mentions"] = self.speaker_span.as_dict()
        return result

    def error_sample(self, n: int) -> dict[str, list[dict[str, Any]]]:
        """The first ``n`` errors of each category (miss, false_alarm, wrong_speaker)."""
        sample: dict[str, list[dict[str, Any]]] = {
            "miss": [],
            "false_alarm": [],
            "wrong_speaker": [],
            "source_missed": [],
        }
        for item in self.errors:
            bucket = sample.setdefault(item.category, [])
            if len(bucket) < n:
                bucket.append(item.as_dict())
        return sample


# ---------------------------------------------------------------------------------------------
# Entities


@dataclass
class EntityEvaluation:
    """Accumulated exact-span entity figures for one system (presse or raw spaCy)."""

    system: str = ""
    documents: int = 0
    gold_entities: int = 0
    pred_entities: int = 0
    types: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in ENTITY_TYPES})
    errors: list[ErrorItem] = field(default_factory=list)
    keep_errors: bool = True
    failures: list[dict[str, str]] = field(default_factory=list)

    def add(self, gold: GoldDoc, pred: Sequence[PredEntity]) -> None:
        """Score one document's entity predictions (exact span and type) and accumulate."""
        self.documents += 1
        gset = {(e.start, e.end, e.type) for e in gold.entities}
        pset = {(p.start, p.end, p.type) for p in pred}
        self.gold_entities += len(gset)
        self.pred_entities += len(pset)
        for etype, prf in self.types.items():
            g = {x for x in gset if x[2] == etype}
            p = {x for x in pset if x[2] == etype}
            prf.add(PRF(len(g & p), len(p - g), len(g - p)))
        if not self.keep_errors:
            return
        pred_spans = {(s, e): t for s, e, t in pset}
        gold_spans = {(s, e): t for s, e, t in gset}
        for s, e, t in sorted(gset - pset):
            other = pred_spans.get((s, e))
            detail = f"gold {t}" + (f", predicted {other}" if other else "")
            self.errors.append(
                ErrorItem(
                    "miss", gold.id, s, e, gold.text[s:e], context_of(gold.text, s, e), detail
                )
            )
        for s, e, t in sorted(pset - gset):
            if (s, e) in gold_spans:
                continue  # a type confusion, already listed as a miss with both types
            self.errors.append(
                ErrorItem(
                    "false_alarm",
                    gold.id,
                    s,
                    e,
                    gold.text[s:e],
                    context_of(gold.text, s, e),
                    f"predicted {t}",
                )
            )

    @property
    def total(self) -> PRF:
        """Micro-average over PER, ORG and LOC."""
        total = PRF()
        for prf in self.types.values():
            total.add(prf)
        return total

    def figures(self) -> dict[str, Any]:
        """Every figure as a JSON-ready dict."""
        return {
            "documents": self.documents,
            "gold_entities": self.gold_entities,
            "pred_entities": self.pred_entities,
            "types": {t: prf.as_dict() for t, prf in self.types.items()},
            "micro": self.total.as_dict(),
            "failed_documents": self.failures,
        }

    def error_sample(self, n: int) -> dict[str, list[dict[str, Any]]]:
        """The first ``n`` errors of each category (miss, false_alarm)."""
        sample: dict[str, list[dict[str, Any]]] = {"miss": [], "false_alarm": []}
        for item in self.errors:
            bucket = sample.setdefault(item.category, [])
            if len(bucket) < n:
                bucket.append(item.as_dict())
        return sample

"""Quotations and their speakers, from typography, a reporting-verb lexicon and syntax.

Direct quotations are the spans between quote marks that report someone's words (names, titles
and scare quotes are left out), dialogue lines opened by a dash, and title lines "X : « … »".
Indirect quotations are the content clauses of reporting verbs ("a reconnu que …", "a promis
de …", "laisser entendre que …"), the clauses governed by "selon X" / "d'après X", sentences
cut by an incise ("…, a-t-il ajouté, …"), and the noun-phrase content of a speech act ("a
dénoncé la fermeture du site", presse.analyze.np_content). A reported clause containing quote marks is a mixed
quotation, and each quoted stretch inside it is also a direct quotation of its own.

The speaker is the subject of the cue verb, carried through coordination and adverbial clauses
when the verb has none, the inverted subject of an incise, the agent of a passive, the object of
"selon"; it is then resolved to the article's canonical actor through the actor layer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from presse.analyze.actors import Actors, EntityRec, apposed_name
from presse.analyze.np_content import EVIDENCE as NP_EVIDENCE
from presse.analyze.np_content import noun_phrase_content
from presse.analyze.quotemarks import WS, MarkedSpan, find_quote_marks
from presse.analyze.roles import is_role_noun
from presse.lexicons import (
    CueVerb,
    naming_cues,
    reporting_verbs,
    speaker_nouns,
    speech_nouns,
)

SELON = {"selon", "d'après", "d’après"}
# verbs whose object does what their infinitive says: "a permis à la ministre de déclarer …"
OBJECT_CONTROL = frozenset({"permettre", "conduire", "pousser", "amener", "inciter", "obliger", "contraindre", "forcer", "autoriser"})
# heads of a quantity whose "de" complement says who speaks ("la plupart des témoins")
QUANTITY_NOUNS = frozenset({"plupart", "majorité", "partie", "ensemble", "totalité", "nombre", "moitié", "minorité", "quasi-totalité"})
QUE = {"que", "qu'", "qu’"}
REFLEXIVES = frozenset({"se", "s'", "s’"})
DE = {"de", "d'", "d’"}
# prepositions that open an adverbial clause of their own ("pour avoir …", "sans dire …")
CLAUSE_PREPOSITIONS = {"pour", "sans", "afin", "avant", "après", "par", "comme", "quitte", "faute"}
CLITIC_OBJECTS = {"lui", "leur", "nous", "vous", "me", "m'", "te", "t'", "se", "s'", "y", "en", "-lui", "-leur"}
PERSONAL_SUBJECTS = {"il", "elle", "ils", "elles", "-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle"}
INVERTED_CLITIC_RE = re.compile(r"^-(?:t-)?(?:il|elle|ils|elles|on)$", re.IGNORECASE)
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
CLIMB_DEPS = {"conj", "advcl", "xcomp", "acl", "ccomp", "parataxis", "acl:relcl"}
OBJECT_CLITICS = frozenset({"se", "s'", "s’", "me", "m'", "te", "t'", "lui", "leur", "y", "en", "le", "la", "les", "l'", "l’", "nous", "vous", "ne", "n'", "n’"})
RELATIVES = frozenset({"où", "dont", "qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "duquel"})
NON_SPEAKER_PRONOUNS = {"ce", "c'", "cela", "ça", "qui", "que", "on", "y", "en", "se", "s'"}
MONTHS_AND_DAYS = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "matin", "soir", "jour", "semaine", "mois", "année", "an",
}
# Agent-noun endings: a noun so formed names people (travailleur, manifestant, militant…)
# (-ant is left out: instant, montant, restaurant are not people)
AGENT_SUFFIX_RE = re.compile(r"(?:eur|euse|eurs|euses|trice|trices|iste|istes|ien|ienne|iens|iennes|ier|ière|iers|ières|aire|aires)$")
INTENT_NOUNS = {"volonté", "intention", "souhait", "désir", "détermination", "refus", "décision", "projet", "espoir", "crainte"}
VIEW_HOLDERS = {"certains", "certaines", "d'autres", "autres", "beaucoup", "plusieurs", "nombreux"}
STRESSED_VIEW_PRONOUNS = {"lui", "elle", "eux", "elles", "moi", "nous"}
STRESSED_THIRD_PERSON = frozenset({"lui", "elle", "eux", "elles"})
# "une enquête pour « … »", "soupçonné de « … »": the preposition before the legal name of a charge
CHARGE_LINKS = frozenset({"pour", "de", "d'", "d’", "du", "des"})
# "les « Gilets jaunes libres »", "des « Force de réaction rapide »": an article before a name
ARTICLES = frozenset({"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "au", "aux"})


@dataclass
class QuoteRec:
    """A quotation found in a Doc (character offsets) with its attribution.

    Read from ``doc._.presse_quotes``: ``text`` (the quoted words), ``span`` (them as a Span,
    widened to whole tokens), ``cue_span`` (the cue, « a déclaré »), ``speaker_span`` (the whole
    mention naming the speaker, « Emmanuel Macron », « la ministre »), ``entity`` (the resolved
    actor of ``doc._.presse_actors``: ``.id``, ``.name``, ``.type``), ``kind``, ``evidence`` and
    ``confidence``. ``cue`` and ``speaker`` are the head tokens; ``cue_tokens`` and
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
    entity: EntityRec | None = field(default=None, repr=False, compare=False)
    doc: Doc | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The quoted words, exactly as in the text."""
        return _text(self.doc)[self.start : self.end] if self.doc is not None else ""

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


def _text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from the tokens at each access (~90 µs
    for an average article), and a Doc is read here about eight times."""
    cached = doc.user_data.get(_TEXT)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_TEXT] = (len(doc), doc.text)
    return cached[1]


def cue_of(token: Token) -> CueVerb | None:
    """The reporting-verb entry for a verb token (multiword cues included), or None."""
    verbs = reporting_verbs()
    if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") and not _verb_by_position(token):
        return None
    lemma = _lexicon_lemma(token, verbs)
    for child in token.children:
        if child.dep_ in ("xcomp", "obj", "ccomp") and f"{lemma} {child.lemma_.lower()}" in verbs:
            return verbs[f"{lemma} {child.lemma_.lower()}"]
    reflexive = any(c.lower_ in REFLEXIVES for c in token.children)
    if reflexive:
        for form in (f"se {lemma}", f"s'{lemma}"):
            if form in verbs:
                return verbs[form]
    return verbs.get(lemma) or verbs.get(f"{lemma} de")


# Regular French verb endings -> infinitive, for forms the lemmatizer leaves as they are
# ("estime" -> "estime", "qualifiées" tagged ADJ -> "qualifié").
_INFINITIVE_GUESSES = ((re.compile(r"é(e?s?)$"), "er"), (re.compile(r"(e|es|ent)$"), "er"), (re.compile(r"it$"), "ire"))


def _lexicon_lemma(token: Token, verbs: Mapping[str, CueVerb]) -> str:
    """The token's lemma, or, when the lexicon does not know it, the infinitive its regular
    ending points to (the lemmatizer misses many participles and some finite forms)."""
    lemma = token.lemma_.lower()
    if lemma in verbs or f"{lemma} de" in verbs or (token.pos_ == "NOUN" and not _verb_tagged_noun(token)):
        return lemma
    for form in (lemma, token.lower_):
        for pattern, ending in _INFINITIVE_GUESSES:
            guess = pattern.sub(ending, form)
            if guess != form and any(f in verbs for f in (guess, f"{guess} de", f"se {guess}", f"s'{guess}")):
                return guess
    return lemma


def cue_label(token: Token) -> tuple[str, tuple[int, int]]:
    """The cue as written (auxiliary, inverted clitic and multiword particle included)."""
    doc = token.doc
    lo, hi = token.i, token.i + 1
    for child in token.children:
        if child.dep_.startswith("aux") and child.i < token.i and token.i - child.i <= 3:
            lo = min(lo, child.i)
        if child.lower_ in REFLEXIVES and child.i < token.i and token.i - child.i <= 4:
            lo = min(lo, child.i)  # a pronominal verb is written with its reflexive: "s'est agacé"
        if INVERTED_CLITIC_RE.match(child.text) or child.text.lower() == "-t":
            hi = max(hi, child.i + 1)
        if child.dep_ in ("xcomp",) and child.i == token.i + 1 and f"{token.lemma_} {child.lemma_}".lower() in reporting_verbs():
            hi = max(hi, child.i + 1)
    while hi < len(doc) and (INVERTED_CLITIC_RE.match(doc[hi].text) or doc[hi].lower_ == "-t"):
        hi += 1
    return doc[lo:hi].text, (lo, hi)


class QuoteFinder:
    """Finds the quotations of a parsed Doc whose actors are resolved. One Doc at a time."""

    def __init__(self) -> None:
        self._quoted: list[tuple[int, int]] = []  # quote-marked ranges of the Doc at hand
        self._signatures: list[tuple[int, Token]] = []  # signature dash lines: (offset, signer)
        self._charge_end = -1  # where the last « » span naming a charge closed

    def __call__(self, doc: Doc, actors: Actors) -> Quotes:
        result = Quotes()
        marks = find_quote_marks(_text(doc))
        self._quoted = [(m.open_at, m.close_at + 1 if m.close_at is not None else m.end) for m in marks.spans]
        self._charge_end = -1
        result.warnings.extend(marks.warnings)
        indirect = [
            rec for rec in self._indirect(doc, actors)
            # an incise inside quote marks belongs to the direct quotation it cuts
            if not (rec.evidence == "indirect: incise" and rec.cue is not None and any(
                m.open_at < rec.cue.idx < (m.close_at or m.end) for m in marks.spans
            ))
        ]
        dialogue = self._dialogue(doc, actors, marks.spans)
        indirect = [
            rec for rec in indirect
            # nor does an incise in a dialogue line
            if not (rec.evidence == "indirect: incise" and any(d.start <= rec.end and rec.start <= d.end for d in dialogue))
        ]
        direct: list[QuoteRec] = []
        for span in marks.spans:
            if span.end <= span.start:
                continue  # an unpaired mark with nothing after it on its line ("dit « \n")
            pieces, incise = self._split_incises(doc, span)
            if incise is not None:
                direct.extend(
                    QuoteRec(p.start, p.end, "direct", "direct: quotation cut by an incise", 0.9, cue=incise)
                    for p in pieces
                )
                continue
            rec = self._direct(doc, span, actors, indirect)
            if rec is not None:
                direct.append(rec)
        direct.extend(dialogue)
        self._signed_quotes(direct)
        self._context_speakers(doc, direct, actors)
        kept_indirect = []
        for rec in indirect:
            overlapping = [d for d in direct if d.start < rec.end and rec.start < d.end]
            if overlapping:
                covered = sum(min(d.end, rec.end) - max(d.start, rec.start) for d in overlapping)
                if covered >= 0.8 * (rec.end - rec.start):
                    continue  # the whole clause is in quote marks: one direct quotation
                rec.kind = "mixed"
            kept_indirect.append(rec)
        quotes = sorted(direct + kept_indirect, key=lambda q: (q.start, -q.end))
        for q in quotes:
            self._resolve(doc, q, actors)
        result.quotes = quotes
        return result

    # -- direct ---------------------------------------------------------------------------------

    def _split_incises(self, doc: Doc, span: MarkedSpan) -> tuple[list[MarkedSpan], Token | None]:
        """A quotation cut by an incise (« A, a-t-il dit, B ») is two quotations: the pieces and
        the incise verb, or ``([span], None)`` when there is no incise."""
        pieces = []
        incise: Token | None = None
        start = span.start
        inner = _text(doc)[span.start : span.end]
        for m in INCISE_SEGMENT_RE.finditer(inner):
            a = span.start + m.start()
            b = span.start + m.end() + 1
            segment = doc.char_span(span.start + m.start(1), span.start + m.end(1), alignment_mode="expand")
            verb = next((t for t in segment or () if self._is_incise_verb(t)), None)
            if verb is None:
                continue
            incise = incise or verb
            if a > start:
                pieces.append(MarkedSpan(start, a, span.open_at, span.close_at, span.mark, span.closed))
            start = b
            while start < span.end and (_text(doc)[start].isspace() or _text(doc)[start] in "«»"):
                start += 1  # and the mark reopening the quotation's next paragraph
        if incise is None:
            return [span], None
        pieces.append(MarkedSpan(start, span.end, span.open_at, span.close_at, span.mark, span.closed))
        return [p for p in pieces if p.end > p.start], incise

    @classmethod
    def _is_incise_verb(cls, token: Token, finite: bool = False) -> bool:
        """A reporting verb used as an incise: finite (or with its auxiliary; `finite` when the
        context already says so), subject after it."""
        entry = cue_of(token)
        return (
            entry is not None
            and "incise" in entry.frames
            and (finite or _finite_or_aux(token))
            and cls._has_inverted_subject(token)
        )

    def _direct(
        self, doc: Doc, span: MarkedSpan, actors: Actors, indirect: list[QuoteRec]
    ) -> QuoteRec | None:
        """A quotation for a marked span, or None when the marks hold a name, a term or a title."""
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            return None
        words = [t for t in tokens if _is_word(t)]
        has_verb = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in tokens)
        sentence_like = bool(words) and (tokens.text[-1:] in ".!?…" or (has_verb and len(words) >= 4))
        if _parenthesized(doc, span):
            return None  # "(« Le travail rend libre »)": a gloss, a translation, an exam question
        if not has_verb and ((len(words) <= 8 and self._names_charge(doc, span)) or _sentence_wording(doc, span)):
            self._charge_end = span.close_at + 1 if span.close_at is not None else span.end
            return None  # "une enquête pour « homicide volontaire »": an offence's legal name
        naming = self._naming_context(doc, span, tokens) and not _shouted(doc, span)
        base = dict(start=span.start, end=span.end, kind="direct")
        conf_penalty = 0.0 if span.closed else 0.2
        # marks standing where a clause stands (the sentence starts with them, or a colon opens
        # them) hold an utterance when a speaker's cue frames them, however short: « Non », a dit
        # X; X a répondu : « Jamais ». A name or a term fills a noun's place inside a sentence.
        utterance_slot = _opens_clause(_text(doc), span.open_at)

        incise = None if naming and not utterance_slot else self._incise_after(doc, span)
        if incise is not None:
            return QuoteRec(**base, evidence="direct: incise after the quote", confidence=0.95 - conf_penalty, cue=incise)
        incise = None if naming else self._sentence_incise(doc, span)
        if incise is not None:
            return QuoteRec(**base, evidence="direct: incise closing its sentence", confidence=0.85 - conf_penalty, cue=incise)
        colon = self._colon_before(doc, span)
        if colon is not None and (not naming or colon[0] is not None):
            cue_tok, speaker_tok = colon
            if cue_tok is not None:
                return QuoteRec(**base, evidence="direct: reporting verb and colon", confidence=0.9 - conf_penalty, cue=cue_tok)
            if speaker_tok is not None:
                return QuoteRec(**base, evidence="direct: 'Speaker : « … »'", confidence=0.85 - conf_penalty, speaker=speaker_tok)
        cue_tok = self._governing_cue(tokens)
        # the reported clause holding the quote, or where it opens (« … runs on past the sentence)
        container = next((q for q in indirect if q.start <= span.open_at and span.end <= q.end), None) or next(
            (q for q in indirect if q.start <= span.open_at < q.end), None
        )
        if container is None and 2 <= len(words) <= 5 and words[0].lower_ in naming_cues().nouns and any(
            w.text[0].isupper() for w in words[1:]
        ):
            return None  # l'« affaire Troadec », le « plan Marshall »: a name, its naming noun inside the marks
        if cue_tok is not None and container is not None and not container.start <= cue_tok.idx < container.end:
            cue_tok = None  # inside a reported clause, its own cue and speaker hold (a parse slip hung it elsewhere)
        if cue_tok is not None and _passive_without_agent(cue_tok) and not has_verb and len(words) <= 6:
            return None  # "ils sont accusés de « rébellion »": the name of a charge, nobody's words
        if (
            cue_tok is not None and cue_tok.pos_ == "NOUN" and not has_verb and len(words) <= 6
            and container is None and not self._noun_has_speaker(cue_tok, actors)
        ):
            return None  # "lors d'une manifestation contre la « haine anti-flics »": nobody's words
        subject = self._speaker_of(cue_tok) if cue_tok is not None and not has_verb and container is None else None
        if (
            subject is not None and subject.i < tokens.start < tokens.end < cue_tok.i and tokens.root.dep_ == "nmod"
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[tokens.end : cue_tok.i])
        ):
            return None  # "X, membre des « gilets jaunes libres », affirme …": a noun describing the speaker
        if len(words) <= 5 and subject is not None and not self._plausible_speaker(subject, actors):
            return None  # "le bloc qualifié de « réformiste »": a term, no one speaks
        if cue_tok is not None and not (naming and len(words) <= 4):
            return QuoteRec(**base, evidence="direct: quote governed by a reporting verb", confidence=0.9 - conf_penalty, cue=cue_tok)
        if container is not None and not naming:
            return QuoteRec(
                **base, evidence="direct: inside a reported clause", confidence=0.85 - conf_penalty,
                cue=container.cue, speaker=container.speaker, speaker_tokens=container.speaker_tokens,
            )
        if naming:
            return None
        if sentence_like and len(words) >= 5:
            return QuoteRec(**base, evidence="direct: quoted sentence, speaker from context", confidence=0.6 - conf_penalty)
        if re.search(r"\[[^\]]*\]", tokens.text):
            # « audition[né] par les CRS », « [...] a été maîtrisé »: words adapted by the
            # journalist with editorial brackets are someone's words, even with no cue
            return QuoteRec(**base, evidence="direct: adapted words in brackets, speaker from context", confidence=0.6 - conf_penalty)
        return None

    def _names_charge(self, doc: Doc, span: MarkedSpan) -> bool:
        """True when the marks follow « pour » or « de » after a judicial word (naming_cues.txt,
        charges: "une enquête pour « … »", "soupçonné de « … »", "mis en examen pour « … »"), or
        continue a list of such charges ("« A », « B » et « C »")."""
        if self._charge_end >= 0 and _text(doc)[self._charge_end:span.open_at].strip(" ,") in ("", "et", "ou"):
            return True
        before = doc.char_span(max(0, span.open_at - 60), span.open_at, alignment_mode="contract")
        toks = [t for t in (before or []) if not t.is_space and t.pos_ != "ADV"]
        if len(toks) < 2 or toks[-1].lower_ not in CHARGE_LINKS:
            return False
        charges = naming_cues().charges
        return toks[-2].lower_ in charges or toks[-2].lemma_.lower() in charges

    def _noun_has_speaker(self, noun: Token, actors: Actors) -> bool:
        """True when a speech noun names whose words it holds: a possessive (« son appel »), a
        complement (« l'affirmation du député », « la déclaration de Marseille » is not one: a
        place), the subject of its light verb (« X a lancé un appel à »), or a reporting verb
        with a subject between it and the marks (« une tribune dans laquelle elle demande »)."""
        marks_at = next((a for a, _b in self._quoted if a > noun.idx), len(_text(noun.doc)))
        between = [t for t in noun.doc[noun.i + 1 :] if t.idx < marks_at]
        if any(cue_of(t) is not None and self._speaker_of(t) is not None for t in between if t.pos_ in ("VERB", "AUX")):
            return True
        for child in noun.subtree:
            if child.head.i == noun.i and child.dep_ == "det" and "Yes" in child.morph.get("Poss"):
                return True
            if child.dep_ in ("nmod", "acl") and child.i > noun.i and not self._in_quote(child):
                who = child if child.dep_ == "nmod" else self._speaker_of(child)
                entity = actors.entity_at(who.i) if who is not None else None
                if who is not None and self._plausible_speaker(who, actors) and (entity is None or entity.type in ("PER", "ORG")):
                    return True
        if noun.dep_ in ("obj", "nsubj:pass") and noun.head.pos_ in ("VERB", "AUX"):
            who = self._speaker_of(noun.head)
            return who is not None and self._plausible_speaker(who, actors)
        return False

    @staticmethod
    def _naming_context(doc: Doc, span: MarkedSpan, tokens: Span) -> bool:
        """True when the marks hold a name or a term: 'l'opération « … »', 'baptisé « … »'."""
        cues = naming_cues()
        before = doc.char_span(max(0, span.open_at - 40), span.open_at, alignment_mode="contract")
        last = next((t for t in reversed(before or []) if not t.is_space), None)
        # "…, l'une des chercheuses du projet, « … »": punctuation parts the marks from the noun
        prev_words = [] if last is not None and last.is_punct else [t for t in (before or []) if _is_word(t)][-3:]
        for t in prev_words[-2:]:
            if t.lower_ in cues.verbs or t.lemma_.lower() in cues.verbs:
                return True
        if prev_words and (prev_words[-1].lower_ in cues.nouns or prev_words[-1].lemma_.lower() in cues.nouns):
            return True
        words = [t for t in tokens if _is_word(t)]
        verbless = not any(t.pos_ in ("VERB", "AUX") for t in tokens)
        long_words = [w for w in words if len(w) > 3]
        if 1 < len(words) <= 5 and long_words and all(w.text[0].isupper() for w in long_words):
            return verbless
        # "les « Gilets jaunes libres »", "l'organisation « Etat islamique »": a capitalised noun
        # phrase after an article is a name (a partial quotation inside a sentence is lower case)
        if 2 <= len(words) <= 6 and words[0].text[0].isupper() and last is not None and last.lower_ in ARTICLES:
            return verbless
        # « affaire Fillon », « opération Sentinelle »: a naming noun and the name it heads
        if (
            2 <= len(words) <= 4 and verbless and words[0].lemma_.lower() in cues.nouns
            and words[1].pos_ == "PROPN" and len(words[1]) > 1 and words[1].text[0].isupper()
        ):
            return True
        # « EternalBlue »: one capitalised word is a name, not somebody's words
        return len(tokens) == 1 and bool(words) and words[0].text[0].isupper()

    def _incise_after(self, doc: Doc, span: MarkedSpan) -> Token | None:
        """The verb of an incise right after the closing mark: « … », a-t-il déclaré / dit X."""
        if span.close_at is None:
            return None
        after = doc.char_span(span.close_at + 1, min(len(_text(doc)), span.close_at + 60), alignment_mode="contract")
        if after is None:
            return None
        toks = [t for t in after if not t.is_space]
        if not toks or toks[0].text not in (",", "-", "–", "—"):
            # « … » dit-il. (no comma) is rarer but exists
            if not toks or not (toks[0].pos_ in ("VERB", "AUX") and len(toks) > 1):
                return None
        else:
            toks = toks[1:]
        # the clitics of the verb group (« s'est agacé », « lui a répondu ») come before the verb
        reflexive = False
        while len(toks) > 1 and toks[0].lower_ in PREVERBAL_CLITICS and toks[0].pos_ in ("PRON", "ADV"):
            reflexive = reflexive or toks[0].lower_ in REFLEXIVES
            toks = toks[1:]
        if (
            (reflexive or _verb_by_position(toks[0])) and toks[0].pos_ not in ("VERB", "AUX")
            and self._is_incise_verb(toks[0], finite=True)
        ):
            return toks[0]  # « s'indigne X », « claironne-t-il » with the verb tagged as a noun or a name
        for t in toks[:3]:
            if t.text in (".", "«", ";") or t.pos_ in ("CCONJ", "SCONJ", "DET", "NOUN", "PROPN", "PRON"):
                return None
            if t.lower_ in ("selon", "d'après"):
                return t
            if t.pos_ in ("VERB", "AUX"):
                verb = t if t.pos_ == "VERB" else next((h for h in toks if h.pos_ == "VERB" and h.i > t.i), t)
                if t.lemma_ in ("avoir", "être") and not self._is_incise_verb(verb):
                    # "a-t-elle ainsi concédé": the auxiliary (tagged as a verb), the clitic and
                    # adverbs before the participle
                    verb = _participle_after(t) or verb
                if self._is_incise_verb(verb):
                    return verb
                return None
        return None

    def _sentence_incise(self, doc: Doc, span: MarkedSpan) -> Token | None:
        """The incise closing the sentence of a quotation, after more of its words: "« A », bien
        que cela ne « B », estime pour sa part Neil Hyatt." — the last comma-led reporting verb
        with its subject after it, past every quote mark of the sentence."""
        if span.close_at is None:
            return None
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            return None
        sent = tokens[-1].sent
        after = [t for t in sent if t.idx > span.close_at]
        last_mark = max((t.i for t in after if t.text in ("«", "»", "“", "”", '"')), default=None)
        for t in after:
            if last_mark is not None and t.i <= last_mark:
                continue
            if t.pos_ in ("VERB", "AUX") and doc_prev_is_comma(t):
                verb = t if t.pos_ == "VERB" else next((h for h in after if h.pos_ == "VERB" and h.i > t.i), t)
                if self._is_incise_verb(verb):
                    return verb
        return None

    @staticmethod
    def _has_inverted_subject(verb: Token) -> bool:
        doc = verb.doc
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and (INVERTED_CLITIC_RE.match(nxt.text) or nxt.text.lower() == "-t"):
            return True
        if any(INVERTED_CLITIC_RE.match(c.text) for c in verb.children):
            return True  # "a-t-elle expliqué": the clitic sits between auxiliary and participle
        i = verb.i - 1
        while i >= max(0, verb.i - 4) and (doc[i].pos_ in ("ADV", "AUX") and not INVERTED_CLITIC_RE.match(doc[i].text)):
            i -= 1
        if i >= max(0, verb.i - 4) and INVERTED_CLITIC_RE.match(doc[i].text):
            return True  # "a-t-elle ainsi concédé", the clitic parsed as the participle's head
        if not doc_prev_is_comma(verb) and any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
            return False  # "ils questionnaient …": the subject stands right before the verb
        if nxt is not None and nxt.lower_ == "pour" and doc[verb.i + 2 : verb.i + 4].text.lower() in ("sa part", "leur part"):
            nxt = doc[verb.i + 4] if verb.i + 4 < len(doc) else None  # "estime pour sa part Neil Hyatt"
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ in ("obj",)]
        if any(c.i > verb.i for c in subj):
            return True
        # an inverted NP subject often parses as the object: "déclare le ministre"
        return nxt is not None and nxt.pos_ in ("DET", "PROPN", "NOUN")

    def _colon_before(self, doc: Doc, span: MarkedSpan) -> tuple[Token | None, Token | None] | None:
        """(cue verb, speaker) when a colon introduces the quote: 'X a déclaré : « … »'."""
        i = span.open_at - 1
        while i >= 0 and _text(doc)[i] in " \u00a0\u202f\t":
            i -= 1
        if i < 0 or _text(doc)[i] != ":":
            return None
        colon = doc.char_span(i, i + 1, alignment_mode="expand")
        if colon is None:
            return None
        sent = colon[0].sent
        before = [t for t in sent if t.i < colon[0].i]
        if not before:
            return None
        verbs = [t for t in before if t.pos_ == "VERB" and cue_of(t) is not None]
        if verbs:
            return verbs[-1], None
        verbs = [t for t in before if t.pos_ == "VERB"]
        if not verbs:
            nouns = [t for t in before if t.pos_ in ("PROPN", "NOUN")]
            return (None, nouns[-1]) if nouns else None
        return None

    @staticmethod
    def _governing_cue(tokens: Span) -> Token | None:
        """The reporting verb (or speech noun) a partial quote depends on, climbing the tree."""
        heads = [t.head for t in tokens if (t.head.i < tokens.start or t.head.i >= tokens.end)]
        heads += [t for t in tokens if t.head == t]
        seen: set[int] = set()
        for head in heads:
            tok = head
            for _ in range(4):
                if tok.i in seen:
                    break
                seen.add(tok.i)
                if tokens.start <= tok.i < tokens.end:
                    if tok.head == tok:
                        break
                    tok = tok.head
                    continue
                if tok.pos_ in ("VERB", "AUX") and cue_of(tok) is not None:
                    return tok
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in speech_nouns():
                    return tok
                if tok.head == tok:
                    break
                tok = tok.head
        return None

    def _dialogue(self, doc: Doc, actors: Actors, marked: list[MarkedSpan]) -> list[QuoteRec]:
        """Dialogue lines opened by a dash: '— Mon Dieu ! dit-il.' A dash line that only names
        someone ('— Barack Obama, président des États-Unis') signs the quotation above it."""
        found = []
        self._signatures = []
        inside = [(s.open_at, s.close_at or s.end) for s in marked]
        for m in re.finditer(r"(?m)^[ \t]*—[ \t]*(?P<body>[^\n]+)", _text(doc)):
            start, end = m.start("body"), m.end("body")
            if any(a <= end and start <= b for a, b in inside):
                continue  # the line holds quote marks: those quotations are taken as such
            signer = self._signer(doc, start, end, actors)
            if signer is not None:  # it signs the quotation block above it, if there is one
                self._signatures.append((m.start(), signer))
                continue
            span = MarkedSpan(start, end, m.start(), None, "—", True)
            pieces, incise = self._split_incises(doc, span)
            for piece in pieces:
                text = _text(doc)[piece.start : piece.end].rstrip()
                if not any(c.isalnum() for c in text):
                    continue
                evidence = "direct: dialogue line, cut by an incise" if incise is not None else "direct: dialogue line"
                found.append(QuoteRec(piece.start, piece.start + len(text), "direct", evidence, 0.7, cue=incise))
        return found

    @staticmethod
    def _signer(doc: Doc, start: int, end: int, actors: Actors) -> Token | None:
        """The person or body a short verbless dash line names, or None when it is speech."""
        line = doc.char_span(start, end, alignment_mode="expand")
        if line is None or len([t for t in line if _is_word(t)]) > 14:
            return None
        # a capitalised "verb" inside the line is a misparsed name ("propriétaire de The Independent")
        if any(
            t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not (t.is_title and t.i > line.start + 1)
            for t in line
        ):
            return None
        first = next((t for t in line if t.text[:1].isalpha()), None)
        idx = actors.by_token.get(first.i) if first is not None else None
        if idx is not None and actors.entities[idx].named and line.text.rstrip()[-1:] == ".":
            # "— Jean-Michel Aulas, président de l'Olympique lyonnais.": a name and its title
            after = next((t for t in line if t.i > first.i and actors.by_token.get(t.i) != idx), None)
            if after is not None and after.text == ",":
                return first
        if line.text.rstrip()[-1:] in "!?….»”\"":
            return None  # a line of dialogue ends like a sentence; a signature does not
        if first is None or not first.text[:1].isupper() or first.pos_ in ("VERB", "AUX", "PRON", "DET", "INTJ", "ADV", "SCONJ", "CCONJ"):
            return None
        named = next((t for t in line if t.i in actors.by_token), None)
        if named is not None:
            return named
        return first if first.pos_ in ("NOUN", "PROPN", "ADJ") else None

    def _signed_quotes(self, quotes: list[QuoteRec]) -> None:
        """Give each unattributed quotation the signer of the dash line right after it."""
        for line_start, signer in self._signatures:
            before = [q for q in quotes if q.end <= line_start]
            if not before:
                continue
            q = max(before, key=lambda r: r.end)
            gap = _text(signer.doc)[q.end : line_start]
            if q.cue is None and q.speaker is None and gap.count("\n") <= 2:
                q.speaker = signer
                q.evidence += "; speaker from the signature line below it"
                q.confidence = max(q.confidence, 0.8)

    def _context_speakers(self, doc: Doc, quotes: list[QuoteRec], actors: Actors) -> None:
        """Quotes without a cue take the speaker of the previous quote nearby (same or previous
        paragraph): a reader reads them as the same voice going on — unless the journalist's
        sentence holding the marks names its subject (« L'imam, X, est « effaré » »)."""
        quotes.sort(key=lambda q: q.start)
        prev: QuoteRec | None = None
        for q in quotes:
            if q.cue is None and q.speaker is None and prev is not None and self._sentence_subject(doc, q, actors) is None:
                gap = _text(doc)[prev.end : q.start]
                if gap.count("\n") <= 2 and len(gap) < 600:
                    q.cue, q.speaker, q.speaker_tokens, q.continues = prev.cue, prev.speaker, prev.speaker_tokens, prev
                    q.evidence += "; speaker of the previous quotation"
                    q.confidence = min(q.confidence, 0.6)
            if q.cue is not None or q.speaker is not None:
                prev = q

    # -- indirect -------------------------------------------------------------------------------

    def _indirect(self, doc: Doc, actors: Actors) -> list[QuoteRec]:
        found: list[QuoteRec] = []
        for tok in doc:
            low = tok.lower_
            if low in SELON or (low == "après" and tok.i > 0 and doc[tok.i - 1].lower_ in ("d'", "d’")):
                rec = self._selon(doc, tok)
                if rec is not None and self._plausible_speaker(rec.speaker, actors):
                    found.append(rec)
                continue
            if low == "pour":
                rec = self._pour(doc, tok, actors)
                if rec is not None:
                    found.append(rec)
                continue
            if low == "comme":
                rec = self._comme(doc, tok)
                if rec is not None and self._plausible_speaker(rec.speaker, actors):
                    found.append(rec)
                continue
            if tok.pos_ not in ("VERB", "AUX") and not _verb_tagged_noun(tok):
                continue
            cue = cue_of(tok)
            if cue is None:
                continue
            if "Inf" in tok.morph.get("VerbForm") and (tok.head == tok or cue_of(tok.head) is None):
                continue  # "au point de laisser penser que": nobody is reported as saying it
            rec = self._content_clause(doc, tok, cue)
            content = self._noun_phrase_content(doc, tok, cue, actors)
            if content is not None and self._plausible_speaker(content.speaker, actors) and (
                rec is None or rec.end <= content.start or content.end <= rec.start
            ):
                # "ont nié ces accusations et prétendent que …": the object is what this verb
                # reports, the que-clause belongs to the next one
                found.append(content)
            if rec is None and "incise" in cue.frames and _finite_or_aux(tok):
                rec = self._bare_incise(doc, tok)
            if rec is not None and self._plausible_speaker(rec.speaker, actors):
                found.append(rec)
        for sent in doc.sents:
            rec = self._final_incise(doc, sent, actors)
            if rec is not None and not any(q.cue is not None and q.cue.i == rec.cue.i for q in found):
                found.append(rec)
        # one reading per clause: "laissent penser que …" is read from "laisser penser" and from
        # "penser"; the one with a speaker, then the first cue, stays
        by_span: dict[tuple[int, int], QuoteRec] = {}
        for rec in sorted(found, key=lambda q: (q.speaker is None, q.cue.i if q.cue is not None else len(doc))):
            by_span.setdefault((rec.start, rec.end), rec)
        return sorted(by_span.values(), key=lambda q: (q.start, -q.end))

    def _final_incise(self, doc: Doc, sent: Span, actors: Actors) -> QuoteRec | None:
        """An incise closing a sentence with no comma before it: '… était correcte précise la
        compagnie.', '… aurait été écartée a fait savoir la police.' The words before it must
        be a clause of their own, and only the noun phrase after the verb may be a speaker."""
        toks = [t for t in sent if not t.is_space]
        while toks and toks[-1].is_punct:
            toks.pop()
        k = len(toks)
        while k > 0 and len(toks) - k < 10 and (
            toks[k - 1].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM") or toks[k - 1].text in ("(", ")")
        ):
            k -= 1  # "… a révélé le Comité international paralympique (IPC)."
        while k < len(toks) and toks[k].text in ("(", ")"):
            k += 1
        noun_phrase = toks[k:]
        head = next((t for t in noun_phrase if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or noun_phrase[0].pos_ == "ADP" or not self._plausible_speaker(head, actors):
            return None
        j = k - 1
        if j < 1:
            return None
        particle = None
        if "Inf" in toks[j].morph.get("VerbForm") and toks[j - 1].pos_ in ("VERB", "AUX"):
            particle, j = toks[j], j - 1
        verb = toks[j]
        if verb.pos_ not in ("VERB", "AUX") or _unsaid(verb):
            return None
        entry = reporting_verbs().get(f"{verb.lemma_.lower()} {particle.lemma_.lower()}") if particle is not None else cue_of(verb)
        if entry is None or not ({"incise", "que"} & entry.frames):
            return None
        first_of_group = j
        while first_of_group > 0 and toks[first_of_group - 1].pos_ == "AUX":
            first_of_group -= 1
        if not ("Fin" in verb.morph.get("VerbForm") or first_of_group < j):
            return None
        left = toks[:first_of_group]
        clitics = next((n for n in range(len(left), 0, -1) if left[n - 1].lower_ not in OBJECT_CLITICS), 0)
        if clitics and left[clitics - 1].lower_ in RELATIVES:
            return None  # "… où se trouvaient 900 élèves": a relative clause with its subject after the verb
        if len([t for t in left if _is_word(t)]) < 4 or left[-1].is_punct or left[-1].lower_ in QUE | {"qui", "et", "ou", "mais"}:
            return None
        if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in left):
            return None
        # "… mais le ministre précise la loi": a speaker right before the verb is its subject
        before = left[-1]
        if before.pos_ in ("NOUN", "PROPN") and self._plausible_speaker(before, actors):
            return None
        if before.pos_ == "ADJ" and before.head.pos_ in ("NOUN", "PROPN") and self._plausible_speaker(before.head, actors):
            return None
        if any(self._in_quote(t) for t in (verb, head)):
            return None
        return QuoteRec(
            left[0].idx, left[-1].idx + len(left[-1]), "indirect", "indirect: incise closing the sentence, no comma",
            0.6, cue=verb, speaker=head,
        )

    def _content_clause(self, doc: Doc, verb: Token, cue: CueVerb) -> QuoteRec | None:
        """'X a déclaré que …' / 'X a promis de …' / 'X laisse entendre que …'."""
        holder = verb
        for child in verb.children:
            if child.dep_ == "xcomp" and f"{verb.lemma_} {child.lemma_}".lower() in reporting_verbs():
                holder = child
        infinitives: list[Token] = []
        restrictive = _restrictive_ne(verb)
        # "a affirmé à son patron que …": the parser may hang the que-clause on the addressee
        addressed = [
            g for c in holder.children if c.dep_ in ("obl:arg", "iobj", "obl") and c.i > verb.i
            and any(k.dep_ == "case" and k.lower_ in ("à", "au", "aux") for k in c.children)
            for g in c.children if g.dep_ == "acl" and g.i > c.i
        ]
        for child in sorted([*holder.children, *addressed], key=lambda t: t.i):
            if child.i < verb.i or child.dep_ in SUBJECT_DEPS:
                continue
            marks = [] if restrictive else [c for c in child.children if c.dep_ == "mark" and c.lower_ in QUE]
            # "avant que …", "bien que …", "alors que …": an adverbial clause, not what is said
            # ("en ajoutant qu'…" parsed as one subordinator is still what is said)
            adverbial = any(c.dep_ == "mark" and c.lower_ not in QUE and c.lower_ != "en" for c in child.children)
            if marks and marks[0].i > verb.i and child.dep_ != "acl:relcl" and not adverbial:
                # the parser hangs some que-clauses on a time adverbial ("lundi matin qu'il …"):
                # whatever the relation, a que-clause after the verb is its content
                start_tok = marks[0].i + 1
                return self._clause_rec(doc, verb, child, start_tok, "indirect: reporting verb + que-clause", 0.85)
            infinitive = "Inf" in child.morph.get("VerbForm") or any(
                a.dep_.startswith("aux") and "Inf" in a.morph.get("VerbForm") for a in child.children
            )
            if child.dep_ in ("obj", "obl:arg") and child.lemma_.lower() in INTENT_NOUNS:
                # "a annoncé sa volonté de poursuivre …": the intention is what is reported
                inf = next((c for c in child.children if c.dep_ == "acl" and "Inf" in c.morph.get("VerbForm")), None)
                if inf is not None:
                    return self._clause_rec(doc, verb, inf, inf.i, "indirect: reporting verb + intention + infinitive", 0.7)
            purpose = any(c.dep_ in ("mark", "case") and c.lower_ in CLAUSE_PREPOSITIONS for c in child.children)
            if child.dep_ in ("xcomp", "ccomp", "obj") and child.pos_ in ("VERB", "AUX") and infinitive and "inf" in cue.frames and not purpose:
                # not "l'avait appelée pour lui dire …": a purpose clause is not what is reported
                infinitives.append(child)
        if infinitives and (_finite_or_aux(verb) or any(c.lower_ == "en" and c.i < verb.i for c in verb.children)):
            # "a annoncé pouvoir présenter …", "a promis de baisser …, de réduire …": one clause
            # from the first infinitive to the end of the last one
            first_inf = infinitives[0]
            first = _after_infinitive_marks(first_inf)
            last = max(t.i for inf in infinitives for t in inf.subtree)
            return self._clause_rec(doc, verb, first_inf, first, "indirect: reporting verb + infinitive", 0.75, last=last)
        if not _finite_or_aux(verb):
            return None  # "croyant voir …", "craignant d'être …": a participle reports no one
        return self._adjacent_clause(doc, verb, cue)

    def _noun_phrase_content(self, doc: Doc, verb: Token, cue: CueVerb, actors: Actors) -> QuoteRec | None:
        """'Le syndicat a dénoncé la fermeture du site', 'la fermeture, dénoncée par le
        syndicat': the noun phrase is what is reported (presse.analyze.np_content)."""
        if _unsaid(verb):
            return None
        content = noun_phrase_content(verb, cue, actors)
        if content is None:
            return None
        first, last = doc[content.first], doc[content.last]
        speaker = content.agent or self._speaker_of(verb)
        source = speaker.head.head if speaker is not None and speaker.lower_ == "qui" and speaker.head.dep_ == "acl:relcl" else speaker
        if source is None or source.lemma_.lower() in speech_nouns():
            return None  # « le bilan fait état de 4 morts », « l'enquête a révélé un élément »: facts, no one speaks
        return QuoteRec(first.idx, last.idx + len(last), "indirect", NP_EVIDENCE, 0.7, cue=verb, speaker=speaker)

    def _adjacent_clause(self, doc: Doc, verb: Token, cue: CueVerb) -> QuoteRec | None:
        """A content clause the parser attached elsewhere: 'a déclaré à l'AFP avoir vu …',
        'a annoncé plus tard dans la journée qu'il acceptait …', 'ont nié … et prétendent que …'.

        Only adverbs, clitics and prepositional phrases may stand between the verb (or its
        particle) and the clause; a relative 'que' (the object of its clause) does not count.
        """
        _label, (_lo, hi) = cue_label(verb)
        sent_end = verb.sent.end
        i = hi
        while i < sent_end:
            t = doc[i]
            if t.lower_ in QUE and _restrictive_ne(verb):
                return None  # "ne sont intervenus que quelques heures plus tard": ne … que, no clause
            if t.lower_ in QUE:
                # a relative "que" that is the object of its clause refuses; one whose verb has
                # another object is a conjunction the parser misread ("dans un communiqué
                # qu'elle rembourserait les billets")
                conjunction = t.dep_ == "mark" or (
                    t.dep_ == "obj" and any(c.dep_ == "obj" and c.i != t.i for c in t.head.children)
                )
                if "que" in cue.frames and t.dep_ in ("punct", "dep", "fixed", "cc") and t.i + 1 < sent_end:
                    # a parse that lost the clause ("a déclaré que c'était pour …" with "que"
                    # as punctuation): the rest of the sentence, when it has a verb
                    rest = doc[t.i + 1 : sent_end]
                    if any(r.pos_ in ("VERB", "AUX") for r in rest):
                        return self._clause_rec(doc, verb, rest.root, t.i + 1, "indirect: reporting verb + que-clause (by position)", 0.7, last=sent_end - 1)
                if "que" not in cue.frames or not conjunction or t.head.i <= t.i:
                    return None
                clause = t.head
                if clause.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in clause.children):
                    return None
                owner = _owner_verb(clause)
                if owner is not None and owner != verb and owner.i > verb.i and cue_of(owner) is not None:
                    return None  # the clause has a reporting verb of its own
                return self._clause_rec(doc, verb, clause, i + 1, "indirect: reporting verb + que-clause (by position)", 0.75)
            j = _infinitive_follows(doc, i + 1 if t.lower_ in DE else i, sent_end)
            if j is not None:
                if "inf" not in cue.frames:
                    return None
                head = doc[j] if doc[j].pos_ == "VERB" or doc[j].head == doc[j] else doc[j].head
                if head.i < j:
                    return None
                last = max(t2.i for t2 in head.subtree)
                first = i + 1 if t.lower_ in DE else i
                return self._clause_rec(doc, verb, head, first, "indirect: reporting verb + infinitive (by position)", 0.7, last=last)
            if t.pos_ in ("ADV", "PART") or (t.lower_ in CLITIC_OBJECTS and t.pos_ != "ADP"):
                i += 1  # not the preposition "en" of "en fin de matinée", a phrase to skip whole
                continue
            if (t.pos_ == "ADP" and t.lower_ not in CLAUSE_PREPOSITIONS) or t.text == ",":
                # a prepositional phrase ("à l'AFP", "lors d'une conférence de presse"): skip it,
                # but not into a new noun phrase ("à X l'honneur de …") nor a purpose ("pour …")
                j = i + 1
                while j < sent_end and doc[j].lower_ not in QUE and (
                    doc[j].pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "ADP")
                    # "dans une vidéo mise en ligne vendredi que …": a participle on the PP's noun
                    or (doc[j].pos_ == "VERB" and doc[j].dep_ == "acl" and "Part" in doc[j].morph.get("VerbForm"))
                ):
                    if doc[j].lower_ in DE and _infinitive_follows(doc, j + 1, sent_end):
                        break
                    if doc[j].lower_ in CLAUSE_PREPOSITIONS:
                        return None
                    if doc[j].pos_ == "DET" and doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ"):
                        return None
                    j += 1
                if j == i + 1 and t.text != ",":
                    return None
                i = j
                continue
            if t.pos_ == "NOUN" and t.lower_ in MONTHS_AND_DAYS:
                i += 1
                continue
            return None
        return None

    def _clause_rec(
        self, doc: Doc, verb: Token, clause: Token, first: int, evidence: str, conf: float, last: int | None = None
    ) -> QuoteRec | None:
        if _unsaid(verb):
            return None
        if last is None:
            last = max(t.i for t in clause.subtree)
        while last > first and ((doc[last].is_punct and doc[last].text not in ("»", "”", ")", '"')) or doc[last].is_space):
            last -= 1
        while first <= last and (doc[first].is_space or doc[first].text in (",",)):
            first += 1
        if last < first:
            return None
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        text = _text(doc)[start:end]
        if "»" in text and ("«" not in text or text.index("»") < text.index("«")):
            return None  # the cue is inside quote marks: those words are one direct quotation
        if text.count("«") != text.count("»"):
            # a clause boundary inside quote marks: extend to the closing mark when it is near
            close = _text(doc).find("»", end)
            if text.count("«") > text.count("»") and 0 <= close - end < 200 and "\n" not in _text(doc)[end:close]:
                end = close + 1
        if len(re.findall(r"\w+", _text(doc)[start:end])) < 2:
            return None
        speaker = self._speaker_of(verb)
        return QuoteRec(start, end, "indirect", evidence, conf, cue=verb, speaker=speaker)

    def _comme(self, doc: Doc, tok: Token) -> QuoteRec | None:
        """'…, comme l'a annoncé X.' / 'Comme l'indique X, …': the rest of the sentence is what X
        said (the neuter « l' » stands for it)."""
        sent = tok.sent
        following = list(doc[tok.i + 1 : min(sent.end, tok.i + 5)])
        if not following or following[0].lower_ not in ("l'", "l’", "le"):
            return None
        verb = next((t for t in following[1:] if t.pos_ in ("VERB", "AUX") and cue_of(t) is not None), None)
        if verb is None or any(t.is_punct for t in doc[tok.i : verb.i]):
            return None
        speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ not in NON_SPEAKER_PRONOUNS), None)
        if speaker is None:
            speaker = next((t for t in doc[verb.i + 1 : min(sent.end, verb.i + 4)] if t.pos_ in ("PROPN", "NOUN")), None)
        if speaker is None:
            return None
        # the comme-clause ends at the next comma (sentence-initial) or with the sentence
        end = next((t.i for t in doc[verb.i + 1 : sent.end] if t.text in (",", ";", ":")), sent.end)
        if tok.i > sent.start and end < sent.end and not any(t.pos_ in ("VERB", "AUX") for t in doc[end:sent.end]):
            end = sent.end  # "…, comme l'indique X, scientifique de la NASA.": an apposition
        body = _trim_punct([t for t in sent if not (tok.i <= t.i <= end) and not t.is_space])
        if len([t for t in body if _is_word(t)]) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in body):
            return None
        if not (body[-1].i < tok.i or body[0].i > end):
            return None  # the comme-clause sits inside the words: not a frame of the whole
        if any(cue_of(t) is not None and _finite_or_aux(t) for t in body if t.pos_ in ("VERB", "AUX")):
            return None  # "comme le rapporte Le Figaro, X a déclaré que …": X's report is read on its own
        return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: comme l'a dit X", 0.75, cue=verb, speaker=speaker)

    def _selon(self, doc: Doc, tok: Token) -> QuoteRec | None:
        """'Selon X, …' / '…, d'après X.' / '…, selon X, qui ajoute …': X's words are the rest of
        the sentence, the part before the phrase when it closes the sentence or is followed by
        a relative clause about X."""
        sent = tok.sent
        if tok.i + 2 < sent.end and doc[tok.i + 1].lower_ == "ce" and doc[tok.i + 2].lower_ in QUE:
            # "selon ce que rapportent des médias belges, …": the reporting verb's subject
            verb = doc[tok.i + 2].head
            obj = next((c for c in verb.children if c.dep_ in ("nsubj", "obj") and c.i > verb.i), None)
        else:
            obj = tok.head if tok.head != tok and tok.head.i > tok.i and _nominal(tok.head) else None
            if obj is None:
                # the parser often misattaches "selon": take the first nominal word after it
                following = doc[tok.i + 1 : tok.i + 5]
                obj = next((t for t in following[: next((k for k, t in enumerate(following) if t.is_punct), 4)] if _nominal(t)), None)
        if obj is None or obj.lower_ in ("laquelle", "lequel", "lesquels", "lesquelles", "qui", "quoi", "ce", "c'"):
            return None
        if obj.lemma_.lower() in QUANTITY_NOUNS:
            # "selon la plupart des témoignages", "selon une partie des experts": who is counted
            obj = next((c for c in obj.children if c.dep_ == "nmod" and c.pos_ in ("NOUN", "PROPN")), obj)
        speaker = obj
        if obj.lemma_.lower() in speech_nouns() | {"information", "source"}:
            # "selon un rapport de l'ONU": the ONU; "selon un document officiel": the document
            nmod = next((c for c in obj.children if c.dep_ in ("nmod",) and c.pos_ in ("PROPN", "NOUN")), None)
            if nmod is not None and (nmod.pos_ == "PROPN" or nmod.lemma_.lower() in speaker_nouns()):
                speaker = nmod
        lo = tok.i - 1 if tok.lower_ == "après" and tok.i > 0 and doc[tok.i - 1].lower_ in ("d'", "d’") else tok.i
        start = sent.start
        colons = [t.i for t in sent if t.text in (":", ";") and t.i < lo]
        if colons:
            start = colons[-1] + 1
        stop = next((t.i for t in doc[tok.i + 1 : sent.end] if t.text in (";", ":")), sent.end)
        # the phrase "selon X …" runs to the next comma (or the end of the sentence)
        close = next((t.i for t in doc[tok.i + 1 : stop] if t.text == ","), None)
        if close is not None:
            # "selon le secrétaire général, Ban Ki-moon, …", "selon X, président de Y, …"
            close = _after_appositions(doc, close + 1, stop) - 1
        phrase_end = close if close is not None else stop
        prefix = _trim_punct([t for t in doc[start:lo] if not t.is_space])
        if all(t.pos_ in ("ADV", "CCONJ", "PUNCT") for t in prefix) or _connective_phrase(prefix):
            prefix = []  # "Toujours selon X, …", "D'autre part, selon X, …": a connective, not X's words
        elif prefix[-1].pos_ == "CCONJ" and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in prefix):
            prefix = []  # "Les causes demeurent inconnues, mais selon X, …": the journalist's clause
        rest = [t for t in doc[phrase_end + 1 : stop] if not t.is_space] if close is not None else []
        if rest and (rest[0].lower_ in ("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "où")
                     or (rest[0].lower_ == "pour" and len(rest) > 1 and rest[1].lower_ == "qui")):
            rest = []  # ", selon X, qui ajoute …": the relative describes X, it is not X's words
        elif rest and "Part" in rest[0].morph.get("VerbForm") and rest[0].dep_ == "acl":
            rest = []  # ", selon les propos de X, rapportés par Y": the participle describes the words
        if close is None and len([t for t in doc[tok.i : stop] if _is_word(t)]) > 12:
            return self._selon_by_tree(doc, tok, obj, speaker)
        body = _trim_punct(prefix + rest if prefix else rest)
        if len([t for t in body if _is_word(t)]) < 3:
            return None
        cue_tok = doc[lo]
        return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: selon/d'après X", 0.8, cue=cue_tok, speaker=speaker)

    def _selon_by_tree(self, doc: Doc, tok: Token, obj: Token, speaker: Token) -> QuoteRec | None:
        """'selon X' inside a longer stretch with no comma to close it: the clause it modifies."""
        clause = obj.head if obj.head != obj else obj
        sent = tok.sent
        first = min(t.i for t in clause.subtree) if clause != obj else sent.start
        colons = [t.i for t in sent if t.text in (":", ";") and t.i < tok.i]
        if colons:
            first = max(first, colons[-1] + 1)
        scope = set(range(first, sent.end))
        phrase = sorted({tok.i, *(t.i for t in obj.subtree if t.i <= obj.i or t.dep_ in ("nmod", "amod", "flat:name", "appos", "conj", "cc", "det"))})
        while len(phrase) > 1 and phrase[-1] - phrase[-2] > 1:
            phrase.pop()
        if doc[tok.i - 1].lower_ in ("d'", "d’"):
            phrase.insert(0, tok.i - 1)
        lo, hi = phrase[0], phrase[-1]
        body = _trim_punct([t for t in sent if (t.i < lo or t.i > hi) and not t.is_space and t.i in scope])
        if len([t for t in body if _is_word(t)]) < 3:
            return None
        start, end = body[0].idx, body[-1].idx + len(body[-1])
        cue_tok = doc[tok.i - 1] if tok.lower_ == "après" and tok.i > 0 else tok
        return QuoteRec(start, end, "indirect", "indirect: selon/d'après X", 0.8, cue=cue_tok, speaker=speaker)

    def _pour(self, doc: Doc, tok: Token, actors: Actors) -> QuoteRec | None:
        """A stated view: 'Pour le procureur, …', '…; pour d'autres, …', 'l'ONU, pour qui …'.

        Only a person, an institution, a pronoun or 'certains'/'d'autres' holds a view; 'pour
        Kiev, …' (a place) and 'pour 2025, …' do not.
        """
        sent = tok.sent
        before = doc[tok.i - 1] if tok.i > sent.start else None
        if tok.i + 1 >= len(doc):
            return None
        stop = next((t.i for t in doc[tok.i + 1 : sent.end] if t.text in (";", ":")), sent.end)
        if doc[tok.i + 1].lower_ == "qui" and before is not None and before.text == ",":
            holder = next(
                (t for t in reversed(doc[sent.start : before.i]) if t.pos_ in ("PROPN", "NOUN") or t.i in actors.by_token),
                None,
            )
            first = tok.i + 2
        else:
            connector = before is not None and before.text == "," and _short_connector(doc[sent.start : before.i])
            if before is not None and before.text not in (";", ":", "—", "–", "-") and not connector:
                return None  # "Cela dit, pour le procureur, …" opens a view; "…, pour le match" does not
            comma = next((t.i for t in doc[tok.i + 1 : min(stop, tok.i + 8)] if t.text == ","), None)
            if comma is None:
                return None
            phrase = doc[tok.i + 1 : comma]
            if any(t.pos_ in ("VERB", "AUX") for t in phrase):
                return None  # "Pour la distraire, …": a purpose, not a view
            holder = next((t for t in phrase if t.lower_ in VIEW_HOLDERS), None) or next(
                (t for t in phrase if self._holds_views(t, actors)), None
            )
            first = comma + 1
        if holder is None:
            return None
        first = _after_appositions(doc, first, stop)
        body = [t for t in doc[first:stop] if not t.is_space]
        while body and body[-1].is_punct and body[-1].text not in ("»", ")"):
            body.pop()
        if len([t for t in body if _is_word(t)]) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in body):
            return None
        return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: pour X, (a stated view)", 0.6, cue=tok, speaker=holder)

    def _holds_views(self, tok: Token, actors: Actors) -> bool:
        ent = actors.entity_at(tok.i)
        if ent is not None and not ent.collective:
            return ent.type in ("PER", "ORG")
        # a group known by a common noun ("un certain nombre d'observateurs") holds views as its noun allows
        return tok.lower_ in STRESSED_VIEW_PRONOUNS or (
            tok.pos_ == "NOUN" and self._plausible_speaker(tok, actors)
        )

    def _bare_incise(self, doc: Doc, verb: Token) -> QuoteRec | None:
        """'La situation, a-t-il ajouté, est grave.' — reported speech cut by an incise."""
        if not self._has_inverted_subject(verb) or verb.i == 0:
            return None
        lo = _group_start(verb)
        prev = doc[lo - 1] if lo > 0 else None
        if prev is None or prev.text not in (",", "»", "”", '"'):
            return None
        # after a closing mark the words may all be quoted (one direct quotation: the clause is
        # dropped in __call__) or only in part (« X irait « bien », déclare Y »: a mixed one)
        sent = verb.sent
        # the incise runs from its comma to the next comma, or to the end of the sentence
        _, hi = cue_label(verb)[1]
        if hi < sent.end and doc[hi].text in ("«", "“"):
            return None  # "X, chef de …, a salué « … »": the verb governs the quotation after it
        tail_end = next((t.i for t in doc[hi : sent.end] if t.text in (",", ";", ":")), sent.end)
        if any(t.lower_ in QUE and t.dep_ == "mark" for t in doc[hi:tail_end]):
            return None  # "X, ministre …, a précisé pendant une conférence que …": a content clause follows
        if tail_end + 1 < sent.end and doc[tail_end + 1].lower_ in ("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles"):
            tail_end = sent.end  # ", qui affirme …" describes the speaker: not part of the words
        incise_tokens = set(range(lo - 1 if prev.text == "," else lo, tail_end + 1))
        rest = doc[tail_end:sent.end]
        if not any(t.pos_ in ("VERB", "AUX") for t in rest):
            # ", déclare X, médecin à Barcelone.": an apposition to the speaker, not the words
            incise_tokens.update(range(tail_end, sent.end))
        # "X a annoncé que … : « … », a-t-il déclaré": the incise reports what follows the colon
        colon = max((t.i for t in sent if t.text == ":" and t.i < lo), default=sent.start - 1)
        body = [t for t in sent if t.i > colon and t.i not in incise_tokens and not t.is_space]
        while body and body[-1].is_punct and body[-1].text not in ("»", ")"):
            body.pop()
        while body and body[0].is_punct and body[0].text not in ("«",):
            body.pop(0)
        if len([t for t in body if _is_word(t)]) < 4:
            return None
        after_mark = any(t.text in ("»", "”", '"') for t in doc[max(0, lo - 3) : lo])
        if after_mark and (body[0].text in ("«", "“", '"') or self._in_quote(body[0]) or any(t.pos_ in ("VERB", "AUX") for t in rest)):
            return None  # after a closing mark, only words of the journalist's own before the marks make a mixed quotation
        speaker = next((t for t in doc[lo:hi] if INVERTED_CLITIC_RE.match(t.text)), None)
        if speaker is None:
            speaker = next((t for t in doc[hi:tail_end] if t.pos_ in ("PROPN", "NOUN") and not t.like_num and t.lower_ not in MONTHS_AND_DAYS), None)
        return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: incise", 0.75, cue=verb, speaker=speaker)

    # -- speakers -------------------------------------------------------------------------------

    def _speaker_of(self, verb: Token) -> Token | None:
        """Subject of the verb; for a passive its agent; else the subject of the verb it hangs on
        (never a verb inside a quotation: its subject is the speaker's words, not the speaker)."""
        tok = verb
        for _ in range(5):
            agent = next(
                (c for c in tok.children if c.dep_ == "obl:agent" and any(g.lower_ == "par" for g in c.children)),
                None,
            )
            # an agent speaks for a passive or subjectless verb; "après leur prédiction par X, des
            # scientifiques ont annoncé": an agent hung on an active verb with a subject is a slip
            if agent is not None and (
                any(c.dep_ == "aux:pass" for c in tok.children) or not any(c.dep_ == "nsubj" for c in tok.children)
            ):
                return agent
            if tok.dep_ == "acl:relcl" and any(c.dep_ == "nsubj" and c.lower_ == "qui" for c in tok.children):
                # "le policier X, qui affirme que …": the antecedent speaks; "le chef de mission
                # de MSF pour la Syrie qui considère …": the person noun the complements hang on
                antecedent = tok.head
                while antecedent.dep_ == "nmod" and antecedent.head != antecedent and not (
                    (antecedent.pos_ == "PROPN" and antecedent.ent_type_ in ("PER", "ORG"))
                    or (antecedent.pos_ == "NOUN" and _person_noun(antecedent))
                ):
                    antecedent = antecedent.head
                return antecedent
            subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in NON_SPEAKER_PRONOUNS), None)
            passive = any(c.dep_ == "aux:pass" for c in tok.children)
            if subj is not None and (subj.dep_ != "nsubj:pass" or not passive):
                return subj  # (a "passive" subject without a passive auxiliary is a parse slip)
            inverted = next((c for c in tok.children if c.i > tok.i and INVERTED_CLITIC_RE.match(c.text)), None)
            if inverted is not None:
                return inverted
            if tok == verb and subj is None and _finite_or_aux(tok) and tok.dep_ == "ROOT":
                fronted = self._fronted_name(tok)
                if fronted is not None:
                    return fronted
            if _finite_or_aux(tok):
                post = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("obj", "nsubj") and c.pos_ in ("NOUN", "PROPN") and self._has_inverted_subject(tok)), None)
                if post is not None and tok.i > 0 and doc_prev_is_comma(tok):
                    return post
            if tok.dep_ == "acl" and "Fin" in tok.morph.get("VerbForm") and tok.sent.root.pos_ in ("NOUN", "PROPN") and tok.sent.root.i < tok.i:
                # a finite verb read as a modifier ("Une source proche du dossier ajoute à X
                # que …" with the noun as the root): the root noun phrase is its subject
                return tok.sent.root
            controller = _object_controller(tok)
            if controller is not None:
                return controller
            gerund = tok.dep_ == "advmod" and "Part" in tok.morph.get("VerbForm") and tok.lower_.endswith("ant")
            if (tok.dep_ in CLIMB_DEPS or gerund) and tok.head != tok:  # ", estimant que …" read as an adverb
                if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                    tok = tok.head.head if tok.head.head != tok.head else tok.head
                elif tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
                    # a verb coordinated to a noun is a parse slip ("ont rejeté l'offre et
                    # affirment …"): its subject is the one of the verb above that noun
                    tok = tok.head
                    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
                        tok = tok.head
                else:
                    tok = tok.head
                while self._in_quote(tok) and not self._in_quote(verb) and tok.head != tok:
                    tok = tok.head
                continue
            return None
        return None

    def _fronted_name(self, verb: Token) -> Token | None:
        """A person or organisation named before a finite verb the parse left without subject
        (« Vers 10h30, Jacqueline Moreau, membre de …, affirme que … », the name hung on the
        time): the nearest name back to the sentence start, with no verb in between."""
        names: list[Token] = []
        for t in reversed(verb.doc[verb.sent.start : verb.i]):
            if t.head.i == verb.i and t.dep_.startswith(("aux", "advmod", "expl")):
                continue  # the verb's own auxiliary, adverb or clitic: "X, …, a démenti"
            if t.pos_ in ("VERB", "AUX") or t.lower_ in QUE:
                break
            if t.pos_ == "PROPN" and t.ent_type_ in ("PER", "ORG") and not self._in_quote(t):
                names.append(t)
        # "Besancenot, leader du NPA, a appelé": the person first named, not the body of its title
        people = [t for t in names if t.ent_type_ == "PER"]
        return (people or names)[-1] if names else None

    def _in_quote(self, tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in self._quoted)

    @staticmethod
    def _plausible_speaker(tok: Token | None, actors: Actors) -> bool:
        """A speaker is an actor, a personal pronoun, or a noun of person or institution."""
        if tok is None:
            return False
        if actors.entity_at(tok.i) is not None:
            return True
        low = tok.lower_
        if low in PERSONAL_SUBJECTS or INVERTED_CLITIC_RE.match(tok.text):
            return True
        if low in STRESSED_THIRD_PERSON and tok.i > 0 and tok.doc[tok.i - 1].lower_ in SELON | {"après"}:
            return True  # "selon lui, …", "d'après eux, …"
        if tok.pos_ == "PROPN":
            return True
        lemma = tok.lemma_.lower()
        doc = tok.doc
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].pos_ == "NOUN":
            tok = doc[tok.i + 2]  # "marins-pompiers", split by the tokenizer: pompiers
            low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ == "NOUN" and tok.dep_.startswith("nsubj") and any(
            c.dep_ in ("nmod", "appos", "flat:name") and c.i in actors.by_token for c in tok.children
        ):
            return True  # "la chaîne américaine NBC annonce", "le rapport de la CIA a déclaré": a named source
        return (tok.pos_ == "NOUN" or (tok.pos_ == "ADJ" and _nominal(tok))) and (_person_noun(tok) or lemma in speech_nouns())

    @staticmethod
    def _after_cue(doc: Doc, at: int, actors: Actors) -> Token | None:
        """The inverted subject of an incise the parser missed: '…, a déclaré Bob Ferguson, …'."""
        for t in doc[at : min(len(doc), at + 8)]:
            if t.text in (".", "«", "»", ";", "!", "?"):
                return None
            if _addressee(t):
                continue  # "a indiqué au Monde le substitut": whom it was told to, not who told it
            if t.i in actors.by_token or t.pos_ == "PROPN" or INVERTED_CLITIC_RE.match(t.text):
                return t
            if t.pos_ == "NOUN" and (t.lemma_.lower() in speaker_nouns() or t.lower_ in speaker_nouns()):
                return t
        return None

    def _reader_speaker(self, doc: Doc, q: QuoteRec, actors: Actors) -> Token | None:
        """The speaker a reader gives a quote whose cue names nobody, or None (never a guess):
        the named subject of the journalist's sentence holding it (« Hollande est arrivé et
        évoque un « … » »); for marks standing as a sentence of their own, the named subject of
        the sentence just before, in the same paragraph or closing with a colon (« X a brandi le
        drapeau. « … » »)."""
        own = self._sentence_subject(doc, q, actors)
        if own is not None:
            return own
        tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0 or tokens.start == 0:
            return None
        text = _text(doc)
        mark_at = len(text[: q.start].rstrip(WS + "«“\"")) if q.kind == "direct" else q.start
        lo, _hi = _sentence_in_paragraph(tokens)
        if q.cue is not None or lo == 0 or not _opens_clause(text, mark_at):
            return None
        last = next((t for t in reversed(doc[:lo]) if not t.is_space), None)
        if last is None:
            return None
        if "\n" in text[last.idx : q.start] and last.text != ":":
            return None  # another paragraph: nothing ties the words to its subject
        return self._named_subject(doc[last.sent.start : last.i + 1], actors)

    def _sentence_subject(self, doc: Doc, q: QuoteRec, actors: Actors) -> Token | None:
        """Who the journalist's sentence holding the quote is about, outside quote marks: its
        named subject (the last before the quote, else the first after it: « Soulignant leurs
        « canapés », le pape … »), else the one named person it mentions other than as an object
        or a complement (a parse may hang the subject on a fronted phrase)."""
        tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            return None
        lo, hi = _sentence_in_paragraph(tokens)
        before = self._named_subject(doc[lo : tokens.start], actors)
        after = self._named_subject(doc[tokens.end : hi], actors, last=False)
        if before is not None or after is not None:
            return before or after
        persons: dict[int, Token] = {}
        for t in doc[lo:hi]:
            idx = actors.by_token.get(t.i)
            if idx is None or tokens.start <= t.i < tokens.end or self._in_quote(t):
                continue
            ent = actors.entities[idx]
            head = t
            while head.dep_ in ("flat:name", "compound") and head.head != head:
                head = head.head
            if ent.named and ent.type == "PER" and not head.dep_.startswith(("obj", "obl", "iobj", "nmod")):
                persons.setdefault(idx, t)
        return next(iter(persons.values())) if len(persons) == 1 else None

    def _named_subject(self, span: Span, actors: Actors, last: bool = True) -> Token | None:
        """The last (or first) subject in `span` that mentions a named actor, outside marks."""
        subjects = [
            t for t in span
            if t.dep_.startswith("nsubj") and t.i in actors.by_token
            and actors.entities[actors.by_token[t.i]].named and not self._in_quote(t)
        ]
        if not subjects:
            return None
        return subjects[-1] if last else subjects[0]

    def _antecedent(self, doc: Doc, pronoun: Token, q: QuoteRec) -> Token | None:
        """The noun phrase a subject pronoun most likely stands for: a plausible speaker of the
        same number (and gender), outside quotation marks, in this or the previous sentence;
        subjects first, then the nearest."""
        text = pronoun.text.lower().lstrip("-").removeprefix("t-")
        plural = text.endswith("s") or text == "eux"
        gender = "Fem" if text.startswith("elle") else "Masc"
        quote_tokens = doc.char_span(q.start, q.end, alignment_mode="expand")
        end = min(pronoun.i, quote_tokens.start if quote_tokens is not None else pronoun.i)
        sent = doc[end].sent if end < len(doc) else pronoun.sent
        begin = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        found = self._agreeing_speakers(doc[begin:end], q, plural, gender)
        if not found and begin > 0:
            # one sentence further back, when the sentence before says nothing of a speaker
            found = self._agreeing_speakers(doc[doc[begin - 1].sent.start : begin], q, plural, gender)
        if not found:
            return None
        subjects = [t for t in found if t.dep_.startswith("nsubj")]
        return (subjects or found)[-1]

    def _agreeing_speakers(self, window: Span, q: QuoteRec, plural: bool, gender: str) -> list[Token]:
        """Plausible speakers in `window` outside quotes, agreeing in number (and gender)."""
        found = []
        for t in window:
            if t.pos_ not in ("NOUN", "PROPN") or self._in_quote(t) or q.start <= t.idx < q.end:
                continue
            number = t.morph.get("Number")
            if ("Plur" in number) != plural:
                continue  # a name without number is singular
            genders = t.morph.get("Gender")
            if not plural and genders and gender not in genders:
                continue
            if t.pos_ == "NOUN" and not _person_noun(t):
                continue
            found.append(t)
        return found

    def _resolve(self, doc: Doc, q: QuoteRec, actors: Actors) -> None:
        """Fill cue label, speaker mention and entity from the tokens found."""
        q.doc = doc
        if q.cue is not None:
            _label, (lo, hi) = cue_label(q.cue)
            q.cue_tokens = (lo, hi)
            entry = cue_of(q.cue)
            q.cue_lemma = entry.lemma if entry else q.cue.lemma_.lower()
        source = q.continues
        if source is not None and source.speaker is not None:
            # the same voice going on: the speaker its quotation was given (resolved before it)
            q.speaker, q.speaker_tokens = source.speaker, source.speaker_tokens
            q.speaker_name, q.speaker_entity, q.entity = source.speaker_name, source.speaker_entity, source.entity
            return
        if q.cue is not None:
            if q.speaker is None and "incise" in q.evidence:
                # an incise's subject follows its verb: "a-t-il dit", "estime le ministre"
                clitic = next((t for t in doc[lo:hi] if INVERTED_CLITIC_RE.match(t.text)), None)
                inverted = next((c for c in q.cue.children if c.dep_ == "nsubj" and c.i >= hi and c.pos_ in ("NOUN", "PROPN")), None)
                q.speaker = clitic or inverted or self._after_cue(doc, hi, actors)
            if q.speaker is None and q.cue.lower_ not in SELON:
                q.speaker = self._speaker_of(q.cue)
            if q.speaker is None and q.cue.pos_ == "NOUN":
                # a speech noun's agent is its « de » complement: « l'appel d'Éric Drouet à « … » »
                # (also hung on a time word: « l'appel mercredi d'Éric Drouet »)
                q.speaker = next((
                    c for c in q.cue.subtree
                    if c.dep_ == "nmod" and q.cue.i < c.i and c.idx < q.start and not self._in_quote(c)
                    and _actor_type(actors, c) in ("PER", "ORG")  # not « une conférence de presse »
                    and any(g.dep_ == "case" and g.lower_ in DE | {"du", "des"} for g in c.children)
                ), None)
            if q.speaker is None and q.cue.idx >= q.end and q.cue.pos_ in ("VERB", "AUX"):
                # « … », a déclaré à l'AFP Jean Dupont: the name the parse hung on the addressee
                q.speaker = self._after_cue(doc, hi, actors)
        tok = q.speaker
        if tok is not None and tok.lower_ == "-t" and tok.i + 1 < len(doc):
            tok = q.speaker = doc[tok.i + 1]
        in_phrase = q.cue is not None and q.cue.lower_ in SELON | {"d'", "d’", "pour"} and tok is not None and 0 < tok.i - q.cue.i <= 8
        if tok is not None and q.cue_tokens is not None and "incise" in q.evidence and q.cue_tokens[0] <= tok.i:
            # the inverted subject of an incise the span runs over (« La situation, estime X, est
            # grave »): the incise is not the words, its subject speaks
            in_phrase = in_phrase or not any(t.text in (",", ";", ":") for t in doc[q.cue_tokens[1] : tok.i])
        if tok is not None and q.start <= tok.idx < q.end and not in_phrase:
            # the quote's own words ("nous …") do not name its speaker; the object of a "selon"
            # inside the span ("Le bilan, selon la préfecture, fait état …") does
            tok = q.speaker = None
            if q.cue is not None and q.cue.idx >= q.end and q.cue_tokens is not None:
                # « Chacun … » a déclaré le ministre, X: the subject the parse took from the words
                # is theirs; the speaker is the one after the cue
                tok = q.speaker = self._after_cue(doc, q.cue_tokens[1], actors)
        if tok is None:
            tok = q.speaker = self._reader_speaker(doc, q, actors)
            if tok is None:
                q.confidence = min(q.confidence, 0.4)
                return  # the text does not say who speaks: the speaker stays unknown
            q.evidence += "; speaker from context (most salient person)"
            q.confidence = min(q.confidence, 0.5)
        idx = actors.by_token.get(tok.i)
        if idx is None and (tok.lower_ in PERSONAL_SUBJECTS | STRESSED_THIRD_PERSON or INVERTED_CLITIC_RE.match(tok.text)):
            # a pronoun the actor layer left open ("ont-ils écrit", "précise-t-elle", "selon eux"): the
            # nearest agreeing speaker-like noun phrase before it
            antecedent = self._antecedent(doc, tok, q)
            if antecedent is not None:
                tok = q.speaker = antecedent
                idx = actors.by_token.get(tok.i)
        if idx is not None:
            mention = next((m for m in actors.entities[idx].mentions if m.start <= tok.i < m.end), None)
            if mention is not None:
                tok = q.speaker = doc[mention.start : mention.end].root  # its head, not "une"
        if idx is None or not actors.entities[idx].named:
            # "la ministre de l'Éducation Najat Vallaud-Belkacem", "le représentant de l'OMS,
            # Mohammed Belhocine": the person named in the speaker's noun phrase speaks
            clauses = {t.i for c in tok.children if c.dep_ in ("acl:relcl", "acl") for t in c.subtree}
            phrase = [
                t for t in tok.subtree
                if t.i not in clauses and abs(t.i - tok.i) <= 15 and not q.start <= t.idx < q.end
            ]
            # "le porte-parole de Barrow, Halifa Sannah": the apposition names the speaker,
            # the complement names someone else
            phrase.sort(key=lambda t: (0 if t.head == tok and (t.dep_ in ("appos", "flat:name") or doc_prev_is_comma(t)) else 1, t.i))
            people = [actors.by_token[t.i] for t in phrase if t.i in actors.by_token and actors.entities[actors.by_token[t.i]].named]
            others = [actors.by_token[t.i] for t in phrase if t.i in actors.by_token and abs(t.i - tok.i) <= 3]
            lo, hi = _noun_phrase(tok)
            name_at = apposed_name(doc, actors.entities, actors.by_token, lo, hi)
            appositive = doc[name_at] if name_at is not None else None
            named_by = next((
                c for c in tok.children
                if c.dep_ in ("nmod", "appos", "flat:name") and c.i in actors.by_token
                and not actors.entities[actors.by_token[c.i]].collective
                and (not any(g.dep_ == "case" for g in c.children) or tok.lemma_.lower() in speech_nouns())
                # a role noun is named by the person(s) in apposition, not by an organisation
                and (not is_role_noun(tok) or actors.entities[actors.by_token[c.i]].type == "PER"
                     or bool(actors.entities[actors.by_token[c.i]].members))
            ), None)
            if appositive is None and not people and named_by is not None:
                # "la chaîne américaine NBC", "le rapport de la CIA": the name is the source
                appositive = named_by
            if appositive is not None:
                tok, idx = appositive, actors.by_token[appositive.i]
            elif people:
                idx = people[0]
                tok = next(t for t in phrase if actors.by_token.get(t.i) == idx)
            elif idx is None and others and not is_role_noun(tok):
                idx = others[0]  # « le rapport de la CIA »; « le porte-parole du ministère » is not it
        if idx is not None:
            ent = actors.entities[idx]
            mention = next((m for m in ent.mentions if m.start <= tok.i < m.end), None)
            if mention is None:
                mention = next((m for m in ent.mentions if abs(m.start - tok.i) <= 3), None)
            q.speaker_entity = idx
            q.speaker_name = ent.name
            q.entity = ent
            q.speaker_tokens = (mention.start, mention.end) if mention else (tok.i, tok.i + 1)
            return
        lo, hi = _noun_phrase(tok)
        q.speaker_tokens = (lo, hi)
        q.speaker_name = doc[lo:hi].text
        if tok.lower_ in PERSONAL_SUBJECTS or INVERTED_CLITIC_RE.match(tok.text):
            q.confidence = min(q.confidence, 0.5)


def _after_appositions(doc: Doc, first: int, stop: int) -> int:
    """Where the words after "selon X," / "pour X," begin, past the comma-bounded phrases in
    apposition to X: a name ("Ban Ki-moon,"), a person noun phrase ("le président de Y
    (…),"), a participle or an adjective ("recherché en Europe et tenu à l'écart,")."""
    while first < stop:
        comma = next((t.i for t in doc[first:stop] if t.text == ","), None)
        if comma is None or comma + 1 >= stop:
            return first
        segment = doc[first:comma]
        head = next((t for t in segment if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "AUX")), None)
        if head is None:
            return first
        finite = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in segment)
        name = all(t.pos_ == "PROPN" or t.text == "-" for t in segment)
        # "le président de Y", "l'une des chercheuses du projet", "un scientifique péruvien …"
        # (a person noun the tagger reads as an adjective counts when the lexicon has it)
        described = segment[0].pos_ in ("DET", "NOUN", "PRON", "NUM") and (
            (head.pos_ == "NOUN" and _person_noun(head))
            or (head.pos_ == "ADJ" and head.lemma_.lower() in speaker_nouns())
        )
        qualified = segment[0].pos_ == "ADJ" or "Part" in segment[0].morph.get("VerbForm")
        if finite or not (name or described or qualified):
            return first
        first = comma + 1
    return first


NEGATION_PARTNERS = frozenset({"pas", "plus", "jamais", "rien", "guère", "point", "aucun", "aucune", "personne", "nullement"})


def _restrictive_ne(verb: Token) -> bool:
    """True when the verb's « ne » has no negation partner: « ne … que » (only), whose « que » opens
    no content clause ("n'ont été prévenus que mardi")."""
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    words = {c.lower_ for g in group for c in g.children}
    return bool(words & {"ne", "n'", "n’"}) and not words & NEGATION_PARTNERS


# a comma-led segment inside quote marks that may be an incise: up to the next comma, or to the end
# of its sentence when the quotation goes on after it (« A, a déclaré le maire. B »), not at the
# point of an initial (« M. Dupont »)
INCISE_SEGMENT_RE = re.compile(r",\s*([^,«»\n]{2,60}?)(?=,|(?<![\s.][A-ZÉ])[.!?…]\s+\S)")


def _actor_type(actors: Actors, tok: Token) -> str | None:
    """The entity type of the actor `tok` mentions, or None."""
    ent = actors.entity_at(tok.i)
    return ent.type if ent is not None else None


def _sentence_in_paragraph(tokens: Span) -> tuple[int, int]:
    """Token range of the sentence holding `tokens`, cut at paragraph breaks (the parser may run
    a sentence over a blank line: a heading, or a paragraph opened by quote marks)."""
    doc = tokens.doc
    sent = tokens[0].sent
    lo = next((t.i + 1 for t in reversed(doc[sent.start : tokens.start]) if "\n" in t.text), sent.start)
    hi = next((t.i for t in doc[tokens.end : max(sent.end, tokens.end)] if "\n" in t.text), max(sent.end, tokens.end))
    return lo, hi


def _verb_by_position(tok: Token) -> bool:
    """True when the word's place makes it a finite verb whatever its tag: right after a reflexive
    clitic (« s'indigne ») or right before an inverted subject clitic (« claironne-t-il »)."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (tok.i > 0 and doc[tok.i - 1].lower_ in REFLEXIVES) or (
        after is not None and (after.lower_ == "-t" or bool(INVERTED_CLITIC_RE.match(after.text)))
    )


def _is_word(tok: Token) -> bool:
    """A word, hyphenated compounds included: « peut-être », « vis-à-vis », « entre-deux-tours »
    count as one word each (``Token.is_alpha`` refuses them, which cut short the word counts)."""
    text = tok.text
    return any(c.isalpha() for c in text) and all(c.isalpha() or c in HYPHENS for c in text)


HYPHENS = frozenset("-‐‑")


def _nominal(tok: Token) -> bool:
    """A noun, a name, a pronoun, or an adjective used as a noun ("plusieurs officiels")."""
    return tok.pos_ in ("NOUN", "PROPN", "PRON") or (tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children))


def _incise_filler(tok: Token) -> bool:
    """What may stand between an incise's auxiliary and participle: "a-t-elle ainsi concédé"."""
    return tok.pos_ == "ADV" or tok.lower_ == "-t" or bool(INVERTED_CLITIC_RE.match(tok.text))


def _participle_after(aux: Token) -> Token | None:
    """The past participle an auxiliary introduces, past clitics and adverbs: "a-t-il aussi dit"."""
    doc = aux.doc
    for t in doc[aux.i + 1 : min(len(doc), aux.i + 5)]:
        if t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm"):
            return t
        if not _incise_filler(t):
            return None
    return None


def _after_infinitive_marks(inf: Token) -> int:
    """First token of an infinitive clause, after its 'de'/'à' marks ('entre autres de faire')."""
    marks = [c.i for c in inf.children if c.dep_ == "mark" and c.i < inf.i and c.lower_ in ("de", "d'", "d’", "à")]
    if marks:
        return max(marks) + 1
    return min(t.i for t in inf.subtree)


def _person_noun(tok: Token) -> bool:
    """A common noun naming people or an institution: in the speaker lexicon, or an agent noun."""
    nouns = speaker_nouns()
    # acronyms keep their capitals in the lexicon ("ONG"), which the lemmatizer lowercases
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns or tok.text in nouns or bool(AGENT_SUFFIX_RE.search(tok.lower_))


def _trim_punct(tokens: list[Token]) -> list[Token]:
    """`tokens` without the punctuation at either end, quote marks and a closing bracket kept."""
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].is_punct and tokens[lo].text not in ("«", "“"):
        lo += 1
    while hi > lo and tokens[hi - 1].is_punct and tokens[hi - 1].text not in ("»", "”", ")"):
        hi -= 1
    return tokens[lo:hi]


def _short_connector(tokens: Span) -> bool:
    """A sentence adverbial before a comma: 'Cela dit', 'Toutefois', 'Par ailleurs', 'Mais'."""
    words = [t for t in tokens if not t.is_punct]
    return 0 < len(words) <= 3 and not any(t.pos_ in ("NOUN", "PROPN") for t in words)


def _infinitive_follows(doc: Doc, i: int, end: int) -> int | None:
    """Index of the infinitive starting at `i` after negation and clitics ('ne pas se …'), or None."""
    while i < end and doc[i].lower_ in ("ne", "n'", "n’", "pas", "plus", "jamais", "se", "s'", "s’", "y", "en", "le", "la", "les", "l'", "lui", "leur"):
        i += 1
    if i < end and "Inf" in doc[i].morph.get("VerbForm"):
        return i
    return None


def _owner_verb(clause: Token) -> Token | None:
    """The verb a clause depends on, climbing over nouns (None at the root)."""
    tok = clause.head
    while tok != tok.head and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok if tok != clause and tok.pos_ in ("VERB", "AUX") else None


def _passive_without_agent(verb: Token) -> bool:
    """'X est accusé de …' with no 'par Y': the subject is who the words are about."""
    children = list(verb.children)
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass") for c in children) or (
        # "Qualifié de « charismatique », il …": a bare participle said of the subject
        "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and verb.dep_ != "conj"
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in children)
        # not one of a series under an earlier auxiliary ("a qualifié …, évoqué des « … »")
        and not any(t.dep_ == "aux:tense" for t in verb.sent if t.i < verb.i)
    )
    return passive and not any(c.dep_ == "obl:agent" for c in children)


def _finite_or_aux(verb: Token) -> bool:
    """A finite verb or one with an auxiliary: incises are ("déclare X", "a déclaré X")."""
    if "Fin" in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children):
        return True
    doc = verb.doc
    if verb.i + 1 < len(doc) and (INVERTED_CLITIC_RE.match(doc[verb.i + 1].text) or doc[verb.i + 1].lower_ == "-t"):
        return True  # "dit-il", "lâche-t-il": a participle never takes an inverted subject (tagged Part)
    if verb.dep_ == "conj" and "Part" in verb.morph.get("VerbForm") and any(c.dep_.startswith("aux") for c in verb.head.children):
        return True  # "avait appelé à la prudence et demandé aux riverains de …": a shared auxiliary
    # the auxiliary the parser hung elsewhere: "a-t-elle ainsi concédé"
    for t in reversed(doc[max(0, verb.i - 4) : verb.i]):
        if t.lemma_ in ("avoir", "être") and "Fin" in t.morph.get("VerbForm"):
            return True
        if not _incise_filler(t):
            return False
    return False


def doc_prev_is_comma(tok: Token) -> bool:
    """True when a comma stands just before the verb group of `tok` (an incise)."""
    i = _group_start(tok) - 1
    return i >= 0 and tok.doc[i].text == ","


# clitics that stand before a finite verb or its auxiliary, inside the verb group: the reflexive of a
# pronominal verb (« s'est agacé », « s'emporte-t-elle ») and object clitics (« lui a répondu »,
# « nous a-t-il confié »); never the subject of an incise, whose subject follows the verb
PREVERBAL_CLITICS = OBJECT_CLITICS | {"nous", "vous", "m’", "t’"}


def _group_start(verb: Token) -> int:
    """Index of the first token of the verb group of `verb`: its auxiliaries, the inverted clitic
    between them, and the clitics and negation before them (« ne lui a-t-il pas dit »)."""
    doc = verb.doc
    i = cue_label(verb)[1][0]  # the auxiliary, across adverbs: "a aussi expliqué"
    while i > 0 and (
        doc[i - 1].pos_ == "AUX" or doc[i - 1].lower_ == "-t" or INVERTED_CLITIC_RE.match(doc[i - 1].text)
        or (doc[i - 1].lower_ in PREVERBAL_CLITICS and doc[i - 1].pos_ in ("PRON", "ADV"))
    ):
        i -= 1
    return i


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by `tok`, without relative clauses or punctuation."""
    keep = [tok.i]
    for child in tok.children:
        if child.dep_ in ("det", "amod", "nmod", "flat:name", "compound", "case", "nummod", "appos") and abs(child.i - tok.i) <= 6:
            keep.extend(t.i for t in child.subtree if not t.is_punct)
    lo, hi = min(keep), max(keep) + 1
    doc = tok.doc
    while lo < tok.i and doc[lo].pos_ == "ADP":
        lo += 1
    return lo, hi


def _connective_phrase(tokens: list[Token]) -> bool:
    """True for a short verbless adverbial phrase ("D'autre part", "Par ailleurs", "En outre")
    whose head modifies the clause (obl:mod / advmod), not its subject ("Le bilan, selon …")."""
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > 3 or any(t.pos_ in ("VERB", "AUX", "PROPN", "PRON") for t in words):
        return False
    heads = [t for t in words if t.head.i not in {w.i for w in words}]
    return bool(heads) and all(t.dep_ in ("obl:mod", "advmod", "cc") for t in heads)


def _object_controller(verb: Token) -> Token | None:
    """The object of an object-control verb that does what its infinitive `verb` says (« a
    permis à la ministre de déclarer », « a conduit le Conseil à exprimer »), else None."""
    head = verb.head
    if verb.dep_ != "xcomp" or head == verb or head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return next(
        (c for c in head.children if c.dep_ in ("obj", "iobj", "obl:arg") and c.i < verb.i and c.pos_ in ("NOUN", "PROPN", "PRON")),
        None,
    )


# subordinators of a clause whose speech act has not happened ("avant qu'il n'annonce …", "sans que …")
UNSAID_MARKS = frozenset({"avant", "sans"})


def _unsaid(verb: Token) -> bool:
    """True when the reporting verb tells of no speech by anyone: in a clause of time to come or
    of absence (« avant que le président ait annoncé si … », « sans qu'il le dise »), or an
    impersonal passive (« il est largement estimé que … »: said by nobody in particular)."""
    if any(c.dep_ == "mark" and c.lower_ in UNSAID_MARKS for c in verb.children):
        return True
    return (
        "Part" in verb.morph.get("VerbForm")
        and any(c.dep_.startswith("aux") and c.lemma_ == "être" for c in verb.children)
        and any(c.dep_ in ("nsubj", "expl:subj", "nsubj:pass") and c.lower_ == "il" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ == "obl:agent" for c in verb.children)
    )


def _addressee(tok: Token) -> bool:
    """True when `tok` heads (or is) the phrase of whom one speaks to (« a indiqué au Monde »,
    « à l'AFP », « devant la presse »): not the speaker, unlike « selon X » or « du directeur »."""
    head = tok.head if tok.dep_ == "flat:name" else tok
    return tok.lower_ in ADDRESSEE_CASES or any(c.dep_ == "case" and c.lower_ in ADDRESSEE_CASES for c in head.children)


ADDRESSEE_CASES = frozenset({"à", "au", "aux", "auprès", "devant"})


def _verb_tagged_noun(tok: Token) -> bool:
    """True for a verb the tagger read as a noun (« Elle juge que … », « juge » tagged NOUN):
    a personal pronoun is its subject."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "nsubj" and c.i == tok.i - 1 and c.lower_ in PERSONAL_SUBJECTS for c in tok.children
    )


# verbs of shouting: what they govern in marks is said, even a capitalised formula (« Allah Akbar »)
SHOUT_VERBS = frozenset({"crier", "s'écrier", "hurler", "scander", "clamer", "vociférer"})


def _shouted(doc: Doc, span: MarkedSpan) -> bool:
    """True when a verb of shouting stands right before the opening mark (« il a crié « … » »)."""
    before = doc.char_span(max(0, span.open_at - 30), span.open_at, alignment_mode="contract")
    last = next((t for t in reversed(before or []) if not t.is_space), None)
    return last is not None and last.pos_ == "VERB" and last.lemma_.lower() in SHOUT_VERBS


def _sentence_wording(doc: Doc, span: MarkedSpan) -> bool:
    """True for the wording of a court's sentence after « condamné à » (« il est condamné à « trois
    mois d'emprisonnement avec sursis » »): the judgment's terms, not someone's words."""
    before = doc.char_span(max(0, span.open_at - 40), span.open_at, alignment_mode="contract")
    toks = [t for t in (before or []) if not t.is_space and t.pos_ != "ADV"]
    return len(toks) >= 2 and toks[-1].lower_ in ("à", "au", "aux") and toks[-2].lower_.startswith("condamn")


CLAUSE_OPENERS = frozenset(".!?…:—–\n")


def _opens_clause(text: str, open_at: int) -> bool:
    """True when the mark at `open_at` stands where a clause starts: at the start of the text or
    of a paragraph, after a sentence's end (« A. » « B »), or after a colon or a dash."""
    before = text[:open_at].rstrip(" \t\u00a0\u202f\u2009")
    if not before:
        return True
    last = before[-1]
    if last in ("»", "”", '"'):
        return before[:-1].rstrip()[-1:] in (".", "!", "?", "…")
    return last in CLAUSE_OPENERS


def _parenthesized(doc: Doc, span: MarkedSpan) -> bool:
    """True when the marks stand alone inside round brackets: « ( « … » ) »."""
    text = _text(doc)
    if span.close_at is None:
        return False
    return text[: span.open_at].rstrip().endswith("(") and text[span.close_at + 1 :].lstrip().startswith(")")

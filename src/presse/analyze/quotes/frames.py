"""Source frames: « selon X », « d'après X », « pour X », « comme l'a dit X ».

A frame names the source of the rest of its sentence without a reporting verb of its own
(« Selon la préfecture, le bilan s'alourdit », « Pour le procureur, l'affaire est close »,
« …, comme l'a annoncé le ministre »). Each finder takes the frame's first token and returns
the indirect quotation of the framed words with the source as speaker, or None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import cue_of
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import (
    QUE,
    RELATIVE_OPENERS,
    STRESSED_VIEW_PRONOUNS,
    VIEW_HOLDERS,
    is_word,
    nominal,
    trim_punct,
)
from presse.analyze.subjects import NON_SPEAKER_PRONOUNS, person_noun
from presse.analyze.verb_groups import finite_or_aux
from presse.lexicons import function_words, quote_words, speaker_nouns, speech_nouns

# heads of a quantity whose "de" complement says who speaks ("la plupart des témoins")
QUANTITY_NOUNS = quote_words()["quantity_noun"]
_NOT_SOURCES = function_words()["non_source_pronoun"]


def comme(ctx: QuoteContext, tok: Token) -> QuoteRec | None:
    """'…, comme l'a annoncé X.' / 'Comme l'indique X, …': the rest of the sentence is what X
    said (the neuter « l' » stands for it)."""
    doc = ctx.doc
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
    body = trim_punct([t for t in sent if not (tok.i <= t.i <= end) and not t.is_space])
    if len([t for t in body if is_word(t)]) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in body):
        return None
    if not (body[-1].i < tok.i or body[0].i > end):
        return None  # the comme-clause sits inside the words: not a frame of the whole
    if any(cue_of(t) is not None and finite_or_aux(t) for t in body if t.pos_ in ("VERB", "AUX")):
        return None  # "comme le rapporte Le Figaro, X a déclaré que …": X's report is read on its own
    return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: comme l'a dit X", 0.75, cue=verb, speaker=speaker)


def selon(ctx: QuoteContext, tok: Token) -> QuoteRec | None:
    """'Selon X, …' / '…, d'après X.' / '…, selon X, qui ajoute …': X's words are the rest of
    the sentence, the part before the phrase when it closes the sentence or is followed by
    a relative clause about X."""
    doc = ctx.doc
    sent = tok.sent
    if tok.i + 2 < sent.end and doc[tok.i + 1].lower_ == "ce" and doc[tok.i + 2].lower_ in QUE:
        # "selon ce que rapportent des médias belges, …": the reporting verb's subject
        verb = doc[tok.i + 2].head
        obj = next((c for c in verb.children if c.dep_ in ("nsubj", "obj") and c.i > verb.i), None)
    else:
        obj = tok.head if tok.head != tok and tok.head.i > tok.i and nominal(tok.head) else None
        if obj is None:
            # the parser often misattaches "selon": take the first nominal word after it
            following = doc[tok.i + 1 : tok.i + 5]
            obj = next((t for t in following[: next((k for k, t in enumerate(following) if t.is_punct), 4)] if nominal(t)), None)
    if obj is None or obj.lower_ in _NOT_SOURCES:
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
        close = after_appositions(doc, close + 1, stop) - 1
    phrase_end = close if close is not None else stop
    prefix = trim_punct([t for t in doc[start:lo] if not t.is_space])
    if all(t.pos_ in ("ADV", "CCONJ", "PUNCT") for t in prefix) or _connective_phrase(prefix):
        prefix = []  # "Toujours selon X, …", "D'autre part, selon X, …": a connective, not X's words
    elif prefix[-1].pos_ == "CCONJ" and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in prefix):
        prefix = []  # "Les causes demeurent inconnues, mais selon X, …": the journalist's clause
    rest = [t for t in doc[phrase_end + 1 : stop] if not t.is_space] if close is not None else []
    if rest and (rest[0].lower_ in RELATIVE_OPENERS
                 or (rest[0].lower_ == "pour" and len(rest) > 1 and rest[1].lower_ == "qui")):
        rest = []  # ", selon X, qui ajoute …": the relative describes X, it is not X's words
    elif rest and "Part" in rest[0].morph.get("VerbForm") and rest[0].dep_ == "acl":
        rest = []  # ", selon les propos de X, rapportés par Y": the participle describes the words
    if close is None and len([t for t in doc[tok.i : stop] if is_word(t)]) > 12:
        return _selon_by_tree(doc, tok, obj, speaker)
    body = trim_punct(prefix + rest if prefix else rest)
    if len([t for t in body if is_word(t)]) < 3:
        return None
    cue_tok = doc[lo]
    return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: selon/d'après X", 0.8, cue=cue_tok, speaker=speaker)


def _selon_by_tree(doc: Doc, tok: Token, obj: Token, speaker: Token) -> QuoteRec | None:
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
    body = trim_punct([t for t in sent if (t.i < lo or t.i > hi) and not t.is_space and t.i in scope])
    if len([t for t in body if is_word(t)]) < 3:
        return None
    start, end = body[0].idx, body[-1].idx + len(body[-1])
    cue_tok = doc[tok.i - 1] if tok.lower_ == "après" and tok.i > 0 else tok
    return QuoteRec(start, end, "indirect", "indirect: selon/d'après X", 0.8, cue=cue_tok, speaker=speaker)


def pour(ctx: QuoteContext, tok: Token) -> QuoteRec | None:
    """A stated view: 'Pour le procureur, …', '…; pour d'autres, …', 'l'ONU, pour qui …'.

    Only a person, an institution, a pronoun or 'certains'/'d'autres' holds a view; 'pour
    Kiev, …' (a place) and 'pour 2025, …' do not.
    """
    doc = ctx.doc
    sent = tok.sent
    before = doc[tok.i - 1] if tok.i > sent.start else None
    if tok.i + 1 >= len(doc):
        return None
    stop = next((t.i for t in doc[tok.i + 1 : sent.end] if t.text in (";", ":")), sent.end)
    if doc[tok.i + 1].lower_ == "qui" and before is not None and before.text == ",":
        holder = next(
            (t for t in reversed(doc[sent.start : before.i]) if t.pos_ in ("PROPN", "NOUN") or t.i in ctx.actors.by_token),
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
            (t for t in phrase if _holds_views(ctx, t)), None
        )
        first = comma + 1
    if holder is None:
        return None
    first = after_appositions(doc, first, stop)
    body = [t for t in doc[first:stop] if not t.is_space]
    while body and body[-1].is_punct and body[-1].text not in ("»", ")"):
        body.pop()
    if len([t for t in body if is_word(t)]) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in body):
        return None
    return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: pour X, (a stated view)", 0.6, cue=tok, speaker=holder)


def _holds_views(ctx: QuoteContext, tok: Token) -> bool:
    ent = ctx.actors.entity_at(tok.i)
    if ent is not None and not ent.collective:
        return ent.type in ("PER", "ORG")
    # a group known by a common noun ("un certain nombre d'observateurs") holds views as its noun allows
    return tok.lower_ in STRESSED_VIEW_PRONOUNS or (
        tok.pos_ == "NOUN" and ctx.plausible_speaker(tok)
    )


def after_appositions(doc: Doc, first: int, stop: int) -> int:
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
            (head.pos_ == "NOUN" and person_noun(head))
            or (head.pos_ == "ADJ" and head.lemma_.lower() in speaker_nouns())
        )
        qualified = segment[0].pos_ == "ADJ" or "Part" in segment[0].morph.get("VerbForm")
        if finite or not (name or described or qualified):
            return first
        first = comma + 1
    return first


def _short_connector(tokens: Span) -> bool:
    """A sentence adverbial before a comma: 'Cela dit', 'Toutefois', 'Par ailleurs', 'Mais'."""
    words = [t for t in tokens if not t.is_punct]
    return 0 < len(words) <= 3 and not any(t.pos_ in ("NOUN", "PROPN") for t in words)


def _connective_phrase(tokens: list[Token]) -> bool:
    """True for a short verbless adverbial phrase ("D'autre part", "Par ailleurs", "En outre")
    whose head modifies the clause (obl:mod / advmod), not its subject ("Le bilan, selon …")."""
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > 3 or any(t.pos_ in ("VERB", "AUX", "PROPN", "PRON") for t in words):
        return False
    heads = [t for t in words if t.head.i not in {w.i for w in words}]
    return bool(heads) and all(t.dep_ in ("obl:mod", "advmod", "cc") for t in heads)

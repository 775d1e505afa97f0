"""Source frames: « selon X », « d'après X », « à en croire X », « pour X », « comme l'a dit X ».

A frame names the source of the rest of its sentence without a reporting verb of its own
(« Selon la préfecture, le bilan s'alourdit », « Pour le procureur, l'affaire est close »,
« …, comme l'a annoncé le ministre »), before the words, after them or in their middle (« La
hausse, selon l'Insee, atteindra 2 % »). Each finder takes the frame's key token (the
preposition; « croire » of « à en croire ») and returns the indirect quotation of the framed
words with the source as speaker, or None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import cue_of
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import (
    QUE,
    RELATIVE_OPENERS,
    SELON,
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
# figures and documents whose "de" complement (or "par" agent) says who gives them
SOURCE_NOUNS = quote_words()["source_noun"]
_FRAME_VERBS = quote_words()["source_frame_verb"]
_NOT_SOURCES = function_words()["non_source_pronoun"]
_VIEW_CONJUNCTIONS = function_words()["view_conjunction"]
_TIME_NOUNS = quote_words()["time_noun"]


def is_source_frame(tok: Token) -> bool:
    """True for the key token of a source frame: « selon », « après » of « d'après », « croire »
    of « à en croire »."""
    return tok.lower_ in SELON or frame_start(tok) < tok.i


def frame_start(tok: Token) -> int:
    """The index of the first token of the frame whose key token is `tok` (« d' » of « d'après »,
    « à » of « à en croire »); `tok.i` itself for « selon »."""
    doc = tok.doc
    if tok.lower_ == "après" and tok.i > 0 and doc[tok.i - 1].lower_ in ("d'", "d’"):
        return tok.i - 1
    if tok.lemma_.lower() in _FRAME_VERBS and tok.i > 1 and doc[tok.i - 1].lower_ == "en" and doc[tok.i - 2].lower_ == "à":
        return tok.i - 2
    return tok.i


def time_phrase(tokens: list[Token]) -> bool:
    """A short verbless phrase of time before a comma (« Vers 16h45 », « Samedi », « Le 3 mai »):
    when the words were said or done, not words of anyone."""
    words = [t for t in tokens if not t.is_punct]
    return (
        0 < len(words) <= 4
        and not any(t.pos_ in ("VERB", "AUX") for t in words)
        and any(any(c.isdigit() for c in t.text) or t.lemma_.lower() in _TIME_NOUNS or t.lower_ in _TIME_NOUNS for t in words)
    )


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
    lo = frame_start(tok)
    if lo == tok.i - 2:
        # "à en croire le porte-parole": the verb's object is the source
        obj = next((c for c in tok.children if c.dep_ in ("obj", "nsubj") and c.i > tok.i and nominal(c)), None)
        if obj is None:
            obj = next((t for t in doc[tok.i + 1 : min(sent.end, tok.i + 5)] if nominal(t)), None)
    elif tok.i + 2 < sent.end and doc[tok.i + 1].lower_ == "ce" and doc[tok.i + 2].lower_ in QUE:
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
    speaker = _source_of(ctx, obj)
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
    if all(t.pos_ in ("ADV", "CCONJ", "PUNCT") for t in prefix) or _connective_phrase(prefix) or (close is not None and time_phrase(prefix)):
        # "Toujours selon X, …", "D'autre part, selon X, …": a connective, not X's words;
        # "Vers 16h45, selon X, …": when X spoke
        prefix = []
    elif prefix[-1].pos_ == "CCONJ" and any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in prefix):
        prefix = []  # "Les causes demeurent inconnues, mais selon X, …": the journalist's clause
    rest = [t for t in doc[phrase_end + 1 : stop] if not t.is_space] if close is not None else []
    if rest and (rest[0].lower_ in RELATIVE_OPENERS
                 or (rest[0].lower_ == "pour" and len(rest) > 1 and rest[1].lower_ == "qui")):
        rest = []  # ", selon X, qui ajoute …": the relative describes X, it is not X's words
    elif rest and "Part" in rest[0].morph.get("VerbForm") and rest[0].dep_ == "acl" and _has_verb(prefix):
        # ", selon les propos de X, rapportés par Y": the participle describes the words (a
        # verbless subject before the frame, "La hausse, selon l'Insee, atteindra …", keeps
        # the verb the tagger misread as a participle)
        rest = []
    if rest and prefix and doc[lo - 1].text == "," and _finite(prefix) and not _has_verb(rest):
        rest = []  # "…, à en croire les calculs de X, dans The Astronomical Journal.": where X wrote
    relative = _relative_before(prefix) if rest and close is not None else None
    if relative is not None:
        # "L'attaque, qui serait de nature terroriste, selon la police, aura fait …": X vouches
        # for the relative clause, the rest of the sentence is the journalist's
        prefix, rest = relative, []
    if close is None and len([t for t in doc[tok.i : stop] if is_word(t)]) > 12:
        return _selon_by_tree(doc, tok, obj, speaker)
    body = trim_punct(prefix + rest if prefix else rest)
    if len([t for t in body if is_word(t)]) < 3:
        return None
    cue_tok = doc[lo]
    return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: selon/d'après X", 0.8, cue=cue_tok, speaker=speaker)


def _has_verb(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _finite(tokens: list[Token]) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in tokens)


def _relative_before(prefix: list[Token]) -> list[Token] | None:
    """The comma-bounded relative clause closing `prefix` (« L'attaque, qui serait …, » before
    « selon X »), when the words before it hold no verb; else None."""
    commas = [k for k, t in enumerate(prefix) if t.text == ","]
    if not commas:
        return None
    clause = prefix[commas[-1] + 1 :]
    if not clause or clause[0].lower_ not in RELATIVE_OPENERS or _has_verb(prefix[: commas[-1]]) or not _has_verb(clause):
        return None
    return clause


def _source_of(ctx: QuoteContext, obj: Token) -> Token:
    """Who speaks in « selon <obj> »: `obj` itself, or for a document or a figure (« un rapport de
    l'ONU », « les chiffres du ministère », « les informations fournies par X ») the person or
    institution of its complement or its agent."""
    if obj.lemma_.lower() not in speech_nouns() | SOURCE_NOUNS:
        return obj
    doc = obj.doc
    # the complement, within the phrase (up to its first punctuation): "le tableau de bord
    # Ifop-Fiducial" names its source one noun further down
    end = next((t.i for t in doc[obj.i + 1 : obj.sent.end] if t.is_punct), obj.sent.end)
    for nmod in (c for c in obj.subtree if obj.i < c.i < end and c.dep_ in ("nmod", "appos", "flat:name") and c.pos_ in ("PROPN", "NOUN")):
        if nmod.head != obj and nmod.head.head != obj:
            continue
        if nmod.pos_ == "PROPN" or nmod.lemma_.lower() in speaker_nouns() or ctx.actors.entity_at(nmod.i) is not None:
            return nmod
    # else the agent of a participle ("les informations fournies par X"; not "des propos de X,
    # rapportés par l'AFP", whose speaker is X, found above)
    for child in obj.children:
        if child.dep_ == "acl" and "Part" in child.morph.get("VerbForm"):
            agent = next((a for a in child.children if a.dep_ == "obl:agent"), None)
            if agent is not None and ctx.plausible_speaker(agent):
                return agent
    return obj


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
    phrase[:0] = range(frame_start(tok), tok.i)
    lo, hi = phrase[0], phrase[-1]
    before = [t for t in sent if t.i < lo and not t.is_space and t.i in scope]
    if before and before[-1].text == "," and _finite(before):
        # "…, à en croire les calculs d'astronomes publiés mercredi dans X.": the words close
        # before the frame; what follows it describes the source
        scope = set(range(first, lo))
    body = trim_punct([t for t in sent if (t.i < lo or t.i > hi) and not t.is_space and t.i in scope])
    if len([t for t in body if is_word(t)]) < 3:
        return None
    start, end = body[0].idx, body[-1].idx + len(body[-1])
    cue_tok = doc[frame_start(tok)]
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
    lead: list[Token] = []
    stop = next((t.i for t in doc[tok.i + 1 : sent.end] if t.text in (";", ":")), sent.end)
    if doc[tok.i + 1].lower_ == "qui" and before is not None and before.text == ",":
        holder = next(
            (t for t in reversed(doc[sent.start : before.i]) if t.pos_ in ("PROPN", "NOUN") or t.i in ctx.actors.by_token),
            None,
        )
        first = tok.i + 2
    else:
        left = [t for t in doc[sent.start : before.i] if not t.is_space] if before is not None else []
        connector = before is not None and before.text == "," and (_short_connector(doc[sent.start : before.i]) or time_phrase(left))
        # "…, car pour lui, …", "mais pour le procureur, …": a conjunction opens the view
        joined = before is not None and before.lower_ in _VIEW_CONJUNCTIONS
        if before is not None and before.text == "," and not connector and _subject_before(left):
            lead = left  # "Cette réforme est, pour la CGT, une provocation": the view runs round the frame
        if before is not None and before.text not in (";", ":", "—", "–", "-") and not (connector or joined or lead):
            return None  # "Cela dit, pour le procureur, …" opens a view; "…, pour le match" does not
        comma = _phrase_comma(doc, tok.i + 1, stop)
        if comma is None:
            return None
        phrase = [t for t in doc[tok.i + 1 : comma] if not _in_brackets(t)]
        if any(t.pos_ in ("VERB", "AUX") for t in phrase):
            return None  # "Pour la distraire, …": a purpose, not a view
        holder = next((t for t in phrase if t.lower_ in VIEW_HOLDERS), None) or next(
            (t for t in phrase if _holds_views(ctx, t)), None
        )
        first = comma + 1
    if holder is None:
        return None
    first = after_appositions(doc, first, stop)
    body = lead + [t for t in doc[first:stop] if not t.is_space]
    while body and body[-1].is_punct and body[-1].text not in ("»", ")"):
        body.pop()
    if len([t for t in body if is_word(t)]) < 4 or not _has_verb(body):
        return None
    return QuoteRec(body[0].idx, body[-1].idx + len(body[-1]), "indirect", "indirect: pour X, (a stated view)", 0.6, cue=tok, speaker=holder)


def _phrase_comma(doc: Doc, first: int, stop: int) -> int | None:
    """The comma that closes « pour X, » within six words of `first`, a parenthesis
    (« Pour l'ALN (Armée de Libération Nationale), … ») counting as one word."""
    words = 0
    for t in doc[first:stop]:
        if t.text == ",":
            return t.i
        if not _in_brackets(t):
            words += 1
        if words > 6:
            return None
    return None


def _in_brackets(tok: Token) -> bool:
    """True for a bracket or a token between brackets, on the token's own sentence."""
    doc = tok.doc
    if tok.text in ("(", ")"):
        return True
    opened = next((t.i for t in reversed(doc[tok.sent.start : tok.i]) if t.text in ("(", ")")), None)
    return opened is not None and doc[opened].text == "("


def _subject_before(left: list[Token]) -> bool:
    """True when the words before « , pour X, » are a subject, with or without its copula or
    auxiliary (« Cette réforme est », « La mesure »): the frame then sits inside the view."""
    words = [t for t in left if not t.is_punct]
    if not words or any(t.text in (",", ";", ":") for t in left) or len(words) > 8:
        return False
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
    nominal_head = any(t.pos_ in ("NOUN", "PROPN") or t.dep_.startswith("nsubj") for t in words)
    return nominal_head and all(v.i == words[-1].i and v.pos_ == "AUX" for v in verbs)


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
        # (not a count, "33 500 manifestants dans toute la France": what X says)
        counted = any(c.isdigit() for c in segment[0].text)
        described = not counted and segment[0].pos_ in ("DET", "NOUN", "PRON", "NUM") and (
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

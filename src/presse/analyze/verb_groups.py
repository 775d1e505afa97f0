"""The French verb group around a verb token: its auxiliaries, clitics and inverted subject clitic.

A verb group is the verb with the auxiliaries and clitics written with it (« lui a-t-il dit »,
« s'est agacé »). These functions read a parsed Doc only; they know no lexicon but the closed
word classes of ``lexicons/fr/function_words.tsv``. Quotations (incises: « a-t-il déclaré ») and
the subject finder (presse.analyze.subjects) share them.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from presse.lexicons import function_words

# an inverted subject clitic: « dit-il », « a-t-elle », « ont-ils »
INVERTED_CLITIC_RE = re.compile(r"^-(?:t-)?(?:il|elle|ils|elles|on)$", re.IGNORECASE)
REFLEXIVES = function_words()["reflexive"]
PREVERBAL_CLITICS = function_words()["preverbal_clitic"]


def auxiliary_start(verb: Token) -> int:
    """Index of the first auxiliary (within three words) or reflexive (within four) written before
    `verb`: « a déclaré », « s'est agacé »; `verb`'s own index when there is none."""
    lo = verb.i
    for child in verb.children:
        if child.dep_.startswith("aux") and child.i < verb.i and verb.i - child.i <= 3:
            lo = min(lo, child.i)
        if child.lower_ in REFLEXIVES and child.i < verb.i and verb.i - child.i <= 4:
            lo = min(lo, child.i)  # a pronominal verb is written with its reflexive: "s'est agacé"
    return lo


def group_start(verb: Token) -> int:
    """Index of the first token of the verb group of `verb`: its auxiliaries, the inverted clitic
    between them, and the clitics and « ne » before them (« ne lui a-t-il dit », « s'est-elle
    agacée »)."""
    doc = verb.doc
    i = auxiliary_start(verb)  # the auxiliary, across adverbs: "a aussi expliqué"
    while i > 0 and (
        doc[i - 1].pos_ == "AUX" or doc[i - 1].lower_ == "-t" or INVERTED_CLITIC_RE.match(doc[i - 1].text)
        or (doc[i - 1].lower_ in PREVERBAL_CLITICS and doc[i - 1].pos_ in ("PRON", "ADV"))
    ):
        i -= 1
    return i


def comma_before_group(tok: Token) -> bool:
    """True when a comma stands just before the verb group of `tok` (an incise)."""
    i = group_start(tok) - 1
    return i >= 0 and tok.doc[i].text == ","


def incise_filler(tok: Token) -> bool:
    """What may stand between an incise's auxiliary and participle: "a-t-elle ainsi concédé"."""
    return tok.pos_ == "ADV" or tok.lower_ == "-t" or bool(INVERTED_CLITIC_RE.match(tok.text))


def participle_after(aux: Token) -> Token | None:
    """The past participle an auxiliary introduces, past clitics and adverbs: "a-t-il aussi dit"."""
    doc = aux.doc
    for t in doc[aux.i + 1 : min(len(doc), aux.i + 5)]:
        if t.pos_ == "VERB" and "Part" in t.morph.get("VerbForm"):
            return t
        if not incise_filler(t):
            return None
    return None


def finite_or_aux(verb: Token) -> bool:
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
        if not incise_filler(t):
            return False
    return False


def verb_by_position(tok: Token) -> bool:
    """True when the word's place makes it a finite verb whatever its tag: right after a reflexive
    clitic (« s'indigne ») or right before an inverted subject clitic (« claironne-t-il »)."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (tok.i > 0 and doc[tok.i - 1].lower_ in REFLEXIVES) or (
        after is not None and (after.lower_ == "-t" or bool(INVERTED_CLITIC_RE.match(after.text)))
    )

"""Marks that hold no one's words: a name, a term, the legal name of a charge, a gloss.

Each predicate reads a marked span (``presse.analyze.quotemarks.MarkedSpan``) in its sentence
and says whether the marks name something rather than quote someone: « l'opération
« Sentinelle » », « une enquête pour « homicide volontaire » », « (« Le travail rend libre ») ».
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from presse.analyze.quotemarks import MarkedSpan
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import cue_of
from presse.analyze.quotes.records import doc_text
from presse.analyze.quotes.tokens import ARTICLES, CHARGE_LINKS, is_word
from presse.analyze.subjects import speaker_of
from presse.lexicons import naming_cues, quote_words

# verbs of shouting: what they govern in marks is said, even a capitalised formula (« Allah Akbar »)
SHOUT_VERBS = quote_words()["shout_verb"]


def names_charge(ctx: QuoteContext, span: MarkedSpan) -> bool:
    """True when the marks follow « pour » or « de » after a judicial word (naming_cues.txt,
    charges: "une enquête pour « … »", "soupçonné de « … »", "mis en examen pour « … »"), or
    continue a list of such charges ("« A », « B » et « C »")."""
    doc = ctx.doc
    if ctx.charge_end >= 0 and ctx.text[ctx.charge_end:span.open_at].strip(" ,") in ("", "et", "ou"):
        return True
    before = doc.char_span(max(0, span.open_at - 60), span.open_at, alignment_mode="contract")
    toks = [t for t in (before or []) if not t.is_space and t.pos_ != "ADV"]
    if len(toks) < 2 or toks[-1].lower_ not in CHARGE_LINKS:
        return False
    charges = naming_cues().charges
    return toks[-2].lower_ in charges or toks[-2].lemma_.lower() in charges


def naming_context(doc: Doc, span: MarkedSpan, tokens: Span) -> bool:
    """True when the marks hold a name or a term: 'l'opération « … »', 'baptisé « … »'."""
    cues = naming_cues()
    before = doc.char_span(max(0, span.open_at - 40), span.open_at, alignment_mode="contract")
    last = next((t for t in reversed(before or []) if not t.is_space), None)
    # "…, l'une des chercheuses du projet, « … »": punctuation parts the marks from the noun
    prev_words = [] if last is not None and last.is_punct else [t for t in (before or []) if is_word(t)][-3:]
    for t in prev_words[-2:]:
        if t.lower_ in cues.verbs or t.lemma_.lower() in cues.verbs:
            return True
    if prev_words and (prev_words[-1].lower_ in cues.nouns or prev_words[-1].lemma_.lower() in cues.nouns):
        return True
    words = [t for t in tokens if is_word(t)]
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


def noun_has_speaker(ctx: QuoteContext, noun: Token) -> bool:
    """True when a speech noun names whose words it holds: a possessive (« son appel »), a
    complement (« l'affirmation du député », « la déclaration de Marseille » is not one: a
    place), the subject of its light verb (« X a lancé un appel à »), or a reporting verb
    with a subject between it and the marks (« une tribune dans laquelle elle demande »)."""
    marks_at = next((a for a, _b in ctx.quoted if a > noun.idx), len(ctx.text))
    between = [t for t in noun.doc[noun.i + 1 :] if t.idx < marks_at]
    if any(cue_of(t) is not None and speaker_of(t, ctx.in_quote) is not None for t in between if t.pos_ in ("VERB", "AUX")):
        return True
    for child in noun.subtree:
        if child.head.i == noun.i and child.dep_ == "det" and "Yes" in child.morph.get("Poss"):
            return True
        if child.dep_ in ("nmod", "acl") and child.i > noun.i and not ctx.in_quote(child):
            who = child if child.dep_ == "nmod" else speaker_of(child, ctx.in_quote)
            entity = ctx.actors.entity_at(who.i) if who is not None else None
            if who is not None and ctx.plausible_speaker(who) and (entity is None or entity.type in ("PER", "ORG")):
                return True
    if noun.dep_ in ("obj", "nsubj:pass") and noun.head.pos_ in ("VERB", "AUX"):
        who = speaker_of(noun.head, ctx.in_quote)
        return who is not None and ctx.plausible_speaker(who)
    return False


def passive_without_agent(verb: Token) -> bool:
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


def shouted(doc: Doc, span: MarkedSpan) -> bool:
    """True when a verb of shouting stands right before the opening mark (« il a crié « … » »)."""
    before = doc.char_span(max(0, span.open_at - 30), span.open_at, alignment_mode="contract")
    last = next((t for t in reversed(before or []) if not t.is_space), None)
    return last is not None and last.pos_ == "VERB" and last.lemma_.lower() in SHOUT_VERBS


def sentence_wording(doc: Doc, span: MarkedSpan) -> bool:
    """True for the wording of a court's sentence after « condamné à » (« il est condamné à « trois
    mois d'emprisonnement avec sursis » »): the judgment's terms, not someone's words."""
    before = doc.char_span(max(0, span.open_at - 40), span.open_at, alignment_mode="contract")
    toks = [t for t in (before or []) if not t.is_space and t.pos_ != "ADV"]
    return len(toks) >= 2 and toks[-1].lower_ in ("à", "au", "aux") and toks[-2].lower_.startswith("condamn")


def parenthesized(doc: Doc, span: MarkedSpan) -> bool:
    """True when the marks stand alone inside round brackets: « ( « … » ) »."""
    text = doc_text(doc)
    if span.close_at is None:
        return False
    return text[: span.open_at].rstrip().endswith("(") and text[span.close_at + 1 :].lstrip().startswith(")")

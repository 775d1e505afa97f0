"""Reports addressed to someone, with what they are told to do: object control.

« X a appelé / exhorté / invité / incité Y à + infinitive », « X a menacé Y de + infinitive or
noun phrase », « X a demandé à Y de + infinitive », « X accuse Y d'avoir … »: X speaks, Y is the
addressee, and the infinitive clause (or the noun phrase after « de ») is what X said. The parser
often hangs that clause on Y (« la direction de bloquer », « l'Italie de sanctions ») instead of
the verb, so the clause is read by position: after Y and its modifiers, the first « à » / « de ».

The verbs are lexicon sets (``quote_words.tsv``: ``addressee_control_verb``; those whose « de »
may govern a noun phrase, ``addressee_np_verb``).
"""

from __future__ import annotations

from spacy.tokens import Token

from presse.analyze.quotes.clauses import clause_rec, infinitive_end
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import unsaid
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import DE
from presse.analyze.subjects import speaker_of
from presse.analyze.verb_groups import finite_or_aux
from presse.lexicons import function_words, quote_words

_CONTROL_VERBS = quote_words()["addressee_control_verb"]
_NP_VERBS = quote_words()["addressee_np_verb"]
_TO = function_words()["preposition_à"]
_BEFORE_INFINITIVE = function_words()["before_infinitive"]
# « de » contracted with the article: a complement inside the addressee's phrase, not what is said
_OF_THE = function_words()["preposition_de"] - DE
# what may stand inside the addressee's phrase before « à » / « de »
_PHRASE_POS = ("DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON")


def object_control(ctx: QuoteContext, verb: Token) -> QuoteRec | None:
    """What X tells Y to do in « X a appelé Y à … » / « X a menacé Y de … » (see the module),
    or None."""
    if verb.lemma_.lower() not in _CONTROL_VERBS or not finite_or_aux(verb):
        return None
    addressee = _addressee(verb)
    if addressee is None:
        return None
    doc = ctx.doc
    end = verb.sent.end
    marker = _content_start(addressee)
    if marker is None:
        return None
    i = marker.i
    noun_phrase = marker.lower_ in DE and verb.lemma_.lower() in _NP_VERBS
    j = i + 1
    while j < end and doc[j].lower_ in _BEFORE_INFINITIVE:
        j += 1
    if j >= end:
        return None
    head = doc[j]
    if "Inf" in head.morph.get("VerbForm"):
        # "d'être responsables": the copula's head is the attribute
        clause = head.head if head.dep_ == "cop" else head
        last = infinitive_end(clause)
        return clause_rec(ctx, verb, clause, i + 1, "indirect: reporting verb + addressee + infinitive", 0.7, last=last)
    if noun_phrase and head.pos_ in ("DET", "NOUN", "ADJ", "NUM"):
        noun = head if head.pos_ == "NOUN" else next((t for t in doc[j:end] if t.pos_ == "NOUN"), None)
        if noun is None:
            return None
        last = max(t.i for t in noun.subtree if t.i >= j)
        while last > j and doc[last].is_punct:
            last -= 1
        if unsaid(verb) or any(ctx.in_quote(t) for t in doc[j : last + 1]):
            return None  # (words in marks are a quotation of their own)
        # one word is enough here (« menace le pays de sanctions »)
        return QuoteRec(
            doc[j].idx, doc[last].idx + len(doc[last]), "indirect", "indirect: reporting verb + addressee + noun phrase", 0.65,
            cue=verb, speaker=speaker_of(verb, ctx.in_quote),
        )
    return None


def _addressee(verb: Token) -> Token | None:
    """The person addressed: the direct object after the verb (« appelle les Français »), or the
    « à » complement (« a demandé au gouvernement »)."""
    for child in sorted(verb.children, key=lambda t: t.i):
        if child.i < verb.i or child.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if child.dep_ == "obj":
            return child
        if child.dep_ in ("obl:arg", "iobj", "obl") and any(c.dep_ == "case" and c.lower_ in _TO for c in child.children):
            return child
    return None


def _content_start(addressee: Token) -> Token | None:
    """The first « à » / « de » after the addressee's head word, past the words of its phrase
    (determiners, adjectives, names, and a « de » complement that is a name: « le ministre de
    l'Intérieur »)."""
    doc = addressee.doc
    end = addressee.sent.end
    for t in doc[addressee.i + 1 : end]:
        if t.lower_ in DE | _TO:
            named = next((w for w in doc[t.i + 1 : min(end, t.i + 3)] if w.pos_ != "DET"), None)
            if named is None or not named.text[:1].isupper():
                return t
            continue
        if t.pos_ not in _PHRASE_POS and t.text not in (",", "-") and t.lower_ not in _OF_THE:
            return None  # (« les habitants du quartier à … »: a complement of the addressee)
    return None

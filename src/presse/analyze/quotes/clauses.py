"""Que-clauses and infinitives: the content clause of a reporting verb.

« X a déclaré que … », « X a promis de … », « X a annoncé pouvoir … », « X laisse entendre que … »,
« a annoncé sa volonté de … »: the clause is what X said. :func:`content_clause` reads the parse;
where the parser hung the clause elsewhere, the words after the verb are read by position
(:func:`adjacent_clause`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import cue_label, cue_of, restrictive_ne, unsaid
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.tokens import (
    CLAUSE_PREPOSITIONS,
    CLITIC_OBJECTS,
    DE,
    MONTHS_AND_DAYS,
    QUE,
)
from presse.analyze.subjects import SUBJECT_DEPS, speaker_of
from presse.analyze.verb_groups import finite_or_aux
from presse.lexicons import CueVerb, function_words, quote_words, reporting_verbs

INTENT_NOUNS = quote_words()["intent_noun"]
_OCCASION_VERBS = quote_words()["speech_occasion_verb"]
_BEFORE_INFINITIVE = function_words()["before_infinitive"]


def content_clause(ctx: QuoteContext, verb: Token, cue: CueVerb) -> QuoteRec | None:
    """'X a déclaré que …' / 'X a promis de …' / 'X laisse entendre que …'."""
    holder = verb
    for child in verb.children:
        if child.dep_ == "xcomp" and f"{verb.lemma_} {child.lemma_}".lower() in reporting_verbs():
            holder = child
    infinitives: list[Token] = []
    restrictive = restrictive_ne(verb)
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
            return clause_rec(ctx, verb, child, start_tok, "indirect: reporting verb + que-clause", 0.85)
        infinitive = "Inf" in child.morph.get("VerbForm") or any(
            a.dep_.startswith("aux") and "Inf" in a.morph.get("VerbForm") for a in child.children
        )
        if child.dep_ in ("obj", "obl:arg") and child.lemma_.lower() in INTENT_NOUNS:
            # "a annoncé sa volonté de poursuivre …": the intention is what is reported
            inf = next((c for c in child.children if c.dep_ == "acl" and "Inf" in c.morph.get("VerbForm")), None)
            if inf is not None:
                return clause_rec(ctx, verb, inf, inf.i, "indirect: reporting verb + intention + infinitive", 0.7)
        purpose = any(c.dep_ in ("mark", "case") and c.lower_ in CLAUSE_PREPOSITIONS for c in child.children)
        if child.dep_ in ("xcomp", "ccomp", "obj") and child.pos_ in ("VERB", "AUX") and infinitive and _takes_infinitive(cue, child) and not purpose:
            # not "l'avait appelée pour lui dire …": a purpose clause is not what is reported
            infinitives.append(child)
    said = finite_or_aux(verb) or spoken_purpose(verb)
    if infinitives and (said or any(c.lower_ == "en" and c.i < verb.i for c in verb.children)):
        # "a annoncé pouvoir présenter …", "a promis de baisser …, de réduire …": one clause
        # from the first infinitive to the end of the last one
        first_inf = infinitives[0]
        first = _after_infinitive_marks(first_inf)
        last = max(infinitive_end(inf) for inf in infinitives)
        return clause_rec(ctx, verb, first_inf, first, "indirect: reporting verb + infinitive", 0.75, last=last)
    if not said:
        return None  # "croyant voir …", "craignant d'être …": a participle reports no one
    return adjacent_clause(ctx, verb, cue)


def adjacent_clause(ctx: QuoteContext, verb: Token, cue: CueVerb) -> QuoteRec | None:
    """A content clause the parser attached elsewhere: 'a déclaré à l'AFP avoir vu …',
    'a annoncé plus tard dans la journée qu'il acceptait …', 'ont nié … et prétendent que …'.

    Only adverbs, clitics and prepositional phrases may stand between the verb (or its
    particle) and the clause; a relative 'que' (the object of its clause) does not count.
    """
    doc = ctx.doc
    _label, (_lo, hi) = cue_label(verb)
    sent_end = verb.sent.end
    i = hi
    while i < sent_end:
        t = doc[i]
        if t.lower_ in QUE and restrictive_ne(verb):
            return None  # "ne sont intervenus que quelques heures plus tard": ne … que, no clause
        if t.lower_ in QUE:
            # a relative "que" that is the object of its clause refuses; one whose verb has
            # another object is a conjunction the parser misread ("dans un communiqué
            # qu'elle rembourserait les billets")
            conjunction = t.dep_ == "mark" or (
                t.dep_ == "obj" and (
                    any(c.dep_ == "obj" and c.i != t.i for c in t.head.children)
                    # "a réaffirmé lundi qu'il irait …": the clause is the verb's own complement;
                    # "à l'issue de l'entretien qu'il resterait …": a conditional after a
                    # circumstance is what was said (an object relative rarely is one)
                    or (t.head.head == verb and t.head.dep_ in ("ccomp", "xcomp", "obj"))
                    or "Cnd" in t.head.morph.get("Mood")
                )
            )
            if "que" in cue.frames and t.dep_ in ("punct", "dep", "fixed", "cc") and t.i + 1 < sent_end:
                # a parse that lost the clause ("a déclaré que c'était pour …" with "que"
                # as punctuation): the rest of the sentence, when it has a verb
                rest = doc[t.i + 1 : sent_end]
                if any(r.pos_ in ("VERB", "AUX") for r in rest):
                    return clause_rec(ctx, verb, rest.root, t.i + 1, "indirect: reporting verb + que-clause (by position)", 0.7, last=sent_end - 1)
            if "que" not in cue.frames or not conjunction or t.head.i <= t.i:
                return None
            clause = t.head
            if clause.pos_ not in ("VERB", "AUX") and not any(c.dep_ == "cop" for c in clause.children):
                return None
            owner = _owner_verb(clause)
            if owner is not None and owner != verb and owner.i > verb.i and cue_of(owner) is not None:
                return None  # the clause has a reporting verb of its own
            return clause_rec(ctx, verb, clause, i + 1, "indirect: reporting verb + que-clause (by position)", 0.75)
        j = _infinitive_follows(doc, i + 1 if t.lower_ in DE else i, sent_end)
        if j is not None:
            if "inf" not in cue.frames:
                return None
            head = doc[j] if doc[j].pos_ == "VERB" or doc[j].head == doc[j] else doc[j].head
            if head.i < j:
                return None
            last = max(t2.i for t2 in head.subtree)
            first = i + 1 if t.lower_ in DE else i
            return clause_rec(ctx, verb, head, first, "indirect: reporting verb + infinitive (by position)", 0.7, last=last)
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


def clause_rec(
    ctx: QuoteContext, verb: Token, clause: Token, first: int, evidence: str, conf: float, last: int | None = None
) -> QuoteRec | None:
    """The indirect quotation of `clause` from token `first` (to `last`, or the clause's end),
    trimmed of punctuation, with the speaker of `verb`; None when the verb reports no speech,
    the clause is in marks of its own or is less than two words."""
    doc, text = ctx.doc, ctx.text
    if unsaid(verb):
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
    words = text[start:end]
    if "»" in words and ("«" not in words or words.index("»") < words.index("«")):
        return None  # the cue is inside quote marks: those words are one direct quotation
    if words.count("«") != words.count("»"):
        # a clause boundary inside quote marks: extend to the closing mark when it is near
        close = text.find("»", end)
        if words.count("«") > words.count("»") and 0 <= close - end < 200 and "\n" not in text[end:close]:
            end = close + 1
    if len(re.findall(r"\w+", text[start:end])) < 2:
        return None
    speaker = speaker_of(verb, ctx.in_quote)
    return QuoteRec(start, end, "indirect", evidence, conf, cue=verb, speaker=speaker)


def spoken_purpose(verb: Token) -> bool:
    """True for a reporting infinitive that tells what its subject did say: the purpose of a
    verb of occasion (« il en a profité pour rappeler que … », « il l'avait appelée pour lui
    dire que … »); its speaker is the subject of that verb."""
    return (
        "Inf" in verb.morph.get("VerbForm")
        and verb.head != verb
        and verb.head.lemma_.lower() in _OCCASION_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "pour" for c in verb.children)
    )


def _takes_infinitive(cue: CueVerb, inf: Token) -> bool:
    """True when the cue reports an infinitive clause: its frames say so, or it is a pronominal
    verb of feeling with a « de » complement and the infinitive is marked by « de » (« s'est
    félicité d'avoir obtenu … », « se réjouit de voir … »)."""
    if "inf" in cue.frames:
        return True
    reflexive = cue.lemma.startswith(("se ", "s'", "s’"))
    return reflexive and "de" in cue.frames and any(c.dep_ == "mark" and c.lower_ in DE for c in inf.children)


def infinitive_end(inf: Token) -> int:
    """The last token of an infinitive clause, without a participle set off by a comma (« à se
    diriger vers République, suivis par … »: the participle tells of the addressees, not what
    they were told)."""
    doc = inf.doc
    last = max(t.i for t in inf.subtree)
    for child in inf.children:
        if child.dep_ == "advcl" and "Part" in child.morph.get("VerbForm") and child.i > inf.i and doc[child.i - 1].text == ",":
            last = min(last, child.i - 2)
    return last


def _after_infinitive_marks(inf: Token) -> int:
    """First token of an infinitive clause, after its 'de'/'à' marks ('entre autres de faire')."""
    marks = [c.i for c in inf.children if c.dep_ == "mark" and c.i < inf.i and c.lower_ in ("de", "d'", "d’", "à")]
    if marks:
        return max(marks) + 1
    return min(t.i for t in inf.subtree)


def _infinitive_follows(doc: Doc, i: int, end: int) -> int | None:
    """Index of the infinitive starting at `i` after negation and clitics ('ne pas se …'), or None."""
    while i < end and doc[i].lower_ in _BEFORE_INFINITIVE:
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

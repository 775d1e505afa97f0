"""Who does what a verb says: the grammatical subject of a verb, read from the dependency parse.

One finder for every layer that asks "who is the subject of this verb":

- :func:`subject_of` — the subject, carried from the governing verb through coordination,
  infinitive complements and adverbial clauses (« a balayé … et a remercié », « pour critiquer »);
  stance reads it.
- :func:`speaker_of` — the speaker of a reporting verb: the subject as above and through more
  relations (relative clauses, participles, object control), the agent of a passive, the
  inverted subject of an incise, a name fronted before a verb the parse left without subject;
  pronouns that name nobody (« ce », « on », « qui ») are skipped. Quotations read it.

Both take a parsed Doc's token and return a token of the same Doc, or None; neither looks at
actors or at quote marks, except through the ``in_quote`` predicate a caller may pass (a verb
inside a quotation is the speaker's words: its subject is not the speaker).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from spacy.tokens import Span, Token

from presse.analyze.verb_groups import INVERTED_CLITIC_RE, comma_before_group, finite_or_aux
from presse.lexicons import function_words, quote_words, speaker_nouns

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
# relations through which a verb without subject takes the subject of the verb it hangs on
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "ccomp", "parataxis", "acl:relcl"})
# the narrower climb of subject_of: coordination, infinitive complements, adverbial clauses
SUBJECT_CLIMB = frozenset({"conj", "xcomp", "advcl"})
NON_SPEAKER_PRONOUNS = function_words()["non_speaker_pronoun"]
QUE = function_words()["que"]
OBJECT_CONTROL = quote_words()["object_control_verb"]
# Agent-noun endings: a noun so formed names people (travailleur, manifestant, militant…)
# (-ant is left out: instant, montant, restaurant are not people)
AGENT_SUFFIX_RE = re.compile(r"(?:eur|euse|eurs|euses|trice|trices|iste|istes|ien|ienne|iens|iennes|ier|ière|iers|ières|aire|aires)$")


MAIN_CLAUSE_DEPS: Final = frozenset({"ROOT", "conj", "parataxis"})


def is_main_clause_subject(span: Span) -> bool:
    """True for the subject of a main clause (or a name in apposition to it: "l'ancien candidat
    Alain Juppé a annoncé"): the strongest antecedent for what follows."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].pos_ in ("AUX", "VERB"):
        # "… Alain Juppé a annoncé": a name right before the main verb is its subject, whatever
        # the parser made of a long noun phrase before it
        verb = doc[span.end] if doc[span.end].pos_ == "VERB" else doc[span.end].head
        if verb.dep_ in MAIN_CLAUSE_DEPS and any(c.dep_.startswith("nsubj") for c in verb.children):
            return True
    root = span.root
    for _ in range(3):
        if root.dep_ not in ("flat:name", "appos") or root.head == root:
            break
        root = root.head
    return root.dep_ in ("nsubj", "expl:subj") and (
        root.head.dep_ in MAIN_CLAUSE_DEPS or (root.head.head.dep_ == "ROOT" and root.head.dep_ == "advcl")
    )


def _never(_tok: Token) -> bool:
    return False


def subject_of(verb: Token) -> Token | None:
    """The subject of `verb`, carried from the governing verb through coordination, infinitive
    complements and adverbial clauses ("a balayé … et a remercié", "pour critiquer")."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ == "nsubj" or child.dep_ == "expl:subj":
                return child
        if current.dep_ in SUBJECT_CLIMB and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def person_noun(tok: Token) -> bool:
    """A common noun naming people or an institution: in the speaker lexicon, or an agent noun."""
    nouns = speaker_nouns()
    # acronyms keep their capitals in the lexicon ("ONG"), which the lemmatizer lowercases
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns or tok.text in nouns or bool(AGENT_SUFFIX_RE.search(tok.lower_))


def has_inverted_subject(verb: Token) -> bool:
    """True when the subject of `verb` follows it, as in an incise: a clitic (« dit-il », « a-t-elle
    ainsi concédé ») or a noun phrase (« déclare le ministre », « estime pour sa part X »)."""
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
    if not comma_before_group(verb) and any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return False  # "ils questionnaient …": the subject stands right before the verb
    if nxt is not None and nxt.lower_ == "pour" and doc[verb.i + 2 : verb.i + 4].text.lower() in ("sa part", "leur part"):
        nxt = doc[verb.i + 4] if verb.i + 4 < len(doc) else None  # "estime pour sa part Neil Hyatt"
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ in ("obj",)]
    if any(c.i > verb.i for c in subj):
        return True
    # an inverted NP subject often parses as the object: "déclare le ministre"
    return nxt is not None and nxt.pos_ in ("DET", "PROPN", "NOUN")


def object_controller(verb: Token) -> Token | None:
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


def fronted_name(verb: Token, in_quote: Callable[[Token], bool] = _never) -> Token | None:
    """A person or organisation named before a finite verb the parse left without subject
    (« Vers 10h30, Jacqueline Moreau, membre de …, affirme que … », the name hung on the
    time): the nearest name back to the sentence start, with no verb in between."""
    names: list[Token] = []
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.head.i == verb.i and t.dep_.startswith(("aux", "advmod", "expl")):
            continue  # the verb's own auxiliary, adverb or clitic: "X, …, a démenti"
        if t.pos_ in ("VERB", "AUX") or t.lower_ in QUE:
            break
        if t.pos_ == "PROPN" and t.ent_type_ in ("PER", "ORG") and not in_quote(t):
            names.append(t)
    # "Besancenot, leader du NPA, a appelé": the person first named, not the body of its title
    people = [t for t in names if t.ent_type_ == "PER"]
    return (people or names)[-1] if names else None


def relative_antecedent(relative: Token) -> Token:
    """The noun a « qui » relative clause says something of: « le policier X, qui affirme que … »;
    « le chef de mission de MSF pour la Syrie qui considère … »: the person noun the complements
    hang on."""
    antecedent = relative.head
    while antecedent.dep_ == "nmod" and antecedent.head != antecedent and not (
        (antecedent.pos_ == "PROPN" and antecedent.ent_type_ in ("PER", "ORG"))
        or (antecedent.pos_ == "NOUN" and person_noun(antecedent))
    ):
        antecedent = antecedent.head
    return antecedent


def _governing(tok: Token, verb: Token, in_quote: Callable[[Token], bool]) -> Token:
    """The token whose subject `tok` takes, one step up (a slip-tolerant climb), never a verb
    inside a quotation when `verb` is outside one."""
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head.head if tok.head.head != tok.head else tok.head
    elif tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
        # a verb coordinated to a noun is a parse slip ("ont rejeté l'offre et affirment …"):
        # its subject is the one of the verb above that noun
        tok = tok.head
        while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
            tok = tok.head
    else:
        tok = tok.head
    while in_quote(tok) and not in_quote(verb) and tok.head != tok:
        tok = tok.head
    return tok


def speaker_of(verb: Token, in_quote: Callable[[Token], bool] = _never) -> Token | None:
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
            return relative_antecedent(tok)
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in NON_SPEAKER_PRONOUNS), None)
        passive = any(c.dep_ == "aux:pass" for c in tok.children)
        if subj is not None and (subj.dep_ != "nsubj:pass" or not passive):
            return subj  # (a "passive" subject without a passive auxiliary is a parse slip)
        inverted = next((c for c in tok.children if c.i > tok.i and INVERTED_CLITIC_RE.match(c.text)), None)
        if inverted is not None:
            return inverted
        if tok == verb and subj is None and finite_or_aux(tok) and tok.dep_ == "ROOT":
            fronted = fronted_name(tok, in_quote)
            if fronted is not None:
                return fronted
        if finite_or_aux(tok):
            post = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("obj", "nsubj") and c.pos_ in ("NOUN", "PROPN") and has_inverted_subject(tok)), None)
            if post is not None and tok.i > 0 and comma_before_group(tok):
                return post
        if tok.dep_ == "acl" and "Fin" in tok.morph.get("VerbForm") and tok.sent.root.pos_ in ("NOUN", "PROPN") and tok.sent.root.i < tok.i:
            # a finite verb read as a modifier ("Une source proche du dossier ajoute à X que …"
            # with the noun as the root): the root noun phrase is its subject
            return tok.sent.root
        controller = object_controller(tok)
        if controller is not None:
            return controller
        gerund = tok.dep_ == "advmod" and "Part" in tok.morph.get("VerbForm") and tok.lower_.endswith("ant")
        if (tok.dep_ in CLIMB_DEPS or gerund) and tok.head != tok:  # ", estimant que …" read as an adverb
            tok = _governing(tok, verb, in_quote)
            continue
        return None
    return None

"""Who does an act and to whom: the agent and patients of a verb, read from the dependency parse.

The agent of an active verb is its subject as the one subject finder
(:func:`presse.analyze.subjects.subject_of`) reads it; this module adds the cases that finder
leaves out, so that the acts of the stance layer are read the same way wherever they stand:

- **passives**: the agent is the ``par`` complement (``obl:agent``), the patient the passive
  subject (« Y a été arrêté par X »), else the subject of the governing verb (« Y vient d'être
  condamné par X »);
- **participle clauses** without auxiliary, read as passives: a past participle hung on a noun or
  on the main clause takes as patient that noun or the main clause's subject (« une cinquantaine
  de manifestants bloqués par les CRS », « chassés par les policiers, les manifestants
  reviennent »); a present participle hung on a noun takes that noun as agent (« l'armée,
  accusant les rebelles »), one hung on a verb the verb's subject (the agent carried from the
  context: « X lance … en les chargeant »);
- **relative clauses**: a relative pronoun subject or object stands for its antecedent (« les
  policiers qui ont interpellé Y », « les rebelles qu'elle soutient »); a gerund (« en battant Y »)
  takes the subject of the verb it depends on;
- **patients**: the direct and indirect objects (« X a limogé Y », « X a décerné un prix à Y »),
  oblique arguments in a preposition that marks whom an act is aimed at (« contre Y », « envers
  Y », « à Y »), and the relational phrases « à l'encontre de Y », « à l'égard de Y »,
  « vis-à-vis de Y » hung on the verb.

Everything returned is a token of the verb's Doc (the head of a noun phrase, not its conjuncts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from presse.analyze.subjects import relative_antecedent, subject_of

PATIENT_DEPS = frozenset({"obj", "iobj", "obl:arg"})
# prepositions of an oblique complement that name the one an act is aimed at
AIMED_CASES = frozenset({"à", "contre", "envers", "avec", "vers", "pour", "auprès"})
# "à l'égard de X", "à l'encontre de X", "à l'endroit de X", "vis-à-vis de X"
RELATIONAL_NOUNS = frozenset({"égard", "encontre", "endroit", "vis-à-vis", "adresse"})
# verbs whose compound past takes être (the parser reads "sont venus" as a passive)
ETRE_VERBS = frozenset({
    "venir", "revenir", "parvenir", "intervenir", "arriver", "partir", "aller", "entrer", "rentrer",
    "sortir", "monter", "descendre", "rester", "tomber", "retourner", "accourir", "devenir",
})
CLAUSE_DEPS = frozenset({"acl", "advcl"})
RELATIVE_PRONOUNS = frozenset({"qui", "que", "qu'", "qu’", "lequel", "laquelle", "lesquels", "lesquelles"})


@dataclass
class Arguments:
    """The agent and patients of one verb: ``objects`` (direct and indirect objects; for a
    passive, the passive subject or what the participle describes) and ``obliques`` (« contre
    Y », « à l'encontre de Y »); ``passive`` when read as a passive."""

    agent: Token | None
    objects: list[Token] = field(default_factory=list)
    obliques: list[Token] = field(default_factory=list)
    passive: bool = False


def case_of(token: Token) -> str:
    """The preposition(s) of a noun phrase: its ``case`` and ``fixed`` children, in order."""
    return " ".join(c.lower_ for c in token.children if c.dep_ in ("case", "fixed")) or ""


def passive_agent(verb: Token) -> Token | None:
    """The ``par`` complement of a passive (``obl:agent``), or None."""
    return next((c for c in verb.children if c.dep_ == "obl:agent"), None)


def _stray_agent(verb: Token) -> Token | None:
    """A « par » phrase of a passive that the parse hung lower in the clause (« chassés une
    première fois de la porte par les policiers »: on « fois »), never inside a clause of its
    own: the first in text order."""
    for token in verb.subtree:
        if token.dep_ != "nmod" or case_of(token) != "par" or token.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        head = token.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if head.i == verb.i:
            return token
    return None


def _antecedent(token: Token, verb: Token) -> Token:
    """`token`, or when it is the relative pronoun of the relative clause `verb` heads (« les
    policiers qui ont interpellé X », « les rebelles qu'elle soutient »), the noun it stands for."""
    if token.lower_ not in RELATIVE_PRONOUNS or ("Rel" not in token.morph.get("PronType") and verb.dep_ != "acl:relcl"):
        return token
    if verb.dep_ == "acl:relcl" and verb.head.i != verb.i:
        return relative_antecedent(verb)
    # the parse hung the relative clause elsewhere (« …, la gendarmerie, qui a interpellé X »
    # as a conjunct): the noun phrase just before the pronoun
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    if before is not None and before.pos_ == "PUNCT" and before.i > token.sent.start:
        before = token.doc[before.i - 1]
    while before is not None and before.pos_ in ("ADJ", "ADV") and before.head.i != before.i:
        before = before.head
    return before if before is not None and before.pos_ in ("NOUN", "PROPN") else token


def _gerund_subject(verb: Token) -> Token | None:
    """The subject of the verb a gerund (« en battant X ») depends on, through the noun the
    parse may have hung it on (« … crée la surprise en battant X »)."""
    if not ("Part" in verb.morph.get("VerbForm") and any(c.dep_ in ("mark", "case") and c.lower_ == "en" for c in verb.children)):
        return None
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return subject_of(head) if head.i != verb.i and head.pos_ in ("VERB", "AUX") else None


def _participle(verb: Token, tense: str) -> bool:
    """A participle of `tense` heading a clause of its own, with no auxiliary nor subject."""
    return (
        verb.dep_ in CLAUSE_DEPS
        and "Part" in verb.morph.get("VerbForm")
        and tense in verb.morph.get("Tense")
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
    )


def _clause_holder(verb: Token) -> Token | None:
    """What a participle clause says something of: the noun it hangs on, or the subject of the
    verb it hangs on."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return subject_of(verb.head) if verb.head.i != verb.i else None


def relational_targets(head: Token) -> list[Token]:
    """Noun phrases « à l'égard de X », « à l'encontre de X », « vis-à-vis de X » hung on `head`:
    the X's."""
    return [
        g for child in head.children
        if child.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and (child.lower_ in RELATIONAL_NOUNS or child.lemma_.lower() in RELATIONAL_NOUNS)
        for g in child.children if g.dep_ == "nmod"
    ]


def aimed_obliques(verb: Token, cases: frozenset[str] = AIMED_CASES) -> list[Token]:
    """Oblique complements of `verb` in one of `cases` (« contre Y », « envers Y ») and the
    relational phrases (« à l'encontre de Y »)."""
    found = [c for c in verb.children if c.dep_ == "obl" and case_of(c) in cases]
    return found + relational_targets(verb)


def arguments_of(verb: Token, cases: frozenset[str] = AIMED_CASES) -> Arguments:
    """The agent and patients of `verb` (see the module docstring); obliques in `cases` count
    as patients of an active verb."""
    motion = verb.lemma_.lower() in ETRE_VERBS
    passive = not motion and any(c.dep_ in ("nsubj:pass", "aux:pass") for c in verb.children)
    agent = passive_agent(verb)
    participle = _participle(verb, "Past") and not motion
    if passive or participle or (verb.dep_ == "acl" and agent is not None):
        patient = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if patient is None and verb.dep_ in CLAUSE_DEPS:
            patient = _clause_holder(verb)
        if patient is None:
            patient = subject_of(verb)  # "X vient d'être condamné par Y"
        patients = [_antecedent(patient, verb)] if patient is not None else []
        return Arguments(agent or _stray_agent(verb), patients, passive=True)
    subject = subject_of(verb)
    if subject is None and motion:
        subject = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
    if subject is None:
        subject = _gerund_subject(verb)  # "X crée la surprise en battant Y"
    if subject is None and verb.dep_ == "acl" and _participle(verb, "Pres"):
        subject = _clause_holder(verb)  # "l'armée, accusant les rebelles"
    objects = [_antecedent(c, verb) for c in verb.children if c.dep_ in PATIENT_DEPS]
    return Arguments(_antecedent(subject, verb) if subject is not None else None, objects, aimed_obliques(verb, cases))

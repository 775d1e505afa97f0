"""Reported speech whose content is a noun phrase: « Le syndicat a dénoncé la fermeture du site ».

A speech-act verb whose lexicon entry has an ``np`` frame reports what its subject said through
its object noun phrase, as a que-clause does (docs/annotation-guidelines.md §3a): « l'opposition
a réclamé [la démission du ministre] », « le Kremlin a démenti [toute implication] ». Some verbs
take that content after a preposition, written ``np:<preposition>`` in the lexicon: « appeler à
[la prudence] », « féliciter X pour [sa victoire] », « faire part de [son indignation] ». The
passive names the speaker as its agent and the content as its subject: « [la fermeture],
dénoncée par le syndicat », « [une explosion] a été démentie par EDF ».

The parse often hides the object behind a phrase of time (« a demandé jeudi [la réouverture] »,
hung on « jeudi »); it is looked for there. An infinitive reports an act done when a preposition
makes it the aim or the frame of what its subject did (« ont manifesté pour [réclamer …] », « après
avoir annoncé »). Support-verb constructions (« faire part de », « présenter ses condoléances »)
are read by presse.analyze.quotes.speech_predicates with the same functions.

:func:`noun_phrase_content` reads the syntax only; :func:`noun_phrase_quote` turns a found
content into a quotation with the speaker of an active verb (presse.analyze.subjects). What is never content: a pronoun (« l'a
démenti »), a person, a group or an institution (« a salué la foule », « a critiqué l'OTAN »), a
court's sentence (« condamné à deux ans »), and a noun phrase that is only someone's words in
quote marks with its determiner (« a dénoncé un « crime barbare » »: the direct quotation is
that report already).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presse.analyze.actors import Actors
from presse.analyze.quotes.context import QuoteContext
from presse.analyze.quotes.cues import unsaid
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.subjects import SUBJECT_DEPS, speaker_of
from presse.lexicons import CueVerb, function_words, quote_words, speaker_nouns, speech_nouns

EVIDENCE = "indirect: speech act + noun-phrase content"
_WORDS = function_words()

# relations under which the parser hangs a verb's object (« nie tout « élément » » is obl:arg)
OBJECT_DEPS = frozenset({"obj", "obl:arg"})
# relations under which it hangs an object that a phrase of time parts from the verb (« a confirmé
# jeudi [la reprise] », « a annoncé ce vendredi [la suppression] »)
HIDDEN_OBJECT_DEPS = frozenset({"obj", "obl:mod", "obl", "nmod", "appos", "dep"})
# relations under which it hangs a prepositional complement of the verb
PREPOSITIONAL_DEPS = frozenset({"obl:arg", "obl", "obl:mod", "iobj", "obj", "dep", "nmod"})
# the forms a preposition takes, contracted with the article or elided
PREPOSITION_FORMS = {
    "à": _WORDS["preposition_à"],
    "de": _WORDS["preposition_de"],
    "pour": frozenset({"pour"}),
    "contre": frozenset({"contre"}),
    "sur": frozenset({"sur"}),
}
# relations under which the parser hangs on the verb the phrases that go on its object
EXTENDING_DEPS = frozenset({"obl:mod", "obl", "obl:arg", "nmod", "obj", "conj", "dep", "appos"})
# the marks of an infinitive whose speech act is done by the subject of the verb it hangs on
DONE_INFINITIVE_MARKS = _WORDS["done_infinitive_mark"]
# prepositions of a circumstance of the speech act, not of what was said
CIRCUMSTANCE_CASES = _WORDS["circumstance_preposition"]
# nouns of time: an object or a complement so headed is when it was said, not what
TIME_NOUNS = quote_words()["time_noun"]
# verbs whose « V X à … » is a court's sentence, not a statement (« condamné à deux ans »)
SENTENCING_VERBS = quote_words()["sentencing_verb"]
# words of time that end a content noun phrase (« a revendiqué l'attaque [quelques heures plus tard] »)
TIME_ADVERBS = _WORDS["time_adverb"]
# « par » phrases that are adverbs, not an agent (« confirmée par la suite par les autorités »)
ADVERBIAL_PAR = quote_words()["adverbial_par_noun"]
QUOTE_OPENERS = frozenset({"«", "“", '"'})
QUOTE_CLOSERS = frozenset({"»", "”", '"'})


@dataclass(frozen=True)
class NounPhraseContent:
    """The content noun phrase of a speech act: tokens ``first``..``last`` (inclusive).

    ``agent`` is the speaker named by a passive (« par le syndicat »), None for an active verb,
    whose speaker is its subject.
    """

    first: int
    last: int
    verb: Token
    agent: Token | None = None


def content_prepositions(cue: CueVerb) -> frozenset[str]:
    """The prepositions that introduce the cue's noun-phrase content: ``""`` for a direct object
    (frame ``np``), ``"à"`` for ``np:à``…; empty when the cue takes no noun-phrase content."""
    return frozenset(f.partition(":")[2] for f in cue.frames if f == "np" or f.startswith("np:"))


def noun_phrase_content(verb: Token, cue: CueVerb, actors: Actors) -> NounPhraseContent | None:
    """The noun phrase that `verb` (a cue with an ``np`` frame) reports as said, or None."""
    prepositions = content_prepositions(cue)
    if not prepositions or not performed(verb):
        return None
    if _passive(verb):
        return _passive_content(verb, actors) if "" in prepositions else None
    if _incise(verb):
        return None  # « …, a dénoncé la CGT »: the noun phrase after the verb is its speaker
    if not _active(verb):
        return None  # « Annoncé dans un climat d'incertitude, le sommet … »: a participle, no one speaks
    head, first = _object(verb, cue, prepositions) or (None, -1)
    if head is None or not _said(head, actors):
        return None
    if verb.lemma_.lower() in SENTENCING_VERBS and any(
        _preposition(c) in PREPOSITION_FORMS["à"] for c in verb.children if c.i > head.i
    ):
        return None
    last = _extend(verb, head, _last_of(head))
    return _content(verb, first, last)


def performed(verb: Token) -> bool:
    """False for a speech act that is not reported as done: negated (« n'a pas précisé les
    causes »), to come (« annoncera sa candidature ce soir »), or an infinitive, whose doer is
    another verb's business (« a refusé de dévoiler les noms »), unless it is the aim or the
    frame in time of what its subject did: « ont manifesté pour réclamer des hausses », « après
    avoir annoncé le licenciement », « avant d'annoncer sa restructuration »."""
    group = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if any("Fut" in t.morph.get("Tense") for t in group):
        return False
    if any(infinitive(t) for t in group) and not done_infinitive(verb):
        return False
    # any « ne »: « n'a pas précisé », « aucun groupe n'a revendiqué », « n'a jamais nié »
    return not {c.lower_ for t in group for c in t.children} & {"ne", "n'", "n’"}


def infinitive(tok: Token) -> bool:
    """An infinitive, as tagged and as spelt: the tagger calls some past historic forms
    infinitives (« demanda », « nia »), which no French infinitive ends like."""
    return "Inf" in tok.morph.get("VerbForm") and tok.lower_.endswith(("er", "ir", "re", "oir"))


def done_infinitive(verb: Token) -> bool:
    """An infinitive after a preposition that makes its act done by the subject of the verb it
    follows, when that verb's act is done too: « ont manifesté pour réclamer », « afin de
    dénoncer », « après avoir annoncé », « avant d'annoncer »; not « devrait profiter de la
    baisse pour annoncer » (the act is to come) nor « Pour confirmer cette hypothèse, ils
    espèrent … » (an aim put first is not an act)."""
    if not any(c.dep_ in ("mark", "case") and c.lower_ in DONE_INFINITIVE_MARKS for c in verb.children):
        return False
    head = verb.head
    if head == verb:
        return any(c.lower_ in ("après", "avant") for c in verb.children)  # « Après avoir annoncé X, Y a … »
    if head.pos_ not in ("VERB", "AUX"):
        return False  # « le délai pour demander la citoyenneté »: what a noun is for, not an act
    if head.i > verb.i and not any(c.lower_ in ("après", "avant") for c in verb.children):
        return False
    group = [head, *(c for c in head.children if c.dep_.startswith("aux"))]
    if any("Cnd" in t.morph.get("Mood") for t in group):
        return False
    return performed(head) and (not infinitive(head) or done_infinitive(head))


def _active(verb: Token) -> bool:
    """A verb that says who does it: finite, with its auxiliary (its own or shared by
    coordination: « a confirmé X et démenti Y »), or a present participle (« en dénonçant »)."""
    form = verb.morph.get("VerbForm")
    if "Fin" in form or ("Inf" in form and not infinitive(verb)) or any(c.dep_.startswith("aux") for c in verb.children):
        return True  # (a past historic tagged an infinitive is finite: « demanda »)
    if verb.dep_ == "conj" and any(c.dep_.startswith("aux") for c in verb.head.children):
        return True
    if infinitive(verb) and done_infinitive(verb):
        return True
    return "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")


def _object(verb: Token, cue: CueVerb, prepositions: frozenset[str]) -> tuple[Token, int] | None:
    """The head of the content noun phrase and its first token (after the preposition)."""
    holders = [verb]
    # the particle of a multiword cue holds the complement as often as the verb: « faire part de »
    holders += [c for c in verb.children if c.dep_ in ("obj", "xcomp") and f"{verb.lemma_.lower()} {c.lemma_.lower()}" == cue.lemma]
    particles = {h.i for h in holders[1:]}
    # « y faire référence », « en faire état »: the clitic is the content, the phrase after is not
    pronominal = {p for p, clitic in (("à", "y"), ("de", "en")) if any(c.lower_ == clitic and c.pos_ == "PRON" for c in verb.children)}
    # « a demandé jeudi la réouverture de l'enquête »: the parser hangs the object on the time
    # phrase that parts it from the verb, or on the verb as a modifier
    times = [c for c in verb.children if _time_phrase(c) and _next_to(verb, c, particles)]
    # the words of a date hold it too: « le 15 décembre [la suppression] » (on « décembre »)
    dates = [t for time in times for t in time.subtree if t == time or t.like_num or t.lemma_.lower() in TIME_NOUNS]
    holders += dates
    candidates = sorted(
        (c for h in holders for c in h.children if c.i > verb.i and c.i not in particles and c.dep_ not in SUBJECT_DEPS),
        key=lambda t: t.i,
    )
    for child in candidates:
        if not _nominal(child) or child.lemma_.lower() in TIME_NOUNS or child in dates:
            continue  # « a annoncé ce mercredi que … », « a affirmé fin janvier avoir … », « en mars 2016 »: a time, not an object
        if any(c.dep_ in ("cop", "nsubj", "mark") for c in child.children) or any(
            t.lower_ in _WORDS["que"] for t in verb.doc[verb.i + 1 : child.left_edge.i]
        ):
            continue  # « a annoncé … que PUBG était la troisième production »: a clause, not a noun phrase
        case = _preposition(child)
        after_time = any(t.i < child.i for t in times)
        if "" in prepositions and case == "" and (child.dep_ in OBJECT_DEPS or (after_time and child.dep_ in HIDDEN_OBJECT_DEPS)):
            return child, child.left_edge.i
        for prep in prepositions - pronominal - {""}:
            if child.dep_ in PREPOSITIONAL_DEPS and (case in PREPOSITION_FORMS[prep] or (prep == "de" and _partitive_de(child))):
                # the content starts after the preposition; a contracted article (« du », « des »)
                # is the content's own determiner
                lead = child.left_edge
                return child, lead.i + 1 if lead.lower_ in PREPOSITION_FORMS[prep] - {"du", "des", "au", "aux"} else lead.i
    return None


def _time_phrase(tok: Token) -> bool:
    """A phrase of time after a verb: a time noun (« jeudi », « ce vendredi », « en janvier »), a
    date (« le 30 septembre 2016 ») or a circumstance (« depuis le début », « lors du sommet »)."""
    if tok.lemma_.lower() in TIME_NOUNS:
        return True
    if not any(c.dep_ == "det" for c in tok.children) and any(
        c.i == tok.i + 1 and (c.lemma_.lower() in TIME_NOUNS or c.like_num) and not _preposition(c) for c in tok.children
    ):
        return True  # « fin janvier », « début 2019 » (not « l'attaque samedi »)
    if tok.pos_ == "NUM" and any(t.lemma_.lower() in TIME_NOUNS for t in tok.subtree):
        return True
    return tok.pos_ in ("NOUN", "PROPN") and _preposition(tok) in CIRCUMSTANCE_CASES - {"par", "selon", "sans"}


def _next_to(verb: Token, tok: Token, particles: set[int]) -> bool:
    """True when only adverbs, punctuation and the particles of a multiword cue (« faire part »)
    stand between `verb` and the phrase of `tok`."""
    return tok.i > verb.i and all(t.pos_ in ("ADV", "PUNCT") or t.i in particles for t in verb.doc[verb.i + 1 : tok.left_edge.i])


def _preposition(tok: Token) -> str:
    """The preposition that opens `tok`'s phrase (its ``case`` child), lowercased; ``""`` for a
    noun phrase without one (« des mesures »: « des » is an article)."""
    case = next((c for c in tok.children if c.dep_ == "case" and c.i < tok.i), None)
    return case.lower_ if case is not None else ""


def _partitive_de(tok: Token) -> bool:
    """True when « de » opens `tok`'s phrase as its determiner (« a prévenu de troubles »): the
    preposition of a complement before a plural or mass noun, which drops its article."""
    lead = tok.left_edge
    return lead.lower_ in ("de", "d'", "d’") and lead.head == tok and lead.dep_ == "det"


def _nominal(tok: Token) -> bool:
    """A noun, a name, a numeral, or an adjective with a determiner (« les plus pauvres »)."""
    return tok.pos_ in ("NOUN", "PROPN", "NUM") or (tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children))


def _said(head: Token, actors: Actors) -> bool:
    """True when the noun phrase headed by `head` can be a thing said: not a pronoun, not a
    named actor, not a person, group or institution noun (« la foule », « le gouvernement »)."""
    if head.pos_ == "PROPN" or actors.entity_at(head.i) is not None:
        return False
    nouns = speaker_nouns()
    return not (head.lemma_.lower() in nouns or head.lower_ in nouns)


def _last_of(head: Token) -> int:
    """The last token of the noun phrase headed by `head`: its subtree, cut before a time phrase
    hung on it (« l'attaque [quelques heures plus tard] »), a clause of its own that is not a
    relative or participle clause on a noun of it (« le taux de réussite [et il est en baisse] »)
    or a semicolon."""
    doc = head.doc
    last = head.right_edge.i
    for tok in doc[head.i + 1 : last + 1]:
        if tok.pos_ == "PROPN" and _preposition(tok) == "comme":
            last = min(last, tok.left_edge.i - 1)  # « leur soutien aux réfugiés [comme Airbnb] »: an example
            break
    for tok in doc[head.i + 1 : last + 1]:
        # « samedi », « quelques heures plus tard », not « le bilan de la semaine »
        if (tok.lemma_.lower() in TIME_NOUNS or tok.lower_ in TIME_ADVERBS) and not any(c.dep_ == "case" for c in tok.children):
            last = min(last, tok.left_edge.i - 1)
            break
    for tok in doc[head.i + 1 : last + 1]:
        if tok.pos_ in ("VERB", "AUX") and "Fin" in tok.morph.get("VerbForm") and not _in_modifier(tok, head):
            cut = tok.left_edge.i
            while cut > head.i and (doc[cut - 1].is_punct or doc[cut - 1].dep_ in ("cc", "nsubj", "expl:subj")):
                cut -= 1
            last = min(last, cut - 1)
            break
    semicolon = next((t.i for t in doc[head.i : last + 1] if t.text == ";"), None)
    return semicolon - 1 if semicolon is not None else last


def _in_modifier(tok: Token, head: Token) -> bool:
    """True when `tok` sits in a relative or participle clause on a noun of `head`'s phrase."""
    while tok != head and tok.head != tok:
        if tok.dep_ in ("acl:relcl", "acl"):
            return True
        tok = tok.head
    return False


def _extend(verb: Token, head: Token, last: int) -> int:
    """Past `last`, the phrases the parser hung on the verb that go on the noun phrase (« la
    suppression de 134 emplois [en France] [sur quelque 2 000] », « les divisions internes,
    [notamment face à la sortie du Royaume-Uni], [ainsi que la divergence …] »): nominal
    phrases, up to one of time, manner or circumstance (« lors d'une conférence », « avec
    succès », « jeudi ») or a clause of the verb's own."""
    doc = verb.doc
    following = sorted(
        (c for c in verb.children if c.i > head.i and c.left_edge.i > last and c.dep_ != "punct"), key=lambda t: t.left_edge.i
    )
    for child in following:
        gap = doc[last + 1 : child.left_edge.i]
        if any(not (t.text in (",", ":") or (t.dep_ in ("cc", "advmod") and t.head == child)) for t in gap):
            break
        if child.pos_ not in ("NOUN", "NUM") or child.dep_ not in EXTENDING_DEPS:
            # a name hung on the verb is an example or an addressee (« comme Airbnb », « à X »)
            break
        case = _preposition(child)
        if case == "par" and _agent_then_object(child):
            last = child.right_edge.i  # « la détection, [par la sonde Cassini, de panaches d'hydrogène] »
            continue
        if case in CIRCUMSTANCE_CASES or child.lemma_.lower() in TIME_NOUNS:
            break
        last = child.right_edge.i
    return last


def _agent_then_object(phrase: Token) -> bool:
    """True when the « par » phrase `phrase` is followed, after a comma, by a « de » phrase the
    parser hung on it: the agent and the object of the action noun before them (« la détection,
    par la sonde, de panaches »), not a circumstance of the speech act."""
    doc = phrase.doc
    for c in phrase.children:
        case = next((t for t in c.children if t.dep_ == "case" and t.i < c.i), None)
        if (
            c.i > phrase.i and c.dep_ in ("conj", "nmod") and case is not None
            and case.lower_ in PREPOSITION_FORMS["de"] and doc[case.i - 1].text == ","
        ):
            return True
    return False


def _passive(verb: Token) -> bool:
    """A passive verb: with its passive auxiliary, or a past participle modifying a noun."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    if verb.dep_ == "conj" and any(c.dep_ == "aux:pass" for c in verb.head.children):
        return True  # « a été évoquée, puis démentie par EDF »: the auxiliary is shared
    return (
        verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
        # not « bien que l'entreprise a annoncé … » read as a modifier: it has its subject
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
    )


def _agent(verb: Token) -> Token | None:
    """The agent of a passive: the noun after « par » that the verb governs."""
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("obl:agent", "obl:mod", "obl") and child.lemma_.lower() not in ADVERBIAL_PAR and any(
            c.dep_ == "case" and c.lower_ == "par" for c in child.children
        ):
            return child
    return None


def _passive_content(verb: Token, actors: Actors) -> NounPhraseContent | None:
    """« [La tentative] a été confirmée par le ministre », « [l'attaque], revendiquée par les
    shebab »: the passive subject (or the noun the participle modifies), said by the agent."""
    agent = _agent(verb)
    if agent is None:
        return None  # « l'attentat a été revendiqué »: nobody is said to speak
    holder = verb.head if verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) else verb
    subject = next((c for c in holder.children if c.dep_ in ("nsubj:pass", "nsubj") and c.i < holder.i), None)
    if subject is not None:
        # the subject runs to the verb group (its relative clause with it: « L'attaque, qui a
        # eu lieu près du palais, a été revendiquée »)
        head, first = subject, subject.left_edge.i
        group_of = verb if any(c.dep_.startswith("aux") for c in verb.children) else holder
        group = [verb, group_of, *(c for c in group_of.children if c.dep_.startswith("aux"))]
        last = min(t.i for t in group) - 1
    elif verb.dep_ == "acl" and verb.head.i < verb.i and not any(c.dep_ == "case" for c in verb.head.children):
        # not « selon les informations relatées par la presse »: a source, not what it said
        head = verb.head
        first, last = head.left_edge.i, verb.left_edge.i - 1
    else:
        return None
    if first > last or _has_clause(head.doc, first, last, head):
        return None
    if not _nominal(head) or not _said(head, actors):
        return None
    return _content(verb, first, last, agent)


def _has_clause(doc: Doc, first: int, last: int, head: Token) -> bool:
    """True when tokens ``first``..``last`` hold a finite verb outside `head`'s relative clauses:
    the stretch is a clause of its own, not a noun phrase."""
    own = {t.i for c in head.children if c.dep_ == "acl:relcl" for t in c.subtree}
    for t in doc[first : last + 1]:
        relative = any(c.dep_.startswith("nsubj") and c.lower_ in ("qui", "que", "dont", "où") for c in t.head.children)
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and t.i not in own and not relative:
            return True
    return False


def _incise(verb: Token) -> bool:
    """A verb cutting or closing a sentence with its subject after it (« …, a dénoncé la CGT »):
    no subject before it, a comma or a closing quote mark before its verb group."""
    if any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children):
        return False
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ in ("AUX", "ADV") or doc[i].dep_.startswith("aux")):
        i -= 1
    if i < 0 or not (doc[i].text == "," or doc[i].text in QUOTE_CLOSERS):
        return False
    if doc[i].text == "," and not _said_before(doc, verb.sent.start, i):
        # « Vers 9h, Amélie de Montchalin, députée LaREM, dénonce … »: only names and
        # circumstances before the comma, so they hold the subject the parser left unattached
        return False
    return "Fin" in (
        verb.morph.get("VerbForm") + [v for a in verb.children if a.dep_.startswith("aux") for v in a.morph.get("VerbForm")]
    )


def _said_before(doc: Doc, start: int, end: int) -> bool:
    """True when tokens ``start``..``end`` (exclusive) hold what an incise would close: a finite
    verb or a quote mark."""
    return any(
        t.text in QUOTE_OPENERS | QUOTE_CLOSERS or (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"))
        for t in doc[start:end]
    )


def _content(verb: Token, first: int, last: int, agent: Token | None = None) -> NounPhraseContent | None:
    """The span ``first``..``last`` trimmed of edge punctuation (quote marks kept), or None when
    it is empty or only quoted words with their determiner or preposition."""
    doc = verb.doc
    while first <= last and ((doc[first].is_punct and doc[first].text not in QUOTE_OPENERS) or doc[first].is_space):
        first += 1
    while last >= first and ((doc[last].is_punct and doc[last].text not in QUOTE_CLOSERS | {")"}) or doc[last].is_space):
        last -= 1
    if last < first:
        return None
    opened = sum(t.text in QUOTE_OPENERS - {'"'} for t in doc[first : last + 1])
    closed = sum(t.text in QUOTE_CLOSERS - {'"'} for t in doc[first : last + 1])
    if opened > closed and last + 1 < len(doc) and doc[last + 1].text in QUOTE_CLOSERS:
        last += 1  # « sa « vive émotion » »: the parser hung the closing mark on the verb
    depth, own_words = 0, 0
    for tok in doc[first : last + 1]:
        if tok.text in QUOTE_OPENERS and (tok.text != '"' or depth == 0):
            depth += 1
        elif tok.text in QUOTE_CLOSERS and depth > 0:
            depth -= 1
        elif depth == 0 and tok.is_alpha and tok.pos_ not in ("DET", "ADP"):
            own_words += 1
    if own_words == 0:
        return None  # « a dénoncé un « crime barbare » »: the direct quotation says it all
    return NounPhraseContent(first, last, verb, agent)



def object_phrase(verb: Token, head: Token) -> NounPhraseContent | None:
    """The phrase of `head`, the verb's object, as what the active `verb` reports as said (« a
    présenté [ses condoléances aux familles] »), or None when the act is not done or the verb is
    an incise."""
    if not performed(verb) or _incise(verb) or not _active(verb):
        return None
    return _content(verb, head.left_edge.i, _extend(verb, head, _last_of(head)))


def noun_phrase_quote(ctx: QuoteContext, verb: Token, cue: CueVerb) -> QuoteRec | None:
    """'Le syndicat a dénoncé la fermeture du site', 'la fermeture, dénoncée par le
    syndicat': the noun phrase as an indirect quotation, with the passive's agent or the
    verb's subject as speaker; None when nobody speaks (« le bilan fait état de 4 morts »)."""
    return content_quote(ctx, noun_phrase_content(verb, cue, ctx.actors))


def content_quote(ctx: QuoteContext, content: NounPhraseContent | None) -> QuoteRec | None:
    """The found `content` as an indirect quotation said by the passive's agent or the verb's
    subject; None when there is no content or nobody speaks (« le bilan fait état de 4 morts »)."""
    if content is None or (unsaid(content.verb) and not done_infinitive(content.verb)):
        return None  # (« avant d'annoncer sa restructuration » after a past act: it was announced)
    verb = content.verb
    doc = ctx.doc
    first, last = doc[content.first], doc[content.last]
    speaker = content.agent or speaker_of(verb, ctx.in_quote)
    if (
        content.agent is None and verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ == "NOUN"
        and "Pres" in verb.morph.get("Tense") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    ):
        speaker = verb.head  # « des documents faisant mention de ce chiffre »: the noun does it
    source = speaker.head.head if speaker is not None and speaker.lower_ == "qui" and speaker.head.dep_ == "acl:relcl" else speaker
    if source is None or source.lemma_.lower() in speech_nouns():
        return None  # « le bilan fait état de 4 morts », « l'enquête a révélé un élément »: facts, no one speaks
    return QuoteRec(first.idx, last.idx + len(last), "indirect", EVIDENCE, 0.7, cue=verb, speaker=speaker)

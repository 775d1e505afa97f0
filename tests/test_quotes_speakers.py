"""Speakers (presse.analyze.quotes.speakers): the one place a quotation gets its speaker and
actor, by ordered strategies, on hand-built parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from parses import built, quote_context
from presse.analyze.quotes.records import QuoteRec
from presse.analyze.quotes.speakers import STRATEGIES, continue_voices, resolve, sign
from sentences import SAID_HE
from test_quotes_dialogue import JEAN_DUPONT, LINES

SLIP = (
    # the parser took the quoted « Nous » as the subject of the incise verb
    "« Nous partirons », a déclaré le ministre.",
    """
    «          2 punct     PUNCT «        _
    Nous       6 nsubj     PRON  nous     _
    partirons  2 ROOT      VERB  partir   VerbForm=Fin
    »          2 punct     PUNCT »        _
    ,          6 punct     PUNCT ,        _
    a          6 aux:tense AUX   avoir    VerbForm=Fin
    déclaré    2 parataxis VERB  déclarer Tense=Past|VerbForm=Part
    le         8 det       DET   le       _
    ministre   6 obj       NOUN  ministre _
    .          2 punct     PUNCT .        _
    """,
)
SPOKESMAN = (
    "Le porte-parole, Jean Dupont, a déclaré que tout allait bien.",
    """
    Le            1 det       DET   le           _
    porte-parole  7 nsubj     NOUN  porte-parole _
    ,             1 punct     PUNCT ,            _
    Jean          1 appos     PROPN Jean         _
    Dupont        3 flat:name PROPN Dupont       _
    ,             7 punct     PUNCT ,            _
    a             7 aux:tense AUX   avoir        VerbForm=Fin
    déclaré       7 ROOT      VERB  déclarer     Tense=Past|VerbForm=Part
    que          10 mark      SCONJ que          _
    tout         10 nsubj     PRON  tout         _
    allait        7 ccomp     VERB  aller        VerbForm=Fin
    bien         10 advmod    ADV   bien         _
    .             7 punct     PUNCT .            _
    """,
)
AFTER_A_SENTENCE = (
    "Jean Dupont est arrivé. « Nous ne céderons jamais. »",
    """
    Jean      3 nsubj     PROPN Jean   _
    Dupont    0 flat:name PROPN Dupont _
    est       3 aux:tense AUX   être   VerbForm=Fin
    arrivé    3 ROOT      VERB  arriver Tense=Past|VerbForm=Part
    .         3 punct     PUNCT .      _
    «         8 punct     PUNCT «      _
    Nous      8 nsubj     PRON  nous   _
    ne        8 advmod    ADV   ne     _
    céderons  8 ROOT      VERB  céder  VerbForm=Fin
    jamais    8 advmod    ADV   jamais _
    .         8 punct     PUNCT .      _
    »         8 punct     PUNCT »      _
    """,
)


def _quote(doc: Doc, words: str, evidence: str, cue: int | None = None) -> QuoteRec:
    start = doc.text.index(words)
    return QuoteRec(start, start + len(words), "direct" if evidence.startswith("direct") else "indirect", evidence, 0.9,
                    cue=doc[cue] if cue is not None else None)


def test_quotes_speakers_strategies_run_from_the_finder_s_evidence_to_the_grammar() -> None:
    assert [s.__name__ for s in STRATEGIES] == [
        "_given", "_incise_subject", "_verb_subject", "_speech_noun_agent",
    ]


def test_quotes_speakers_the_quoted_words_never_name_their_speaker() -> None:
    doc = built(*SLIP)
    q = _quote(doc, "Nous partirons", "direct: quote governed by a reporting verb", cue=6)
    resolve(quote_context(doc), q)
    assert (q.speaker.text, q.speaker_name, q.cue_lemma, doc[q.cue_tokens[0] : q.cue_tokens[1]].text) == (
        "ministre", "le ministre", "déclarer", "a déclaré",
    )


@pytest.mark.parametrize(
    ("mentions", "name", "entity"),
    [
        ((), "Le porte-parole, Jean Dupont", None),  # no actor: the noun phrase names the speaker
        (((3, 5, "Jean Dupont", "PER"),), "Jean Dupont", "Jean Dupont"),  # the person in apposition speaks
    ],
)
def test_quotes_speakers_a_role_noun_is_resolved_to_the_person_it_names(
    mentions: tuple[tuple[int, int, str, str], ...], name: str, entity: str | None
) -> None:
    doc = built(*SPOKESMAN)
    q = _quote(doc, "tout allait bien", "indirect: reporting verb + que-clause", cue=7)
    resolve(quote_context(doc, *mentions), q)
    assert q.speaker_name == name
    assert (q.entity.name if q.entity is not None else None) == entity


def test_quotes_speakers_a_reader_takes_the_subject_of_the_sentence_before() -> None:
    doc = built(*AFTER_A_SENTENCE)
    q = _quote(doc, "Nous ne céderons jamais.", "direct: quoted sentence, speaker from context")
    resolve(quote_context(doc, (0, 2, "Jean Dupont", "PER")), q)
    assert q.speaker_name == "Jean Dupont"
    assert q.evidence.endswith("; speaker from context (most salient person)") and q.confidence == 0.5


def test_quotes_speakers_nobody_named_leaves_the_speaker_unknown() -> None:
    doc = built(*AFTER_A_SENTENCE)
    q = _quote(doc, "Nous ne céderons jamais.", "direct: quoted sentence, speaker from context")
    resolve(quote_context(doc), q)
    assert (q.speaker, q.speaker_name, q.entity, q.confidence) == (None, None, None, 0.4)


def test_quotes_speakers_a_signature_line_signs_the_quotation_above() -> None:
    doc = built(*LINES)
    ctx = quote_context(doc, JEAN_DUPONT)
    ctx.signatures = [(doc.text.index("\n") + 1, doc[9])]
    q = _quote(doc, "Mon Dieu ! dit-il.", "direct: dialogue line")
    sign(ctx, [q])
    assert q.speaker.text == "Jean" and q.evidence == "direct: dialogue line; speaker from the signature line below it"


def test_quotes_speakers_a_voice_goes_on_in_the_next_quotation() -> None:
    doc = built(*SLIP)
    first = _quote(doc, "Nous partirons", "direct: incise after the quote", cue=6)
    first.speaker = doc[8]
    second = _quote(doc, "ministre", "direct: quoted sentence, speaker from context")
    continue_voices(quote_context(doc), [first, second])
    assert second.continues is first and second.speaker is first.speaker
    assert second.evidence.endswith("; speaker of the previous quotation")


def test_quotes_speakers_an_incise_s_subject_follows_its_verb() -> None:
    doc = built(*SAID_HE)
    q = _quote(doc, "C'est fini", "direct: incise after the quote", cue=9)
    q.incise = True
    resolve(quote_context(doc), q)
    assert (q.speaker.text, q.speaker_name, q.confidence) == ("-il", "-il", 0.5)  # a pronoun nobody resolved

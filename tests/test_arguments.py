"""Agent and patients of a verb (presse.analyze.arguments), on hand-built parses."""

from __future__ import annotations

import pytest

from parses import built
from presse.analyze.arguments import arguments_of

# the parse the model gives: the « par » phrase hung on « fois », not on the participle
STRAY_AGENT = built("Chassés une première fois par les policiers, les manifestants reviennent.", """
Chassés 10 advcl VERB chasser Tense=Past|VerbForm=Part
une 3 det DET un _
première 3 amod ADJ premier _
fois 0 obl:mod NOUN fois _
par 6 case ADP par _
les 6 det DET le _
policiers 3 nmod NOUN policier _
, 10 punct PUNCT , _
les 9 det DET le _
manifestants 10 nsubj NOUN manifestant _
reviennent 10 ROOT VERB revenir VerbForm=Fin
. 10 punct PUNCT . _
""")

BLOCKED = built("Des manifestants bloqués par les CRS partent.", """
Des 1 det DET un _
manifestants 6 nsubj NOUN manifestant _
bloqués 1 acl VERB bloquer Tense=Past|VerbForm=Part
par 5 case ADP par _
les 5 det DET le _
CRS 2 obl:agent PROPN CRS _
partent 6 ROOT VERB partir VerbForm=Fin
. 6 punct PUNCT . _
""")

ACCUSING = built("L'armée, accusant les rebelles, dément.", """
L' 1 det DET le _
armée 7 nsubj NOUN armée _
, 3 punct PUNCT , _
accusant 1 acl VERB accuser Tense=Pres|VerbForm=Part
les 5 det DET le _
rebelles 3 obj NOUN rebelle _
, 3 punct PUNCT , _
dément 7 ROOT VERB démentir VerbForm=Fin
. 7 punct PUNCT . _
""")

COMPLAINT = built("Il a porté plainte à l'encontre du député.", """
Il 2 nsubj PRON il _
a 2 aux:tense AUX avoir _
porté 2 ROOT VERB porter Tense=Past|VerbForm=Part
plainte 2 obj NOUN plainte _
à 6 case ADP à _
l' 6 det DET le _
encontre 2 obl:mod NOUN encontre _
du 8 case ADP de _
député 6 nmod NOUN député _
. 2 punct PUNCT . _
""")


RELATIVE = built("Les policiers qui ont interpellé Paul partent.", """
Les 1 det DET le _
policiers 6 nsubj NOUN policier _
qui 4 nsubj PRON qui PronType=Rel
ont 4 aux:tense AUX avoir _
interpellé 1 acl:relcl VERB interpeller Tense=Past|VerbForm=Part
Paul 4 obj PROPN Paul _
partent 6 ROOT VERB partir VerbForm=Fin
. 6 punct PUNCT . _
""")

GERUND = built("Lyon gagne en battant Nice.", """
Lyon 1 nsubj PROPN Lyon _
gagne 1 ROOT VERB gagner VerbForm=Fin
en 3 mark ADP en _
battant 1 advcl VERB battre Tense=Pres|VerbForm=Part
Nice 3 obj PROPN Nice _
. 1 punct PUNCT . _
""")


@pytest.mark.parametrize(
    ("doc", "verb", "agent", "patients", "passive"),
    [
        # a past participle clause is a passive; its « par » phrase the agent even hung lower
        (STRAY_AGENT, 0, "policiers", ["manifestants"], True),
        # a past participle on a noun: that noun is the patient
        (BLOCKED, 2, "CRS", ["manifestants"], True),
        # a present participle on a noun: that noun is the agent
        (ACCUSING, 3, "armée", ["rebelles"], False),
        # « à l'encontre de » on the verb names the one the act is aimed at
        (COMPLAINT, 2, "Il", ["plainte", "député"], False),
        # a relative pronoun subject: its antecedent
        (RELATIVE, 4, "policiers", ["Paul"], False),
        # a gerund: the subject of the verb it depends on
        (GERUND, 3, "Lyon", ["Nice"], False),
    ],
)
def test_arguments_agent_and_patients(doc, verb, agent, patients, passive):
    args = arguments_of(doc[verb])
    assert args.agent is not None and args.agent.text == agent
    assert [t.text for t in args.objects + args.obliques] == patients
    assert args.passive is passive


def test_arguments_participle_of_a_motion_verb_is_not_a_passive():
    doc = built("Venus de Lyon, les manifestants défilent.", """
Venus 6 advcl VERB venir Tense=Past|VerbForm=Part
de 2 case ADP de _
Lyon 0 obl:arg PROPN Lyon _
, 6 punct PUNCT , _
les 5 det DET le _
manifestants 6 nsubj NOUN manifestant _
défilent 6 ROOT VERB défiler VerbForm=Fin
. 6 punct PUNCT . _
""")
    args = arguments_of(doc[0])
    assert not args.passive and args.agent is not None and args.agent.text == "manifestants"

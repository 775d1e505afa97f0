"""Hand-built parses several rule tests share (see tests/parses.py for the table format)."""

from __future__ import annotations

# an incise after the marks, its subject an inverted clitic
SAID_HE = (
    "« C'est fini », a-t-il dit.",
    """
    «      3 punct     PUNCT «      _
    C'     3 nsubj     PRON  ce     _
    est    3 cop       AUX   être   VerbForm=Fin
    fini   3 ROOT      ADJ   fini   _
    »      3 punct     PUNCT »      _
    ,      9 punct     PUNCT ,      _
    a      9 aux:tense AUX   avoir  VerbForm=Fin
    -t     9 expl:subj PRON  -t     _
    -il    9 nsubj     PRON  il     _
    dit    3 parataxis VERB  dire   Tense=Past|VerbForm=Part
    .      3 punct     PUNCT .      _
    """,
)
# a quotation cut by an incise
CUT = (
    "« Nous partirons, a-t-il dit, dès demain. »",
    """
    «          2 punct     PUNCT «       _
    Nous       2 nsubj     PRON  nous    _
    partirons  2 ROOT      VERB  partir  VerbForm=Fin
    ,          7 punct     PUNCT ,       _
    a          7 aux:tense AUX   avoir   VerbForm=Fin
    -t         7 expl:subj PRON  -t      _
    -il        7 nsubj     PRON  il      _
    dit        2 parataxis VERB  dire    VerbForm=Fin
    ,          7 punct     PUNCT ,       _
    dès       10 case      ADP   dès     _
    demain     2 obl:mod   ADV   demain  _
    .          2 punct     PUNCT .       _
    »          2 punct     PUNCT »       _
    """,
)
# a reporting verb, its subject and its que-clause
DECLARED = (
    "Le ministre a déclaré que la situation était grave.",
    """
    Le         1 det       DET   le        _
    ministre   3 nsubj     NOUN  ministre  _
    a          3 aux:tense AUX   avoir     VerbForm=Fin
    déclaré    3 ROOT      VERB  déclarer  Tense=Past|VerbForm=Part
    que        8 mark      SCONJ que       _
    la         6 det       DET   le        _
    situation  8 nsubj     NOUN  situation _
    était      8 cop       AUX   être      VerbForm=Fin
    grave      3 ccomp     ADJ   grave     _
    .          3 punct     PUNCT .         _
    """,
)

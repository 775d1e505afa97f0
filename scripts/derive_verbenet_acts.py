"""Derive ``src/presse/lexicons/fr/effects_verbenet.tsv``: acts between actors from Verb∋Net classes.

The source is the PyPI package ``verbenet`` 1.0.0 (Verb∋Net, a VerbNet-style lexicon of French
verbs: Pradet, Danlos, de Chalendar, Lapalme, L'Homme, LREC 2014; CC BY-SA 4.0), installed with
the ``dev`` extra; nothing is downloaded at run time, the derived TSV is committed.

Each class below names an act one actor does to another (kill, strike, expel, punish, help,
praise, appoint, fight …) and gets the effect kind of ``effects.tsv`` (see POLARITY.md, "Acts and
their effects"). A member is kept when:

- it is a plain verb (reflexive members such as ``battre se`` are left to the parse: the plain
  verb of the same class reads the act);
- it is not already in ``effects.tsv`` (curated rows win) nor a reporting verb of class hostile or
  warm (« critiquer », « saluer » are reported stances, read through the cue lexicon);
- a ``polarity.tsv`` row of the opposite sign to the kind drops it;
- it is not one of the senses listed in ``NOT_ACTS``: members whose first news sense is not an act
  on a person (« toucher », « porter », « prendre »), written by hand from general French usage.

Usage: ``python scripts/derive_verbenet_acts.py [OUT]`` (default: the bundled path).
"""

from __future__ import annotations

import sys
from pathlib import Path

import verbenet

from presse.analyze.polarity import polarity_lexicon
from presse.lexicons import parse_effects, reporting_verb

LEXICONS = Path(__file__).resolve().parents[1] / "src" / "presse" / "lexicons" / "fr"
OUT = LEXICONS / "effects_verbenet.tsv"
CURATED = parse_effects(LEXICONS / "effects.tsv")

# class id → effect kind. judgment-33 and admire-31.2 are left out: their members go both ways,
# each has its polarity.tsv row already (which relations read), and blame verbs mix insults,
# whose agent is blamed (« calomnier »), with punishments, whose patient is (« punir »)
CLASS_KINDS: dict[str, str] = {
    "murder-42.1": "violence",
    "murder-42.1-1": "violence",
    "poison-42.2": "violence",
    "spank-18.3": "violence",
    "hit-18.1-1": "violence",
    "pelt-17.2": "violence",
    "suffocate-40.7": "violence",
    "hurt-40.8.3": "violence",
    "cheat-10.6-1": "violence",
    "confine-92": "justice",
    "banish-10.2": "justice",
    "banish-10.2-1": "coercion",
    "force-59": "coercion",
    "force-59-1": "coercion",
    "forbid-67-2": "coercion",
    "chase-51.6": "coercion",
    "subjugate-42.3": "defeat",
    "investigate-35.4": "justice",
    "suspect-81": "justice",
    "interrogate-37.1.3": "justice",
    "battle-36.4": "defeat",
    "meet-36.3-2": "defeat",
    "meet-36.3-2-1": "defeat",
    "confront-98": "defeat",
    "exceed-90": "defeat",
    "help-72": "help",
    "defend-85": "help",
    "captain-29.8-1": "help",
    "empathize-88.2": "help",
    "appoint-29.1": "reward",
    "free-80": "reward",
    "dub-29.3": "reward",
}

# members whose usual sense in news is not an act done to someone (or not this act)
NOT_ACTS: frozenset[str] = frozenset({
    # hit, hurt, pelt, suffocate: things done to objects, or figurative senses
    "botter", "claquer", "frotter", "gratter", "pincer", "piquer", "saisir", "taper", "tapoter",
    "toucher", "abîmer", "brûler", "casser", "déchirer", "fendre", "fouler", "friser", "frisotter",
    "froisser", "tordre", "arroser", "doucher", "noyer", "étouffer", "raccourcir", "descendre",
    "crever", "supprimer", "éliminer", "purger", "frapper",
    # confine, banish: hospital, storage, places, courts acquitting
    "hospitaliser", "chambrer", "consigner", "emmurer", "balancer", "débarquer", "exhumer",
    "relaxer", "vider", "écarter", "évacuer", "éconduire", "renvoyer",
    # force, forbid, chase: causation and following, not coercion of a person
    "amener", "commissionner", "conduire", "décider", "déterminer", "disposer", "entraîner",
    "éveiller", "fourvoyer", "induire", "porter", "pousser", "réduire", "assigner", "freiner",
    "refréner", "décourager", "filer", "pister", "rechercher", "suivre",
    # subjugate: destruction of things, or control
    "amortir", "briser", "démolir", "détruire", "nettoyer", "piler", "refroidir", "piétiner",
    "torpiller", "juguler", "maîtriser", "anéantir",
    # investigate, interrogate: exploring places, asking questions
    "arpenter", "explorer", "patrouiller", "prospecter", "ratisser", "sonder", "inspecter",
    "interroger", "interviewer", "questionner",
    # battle, exceed, confront: arguing, going beyond a limit
    "accrocher", "ergoter", "jouter", "excéder", "outrepasser", "braver",
    # help, defend, captain: upkeep, guarantees, training
    "entretenir", "inciter", "assurer", "garantir", "doubler", "régenter", "assister",
    # appoint, free, dub: choosing things, ordaining, ridding of things, naming
    "choisir", "étiqueter", "ordonner", "débarrasser", "décharger", "guérir", "appeler",
    "baptiser", "dénommer", "intituler", "labelliser", "millésimer", "prénommer", "rebaptiser",
    "surnommer", "consacrer", "pressentir",
    # other senses first: « désigner un coupable », « virer de l'argent », « soumettre un texte à »,
    # « rivaliser avec » (comparison)
    "désigner", "virer", "soumettre", "rivaliser",
})

# banish-10.2 is dismissal (justice); these members move people away by force
KIND_OVERRIDES: dict[str, str] = {"éloigner": "coercion", "éjecter": "coercion"}

SIGN = {"violence": -1, "coercion": -1, "justice": -1, "defeat": -1, "help": 1, "reward": 1}


def member_kind(member: str, class_kind: str) -> str | None:
    """The effect kind of one member of a class of `class_kind`, or None when it is left out."""
    if " " in member or member in NOT_ACTS or member in CURATED:
        return None
    cue = reporting_verb(member)
    if cue is not None and cue.cue_class in ("hostile", "warm"):
        return None
    value = polarity_lexicon().get(member)
    if value and (value > 0) != (SIGN[class_kind] > 0):
        return None
    return KIND_OVERRIDES.get(member, class_kind)


def derive() -> list[tuple[str, str, str]]:
    """(lemma, kind, source) rows, the first class listing a verb deciding its kind."""
    classes = {sub["id"]: sub for top in verbenet.load() for sub in verbenet.walk(top)}
    rows: dict[str, tuple[str, str, str]] = {}
    for class_id, class_kind in CLASS_KINDS.items():
        for member in classes[class_id]["members"]:
            kind = member_kind(member, class_kind)
            if kind is not None and member not in rows:
                rows[member] = (member, kind, f"verbenet:{class_id}")
    return sorted(rows.values())


HEADER = """\
# columns: lemma	kind	de	source
# lemma: a verb (lemma, lower case) naming an act one actor does to another; kind as in effects.tsv (violence, coercion, justice, defeat, help, reward); de: - (verbs)
# source: verbenet:<class> = a member of that class of Verb∋Net 1.0.0 (PyPI package verbenet, verbenet/data/<class>.xml; Pradet, Danlos, de Chalendar, Lapalme, L'Homme), kind given per class, derived by scripts/derive_verbenet_acts.py; rows of effects.tsv win over these
# licence: CC BY-SA 4.0 (adapted from Verb∋Net)
"""


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    lines = [f"{lemma}\t{kind}\t-\t{source}" for lemma, kind, source in derive()]
    out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(lines)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

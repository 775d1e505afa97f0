"""Derive the speech verbs of ``src/presse/lexicons/fr/reporting_verbs.tsv`` from Verb∋Net.

The source is Verb∋Net 1.0.0 (Pradet, Danlos, de Chalendar, Lapalme & L'Homme, LREC 2014; CC BY-SA
4.0), the PyPI package ``verbenet`` (a dev dependency of presse: nothing is read at run time, the
derived table is committed)::

    .venv/bin/python scripts/derive_speech_verbs.py            # rewrites reporting_verbs.tsv
    .venv/bin/python scripts/derive_speech_verbs.py --check    # exit 1 if the table is stale

What it does, class by class (``SPEECH_ACT_CLASSES``: the classes of saying something to someone,
judging them in words, asking and urging them):

- every member that is a speech verb in news French (not one of ``NOT_SPEECH``: verbs of doing,
  deciding or showing, which docs/annotation-guidelines.md §3a keeps out) gets the frames its
  class's Verb∋Net frames give: a bare noun phrase whose role is the message (Topic, Attribute) is
  ``np``, that noun phrase after a preposition is ``np:<preposition>``, a que-clause is ``que``,
  an infinitive ``inf``;
- ``NO_NP_CONTENT`` drops the ``np`` frames of speech verbs whose object is, in the news, most
  often what is described, shown or done rather than what is said (« expliquer la hausse »,
  « assurer la sécurité », « déclarer la guerre »);
- a verb already in the table keeps its hand-set class and frames (rows ``curated`` or
  ``verbenet:<class>``) and gets the derived ``np`` frames it lacks, listed after ``derived:`` in its
  source so that a rerun can tell them apart; a verb not in the table is added with the frames of
  its class and a class (``CLASS_STANCE``; for judgment verbs the sign of lexicons/fr/polarity.tsv),
  source ``derived:verbenet:<class>``.

The classes of manner of speaking, chatting, lecturing and talking (37.3, 37.5, 37.6, 37.11)
are not read here: their members' rows were read off by hand (incise verbs, see
lexicons/fr/README.md), and their topic (« discuter du budget ») is what is talked about, not what
is said.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import verbenet

LEXICONS = Path(__file__).resolve().parents[1] / "src/presse/lexicons/fr"
TABLE = LEXICONS / "reporting_verbs.tsv"
POLARITY = LEXICONS / "polarity.tsv"

# the Verb∋Net classes whose members report a message, cited in this order when a verb is in several
SPEECH_ACT_CLASSES = (
    "transfer_mesg-37.1.1",
    "tell-37.2",
    "complain-37.8",
    "confess-37.10",
    "promise-37.13",
    "judgment-33",
    "judgment-33-4",
    "urge-58.1",
    "beg-58.2",
    "order-60.1",
    "order-60.2",
)
# the stance class a verb added from each class gets (presse.lexicons.CUE_CLASSES); judgment
# verbs take theirs from the sign of their polarity
CLASS_STANCE = {
    "transfer_mesg": "neutral",
    "tell": "neutral",
    "complain": "hostile",
    "confess": "concessive",
    "promise": "commissive",
    "urge": "directive",
    "beg": "directive",
    "order": "directive",
}
# roles of the thing said in Verb∋Net frames (the Recipient, Agent and Co-Agent are persons)
MESSAGE_ROLES = frozenset({"Topic", "Attribute"})
# the prepositions presse reads a noun-phrase content after (presse.lexicons.FRAMES)
CONTENT_PREPOSITIONS = frozenset({"à", "de", "pour", "contre", "sur"})

# Members that are not speech in the news: acts, decisions, teaching, showing, proving, moving
# things (§3a: « verbs of doing or deciding, even by a speaker »). Never added, never given np.
NOT_SPEECH = frozenset({
    # transfer_mesg-37.1.1
    "accorder", "apprendre", "articuler", "aventurer", "commander", "débiter", "découvrir",
    "démontrer", "dicter", "édicter", "enseigner", "esquisser", "exhiber", "imposer", "inspirer",
    "jeter", "lancer", "lire", "marquer", "montrer", "motiver", "ordonner", "placer", "produire",
    "prouver", "représenter", "retransmettre", "transférer", "transmettre", "vocaliser",
    # tell-37.2, urge-58.1, order-60.x: to train, to engage, to push, to allot, to allow, to prescribe
    "instruire", "engager", "pousser", "assigner", "mander", "permettre", "prescrire",
    # judgment-33: sentences, pardons, payments, treatment, honours, mockery by deed
    "absoudre", "accabler", "bafouer", "corriger", "dédaigner", "excuser", "gracier", "honorer",
    "innocenter", "malmener", "maltraiter", "narguer", "pardonner", "parodier", "payer",
    "pénaliser", "punir", "quereller", "rabaisser", "récompenser", "rembourser", "sanctifier",
    "satiriser",
    # judgment-33-4: blessing, feasts, censorship, repression, sanctions, applause (a gesture),
    # approval (a vote)
    "acclamer", "applaudir", "approuver", "bénir", "célébrer", "censurer", "châtier", "exalter",
    "fêter", "réprimer", "sanctionner",
})

# Speech verbs whose noun-phrase object is, in the news, mostly what is described, shown, done or
# secured rather than what is said: the frames named are not derived for them.
_NP = frozenset({"np"})
NO_NP_CONTENT: dict[str, frozenset[str]] = {
    # the object is the topic explained or described (README: « expliquer la hausse »)
    **dict.fromkeys(
        ("décrire", "expliquer", "expliciter", "préciser", "exposer", "développer", "résumer",
         "retracer", "conter", "narrer", "réciter", "écrire", "spécifier", "stipuler", "indiquer"),
        _NP,
    ),
    # the object is words or a thing handed over, not a statement's content
    **dict.fromkeys(
        ("dire", "redire", "répéter", "ajouter", "rajouter", "répondre", "répliquer", "rétorquer",
         "riposter", "lâcher", "hasarder", "avancer", "émettre", "énoncer", "professer",
         "insinuer", "confier", "prétendre"),
        _NP,
    ),
    # the object is a thing unveiled, shown or money brought in: « dévoiler une plaque », « le
    # sommet révèle plusieurs dynamiques », « le jeu a rapporté 160 millions de dollars »
    **dict.fromkeys(("dévoiler", "révéler", "rapporter"), _NP),
    # the object is an act or a state: « déclarer la guerre », « soutenir le projet », « assurer
    # la sécurité », « garantir l'accès », « reconnaître l'indépendance », « attaquer la ville »,
    # « accuser un retard »
    **dict.fromkeys(
        ("déclarer", "soutenir", "assurer", "garantir", "certifier", "reconnaître", "accuser"),
        _NP,
    ),
    # the object is a person or a place and the prepositional phrase a charge, not words: « attaquer
    # X pour diffamation », « interpeller X pour vol »
    **dict.fromkeys(("attaquer", "interpeller"), frozenset({"np", "np:pour"})),
    # « condamner X pour meurtre » is a court's sentence (the statement « a condamné l'attaque » stays)
    "condamner": frozenset({"np:pour"}),
}


def member_lemma(member: str) -> str:
    """A member as the lexicon writes it: Verb∋Net's « plaindre se », « entretenir s' » are
    « se plaindre », « s'entretenir »."""
    verb, _, clitic = member.partition(" ")
    if clitic in ("se", "s'"):
        return f"{clitic}{verb}" if clitic == "s'" else f"se {verb}"
    return member


def frames_of(frames: Iterable[dict]) -> set[str]:
    """presse frames read off Verb∋Net frames: the message as a bare noun phrase (``np``), after a
    preposition (``np:de``…), as a que-clause (``que``) or an infinitive (``inf``)."""
    found: set[str] = set()
    for frame in frames:
        syntax = [x for x in frame["syntax"] if x["element"] != "VERB"]
        preposition: list[str] | None = None
        for element in syntax[1:]:  # the first element is the Agent
            if element["element"] == "PREP":
                preposition = element["prepositions"]
                continue
            role = element["role"]
            if element["element"] == "NP" and role in MESSAGE_ROLES:
                if preposition is None:
                    found.add("np")
                else:
                    # judgment-33 writes « louer X d'avoir secouru … » as an NP after « de »: the
                    # examples tell an infinitive from a noun phrase
                    found.update(f"np:{p}" for p in preposition if p in CONTENT_PREPOSITIONS and not _infinitive_after(p, frame))
            elif element["element"] in ("PIND", "PSUBJ") and role == "Topic" and element["introduced_by"] is None:
                found.add("que")
            elif element["element"] == "VINF" and role == "Topic":
                found.add("inf")
            preposition = None
    return found


def _infinitive_after(preposition: str, frame: dict) -> bool:
    """True when every example of the Verb∋Net `frame` has `preposition` before an infinitive."""
    elided = "d'" if preposition == "de" else preposition
    pattern = re.compile(rf"\b(?:{preposition} |{elided})(?:ne pas )?(?:avoir|être|\w+(?:er|ir|re))\b")
    examples = [e for e in frame["examples"] if e]
    return bool(examples) and all(pattern.search(e) for e in examples)


def class_frames() -> Iterator[tuple[str, list[str], set[str]]]:
    """(class id, members, frames) for each speech-act class, a subclass inheriting the frames of
    the classes above it (as in VerbNet)."""
    def walk(cls: dict, inherited: set[str]) -> Iterator[tuple[str, list[str], set[str]]]:
        own = inherited | frames_of(cls["frames"])
        yield cls["id"], [member_lemma(m) for m in cls["members"]], own
        for sub in cls.get("subclasses", []):
            yield from walk(sub, own)

    for top in verbenet.load():
        yield from walk(top, set())


def polarities(path: Path) -> dict[str, float]:
    """lexicons/fr/polarity.tsv as word -> polarity."""
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, value, *_ = line.split("\t")
            table[word] = float(value)
    return table


def derive(lines: list[str], polarity: dict[str, float]) -> list[str]:
    """The table `lines` with the Verb∋Net speech verbs merged in (see the module docstring)."""
    members: dict[str, tuple[str, set[str]]] = {}  # lemma -> (first class, derived frames)
    for class_id, names, frames in class_frames():
        if class_id not in SPEECH_ACT_CLASSES:
            continue
        for lemma in names:
            if lemma in NOT_SPEECH:
                continue
            kept = frames - NO_NP_CONTENT.get(lemma, frozenset())
            first, union = members.get(lemma, (class_id, set()))
            if SPEECH_ACT_CLASSES.index(class_id) < SPEECH_ACT_CLASSES.index(first):
                first = class_id
            members[lemma] = (first, union | kept)
    header = [line for line in lines if line.startswith("#")]
    out: list[str] = []
    known: set[str] = set()
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        lemma, cue_class, frames_text, source = line.split("\t")
        if source.startswith("derived:"):
            continue  # added by an earlier run: derived again below
        origin, _, added = source.partition(" derived:")
        frames = [f for f in frames_text.split(",") if f not in added.split(",")]
        if lemma in members:
            first, derived = members[lemma]
            new = sorted(f for f in derived if f.startswith("np") and f not in frames)
            frames += new
            origin = origin if origin.startswith("verbenet:") else f"verbenet:{first}"
            source = f"{origin} derived:{','.join(new)}" if new else origin
        else:
            source = origin
        known.add(lemma)
        out.append("\t".join((lemma, cue_class, ",".join(frames), source)))
    for lemma, (first, derived) in sorted(members.items()):
        if lemma in known or not derived:
            continue
        family = first.split("-")[0]
        stance = CLASS_STANCE.get(family) or ("warm" if polarity.get(lemma, -1.0) > 0 else "hostile")
        frames = sorted(derived, key=lambda f: (not f.startswith(("que", "inf")), f))
        out.append("\t".join((lemma, stance, ",".join(frames), f"derived:verbenet:{first}")))
    return header + out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", type=Path, default=TABLE, help="the reporting-verb table to update in place")
    parser.add_argument("--check", action="store_true", help="only tell whether the table is up to date (exit 1 if not)")
    args = parser.parse_args(argv)
    if not args.table.is_file():
        print(f"{args.table}: no such file", file=sys.stderr)
        return 2
    lines = args.table.read_text(encoding="utf-8").splitlines()
    derived = derive(lines, polarities(POLARITY))
    text = "\n".join(derived) + "\n"
    if args.check:
        stale = text != args.table.read_text(encoding="utf-8")
        print(f"{args.table}: {'stale, rerun scripts/derive_speech_verbs.py' if stale else 'up to date'}")
        return 1 if stale else 0
    args.table.write_text(text, encoding="utf-8")
    added = sum(1 for line in derived if "\tderived:verbenet:" in line)
    extended = sum(1 for line in derived if " derived:" in line)
    print(f"{args.table}: {len(derived) - sum(1 for line in derived if line.startswith('#'))} rows, "
          f"{added} added from Verb∋Net, {extended} given derived np frames")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Gender of person actors and its evidence: the text's agreement first, then the office-holders
knowledge, then INSEE's first names; a group takes its members' genders."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from presse.analyze.gender import _agreed_gender, decide, group_gender, name_gender
from presse.model import Article, Document


def _actor(article: Article, name: str):
    found = [e for e in article.entities if e.name == name]
    assert found, f"no actor {name!r} among {[e.name for e in article.entities]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "gender", "evidence"),
    [
        # a first name of both sexes, decided by the participle agreeing with its subject
        ("Dominique Martin est arrivée à Paris mardi pour le congrès.", "Dominique Martin", "f", "agreement"),
        ("Camille Dupont, élue en 2017, a démissionné hier.", "Camille Dupont", "f", "agreement"),
        ("Camille Dupont a été nommé directeur de l'usine en 2019.", "Camille Dupont", "m", "agreement"),
        # the title outranks the first name
        ("Mme Claude Bernard a annoncé son départ de la mairie.", "Claude Bernard", "f", "title"),
        # a pronoun resolved to the person
        ("Andrea Rossi a pris la parole lundi. Elle a déclaré que le projet était abandonné.", "Andrea Rossi", "f", "pronoun"),
        # a feminine role noun is marked; the masculine one is also said of women
        ("Dominique Bertin a parlé. La ministre de la Santé a ensuite quitté la salle.", "Dominique Bertin", "f", "description"),
        ("Le ministre Ewa Kowalska a annoncé un remaniement du gouvernement.", "Ewa Kowalska", "f", "first_name"),
        # INSEE's file knows first names the curated list lacked
        ("Kellyanne Conway a défendu les propos du président.", "Kellyanne Conway", "f", "first_name"),
        # a coordinated plural subject is not agreement evidence for its first member
        ("Yana Egorian et Sofia Velikaya s'étaient disputé la finale.", "Yana Egorian", "f", "first_name"),
        # a name used for both sexes with nothing in the text: unknown
        ("Claude Lelouch a présenté son nouveau film à Cannes.", "Claude Lelouch", None, None),
        # a participle's gender is read from its ending (the tagger reads « nommée » as masculine)
        ("Sophie Marchal a été nommée mercredi directrice générale du port de Lorient.", "Sophie Marchal", "f", "agreement"),
        # an apposition the parser took for a second subject gives no agreement
        ("À Niort, la permanence du député LaREM des Deux-Sèvres, Guillaume Chiche a été vandalisée.", "Guillaume Chiche", "m", "first_name"),
        # a person noun set right before the name
        ("Le documentaire de la réalisatrice Camille Aubrac a reçu samedi le grand prix du festival.", "Camille Aubrac", "f", "description"),
        # a first name of another country, from the world table
        ("Paavo Nurmi a remporté neuf titres olympiques en athlétisme.", "Paavo Nurmi", "m", "first_name"),
        ("Selon Ivett Tóth, la compétition a été très disputée cette année.", "Ivett Tóth", "f", "first_name"),
        # a person noun the name stands in apposition to, with or without a comma
        ("Eric Drouet a remercié son avocat, Me Kheops Lara.", "Me Kheops Lara", "m", "description"),
        ("Le préfet de Corse Claude Érignac a été tué en 1998.", "Claude Érignac", "m", "description"),
        # a participle agreeing with « qui » in a relative clause on the name
        ("Les habitants ont rendu hommage à Dominique Martin, qui a été tuée lundi.", "Dominique Martin", "f", "agreement"),
    ],
)
def test_gender_of_a_person_with_its_evidence(analyzer, text: str, name: str, gender: str | None, evidence: str | None) -> None:
    actor = _actor(analyzer.analyze(Document(text=text)), name)
    assert (actor.gender, actor.gender_evidence) == (gender, evidence)


@pytest.mark.parametrize(
    ("text", "name", "gender", "overruled"),
    [
        # the masculine role noun is overruled by the first name, and the conflict is kept
        ("Le Premier ministre Beata Szydło a accueilli les troupes américaines samedi.", "Beata Szydło", "f", ["description"]),
        ("Le directeur européen d'Amnesty International, Gauri van Gulik, a publié un communiqué.", "Gauri van Gulik", "f", ["description"]),
        # the title outranks a first name of the other sex
        ("M. Dominique Marie a présenté sa démission au conseil municipal.", "Dominique Marie", "m", []),
        ("Mme Laure Durand a présenté sa démission au conseil municipal.", "Laure Durand", "f", []),
    ],
)
def test_gender_conflicts_are_recorded(analyzer, text: str, name: str, gender: str, overruled: list[str]) -> None:
    actor = _actor(analyzer.analyze(Document(text=text)), name)
    assert (actor.gender, actor.gender_overruled) == (gender, overruled)


@pytest.mark.parametrize(
    ("votes", "decided"),
    [
        # « son avocate » wrongly resolved to her client: descriptions of both genders come last
        ({"description": {"f": 1, "m": 1}, "pronoun": {"m": 1}, "first_name": {"m": 1}}, ("m", "pronoun", ["description"])),
        # a feminine description alone decides at once, over a weaker masculine signal
        ({"description": {"f": 1}, "first_name": {"m": 1}}, ("f", "description", ["first_name"])),
        # a split signal gives way to the next one, and is recorded as overruled
        ({"pronoun": {"f": 1, "m": 1}, "first_name": {"f": 1}}, ("f", "first_name", ["pronoun"])),
        ({"pronoun": {"f": 1, "m": 1}}, (None, None, [])),
    ],
)
def test_gender_decide_by_strength(votes: dict[str, dict[str, int]], decided: tuple) -> None:
    full = {s: Counter(votes.get(s, {})) for s in ("title", "agreement", "description", "pronoun", "office", "first_name")}
    assert decide(full) == decided


@pytest.mark.parametrize(
    ("text", "group", "gender"),
    [
        ("Marie et Paul Dupont ont affirmé que la maison était vide.", "Marie Dupont et Paul Dupont", "x"),
        ("Marie et Anne Dupont ont affirmé que la maison était vide.", "Marie Dupont et Anne Dupont", "f"),
    ],
)
def test_gender_of_a_group_from_its_members(analyzer, text: str, group: str, gender: str) -> None:
    actor = _actor(analyzer.analyze(Document(text=text)), group)
    assert (actor.gender, actor.gender_evidence) == (gender, "members")


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Marine Le Pen", "f"),
        ("Jean-Pierre Raffarin", "m"),
        ("Hélène Carrère d'Encausse", "f"),
        ("HELENE Martin", "f"),  # case and accents ignored
        ("Sacha Houlié", "m"),  # 94 % boys in INSEE's file
        ("Dominique Strauss-Kahn", None),  # 41 % girls: both sexes
        ("Camille Étienne", None),
        ("Claude Guéant", None),
        ("Kamala Harris", "f"),  # not in INSEE's file: the curated list
        ("Poutine", None),  # a single word is no first name
        ("Me Laure Benhamou", "f"),  # « Me » (maître) shows no gender: the first name does
        ("Pr Gilles Martin", "m"),
        ("Paavo Nurmi", "m"),  # names of other countries: the world table
        ("Serafima Sakhanovich", "f"),
        ("Bahman Golbarnejhad", "m"),
        ("Jean Rondeau", "m"),  # INSEE wins over the world table (48 % women there)
        ("Andrea Rossi", None),  # INSEE's 24 % girls: both sexes, whatever other countries say
        ("Jinping Xi", "m"),  # the curated list before the world table (43 % women there)
    ],
)
def test_gender_name_from_first_name_tables(name: str, gender: str | None) -> None:
    assert name_gender(name) == gender


@pytest.mark.parametrize(
    ("members", "gender"),
    [(["f", "m"], "x"), (["f", "f"], "f"), (["m", "m", "m"], "m"), (["f", None], None), (["f", "m", None], "x")],
)
def test_gender_group_from_members(members: list[str | None], gender: str | None) -> None:
    assert group_gender(members) == gender


@pytest.mark.parametrize(
    ("word", "morph", "gender"),
    [
        # a participle's ending outranks the tagger's gender (hand-built: the parse is not the point)
        ("nommée", "VerbForm=Part|Gender=Masc|Number=Sing", "f"),
        ("élue", "VerbForm=Part|Gender=Masc|Number=Sing", "f"),
        ("mise", "VerbForm=Part|Number=Sing", "f"),
        ("nommé", "VerbForm=Part|Gender=Fem|Number=Sing", "m"),
        ("parti", "VerbForm=Part|Number=Sing", "m"),
        # an adjective keeps the tagger's reading (« heureuse », « prête » have no participle ending)
        ("heureuse", "Gender=Fem|Number=Sing", "f"),
        ("jeune", "Number=Sing", None),
    ],
)
def test_gender_participle_ending_decides(word: str, morph: str, gender: str | None) -> None:
    doc = Doc(Vocab(), words=[word])
    doc[0].set_morph(morph)
    assert _agreed_gender(doc[0]) == gender

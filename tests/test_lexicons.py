"""Tests of presse.lexicons: the bundled French data files and their loader."""

from __future__ import annotations

from collections.abc import Callable, Sized
from pathlib import Path
from typing import Any

import pytest

from presse import lexicons
from presse.lexicons import (
    CUE_CLASSES,
    FRAMES,
    OFFICE_KEYS,
    LexiconFormatError,
    countries,
    country_by_alias,
    demonym_genders,
    demonyms,
    first_name_gender,
    first_names,
    metonyms,
    naming_cues,
    pronouns,
    reporting_verb,
    reporting_verbs,
    role_titles,
    speaker_nouns,
    speech_nouns,
)

DATA_DIR = Path(lexicons.__file__).parent / "fr"


@pytest.mark.parametrize(
    ("loader", "minimum"),
    [
        (reporting_verbs, 300),
        (speech_nouns, 80),
        (speaker_nouns, 250),
        (role_titles, 60),
        (countries, 193),
        (metonyms, 200),
        (pronouns, 40),
        (first_names, 1500),
    ],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_lexicons_bundled_file_meets_minimum_size(
    loader: Callable[[], Sized], minimum: int
) -> None:
    assert len(loader()) >= minimum


def test_lexicons_demonyms_cover_150_countries() -> None:
    targets = set(demonyms().values())
    assert len(targets & set(countries())) >= 150
    assert {"Union européenne", "ONU"} <= targets


def test_lexicons_demonym_targets_are_known_countries_or_bodies() -> None:
    supranational = {"Union européenne", "ONU", "OTAN"}
    assert set(demonyms().values()) <= set(countries()) | supranational


def test_lexicons_every_capital_is_a_loc_metonym() -> None:
    table = metonyms()
    for country in countries().values():
        if country.capital != country.name:
            entry = table[country.capital]
            assert (entry.type, entry.stands_for) == ("LOC", country.name)


def test_lexicons_naming_cue_sections_are_filled_and_disjoint() -> None:
    cues = naming_cues()
    assert cues.verbs and cues.nouns and cues.weak
    assert not (cues.verbs & cues.nouns or cues.verbs & cues.weak or cues.nouns & cues.weak)
    assert "qualifier" not in cues.verbs | cues.nouns | cues.weak


def test_lexicons_reporting_verbs_use_declared_vocabulary() -> None:
    for verb in reporting_verbs().values():
        assert verb.cue_class in CUE_CLASSES
        assert verb.frames and verb.frames <= FRAMES
    assert {verb.cue_class for verb in reporting_verbs().values()} == CUE_CLASSES


def test_lexicons_role_titles_use_office_keys() -> None:
    assert {title.office for title in role_titles().values()} <= OFFICE_KEYS


def test_lexicons_office_keys_include_knowledge_vocabulary() -> None:
    knowledge = pytest.importorskip("presse.knowledge")
    assert knowledge.OFFICE_KEYS <= OFFICE_KEYS


@pytest.mark.parametrize(
    "file_name",
    sorted(path.name for path in DATA_DIR.iterdir() if path.suffix in {".tsv", ".txt"}),
)
def test_lexicons_data_file_has_sourced_header_and_unique_keys(file_name: str) -> None:
    lines = (DATA_DIR / file_name).read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("# columns:")
    assert any("source" in line for line in header)
    assert any("licence" in line for line in header)
    # The key is the first column (set and form in word-set files); naming cues may repeat a
    # word across sections only.
    width = 2 if file_name.removesuffix(".tsv") in lexicons.WORD_SET_FILES else 1
    keys = ["\t".join(line.split("\t")[:width]) for line in lines if line.strip() and not line.startswith("#")]
    if file_name in {"role_titles.tsv", "demonyms.tsv", "pronouns.tsv"}:
        keys = [key.lower() for key in keys]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("russe", "Russie"),
        ("Russes", "Russie"),
        ("américaines", "États-Unis"),
        ("étasunien", "États-Unis"),
        ("française", "France"),
        ("britannique", "Royaume-Uni"),
        ("ukrainiennes", "Ukraine"),
        ("chinois", "Chine"),
        ("nord-coréen", "Corée du Nord"),
        ("grecque", "Grèce"),
        ("turques", "Turquie"),
        ("ivoirienne", "Côte d'Ivoire"),
        ("européenne", "Union européenne"),
        ("onusiens", "ONU"),
    ],
)
def test_lexicons_demonym_maps_to_country(form: str, country: str) -> None:
    assert demonyms()[form.lower()] == country


@pytest.mark.parametrize(
    ("form", "kind", "stands_for"),
    [
        ("Kremlin", "ORG", "Russie"),
        ("Maison-Blanche", "ORG", "États-Unis"),
        ("Élysée", "ORG", "France"),
        ("Matignon", "ORG", "France"),
        ("Quai d'Orsay", "ORG", "France"),
        ("Downing Street", "ORG", "Royaume-Uni"),
        ("Zhongnanhai", "ORG", "Chine"),
        ("Berlaymont", "ORG", "Commission européenne"),
        ("Moscou", "LOC", "Russie"),
        ("Washington", "LOC", "États-Unis"),
        ("Kyiv", "LOC", "Ukraine"),
        ("Pékin", "LOC", "Chine"),
    ],
)
def test_lexicons_metonym_stands_for_actor(form: str, kind: str, stands_for: str) -> None:
    entry = metonyms()[form]
    assert (entry.type, entry.stands_for) == (kind, stands_for)


@pytest.mark.parametrize(
    ("lemma", "cue_class", "frame"),
    [
        ("menacer", "hostile", "de"),
        ("remercier", "warm", "obj"),
        ("reconnaître", "concessive", "que"),
        ("laisser entendre", "neutral", "que"),
        ("dire", "neutral", "incise"),
        ("affirmer", "assertive", "inf"),
        ("prétendre", "distancing", "que"),
        ("s'inquiéter", "worried", "que"),
        ("se féliciter", "warm", "que"),
        ("exiger", "directive", "inf"),
        ("promettre", "commissive", "inf"),
        ("démentir", "denial", "direct"),
        ("estimer", "opinion", "incise"),
        ("se demander", "question", "direct"),
        ("annoncer", "announcement", "que"),
        ("qualifier de", "opinion", "de"),
        ("glisser", "neutral", "incise"),
        ("évoquer", "neutral", "obj"),
    ],
)
def test_lexicons_reporting_verb_class_and_frame(lemma: str, cue_class: str, frame: str) -> None:
    verb = reporting_verbs()[lemma]
    assert verb.cue_class == cue_class
    assert frame in verb.frames


@pytest.mark.parametrize(
    ("lemma", "frames"),
    [
        ("lancer", {"direct", "incise"}),
        ("glisser", {"direct", "incise"}),
        ("évoquer", {"obj", "np"}),
        ("mentionner", {"obj", "np"}),
    ],
)
def test_lexicons_reporting_verb_has_exactly_frames(lemma: str, frames: set[str]) -> None:
    assert reporting_verbs()[lemma].frames == frames


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("féliciter", "féliciter"),
        ("se féliciter", "se féliciter"),
        ("s' inquiéter", "s'inquiéter"),
        ("s\u2019inquiéter", "s'inquiéter"),
        ("laisser  entendre", "laisser entendre"),
        ("se rappeler", "se rappeler"),
        ("s'insurger", "s'insurger"),
        ("se commenter", "commenter"),
        ("inquiéter", None),
        ("manger", None),
    ],
)
def test_lexicons_reporting_verb_lookup(query: str, expected: str | None) -> None:
    found = reporting_verb(query)
    assert (found.lemma if found else None) == expected


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Etats-Unis", "US"),
        ("USA", "US"),
        ("états unis", "US"),
        ("Grande-Bretagne", "GB"),
        ("coree du nord", "KP"),
        ("RDC", "CD"),
        ("Côte d\u2019Ivoire", "CI"),
        ("Russie", "RU"),
        ("la", None),
        ("Atlantide", None),
    ],
)
def test_lexicons_country_by_alias(name: str, iso2: str | None) -> None:
    found = country_by_alias(name)
    assert (found.iso2 if found else None) == iso2


@pytest.mark.parametrize(
    ("name", "article", "capital"),
    [
        ("Russie", "la", "Moscou"),
        ("États-Unis", "les", "Washington"),
        ("Japon", "le", "Tokyo"),
        ("Ukraine", "l'", "Kiev"),
        ("Israël", "-", "Jérusalem"),
    ],
)
def test_lexicons_country_article_and_capital(name: str, article: str, capital: str) -> None:
    country = countries()[name]
    assert (country.article, country.capital) == (article, capital)


@pytest.mark.parametrize(
    ("title", "gender", "office"),
    [
        ("président", "m", "head_of_state"),
        ("premier ministre", "m", "head_of_government"),
        ("première ministre", "f", "head_of_government"),
        ("chancelière", "f", "head_of_government"),
        ("chef de la diplomatie", "mf", "foreign_minister"),
        ("homologue", "mf", "counterpart"),
        ("présidente de la commission européenne", "f", "commission_president"),
    ],
)
def test_lexicons_role_title_office(title: str, gender: str, office: str) -> None:
    role = role_titles()[title]
    assert (role.gender, role.office) == (gender, office)


@pytest.mark.parametrize(
    ("noun", "gender", "kind"),
    [
        ("ministre", "mf", "person"),
        ("porte-parole", "mf", "person"),
        ("présidente", "f", "person"),
        ("procureur", "m", "person"),
        ("syndicat", "m", "group"),
        ("gouvernement", "m", "institution"),
        ("police", "f", "institution"),
    ],
)
def test_lexicons_speaker_noun(noun: str, gender: str, kind: str) -> None:
    entry = speaker_nouns()[noun]
    assert (entry.gender, entry.kind) == (gender, kind)


@pytest.mark.parametrize(
    "noun", ["déclaration", "propos", "communiqué", "conférence de presse", "tweet", "entretien"]
)
def test_lexicons_speech_noun_present(noun: str) -> None:
    assert noun in speech_nouns()


@pytest.mark.parametrize(
    ("word", "section"),
    [
        ("baptisé", "verbs"),
        ("surnommée", "verbs"),
        ("opération", "nouns"),
        ("hashtag", "nouns"),
        ("formule", "weak"),
        ("dit", "weak"),
    ],
)
def test_lexicons_naming_cue_section(word: str, section: str) -> None:
    assert word in getattr(naming_cues(), section)


@pytest.mark.parametrize(
    ("form", "gender", "number", "kind"),
    [
        ("il", "m", "sg", "subject"),
        ("elles", "f", "pl", "subject"),
        ("leur", "mf", "pl", "possessive"),
        ("leur", "mf", "pl", "object"),
        ("sa", "mf", "sg", "possessive"),
        ("cette dernière", "f", "sg", "demonstrative"),
        ("eux", "m", "pl", "stressed"),
    ],
)
def test_lexicons_pronoun_features(form: str, gender: str, number: str, kind: str) -> None:
    info = pronouns()[form]
    assert (info.gender, info.number) == (gender, number)
    assert kind in info.kinds


@pytest.mark.parametrize(
    ("token", "gender"),
    [
        ("Angela", "f"),
        ("Emmanuel", "m"),
        ("Vladimir", "m"),
        ("Volodymyr", "m"),
        ("Ursula", "f"),
        ("Kamala", "f"),
        ("Jean-Yves", "m"),
        ("Ségolène", "f"),
        ("Claude", "mf"),
        ("Dominique", "mf"),
        ("Camille", "mf"),
        ("ANGELA", "f"),
        ("Segolene", "f"),
        ("angela", None),
        ("Macron", None),
    ],
)
def test_lexicons_first_name_gender(token: str, gender: str | None) -> None:
    assert first_name_gender(token) == gender


@pytest.mark.parametrize(
    ("form", "gender"),
    [("russe", "mf"), ("tunisienne", "f"), ("américain", "m"), ("finlandais", "m"), ("parisienne", "f"), ("lyon", None)],
)
def test_lexicons_demonym_genders(form: str, gender: str | None) -> None:
    assert demonym_genders().get(form) == gender


@pytest.mark.parametrize(
    ("token", "share"),
    [("Volodymyr", (0.0, 6515)), ("IVETT", (0.982, 1476)), ("Gauri", (0.965, 715)), ("Marine", None), ("Claude", None)],
)
def test_lexicons_world_first_name_share(token: str, share: tuple[float, int] | None) -> None:
    # names INSEE lists (Marine, Claude) are left out of the world table: INSEE wins for them
    assert lexicons.world_first_name_share(token) == share


def test_lexicons_accessors_are_cached() -> None:
    assert reporting_verbs() is reporting_verbs()
    assert first_names() is first_names()


def test_lexicons_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        reporting_verbs()["dire"] = reporting_verbs()["dire"]  # type: ignore[index]


BAD_ROWS = [
    (lexicons.parse_reporting_verbs, "dire\tneutral\tque\n", 3, "expected 4"),
    (lexicons.parse_reporting_verbs, "dire\tgentle\tque\tcurated\n", 3, "class 'gentle'"),
    (lexicons.parse_reporting_verbs, "dire\tneutral\tque,wh\tcurated\n", 3, "frame 'wh'"),
    (
        lexicons.parse_reporting_verbs,
        "dire\tneutral\tque\tx\ndire\tneutral\tque\tx\n",
        4,
        "duplicate",
    ),
    (lexicons.parse_speaker_nouns, "maire\tn\tperson\n", 3, "gender 'n'"),
    (lexicons.parse_speaker_nouns, "maire\tmf\tanimal\n", 3, "kind 'animal'"),
    (lexicons.parse_role_titles, "roi\tm\tking\n", 3, "office 'king'"),
    (lexicons.parse_demonyms, "russe\tRussie\tmf\tdual\n", 3, "number 'dual'"),
    (lexicons.parse_countries, "Russie\tRUS\tMoscou\t\tla\n", 3, "iso2 'RUS'"),
    (lexicons.parse_countries, "Russie\tRU\tMoscou\t\tdes\n", 3, "article 'des'"),
    (lexicons.parse_metonyms, "Kremlin\tPER\tRussie\n", 3, "type 'PER'"),
    (lexicons.parse_pronouns, "il\tm\tsg\t4\tsubject\n", 3, "person '4'"),
    (lexicons.parse_first_names, "Angela\tf\textra\n", 3, "expected 2"),
    (lexicons.parse_first_names, "Angela\t\n", 3, "column 2 is empty"),
    (lexicons.parse_first_name_shares, "marine\tmost\t119022\n", 3, "is not a number"),
    (lexicons.parse_first_name_shares, "marine\t1.5\t119022\n", 3, "not in [0, 1]"),
    (lexicons.parse_first_name_shares, "marine\t1.0\t5\nMarine\t1.0\t5\n", 4, "duplicate"),
    (lexicons.parse_word_list, "propos\tnoun\n", 3, "one entry per line"),
    (lexicons.parse_naming_cues, "baptisé\n", 3, "before any"),
    (lexicons.parse_word_sets, "plural\tles\nplural\tles\n", 4, "duplicate"),
    (lexicons.parse_word_sets, "plural\tles\tx\ty\n", 3, "expected 2 to 3"),
]


@pytest.mark.parametrize(
    ("parse", "rows", "line", "problem"),
    BAD_ROWS,
    ids=[f"{case[0].__name__}-{index}" for index, case in enumerate(BAD_ROWS)],
)
def test_lexicons_malformed_line_raises_with_file_and_line(
    tmp_path: Path, parse: Callable[[Path], object], rows: str, line: int, problem: str
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("# columns: test\n\n" + rows, encoding="utf-8")
    with pytest.raises(LexiconFormatError) as caught:
        parse(bad)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(f"{bad}:{line}: ")
    assert problem in str(caught.value)


def test_lexicons_well_formed_temp_file_parses(tmp_path: Path) -> None:
    good = tmp_path / "verbs.tsv"
    good.write_text(
        "# columns: lemma\tclass\tframes\tsource\nsusurrer\tneutral\tdirect, incise\tx\n"
    )
    parsed = lexicons.parse_reporting_verbs(good)
    assert parsed["susurrer"].frames == frozenset({"direct", "incise"})


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("RN", "Rassemblement national"),
        ("Front national", "Rassemblement national"),
        ("LREM", "Renaissance"),
        ("Les Républicains", "Les Républicains"),
        ("AfD", "Alternative pour l'Allemagne"),
        ("Vox", "Vox"),
        ("vox", None),  # a lowercase word is never a party
        ("Paris", None),
    ],
)
def test_lexicons_party(name: str, expected: str | None) -> None:
    found = lexicons.party(name)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("form", "place"),
    [
        ("Européens", "Union européenne"),
        ("Québécois", "Québec"),
        ("parisiennes", "Paris"),
        ("Corses", "Corse"),
        ("Corse", None),  # alone and singular it names the island
        ("Suisse", None),  # the country
        ("Argentine", None),
        ("Lyon", None),
    ],
)
def test_lexicons_group_demonym(form: str, place: str | None) -> None:
    assert lexicons.group_demonym(form) == place


@pytest.mark.parametrize(
    ("name", "is_disease"),
    [("Ebola", True), ("COVID-19", True), ("choléra", True), ("maladie de Parkinson", True), ("Emmanuel Macron", False)],
)
def test_lexicons_disease(name: str, is_disease: bool) -> None:
    assert lexicons.disease(name) is is_disease


@pytest.mark.parametrize(
    ("accessor", "name", "members"),
    [
        (lexicons.function_words, "que", {"que", "qu'", "qu’"}),
        (lexicons.function_words, "subject_pronoun", {"il", "elles", "-t-il"}),
        (lexicons.function_words, "article", {"le", "l’", "aux"}),
        (lexicons.quote_words, "calendar_noun", {"lundi", "décembre"}),
        (lexicons.quote_words, "object_control_verb", {"permettre", "autoriser"}),
    ],
)
def test_lexicons_bundled_word_sets(accessor: Callable[[], Any], name: str, members: set[str]) -> None:
    assert members <= accessor()[name]


@pytest.mark.parametrize(
    ("name", "form", "member"),
    [
        ("determiners.plural", "les", True),
        ("determiners.plural", "le", False),
        ("prepositions.locative", "à", True),
        ("name_words.nickname_cue", "alias", True),
        ("clause_words.impersonal", "faut", True),
        ("collective_nouns.place", "État", True),
    ],
)
def test_lexicons_word_set_membership(name: str, form: str, member: bool) -> None:
    assert (form in lexicons.word_set(name)) is member


def test_lexicons_word_map_values() -> None:
    assert lexicons.word_map("determiners.contracted")["du"] == "le"
    assert lexicons.word_map("name_words.civil_title")["mme"] == "f"


@pytest.mark.parametrize("name", ["determiners.nonexistent", "adverbs.plural"])
def test_lexicons_unknown_word_set_is_a_key_error(name: str) -> None:
    with pytest.raises(KeyError):
        lexicons.word_set(name)


def test_lexicons_effects_merge_verbenet_rows_with_curated_rows_winning():
    from importlib.resources import files

    from presse.lexicons import effects, parse_effects

    derived = parse_effects(files("presse.lexicons").joinpath("fr", "effects_verbenet.tsv"))
    curated = parse_effects(files("presse.lexicons").joinpath("fr", "effects.tsv"))
    merged = effects()
    assert len(derived) > 80 and not set(derived) & set(curated)
    assert merged["fouiller"].kind == "justice" and merged["affronter"].kind == "defeat"
    # reporting verbs of class hostile or warm are reported stances, not acts
    assert "critiquer" not in derived and "féliciter" not in derived
    assert all(merged[lemma] == entry for lemma, entry in curated.items())


def test_lexicons_effects_verbenet_file_is_what_the_script_derives():
    import importlib.util

    pytest.importorskip("verbenet")
    script = Path(__file__).resolve().parents[1] / "scripts" / "derive_verbenet_acts.py"
    spec = importlib.util.spec_from_file_location("derive_verbenet_acts", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.derive()
    committed = [line.split("\t") for line in module.OUT.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert [(lemma, kind, source) for lemma, kind, _de, source in committed] == rows

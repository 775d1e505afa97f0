"""French lexicons for presse's rule-based analysis, read from the data files in ``lexicons/fr``.

Every file is UTF-8 text; lines starting with ``#`` are comments (the first ones give the columns,
source and licence), blank lines are skipped, other lines are tab-separated rows. Each public
accessor parses its file once per process (``functools.cache``) and returns a read-only view.
``parse_*`` functions parse any path with the same format, for tests and user extensions.

A malformed row (wrong column count, unknown class, frame, office, gender, kind…, duplicate key)
raises ``LexiconFormatError``, a ``ValueError`` whose message is ``"<file>:<line>: <problem>"``
(the full path for files on disk).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import PurePath
from types import MappingProxyType
from typing import Final, TypeVar

from presse.analyze.names import fold_name
from presse.knowledge import OFFICE_KEYS as KNOWLEDGE_OFFICES

__all__ = [
    "CUE_CLASSES",
    "EFFECT_KINDS",
    "FRAMES",
    "OFFICE_KEYS",
    "Country",
    "CueVerb",
    "Effect",
    "LexiconFormatError",
    "Metonym",
    "NamingCues",
    "OrganisationNoun",
    "Party",
    "PronounInfo",
    "RoleTitle",
    "SpeakerNoun",
    "SpeechPredicate",
    "acronym_names",
    "countries",
    "country_by_alias",
    "demonym_genders",
    "demonyms",
    "disease",
    "diseases",
    "effect",
    "effects",
    "first_name_gender",
    "first_name_share",
    "first_name_shares",
    "first_names",
    "function_words",
    "gentiles",
    "group_demonym",
    "metonyms",
    "naming_cues",
    "organisation_nouns",
    "parse_acronyms",
    "parse_countries",
    "parse_demonyms",
    "parse_effects",
    "parse_first_name_shares",
    "parse_first_names",
    "parse_metonyms",
    "parse_naming_cues",
    "parse_organisation_nouns",
    "parse_parties",
    "parse_pronouns",
    "parse_reporting_verbs",
    "parse_role_titles",
    "parse_speaker_nouns",
    "parse_word_list",
    "parse_word_sets",
    "parties",
    "party",
    "pronouns",
    "quote_words",
    "reporting_verb",
    "reporting_verbs",
    "role_titles",
    "speaker_nouns",
    "speech_nouns",
    "speech_predicates",
    "word_map",
    "word_set",
    "world_first_name_share",
    "world_first_name_shares",
]

CUE_CLASSES: Final = frozenset(
    {
        "neutral",
        "assertive",
        "distancing",
        "concessive",
        "hostile",
        "warm",
        "worried",
        "directive",
        "commissive",
        "denial",
        "opinion",
        "question",
        "announcement",
    }
)
EFFECT_KINDS: Final = frozenset({"violence", "coercion", "justice", "defeat", "death", "help", "reward"})
EFFECT_DE_ROLES: Final = frozenset({"patient", "agent", "-"})
# "np" (noun-phrase content, a direct object) and "np:<preposition>" (after that preposition):
# the speech act reports what was said through a noun phrase ("a dénoncé la fermeture")
FRAMES: Final = frozenset({"que", "inf", "direct", "incise", "de", "obj", "np", "np:à", "np:de", "np:pour", "np:contre", "np:sur"})
# Offices with bundled holders come from presse.knowledge; these others are offices the lexicon
# recognises but for which no holders are bundled.
LEXICON_ONLY_OFFICES: Final = frozenset(
    {
        "vice_president",
        "deputy_head_of_government",
        "counterpart",
        "minister",
        "junior_minister",
        "health_minister",
        "education_minister",
        "labour_minister",
        "agriculture_minister",
        "environment_minister",
        "trade_minister",
        "energy_minister",
        "culture_minister",
        "government_spokesperson",
        "foreign_ministry_spokesperson",
        "spokesperson",
        "ambassador",
        "envoy",
        "mediator",
        "army_chief",
        "national_security_adviser",
        "opposition_leader",
        "party_leader",
        "prosecutor",
        "mayor",
        "governor",
    }
)
OFFICE_KEYS: Final = KNOWLEDGE_OFFICES | LEXICON_ONLY_OFFICES
GENDERS: Final = frozenset({"m", "f", "mf"})
SPEAKER_KINDS: Final = frozenset({"person", "group", "institution"})
ORGANISATION_CLASSES: Final = frozenset(
    {"company", "media", "institution", "club", "party", "union", "association", "country"}
)
ORGANISATION_NOUN_USES: Final = frozenset({"any", "source"})
METONYM_TYPES: Final = frozenset({"ORG", "LOC"})
ARTICLES: Final = frozenset({"la", "le", "les", "l'", "-"})
DEMONYM_NUMBERS: Final = frozenset({"sg", "pl", "inv"})
PRONOUN_NUMBERS: Final = frozenset({"sg", "pl", "any"})
PRONOUN_PERSONS: Final = frozenset({"1", "2", "3"})
PRONOUN_KINDS: Final = frozenset(
    {"subject", "object", "stressed", "possessive", "reflexive", "demonstrative", "anaphoric"}
)
NAMING_SECTIONS: Final = ("verbs", "nouns", "weak", "charges")

_PACKAGE_DIR: Final = "fr"
_V = TypeVar("_V")


class LexiconFormatError(ValueError):
    """A data row that does not follow its file's format; ``str()`` is ``"<file>:<line>: <problem>"``."""

    def __init__(self, source: str, line: int, problem: str) -> None:
        self.source = source
        self.line = line
        self.problem = problem
        super().__init__(f"{source}:{line}: {problem}")


@dataclass(frozen=True, slots=True)
class CueVerb:
    """A reporting cue: a verb lemma (``se féliciter``) or multiword cue (``laisser entendre``).

    ``cue_class`` is one of ``CUE_CLASSES``; ``frames`` a non-empty subset of ``FRAMES``.
    """

    lemma: str
    cue_class: str
    frames: frozenset[str]


@dataclass(frozen=True, slots=True)
class Effect:
    """An act done to someone (``tuer``, ``arrestation``, ``aider``) or that befalls them
    (``mourir``): ``kind`` in EFFECT_KINDS; ``de`` the role of a noun's "de" complement
    (``patient``: "l'arrestation de X"; ``agent``: "le soutien de X"; ``-`` for verbs)."""

    lemma: str
    kind: str
    de: str


@dataclass(frozen=True, slots=True)
class SpeakerNoun:
    """A common noun that can head a speaker mention; gender in m|f|mf, kind in SPEAKER_KINDS."""

    noun: str
    gender: str
    kind: str


@dataclass(frozen=True, slots=True)
class RoleTitle:
    """A title designating an office (``Premier ministre`` → ``head_of_government``)."""

    title: str
    gender: str
    office: str


@dataclass(frozen=True, slots=True)
class Country:
    """A country as French news names it; ``article`` is la|le|les|l'|- (``-``: no article)."""

    name: str
    iso2: str
    capital: str
    aliases: tuple[str, ...]
    article: str


@dataclass(frozen=True, slots=True)
class Metonym:
    """A place name standing for an actor: ``type`` ORG (seat of power) or LOC (capital)."""

    form: str
    type: str
    stands_for: str
    note: str


@dataclass(frozen=True, slots=True)
class Party:
    """A political party: its usual French name, other names and acronyms, its country."""

    name: str
    aliases: tuple[str, ...]
    country: str


@dataclass(frozen=True, slots=True)
class NamingCues:
    """Words before a « » span that mark it as a name or term; ``weak`` ones are ambiguous;
    ``charges`` are judicial words after which « pour / de « … » » names an offence."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    weak: frozenset[str]
    charges: frozenset[str]


@dataclass(frozen=True, slots=True)
class PronounInfo:
    """A pronoun or anaphoric determiner; for possessives gender/number are the possessor's."""

    form: str
    gender: str
    number: str
    person: int
    kinds: frozenset[str]


def _label(source: Traversable) -> str:
    # A filesystem path is shown in full so that a user's own file can be found from the message.
    return str(source) if isinstance(source, PurePath) else source.name


def _lines(source: Traversable) -> Iterator[tuple[int, str]]:
    """Yield (line number, line) for data lines, skipping ``#`` comments and blank lines."""
    for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        yield number, line


def _rows(
    source: Traversable, columns: int, optional: int = 0, may_be_empty: frozenset[int] = frozenset()
) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) of exactly ``columns`` cells.

    The last ``optional`` columns may be omitted (they are then empty); other columns must be
    non-empty unless their index is in ``may_be_empty``.
    """
    for number, line in _lines(source):
        cells = [cell.strip() for cell in line.split("\t")]
        if not columns - optional <= len(cells) <= columns:
            expected = str(columns) if not optional else f"{columns - optional} to {columns}"
            raise LexiconFormatError(
                _label(source),
                number,
                f"expected {expected} tab-separated columns, got {len(cells)}",
            )
        for index, cell in enumerate(cells[: columns - optional]):
            if not cell and index not in may_be_empty:
                raise LexiconFormatError(_label(source), number, f"column {index + 1} is empty")
        yield number, cells + [""] * (columns - len(cells))


def _check(source: Traversable, line: int, what: str, value: str, allowed: frozenset[str]) -> str:
    if value not in allowed:
        raise LexiconFormatError(
            _label(source), line, f"{what} {value!r} is not one of {', '.join(sorted(allowed))}"
        )
    return value


def _put(target: dict[str, _V], key: str, value: _V, source: Traversable, line: int) -> None:
    if key in target:
        raise LexiconFormatError(_label(source), line, f"duplicate entry {key!r}")
    target[key] = value


def _bundled(name: str) -> Traversable:
    return files(__package__ or "presse.lexicons").joinpath(_PACKAGE_DIR, name)


# --- reporting verbs -------------------------------------------------------------------------


def parse_reporting_verbs(source: Traversable) -> dict[str, CueVerb]:
    """Parse ``lemma<TAB>class<TAB>frames<TAB>source`` rows into CueVerbs keyed by lemma."""
    verbs: dict[str, CueVerb] = {}
    for line, (lemma, cue_class, frames_text, _origin) in _rows(source, 4):
        _check(source, line, "class", cue_class, CUE_CLASSES)
        frames = frozenset(frame.strip() for frame in frames_text.split(","))
        for frame in frames:
            _check(source, line, "frame", frame, FRAMES)
        _put(verbs, lemma, CueVerb(lemma, cue_class, frames), source, line)
    return verbs


@cache
def reporting_verbs() -> Mapping[str, CueVerb]:
    """All reporting cues keyed by lemma as written (``dire``, ``se féliciter``, ``faire savoir``)."""
    return MappingProxyType(parse_reporting_verbs(_bundled("reporting_verbs.tsv")))


def reporting_verb(lemma: str) -> CueVerb | None:
    """The cue for ``lemma``, or None.

    Looks ``lemma`` up as written, after collapsing whitespace and normalising the typographic
    apostrophe and a tokenised ``s' inquiéter``. If that fails and ``lemma`` starts with a
    reflexive ``se ``/``s'``, the bare verb is tried (``se rappeler`` would find ``rappeler``).
    The reverse is never done: ``reporting_verb("féliciter")`` finds the row ``féliciter`` if
    there is one and otherwise gives None, even though ``se féliciter`` is listed, because the
    reflexive and the bare verb can differ in class (``se demander`` vs ``demander``); callers
    that see a reflexive clitic should ask for ``"se " + lemma``.
    """
    key = " ".join(lemma.replace("\u2019", "'").split()).replace("s' ", "s'")
    verbs = reporting_verbs()
    if key in verbs:
        return verbs[key]
    for prefix in ("se ", "s'"):
        if key.startswith(prefix) and key[len(prefix) :] in verbs:
            return verbs[key[len(prefix) :]]
    return None


@dataclass(frozen=True, slots=True)
class SpeechPredicate:
    """A support-verb construction naming a speech act (``speech_predicates.tsv``): ``verb`` and
    ``noun`` lemmas (« faire » + « état »), ``preposition`` after which the content comes (« de »),
    or ``""`` when the noun's own phrase is the content (« présenter ses condoléances »)."""

    verb: str
    noun: str
    preposition: str
    cue_class: str


PREDICATE_PREPOSITIONS: Final = frozenset({"", "à", "de", "pour", "contre", "sur"})


def parse_speech_predicates(source: Traversable) -> dict[tuple[str, str], tuple[SpeechPredicate, ...]]:
    """Parse ``verb noun<TAB>prepositions<TAB>class<TAB>source`` rows keyed by (verb, noun), one
    SpeechPredicate per preposition (``|``-separated; ``-`` is the noun's own phrase, ``""``)."""
    found: dict[tuple[str, str], tuple[SpeechPredicate, ...]] = {}
    for line, (predicate, prepositions, cue_class, _origin) in _rows(source, 4):
        verb, _, noun = predicate.partition(" ")
        if not noun or " " in noun:
            raise LexiconFormatError(_label(source), line, f"predicate {predicate!r} is not « verb noun »")
        _check(source, line, "class", cue_class, CUE_CLASSES)
        preps = ["" if p == "-" else p for p in prepositions.split("|")]
        for prep in preps:
            _check(source, line, "preposition", prep, PREDICATE_PREPOSITIONS)
        _put(found, (verb, noun), tuple(SpeechPredicate(verb, noun, p, cue_class) for p in preps), source, line)
    return found


@cache
def speech_predicates() -> Mapping[tuple[str, str], tuple[SpeechPredicate, ...]]:
    """Support-verb constructions of speech (« faire état de »), keyed by (verb, noun) lemmas."""
    return MappingProxyType(parse_speech_predicates(_bundled("speech_predicates.tsv")))


# --- nouns -----------------------------------------------------------------------------------


def parse_word_list(source: Traversable) -> frozenset[str]:
    """Parse a one-entry-per-line list; a tab in a line or a repeated entry is an error."""
    words: dict[str, None] = {}
    for line, text in _lines(source):
        word = text.strip()
        if "\t" in word:
            raise LexiconFormatError(
                _label(source), line, "expected one entry per line, found a tab"
            )
        _put(words, word, None, source, line)
    return frozenset(words)


@cache
def function_words() -> Mapping[str, frozenset[str]]:
    """French closed-class words by set (``que``, ``relative``, ``subject_pronoun``, ``article``…;
    the sets are described in ``function_words.tsv``)."""
    return _set_members("function_words")


@cache
def quote_words() -> Mapping[str, frozenset[str]]:
    """Content words the quotation rules read by class (``calendar_noun``, ``time_noun``,
    ``intent_noun``, ``quantity_noun``, ``object_control_verb``…; see ``quote_words.tsv``)."""
    return _set_members("quote_words")


@cache
def speech_nouns() -> frozenset[str]:
    """Nouns naming speech acts or texts that carry quotes (``déclaration``, ``communiqué``)."""
    return parse_word_list(_bundled("speech_nouns.txt"))


def parse_effects(source: Traversable) -> dict[str, Effect]:
    """Parse ``lemma<TAB>kind<TAB>de<TAB>source`` rows into Effects keyed by lemma."""
    found: dict[str, Effect] = {}
    for line, (lemma, kind, de, _origin) in _rows(source, 4):
        _check(source, line, "kind", kind, EFFECT_KINDS)
        _check(source, line, "de role", de, EFFECT_DE_ROLES)
        _put(found, lemma, Effect(lemma, kind, de), source, line)
    return found


@cache
def effects() -> Mapping[str, Effect]:
    """Acts and what they do to their patient, keyed by lemma: the curated ``effects.tsv`` and
    the verbs derived from Verb∋Net classes (``effects_verbenet.tsv``), a curated row winning."""
    derived = parse_effects(_bundled("effects_verbenet.tsv"))
    return MappingProxyType(derived | parse_effects(_bundled("effects.tsv")))


def effect(lemma: str) -> Effect | None:
    """The Effect of a verb or noun lemma, or None."""
    return effects().get(lemma)


EXCHANGE_POS = frozenset({"verb", "noun"})


def parse_exchanges(source: Traversable) -> dict[str, str]:
    """Parse ``lemma<TAB>pos<TAB>source`` rows into lemma → pos (verb or noun)."""
    found: dict[str, str] = {}
    for line, (lemma, pos, _origin) in _rows(source, 3):
        _check(source, line, "pos", pos, EXCHANGE_POS)
        _put(found, lemma, pos, source, line)
    return found


@cache
def exchanges() -> Mapping[str, str]:
    """Meetings and exchanges between actors (``exchanges.tsv``): lemma → verb or noun."""
    return MappingProxyType(parse_exchanges(_bundled("exchanges.tsv")))


def parse_speaker_nouns(source: Traversable) -> dict[str, SpeakerNoun]:
    """Parse ``noun<TAB>gender<TAB>kind`` rows keyed by noun as written."""
    nouns: dict[str, SpeakerNoun] = {}
    for line, (noun, gender, kind) in _rows(source, 3):
        _check(source, line, "gender", gender, GENDERS)
        _check(source, line, "kind", kind, SPEAKER_KINDS)
        _put(nouns, noun, SpeakerNoun(noun, gender, kind), source, line)
    return nouns


@cache
def speaker_nouns() -> Mapping[str, SpeakerNoun]:
    """Common nouns for persons, groups and institutions that can be speakers, keyed by noun."""
    return MappingProxyType(parse_speaker_nouns(_bundled("speaker_nouns.tsv")))


def parse_role_titles(source: Traversable) -> dict[str, RoleTitle]:
    """Parse ``title<TAB>gender<TAB>office[<TAB>note]`` rows keyed by lowercased title."""
    titles: dict[str, RoleTitle] = {}
    for line, (title, gender, office, _note) in _rows(source, 4, optional=1):
        _check(source, line, "gender", gender, GENDERS)
        _check(source, line, "office", office, OFFICE_KEYS)
        _put(titles, title.lower(), RoleTitle(title, gender, office), source, line)
    return titles


@cache
def role_titles() -> Mapping[str, RoleTitle]:
    """Office titles keyed by lowercased title (``premier ministre`` → head_of_government)."""
    return MappingProxyType(parse_role_titles(_bundled("role_titles.tsv")))


# --- places ----------------------------------------------------------------------------------


def _demonym_rows(source: Traversable) -> Iterator[tuple[int, str, str, str]]:
    for line, (form, country, gender, number) in _rows(source, 4):
        _check(source, line, "gender", gender, GENDERS)
        _check(source, line, "number", number, DEMONYM_NUMBERS)
        yield line, form.lower(), country, gender


def parse_demonyms(source: Traversable) -> dict[str, str]:
    """Parse ``form<TAB>country<TAB>gender<TAB>number`` rows into lowercased form → country."""
    forms: dict[str, str] = {}
    for line, form, country, _gender in _demonym_rows(source):
        _put(forms, form, country, source, line)
    return forms


def parse_demonym_genders(source: Traversable) -> dict[str, str]:
    """The same rows as :func:`parse_demonyms`, lowercased form → gender (m, f or mf)."""
    return {form: gender for _line, form, _country, gender in _demonym_rows(source)}


@cache
def demonym_genders() -> Mapping[str, str]:
    """Nationality and inhabitant words (``demonyms.tsv`` and ``gentiles.tsv``), lowercased, to
    the gender of the form: ``russe`` → mf, ``tunisienne`` → f, ``finlandais`` → m."""
    merged = parse_demonym_genders(_bundled("gentiles.tsv"))
    merged.update(parse_demonym_genders(_bundled("demonyms.tsv")))
    return MappingProxyType(merged)


@cache
def demonyms() -> Mapping[str, str]:
    """Inflected nationality words, lowercased, to the country or body (``russes`` → Russie)."""
    return MappingProxyType(parse_demonyms(_bundled("demonyms.tsv")))


@cache
def gentiles() -> Mapping[str, str]:
    """Inflected names of the inhabitants of continents, regions, provinces and cities, and of
    peoples without a state, lowercased, to their place (``québécois`` → Québec); same format
    as ``demonyms.tsv``, which holds the countries' ones."""
    return MappingProxyType(parse_demonyms(_bundled("gentiles.tsv")))


def group_demonym(form: str) -> str | None:
    """The place whose inhabitants ``form`` names (a country's demonym or a gentilé), or None.

    Case-insensitive (``Européens``, ``québécoises``). A form that is also the place's own
    name (``Suisse``, ``Corse``, ``Argentine``) is not a demonym here: alone, it names the place.
    """
    key = form.lower()
    place = demonyms().get(key) or gentiles().get(key)
    if place is None or fold_name(place) == fold_name(form) or country_by_alias(form) is not None:
        return None
    return place


def parse_countries(source: Traversable) -> dict[str, Country]:
    """Parse ``country<TAB>iso2<TAB>capital<TAB>aliases<TAB>article`` rows (aliases ``|``-separated)."""
    result: dict[str, Country] = {}
    for line, (name, iso2, capital, aliases_text, article) in _rows(
        source, 5, may_be_empty=frozenset({3})
    ):
        if len(iso2) != 2 or not iso2.isascii() or not iso2.isupper():
            raise LexiconFormatError(_label(source), line, f"iso2 {iso2!r} is not two capitals")
        _check(source, line, "article", article, ARTICLES)
        aliases = tuple(alias.strip() for alias in aliases_text.split("|") if alias.strip())
        _put(result, name, Country(name, iso2, capital, aliases, article), source, line)
    return result


@cache
def countries() -> Mapping[str, Country]:
    """Countries keyed by their French news name (``États-Unis``, ``Russie``)."""
    return MappingProxyType(parse_countries(_bundled("countries.tsv")))


@cache
def _country_index() -> Mapping[str, Country]:
    index: dict[str, Country] = {}
    for country in countries().values():
        # Names first, so that an alias never shadows another country's own name.
        index.setdefault(fold_name(country.name), country)
    for country in countries().values():
        for alias in country.aliases:
            index.setdefault(fold_name(alias), country)
    return MappingProxyType(index)


def country_by_alias(name: str) -> Country | None:
    """The country whose name or alias matches ``name`` ignoring case, accents, hyphens and apostrophe style.

    ISO codes are not looked up: folded to lowercase they collide with French words (LA, DE, IN).
    """
    return _country_index().get(fold_name(name))


def parse_metonyms(source: Traversable) -> dict[str, Metonym]:
    """Parse ``form<TAB>type<TAB>stands_for[<TAB>note]`` rows keyed by form as written."""
    result: dict[str, Metonym] = {}
    for line, (form, kind, stands_for, note) in _rows(source, 4, optional=1):
        _check(source, line, "type", kind, METONYM_TYPES)
        _put(result, form, Metonym(form, kind, stands_for, note), source, line)
    return result


@cache
def metonyms() -> Mapping[str, Metonym]:
    """Seats of power (ORG) and capitals (LOC) standing for actors, keyed by form as written."""
    return MappingProxyType(parse_metonyms(_bundled("metonyms.tsv")))


# --- organisations: nouns that stand for them, acronyms -----------------------------------------


@dataclass(frozen=True)
class OrganisationNoun:
    """A common noun standing for an organisation (« le groupe »): its kinds of organisation, and
    whether it does so anywhere (``any``) or only as a speaker-like subject (``source``)."""

    noun: str
    gender: str
    classes: frozenset[str]
    use: str


def parse_organisation_nouns(source: Traversable) -> dict[str, OrganisationNoun]:
    """Parse ``noun<TAB>gender<TAB>classes<TAB>use`` rows (classes ``|``-separated) keyed by noun."""
    nouns: dict[str, OrganisationNoun] = {}
    for line, (noun, gender, classes_text, use) in _rows(source, 4):
        _check(source, line, "gender", gender, GENDERS)
        classes = frozenset(classes_text.split("|"))
        for value in classes:
            _check(source, line, "class", value, ORGANISATION_CLASSES)
        _check(source, line, "use", use, ORGANISATION_NOUN_USES)
        _put(nouns, noun, OrganisationNoun(noun, gender, classes, use), source, line)
    return nouns


@cache
def organisation_nouns() -> Mapping[str, OrganisationNoun]:
    """Nouns that stand for a named organisation (``organisation_nouns.tsv``), keyed by noun."""
    return MappingProxyType(parse_organisation_nouns(_bundled("organisation_nouns.tsv")))


def parse_acronyms(source: Traversable) -> dict[str, tuple[str, ...]]:
    """Parse ``acronym<TAB>names`` rows (names ``|``-separated) keyed by the folded acronym."""
    result: dict[str, tuple[str, ...]] = {}
    for line, (acronym, names_text) in _rows(source, 2):
        names = tuple(n.strip() for n in names_text.split("|") if n.strip())
        _put(result, fold_name(acronym), names, source, line)
    return result


@cache
def _acronyms() -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType(parse_acronyms(_bundled("acronyms.tsv")))


def acronym_names(acronym: str) -> tuple[str, ...]:
    """The names an acronym stands for when its letters do not spell them (« ONU » → «
    Organisation des Nations unies », « Nations unies »); () for any other word."""
    return _acronyms().get(fold_name(acronym), ())


# --- parties and diseases --------------------------------------------------------------------


def parse_parties(source: Traversable) -> dict[str, Party]:
    """Parse ``name<TAB>aliases<TAB>country`` rows (aliases ``|``-separated, may be empty) into
    Parties keyed by the folded name and by each folded alias; a key used twice is an error."""
    result: dict[str, Party] = {}
    for line, (name, aliases_text, country) in _rows(source, 3, may_be_empty=frozenset({1})):
        aliases = tuple(alias.strip() for alias in aliases_text.split("|") if alias.strip())
        found = Party(name, aliases, country)
        for form in (name, *aliases):
            _put(result, fold_name(form), found, source, line)
    return result


@cache
def parties() -> Mapping[str, Party]:
    """Political parties of France and major foreign ones, keyed by folded name and acronym."""
    return MappingProxyType(parse_parties(_bundled("parties.tsv")))


def party(name: str) -> Party | None:
    """The party ``name`` (a full name, former name or acronym) designates, or None.

    Case and accents are ignored, except that an all-lowercase word is never a party: party
    names are proper nouns, and ``vox`` or ``agir`` are common words.
    """
    return None if name.islower() else parties().get(fold_name(name))


@cache
def diseases() -> frozenset[str]:
    """Diseases, epidemics and the pathogens named like them, folded (``ebola``, ``covid 19``)."""
    return frozenset(fold_name(word) for word in parse_word_list(_bundled("diseases.txt")))


def disease(name: str) -> bool:
    """Whether ``name`` is the name of a disease or epidemic (case and accents ignored)."""
    return fold_name(name) in diseases()


# --- cues, pronouns, names -------------------------------------------------------------------


def parse_naming_cues(source: Traversable) -> NamingCues:
    """Parse a word list split by ``# verbs``, ``# nouns``, ``# weak`` and ``# charges`` section lines.

    A word before the first section, or a word repeated within a section, is an error; a word
    may appear in two sections (none does in the bundled file).
    """
    sections: dict[str, dict[str, None]] = {name: {} for name in NAMING_SECTIONS}
    current: str | None = None
    label = _label(source)
    for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            header = line.lstrip("#").strip()
            if header in sections:
                current = header
            continue
        if current is None:
            raise LexiconFormatError(label, number, "entry before any '# verbs|nouns|weak|charges' section")
        if "\t" in line:
            raise LexiconFormatError(label, number, "expected one entry per line, found a tab")
        _put(sections[current], line, None, source, number)
    return NamingCues(*(frozenset(sections[name]) for name in NAMING_SECTIONS))


@cache
def naming_cues() -> NamingCues:
    """Words marking a following « » span as a name or term (``opération``, ``surnommé``)."""
    return parse_naming_cues(_bundled("naming_cues.txt"))


def parse_pronouns(source: Traversable) -> dict[str, PronounInfo]:
    """Parse ``form<TAB>gender<TAB>number<TAB>person<TAB>kinds`` rows keyed by lowercased form."""
    result: dict[str, PronounInfo] = {}
    for line, (form, gender, number, person, kinds_text) in _rows(source, 5):
        _check(source, line, "gender", gender, GENDERS)
        _check(source, line, "number", number, PRONOUN_NUMBERS)
        _check(source, line, "person", person, PRONOUN_PERSONS)
        kinds = frozenset(kind.strip() for kind in kinds_text.split(","))
        for kind in kinds:
            _check(source, line, "kind", kind, PRONOUN_KINDS)
        info = PronounInfo(form, gender, number, int(person), kinds)
        _put(result, form.lower(), info, source, line)
    return result


@cache
def pronouns() -> Mapping[str, PronounInfo]:
    """Personal, possessive, demonstrative and anaphoric forms keyed by lowercased form."""
    return MappingProxyType(parse_pronouns(_bundled("pronouns.tsv")))


def parse_first_names(source: Traversable) -> dict[str, str]:
    """Parse ``name<TAB>gender`` rows into name (case as written) → m|f|mf."""
    result: dict[str, str] = {}
    for line, (name, gender) in _rows(source, 2):
        _check(source, line, "gender", gender, GENDERS)
        _put(result, name, gender, source, line)
    return result


@cache
def first_names() -> Mapping[str, str]:
    """Given names found in French-language news → m, f or mf (``Claude``, ``Camille``)."""
    return MappingProxyType(parse_first_names(_bundled("first_names.tsv")))


@cache
def _first_names_folded() -> Mapping[str, str]:
    folded: dict[str, str] = {}
    for name, gender in first_names().items():
        key = fold_name(name)
        # Two spellings folding together (Emile/Émile) keep one gender unless they disagree.
        folded[key] = gender if folded.get(key, gender) == gender else "mf"
    return MappingProxyType(folded)


def parse_first_name_shares(source: Traversable) -> dict[str, tuple[float, int]]:
    """Parse ``name<TAB>share_female<TAB>count[<TAB>sources]`` rows into lowercased name →
    (share, count); the optional fourth column (how many name lists give it) is not kept."""
    result: dict[str, tuple[float, int]] = {}
    for line, (name, share_text, count_text, _sources) in _rows(source, 4, optional=1):
        try:
            share, count = float(share_text), int(count_text)
        except ValueError:
            raise LexiconFormatError(_label(source), line, f"share {share_text!r} or count {count_text!r} is not a number") from None
        if not 0.0 <= share <= 1.0 or count < 1:
            raise LexiconFormatError(_label(source), line, f"share {share_text!r} not in [0, 1] or count {count_text!r} below 1")
        _put(result, name.lower(), (share, count), source, line)
    return result


@cache
def first_name_shares() -> Mapping[str, tuple[float, int]]:
    """INSEE first names (births in France 1900–2023) → (share of girls, births)."""
    return MappingProxyType(parse_first_name_shares(_bundled("first_name_shares.tsv")))


@cache
def _first_name_shares_folded() -> Mapping[str, tuple[float, int]]:
    # Spellings folding together (« Hélène » / « Helene ») pool their births.
    pooled: dict[str, tuple[float, int]] = {}
    for name, (share, count) in first_name_shares().items():
        key = fold_name(name)
        old_share, old_count = pooled.get(key, (0.0, 0))
        total = old_count + count
        pooled[key] = ((old_share * old_count + share * count) / total, total)
    return MappingProxyType(pooled)


def first_name_share(token: str) -> tuple[float, int] | None:
    """(share of girls, births) of a first name in INSEE's file, ignoring case, then accents.

    ``first_name_share("Marine") == (1.0, 119022)``; None for a name INSEE does not list with
    at least the table's minimum count.
    """
    exact = first_name_shares().get(token.lower())
    return exact if exact is not None else _first_name_shares_folded().get(fold_name(token))


@cache
def world_first_name_shares() -> Mapping[str, tuple[float, int]]:
    """First names of other countries that INSEE does not list (nomquamgender's name lists,
    keys folded) → (share of women, people counted)."""
    return MappingProxyType(parse_first_name_shares(_bundled("first_name_shares_world.tsv")))


def world_first_name_share(token: str) -> tuple[float, int] | None:
    """(share of women, people counted) of a first name INSEE does not list, from
    ``first_name_shares_world.tsv``, ignoring case and accents.

    ``world_first_name_share("Volodymyr") == (0.0, 6515)``; None for a name the table lacks.
    """
    return world_first_name_shares().get(fold_name(token).replace(" ", "-"))


def first_name_gender(token: str) -> str | None:
    """The gender of a given name: exact match first, then ignoring case and accents.

    ``first_name_gender("Angela") == "f"``, ``first_name_gender("EMMANUEL") == "m"``; a token
    that is not a known given name (including all-lowercase common words) gives None.
    """
    exact = first_names().get(token)
    if exact is not None:
        return exact
    if token.islower():
        return None
    return _first_names_folded().get(fold_name(token))


# --- closed-class words ------------------------------------------------------------------------

WORD_SET_FILES: Final = (
    "determiners", "prepositions", "name_words", "clause_words", "collective_nouns",
    "function_words", "quote_words",
)
"""The files of closed-class word sets (``<file>.tsv``), each row ``set<TAB>form[<TAB>value]``."""


def parse_word_sets(source: Traversable) -> dict[str, dict[str, str]]:
    """Parse ``set<TAB>form[<TAB>value]`` rows: each set's forms in file order, with their value
    (empty when the row has none). A form listed twice in one set is an error."""
    sets: dict[str, dict[str, str]] = {}
    for line, (name, form, value) in _rows(source, 3, optional=1):
        _put(sets.setdefault(name, {}), form, value, source, line)
    return sets


@cache
def _word_sets(stem: str) -> Mapping[str, Mapping[str, str]]:
    if stem not in WORD_SET_FILES:
        raise KeyError(f"no closed-class word file {stem!r} (one of {', '.join(WORD_SET_FILES)})")
    return MappingProxyType(parse_word_sets(_bundled(f"{stem}.tsv")))


def _set_members(stem: str) -> Mapping[str, frozenset[str]]:
    """Every set of the closed-class file `stem` with its forms."""
    return MappingProxyType({name: frozenset(forms) for name, forms in _word_sets(stem).items()})


@cache
def word_map(name: str) -> Mapping[str, str]:
    """The forms of the closed-class set `name` with their values: ``word_map("determiners.
    contracted")["du"] == "le"``. `name` is ``<file>.<set>``; an unknown one is a KeyError."""
    stem, _, set_name = name.partition(".")
    sets = _word_sets(stem)
    if set_name not in sets:
        raise KeyError(f"{stem}.tsv has no set {set_name!r}")
    return MappingProxyType(dict(sets[set_name]))


@cache
def word_set(name: str) -> frozenset[str]:
    """The forms of the closed-class set `name` (``"prepositions.locative"``: the set
    ``locative`` of ``prepositions.tsv``), see :func:`word_map`."""
    return frozenset(word_map(name))

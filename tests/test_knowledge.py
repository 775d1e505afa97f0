"""Tests of presse.knowledge: the bundled office-holders file and its loader."""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from presse.analyze.names import fold_name
from presse.knowledge import (
    ENV_VAR,
    OFFICE_KEYS,
    Office,
    canonical_person,
    holder,
    office_holders,
    offices_of,
)

WINDOW_START = date(2015, 1, 1)
LAST_CHECKED = date(2026, 11, 29)

# Real rows that the bundled file does not hold, to test user extension.
YELLEN_FED = (
    "Janet Yellen\tf\tcentral_bank_governor\tRéserve fédérale\tprésidente de la Réserve fédérale"
    "\t2014-02-03\t2018-02-03\tYellen\tWikipedia FR, liste des présidents de la Réserve fédérale\n"
)
POWELL_FED = (
    "Jerome Powell\tm\tcentral_bank_governor\tRéserve fédérale\tprésident de la Réserve fédérale"
    "\t2018-02-05\t\tPowell|Jay Powell\tWikipedia FR, liste des présidents de la Réserve fédérale\n"
)
HEADER = "# person\tgender\toffice\tof\ttitle_fr\tstart\tend\taliases\tsource\n"


@pytest.fixture(autouse=True)
def _no_user_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.mark.parametrize(
    ("office", "of", "on", "expected"),
    [
        ("head_of_state", "Russie", date(2018, 6, 1), "Vladimir Poutine"),
        ("head_of_state", "États-Unis", date(2017, 6, 1), "Donald Trump"),
        ("head_of_state", "États-Unis", date(2022, 1, 1), "Joe Biden"),
        ("head_of_state", "États-Unis", date(2025, 6, 1), "Donald Trump"),
        ("head_of_state", "États-Unis", date(2026, 6, 1), "Donald Trump"),
        ("head_of_state", "États-Unis", date(2016, 3, 1), "Barack Obama"),
        ("head_of_government", "Allemagne", date(2016, 5, 1), "Angela Merkel"),
        ("head_of_government", "Allemagne", date(2023, 5, 1), "Olaf Scholz"),
        ("head_of_government", "Allemagne", date(2025, 8, 1), "Friedrich Merz"),
        ("head_of_government", "Royaume-Uni", date(2022, 10, 1), "Liz Truss"),
        ("head_of_government", "Royaume-Uni", date(2020, 1, 1), "Boris Johnson"),
        ("head_of_state", "Royaume-Uni", date(2020, 1, 1), "Elizabeth II"),
        ("head_of_state", "Royaume-Uni", date(2023, 1, 1), "Charles III"),
        ("head_of_state", "Ukraine", date(2020, 1, 1), "Volodymyr Zelensky"),
        ("head_of_state", "Ukraine", date(2016, 1, 1), "Petro Porochenko"),
        ("secretary_general", "Otan", date(2019, 6, 1), "Jens Stoltenberg"),
        ("secretary_general", "Otan", date(2025, 1, 1), "Mark Rutte"),
        ("secretary_general", "ONU", date(2016, 1, 1), "Ban Ki-moon"),
        ("secretary_general", "ONU", date(2020, 1, 1), "António Guterres"),
        ("head_of_government", "France", date(2024, 2, 1), "Gabriel Attal"),
        ("head_of_government", "France", date(2019, 1, 1), "Édouard Philippe"),
        ("head_of_state", "France", date(2016, 1, 1), "François Hollande"),
        ("head_of_state", "Chine", date(2020, 1, 1), "Xi Jinping"),
        ("head_of_state", "Turquie", date(2021, 1, 1), "Recep Tayyip Erdoğan"),
        ("head_of_government", "Inde", date(2021, 1, 1), "Narendra Modi"),
        ("head_of_government", "Italie", date(2023, 1, 1), "Giorgia Meloni"),
        ("head_of_state", "Brésil", date(2020, 1, 1), "Jair Bolsonaro"),
        ("foreign_minister", "Russie", date(2022, 3, 1), "Sergueï Lavrov"),
        ("foreign_minister", "Ukraine", date(2022, 3, 1), "Dmytro Kouleba"),
        ("defence_minister", "Allemagne", date(2024, 1, 1), "Boris Pistorius"),
        ("interior_minister", "France", date(2021, 1, 1), "Gérald Darmanin"),
        ("commission_president", "Commission européenne", date(2021, 1, 1), "Ursula von der Leyen"),
        ("council_president", "Conseil européen", date(2016, 1, 1), "Donald Tusk"),
        ("parliament_president", "Parlement européen", date(2018, 1, 1), "Antonio Tajani"),
        ("high_representative", "Union européenne", date(2020, 6, 1), "Josep Borrell"),
        ("managing_director", "FMI", date(2018, 1, 1), "Christine Lagarde"),
        ("managing_director", "FMI", date(2021, 1, 1), "Kristalina Georgieva"),
        ("central_bank_governor", "BCE", date(2018, 1, 1), "Mario Draghi"),
        ("central_bank_governor", "BCE", date(2021, 1, 1), "Christine Lagarde"),
        ("managing_director", "OMS", date(2020, 3, 1), "Tedros Adhanom Ghebreyesus"),
        ("leader", "Iran", date(2020, 1, 1), "Ali Khamenei"),
        ("head_of_government", "Hongrie", date(2026, 6, 1), "Péter Magyar"),
        ("head_of_government", "Pays-Bas", date(2026, 6, 1), "Rob Jetten"),
        ("head_of_state", "Portugal", date(2026, 6, 1), "António José Seguro"),
        ("head_of_state", "Iran", date(2023, 1, 1), "Ebrahim Raïssi"),
        ("head_of_state", "Suisse", date(2021, 7, 1), "Guy Parmelin"),
    ],
)
def test_knowledge_holder_resolves_office_on_date(
    office: str, of: str, on: date, expected: str
) -> None:
    found = holder(office, of, on)
    assert found is not None
    assert found.person == expected
    assert found.covers(on)


@pytest.mark.parametrize(
    ("office", "of", "on", "expected"),
    [
        ("head_of_state", "USA", date(2017, 6, 1), "Donald Trump"),
        ("head_of_state", "Etats-Unis", date(2022, 1, 1), "Joe Biden"),
        ("head_of_state", "etats unis", date(2022, 1, 1), "Joe Biden"),
        ("head_of_government", "Grande-Bretagne", date(2017, 1, 1), "Theresa May"),
        ("head_of_government", "ROYAUME-UNI", date(2017, 1, 1), "Theresa May"),
        ("commission_president", "UE", date(2016, 1, 1), "Jean-Claude Juncker"),
        ("council_president", "Union européenne", date(2022, 1, 1), "Charles Michel"),
        ("high_representative", "UE", date(2017, 1, 1), "Federica Mogherini"),
        ("secretary_general", "OTAN", date(2019, 6, 1), "Jens Stoltenberg"),
        ("secretary_general", "Nations unies", date(2018, 1, 1), "António Guterres"),
        (
            "secretary_general",
            "Organisation des Nations unies",
            date(2018, 1, 1),
            "António Guterres",
        ),
        (
            "managing_director",
            "Fonds monétaire international",
            date(2022, 1, 1),
            "Kristalina Georgieva",
        ),
        ("head_of_government", "Tchéquie", date(2019, 1, 1), "Andrej Babiš"),
    ],
)
def test_knowledge_holder_matches_place_aliases(
    office: str, of: str, on: date, expected: str
) -> None:
    found = holder(office, of, on)
    assert found is not None
    assert found.person == expected


@pytest.mark.parametrize(
    ("office", "of", "on", "expected"),
    [
        ("secretary_general", "Otan", date(2024, 10, 1), "Mark Rutte"),
        ("head_of_state", "États-Unis", date(2021, 1, 20), "Joe Biden"),
        ("head_of_government", "France", date(2017, 5, 15), "Édouard Philippe"),
        ("head_of_government", "Royaume-Uni", date(2022, 9, 6), "Liz Truss"),
    ],
)
def test_knowledge_holder_prefers_latest_start_on_handover_day(
    office: str, of: str, on: date, expected: str
) -> None:
    found = holder(office, of, on)
    assert found is not None
    assert found.person == expected


@pytest.mark.parametrize(
    ("office", "of", "on"),
    [
        ("head_of_government", "Turquie", date(2020, 1, 1)),
        ("head_of_state", "Atlantide", date(2020, 1, 1)),
        ("head_of_state", "Russie", date(1990, 1, 1)),
        ("no_such_office", "France", date(2020, 1, 1)),
    ],
)
def test_knowledge_holder_returns_none_when_nobody_recorded(office: str, of: str, on: date) -> None:
    assert holder(office, of, on) is None


def test_knowledge_rows_are_many_and_typed() -> None:
    rows = office_holders()
    assert len(rows) >= 400
    assert all(isinstance(row, Office) for row in rows)


def _terms_by_post() -> dict[tuple[str, str], list[Office]]:
    posts: dict[tuple[str, str], list[Office]] = defaultdict(list)
    for row in office_holders():
        posts[(row.office, fold_name(row.of))].append(row)
    return posts


def test_knowledge_terms_of_one_post_overlap_only_on_handover_days() -> None:
    overlaps = []
    for post, terms in _terms_by_post().items():
        ordered = sorted(terms, key=lambda row: row.start)
        for before, after in pairwise(ordered):
            if before.end is None or before.end > after.start:
                overlaps.append((post, before.person, before.end, after.person, after.start))
    assert overlaps == []


def test_knowledge_every_post_has_at_most_one_open_term() -> None:
    open_terms = {
        post: [row.person for row in terms if row.end is None]
        for post, terms in _terms_by_post().items()
    }
    assert {post: names for post, names in open_terms.items() if len(names) > 1} == {}


def test_knowledge_start_is_not_after_end_and_within_window() -> None:
    for row in office_holders():
        assert row.start <= LAST_CHECKED, row
        if row.end is not None:
            assert row.start <= row.end, row
            assert WINDOW_START <= row.end <= LAST_CHECKED, row


def test_knowledge_office_keys_genders_and_sources_are_valid() -> None:
    for row in office_holders():
        assert row.office in OFFICE_KEYS, row
        assert row.gender in {"m", "f"}, row
        assert row.source, row
        assert row.title_fr, row


def test_knowledge_person_has_one_gender() -> None:
    genders: dict[str, set[str]] = defaultdict(set)
    for row in office_holders():
        genders[row.person].add(row.gender)
    assert {person: g for person, g in genders.items() if len(g) > 1} == {}


def test_knowledge_alias_is_never_another_persons_full_name() -> None:
    full_names = {fold_name(row.person): row.person for row in office_holders()}
    clashes = [
        (row.person, alias)
        for row in office_holders()
        for alias in row.aliases
        if full_names.get(fold_name(alias), row.person) != row.person
    ]
    assert clashes == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Poutine", "Vladimir Poutine"),
        ("Vladimir Putin", "Vladimir Poutine"),
        ("Zelenski", "Volodymyr Zelensky"),
        ("zelenskyy", "Volodymyr Zelensky"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Merkel", "Angela Merkel"),
        ("BoJo", "Boris Johnson"),
        ("Johnson", "Boris Johnson"),
        ("Trump", "Donald Trump"),
        ("Kouleba", "Dmytro Kouleba"),
        ("Kuleba", "Dmytro Kouleba"),
        ("Vladimir Poutine", "Vladimir Poutine"),
        ("Orban", None),
        ("Fernández", None),
        ("Personne Inconnue", None),
        ("", None),
    ],
)
def test_knowledge_canonical_person_resolves_unambiguous_names(
    name: str, expected: str | None
) -> None:
    assert canonical_person(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Gérald Darmanin", {("interior_minister", "France"), ("justice_minister", "France")}),
        ("Christine Lagarde", {("managing_director", "FMI"), ("central_bank_governor", "BCE")}),
        (
            "Ursula von der Leyen",
            {("defence_minister", "Allemagne"), ("commission_president", "Commission européenne")},
        ),
        ("Trump", {("head_of_state", "États-Unis")}),
        ("Inconnu", set()),
    ],
)
def test_knowledge_offices_of_lists_terms_by_name_or_alias(
    name: str, expected: set[tuple[str, str]]
) -> None:
    terms = offices_of(name)
    assert {(row.office, row.of) for row in terms} == expected
    assert list(terms) == sorted(terms, key=lambda row: row.start)


def test_knowledge_offices_of_keeps_separate_terms() -> None:
    starts = [row.start for row in offices_of("Donald Trump")]
    assert starts == [date(2017, 1, 20), date(2025, 1, 20)]


def test_knowledge_environment_variable_adds_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "fed_yellen.tsv"
    first.write_text(HEADER + YELLEN_FED, encoding="utf-8")
    second = tmp_path / "fed_powell.tsv"
    second.write_text(HEADER + POWELL_FED, encoding="utf-8")
    bundled = len(office_holders())
    assert holder("central_bank_governor", "Réserve fédérale", date(2016, 1, 1)) is None

    monkeypatch.setenv(ENV_VAR, f"{first}{os.pathsep}{second}")

    assert len(office_holders()) == bundled + 2
    yellen = holder("central_bank_governor", "Reserve federale", date(2016, 1, 1))
    assert yellen is not None and yellen.person == "Janet Yellen"
    powell = holder("central_bank_governor", "Réserve fédérale", date(2020, 1, 1))
    assert powell is not None and powell.end is None
    assert canonical_person("Jay Powell") == "Jerome Powell"


def test_knowledge_extra_argument_adds_rows(tmp_path: Path) -> None:
    extra = tmp_path / "fed.tsv"
    extra.write_text(YELLEN_FED, encoding="utf-8")
    found = holder("central_bank_governor", "Réserve fédérale", date(2016, 1, 1), extra=extra)
    assert found is not None and found.title_fr == "présidente de la Réserve fédérale"
    assert {(row.office, row.of) for row in offices_of("Yellen", extra=extra)} == {
        ("central_bank_governor", "Réserve fédérale"),
        ("finance_minister", "États-Unis"),
    }
    assert any(row.person == "Janet Yellen" for row in office_holders(extra))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Janet Yellen\tf\tcentral_bank_governor\tRéserve fédérale\t2014-02-03\n", "columns"),
        (YELLEN_FED.replace("\tf\t", "\tx\t"), "gender"),
        (YELLEN_FED.replace("central_bank_governor", "fed_chair"), "office"),
        (YELLEN_FED.replace("2014-02-03", "2014-02"), "start"),
        (YELLEN_FED.replace("2018-02-03", "2018-02-30"), "end"),
        (YELLEN_FED.replace("2018-02-03", "2013-01-01"), "before start"),
        (YELLEN_FED.replace("Janet Yellen", ""), "person"),
    ],
)
def test_knowledge_malformed_file_raises_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, problem: str
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + line, encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(bad))
    with pytest.raises(ValueError, match=rf"bad\.tsv:2: .*{problem}"):
        office_holders()


def test_knowledge_unreadable_file_raises_with_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.tsv"
    with pytest.raises(ValueError, match=r"missing\.tsv"):
        office_holders(missing)

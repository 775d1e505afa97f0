"""scripts/derive_speech_verbs.py: the speech verbs of reporting_verbs.tsv derived from Verb∋Net
(the dev dependency ``verbenet``), run as a maintainer runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "derive_speech_verbs.py"
TABLE = ROOT / "src" / "presse" / "lexicons" / "fr" / "reporting_verbs.tsv"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_derive_speech_verbs_committed_table_is_up_to_date() -> None:
    result = _run("--check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_derive_speech_verbs_restores_a_stale_table(tmp_path: Path) -> None:
    table = tmp_path / "reporting_verbs.tsv"
    # a hand row that lost its derived frame, and a derived row gone
    stale = [
        line.replace("que,inf,direct,incise,np\tverbenet:transfer_mesg-37.1.1 derived:np", "que,inf,direct,incise\tcurated")
        for line in TABLE.read_text(encoding="utf-8").splitlines()
        if not line.startswith("tancer\t")
    ]
    table.write_text("\n".join(stale) + "\n", encoding="utf-8")
    assert _run("--check", "--table", str(table)).returncode == 1
    assert _run("--table", str(table)).returncode == 0
    assert table.read_text(encoding="utf-8") == TABLE.read_text(encoding="utf-8")


def test_derive_speech_verbs_sources_every_row() -> None:
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    sources = {row[0]: row[3] for row in rows}
    assert sources["affirmer"] == "verbenet:transfer_mesg-37.1.1 derived:np"
    assert sources["tancer"] == "derived:verbenet:judgment-33"
    assert sources["tacler"] == "curated"
    assert all(s == "curated" or s.startswith(("verbenet:", "derived:verbenet:")) for s in sources.values())
    # verbs of doing of the same classes stay out (guidelines §3a)
    assert not {"transmettre", "punir", "sanctionner", "imposer"} & sources.keys()


def test_derive_speech_verbs_missing_table_is_one_line_and_non_zero(tmp_path: Path) -> None:
    result = _run("--table", str(tmp_path / "nope.tsv"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "nope.tsv" in result.stderr

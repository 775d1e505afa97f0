"""`presse --version`, and the version written in one place (presse.__version__)."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import presse

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_flag_prints_presse_and_the_version(flag: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "presse.cli", flag], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"presse {presse.__version__}\n"


def test_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "presse.__version__"}
    assert importlib.metadata.version("presse") == presse.__version__

"""Start-up cost: the store, the web app and the CLI load spaCy only when they analyze."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "modules",
    ["presse.store.queries", "presse.web.app", "presse.cli", "presse.store.queries, presse.web.app, presse.cli"],
)
def test_startup_imports_no_spacy(modules: str) -> None:
    code = f"import {modules}; import sys; assert 'spacy' not in sys.modules, 'spacy imported'"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_startup_help_imports_no_spacy() -> None:
    code = (
        "import sys; sys.argv = ['presse', '--help']\n"
        "from presse.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Usage: presse" in result.stdout

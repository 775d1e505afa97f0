"""The library as the README shows it, run in a fresh interpreter like a user's script."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def readme_library_snippet() -> str:
    """The first Python block after "As a library:" in the README."""
    text = README.read_text(encoding="utf-8")
    found = re.search(r"As a library:\s*```python\n(.*?)```", text, re.DOTALL)
    assert found, "README has no library example"
    return found.group(1)


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT
    )


@pytest.mark.model
def test_library_readme_example_runs_twice() -> None:
    snippet = readme_library_snippet()
    result = run_python(snippet + snippet)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count('"schema_version"') == 2  # two articles printed
    assert "DeprecationWarning" not in result.stderr


@pytest.mark.model
def test_library_old_analyze_call_works_twice_and_warns() -> None:
    code = """
import warnings
import presse
from presse.model import Article

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    first = presse.analyze("Le ministre a déclaré que « rien n'est décidé ».")
    second = presse.analyze("« Nous irons jusqu'au bout », a déclaré la ministre.")
assert isinstance(first, Article) and isinstance(second, Article)
assert second.quotes and second.quotes[0].kind == "direct"
deprecations = [w for w in caught if issubclass(w.category, DeprecationWarning)]
assert len(deprecations) == 2, [str(w.message) for w in caught]
assert "presse.analyze_article" in str(deprecations[0].message)
assert deprecations[0].filename == "<string>"  # pointed at the caller's line
print("ok")
"""
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_library_import_is_light() -> None:
    result = run_python(
        "import sys, presse; assert callable(presse.analyze_article); "
        "assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    assert result.returncode == 0, result.stderr

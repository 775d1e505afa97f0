"""A short load run of benchmarks/load_test.py (20 clients, 10 s, loopback) over a small store:
zero 5xx. The full run (50 clients, 60 s, the whole French corpus) is in docs/RELIABILITY.md."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from test_web_api import build_store

pytestmark = pytest.mark.model

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "load_test.py"


def test_web_load_no_server_errors(tmp_path: Path) -> None:
    store = build_store(tmp_path)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--db", str(store), "--clients", "20", "--seconds", "10", "--json"],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["server_errors"] == 0 and report["requests"] > 50

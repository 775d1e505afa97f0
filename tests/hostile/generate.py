"""Generate the hostile-input corpus: files a crawler may bring back, each of which presse must
answer with an analysis or a one-line error — never a crash, a hang or unbounded memory.

Usage: python tests/hostile/generate.py DIR   (the tests call `generate(tmp_path)`; nothing large
is committed).
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

FRENCH = (
    "Le ministre de l'Intérieur a déclaré mardi que « la sécurité des élèves reste la priorité ». "
    "Selon la préfecture, les contrôles seront renforcés dès la rentrée."
)


@dataclass(frozen=True)
class Case:
    """One hostile file and what presse must do with it: 'analysis', 'error' or 'either'."""

    name: str
    expect: str
    documents: int = 1  # documents the file holds (JSONL, feeds)


def _write(path: Path, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def generate(directory: Path) -> list[Case]:
    """Write every hostile case into `directory`; return the cases in a stable order."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261129)
    cases: list[Case] = []

    def add(name: str, data: bytes | str, expect: str, documents: int = 1) -> None:
        _write(directory / name, data)
        cases.append(Case(name, expect, documents))

    add("binary.txt", bytes(rng.randrange(256) for _ in range(4096)), "error")
    add("empty.txt", b"", "error")
    add("whitespace.txt", " \n\t\n  \r\n", "error")
    with open(directory / "huge-line.txt", "wb") as fh:  # 50 MB on one line, written in chunks
        chunk = b"a" * 1_000_000
        for _ in range(50):
            fh.write(chunk)
    cases.append(Case("huge-line.txt", "error"))
    add("invalid-utf8.txt", FRENCH.encode("utf-8")[:40] + b"\xff\xfe\xc3\x28" + FRENCH.encode("utf-8")[40:], "either")
    add("utf16-bom.txt", "\ufeff".encode("utf-16-le") + FRENCH.encode("utf-16-le"), "analysis")
    add("cp1252.txt", (FRENCH + " L'œuvre coûte 10 €.").encode("cp1252"), "analysis")
    add("nul-bytes.txt", FRENCH.encode() + b"\x00\x00" + FRENCH.encode(), "either")
    add("crlf.txt", FRENCH.replace(". ", ".\r\n\r\n").encode(), "analysis")
    add("zero-width-bidi.txt", "\u202eLe\u200b ministre\u2066 a\u2069 déclaré\u200d que « rien\ufeff ne change ».\u202c", "analysis")
    add("ten-thousand-quotes.txt", "Il a dit " + "« " * 10_000 + "fin.", "analysis")
    add("crossed-quotes.txt", "Il a dit « bonjour “ à » tous ” et » puis « encore.\n« Et “ ici.", "analysis")
    add("deep-nesting.html", "<html><body>" + "<div>" * 100_000 + FRENCH + "</div>" * 100_000 + "</body></html>", "either")
    add("huge-attribute.html", '<html><body><p title="' + "x" * 5_000_000 + '">' + FRENCH + "</p></body></html>", "either")
    add(
        "xss.html",
        "<html><head><title>Titre <script>alert(1)</script></title></head><body><article><h1>Un titre</h1>"
        f"<p>{FRENCH} <script>alert('x')</script><img src=x onerror=alert(2)>"
        '<a href="javascript:alert(3)">lien</a></p>' + f"<p>{FRENCH}</p>" * 3 + "</article></body></html>",
        "analysis",
    )
    add(
        "bad-line.jsonl",
        json.dumps({"id": "ok", "title": "Titre", "text": FRENCH}, ensure_ascii=False) + "\n{not json\n",
        "either",
        documents=2,
    )
    add("malformed-feed.xml", "<?xml version='1.0'?><rss><channel><item><title>x</ti", "error")
    add("only-marks.txt", "« » « » “ ” \" \" ‹ › — — – –", "either")
    add("control-chars.txt", "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) + FRENCH, "either")
    return cases


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case in generate(out):
        print(f"{case.expect:9} {out / case.name}")

"""Entity hygiene on a seeded sample of the French Wikinews corpus: junk in actor names and types
that contradict the lexicons.

    .venv/bin/python benchmarks/entity_hygiene.py                  # 150 articles, seed 22
    .venv/bin/python benchmarks/entity_hygiene.py --articles 1191 --examples 10

Counted over every entity's name, aliases and descriptions (the phrases a report shows):

- ``whitespace``: a newline, tab or run of spaces;
- ``quote marks``: « » or “ ” that do not pair up, or an odd number of ";
- ``preposition``: starts with a lowercase preposition or contracted article (à, au, aux, de,
  du, des, d'), which no noun phrase naming an actor does;
- ``agreement``: "les" followed by a word that is not plural (a numeral aside): no -s, -x or -z
  and not one of the few invariable plural forms of the speaker lexicon (``les TRIBUNAL``,
  ``les spectatrice``).

And, per entity, a type the lexicons contradict: a first name followed by a capitalised surname
word that is not a person (places, parties and organisations of the lexicons set aside); a party
(``parties.tsv``) that is not an organisation; a demonym or gentilé (``demonyms.tsv``,
``gentiles.tsv``) typed as a place; a disease (``diseases.txt``) typed as a person. The heuristics
are the benchmark's, deliberately simple and independent of the code they measure.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from presse.analyze.pipeline import get_analyzer
from presse.ingest import read_source
from presse.lexicons import (
    country_by_alias,
    disease,
    first_name_gender,
    group_demonym,
    metonyms,
    party,
)
from presse.model import Article, Entity

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "wikinews-fr" / "articles.jsonl"
PREPOSITION = re.compile(r"^(?:à|au|aux|de|du|des|d['’])(?:\s|$)|^d['’]")
NUMERALS = frozenset(
    ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille"]
)
PAIRS = (("«", "»"), ("“", "”"))
PHRASE_CHECKS = ("whitespace", "quote marks", "preposition", "agreement")
TYPE_CHECKS = ("first name not PER", "party not ORG", "demonym LOC", "disease PER")


def phrase_faults(phrase: str) -> list[str]:
    """The hygiene checks `phrase` fails."""
    faults = []
    if re.search(r"\n|\t|\s{2,}", phrase) or phrase != phrase.strip():
        faults.append("whitespace")
    if any(phrase.count(a) != phrase.count(b) for a, b in PAIRS) or phrase.count('"') % 2:
        faults.append("quote marks")
    if PREPOSITION.match(phrase):
        faults.append("preposition")
    words = re.findall(r"[^\W\d_][\w-]*", phrase)
    if len(words) >= 2 and words[0].lower() == "les":
        head = next((w for w in words[1:] if w.lower() not in NUMERALS and not w.lower().startswith(tuple(NUMERALS))), None)
        if head is not None and not head.lower().endswith(("s", "x", "z")):
            faults.append("agreement")
    return faults


def type_faults(entity: Entity) -> list[str]:
    """The lexicon checks `entity`'s type fails."""
    name = entity.name.strip()
    words = name.split()
    faults = []
    place_like = country_by_alias(name) is not None or name in metonyms() or party(name) is not None
    if (
        entity.type != "PER" and len(words) >= 2 and first_name_gender(words[0]) in ("m", "f")
        and all(w[:1].isupper() for w in words[1:]) and not place_like
    ):
        faults.append("first name not PER")
    if party(name) is not None and entity.type != "ORG":
        faults.append("party not ORG")
    if group_demonym(name) is not None and entity.type == "LOC":
        faults.append("demonym LOC")
    if disease(name) and entity.type == "PER":
        faults.append("disease PER")
    return faults


def measure(articles: Iterable[Article]) -> tuple[Counter[str], dict[str, list[str]], int, int]:
    """Fault counts, examples by check, and how many phrases and entities were seen."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {check: [] for check in (*PHRASE_CHECKS, *TYPE_CHECKS)}
    phrases = entities = 0
    for article in articles:
        for entity in article.entities:
            entities += 1
            for phrase in (entity.name, *entity.aliases, *entity.descriptions):
                phrases += 1
                for fault in phrase_faults(phrase):
                    counts[fault] += 1
                    examples[fault].append(f"{article.id}: {phrase!r}")
            for fault in type_faults(entity):
                counts[fault] += 1
                examples[fault].append(f"{article.id}: {entity.name!r} {entity.type}")
    return counts, examples, phrases, entities


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=150, help="sample size (default 150)")
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--examples", type=int, default=3, help="examples printed per check")
    args = parser.parse_args(argv)
    documents = list(read_source(args.corpus))
    random.Random(args.seed).shuffle(documents)
    sample = documents[: args.articles]
    counts, examples, phrases, entities = measure(get_analyzer().pipe(sample))
    print(f"{len(sample)} articles (seed {args.seed}), {entities} entities, {phrases} names/aliases/descriptions")
    for check in (*PHRASE_CHECKS, *TYPE_CHECKS):
        print(f"  {check:<20} {counts[check]:>5}")
        for example in examples[check][: args.examples]:
            print(f"      {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

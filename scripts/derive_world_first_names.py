"""Derive ``src/presse/lexicons/fr/first_name_shares_world.tsv``: first names of other countries.

The source is ``name_data.json`` of the MIT-licensed PyPI package ``nomquamgender`` 0.1.4 (Van
Buskirk, Clauset & Larremore, « An Open-Source Cultural Consensus Approach to Name-Based Gender
Classification », ICWSM 2023): for each first name (ASCII-folded, lowercased) the number of
national and international name lists that give it, the people counted with it, and the share
of them that are women. It is fetched once by hand, never at run time and never a dependency::

    pip download --no-deps nomquamgender==0.1.4 -d /tmp/nqg
    unzip -o -q /tmp/nqg/nomquamgender-*.whl -d /tmp/nqg/x
    python scripts/derive_world_first_names.py /tmp/nqg/x/nomquamgender/name_data.json

Merge rule with INSEE (``first_name_shares.tsv``): INSEE wins for every name it lists, so those
names are left out here; a name is kept when at least ``--min-sources`` lists give it and at least
``--min-count`` people bear it (both chosen on the dev gold, see lexicons/fr/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from derive_first_name_shares import write_table  # the sibling script (scripts/ is on the path)

from presse.analyze.names import fold_name

LEXICONS = Path(__file__).resolve().parents[1] / "src/presse/lexicons/fr"

HEADER = """\
# columns: name	share_female	count	sources
# name: a first name, lowercased and without accents (« andras », « volodymyr »)
# share_female: share of the people counted with this name who are women (0.000 to 1.000)
# count: people counted with this name over all the lists; sources: how many lists give it
# source: nomquamgender 0.1.4 name_data.json (Van Buskirk, Clauset & Larremore, ICWSM 2023,
#   https://github.com/ianvanbuskirk/nomquamgender), names given by at least {min_sources} lists
#   to at least {min_count} people and not listed by INSEE (first_name_shares.tsv wins);
#   derived by scripts/derive_world_first_names.py
# licence: MIT (Copyright (c) 2022 Ian Van Buskirk)
"""


def insee_names(path: Path) -> set[str]:
    """The folded names of INSEE's table (``first_name_shares.tsv``)."""
    with path.open(encoding="utf-8") as handle:
        return {fold_name(line.split("\t")[0]) for line in handle if line.strip() and not line.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    """Read nomquamgender's name data at the given path and write the world first-names table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--min-count", type=int, default=50)
    parser.add_argument("--min-sources", type=int, default=2)
    parser.add_argument("--insee", type=Path, default=LEXICONS / "first_name_shares.tsv")
    parser.add_argument("--out", type=Path, default=LEXICONS / "first_name_shares_world.tsv")
    args = parser.parse_args(argv)
    try:
        data = json.loads(args.source.read_text(encoding="utf-8"))
        records = {str(name): (int(row[0]), int(row[1]), float(row[2])) for name, row in data.items()}
    except (OSError, ValueError, TypeError, IndexError) as exc:
        print(f"{args.source}: not nomquamgender name data ({exc})", file=sys.stderr)
        return 1
    known = insee_names(args.insee)
    kept = sorted(
        (name, share, count, sources)
        for name, (sources, count, share) in records.items()
        if name.replace("-", "").isalpha() and name.isascii() and name == name.lower()
        and sources >= args.min_sources and count >= args.min_count
        and fold_name(name) not in known
    )
    write_table(args.out, HEADER.format(min_count=args.min_count, min_sources=args.min_sources), kept)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

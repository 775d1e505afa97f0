"""Derive ``src/presse/lexicons/fr/first_name_shares.tsv`` from INSEE's national first-names file.

The file (``insee_names_fr_1900_2023.csv``: INSEE « Fichier des prénoms », births in France
1900–2023, Licence Ouverte / Open Licence 2.0, as tabulated in the MIT-licensed ``booknlp-fr``
package) is fetched once by hand, never at run time::

    pip download --no-deps booknlp-fr -d /tmp/bnfr
    unzip -o -q /tmp/bnfr/booknlp_fr-*.whl -d /tmp/bnfr/x
    python scripts/derive_first_name_shares.py /tmp/bnfr/x/booknlp_fr/data/insee_names_fr_1900_2023.csv

It keeps the names given at least ``--min-count`` times (rare names are noise for news) and writes
``name<TAB>share_female<TAB>count`` rows, the share rounded to three decimals, sorted by name.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/presse/lexicons/fr/first_name_shares.tsv"
HEADER = """\
# columns: name	share_female	count
# name: a first name as INSEE spells it, lowercased (accents kept: « hélène », « emile »)
# share_female: share of the births given this name that were girls (0.000 to 1.000)
# count: births given this name in France, 1900-2023
# source: INSEE, Fichier des prénoms 1900-2023 (https://www.insee.fr/fr/statistiques/2540004),
#   as tabulated in booknlp-fr 0.0.73 data/insee_names_fr_1900_2023.csv; names given at least
#   {min_count} times; derived by scripts/derive_first_name_shares.py
# licence: Licence Ouverte / Open Licence 2.0 (Etalab)
"""


def main(argv: list[str] | None = None) -> int:
    """Read the INSEE table at the given path and write the compact shares table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--min-count", type=int, default=20)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows: dict[str, tuple[float, float]] = {}
    try:
        with args.source.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter="\t"):
                name = record["name"].strip().lower()
                male, female = float(record["male_count"]), float(record["female_count"])
                old_m, old_f = rows.get(name, (0.0, 0.0))
                rows[name] = (old_m + male, old_f + female)
    except (OSError, KeyError, ValueError) as exc:
        print(f"{args.source}: not an INSEE first-names table ({exc})", file=sys.stderr)
        return 1
    kept = sorted(
        (name, female / (male + female), int(male + female))
        for name, (male, female) in rows.items()
        if name.replace("-", "").replace("'", "").isalpha() and male + female >= args.min_count
    )
    write_table(args.out, HEADER.format(min_count=args.min_count), kept)
    return 0


def write_table(path: Path, header: str, rows: list[tuple[str, float, int]] | list[tuple[str, float, int, int]]) -> None:
    """Write ``header`` then one tab-separated row per name (the share to three decimals) to
    `path`, replaced whole only once written."""
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        out.write(header)
        for name, share, *counts in rows:
            out.write("\t".join([name, f"{share:.3f}", *map(str, counts)]) + "\n")
    tmp.replace(path)
    print(f"{len(rows)} names written to {path}")


if __name__ == "__main__":
    raise SystemExit(main())

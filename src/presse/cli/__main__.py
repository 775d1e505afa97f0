"""``python -m presse.cli``: the `presse` command."""

from presse.cli import main

main()

"""Role nouns: the old import path of :mod:`presse.analyze.actors.roles`, which quotes reads."""

from presse.analyze.actors.roles import is_role_noun, person_key, singles_out

__all__ = ["is_role_noun", "person_key", "singles_out"]

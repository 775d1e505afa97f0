"""Office-holders for a role description, on the article's date and in the role's gender.

« le président russe » on 2018-06-01 is Vladimir Poutine; « la Première ministre britannique »
can only be a woman, so on a date when a man held the office the description names nobody from
the knowledge file (it stays a description) rather than the wrong person. The gender comes from
the title itself (« première ministre », « chancelière ») or, for a title of both genders
(« ministre », « secrétaire d'État »), from the agreement of its determiner in the parse; only a
feminine one is telling (the masculine of a title is also used for women).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Token

from presse import knowledge
from presse.knowledge import Office


def description_gender(title_gender: str, determiner: Token) -> str | None:
    """``f`` when the title (``title_gender`` from the role lexicon: « première ministre ») or the
    agreement of its ``determiner`` (« la ministre ») is feminine, else None.

    Only the feminine rules holders out: French news uses the masculine of a title for women
    too (« le Premier ministre Theresa May », « le chef du gouvernement »), never the reverse."""
    if title_gender == "f" or determiner.morph.get("Gender") == ["Fem"]:
        return "f"
    return None


def holder_on(offices: Iterable[str], of: str, on: date, gender: str | None) -> Office | None:
    """The first of ``offices`` (keys of the knowledge file, in order of preference) that someone
    of ``gender`` (any when None) held for ``of`` on the date ``on``, or None."""
    for office in offices:
        found = knowledge.holder(office, of, on, gender=gender)
        if found is not None:
            return found
    return None

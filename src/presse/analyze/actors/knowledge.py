"""Layer 3, knowledge: the dated office-holders file (:mod:`presse.knowledge`).

* A person named by one word the file knows (« Poutine ») takes the full name it gives, and every
  person the offices they hold on the article's date.
* « le président russe » on 2018-06-01 is Vladimir Poutine: a role of a country or of an
  organisation names its holder on the article's date, when the text gives no name for it (a
  name in apposition or met earlier always wins, see :mod:`.roles`). « la Première ministre
  britannique » can only be a woman, so on a date when a man held the office the description
  names nobody from the file (it stays a description) rather than the wrong person. The gender
  comes from the title itself (« première ministre », « chancelière ») or, for a title of both
  genders (« ministre », « secrétaire d'État »), from the agreement of its determiner in the
  parse; only a feminine one is telling (the masculine of a title is also used for women).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Final

from spacy.tokens import Token

from presse import knowledge
from presse.analyze.actors.context import Decision, Learn, ResolutionContext
from presse.analyze.actors.records import EntityRec
from presse.analyze.names import fold_name
from presse.knowledge import Office
from presse.lexicons import countries

# a description's office that the file may list under another key
OFFICE_FALLBACKS: Final = {"leader": ("head_of_state", "head_of_government", "leader")}


def link_knowledge(ctx: ResolutionContext) -> Iterator[Decision]:
    """Complete single-word person names from the office-holders file; note their offices on
    the article's date (the first one held gives the actor's ``knowledge`` line)."""
    for idx, ent in enumerate(ctx.entities):
        if ent.type != "PER":
            continue
        full = knowledge.canonical_person(ent.name) if " " not in ent.name else None
        name = full or ent.name
        held = [o for o in knowledge.offices_of(name) if o.start <= ctx.on and (o.end is None or ctx.on <= o.end)]
        if full is None and not held:
            continue
        yield Learn(
            idx,
            renamed=full or None,
            offices=tuple((o.office, o.of) for o in held),
            knowledge=f"{held[0].title_fr}, {held[0].of}" if held else None,
            gender=next((o.gender for o in held if o.gender), None),
        )


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


def office_holder(office: str, of: str, on: date, gender: str | None) -> Office | None:
    """The holder of a description's `office` of `of` on `on` (see :data:`OFFICE_FALLBACKS`)."""
    return holder_on(OFFICE_FALLBACKS.get(office, (office,)), of, on, gender)


def find_person(entities: Sequence[EntityRec], name: str, aliases: tuple[str, ...]) -> int | None:
    """The person actor the knowledge file's `name` (or one of its `aliases`) is, or None: same
    key, or same surname as a full name the text gives."""
    keys = {fold_name(name), *(fold_name(a) for a in aliases)}
    surname = fold_name(name).split()[-1]
    for idx, ent in enumerate(entities):
        if ent.type != "PER":
            continue
        if ent.name_keys() & keys or any(k.split()[-1] == surname for k in ent.name_keys() if " " in k):
            return idx
    return None


@functools.cache
def _organisations() -> dict[str, str]:
    """Organisations that have offices in the knowledge file, by normalized name."""
    country_keys = {fold_name(c) for c in countries()}
    return {
        fold_name(o.of): o.of
        for o in knowledge.office_holders()
        if fold_name(o.of) not in country_keys
    }


def organisation(name: str) -> str | None:
    """The organisation's name as the knowledge file writes it, or None."""
    return _organisations().get(fold_name(name))

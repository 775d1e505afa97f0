"""Actors: canonical entities with every mention (names, descriptions, pronouns).

Resolution runs in layers, each recorded on the mention as ``resolved_by`` (the registry is
:data:`presse.model.RESOLUTIONS`); :mod:`.resolver` runs them in this order:

1. ``ner`` / ``alias``: spaCy's named entities grouped into canonical actors ("Poutine" is the
   "Vladimir Poutine" named earlier or later; an acronym is the name it spells; a nickname is
   its person's) — :mod:`.names`, :mod:`.aliases`, typed by :mod:`.name_types`;
2. ``knowledge``: single-word names completed and offices noted from the dated office-holders
   file — :mod:`.knowledge`;
3. ``group``: persons coordinated where a speaker stands are one group — :mod:`.groups`;
4. ``apposition`` / ``knowledge`` / ``salience``: role descriptions ("le président russe") and
   pronouns ("il", "ce dernier", "son homologue"), in text order — :mod:`.roles`,
   :mod:`.pronouns`;
5. ``organisation`` / ``collective``: "le groupe", "le quotidien" stand for a named organisation
   (:mod:`.descriptions`); other common nouns are bodies, groups or unnamed people
   (:mod:`.collectives`);
6. plural pronouns, once the groups are known — :mod:`.pronouns`.

Per-document state is one :class:`~.context.ResolutionContext`; layers only read it and yield
decisions, which :meth:`~.context.ResolutionContext.apply` writes. Genders are read last
(:mod:`presse.analyze.gender`). Places used for governments (le Kremlin, Kiev, Washington) stay
ORG/LOC actors of their own.
"""

from presse.analyze.actors.collectives import apposed_name
from presse.analyze.actors.pronouns import SALIENCE_WINDOW
from presse.analyze.actors.records import Actors, EntityRec, MentionRec
from presse.analyze.actors.resolver import ActorResolver

__all__ = ["SALIENCE_WINDOW", "ActorResolver", "Actors", "EntityRec", "MentionRec", "apposed_name"]

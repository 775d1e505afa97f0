"""Quotations and their speakers, from typography, a reporting-verb lexicon and syntax.

Direct quotations are the spans between quote marks that report someone's words (names, titles
and scare quotes are left out), dialogue lines opened by a dash, and title lines "X : « … »".
Indirect quotations are the content clauses of reporting verbs ("a reconnu que …", "a promis
de …", "laisser entendre que …"), the clauses governed by "selon X" / "d'après X" / "à en croire
X" (before, after or in the middle of the words), sentences cut by an incise ("…, a-t-il ajouté,
…"), the noun-phrase content of a speech act ("a dénoncé la fermeture du site"), what someone
says of itself or of something by an attribute ("s'est dite satisfaite", "a été jugée
insuffisante par X"), and what someone tells an addressee to do ("a appelé Y à …"). A reported clause containing quote marks is a mixed quotation,
and each quoted stretch inside it is also a direct quotation of its own.

The speaker is the subject of the cue verb, carried through coordination and adverbial clauses
when the verb has none, the inverted subject of an incise, the agent of a passive, the object of
"selon"; it is then resolved to the article's canonical actor through the actor layer.

One module per mechanism: ``cues`` (the reporting-verb lexicon in a parse), ``marked`` and
``terms`` (quote marks: someone's words or a name), ``incises``, ``dialogue`` (dash lines and
signatures), ``clauses`` (que-clauses and infinitives), ``np_content`` (noun-phrase content),
``frames`` (selon / d'après / à en croire / pour / comme), ``attributes`` (se dire + attribute,
passive judgements), ``control`` (an addressee told to act), ``mixed``, ``speakers``,
``speaker_context`` and ``speaker_chain`` (who speaks), ``finder`` (the order they run in);
per-document state is a ``context``.
"""

from presse.analyze.quotes.cues import cue_label, cue_of
from presse.analyze.quotes.finder import QuoteFinder
from presse.analyze.quotes.records import QuoteRec, Quotes
from presse.analyze.quotes.tokens import is_word as _is_word
from presse.analyze.quotes.tokens import opens_clause as _opens_clause
from presse.analyze.verb_groups import finite_or_aux as _finite_or_aux

__all__ = ["QuoteFinder", "QuoteRec", "Quotes", "_finite_or_aux", "_is_word", "_opens_clause", "cue_label", "cue_of"]

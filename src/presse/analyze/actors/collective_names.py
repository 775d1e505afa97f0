"""Names of the actors known by a common noun only: the fullest description the article gives.

An unnamed group, body or person is named as a reader would name it from the whole article
(docs/annotation-guidelines.md §5a): by its fullest description, its noun with the words that
restrict it — adjectives (« les autorités irakiennes »), complements (« les autorités de la
sécurité aérienne de Dubai »), participles (« les éleveurs réunis à Vire ») and relative clauses
(« les scientifiques qui l'ont découvert ») —, up to :data:`MAX_WORDS` words after the noun and
never past a comma, a bracket or a colon (quote marks only when paired: « le député du parti
« Les Républicains » »). A later, fuller description of the same actor
renames it (« un porte-parole de la police » … « le porte-parole de la police madrilène »).

The restricting words also tell two actors of one noun apart: « les autorités russes » are not
« les autorités de Dubai », while « les autorités » and « les autorités irakiennes » may be one
(:func:`compatible`). « d'autres policiers » are other policemen than those seen before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

from presse.analyze.actors.spans import trim_span
from presse.analyze.names import fold_name
from presse.lexicons import word_set

MAX_WORDS: Final = 10
"""Words a description may have after its noun; a longer modifier is left out whole."""
RESTRICTING: Final = frozenset({"amod", "nmod", "acl", "nummod"})
# a relative clause or a number says something of the actor without telling it from another
# of its noun (« les deux ministres » are « les ministres de la Santé et des Comptes publics »)
DISTINGUISHING: Final = frozenset({"amod", "nmod", "acl"})
# "les nombreux manifestants", "les différents témoins": quantity, not a kind
NOT_DISTINGUISHING: Final = word_set("collective_nouns.quantity_adjectives")
CONTENT: Final = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
QUOTE_MARKS: Final = frozenset({"«", "»", '"', "“", "”"})
STOPS: Final = frozenset({",", "(", ")", "[", "]", ";", ":", "—", "–"})


@dataclass(frozen=True)
class Description:
    """The token range [first, end) of a description's words after its determiner, and the
    folded lemmas of the words that restrict its noun (see :func:`compatible`)."""

    first: int
    end: int
    restrictions: frozenset[str]


def _extent(child: Token) -> int:
    """The end of a modifier's words: its subtree, cut before a finite verb or a relative
    pronoun inside it (« une source proche du dossier ajoute à … » where the parser hung the
    clause on the modifier)."""
    doc = child.doc
    subtree = {t.i for t in child.subtree}
    for t in range(child.i + 1, child.right_edge.i + 1):
        if t in subtree and ("Fin" in doc[t].morph.get("VerbForm") or doc[t].dep_ == "mark"):
            return t
    return child.right_edge.i + 1


def _clean(head: Token, child: Token) -> bool:
    """Whether the modifier `child` of `head` can be part of the name: within the word limit and
    with no stop punctuation from the head to its last word."""
    doc = head.doc
    if child.i < head.i:
        return all(doc[t].text not in STOPS for t in range(child.left_edge.i, head.i))
    end = _extent(child)
    return end - 1 - head.i <= MAX_WORDS and all(doc[t].text not in STOPS for t in range(head.i + 1, end))


def _joins(tok: Token) -> bool:
    """Whether a token between a noun and its modifier leaves them one description: a space,
    a preposition, a determiner, an adverb or a quote mark (« du parti « Les Républicains »)."""
    return tok.is_space or tok.dep_ in ("case", "det", "mark", "advmod") or tok.text in QUOTE_MARKS


def _content_words(modifier: Token, end: int) -> set[str]:
    """The folded lemmas of the content words of a modifier before token `end`, however the
    parse nests them (« proche de l'enquête »: proche, enquête)."""
    return {
        fold_name(t.lemma_) for t in modifier.subtree
        if t.i < end and t.pos_ in CONTENT and t.lemma_.lower() not in NOT_DISTINGUISHING
    }


def fullest_description(head: Token, start: int) -> Description:
    """The description headed by `head` whose mention starts at token `start` (its determiner):
    the words from the first non-determiner through the last restricting modifier that fits."""
    doc = head.doc
    end = head.i + 1
    restrictions: set[str] = set()
    for child in head.children:
        if child.dep_ not in RESTRICTING or not _clean(head, child):
            continue
        if child.dep_ == "acl" and "Part" not in child.morph.get("VerbForm") and child.pos_ != "ADJ":
            continue  # « les policiers arriver en courant »: a clause, not a kind of policemen
        if child.i > head.i:
            # modifiers are contiguous: one that does not fit ends the description
            if any(not _joins(doc[t]) for t in range(end, child.left_edge.i)):
                break
            end = max(end, _extent(child))
        if child.dep_ in DISTINGUISHING:
            restrictions.update(_content_words(child, end))
    first = next((t for t in range(start, head.i) if doc[t].dep_ != "det"), head.i)
    first, end = trim_span(doc, first, end) or (head.i, head.i + 1)
    return Description(first, end, frozenset(restrictions))


def compatible(seen: frozenset[str], new: frozenset[str], body: bool = False) -> bool:
    """Whether a description restricted by `new` continues an actor whose fullest description
    was restricted by `seen`: a bare one continues any (« les autorités » after « les autorités
    irakiennes »), a restricted one an actor it restricts further or as much (« la source
    française proche de l'enquête » after « la source proche de l'enquête »). A restricted
    group after a bare one is a group of its own (« les autorités locales » after « les
    autorités »: the article tells them apart), but a singular `body` is one per article (« la
    police » … « la police madrilène »). « autre » always marks someone else."""
    if "autre" in new:
        return False
    return not new or ((bool(seen) or body) and (seen <= new or new <= seen))

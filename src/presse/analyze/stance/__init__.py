"""Stance and tone: who says what about whom, how, and who acts on whom.

On top of presse_actors and presse_quotes, the ``presse_stance`` component computes:

- per quote, the **cue class** (the ``class`` of the cue in the reporting-verb lexicon) and the
  **targets**: actor mentions inside the quote (the speaker excluded), the actor object of the cue
  verb ("menaçait Moscou de « … »", "a remercié son homologue", "ce Tribunal, qu'il qualifie de
  « … »"), for a cue whose object names a shared event ("a qualifié la réunion d'« … »") the other
  participants of that event, and the holder a partial quote is said of (Fillon « a voté … », les
  « allégations mensongères » de Fillon). The polarity towards a target combines the lexicon
  polarity of the words around it in the quote (its clause without relative clauses on other
  nouns, else the whole quote; never the epithets of another name, « l'escroc Dupont ») with the
  cue class (hostile → negative, warm → positive), the cue weighing most on the cue's own object
  and not at all on the other names of a quote when the cue has an object of its own. A target
  that suffers a negative act the quote names ("la persécution de X", "l'attentat contre X", "X est
  sacrifié par …") is sided with: the negative score turns positive; an actor said in the past
  conditional to have done something (« X aurait touché … », an allegation) is weakly blamed when
  nothing else in the quote judges it;
- **relations** (subject actor, predicate, object actor) from the dependency tree outside
  quotations: subject → verb → obj / iobj / obl, passives with their agent (the patient may be the
  subject of the governing verb: "vient d'être condamné par"), participle clauses read as
  passives ("chassés par les policiers, les manifestants …"), « à l'encontre de Y » — the
  arguments as :func:`presse.analyze.arguments.arguments_of` reads them —, judgment nouns aimed
  at someone ("la plainte de X contre Y"), light verbs with an evaluative
  noun ("a multiplié les compliments à l'égard de Trump", "a rendu hommage à"), multiword
  predicates ("a pris la défense de", "a mis en garde"), verbs of receiving ("a reçu le soutien
  de Y": Y → subject), and meeting nouns ("la rencontre entre X et Y"). Polarity comes from the
  predicate: a multiword expression, the reporting-verb class for cues, else ``polarity.tsv``,
  negation flipping it; the acts of ``effects.tsv`` and of ``effects_verbenet.tsv`` (verbs of
  Verb∋Net classes: murder, punish, banish, help, appoint…) give the rest, verbs of victory being
  hostile to the one defeated (kind defeat);
- **stance edges** source → target, from quotes (speaker → target) and relations (subject →
  object), in article order, so that a swing from hostile to warm is visible;
- **tone**: the journalist's evaluative words in the sentence around each mention outside quotes,
  averaged per actor.

Everything is rules over spaCy's parse and two lexicons: no model is trained or downloaded.

The package is split by mechanism: :mod:`.syntax` (mentions, subjects, cases: every subject lookup
goes through the shared :func:`presse.analyze.subjects.subject_of`), :mod:`.carriers` (the words that carry a polarity and
the cue priors), :mod:`.victims` (how an act presents its patient and agent), :mod:`.targets` (whom
a quotation is about), :mod:`.acts` (relations between actors), :mod:`.tone`,
:mod:`.aggregation` (edges and per-pair aggregates) and :mod:`.component` (the whole layer).
"""

from presse.analyze.stance.acts import extract_relations, meeting_partners
from presse.analyze.stance.carriers import predicate_polarity
from presse.analyze.stance.component import analyze_stance
from presse.analyze.stance.records import (
    DEFAULT_WEIGHTS,
    EXTENSION,
    EdgeRec,
    QuoteStance,
    RelationRec,
    Stance,
    StanceWeights,
    TargetRec,
    ToneRec,
)
from presse.analyze.stance.targets import (
    governing_cue,
    holder_tokens,
    quote_span,
    quote_targets,
    target_score,
)
from presse.analyze.stance.tone import actor_tone

__all__ = [
    "DEFAULT_WEIGHTS", "EXTENSION", "EdgeRec", "QuoteStance", "RelationRec", "Stance", "StanceWeights",
    "TargetRec", "ToneRec", "actor_tone", "analyze_stance", "extract_relations", "governing_cue",
    "holder_tokens", "meeting_partners", "predicate_polarity", "quote_span", "quote_targets", "target_score",
]

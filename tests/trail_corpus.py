"""A small corpus with known quote trails and one article copy, written through the store writer.

The quotations are real sentences quoted in French Wikinews articles (2016–2017), with
controlled edits; the article bodies are Wikinews article texts (../shared). Each article is an
``Article`` built by hand (speaker entity, mention and quote offsets exact), so the expected
trails do not depend on the analyzer:

* FILLON: a1 (first), a2 (variant: punctuation, apostrophe, « leur compétence »), a3 (fragment,
  « deux de mes enfants qui étaient avocats », said by « Fillon »);
* SPICER: a2 (Sean Spicer), a3 (the same words, unattributed: suggestion Sean Spicer);
* FESNEAU: a4 (first), a5 (a copy of a4: counted once), a6 (independent repeat by « Fesneau »);
* SAYAN: a4 (Fatih Sayan) — the same words said by Binali Yildirim in a6 are another trail;
* BRISARD: a1 only — a7 reports a shorter stretch of it in indirect speech, which is no
  repetition of the words;
* GUPTA: a6 only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from conftest import shared_path
from presse.model import Article, Entity, Mention, Quote, Speaker, Voice
from presse.store.writer import StoreWriter

FILLON = (
    "Il m'est arrivé de rémunérer, pour des missions précises, deux de mes enfants qui étaient "
    "avocats, en raison de leurs compétences"
)
FILLON_VARIANT = (
    "Il m’est arrivé de rémunérer pour des missions précises deux de mes enfants, qui étaient "
    "avocats, en raison de leur compétence"
)
FILLON_FRAGMENT = "deux de mes enfants qui étaient avocats"
SPICER = (
    "les photographes ont été intentionnellement orientés de façon à minimiser l'énorme soutien "
    "qui s'était accumulé devant le National Mall"
)
BRISARD = (
    "on est face à des individus déterminés, radicalisés et surtout avec un projet d'attentat "
    "très avancé"
)
BRISARD_REPORTED = "des individus déterminés, radicalisés et surtout avec un projet d'attentat"
FESNEAU = (
    "Quand vous incendiez une préfecture et que vous refusez que les pompiers interviennent, ce "
    "sont des actes qui visent à tuer"
)
SAYAN = "Il est impossible de rouvrir Wikipédia tant que les décisions de justice ne seront pas suivies"
GUPTA = (
    "Les opérations de secours se poursuivent et de nombreuses personnes se trouvent encore sous "
    "les gravats"
)

BODIES = {
    "W1": "winer-fr-2016_01_01-001",
    "W2": "winer-fr-2016_01_01-002",
    "W3": "winer-fr-2016_01_04-002",
    "W4": "winer-fr-2016_01_06-002",
    "W5": "winer-fr-2016_01_07-002",
    "W6": "winer-fr-2016_01_10-001",
}


@dataclass(frozen=True)
class Said:
    """One quotation of an article: its words, its speaker (None: unattributed), its kind."""

    text: str
    speaker: str | None
    kind: str = "direct"


@dataclass(frozen=True)
class Spec:
    key: str
    published: str
    outlet: str
    body: str
    said: tuple[Said, ...]


def wikinews_texts() -> dict[str, str]:
    """The Wikinews bodies by their name in :data:`BODIES`."""
    wanted = {v: k for k, v in BODIES.items()}
    found: dict[str, str] = {}
    with shared_path("corpus", "wikinews-fr", "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                found[wanted[record["id"]]] = record["text"]
    return found


def copy_of(text: str) -> str:
    """``text`` lightly edited as a republished dispatch: another dateline, a word changed, a
    credit line added."""
    first, _, rest = text.partition(". – ")
    edited = rest.replace("forces de sécurité", "forces de l'ordre", 1)
    return f"{first} (AFP). – {edited}\n\n(Avec AFP)"


def specs(bodies: dict[str, str]) -> list[Spec]:
    """The articles of the corpus (see the module docstring), in publication order."""
    return [
        Spec("a1", "2017-02-01", "Le Monde", bodies["W1"],
             (Said(FILLON, "François Fillon"), Said(BRISARD, "Jean-Charles Brisard"))),
        Spec("a2", "2017-02-02", "Libération", bodies["W2"],
             (Said(FILLON_VARIANT, "François Fillon"), Said(SPICER, "Sean Spicer"))),
        Spec("a3", "2017-02-03", "Le Figaro", bodies["W3"],
             (Said(FILLON_FRAGMENT, "Fillon"), Said(SPICER, None))),
        Spec("a4", "2017-02-04", "AFP", bodies["W4"],
             (Said(FESNEAU, "Marc Fesneau"), Said(SAYAN, "Fatih Sayan"))),
        Spec("a5", "2017-02-05", "Ouest-France", copy_of(bodies["W4"]),
             (Said(FESNEAU, "Marc Fesneau"),)),
        Spec("a6", "2017-02-06", "Le Parisien", bodies["W5"],
             (Said(FESNEAU, "Fesneau"), Said(SAYAN, "Binali Yildirim"), Said(GUPTA, "Anurag Gupta"))),
        Spec("a7", "2017-02-07", "20 Minutes", bodies["W6"],
             (Said(BRISARD_REPORTED, "Jean-Charles Brisard", "indirect"),)),
    ]


def build_article(spec: Spec) -> Article:
    """The hand-made analysis of ``spec``: its body, then one paragraph per quotation."""
    text = f"Article {spec.key}\n\n{spec.body}"
    entities: dict[str, Entity] = {}
    quotes: list[Quote] = []
    for index, said in enumerate(spec.said, start=1):
        text += "\n\n"
        speaker = Speaker()
        if said.speaker is not None:
            start = len(text)
            text += said.speaker
            entity = entities.get(said.speaker)
            mention = Mention(start=start, end=len(text), text=said.speaker, kind="name", resolved_by="ner")
            if entity is None:
                entity = Entity(id=f"e{len(entities) + 1}", name=said.speaker, type="PER", mentions=[mention])
            else:
                entity = entity.model_copy(update={"mentions": [*entity.mentions, mention]})
            entities[said.speaker] = entity
            speaker = Speaker(entity=entity.id, name=said.speaker, start=start, end=len(text), text=said.speaker, resolved_by="ner")
            text += " a déclaré : « " if said.kind == "direct" else " a affirmé qu'il s'agissait de "
        else:
            text += "On pouvait lire : « "
        start = len(text)
        text += said.text
        end = len(text)
        text += " »." if said.kind == "direct" else "."
        evidence = "direct: reporting verb and colon" if said.kind == "direct" else "indirect: reporting verb + que-clause"
        quotes.append(
            Quote(id=f"q{index}", text=said.text, start=start, end=end, kind=said.kind,
                  cue="a déclaré", cue_lemma="déclarer", speaker=speaker, confidence=0.9,
                  evidence=evidence, quoted_words=len(said.text.split()))
        )
    voices = [
        Voice(entity=e.id, name=e.name, type=e.type, mentions=len(e.mentions),
              quotes=sum(q.speaker.entity == e.id for q in quotes),
              quoted_words=sum(q.quoted_words for q in quotes if q.speaker.entity == e.id))
        for e in entities.values()
    ]
    return Article(
        id=spec.key, source=f"{spec.key}.json", url=f"https://example.org/{spec.key}",
        title=f"Article {spec.key}", outlet=spec.outlet, published=date.fromisoformat(spec.published),
        text=text, entities=list(entities.values()), quotes=quotes, voices=voices,
        presse_version="test", model="hand-made",
    )


def write(db: Path, articles: list[Spec]) -> None:
    """Write the analyses of ``articles`` to the store ``db``, in this order."""
    with StoreWriter(db) as writer:
        for spec in articles:
            article = build_article(spec)
            writer.write_article(article, key=spec.key, digest=f"digest-{spec.key}-{len(article.text)}")


def build(db: Path) -> list[Spec]:
    """The whole corpus in the store ``db``; returns its articles."""
    articles = specs(wikinews_texts())
    write(db, articles)
    return articles

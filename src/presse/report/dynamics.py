"""The "Dynamics" section of the article report: voices, stance edges in article order, tone, and
the actors talked about without a voice.

``render_dynamics(article, console)`` prints it with rich; ``markdown_dynamics(article)`` returns
it as Markdown. Both read only the `Article` (stance fields filled by
``presse.analyze.convert_stance.add_stance``) and print nothing about stance when it is empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from presse.model import Article, Quote, StanceEdge, Voice
from presse.report.labels import counted, is_verbatim, markdown_said

POLARITY_STYLE = {"positive": "green", "negative": "red", "neutral": "dim"}
POLARITY_SIGN = {"positive": "+", "negative": "−", "neutral": "·"}
SIDELINED_MIN_MENTIONS = 2
SIDELINED_HEADING = f"Sidelined: mentioned {SIDELINED_MIN_MENTIONS} times or more, never quoted"
EVIDENCE_CHARS = 70


@dataclass(frozen=True)
class PairSummary:
    """All stance evidence from one source to one target, in article order."""

    source: str
    target: str
    edges: tuple[StanceEdge, ...]

    @property
    def sequence(self) -> str:
        """One sign per piece of evidence (+ − ·), in article order: a swing shows as "−−+"."""
        return "".join(POLARITY_SIGN[e.polarity] for e in self.edges)

    def count(self, polarity: str) -> int:
        return sum(1 for e in self.edges if e.polarity == polarity)

    @property
    def swing(self) -> str:
        """How the pair turns over the article: ``negative→positive`` (with the offsets of the
        first and last judgments) when its first and last non-neutral edges disagree, ``steady
        positive`` / ``steady negative`` otherwise, ``neutral`` when no edge has a polarity."""
        polar = [e for e in self.edges if e.polarity != "neutral"]
        if not polar:
            return "neutral"
        first, last = polar[0], polar[-1]
        if first.polarity == last.polarity:
            return f"steady {first.polarity}"
        return f"{first.polarity}→{last.polarity} (at {first.position} → {last.position})"


def _name(article: Article, entity_id: str) -> str:
    ent = article.entity(entity_id)
    return ent.name if ent is not None else entity_id


def _clip(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def evidence_text(article: Article, edge: StanceEdge) -> Text:
    """What an edge rests on, after its ``via``: `` (cue): said [cue class]`` for a quote — what
    was said between « » when quoted verbatim, in italics without marks when reported — or
    ``: subject — predicate — object`` for a relation."""
    quote = _quote(article, edge)
    if quote is None:
        return Text(f": {_relation_text(article, edge)}")
    text = Text(f" ({quote.cue}): " if quote.cue else ": ")
    if is_verbatim(quote):
        text.append(f"« {_clip(quote.text)} »")
    else:
        text.append(_clip(quote.text), style="italic")
    if quote.cue_class:
        text.append(f" [{quote.cue_class}]")
    return text


def _quote(article: Article, edge: StanceEdge) -> Quote | None:
    if edge.via != "quote":
        return None
    return next((q for q in article.quotes if q.id == edge.evidence_id), None)


def _relation_text(article: Article, edge: StanceEdge) -> str:
    rel = next((r for r in article.relations if r.id == edge.evidence_id), None)
    if rel is None:
        return edge.evidence_id
    return f"{rel.subject_text} — {rel.predicate_text} ({rel.predicate}) — {rel.object_text}"


def _how(edge: StanceEdge) -> str:
    """The edge's channel and cue (« reported, cue menaçait »), or its ``via`` for an analysis
    made before channels were recorded."""
    if edge.channel is None:
        return edge.via
    return f"{edge.channel}, cue « {edge.cue} »" if edge.cue else edge.channel


def evidence_markdown(article: Article, edge: StanceEdge) -> str:
    """What an edge rests on, in Markdown: ``cue: said [cue class]`` (reported speech in
    *italics*, verbatim words between « »), or the relation."""
    quote = _quote(article, edge)
    if quote is None:
        return _relation_text(article, edge)
    cue = f"{quote.cue}: " if quote.cue else ""
    cls = f" [{quote.cue_class}]" if quote.cue_class else ""
    return f"{cue}{markdown_said(quote, _clip(quote.text))}{cls}"


def stance_pairs(article: Article) -> list[PairSummary]:
    """Edges grouped per (source, target), pairs ordered by their first evidence."""
    groups: dict[tuple[str, str], list[StanceEdge]] = {}
    for edge in sorted(article.stance, key=lambda e: e.position):
        groups.setdefault((edge.source, edge.target), []).append(edge)
    return [PairSummary(s, t, tuple(edges)) for (s, t), edges in groups.items()]


def sidelined(article: Article, min_mentions: int = SIDELINED_MIN_MENTIONS) -> list[Voice]:
    """Actors (people, organisations, places) mentioned at least `min_mentions` times and never
    quoted, most mentioned first."""
    return [v for v in article.unvoiced() if v.type in ("PER", "ORG", "LOC") and v.mentions >= min_mentions]


def _talked_about(article: Article, entity_id: str) -> int:
    return sum(1 for e in article.stance if e.target == entity_id)


def _sidelined_line(article: Article, v: Voice) -> str:
    edges = counted(_talked_about(article, v.entity), "stance edge")
    return f"{v.name} ({v.type}): {counted(v.mentions, 'mention')}, target of {edges}"


def _voices(article: Article) -> list[Voice]:
    return [v for v in article.voices if v.quotes or (v.type != "MISC" and v.mentions >= SIDELINED_MIN_MENTIONS)]


def _where(v: Voice) -> str:
    parts = []
    if v.in_title:
        parts.append("title" + (" (quoted)" if v.quoted_in_title else ""))
    if v.in_standfirst:
        parts.append("standfirst" + (" (quoted)" if v.quoted_in_standfirst else ""))
    return ", ".join(parts)


def render_dynamics(article: Article, console: Console) -> None:
    """Print the Dynamics section: voice table, stance edges in order, pairs with their swing,
    tone, sidelined."""
    console.print(Text("\nDynamics", style="bold underline"))
    table = Table(title="Voices", title_justify="left")
    for col, just in (("actor", "left"), ("mentions", "right"), ("quotes", "right"), ("direct", "right"),
                      ("indirect", "right"), ("words", "right"), ("first mention", "right"),
                      ("first quote", "right"), ("prominence", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for v in _voices(article):
        table.add_row(
            escape(v.name), str(v.mentions), str(v.quotes), str(v.direct_quotes), str(v.indirect_quotes),
            str(v.quoted_words), str(v.first_mention if v.first_mention is not None else "—"),
            str(v.first_quote if v.first_quote is not None else "—"), _where(v),
            style="bold" if v.quotes else "",
        )
    console.print(table)

    if article.stance:
        console.print(Text("\nStance, in article order", style="bold"))
        for edge in article.stance:
            line = Text(f"  {edge.position:>6}  ")
            line.append(f"{_name(article, edge.source)} → {_name(article, edge.target)}", style="bold")
            line.append(f"  {edge.polarity} {edge.score:+.2f}", style=POLARITY_STYLE[edge.polarity])
            evidence = Text(f"  {_how(edge)}").append_text(evidence_text(article, edge))
            evidence.stylize("dim")
            line.append_text(evidence)
            console.print(line)
        console.print(Text("\nStance per pair (+ positive, − negative, · neutral, in order)", style="bold"))
        for pair in stance_pairs(article):
            line = Text(f"  {_name(article, pair.source)} → {_name(article, pair.target)}: ")
            for edge in pair.edges:
                line.append(POLARITY_SIGN[edge.polarity], style=POLARITY_STYLE[edge.polarity])
            line.append(f"  {pair.swing}", style="dim")
            console.print(line)

    if article.tone:
        console.print(Text("\nJournalist's tone (outside quotes)", style="bold"))
        for tone in article.tone:
            line = Text(f"  {_name(article, tone.entity)}: ")
            line.append(f"{tone.polarity} {tone.score:+.2f}", style=POLARITY_STYLE[tone.polarity])
            line.append(f"  ({counted(tone.mentions, 'sentence')}; {', '.join(tone.words[:5])})", style="dim")
            console.print(line)

    quiet = sidelined(article)
    if quiet:
        console.print(Text(f"\n{SIDELINED_HEADING}", style="bold"))
        for v in quiet:
            console.print(Text(f"  {_sidelined_line(article, v)}"))


def markdown_dynamics(article: Article) -> str:
    """The Dynamics section as Markdown (ends with a newline)."""
    out = ["## Dynamics", "", "### Voices", "",
           "| actor | mentions | quotes | direct | indirect | quoted words | first mention | first quote | prominence |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for v in _voices(article):
        first_m = v.first_mention if v.first_mention is not None else "—"
        first_q = v.first_quote if v.first_quote is not None else "—"
        out.append(f"| {v.name} | {v.mentions} | {v.quotes} | {v.direct_quotes} | {v.indirect_quotes} | "
                   f"{v.quoted_words} | {first_m} | {first_q} | {_where(v)} |")
    if article.stance:
        out += ["", "### Stance, in article order", "", "| at | source → target | polarity | via | evidence |",
                "|---:|---|---|---|---|"]
        for e in article.stance:
            evidence = evidence_markdown(article, e).replace("|", "\\|")
            out.append(f"| {e.position} | {_name(article, e.source)} → {_name(article, e.target)} | "
                       f"{e.polarity} {e.score:+.2f} | {_how(e)} | {evidence} |")
        out += ["", "### Stance per pair", ""]
        for pair in stance_pairs(article):
            out.append(f"- {_name(article, pair.source)} → {_name(article, pair.target)}: `{pair.sequence}` "
                       f"({pair.count('positive')} positive, {pair.count('negative')} negative, "
                       f"{pair.count('neutral')} neutral; {pair.swing})")
    if article.tone:
        out += ["", "### Journalist's tone (outside quotes)", ""]
        out += [f"- {_name(article, t.entity)}: {t.polarity} {t.score:+.2f} ({', '.join(t.words[:5])})" for t in article.tone]
    quiet = sidelined(article)
    if quiet:
        out += ["", f"### {SIDELINED_HEADING}", ""]
        out += [f"- {_sidelined_line(article, v)}" for v in quiet]
    return "\n".join(out) + "\n"

"""Human-readable reports of an analyzed article: a rich terminal report and Markdown."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from presse.model import Article, Quote
from presse.report_dynamics import markdown_dynamics, render_dynamics

KIND_STYLE = {"direct": "green", "indirect": "cyan", "mixed": "magenta"}


def _speaker_label(article: Article, quote: Quote) -> str:
    ent = article.entity(quote.speaker.entity) if quote.speaker.entity else None
    if ent is not None:
        return ent.name
    return quote.speaker.name or "?"


def _byline(article: Article) -> str:
    parts = []
    if article.authors:
        parts.append(", ".join(article.authors))
    if article.outlet:
        parts.append(article.outlet)
    if article.published:
        parts.append(article.published.isoformat())
    return " · ".join(parts) or "no byline found"


def render_text(article: Article, console: Console) -> None:
    """Print the rich report of one article."""
    head = Text()
    head.append(article.title or "(no title)", style="bold")
    head.append("\n" + _byline(article), style="dim")
    if article.source:
        head.append(f"\nsource: {article.source}", style="dim")
    if article.standfirst:
        head.append("\n\n" + article.standfirst, style="italic")
    console.print(Panel(head, title="presse", expand=True))

    if article.sections:
        console.print(Text("Sections", style="bold underline"))
        for i, s in enumerate(article.sections, 1):
            console.print(f"  {i}. {s.heading}")
        console.print()

    table = Table(title="Actors", title_justify="left", show_lines=False)
    for col, just in (("actor", "left"), ("type", "left"), ("mentions", "right"), ("quotes", "right"),
                      ("quoted words", "right"), ("also called", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for v in article.voices:
        ent = article.entity(v.entity)
        if ent is None or (ent.type == "MISC" and v.quotes == 0):
            continue
        other = ", ".join([*ent.aliases, *ent.descriptions][:5])
        style = "bold" if v.quotes else ""
        table.add_row(v.name, v.type, str(v.mentions), str(v.quotes), str(v.quoted_words), other, style=style)
    console.print(table)

    console.print(Text(f"\nQuotes ({len(article.quotes)})", style="bold underline"))
    for q in article.quotes:
        line = Text()
        line.append(f"[{q.kind}] ", style=KIND_STYLE[q.kind])
        line.append(_speaker_label(article, q), style="bold")
        if q.cue:
            line.append(f" ({q.cue})", style="dim")
        line.append(": ")
        line.append(f"« {q.text} »" if q.kind == "direct" else q.text)
        line.append(f"  {q.confidence:.2f}", style="dim")
        console.print(line)

    unvoiced = [v for v in article.unvoiced() if v.type in ("PER", "ORG", "LOC")]
    if unvoiced:
        console.print(Text("\nMentioned but never quoted", style="bold underline"))
        console.print(Group(*[Text(f"  {v.name} ({v.type}, {v.mentions} mentions)") for v in unvoiced]))
    render_dynamics(article, console)
    if article.warnings:
        console.print(Text("\nWarnings", style="bold yellow"))
        for w in article.warnings:
            console.print(f"  {w}", style="yellow")


def render_markdown(article: Article) -> str:
    """The report of one article as Markdown."""
    out = [f"# {article.title or '(no title)'}", "", f"*{_byline(article)}*", ""]
    if article.standfirst:
        out += [f"> {article.standfirst}", ""]
    if article.sections:
        out += ["## Sections", ""] + [f"{i}. {s.heading}" for i, s in enumerate(article.sections, 1)] + [""]
    out += ["## Actors", "", "| actor | type | mentions | quotes | quoted words |", "|---|---|---:|---:|---:|"]
    for v in article.voices:
        out.append(f"| {v.name} | {v.type} | {v.mentions} | {v.quotes} | {v.quoted_words} |")
    out += ["", f"## Quotes ({len(article.quotes)})", ""]
    for q in article.quotes:
        cue = f" ({q.cue})" if q.cue else ""
        body = f"« {q.text} »" if q.kind == "direct" else q.text
        out.append(f"- **{_speaker_label(article, q)}**{cue}, {q.kind}: {body}")
    unvoiced = [v for v in article.unvoiced() if v.type in ("PER", "ORG", "LOC")]
    if unvoiced:
        out += ["", "## Mentioned but never quoted", ""]
        out += [f"- {v.name} ({v.type}, {v.mentions} mentions)" for v in unvoiced]
    out += ["", markdown_dynamics(article).rstrip("\n")]
    return "\n".join(out) + "\n"

"""The terminal report of an analyzed article, printed with rich; the article's own text (names,
headings, quotes, warnings) is printed as text, never as rich markup."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from presse.model import Article
from presse.report.dynamics import render_dynamics
from presse.report.labels import GENDER_COLUMNS, byline, gender_rows, is_verbatim, speaker_label

KIND_STYLE = {"direct": "green", "indirect": "cyan", "mixed": "magenta"}


def render_text(article: Article, console: Console) -> None:
    """Print the rich report of one article."""
    head = Text()
    head.append(article.title or "(no title)", style="bold")
    head.append("\n" + byline(article), style="dim")
    if article.source:
        head.append(f"\nsource: {article.source}", style="dim")
    if article.standfirst:
        head.append("\n\n" + article.standfirst, style="italic")
    console.print(Panel(head, title="presse", expand=False))

    if article.sections:
        console.print(Text("Sections", style="bold underline"))
        for i, s in enumerate(article.sections, 1):
            console.print(f"  {i}. {escape(s.heading)}")
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
        table.add_row(
            escape(v.name), v.type, str(v.mentions), str(v.quotes), str(v.quoted_words), escape(other),
            style=style,
        )
    console.print(table)
    genders = Table(title="Quoted persons by gender", title_justify="left")
    for col in GENDER_COLUMNS:
        genders.add_column(col, justify="left" if col == "gender" else "right")
    for label, *numbers in gender_rows(article):
        genders.add_row(label, *map(str, numbers))
    console.print(genders)

    console.print(Text(f"\nQuotes ({len(article.quotes)})", style="bold underline"))
    for q in article.quotes:
        line = Text()
        line.append(f"[{q.kind}] ", style=KIND_STYLE[q.kind])
        line.append(speaker_label(article, q), style="bold")
        if q.cue:
            line.append(f" ({q.cue})", style="dim")
        line.append(": ")
        if is_verbatim(q):
            line.append(f"« {q.text} »")
        else:
            line.append(q.text, style="italic")
        line.append(f"  {q.confidence:.2f}", style="dim")
        console.print(line)

    render_dynamics(article, console)
    if article.warnings:
        console.print(Text("\nWarnings", style="bold yellow"))
        for w in article.warnings:
            console.print(f"  {escape(w)}", style="yellow")

"""The report of an analyzed article as Markdown."""

from __future__ import annotations

from presse.model import Article
from presse.report.dynamics import markdown_dynamics
from presse.report.labels import GENDER_COLUMNS, byline, gender_rows, markdown_said, speaker_label


def render_markdown(article: Article) -> str:
    """The report of one article as Markdown."""
    out = [f"# {article.title or '(no title)'}", "", f"*{byline(article)}*", ""]
    if article.standfirst:
        out += [f"> {article.standfirst}", ""]
    if article.sections:
        out += ["## Sections", ""] + [f"{i}. {s.heading}" for i, s in enumerate(article.sections, 1)] + [""]
    out += ["## Actors", "", "| actor | type | mentions | quotes | quoted words |", "|---|---|---:|---:|---:|"]
    for v in article.voices:
        out.append(f"| {v.name} | {v.type} | {v.mentions} | {v.quotes} | {v.quoted_words} |")
    out += ["", "## Quoted persons by gender", "", "| " + " | ".join(GENDER_COLUMNS) + " |",
            "|---|---:|---:|---:|---:|"]
    out += ["| " + " | ".join(map(str, row)) + " |" for row in gender_rows(article)]
    out += ["", f"## Quotes ({len(article.quotes)})", ""]
    for q in article.quotes:
        cue = f" ({q.cue})" if q.cue else ""
        out.append(f"- **{speaker_label(article, q)}**{cue}, {q.kind}: {markdown_said(q)}")
    out += ["", markdown_dynamics(article).rstrip("\n")]
    if article.warnings:
        out += ["", "## Warnings", ""] + [f"- {w}" for w in article.warnings]
    return "\n".join(out) + "\n"

"""The text presse analyzes for a document (no spaCy here: the store hashes the same text)."""

from __future__ import annotations

from presse.model import Document


def compose_text(document: Document) -> tuple[str, bool]:
    """The text presse analyzes for a document and whether its first line is the title.

    A document with a separate title is analyzed as ``title + "\\n\\n" + body`` (unless the body
    already starts with the title), so that quotes in titles get offsets like any other.
    """
    body = document.text.strip("\n")
    title = (document.title or "").strip()
    if not title:
        return body, False
    if body.startswith(title):
        return body, True
    return f"{title}\n\n{body}", True

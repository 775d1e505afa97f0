"""HTML pages: main-text extraction with trafilatura, keeping headings and list items as lines.

Text layout (shared with feed entries): one block per line, blocks separated by a single ``\\n``
(no blank lines), as in ``examples/anchorage-summit.fr.txt``. A heading (h1–h6 in the main
content) is a line of its own and is also listed in ``Document.headings``; a list item is a line
``"- item"`` and that line is also listed in ``Document.list_items``; each entry of these two
lists equals one line of ``Document.text`` exactly. A ``<br>`` inside a paragraph starts a new
line; table rows become lines with cells joined by " | ". The page title is not part of the text
(it is ``Document.title``); a first heading repeating it is dropped.

Pages only (see :func:`html_document`): the standfirst, an element of class ``chapo``,
``chapeau``, ``lead``, ``standfirst`` or ``intro`` (or ``og:description``), is a line of the
text, listed as ``Document.standfirst``. A ``<blockquote>`` is one line between « » (a direct
quotation for the quote finder, whatever the page's styling shows), followed by its attribution
(``<footer>``, ``<cite>``, or a last line starting with a dash) as a signature line "— Name".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from presse.errors import InputError
from presse.ingest.limits import Limits, check_chars
from presse.ingest.meta import language_code, parse_date, split_authors
from presse.ingest.text import (
    binary_error,
    binary_kind,
    decode_bytes,
    decode_western,
    normalize_text,
)
from presse.model import Document

_HEADING = frozenset({"head", "h1", "h2", "h3", "h4", "h5", "h6"})
_LIST = frozenset({"list", "ul", "ol", "menu"})
_ITEM = frozenset({"item", "li"})
_BREAK = frozenset({"lb", "br"})
_ROW = frozenset({"row", "tr"})
_CELL = frozenset({"cell", "td", "th"})
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "main", "body", "html", "blockquote", "quote", "pre",
        "table", "thead", "tbody", "tfoot", "header", "address", "dl", "dt", "dd", "center",
        "details", "summary", "hr", "ab", "note",
    }
)  # fmt: skip
# Not article text: code, media, forms, and page furniture that may remain in a feed's HTML.
_SKIP = frozenset(
    {
        "script", "style", "noscript", "template", "title", "meta", "link", "graphic",
        "img", "picture", "video", "audio", "iframe", "object", "embed", "svg", "canvas", "figure",
        "button", "form", "input", "select", "textarea", "nav", "aside", "footer",
    }
)  # fmt: skip
_SPACES = re.compile(r"\s+")


def _one_line(s: str) -> str:
    # collapse markup whitespace (newlines, runs of spaces) but keep no-break spaces, which
    # French typography puts before : ; ! ? and inside « »
    return re.sub(r"[ \t\n\r\f\v]+", " ", normalize_text(s)).strip(" \t")


@dataclass
class _Lines:
    """Accumulates text lines from a walk over an element tree."""

    lines: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    list_items: list[str] = field(default_factory=list)
    _buffer: list[str] = field(default_factory=list)

    def add_inline(self, s: str | None) -> None:
        if s:
            self._buffer.append(s)

    def flush(self, kind: str) -> None:
        text = _one_line("".join(self._buffer))
        self._buffer.clear()
        if not text:
            return
        if kind == "heading":
            self.headings.append(text)
        elif kind == "item":
            text = f"- {text}"
            self.list_items.append(text)
        self.lines.append(text)

    def walk(self, element: etree._Element, kind: str = "paragraph") -> None:
        """Add the text of ``element`` (not its tail) as lines of the given kind."""
        tag = _tag(element)
        if not tag or tag in _SKIP:  # comment, processing instruction, or not text
            return
        if tag in _BREAK:
            if kind == "heading":
                self.add_inline(" ")
            else:
                self.flush(kind)
            return
        if tag in _HEADING or tag in _ITEM or tag in _ROW or tag in _BLOCK or tag in _LIST:
            self.flush(kind)
            if tag in _HEADING:
                kind = "heading"
            elif tag in _ITEM:
                kind = "item"
            elif tag in _ROW:
                cells = [_one_line(_inline_text(c)) for c in element if _tag(c) in _CELL]
                self.add_inline(" | ".join(c for c in cells if c))
                self.flush(kind)
                return
        self.add_inline(element.text)
        for child in element:
            self.walk(child, kind)
            self.add_inline(child.tail)
        if tag in _HEADING or tag in _ITEM or tag in _BLOCK or tag in _LIST:
            self.flush(kind)


def _tag(element: etree._Element) -> str:
    """The element's lowercased local name; "" for a comment or processing instruction."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return etree.QName(tag).localname.lower() if "}" in tag else tag.lower()


def _inline_text(element: etree._Element) -> str:
    return " ".join(t for t in element.itertext() if isinstance(t, str))


@dataclass
class Extracted:
    """Text lines extracted from markup."""

    text: str
    headings: list[str]
    list_items: list[str]


def lines_from_tree(root: etree._Element, title: str | None = None) -> Extracted:
    """The text of an element tree (trafilatura's output body or parsed HTML) as lines.

    Layout as described in the module docstring; a first heading equal to ``title`` is dropped.
    """
    lines = _Lines()
    lines.walk(root)
    lines.flush("paragraph")
    first_is_heading = bool(lines.headings) and lines.lines[0] == lines.headings[0]
    if title and first_is_heading and _same_title(lines.lines[0], title):
        lines.lines.pop(0)
        lines.headings.pop(0)
    return Extracted("\n".join(lines.lines), lines.headings, lines.list_items)


def _same_title(a: str, b: str) -> bool:
    return _SPACES.sub(" ", a).strip().casefold() == _SPACES.sub(" ", b).strip().casefold()


def lines_from_fragment(markup: str, title: str | None = None) -> Extracted:
    """The text of an HTML fragment (a feed entry's content) as lines, without trafilatura.

    Feed content is already the article body, so there is no boilerplate to remove, and
    trafilatura's page heuristics would risk dropping short paragraphs.
    """
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return Extracted(_one_line(markup), [], [])
    return lines_from_tree(root, title)


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Labels that browsers (WHATWG Encoding Standard) decode as windows-1252.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252",
     "cp1252", "x-cp1252", "cp819", "iso_8859-1", "ibm819"}
)  # fmt: skip


def decode_html(data: bytes, source: str) -> str:
    """Decode an HTML page: byte-order mark, else the charset its <meta> (or XML declaration)
    declares, else the detection of :func:`presse.ingest.text.decode_bytes`.

    A declared UTF-8 that does not decode falls back to detection (mislabelled pages are common);
    ISO-8859-1 and ASCII labels decode as Windows-1252, as browsers do; a declared UTF-16/32
    without byte-order mark is ignored.
    """
    kind = binary_kind(data)
    if kind is not None:
        raise binary_error(source, kind)
    match = _META_CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        label = (match[1] or match[2]).decode("ascii").lower()
        encoding = "cp1252" if label in _WINDOWS_1252_LABELS else label
        if label.startswith(("utf-16", "utf16", "utf-32", "utf32")):
            # the declaration was readable as ASCII and there is no BOM: it cannot be UTF-16/32
            # (browsers ignore such a declaration too)
            return decode_bytes(data, source)
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            if encoding == "cp1252":
                text = decode_western(data)
                if text is not None:
                    return text
    return decode_bytes(data, source)


_STANDFIRST_CLASS = re.compile(r"(?:^|[-_])(?:chapo|chapeau|lead|standfirst|intro)$", re.IGNORECASE)
_NOT_ARTICLE = frozenset({"nav", "aside", "footer", "form", "script", "style", "noscript"})
_DASHES = "—–-―"
_MAX_STANDFIRST_CHARS = 1200  # a longer element "intro" wraps the article, not its standfirst


@dataclass
class _Page:
    """What presse reads from a page's markup before trafilatura: the markup with blockquotes
    rewritten as quotations, and the standfirst."""

    markup: str
    standfirst: str | None = None
    from_meta: bool = False


def _read_page(markup: str) -> _Page:
    try:
        tree = lxml_html.document_fromstring(markup)
    except (etree.ParserError, etree.ParseError, ValueError):
        return _Page(markup)
    quotes = [q for q in tree.iter("blockquote") if not _inside(q, _NOT_ARTICLE)]
    for quote in quotes:
        _mark_quotation(quote)
    standfirst = _standfirst_element(tree)
    meta = None if standfirst else _meta_description(tree)
    if quotes:
        markup = lxml_html.tostring(tree, encoding="unicode")
    return _Page(markup, standfirst or meta, standfirst is None and meta is not None)


def _inside(element: etree._Element, tags: frozenset[str]) -> bool:
    return any(_tag(a) in tags for a in element.iterancestors())


def _mark_quotation(quote: etree._Element) -> None:
    """Rewrite a <blockquote> as a paragraph « its text » and, when it names one, a signature
    line "— its attribution"."""
    attribution = _attribution(quote)
    text = _one_line(" ".join(_inline_text(p) for p in _paragraphs(quote)))
    for child in list(quote):
        quote.remove(child)
    quote.text = None
    if not text:
        return
    if text[0] not in "«“\"":
        text = f"« {text} »"
    etree.SubElement(quote, "p").text = text
    if attribution:
        etree.SubElement(quote, "p").text = f"— {attribution}"


def _paragraphs(quote: etree._Element) -> list[etree._Element]:
    blocks = [c for c in quote if _tag(c) in ("p", "div")]
    return blocks or [quote]


def _attribution(quote: etree._Element) -> str | None:
    """The attribution of a blockquote (removed from it): its <footer>, its <cite>, or a last
    paragraph that starts with a dash; None when it has none."""
    holder = next(iter(quote.iter("footer")), None)
    if holder is None:
        cite = next(iter(quote.iter("cite")), None)
        if cite is not None:
            parent = cite.getparent()
            rest = _one_line(_inline_text(parent)).replace(_one_line(_inline_text(cite)), "")
            holder = parent if parent is not quote and not rest.strip(_DASHES + " ,") else cite
    if holder is None:
        last = next((c for c in reversed(quote) if _tag(c) in ("p", "div")), None)
        line = _one_line(_inline_text(last)) if last is not None else ""
        if line[:1] in _DASHES and len(line.split()) <= 12 and len(_paragraphs(quote)) > 1:
            holder = last
    if holder is None:
        return None
    text = _one_line(_inline_text(holder)).lstrip(_DASHES + " ").strip()
    parent = holder.getparent()
    if parent is not None:
        tail = holder.tail
        parent.remove(holder)
        if tail and tail.strip():
            parent.text = (parent.text or "") + tail
    return text or None


def _standfirst_element(tree: etree._Element) -> str | None:
    for element in tree.iter():
        classes = (element.get("class") or "").split() if isinstance(element.tag, str) else []
        if not any(_STANDFIRST_CLASS.search(c) for c in classes) or _inside(element, _NOT_ARTICLE):
            continue
        text = _one_line(_inline_text(element))
        if 20 <= len(text) <= _MAX_STANDFIRST_CHARS:
            return text
    return None


def _meta_description(tree: etree._Element) -> str | None:
    for meta in tree.iter("meta"):
        if (meta.get("property") or "").lower() == "og:description":
            text = _one_line(meta.get("content") or "")
            return text if len(text) >= 40 else None
    return None


def _with_standfirst(lines: Extracted, page: _Page) -> tuple[str, str | None]:
    """The text with the standfirst as its first line when the extraction left it out, and the
    standfirst line (None when there is none, or when a meta description merely repeats the
    start of the text)."""
    standfirst = page.standfirst
    text_lines = lines.text.split("\n")
    if standfirst is None or standfirst in text_lines[:1]:
        return lines.text, standfirst
    start = standfirst.rstrip(".…").strip()
    if page.from_meta and any(start in line for line in text_lines[:3]):
        return lines.text, None  # a teaser cut from the first paragraph
    if standfirst in text_lines:
        return lines.text, None if page.from_meta else standfirst
    return f"{standfirst}\n{lines.text}", standfirst


def html_document(data: bytes, source: str, limits: Limits, *, url: str | None = None) -> Document:
    """A Document from the bytes of an HTML page: main text and metadata via trafilatura.

    Raises InputError if the bytes are not decodable/are binary, or if trafilatura finds no main
    text ("no article text found in the HTML"). A short result (under 250 characters) is replaced
    by the result of trafilatura's precision mode, and is no article text if that finds none.
    """
    if not data.strip():
        raise InputError(source, "is empty", "there is no text to analyze")
    markup = decode_html(data, source)
    if not markup.strip():
        raise InputError(source, "is empty", "there is no text to analyze")
    page = _read_page(markup)
    markup = page.markup
    extracted = _extract(markup, url)
    body = getattr(extracted, "body", None)
    if extracted is None or body is None:
        raise _no_text(source)
    if len(extracted.text or "") < _CONFIDENT_CHARS:
        # when little is found, trafilatura's balanced mode falls back to all the page's text
        # (menu entries, "enable JavaScript" notices) as one blob; its precision mode returns
        # nothing on such pages, and the article's structure on a short article
        precise = _extract(markup, url, precise=True)
        body = getattr(precise, "body", None)
        if body is None:
            raise _no_text(source)
    title = _one_line(extracted.title) if extracted.title else None
    lines = lines_from_tree(body, title)
    with_standfirst, standfirst = _with_standfirst(lines, page)
    text = check_chars(source, normalize_text(with_standfirst), limits)
    if not text:
        raise _no_text(source)
    return Document(
        text=text,
        source=source,
        url=extracted.url or url,
        title=title or None,
        authors=split_authors(extracted.author),
        outlet=_one_line(extracted.sitename) if extracted.sitename else None,
        published=parse_date(extracted.date),
        language=language_code(_html_lang(markup)),
        headings=lines.headings,
        list_items=lines.list_items,
        standfirst=standfirst,
    )


_CONFIDENT_CHARS = 250  # trafilatura's own threshold (MIN_EXTRACTED_SIZE) for trusting a result


def _extract(markup: str, url: str | None, *, precise: bool = False) -> Any:
    # trafilatura logs a warning for every page it discards; the InputError says it better
    logger = logging.getLogger("trafilatura")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return trafilatura.bare_extraction(
            markup,
            url=url,
            favor_precision=precise,
            with_metadata=not precise,
            include_comments=False,
            include_formatting=True,
            include_tables=True,
            include_images=False,
            include_links=False,
            output_format="python",
        )
    finally:
        logger.setLevel(level)


def _no_text(source: str) -> InputError:
    return InputError(
        source,
        "no article text found in the HTML",
        "the page may need JavaScript or be a list of links; save the article page itself",
    )


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


def _html_lang(markup: str) -> str | None:
    match = _HTML_LANG.search(markup[:8192])
    return match[1] if match else None

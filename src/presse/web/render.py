"""Server-side rendering helpers: the highlighted article text, speaker colours, small charts.

Contracts:

* every piece of article text reaches the HTML through :func:`markupsafe.escape`; the only
  markup produced here is presse's own tags and attributes, whose values are escaped too;
* :func:`article_view` walks ``Article.text`` with the stored offsets, so a highlight covers
  exactly ``text[start:end]`` of its quote or mention;
* :func:`colour_index` is deterministic: the same actor key gives the same colour on every page
  and in every process (CRC-32, not Python's salted ``hash``).
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from presse.lexicons import first_name_gender
from presse.model import Article, Block, GenderCount, Quote
from presse.store.stance import PairStance, StanceRow
from presse.store.voices import VoicesRow
from presse.web.views import WeekCount

PALETTE_SIZE = 12
"""Number of speaker colours (CSS classes ``c0`` … ``c11`` in static/presse.css)."""


def colour_index(key: str) -> int:
    """The palette index of an actor key (a corpus actor id, or an entity name)."""
    return zlib.crc32(key.encode("utf-8")) % PALETTE_SIZE


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None: other schemes (javascript:, data:) never
    become links."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


@dataclass(frozen=True, slots=True)
class QuoteInfo:
    """What the page shows about a quote when it is clicked (also sent to JS as JSON)."""

    id: str
    kind: str
    text: str
    cue: str | None
    speaker: str | None
    speaker_mention: str | None
    speaker_href: str | None
    colour: int | None
    confidence: float
    evidence: str
    start: int
    end: int
    trail_href: str | None = None

    def as_json(self) -> dict[str, object]:
        """The JSON form handed to the page script."""
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "cue": self.cue,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention,
            "speaker_href": self.speaker_href,
            "colour": self.colour,
            "confidence": self.confidence,
            "evidence": self.evidence,
            "trail_href": self.trail_href,
        }


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """An actor of one article, for the side panel."""

    entity: str
    name: str
    type: str
    mentions: int
    quotes: int
    colour: int
    href: str | None


@dataclass(frozen=True, slots=True)
class BlockView:
    """One structural block rendered: its kind, an anchor id and its highlighted HTML."""

    kind: str
    anchor: str
    html: Markup


@dataclass
class ArticleView:
    """Everything the article template needs."""

    article: Article
    title_html: Markup | None
    blocks: list[BlockView]
    quotes: list[QuoteInfo]
    quoted: list[ActorInfo]
    mentioned_only: list[ActorInfo]
    sections: list[tuple[str, str]] = field(default_factory=list)
    url: str | None = None
    genders: list[GenderCount] = field(default_factory=list)

    def quotes_json(self) -> list[dict[str, object]]:
        """The quotes as JSON-ready dicts (rendered through ``|tojson``, which escapes <>&')."""
        return [q.as_json() for q in self.quotes]


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    ref: str
    label: str
    colour: int | None


def _blocks(article: Article) -> list[Block]:
    """The blocks to render; text outside every block (none in practice) becomes paragraphs."""
    blocks = sorted(article.blocks, key=lambda b: b.start)
    covered = 0
    filled: list[Block] = []
    text = article.text

    def gap(start: int, end: int) -> Iterable[Block]:
        offset = start
        for line in text[start:end].split("\n"):
            lstart, offset = offset, offset + len(line) + 1
            stripped = line.strip()
            if stripped:
                lead = lstart + line.index(stripped)
                yield Block(kind="paragraph", start=lead, end=lead + len(stripped), text=stripped)

    for block in blocks:
        if block.start < covered:
            continue
        filled.extend(gap(covered, block.start))
        filled.append(block)
        covered = block.end
    filled.extend(gap(covered, len(text)))
    return filled


def _innermost(spans: list[_Span], start: int, end: int) -> _Span | None:
    active = [s for s in spans if s.start <= start and s.end >= end]
    return min(active, key=lambda s: (s.end - s.start, s.start)) if active else None


def _highlight(text: str, start: int, end: int, quotes: list[_Span], mentions: list[_Span]) -> Markup:
    """HTML of ``text[start:end]``: quotes as clickable ``<mark>``, mentions as underlined spans."""
    quotes = [q for q in quotes if q.start < end and q.end > start]
    mentions = [m for m in mentions if m.start < end and m.end > start]
    bounds = {start, end}
    for span in (*quotes, *mentions):
        bounds.update(p for p in (span.start, span.end) if start < p < end)
    points = sorted(bounds)
    segments = [
        (a, b, _innermost(quotes, a, b), _innermost(mentions, a, b))
        for a, b in itertools.pairwise(points)
    ]
    out: list[str] = []
    for quote, quote_run in itertools.groupby(segments, key=lambda s: s[2]):
        inner: list[str] = []
        for mention, run in itertools.groupby(quote_run, key=lambda s: s[3]):
            pieces = list(run)
            piece = escape(text[pieces[0][0] : pieces[-1][1]])
            if mention is None:
                inner.append(str(piece))
            else:
                inner.append(
                    Markup('<span class="m m{}" data-entity="{}" title="{}">{}</span>').format(
                        mention.colour, mention.ref, mention.label, piece
                    )
                )
        body = Markup("".join(inner))
        if quote is None:
            out.append(body)
        else:
            colour = "cx" if quote.colour is None else f"c{quote.colour}"
            out.append(
                Markup(
                    '<mark class="q {}" data-quote="{}" tabindex="0" role="button" '
                    'aria-label="Citation — {}">{}</mark>'
                ).format(colour, quote.ref, quote.label, body)
            )
    return Markup("".join(out))


def article_view(
    article: Article,
    actor_ids: dict[str, int] | None = None,
    *,
    actor_names: dict[int, str] | None = None,
    quote_rows: dict[str, int] | None = None,
) -> ArticleView:
    """The highlighted article: ``actor_ids`` maps entity ids to corpus actor ids (stored
    articles: colours and links follow the corpus actor; None: the entity name gives the
    colour and there are no actor links). ``actor_names`` gives corpus names to show;
    ``quote_rows`` maps quote ids (q…) to their store ids, whose trail pages are linked."""
    actor_ids = actor_ids or {}
    quote_rows = quote_rows or {}
    actor_names = actor_names or {}

    def key(entity_id: str | None, name: str | None) -> str:
        if entity_id is not None and entity_id in actor_ids:
            return f"actor:{actor_ids[entity_id]}"
        return f"name:{name or ''}"

    def href(entity_id: str | None) -> str | None:
        if entity_id is not None and entity_id in actor_ids:
            return f"/actors/{actor_ids[entity_id]}"
        return None

    def display(entity_id: str | None, name: str | None) -> str | None:
        if entity_id is not None and entity_id in actor_ids:
            return actor_names.get(actor_ids[entity_id], name)
        return name

    entities = {e.id: e for e in article.entities}
    colours = {e.id: colour_index(key(e.id, e.name)) for e in article.entities}
    mentions = [
        _Span(m.start, m.end, e.id, display(e.id, e.name) or e.name, colours[e.id])
        for e in article.entities
        for m in e.mentions
    ]

    def speaker_name(q: Quote) -> str | None:
        entity = entities.get(q.speaker.entity or "")
        return display(entity.id, entity.name) if entity else q.speaker.name

    infos = [
        QuoteInfo(
            id=q.id,
            kind=q.kind,
            text=q.text,
            cue=q.cue,
            speaker=speaker_name(q),
            speaker_mention=q.speaker.text,
            speaker_href=href(q.speaker.entity),
            colour=colours.get(q.speaker.entity or ""),
            confidence=q.confidence,
            evidence=q.evidence,
            start=q.start,
            end=q.end,
            trail_href=f"/quotes/{quote_rows[q.id]}/trail" if q.id in quote_rows else None,
        )
        for q in sorted(article.quotes, key=lambda q: q.start)
    ]
    quote_spans = [
        _Span(i.start, i.end, i.id, i.speaker or "locuteur inconnu", i.colour) for i in infos
    ]
    text = article.text
    title_html: Markup | None = None
    blocks: list[BlockView] = []
    for index, block in enumerate(_blocks(article)):
        html = _highlight(text, block.start, block.end, quote_spans, mentions)
        if block.kind == "title" and title_html is None and index == 0:
            title_html = html
            continue
        blocks.append(BlockView(block.kind, f"b{block.start}", html))
    anchors = {b.anchor for b in blocks}
    sections = []
    for section in article.sections:
        anchor = f"b{section.heading_start if section.heading_start is not None else section.start}"
        sections.append((section.heading, anchor if anchor in anchors else ""))

    def actor_info(v) -> ActorInfo:
        return ActorInfo(
            entity=v.entity,
            name=display(v.entity, v.name) or v.name,
            type=v.type,
            mentions=v.mentions,
            quotes=v.quotes,
            colour=colours.get(v.entity, colour_index(key(v.entity, v.name))),
            href=href(v.entity),
        )

    quoted = sorted((v for v in article.voices if v.quotes), key=lambda v: (-v.quotes, -v.mentions, v.name))
    return ArticleView(
        article=article,
        title_html=title_html,
        blocks=blocks,
        quotes=infos,
        quoted=[actor_info(v) for v in quoted],
        mentioned_only=[actor_info(v) for v in article.unvoiced()],
        sections=sections,
        url=safe_href(article.url),
        genders=article.gender_balance(),
    )


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of the overview bar chart, geometry in SVG user units."""

    label: str
    href: str
    mentions: int
    quotes: int
    y: float
    mentions_width: float
    quotes_width: float


def voice_bars(rows: Iterable[tuple[str, str, int, int]], *, width: float = 420.0, height: float = 26.0) -> list[Bar]:
    """Bars for (label, href, mentions, quotes) rows, scaled to the largest mention count."""
    rows = list(rows)
    top = max((max(m, q) for _, _, m, q in rows), default=0) or 1
    return [
        Bar(label, href, m, q, i * height, width * m / top, width * q / top)
        for i, (label, href, m, q) in enumerate(rows)
    ]


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One week of the actor timeline chart, geometry in SVG user units."""

    week: date
    mentions: int
    quotes: int
    x: float
    mentions_height: float
    quotes_height: float


def timeline(weeks: list[WeekCount], *, width: float = 640.0, height: float = 140.0) -> tuple[list[TimelinePoint], float]:
    """Points of the weekly timeline and the width of one week's column."""
    if not weeks:
        return [], 0.0
    top = max(max(w.mentions, w.quotes) for w in weeks) or 1
    step = width / len(weeks)
    return [
        TimelinePoint(w.week, w.mentions, w.quotes, i * step, height * w.mentions / top, height * w.quotes / top)
        for i, w in enumerate(weeks)
    ], step


@dataclass(frozen=True, slots=True)
class StanceBar:
    """A stacked polarity bar (negative, then positive) in SVG user units, ``width`` wide;
    segments are proportional to the counts."""

    row: StanceRow
    negative: float
    positive: float


def stance_bars(rows: Iterable[StanceRow], *, width: float = 120.0) -> list[StanceBar]:
    """One full-width bar per row: its share of hostile and favourable judgments."""
    bars: list[StanceBar] = []
    for row in rows:
        p: PairStance = row.polarity
        total = p.count or 1
        bars.append(StanceBar(row, width * p.negative / total, width * p.positive / total))
    return bars


CHANNEL_LABELS = {"quote": "citation", "reported": "propos rapportés", "act": "action"}
"""How the actor page names what a judgment goes through (an evidence row's ``channel``); an
unknown one is shown as it is."""


def via_label(channel: str) -> str:
    """The French name of a judgment's channel (« citation », « propos rapportés », « action »)."""
    return CHANNEL_LABELS.get(channel, channel)


def pronouns(name: str, type_: str) -> tuple[str, str]:
    """French pronoun forms for the stance headings of an actor page: (« de lui » / « d’elle »,
    « il » / « elle »), both forms joined with « / » when the gender is unknown, and the
    neuter « en » / « il / elle » for organisations, places and others."""
    if type_ != "PER":
        return "", "il / elle"
    first = name.split()[0] if name.split() else ""
    gender = first_name_gender(first) if len(name.split()) > 1 else None
    if gender == "m":
        return "de lui", "il"
    if gender == "f":
        return "d’elle", "elle"
    return "de lui / d’elle", "il / elle"


def signed(score: float) -> str:
    """A score in French typography with an explicit sign: « +0,14 », « −0,54 », « 0,00 »."""
    text = f"{abs(score):.2f}".replace(".", ",")
    if score > 0.005:
        return "+" + text
    if score < -0.005:
        return "−" + text
    return text


@dataclass(frozen=True, slots=True)
class ShareLine:
    """One line of the monthly share chart: its label, the SVG ``points`` attribute and, per
    month, (x, y, month, share) for the markers; geometry in SVG user units."""

    key: str
    label: str
    points: str
    markers: list[tuple[float, float, str, float]]


def share_lines(
    rows: Iterable[VoicesRow], *, width: float = 640.0, height: float = 160.0
) -> tuple[list[ShareLine], list[str]]:
    """The share of women among quoted persons and among quoted words, per dated month (rows of
    :func:`presse.store.voices.gender_voices` by month), as lines on a 0–100 % scale; and the
    months, in order. A month without any quoted person has no point."""
    women = {r.month: r for r in rows if r.gender == "f" and r.month is not None}
    months = sorted(women)
    step = width / max(len(months) - 1, 1)
    lines = []
    for key, label, attribute in (
        ("persons", "part des femmes parmi les personnes citées", "share_persons_quoted"),
        ("words", "part des femmes dans les mots cités", "share_quoted_words"),
    ):
        markers = [
            (i * step, height * (1 - share), month, share)
            for i, month in enumerate(months)
            if (share := getattr(women[month], attribute)) is not None
        ]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in markers)
        lines.append(ShareLine(key, label, points, markers))
    return lines, months


@dataclass(frozen=True, slots=True)
class GenderBar:
    """A stacked bar of one group: (gender, x, width, persons quoted) per gender with any, in
    SVG user units over ``width``; ``total`` persons quoted."""

    label: str
    total: int
    segments: list[tuple[str, float, float, int]]


def gender_bars(rows: Iterable[VoicesRow], *, width: float = 420.0) -> list[GenderBar]:
    """One bar per outlet (rows of :func:`presse.store.voices.gender_voices` by outlet): the
    persons quoted by gender, f, m, x and unknown left to right, as shares of the bar."""
    by_outlet: dict[str | None, list[VoicesRow]] = {}
    for row in rows:
        by_outlet.setdefault(row.outlet, []).append(row)
    bars = []
    for outlet, group in by_outlet.items():
        total = sum(r.persons_quoted for r in group)
        x = 0.0
        segments = []
        for r in group:
            if r.persons_quoted:
                part = width * r.persons_quoted / total
                segments.append((r.gender, x, part, r.persons_quoted))
                x += part
        bars.append(GenderBar(outlet or "source inconnue", total, segments))
    return bars

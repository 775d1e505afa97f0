"""Pair quote marks in a text: « », “ ”, straight " ", with nested ‹ › and ‘ ’.

Pure string work, no model. French typography reopens « (or, in an older usage, ») at the start
of each paragraph of a quotation that runs over several paragraphs, without closing the previous
one: such a run is one span. An unpaired mark never raises: it is reported in `warnings` and the
best span is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAIRS = {"«": "»", "“": "”", "„": "“"}
CLOSERS = {"»", "”"}
# what opens each further paragraph of a quotation running over several paragraphs
REOPENERS = {"«": ("«", "»"), "“": ("“",), "„": ("„",)}
WS = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True)
class MarkedSpan:
    """The inside of a pair of quote marks: [start, end) excludes the marks and edge spaces."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    mark: str
    closed: bool = True
    paragraphs: int = 1


@dataclass
class QuoteMarks:
    """All marked spans of a text, in order, and the warnings met while pairing."""

    spans: list[MarkedSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in WS or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in WS or text[end - 1] == "\n"):
        end -= 1
    return start, end


def _straight_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and not after.isalnum():
        return False
    return before in WS + "\n([{'’:—–-" or (not before.isalnum() and after.isalnum())


def find_quote_marks(text: str, *, max_paragraphs: int = 12) -> QuoteMarks:
    """Pair the top-level quote marks of `text` (nested marks stay inside their span)."""
    result = QuoteMarks()
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in PAIRS or (ch == '"' and _straight_opens(text, i)):
            closer = PAIRS.get(ch, '"')
            span = _scan(text, i, ch, closer, max_paragraphs, result.warnings)
            result.spans.append(span)
            i = (span.close_at + 1) if span.close_at is not None else span.end
            continue
        if ch in CLOSERS:
            result.warnings.append(f"unpaired closing quote mark {ch!r} at offset {i}")
        i += 1
    return result


def _scan(
    text: str, open_at: int, opener: str, closer: str, max_paragraphs: int, warnings: list[str]
) -> MarkedSpan:
    """Find the mark that closes the one at `open_at`, following nesting and paragraph reopenings."""
    paragraphs = 1
    j = open_at + 1
    n = len(text)
    nested_open = {"«": "»", "“": "”", "‹": "›"}
    stack: list[str] = []
    while j < n:
        ch = text[j]
        if ch == "\n":
            k = j
            while k < n and text[k] in WS + "\n":
                k += 1
            if k < n and text[k] in REOPENERS.get(opener, ()) and paragraphs < max_paragraphs:
                # a reopened quotation paragraph: the same quotation goes on (« or, in an older
                # typography, » at the start of each paragraph)
                paragraphs += 1
                j = k + 1
                stack.clear()
                continue
            if stack:
                stack.clear()
            break
        if stack and ch == stack[-1]:
            stack.pop()
        elif ch == closer and not stack:
            start, end = _trim(text, open_at + 1, j)
            return MarkedSpan(start, end, open_at, j, opener, True, paragraphs)
        elif ch in nested_open and ch != opener:
            stack.append(nested_open[ch])
        elif ch == opener and opener != closer:
            # a second opener before a closer: a nested quotation of the same style
            stack.append(closer)
        j += 1
    end = j
    warnings.append(
        f"quote mark {opener!r} at offset {open_at} is never closed; the quotation is taken to "
        "run to the end of its paragraph"
    )
    start, end = _trim(text, open_at + 1, end)
    return MarkedSpan(start, end, open_at, None, opener, False, paragraphs)

"""Plain text: decoding bytes of unknown encoding, and the one text normalization presse uses.

Every ingest path (text, HTML, records, feeds) passes its text through :func:`normalize_text`, so
offsets computed by the analyzer refer to the same characters whatever the source was.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from presse.errors import InputError
from presse.ingest.limits import Limits, check_chars
from presse.model import Document

# Line separators other than LF: Python's str.splitlines() breaks on them, so leaving them in would
# make "a line" mean different things to different consumers of the text.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# Zero-width characters, bidi embedding/isolate controls, and C0/C1 controls other than \t and \n.
_INVISIBLE = re.compile(
    "[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069"
    "\x00-\x08\x0e-\x1b\x1f\x7f\x80-\x84\x86-\x9f]"
)
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)


def normalize_text(s: str) -> str:
    """Normalize text for analysis; idempotent.

    - line breaks CRLF, CR and the other separators that ``str.splitlines`` breaks on (VT, FF,
      FS, GS, RS, NEL, U+2028, U+2029) become LF, so that lines are the same for every consumer;
    - Unicode NFC;
    - removed: zero-width characters (U+200B–U+200D, U+2060, U+FEFF), bidi controls
      (U+202A–U+202E, U+2066–U+2069), C0 controls other than LF and TAB, DEL and C1 controls;
    - trailing whitespace stripped on every line, leading and trailing blank lines removed.

    Everything else is kept as is: typographic apostrophes, « », no-break spaces, blank lines
    between paragraphs, leading indentation.
    """
    s = _LINE_BREAKS.sub("\n", s)
    s = _INVISIBLE.sub("", s)
    s = unicodedata.normalize("NFC", s)
    s = _TRAILING_SPACE.sub("", s)
    return s.strip("\n")


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF-", "a PDF document: extract its text first (e.g. with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/ODT document): extract its text first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document: extract its text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive: decompress it first"),
)
_SAMPLE = 8192
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def _bom(data: bytes) -> tuple[int, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return len(bom), encoding
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when ``sample`` is Latin-script UTF-16 without BOM, else None.

    Latin text in UTF-16 has a NUL in (nearly) every other byte and none in the others.
    """
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(even)
    if odd.count(0) > 0.7 * half and even.count(0) < 0.02 * half:
        return "utf-16-le"
    if even.count(0) > 0.7 * half and odd.count(0) < 0.02 * half:
        return "utf-16-be"
    return None


def binary_kind(data: bytes) -> str | None:
    """None if ``data`` may be text; otherwise a short description of what it seems to be.

    Binary: a known file signature, NUL bytes (outside UTF-16/32), or more than 2 % of control
    bytes in the first 8 KB (random or compressed data has about 10 %, text almost none).
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    sample = data[:_SAMPLE]
    if _bom(sample) is not None or _utf16_without_bom(sample) is not None:
        return None
    if b"\x00" in sample:
        return "it contains NUL bytes"
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if sample and controls > 0.02 * len(sample):
        return "it contains many control bytes"
    return None


def binary_error(source: str, kind: str) -> InputError:
    """The InputError for a binary input (``kind`` from :func:`binary_kind`)."""
    return InputError(source, "looks like a binary file, not text", kind)


# Characters a French (or other Western European) text decoded as Windows-1252 plausibly contains.
_WESTERN = frozenset(
    "àâäáãåæçéèêëíìîïñóòôöõøœúùûüýÿÀÂÄÁÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØŒÚÙÛÜÝŸß«»‘’‚“”„–—…•€°ºª²§©®™·\u00a0"
)


def decode_western(data: bytes) -> str | None:
    """``data`` decoded as Windows-1252 (or ISO-8859-15) if that gives plausible Western text.

    charset-normalizer guesses poorly on short French texts (it picks cp1250, cp775 or even big5
    for a sentence with a few accents), while a French text in a legacy 8-bit encoding is nearly
    always Windows-1252 or ISO-8859-1/15, so these are tried first. Plausible: at least 90 % of the
    non-ASCII characters are Western letters or typographic punctuation, and non-ASCII letters are
    a minority of letters (a Cyrillic or Greek text decoded as cp1252 is mostly non-ASCII).
    """
    if not any(0x80 <= byte <= 0x9F for byte in data) and 0xA4 in data:
        # no byte where cp1252 differs from ISO-8859-1 but a ¤ sign, which French text never
        # uses, while ISO-8859-15 puts € there
        encoding = "iso8859-15"
    else:
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return text
    western = sum(1 for c in non_ascii if c in _WESTERN)
    letters = sum(1 for c in text if c.isalpha())
    non_ascii_letters = sum(1 for c in non_ascii if c.isalpha())
    if western >= 0.9 * len(non_ascii) and non_ascii_letters <= 0.3 * letters:
        return text
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of a text of unknown encoding; raise InputError if they are not text.

    Order: byte-order mark (UTF-8/16/32, stripped), binary check, UTF-16 without BOM, strict
    UTF-8, Windows-1252/ISO-8859-15 if plausible (see :func:`decode_western`), then charset-normalizer's
    best guess. The result is not normalized (see :func:`normalize_text`).
    """
    bom = _bom(data)
    if bom is not None:
        length, encoding = bom
        try:
            return data[length:].decode(encoding)
        except UnicodeDecodeError:
            raise InputError(
                source,
                f"cannot be decoded as text: tried {encoding.upper()} (from its byte-order mark)",
                "the file is damaged or its byte-order mark is wrong",
            ) from None
    kind = binary_kind(data)
    if kind is not None:
        raise binary_error(source, kind)
    utf16 = _utf16_without_bom(data[:_SAMPLE])
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = decode_western(data)
    if text is not None:
        return text
    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            source,
            "cannot be decoded as text: tried UTF-8, Windows-1252 and charset detection",
            "convert it to UTF-8 (e.g. `iconv -f <encoding> -t UTF-8`)",
        )
    return str(best)


def text_document(data: bytes, source: str, limits: Limits) -> Document:
    """A Document from the bytes of a plain-text file (decoded, normalized, checked non-empty)."""
    text = check_chars(source, normalize_text(decode_bytes(data, source)), limits)
    if not text.strip():
        raise empty_error(source)
    return Document(text=text, source=source)


def empty_error(source: str) -> InputError:
    """The InputError for an input with no text."""
    return InputError(source, "is empty", "there is no text to analyze")

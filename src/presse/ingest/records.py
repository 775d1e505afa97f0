"""JSON and JSON Lines records: one document per JSON object.

Formats: a ``.json`` file holds one object or an array of objects; a ``.jsonl``/``.ndjson`` file
holds one object per line (blank lines skipped), read as a stream. A ``.json`` file that turns out
to hold several top-level values is read as JSON Lines.

Fields (all but the text optional): ``text`` (or, when missing or empty, ``body`` then
``content``), ``title``, ``date``/``published`` (ISO, or a date in words like "15 août 2025"),
``url``, ``id``, ``authors``/``author`` (string or list), ``outlet``/``sitename``/``source``
(a string, or an object with a ``name``; a ``source`` that is a URL, a path or a repository
reference says where the record came from, not its outlet), ``lang``/``language``. With no
outlet named, the outlet is the site of the ``url`` (:mod:`presse.ingest.sites`). Other fields are ignored; a date
that cannot be read leaves ``published`` empty.

Source names: ``path#id`` for a record with an id, otherwise ``path:N`` (line N of a JSONL file)
or ``path[i]`` (item i, from 0, of a JSON array); a single object without id keeps ``path``.

Bad records (invalid JSON, not an object, no text, too long) are yielded as InputError items, so a
caller can go past them; the other records still come through.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from presse.errors import InputError
from presse.ingest.limits import Limits, check_chars, too_large_bytes
from presse.ingest.meta import language_code, parse_date, split_authors
from presse.ingest.sites import outlet_name, site_name
from presse.ingest.text import binary_error, binary_kind, decode_bytes, normalize_text
from presse.model import Document

Item = Document | InputError

_TEXT_FIELDS = ("text", "body", "content")


def _first(record: dict[str, Any], *names: str) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, "", []):
            return value
    return None


def _optional_str(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(normalize_text(str(value)).split())
    return text or None


def record_document(record: Any, source: str, limits: Limits) -> Document:
    """A Document from one decoded JSON value; raises InputError if it is not a usable record.

    ``source`` is the record's own source name (see the module docstring).
    """
    if not isinstance(record, dict):
        raise InputError(source, f"record is a JSON {_json_type(record)}, not an object")
    raw_text: Any = None
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(source, f'field "{name}" is a JSON {_json_type(value)}, not a string')
        if value.strip():
            raw_text = value
            break
    if raw_text is None:
        raise InputError(
            source,
            "record has no text",
            'give the article text in a non-empty "text" field (or "body", "content")',
        )
    text = check_chars(source, normalize_text(raw_text), limits)
    if not text.strip():
        raise InputError(
            source, "record has no text", 'the "text" field holds only invisible characters'
        )
    authors = _first(record, "authors", "author")
    if isinstance(authors, list):
        authors = [a.get("name") if isinstance(a, dict) else a for a in authors]
    return Document(
        text=text,
        source=source,
        id=record_key(record),
        url=_optional_str(record.get("url")),
        title=_optional_str(record.get("title")),
        authors=split_authors(authors if isinstance(authors, (str, list)) else None),
        outlet=_optional_str(_first(record, "outlet", "sitename"))
        or outlet_name(_optional_str(record.get("source")))
        or site_name(_optional_str(record.get("url"))),
        published=parse_date(_first(record, "date", "published")),
        language=language_code(_first(record, "lang", "language")),
    )


def record_key(record: Any) -> str | None:
    """The record's ``id`` as a string (ids are compared as strings), or None."""
    if not isinstance(record, dict) or record.get("id") in (None, ""):
        return None
    value = record["id"]
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), "null")


def _named(source: str, record: Any, position: str) -> str:
    key = record_key(record)
    return f"{source}#{key}" if key is not None else f"{source}{position}"


def _select(
    records: Iterable[tuple[str, Any] | InputError],
    source: str,
    record_id: str | None,
    limits: Limits,
) -> Iterator[Item]:
    """Documents (or errors) for ``(position, decoded value)`` pairs, filtered by ``record_id``.

    With ``record_id``, only the first record whose id equals it is yielded (its error, if it is
    unusable); unparseable records are skipped since their id is unknown, and an InputError
    "no record with id …" is yielded if none matches.
    """
    broken: list[InputError] = []
    seen = 0
    for entry in records:
        if isinstance(entry, InputError):
            if record_id is None:
                yield entry
            else:
                broken.append(entry)
            seen += 1
            continue
        position, record = entry
        seen += 1
        if record_id is not None and record_key(record) != record_id:
            continue
        name = _named(source, record, position)
        try:
            yield record_document(record, name, limits)
        except InputError as error:
            yield error
        if record_id is not None:
            return
    if seen == 0:
        yield InputError(source, "is empty", "there are no records in it")
    elif record_id is not None:
        hint = "ids are compared as strings"
        if broken:
            hint += f"; {len(broken)} record(s) could not be read, the first: {broken[0]}"
        yield InputError(source, f"no record with id {record_id!r}", hint)


def _parse_lines(
    lines: Iterable[tuple[int, bytes | None]], source: str
) -> Iterator[tuple[str, Any] | InputError]:
    for lineno, line in lines:
        name = f"{source}:{lineno}"
        if line is None:
            yield InputError(
                name, "line is too long", "each JSON Lines record must fit the size limit"
            )
            continue
        try:
            yield f":{lineno}", json.loads(line)
        except UnicodeDecodeError:
            yield InputError(name, "invalid JSON: not UTF-8", "JSON Lines files must be UTF-8")
        except json.JSONDecodeError as error:
            yield InputError(name, f"invalid JSON at column {error.colno}: {_message(error)}")


def _stream_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Non-blank lines of ``fh`` with their number; None for a line longer than ``max_bytes``
    (which is skipped without being held in memory)."""
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(max_bytes + 1)
            yield lineno, None
            continue
        if lineno == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if line.strip():
            yield lineno, line


def jsonl_items(
    fh: BinaryIO, source: str, *, record_id: str | None, limits: Limits
) -> Iterator[Item]:
    """Documents and per-record errors from a JSON Lines stream, in order (see ``_select``).

    Raises InputError (when the first item is requested) for a binary stream; a UTF-16/32 file
    (byte-order mark) is read whole, within ``limits.max_container_bytes``.
    """
    head = fh.peek(_PEEK) if hasattr(fh, "peek") else b""
    kind = binary_kind(head[:_PEEK])
    if kind is not None:
        raise binary_error(source, kind)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = fh.read(limits.max_container_bytes + 1)
        if len(data) > limits.max_container_bytes:
            raise too_large_bytes(source, None, limits.max_container_bytes)
        text = decode_bytes(data, source)
        lines: Iterable[tuple[int, bytes | None]] = (
            (n, line.encode("utf-8"))
            for n, line in enumerate(text.split("\n"), start=1)
            if line.strip()
        )
    else:
        lines = _stream_lines(fh, limits.max_bytes)
    yield from _select(_parse_lines(lines, source), source, record_id, limits)


_PEEK = 8192


def json_items(
    data: bytes, source: str, *, record_id: str | None, limits: Limits
) -> Iterator[Item]:
    """Documents and per-record errors from the bytes of a ``.json`` file (one object, an array
    of objects, or — when the file holds several values — JSON Lines).

    Raises InputError at the call for an empty or binary input, or JSON that does not parse
    (with its line and column).
    """
    kind = binary_kind(data)
    if kind is not None:
        raise binary_error(source, kind)
    if not data.strip():
        raise InputError(source, "is empty", "there are no records in it")
    try:
        value = json.loads(data)
    except UnicodeDecodeError:
        raise InputError(source, "invalid JSON: not UTF-8", "JSON files must be UTF-8") from None
    except json.JSONDecodeError as error:
        lines = _lines_of(data)
        if error.msg == "Extra data" or _parses(lines[0][1]):
            # several top-level values, or a first line that is a value of its own: JSON Lines
            return _select(_parse_lines(lines, source), source, record_id, limits)
        raise InputError(
            source,
            f"invalid JSON at line {error.lineno}, column {error.colno}: {_message(error)}",
        ) from None
    if isinstance(value, list):
        pairs: list[tuple[str, Any] | InputError] = [(f"[{i}]", v) for i, v in enumerate(value)]
    else:
        pairs = [("", value)]
    return _select(pairs, source, record_id, limits)


def _lines_of(data: bytes) -> list[tuple[int, bytes | None]]:
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    return [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]


def _parses(line: bytes | None) -> bool:
    try:
        json.loads(line or b"")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return True


def _message(error: json.JSONDecodeError) -> str:
    # json's messages are written to be followed by a position ("Invalid control character at")
    message = error.msg.removesuffix(" at")
    return message[:1].lower() + message[1:]

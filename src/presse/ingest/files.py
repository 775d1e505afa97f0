"""Reading raw bytes from files and standard input, with one clear InputError per OS failure."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from presse.errors import InputError
from presse.ingest.limits import too_large_bytes

STDIN = "-"


def os_error(source: str, error: OSError) -> InputError:
    """Translate an OSError raised while opening or reading ``source`` into an InputError."""
    if isinstance(error, FileNotFoundError):
        return InputError(source, "no such file", "check the path")
    if isinstance(error, IsADirectoryError):
        return InputError(
            source, "is a directory, not a file", "give a file, or use `presse ingest` for a folder"
        )
    if isinstance(error, PermissionError):
        return InputError(source, "permission denied", "check the file's read permission")
    return InputError(source, f"cannot be read: {error.strerror or error}")


@contextmanager
def open_binary(source: str, limit: int | None) -> Iterator[BinaryIO]:
    """Open ``source`` (a path) for binary reading.

    Raises InputError for a missing file, a directory, no permission, or — when ``limit`` is
    given — a file whose size on disk exceeds ``limit`` (checked with fstat before any read).
    """
    path = Path(source)
    if path.is_dir():
        raise os_error(source, IsADirectoryError(source))
    try:
        fh = path.open("rb")
    except OSError as error:
        raise os_error(source, error) from None
    with fh:
        if limit is not None:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise too_large_bytes(source, size, limit)
        yield fh


def read_limited(fh: BinaryIO, source: str, limit: int) -> bytes:
    """Read all of ``fh``, but never more than ``limit`` + 1 bytes; raise InputError beyond ``limit``.

    The size check before opening is not enough on its own: pipes, /proc files and files that
    grow while being read report no (or a wrong) size.
    """
    try:
        data = fh.read(limit + 1)
    except OSError as error:
        raise os_error(source, error) from None
    if len(data) > limit:
        raise too_large_bytes(source, None, limit)
    return data


def read_file(source: str, limit: int) -> bytes:
    """The bytes of the file ``source``; InputError if it cannot be read or exceeds ``limit``."""
    with open_binary(source, limit) as fh:
        return read_limited(fh, source, limit)


def read_stdin(limit: int) -> bytes:
    """The bytes of standard input (at most ``limit``; InputError beyond it)."""
    return read_limited(sys.stdin.buffer, STDIN, limit)

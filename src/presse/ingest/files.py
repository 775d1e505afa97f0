"""Reading raw bytes from files and standard input, with one clear InputError per OS failure."""

from __future__ import annotations

import os
import sys
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
        return directory_error(source)
    if isinstance(error, PermissionError):
        return InputError(source, "permission denied", "check the file's read permission")
    return InputError(source, f"cannot be read: {error.strerror or error}")


def directory_error(source: str) -> InputError:
    """The InputError for a directory given where a file is needed."""
    return InputError(
        source,
        "is a directory, not a file",
        "give a file, or read the folder with iter_sources / `presse ingest`",
    )


def open_file(source: str, limit: int | None) -> BinaryIO:
    """Open the file ``source`` for binary reading; the caller closes it.

    Raises InputError for a missing file, a directory, no permission, or — when ``limit`` is
    given — a file whose size on disk exceeds ``limit`` (checked with fstat before any read, so an
    oversized file is rejected without reading it).
    """
    path = Path(source)
    if path.is_dir():
        raise directory_error(source)
    try:
        fh = path.open("rb")
    except OSError as error:
        raise os_error(source, error) from None
    if limit is not None:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            fh.close()
            raise too_large_bytes(source, size, limit)
    return fh


def read_limited(fh: BinaryIO, source: str, limit: int) -> bytes:
    """Read all of ``fh``, but never more than ``limit`` + 1 bytes; InputError beyond ``limit``.

    The size check in :func:`open_file` is not enough on its own: pipes, /proc files and files
    that grow while being read report no (or a wrong) size.
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
    with open_file(source, limit) as fh:
        return read_limited(fh, source, limit)


def read_stdin(limit: int) -> bytes:
    """The bytes of standard input (at most ``limit``; InputError beyond it)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError(STDIN, "standard input is not available", "give a file instead of -")
    return read_limited(stream, STDIN, limit)

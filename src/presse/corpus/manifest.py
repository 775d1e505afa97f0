"""The manifest of a batch directory: its input fingerprint and finished shards (what resume
reads), written atomically."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presse.errors import InputError

if TYPE_CHECKING:
    from presse.ingest.limits import Limits

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


def fingerprint(
    paths: Sequence[str | Path],
    *,
    shard_size: int,
    record_id: str | None = None,
    limits: Limits | None = None,
    language: str | None = None,
) -> dict[str, Any] | None:
    """What a batch's shards depend on: each input file (directories expanded) with its size and
    modification time, the shard size, the record id, and the size limits and forced language
    when they are not the defaults. None when an input is standard input (which cannot be resumed)."""
    from presse.ingest import DEFAULT_LIMITS, supported_files

    files: list[dict[str, Any]] = []
    for path in map(str, paths):
        if path == "-":
            return None
        expanded = supported_files(path) if Path(path).is_dir() else [path]
        for file in expanded:
            try:
                stat = os.stat(file)
            except OSError:
                files.append({"path": file, "size": None, "mtime_ns": None})
                continue
            files.append({"path": file, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
    print_: dict[str, Any] = {"inputs": files, "shard_size": shard_size, "record_id": record_id}
    if limits is not None and limits != DEFAULT_LIMITS:
        print_["limits"] = dataclasses.asdict(limits)
    if language is not None:
        print_["language"] = language
    return print_


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:16]


def read_manifest(out: str | Path) -> dict[str, Any] | None:
    """The manifest of batch directory ``out``, or None if there is none yet."""
    path = Path(out) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot be read as a batch manifest: {exc}") from exc


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    tmp = out / f".{MANIFEST}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def describe_change(old: dict[str, Any] | None, new: dict[str, Any] | None) -> str:
    if old is None or new is None:
        return "its inputs were read from standard input"
    if old.get("shard_size") != new.get("shard_size"):
        return f"shard size {old.get('shard_size')} → {new.get('shard_size')}"
    if old.get("record_id") != new.get("record_id"):
        return "the record id differs"
    if old.get("limits") != new.get("limits"):
        return "the size limits differ"
    if old.get("language") != new.get("language"):
        return "the forced language (--lang) differs"
    before = {f["path"]: f for f in old.get("inputs", [])}
    after = {f["path"]: f for f in new.get("inputs", [])}
    changed = sorted(set(before) ^ set(after)) or sorted(
        p for p in after if before[p] != after[p]
    )
    return "changed inputs: " + ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")

"""Bounded parameter types shared by the API and the pages: an out-of-range number is a 4xx
answer, never an integer SQLite cannot hold."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

MAX_PAGE = 1_000_000
MAX_ROWID = 2**63 - 1  # SQLite's INTEGER range

Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")]
RowId = Annotated[int, Path(ge=1, le=MAX_ROWID, description="Identifier in the store.")]
Weight = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Smallest edge weight kept.")]
CoMention = Annotated[
    bool, Query(description="Also draw co-mention edges (actors of the same articles); off by default.")
]

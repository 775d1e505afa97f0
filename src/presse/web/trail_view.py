"""What the trail page draws besides the list: the appearances of a trail placed on a time axis.

Contract: :func:`timeline_dots` places every dated appearance (first, later, in copies) at
``x`` in [0, ``width``] in proportion to its date between the earliest and the latest; a trail
whose appearances share one date has them all at 0; undated appearances are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from presse.store.trails import Trail


@dataclass(frozen=True, slots=True)
class Dot:
    """One appearance on the time axis: ``role`` is first, later or copy."""

    x: float
    published: date
    outlet: str | None
    role: str


def timeline_dots(trail: Trail, *, width: float = 640.0) -> list[Dot]:
    """The dated appearances of ``trail`` on a time axis ``width`` wide, in date order."""
    dated = [
        (a.published, a.outlet, role)
        for role, items in (("first", (trail.first,)), ("later", trail.later), ("copy", trail.in_copies))
        for a in items
        if a.published is not None
    ]
    if not dated:
        return []
    start = min(d[0] for d in dated)
    span = (max(d[0] for d in dated) - start).days
    return sorted(
        (Dot(width * (published - start).days / span if span else 0.0, published, outlet, role)
         for published, outlet, role in dated),
        key=lambda d: (d.published, d.role != "first"),
    )

"""One goal check for every place a goal is worded: REAL for a reverse-mentoring pairing,
SMART, with the plan's scan, for an on-the-job plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revmentor.coach.smart import SmartContext
    from revmentor.coach.verdict import Verdict
    from revmentor.model import Pairing


def smart_context(pairing: Pairing, gap_id: str | None = None) -> SmartContext:
    """What an on-the-job plan knows beyond a goal's words: its gaps, the goal's, its length."""
    from revmentor.coach.smart import SmartContext

    gaps = pairing.scan.gaps if pairing.scan is not None else []
    linked = next((g.text for g in gaps if g.id == gap_id), None) if gap_id else None
    weeks = max(1, round((pairing.horizon.end - pairing.horizon.start).days / 7))
    return SmartContext(gaps=tuple(g.text for g in gaps), linked_gap=linked, weeks=weeks)


def verdict_for(pairing: Pairing, text: str, gap_id: str | None = None) -> Verdict:
    """The check that fits the pairing, applied to `text`."""
    if pairing.kind == "on-the-job":
        from revmentor.coach.smart import check_smart

        return check_smart(text, smart_context(pairing, gap_id))
    from revmentor.coach.real import check_real

    return check_real(text)

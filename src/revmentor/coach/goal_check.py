"""One goal check for every place a goal is worded: REAL for a reverse-mentoring pairing,
SMART, with the plan's scan, for an on-the-job plan."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

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


# Escape sequences first (so "\x1b[31m" leaves no "31m" behind), then other controls.
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]|[\x00-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _input_words() -> Any:
    from revmentor import content

    return content.load("goal_input.yaml")


def readable(text: str) -> str:
    """`text` as the check reads it: escape sequences and control characters gone."""
    return " ".join(_ESCAPES.sub(" ", text).split())


def input_problem(text: str) -> tuple[str, str | None] | None:
    """Why a wording cannot be checked at all (too long, no words), with a hint; or None.
    An empty wording is the caller's to report, with its own flag or question."""
    words = _input_words()
    limit = int(words["max_chars"])
    if len(text) > limit:
        return words["too_long"].format(length=len(text), limit=limit), words["too_long_hint"]
    if text.strip() and not _WORD.search(readable(text)):
        return words["no_words"], None
    return None


def reads_as_english(text: str) -> bool:
    """Whether the wording looks English enough for the check to read it."""
    found = _WORD.findall(readable(text))
    letters = [c for w in found for c in w]
    if not letters:
        return True
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) / len(letters)
    if latin < 0.5:
        return False
    words = _input_words()
    low = [w.lower().replace("’", "'") for w in found]
    english = sum(w in {str(e) for e in words["english"]} for w in low)
    elsewhere = sum(w in {str(e) for e in words["elsewhere"]} for w in low)
    return elsewhere <= english


def other_language_note(text: str) -> str | None:
    return None if reads_as_english(text) else str(_input_words()["other_language"])

"""The SMART check of a goal's wording: Specific, Measurable, Achievable, Relevant, Time-bound.

Used by on-the-job learning plans. The rules are data in content/smart_rules.yaml; see
coach/wording.py for how they apply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.coach import wording

if TYPE_CHECKING:
    from revmentor.coach.verdict import Verdict

RULES = "smart_rules.yaml"
KEYS = ("specific", "measurable", "achievable", "relevant", "time_bound")


def check_smart(text: str) -> Verdict:
    """The SMART verdict of `text`, offline and deterministic; empty text fails every check."""
    return wording.verdict(RULES, text)

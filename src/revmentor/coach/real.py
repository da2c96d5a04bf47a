"""The REAL check of a goal's wording: Relevant, Experimental, Aspirational, Learning-based.

The rules are data in content/real_rules.yaml; see coach/wording.py for how they apply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.coach import wording

if TYPE_CHECKING:
    from revmentor.coach.verdict import Verdict

RULES = "real_rules.yaml"
KEYS = ("relevant", "experimental", "aspirational", "learning_based")


def check_real(text: str) -> Verdict:
    """The REAL verdict of `text`, offline and deterministic; empty text fails every check."""
    return wording.verdict(RULES, text)

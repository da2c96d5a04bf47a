"""The words and limits of the pairing file, kept free of pydantic.

`model.py` builds the validating schema from these. Commands that only read (status,
prep, export) and the common save (a new session) use them directly, because building
the pydantic models costs more than such a command's whole run.
"""

from __future__ import annotations

import re
from typing import Literal

SCHEMA_VERSION = 1

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
SLUG_RE = re.compile(SLUG_PATTERN)

# Larger files are refused before they are read.
MAX_FILE_BYTES = 16 * 1024 * 1024

RATING_MIN, RATING_MAX = 1, 5
SESSION_MINUTES_MAX = 1440

# C0 and C1 controls other than tab and newline could rewrite a terminal when shown.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_problem(value: str) -> str | None:
    """Why `value` may not be stored as text, or None when it may."""
    found = _CONTROL_RE.search(value)
    if found:
        return f"contains the control character U+{ord(found.group()):04X}; remove it"
    return None


Kind = Literal["reverse-mentoring", "on-the-job"]
Side = Literal["mentee", "mentor", "mutual"]
Owner = Literal["me", "partner", "shared"]
GoalStatus = Literal["active", "achieved", "retired"]
Response = Literal["pending", "accepted", "declined"]
Frequency = Literal["weekly", "fortnightly", "monthly"]
PairingState = Literal["active", "concluded"]
Decision = Literal["keep", "reword", "achieved", "retire"]
WrapDecision = Literal["renew", "conclude", "extend"]
Priority = Literal["high", "medium", "low"]
Situation = Literal[
    "onboarding",
    "reassignment",
    "parental-leave",
    "handover",
    "departure",
    "receiving",
    "other",
]
HistoryEvent = Literal[
    "created", "reworded", "rated", "achieved", "retired", "reactivated", "carried-over"
]

PRINCIPLES: tuple[str, ...] = ("open_mind", "respect", "trust", "authenticity")
FREQUENCY_DAYS: dict[str, int] = {"weekly": 7, "fortnightly": 14, "monthly": 30}

# Field names whose values are dates, and those holding a mapping of free keys (goal ids,
# question ids) rather than a nested part of the file. A test checks both against the
# models, so a new field cannot be missed.
DATE_FIELDS = frozenset(
    {"created", "date", "start", "end", "midpoint_review", "asked_on", "target_date"}
)
MAPPING_FIELDS = frozenset({"progress", "answers", "scores"})

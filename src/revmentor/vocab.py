"""The words and limits of the pairing file, which `model.py` builds its schema from.

They live apart from the models so that commands and coaching rules can name them
without importing pydantic.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

SCHEMA_VERSION = 1

SLUG_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
SLUG_RE = re.compile(SLUG_PATTERN)

# Larger files are refused before they are read.
MAX_FILE_BYTES = 16 * 1024 * 1024

RATING_MIN, RATING_MAX = 1, 5
SESSION_MINUTES_MAX = 1440

# Dates far from today are refused: the horizon's arithmetic (weeks added, a calendar
# expanded) must never run past the calendar's end.
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2999, 12, 31)

# C0 and C1 controls other than tab and newline could rewrite a terminal when shown.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Half of a surrogate pair is what Python makes of bytes that are not UTF-8 (an argument
# typed in another encoding); written to a file, it could never be read back.
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
_BREAK_RE = re.compile(r"[\n\r\u2028\u2029]")


def text_problem(value: str) -> str | None:
    """Why `value` may not be stored as text, or None when it may."""
    if _SURROGATE_RE.search(value):
        return "contains bytes that are not UTF-8 text; type it again in a UTF-8 terminal"
    found = _CONTROL_RE.search(value)
    if found:
        return f"contains the control character U+{ord(found.group()):04X}; remove it"
    return None


def line_problem(value: str) -> str | None:
    """Why `value` may not be stored as one line of text (a name, a topic), or None."""
    if _BREAK_RE.search(value):
        return "must be one line: remove the line break"
    return text_problem(value)


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


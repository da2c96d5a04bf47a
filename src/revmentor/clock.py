"""Today's date, in one place, so every command and test agrees on it.

REVMENTOR_TODAY (an ISO date) pins the date; the test suite and the README's rendered
screenshots use it to show a pairing as it looks on a given day.
"""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    pinned = os.environ.get("REVMENTOR_TODAY")
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            pass
    return date.today()

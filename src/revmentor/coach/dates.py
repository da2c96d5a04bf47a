"""Dates as people type them when logging a session: `2026-11-20`, `yesterday`, `friday`.

Weekday names mean the most recent such day, and today counts: on a Friday, `friday`
is today, because a session is usually logged on the day it was held. `last friday`
always goes back at least one day (a week ago, on a Friday), which is what people mean
when they add "last".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

MONTHS: tuple[str, ...] = tuple(
    "january february march april may june july august september october november december".split()
)
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

ACCEPTED = "YYYY-MM-DD, today, yesterday, a weekday (friday, last friday) or '3 days ago'"

_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_AGO_RE = re.compile(r"^(\d{1,4}|a|an|one) (day|week)s? ago$")
_LAST_RE = re.compile(r"^last ([a-z]+)$")


def _weekday(word: str) -> int | None:
    """Index of a weekday name or its first three letters or more (`wed`, `thurs`)."""
    if len(word) < 3:
        return None
    for i, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return i
    return None


def most_recent(weekday: int, today: date, *, include_today: bool) -> date:
    back = (today.weekday() - weekday) % 7
    if back == 0 and not include_today:
        back = 7
    return today - timedelta(days=back)


def parse_when(text: str, today: date) -> date:
    """The date `text` names, relative to `today`; ValueError says what is accepted."""
    words = " ".join(text.strip().lower().split())
    if not words:
        raise ValueError(f"a date is needed: {ACCEPTED}")
    if words == "today":
        return today
    if words == "yesterday":
        return today - timedelta(days=1)
    iso = _ISO_RE.match(words)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise ValueError(f"'{text.strip()}' is not a real date ({exc})") from None
    ago = _AGO_RE.match(words)
    if ago:
        count = 1 if ago.group(1) in ("a", "an", "one") else int(ago.group(1))
        days = count * (7 if ago.group(2) == "week" else 1)
        try:
            return today - timedelta(days=days)
        except OverflowError:
            raise ValueError(f"'{text.strip()}' is too far back") from None
    last = _LAST_RE.match(words)
    if last:
        if last.group(1) == "week":
            return today - timedelta(days=7)
        weekday = _weekday(last.group(1))
        if weekday is not None:
            return most_recent(weekday, today, include_today=False)
    weekday = _weekday(words)
    if weekday is not None:
        return most_recent(weekday, today, include_today=True)
    raise ValueError(f"'{text.strip()}' is not a date revmentor understands; use {ACCEPTED}")

"""Dates as people type them: `2026-11-20`, `yesterday`, `friday`, `next monday`, `30 april`.

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

ACCEPTED = (
    "YYYY-MM-DD, 30 april, today, yesterday, tomorrow, a weekday (friday, last friday, "
    "next monday), '3 days ago' or 'in 2 weeks'"
)

_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_AGO_RE = re.compile(r"^(\d{1,4}|a|an|one) (day|week)s? ago$")
_LAST_RE = re.compile(r"^last ([a-z]+)$")
_NEXT_RE = re.compile(r"^next ([a-z]+)$")
_IN_RE = re.compile(r"^in (\d{1,4}|a|an|one) (day|week)s?$")
_DAY_MONTH_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?: (\d{4}))?$")
_MONTH_DAY_RE = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$")


def _month(word: str) -> int | None:
    """1-12 for a month's name or abbreviation (`april`, `apr`, `sept`)."""
    if word in MONTHS:
        return MONTHS.index(word) + 1
    for i, name in enumerate(MONTHS):
        if len(word) >= 3 and name.startswith(word):
            return i + 1
    return None


def calendar_day(
    day: int, month: int, year: int | None, today: date, *, ahead: bool = True
) -> date:
    """`day` of `month`: in `year`, or else the nearest such day from today on (`ahead`)
    or up to today (looking back)."""
    if year is not None:
        return date(year, month, day)
    step = 1 if ahead else -1
    for offset in range(0, 9 * step, step):  # 29 February comes back within 8 years
        candidate = today.year + offset
        if _real(candidate, month, day):
            found = date(candidate, month, day)
            if (found >= today) if ahead else (found <= today):
                return found
    return date(today.year, month, day)  # raises the reason it is not a date


def _real(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _named_day(words: str, today: date, ahead: bool) -> date | None:
    """"30 april", "april 30", "30 april 2027": a date without its year is the next one."""
    dm = _DAY_MONTH_RE.match(words)
    md = _MONTH_DAY_RE.match(words)
    if dm:
        day, month, year = int(dm.group(1)), _month(dm.group(2)), dm.group(3)
    elif md:
        day, month, year = int(md.group(2)), _month(md.group(1)), md.group(3)
    else:
        return None
    if month is None:
        return None
    try:
        return calendar_day(day, month, int(year) if year else None, today, ahead=ahead)
    except ValueError as exc:
        raise ValueError(f"'{words}' is not a real date ({exc})") from None


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


def next_one(weekday: int, today: date) -> date:
    """The first such weekday after today: `next monday` on a Monday is a week on."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def parse_when(text: str, today: date, *, ahead: bool = False) -> date:
    """The date `text` names, relative to `today`; ValueError says what is accepted.

    A bare weekday looks back (the session held on Friday) unless `ahead` is set, as
    for a start date, when it is the coming one (today included).
    """
    words = " ".join(text.strip().lower().split())
    if not words:
        raise ValueError(f"a date is needed: {ACCEPTED}")
    if words == "today":
        return today
    if words == "yesterday":
        return today - timedelta(days=1)
    if words == "tomorrow":
        return today + timedelta(days=1)
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
    ahead_in = _IN_RE.match(words)
    if ahead_in:
        count = 1 if ahead_in.group(1) in ("a", "an", "one") else int(ahead_in.group(1))
        try:
            return today + timedelta(days=count * (7 if ahead_in.group(2) == "week" else 1))
        except OverflowError:
            raise ValueError(f"'{text.strip()}' is too far ahead") from None
    coming = _NEXT_RE.match(words)
    if coming:
        if coming.group(1) == "week":
            return today + timedelta(days=7)
        weekday = _weekday(coming.group(1))
        if weekday is not None:
            return next_one(weekday, today)
    named = _named_day(words, today, ahead)
    if named is not None:
        return named
    last = _LAST_RE.match(words)
    if last:
        if last.group(1) == "week":
            return today - timedelta(days=7)
        weekday = _weekday(last.group(1))
        if weekday is not None:
            return most_recent(weekday, today, include_today=False)
    weekday = _weekday(words)
    if weekday is not None:
        if ahead:
            return today if weekday == today.weekday() else next_one(weekday, today)
        return most_recent(weekday, today, include_today=True)
    raise ValueError(f"'{text.strip()}' is not a date revmentor understands; use {ACCEPTED}")


# A deadline written in a goal: "by 30 April", "before 2027-03-31", "by the end of March".
_DEADLINE_RE = re.compile(
    r"\b(?:by|before|until|till|no later than|on)\s+(?:the\s+)?"
    r"(?P<when>\d{4}-\d{1,2}-\d{1,2}"
    r"|end\s+of\s+[a-z]+\.?(?:\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+[a-z]+\.?(?:\s+\d{4})?"
    r"|[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)",
    re.IGNORECASE,
)


def deadline_in(text: str, today: date) -> date | None:
    """The calendar date a goal's wording sets as its deadline, if it names one.

    "Close the books alone by 30 April" gives the next 30 April from `today`; "by the
    end of March" the last day of March. Weekdays and vaguer times name no date.
    """
    for found in _DEADLINE_RE.finditer(text):
        words = " ".join(found.group("when").lower().replace(" of ", " ").split())
        if words.startswith("end "):
            parts = words.split()
            month = _month(parts[1].rstrip("."))
            if month is None:
                continue
            year = int(parts[2]) if len(parts) > 2 else None
            first = calendar_day(1, month, year, today.replace(day=1))
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return following - timedelta(days=1)
        try:
            if _ISO_RE.match(words):
                return parse_when(words, today)
            named = _named_day(words, today, True)
        except ValueError:
            continue
        if named is not None:
            return named
    return None

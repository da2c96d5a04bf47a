"""The three-month horizon and the session calendar it implies. Pure date arithmetic."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revmentor.model import Horizon
    from revmentor.vocab import Frequency

HORIZON_MONTHS = 3


def next_monday(today: date) -> date:
    """The first Monday after today (a week on when today is itself a Monday)."""
    return today + timedelta(days=7 - today.weekday())


def add_months(day: date, months: int) -> date:
    """Same day of the month, `months` later, clamped to the month end (31 Jan -> 28 Feb)."""
    # Imported here: only monthly rhythms and new horizons need it, not every status.
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(months=months)


def midpoint(start: date, end: date) -> date:
    return start + timedelta(days=(end - start).days // 2)


def default_horizon(start: date, months: int = HORIZON_MONTHS) -> Horizon:
    from revmentor.model import Horizon

    end = add_months(start, months)
    return Horizon(start=start, end=end, midpoint_review=midpoint(start, end))


# A monthly day up to the 26th moves forward to the Monday when it falls on a weekend;
# from the 27th it moves back to the Friday, so that it never leaves its month. Both
# are what a calendar's monthly rule can say (see views/exporters/ics.py).
LAST_FORWARD_DAY = 26
SATURDAY = 5


def working_day(day: date, *, forward: bool) -> date:
    """The day itself on Monday to Friday, else the next Monday or the Friday before."""
    if day.weekday() < SATURDAY:
        return day
    if forward:
        return day + timedelta(days=7 - day.weekday())
    return day - timedelta(days=day.weekday() - 4)


def _monthly(horizon: Horizon, i: int) -> date:
    base = add_months(horizon.start, i)
    day = working_day(base, forward=horizon.start.day <= LAST_FORWARD_DAY)
    if day < horizon.start:
        # Only the first session can fall before the start; it moves on instead.
        day = working_day(base, forward=True)
    elif day > horizon.end >= base:
        # A last session moved past the end comes back to the Friday before instead.
        day = working_day(base, forward=False)
    return day


def planned_dates(horizon: Horizon, frequency: Frequency) -> list[date]:
    """Every session date the agreed rhythm implies, from the start to the end inclusive.

    Weekly and fortnightly sessions keep the start's weekday; monthly ones keep its day
    of the month, moved to the nearest working day when it falls on a weekend.
    """
    out: list[date] = []
    i = 0
    while True:
        if frequency == "monthly":
            day = _monthly(horizon, i)
        else:
            day = horizon.start + timedelta(days=i * (7 if frequency == "weekly" else 14))
        if day > horizon.end:
            return out
        out.append(day)
        i += 1


def expected_by(horizon: Horizon, frequency: Frequency, today: date) -> int:
    """How many sessions the rhythm implies should have happened by today."""
    return sum(1 for d in planned_dates(horizon, frequency) if d <= today)


def next_planned(horizon: Horizon, frequency: Frequency, today: date) -> date | None:
    """The first planned date from today on, or None once the horizon has passed."""
    return next((d for d in planned_dates(horizon, frequency) if d >= today), None)


def week_of(horizon: Horizon, today: date) -> int:
    """Week number of the horizon that today falls in (1 on the start date)."""
    return (today - horizon.start).days // 7 + 1


def total_weeks(horizon: Horizon) -> int:
    return max(1, -(-(horizon.end - horizon.start).days // 7))


def progress(horizon: Horizon, today: date) -> float:
    """Share of the horizon gone by today, between 0 and 1."""
    span = (horizon.end - horizon.start).days
    done = (today - horizon.start).days
    return min(1.0, max(0.0, done / span))

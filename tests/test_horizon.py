"""Date arithmetic of the horizon, with fixed dates (no real clock involved)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from revmentor.coach import horizon as hz
from revmentor.model import Horizon


@pytest.mark.parametrize("offset", range(7))
def test_next_monday_from_every_weekday(offset: int) -> None:
    monday = date(2026, 11, 16)
    day = monday + timedelta(days=offset)
    result = hz.next_monday(day)
    assert result.weekday() == 0
    assert 1 <= (result - day).days <= 7
    assert result == date(2026, 11, 23)


def test_next_monday_crosses_month_and_year() -> None:
    assert hz.next_monday(date(2026, 12, 31)) == date(2027, 1, 4)
    assert hz.next_monday(date(2028, 2, 28)) == date(2028, 3, 6)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2026, 11, 30), date(2027, 2, 28)),  # month-end start, short February
        (date(2027, 11, 30), date(2028, 2, 29)),  # leap year keeps the 29th
        (date(2026, 1, 31), date(2026, 4, 30)),
        (date(2026, 8, 31), date(2026, 11, 30)),
        (date(2026, 10, 5), date(2027, 1, 5)),  # across a year end
    ],
)
def test_three_month_horizon(start: date, end: date) -> None:
    h = hz.default_horizon(start)
    assert h.end == end
    assert h.midpoint_review is not None
    assert h.start < h.midpoint_review < h.end
    assert abs((h.midpoint_review - h.start) - (h.end - h.midpoint_review)) <= timedelta(days=1)


def test_planned_dates_follow_the_frequency() -> None:
    h = Horizon(start=date(2026, 9, 7), end=date(2026, 12, 7))
    weekly = hz.planned_dates(h, "weekly")
    fortnightly = hz.planned_dates(h, "fortnightly")
    monthly = hz.planned_dates(h, "monthly")
    assert weekly[0] == h.start and len(weekly) == 14 and weekly[-1] == date(2026, 12, 7)
    assert all((b - a).days == 7 for a, b in itertools.pairwise(weekly))
    assert fortnightly == weekly[::2]
    # 7 November 2026 is a Saturday: that session moves to Monday the 9th.
    assert monthly == [date(2026, 9, 7), date(2026, 10, 7), date(2026, 11, 9), date(2026, 12, 7)]


def test_monthly_from_the_31st_clamps_each_month_and_keeps_to_working_days() -> None:
    h = Horizon(start=date(2027, 1, 31), end=date(2027, 4, 30))
    assert hz.planned_dates(h, "monthly") == [
        date(2027, 2, 1),  # the start is a Sunday; the first session cannot come before it
        date(2027, 2, 26),  # the 28th is a Sunday: back to Friday, still in February
        date(2027, 3, 31),
        date(2027, 4, 30),
    ]


@pytest.mark.parametrize("start", [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 400, 3)])
def test_monthly_sessions_fall_on_working_days_near_their_day(start: date) -> None:
    h = hz.default_horizon(start, months=6)
    dates = hz.planned_dates(h, "monthly")
    assert len(dates) >= 6
    assert all(d.weekday() < 5 for d in dates)
    assert all(h.start <= d <= h.end for d in dates)
    assert dates == sorted(set(dates))
    for i, d in enumerate(dates[1:], start=1):
        base = hz.add_months(start, i)
        # The day itself, or the nearest working day: the Friday before or the Monday after.
        assert abs((d - base).days) <= 2


def test_expected_and_next_and_week() -> None:
    h = Horizon(start=date(2026, 9, 7), end=date(2026, 12, 7))
    today = date(2026, 10, 1)
    assert hz.expected_by(h, "weekly", today) == 4  # 7, 14, 21, 28 Sept
    assert hz.next_planned(h, "weekly", today) == date(2026, 10, 5)
    assert hz.next_planned(h, "weekly", date(2026, 10, 5)) == date(2026, 10, 5)
    assert hz.next_planned(h, "weekly", date(2026, 12, 8)) is None
    assert hz.week_of(h, date(2026, 9, 7)) == 1
    assert hz.week_of(h, date(2026, 9, 14)) == 2
    assert hz.total_weeks(h) == 13
    assert hz.progress(h, date(2026, 8, 1)) == 0.0
    assert hz.progress(h, date(2027, 1, 1)) == 1.0

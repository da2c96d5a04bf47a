"""Dates as typed when logging a session, against a fixed `today` (no real clock)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from revmentor.coach.dates import WEEKDAYS, parse_when

SATURDAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", SATURDAY),
        ("  Today ", SATURDAY),
        ("yesterday", date(2026, 11, 20)),
        ("2026-11-03", date(2026, 11, 3)),
        ("2026-1-5", date(2026, 1, 5)),
        ("3 days ago", date(2026, 11, 18)),
        ("1 day ago", date(2026, 11, 20)),
        ("a day ago", date(2026, 11, 20)),
        ("0 days ago", SATURDAY),
        ("2 weeks ago", date(2026, 11, 7)),
        ("a week ago", date(2026, 11, 14)),
        ("30 days ago", date(2026, 10, 22)),
        ("friday", date(2026, 11, 20)),
        ("FRI", date(2026, 11, 20)),
        ("monday", date(2026, 11, 16)),
        ("thurs", date(2026, 11, 19)),
        ("last  friday", date(2026, 11, 20)),
        ("last monday", date(2026, 11, 16)),
        ("last week", date(2026, 11, 14)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_when(text, SATURDAY) == expected


def test_weekday_today_counts_but_last_goes_back_a_week() -> None:
    assert parse_when("saturday", SATURDAY) == SATURDAY
    assert parse_when("last saturday", SATURDAY) == date(2026, 11, 14)


@pytest.mark.parametrize("offset", range(7))
@pytest.mark.parametrize("name", WEEKDAYS)
def test_weekday_is_the_most_recent_such_day(name: str, offset: int) -> None:
    today = SATURDAY + timedelta(days=offset)
    got = parse_when(name, today)
    assert got.strftime("%A").lower() == name
    assert 0 <= (today - got).days <= 6
    last = parse_when(f"last {name}", today)
    assert last.weekday() == got.weekday()
    assert 1 <= (today - last).days <= 7


def test_crosses_month_and_year_ends() -> None:
    assert parse_when("yesterday", date(2027, 1, 1)) == date(2026, 12, 31)
    assert parse_when("thursday", date(2026, 3, 2)) == date(2026, 2, 26)
    assert parse_when("1 day ago", date(2028, 3, 1)) == date(2028, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2026-02-30",
        "30 februaryy",
        "31 february",
        "in 3 months",
        "2026-13-01",
        "21/11/2026",
        "mo",
        "3 months ago",
        "-3 days ago",
        "fridayy",
        "last",
        "99999 weeks ago",
    ],
)
def test_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_when(text, SATURDAY)
    message = str(info.value)
    assert message
    assert "Traceback" not in message
    if text.strip() and "9999" not in text:
        assert text.strip() in message


def test_message_lists_what_is_accepted() -> None:
    with pytest.raises(ValueError, match=r"YYYY-MM-DD.*yesterday.*days ago"):
        parse_when("whenever", SATURDAY)


@pytest.mark.parametrize(
    ("text", "back", "ahead"),
    [
        ("tomorrow", date(2026, 11, 22), date(2026, 11, 22)),
        ("next monday", date(2026, 11, 23), date(2026, 11, 23)),
        ("next saturday", date(2026, 11, 28), date(2026, 11, 28)),
        ("in 2 weeks", date(2026, 12, 5), date(2026, 12, 5)),
        ("in a week", date(2026, 11, 28), date(2026, 11, 28)),
        ("in 3 days", date(2026, 11, 24), date(2026, 11, 24)),
        # A bare weekday looks back for a session, ahead for a start date.
        ("monday", date(2026, 11, 16), date(2026, 11, 23)),
        ("saturday", date(2026, 11, 21), date(2026, 11, 21)),
        # A day and month without a year: the nearest one on that side of today.
        ("30 april", date(2026, 4, 30), date(2027, 4, 30)),
        ("April 30", date(2026, 4, 30), date(2027, 4, 30)),
        ("30 april 2027", date(2027, 4, 30), date(2027, 4, 30)),
        ("21st november", date(2026, 11, 21), date(2026, 11, 21)),
    ],
)
def test_words_for_days_ahead_and_named_days(text: str, back: date, ahead: date) -> None:
    assert parse_when(text, SATURDAY) == back
    assert parse_when(text, SATURDAY, ahead=True) == ahead

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
        "tomorrow",
        "next friday",
        "2026-02-30",
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

"""The calendar export: parsed back with icalendar, every date checked against the plan."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar, Event

from revmentor.coach.horizon import planned_dates
from revmentor.model import GroundRules, Horizon, Me, Pairing, Person, Session
from revmentor.views.exporters import Options, find
from revmentor.views.exporters import ics as ics_mod
from revmentor.vocab import Frequency
from tests.conftest import EXAMPLE_SLUG, Result

CLI = Callable[..., Result]


def pairing(
    start: date,
    end: date,
    frequency: Frequency = "fortnightly",
    minutes: int = 45,
    mid: date | None = None,
) -> Pairing:
    return Pairing(
        created=date(2026, 9, 1),
        me=Me(name="Helen"),
        partner=Person(name="Sam, the analyst; Gen Z"),
        ground_rules=GroundRules(frequency=frequency, session_minutes=minutes),
        horizon=Horizon(start=start, end=end, midpoint_review=mid),
        sessions=[Session(date=start, private_note="secret thing")],
    )


def export(
    p: Pairing,
    tz: str | None = "Europe/London",
    at: time = time(9, 0),
    today: date = date(2026, 11, 21),
) -> Calendar:
    text = find("ics").render(p, "helen-sam", Options(today=today, at=at, tz=tz))
    assert "\r\n" in text
    return Calendar.from_ical(text)


def events(cal: Calendar) -> dict[str, Event]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def expand(ev: Event) -> list[datetime]:
    start = ev.decoded("DTSTART")
    rule = ev["RRULE"].to_ical().decode()
    return list(rrulestr(rule, dtstart=start))


def sessions_of(cal: Calendar) -> list[datetime]:
    """Every session: the recurring event's, or (month ends) one event per session."""
    evs = events(cal)
    recurring = evs.get("helen-sam-sessions@revmentor.local")
    if recurring is not None:
        return expand(recurring)
    return sorted(e.decoded("DTSTART") for k, e in evs.items() if "-session-" in k)


CASES = [
    ("weekly", date(2026, 9, 7), date(2026, 12, 7)),
    ("fortnightly", date(2026, 9, 7), date(2026, 12, 7)),
    ("fortnightly", date(2026, 9, 8), date(2026, 12, 7)),
    ("monthly", date(2026, 9, 7), date(2026, 12, 7)),
    ("monthly", date(2026, 9, 7), date(2026, 12, 6)),
    ("monthly", date(2027, 1, 31), date(2027, 7, 31)),
    ("monthly", date(2027, 11, 30), date(2028, 5, 30)),
    ("monthly", date(2027, 12, 29), date(2028, 6, 29)),
    ("monthly", date(2028, 1, 29), date(2028, 7, 29)),
    ("weekly", date(2026, 12, 28), date(2027, 3, 28)),
]


@pytest.mark.parametrize(("frequency", "start", "end"), CASES)
@pytest.mark.parametrize("tz", ["Europe/London", "America/New_York", None])
def test_the_recurrence_expands_to_exactly_the_planned_dates(
    frequency: Frequency, start: date, end: date, tz: str | None
) -> None:
    p = pairing(start, end, frequency)
    occurrences = sessions_of(export(p, tz=tz, at=time(14, 30)))
    assert [o.date() for o in occurrences] == planned_dates(p.horizon, frequency)
    # The local clock time holds across daylight-saving changes.
    assert {o.time() for o in occurrences} == {time(14, 30)}
    if tz is None:
        assert all(o.tzinfo is None for o in occurrences)
    else:
        assert {str(o.tzinfo) for o in occurrences} == {tz}


def test_the_example_calendar_holds_sessions_midpoint_and_end(
    cli: CLI, example_home: Path, today: Callable[[str], None]
) -> None:
    today("2026-11-21")
    r = cli("export", "--format", "ics", "--time", "08:15", "--tz", "Europe/Paris")
    assert r.code == 0, r.err
    cal = Calendar.from_ical(r.out)
    evs = events(cal)
    assert set(evs) == {
        "helen-sam-sessions@revmentor.local",
        "helen-sam-midpoint@revmentor.local",
        "helen-sam-horizon-end@revmentor.local",
    }
    s = evs["helen-sam-sessions@revmentor.local"]
    assert s["RRULE"]["FREQ"] == ["WEEKLY"]
    assert s["RRULE"]["INTERVAL"] == [2]
    start = s.decoded("DTSTART")
    assert start == datetime(2026, 9, 7, 8, 15, tzinfo=ZoneInfo("Europe/Paris"))
    assert s.decoded("DTEND") - start == timedelta(minutes=45)
    assert [o.date() for o in expand(s)] == [
        date(2026, 9, 7),
        date(2026, 9, 21),
        date(2026, 10, 5),
        date(2026, 10, 19),
        date(2026, 11, 2),
        date(2026, 11, 16),
        date(2026, 11, 30),
    ]
    assert "Goals:" in str(s["DESCRIPTION"])
    assert "I was nervous" not in r.out
    mid = evs["helen-sam-midpoint@revmentor.local"]
    assert mid.decoded("DTSTART") == date(2026, 10, 19)
    assert mid.decoded("DTEND") == date(2026, 10, 20)
    assert str(mid["TRANSP"]) == "TRANSPARENT"
    end = evs["helen-sam-horizon-end@revmentor.local"]
    assert end.decoded("DTSTART") == date(2026, 12, 7)
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert cal["PRODID"] and cal["VERSION"] == "2.0"


def test_session_length_and_text_with_commas_round_trip() -> None:
    p = pairing(date(2026, 9, 7), date(2026, 12, 7), "weekly", minutes=90)
    s = events(export(p))["helen-sam-sessions@revmentor.local"]
    assert s.decoded("DTEND") - s.decoded("DTSTART") == timedelta(minutes=90)
    assert str(s["SUMMARY"]) == "Reverse mentoring: Helen and Sam, the analyst; Gen Z"
    assert "secret thing" not in str(s["DESCRIPTION"])


def test_uids_are_stable_across_exports_and_days() -> None:
    p = pairing(date(2026, 9, 7), date(2026, 12, 7), mid=date(2026, 10, 19))
    first = export(p, today=date(2026, 9, 1))
    later = export(p, at=time(16, 0), today=date(2026, 10, 1))
    assert set(events(first)) == set(events(later))
    assert len(events(first)) == 3
    text = find("ics").render(p, "helen-sam", Options(today=date(2026, 9, 1), tz="UTC"))
    again = find("ics").render(p, "helen-sam", Options(today=date(2026, 9, 1), tz="UTC"))
    assert text == again
    other = events(export(p.model_copy(), today=date(2026, 9, 1)))
    assert set(other) == set(events(first))


def test_no_midpoint_means_no_midpoint_event() -> None:
    p = pairing(date(2026, 9, 7), date(2026, 12, 7))
    assert set(events(export(p))) == {
        "helen-sam-sessions@revmentor.local",
        "helen-sam-horizon-end@revmentor.local",
    }


def test_floating_time_when_the_local_zone_has_no_name(
    cli: CLI, example_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics_mod, "local_zone", lambda: None)
    r = cli("export", "-f", "ics")
    assert r.code == 0, r.err
    s = events(Calendar.from_ical(r.out))["helen-sam-sessions@revmentor.local"]
    assert s.decoded("DTSTART") == datetime(2026, 9, 7, 9, 0)
    assert "TZID" not in r.out
    assert "UNTIL=20261207T235959;" in r.out


def test_local_zone_follows_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert ics_mod.local_zone() == "Asia/Tokyo"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tz", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
        (["--tz", "../../etc/passwd"], "unknown time zone"),
        (["--tz", "Europe"], "unknown time zone"),
        (["--time", "25:00"], "'25:00' is not a time"),
        (["--time", "9am"], "'9am' is not a time"),
        (["--time", "09:60"], "is not a time"),
    ],
)
def test_a_time_or_zone_that_cannot_be_is_a_usage_error(
    cli: CLI, example_home: Path, args: list[str], message: str
) -> None:
    r = cli("export", EXAMPLE_SLUG, "--format", "ics", *args)
    assert r.code == 2
    assert r.out == ""
    first = r.err.splitlines()[0]
    assert first.startswith(f"Error: Invalid value for '{args[0]}': ")
    assert message in first
    assert "Traceback" not in r.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--include-private"], "a calendar never holds private notes"),
        (["--section", "plan"], "--section applies to --format markdown only"),
    ],
)
def test_options_a_calendar_cannot_take_are_refused(
    cli: CLI, example_home: Path, args: list[str], message: str
) -> None:
    r = cli("export", EXAMPLE_SLUG, "--format", "ics", *args)
    assert r.code == 1
    assert r.out == ""
    assert message in r.err
    assert "Traceback" not in r.err


def test_time_is_accepted_without_a_leading_zero() -> None:
    assert ics_mod.parse_time("7:05") == time(7, 5)

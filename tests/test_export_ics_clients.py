"""The calendar export as other programs read it: two independent parsers, every occurrence.

recurring-ical-events (on icalendar) and vobject (its own VTIMEZONE reading, on dateutil)
each expand the exported file; every session they find must fall on a planned date from
`show --json`, at the agreed wall-clock time in the agreed zone, across clock changes,
monthly rhythms from the 29th to the 31st and a leap year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
import vobject
from icalendar import Calendar
from vobject.icalendar import registerTzid

from revmentor.coach.horizon import add_months, planned_dates
from revmentor.model import GroundRules, Horizon, Me, Pairing, Person, WrapUp
from revmentor.views.exporters import Options, find
from revmentor.views.exporters.ics import Stamp, parse_remind, render_calendar
from revmentor.vocab import Frequency
from tests.conftest import EXAMPLE_SLUG, Result

SLUG = "helen-sam"
WIDE = (datetime(2020, 1, 1), datetime(2035, 1, 1))


def pairing(start: date, frequency: Frequency, months: int = 3, minutes: int = 45) -> Pairing:
    end = add_months(start, months)
    return Pairing(
        created=start,
        me=Me(name="Helen"),
        partner=Person(name="Sam"),
        ground_rules=GroundRules(frequency=frequency, session_minutes=minutes),
        horizon=Horizon(start=start, end=end, midpoint_review=start + (end - start) / 2),
    )


def export(p: Pairing, tz: str | None, at: time, **extra: object) -> str:
    options = Options(today=p.horizon.start, at=at, tz=tz, **extra)  # type: ignore[arg-type]
    return find("ics").render(p, SLUG, options)


def planned(p: Pairing, tz: str | None, at: time) -> list[datetime]:
    zone = ZoneInfo(tz) if tz else None
    days = planned_dates(p.horizon, p.ground_rules.frequency)
    return [datetime.combine(d, at, tzinfo=zone) for d in days]


def _instant(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc) if moment.tzinfo else moment


def by_recurring_ical_events(text: str) -> list[datetime]:
    cal = Calendar.from_ical(text)
    found = recurring_ical_events.of(cal).between(*WIDE)
    return sorted(_instant(e.decoded("DTSTART")) for e in found if "session" in str(e["UID"]))


def by_vobject(text: str) -> list[datetime]:
    # vobject resolves a TZID through pytz when pytz is installed (and its pytz times
    # drift across clock changes whatever the file says); registering the zone it read
    # from the file's own VTIMEZONE makes it expand with what the file says.
    for block in vobject.readOne(text).contents.get("vtimezone", []):
        registerTzid(block.tzid.value, block.gettzinfo())
    cal = vobject.readOne(text)
    out: list[datetime] = []
    for ev in cal.vevent_list:
        if "session" not in ev.uid.value:
            continue
        rules = ev.getrruleset(addRDate=True)
        moments = [ev.dtstart.value] if rules is None else list(rules)
        out.extend(_instant(moment) for moment in moments)
    return sorted(out)


PARSERS = [by_recurring_ical_events, by_vobject]

# (zone, start, rhythm, time): clock changes both ways, both hemispheres, a late
# evening that crosses midnight in UTC, a zone without daylight saving, floating time.
ZONED = [
    ("Europe/London", date(2026, 9, 7), "weekly", time(14, 30)),
    ("Europe/London", date(2027, 2, 1), "fortnightly", time(9, 0)),
    ("Europe/London", date(2026, 9, 7), "monthly", time(18, 0)),
    ("America/New_York", date(2026, 9, 7), "weekly", time(23, 30)),
    ("America/New_York", date(2026, 9, 1), "fortnightly", time(23, 30)),
    ("America/New_York", date(2027, 1, 18), "weekly", time(23, 30)),
    ("Australia/Sydney", date(2026, 8, 3), "weekly", time(7, 45)),
    ("Asia/Tokyo", date(2026, 9, 7), "weekly", time(10, 0)),
    (None, date(2026, 9, 7), "fortnightly", time(9, 0)),
]

# Monthly from the 29th, 30th and 31st, through a February of a leap year (2028) and
# of a common one (2027).
MONTH_ENDS = [(date(2026, 11, day), months) for day in (29, 30) for months in (3, 6)] + [
    (date(2027, 1, 31), 6),
    (date(2027, 12, 29), 3),
    (date(2027, 12, 30), 3),
    (date(2027, 12, 31), 3),
    (date(2028, 1, 29), 3),
    (date(2028, 1, 31), 6),
    (date(2027, 10, 31), 6),
]


@pytest.mark.parametrize("parser", PARSERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(("tz", "start", "frequency", "at"), ZONED)
def test_every_parser_finds_every_planned_session_at_its_time(
    parser: object, tz: str | None, start: date, frequency: Frequency, at: time
) -> None:
    p = pairing(start, frequency, months=6)
    text = export(p, tz, at)
    found = parser(text)  # type: ignore[operator]
    assert found == [_instant(m) for m in planned(p, tz, at)]


@pytest.mark.parametrize("parser", PARSERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("tz", ["Europe/London", "America/New_York"])
@pytest.mark.parametrize(("start", "months"), MONTH_ENDS)
def test_month_ends_expand_to_the_planned_days_in_every_parser(
    parser: object, tz: str, start: date, months: int
) -> None:
    p = pairing(start, "monthly", months=months)
    at = time(23, 30) if tz == "America/New_York" else time(9, 15)
    found = parser(export(p, tz, at))  # type: ignore[operator]
    assert found == [_instant(m) for m in planned(p, tz, at)]
    if start.year == 2028 or (start.year == 2027 and start.month >= 10):
        assert datetime(2028, 2, 29, at.hour, at.minute, tzinfo=ZoneInfo(tz)) in [
            m.astimezone(ZoneInfo(tz)) for m in found
        ]


def test_the_time_zone_block_is_the_yearly_rule_clients_expect() -> None:
    p = pairing(date(2026, 9, 7), "weekly")
    cal = Calendar.from_ical(export(p, "Europe/London", time(9, 0)))
    (zone,) = cal.walk("VTIMEZONE")
    blocks = {c.name: c for c in zone.subcomponents}
    assert set(blocks) == {"STANDARD", "DAYLIGHT"}
    assert all("RDATE" not in c for c in zone.subcomponents)
    assert blocks["DAYLIGHT"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert blocks["STANDARD"]["RRULE"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    ny = Calendar.from_ical(export(p, "America/New_York", time(9, 0))).walk("VTIMEZONE")[0]
    rules = sorted(c["RRULE"].to_ical() for c in ny.subcomponents)
    assert rules == [b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=11", b"FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"]


def test_a_zone_without_clock_changes_has_one_standard_block() -> None:
    p = pairing(date(2026, 9, 7), "weekly")
    (zone,) = Calendar.from_ical(export(p, "Asia/Kolkata", time(9, 0))).walk("VTIMEZONE")
    (block,) = zone.subcomponents
    assert block.name == "STANDARD"
    assert block.decoded("TZOFFSETTO") == timedelta(hours=5, minutes=30)


def _uids(text: str) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(text).walk("VEVENT")}


def test_a_renewed_cycle_has_its_own_uids() -> None:
    first = pairing(date(2026, 9, 7), "weekly")
    renewed = first.model_copy(
        update={
            "horizon": Horizon(start=date(2026, 12, 14), end=date(2027, 3, 14)),
            "wrap_ups": [
                WrapUp(date=date(2026, 12, 7), decision="renew", previous_horizon=first.horizon)
            ],
        }
    )
    before = _uids(export(first, "UTC", time(9, 0)))
    after = _uids(export(renewed, "UTC", time(9, 0)))
    assert "helen-sam-sessions@revmentor.local" in before
    assert before.isdisjoint(after)
    assert "helen-sam-cycle-2-sessions@revmentor.local" in after


def _events(text: str) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(text).walk("VEVENT")}


def test_dtstamp_is_the_moment_of_export() -> None:
    p = pairing(date(2026, 9, 7), "weekly")
    now = datetime(2026, 9, 1, 15, 42, 7, 123456, tzinfo=timezone.utc)
    for ev in _events(export(p, "UTC", time(9, 0), now=now)).values():
        assert ev.decoded("DTSTAMP") == now.replace(microsecond=0)  # type: ignore[attr-defined]


def test_sequence_rises_only_for_the_events_that_changed() -> None:
    p = pairing(date(2026, 9, 7), "weekly")
    options = Options(today=p.horizon.start, tz="Europe/London")
    _, stamps = render_calendar(p, SLUG, options)
    assert {s.sequence for s in stamps.values()} == {0}
    # The same plan exported again, later: nothing changed, nothing rises.
    later = Options(today=date(2026, 9, 5), tz="Europe/London", previous=stamps)
    _, same = render_calendar(p, SLUG, later)
    assert {s.sequence for s in same.values()} == {0}
    # A new time moves the sessions only; exported twice, it rises once.
    moved = Options(today=date(2026, 9, 5), tz="Europe/London", at=time(16, 0), previous=stamps)
    text2, stamps2 = render_calendar(p, SLUG, moved)
    seq = {k: s.sequence for k, s in stamps2.items()}
    assert seq == {
        "helen-sam-sessions@revmentor.local": 1,
        "helen-sam-midpoint@revmentor.local": 0,
        "helen-sam-horizon-end@revmentor.local": 0,
    }
    _, stamps3 = render_calendar(p, SLUG, replace(moved, previous=stamps2))
    assert {k: s.sequence for k, s in stamps3.items()} == seq
    assert "SEQUENCE:1" in text2
    assert isinstance(next(iter(stamps3.values())), Stamp)


def test_reminders_go_off_before_each_session_and_the_midpoint() -> None:
    p = pairing(date(2026, 9, 7), "weekly")
    reminders = (parse_remind("1d"), parse_remind("15m"), parse_remind("2h"))
    events = _events(export(p, "Europe/London", time(9, 0), reminders=reminders))
    for key, ev in events.items():
        triggers = sorted(a.decoded("TRIGGER") for a in ev.walk("VALARM"))  # type: ignore[attr-defined]
        if key.endswith("horizon-end@revmentor.local"):
            assert triggers == []
        else:
            assert triggers == [-timedelta(days=1), -timedelta(hours=2), -timedelta(minutes=15)]
    # vobject reads the alarms too.
    cal = vobject.readOne(export(p, "Europe/London", time(9, 0), reminders=reminders))
    assert len(cal.vevent_list[0].valarm_list) == 3


@pytest.mark.parametrize("value", ["15", "0m", "29d", "1w", "-1h", "h", "1.5h", ""])
def test_a_reminder_time_that_cannot_be_is_refused(value: str) -> None:
    from revmentor.errors import BadInput

    with pytest.raises(BadInput, match="is not a reminder time"):
        parse_remind(value)


HOSTILE = [
    "Sam\r\nBEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT",
    "Sam\nEND:VCALENDAR",
    "Sam\rBEGIN:VALARM",
    "Sam\u2028BEGIN:VEVENT\x0bUID:x\x85END:VEVENT",
    "Sam;, \\ \x00\x1b[31m",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_line_break_in_a_name_never_adds_a_component(name: str) -> None:
    p = pairing(date(2026, 9, 7), "monthly")
    # Built past validation, as a hand-edited file that slipped through would be.
    p = p.model_copy(update={"partner": Person.model_construct(name=name)})
    text = export(p, "Europe/London", time(9, 0))
    lines = text.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 3
    assert not any(line.startswith(("UID:evil", "UID:x", "BEGIN:VALARM")) for line in lines)
    assert all(line.isprintable() or line == "" for line in lines)
    cal = Calendar.from_ical(text)
    assert "Sam" in str(cal["X-WR-CALNAME"])
    assert "\r" not in str(cal["X-WR-CALNAME"])
    assert len(vobject.readOne(text).vevent_list) == 3


def test_export_says_which_time_and_zone_it_used_and_how_to_change_them(
    cli: Callable[..., Result], example_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revmentor.views.exporters import ics

    monkeypatch.setattr(ics, "local_zone", lambda: "Europe/Lisbon")
    r = cli("export", "-f", "ics")
    assert r.code == 0, r.err
    assert r.out.startswith("BEGIN:VCALENDAR")
    assert (
        "Sessions start at 09:00 (the default), Europe/Lisbon time (this machine's zone)." in r.err
    )
    assert "--time HH:MM, --tz AREA/CITY" in r.err
    target = example_home / "plan.ics"
    r = cli(
        "export",
        "-f",
        "ics",
        "--time",
        "23:30",
        "--tz",
        "America/New_York",
        "--remind",
        "1d",
        "--remind",
        "15m",
        "-o",
        str(target),
    )
    assert r.code == 0, r.err
    assert "23:30 (as asked), America/New_York time (as asked)" in r.out
    assert "Reminders: 15 minutes, 1 day before each session and the mid-point review." in r.out
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VALARM") == 4
    # The first export went out at 09:00 Lisbon: this one moved the sessions.
    assert "SEQUENCE:1" in text
    assert (example_home / "calendar" / f"{EXAMPLE_SLUG}.json").is_file()


def test_remind_is_for_calendars_only_and_a_bad_one_is_a_usage_error(
    cli: Callable[..., Result], example_home: Path
) -> None:
    r = cli("export", "--remind", "1d")
    assert r.code == 1
    assert "--remind applies to --format ics only" in r.err
    r = cli("export", "-f", "ics", "--remind", "soon")
    assert r.code == 2
    assert "Invalid value for '--remind': 'soon' is not a reminder time" in r.err

"""The planned sessions as an iCalendar file that Outlook, Google and Apple calendars import.

One recurring event follows the agreed rhythm from the horizon start to its end; the
mid-point review and the horizon end are all-day markers that do not block time. UIDs
come from the pairing's name and the event's kind, so importing a newer export updates
the same events instead of adding copies.
"""

from __future__ import annotations

import contextlib
import os
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from revmentor.errors import BadInput

if TYPE_CHECKING:
    from icalendar import Calendar, Event

    from revmentor.model import Pairing
    from revmentor.views.exporters import Options

PRODID = "-//revmentor//pairing export//EN"
UID_DOMAIN = "revmentor.local"

TITLES = {
    "reverse-mentoring": "Reverse mentoring",
    "on-the-job": "On-the-job learning",
}
MIDPOINT = "Mid-point review"
END = "Three months done, wrap-up"
MIDPOINT_NOTE = "Look at each goal together: keep, reword, mark achieved or retire it."
END_NOTE = "The three months are up: look back together, then renew, extend or conclude."

_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")


def parse_time(text: str) -> time:
    """`HH:MM` on a 24-hour clock."""
    m = _TIME_RE.match(text.strip())
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise BadInput(f"'{text}' is not a time", "Give it as HH:MM on a 24-hour clock: --time 14:30")


def check_zone(name: str) -> str:
    """An IANA time zone name, checked against the zone database."""
    key = name.strip()
    try:
        ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise BadInput(
            f"unknown time zone '{name}'",
            "Give an Area/City name such as Europe/London or America/New_York.",
        ) from None
    return key


def local_zone() -> str | None:
    """The machine's IANA zone name, when it can be told; None means floating local time.

    Floating times are what calendars read as "wherever I am", which is the honest
    fallback when the zone has no name we can find.
    """
    candidates: list[str] = []
    tz_env = os.environ.get("TZ", "").lstrip(":")
    if tz_env:
        candidates.append(tz_env)
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    with contextlib.suppress(OSError, UnicodeDecodeError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for key in candidates:
        try:
            ZoneInfo(key)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        return key
    return None


def uid(slug: str, kind: str) -> str:
    return f"{slug}-{kind}@{UID_DOMAIN}"


def recurrence(p: Pairing, until: datetime) -> dict[str, Any]:
    """The RRULE matching revmentor.coach.horizon.planned_dates for the agreed rhythm."""
    frequency = p.ground_rules.frequency
    if frequency == "weekly":
        return {"FREQ": "WEEKLY", "UNTIL": until}
    if frequency == "fortnightly":
        return {"FREQ": "WEEKLY", "INTERVAL": 2, "UNTIL": until}
    # Monthly: the start's day of the month, on the nearest working day of that month,
    # as planned_dates chooses it (forward up to the 26th, back from the 27th).
    from revmentor.coach.horizon import LAST_FORWARD_DAY

    weekdays = ["MO", "TU", "WE", "TH", "FR"]
    day = p.horizon.start.day
    if day <= LAST_FORWARD_DAY:
        days: list[int] = [day, day + 1, day + 2]
        position = 1
    elif day == 31:
        days, position = [-3, -2, -1], -1
    elif day in (29, 30):
        # A shorter month falls back to its last day first, so the window starts earlier.
        days, position = list(range(26, day + 1)), -1
    else:
        days, position = [day - 2, day - 1, day], -1
    return {
        "FREQ": "MONTHLY",
        "BYMONTHDAY": days,
        "BYDAY": weekdays,
        "BYSETPOS": position,
        "UNTIL": until,
    }


def _settle_exceptions(
    event: Event, rule: dict[str, Any], start: datetime, planned: list[date]
) -> None:
    """RDATE and EXDATE for the few planned dates a monthly rule cannot say, such as a
    weekend start moved to Monday or a last session moved back to a Friday."""
    from dateutil import rrule as du

    weekdays = [du.MO, du.TU, du.WE, du.TH, du.FR]
    expanded = du.rrule(
        du.MONTHLY if rule["FREQ"] == "MONTHLY" else du.WEEKLY,
        dtstart=start,
        interval=int(rule.get("INTERVAL", 1)),
        until=rule["UNTIL"],
        bymonthday=rule.get("BYMONTHDAY"),
        byweekday=weekdays if "BYDAY" in rule else None,
        bysetpos=rule.get("BYSETPOS"),
    )
    produced = {start.date(), *(d.date() for d in expanded)}
    wanted = set(planned)
    extra = sorted(wanted - produced)
    missing = sorted(produced - wanted)
    if extra:
        event.add("rdate", [datetime.combine(d, start.timetz()) for d in extra])
    if missing:
        event.add("exdate", [datetime.combine(d, start.timetz()) for d in missing])


def _names(p: Pairing) -> str:
    me = p.me.name or "me"
    partner = p.partner.name or "my partner"
    return f"{me} and {partner}"


def _description(p: Pairing, slug: str) -> str:
    lines = [f"{TITLES[p.kind]}: {_names(p)}."]
    goals = p.active_goals()
    if goals:
        lines.append("")
        lines.append("Goals:")
        lines.extend(f"- {g.text}" for g in goals)
    if p.ground_rules.channel:
        lines.append("")
        lines.append(f"Where and how: {p.ground_rules.channel}")
    lines.append("")
    lines.append(f"Prepare with: revmentor prep {slug}")
    return "\n".join(lines)


def _all_day(
    cal: Calendar, slug: str, kind: str, day: date, summary: str, note: str, stamp: datetime
) -> None:
    from icalendar import Event

    ev = Event()
    ev.add("uid", uid(slug, kind))
    ev.add("dtstamp", stamp)
    ev.add("summary", summary)
    ev.add("dtstart", day)
    ev.add("dtend", day + timedelta(days=1))
    ev.add("transp", "TRANSPARENT")
    ev.add("description", note)
    cal.add_component(ev)


def build(p: Pairing, slug: str, options: Options) -> Calendar:
    from icalendar import Calendar, Event

    zone = ZoneInfo(options.tz) if options.tz else None
    h = p.horizon
    stamp = datetime.combine(options.today, time(0, 0), tzinfo=timezone.utc)
    title = f"{TITLES[p.kind]}: {_names(p)}"

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title)

    from revmentor.coach.horizon import planned_dates

    # The first planned session, which a monthly rhythm may move off a weekend start.
    first = next(iter(planned_dates(h, p.ground_rules.frequency)), h.start)
    start = datetime.combine(first, options.at, tzinfo=zone)
    last_moment = datetime.combine(h.end, time(23, 59, 59), tzinfo=zone)
    # RFC 5545: with a zoned start, UNTIL is given in UTC; with a floating one, floating.
    until = last_moment.astimezone(timezone.utc) if zone else last_moment

    sessions = Event()
    sessions.add("uid", uid(slug, "sessions"))
    sessions.add("dtstamp", stamp)
    sessions.add("summary", title)
    sessions.add("dtstart", start)
    sessions.add("dtend", start + timedelta(minutes=p.ground_rules.session_minutes))
    rule = recurrence(p, until)
    sessions.add("rrule", rule)
    _settle_exceptions(sessions, rule, start, planned_dates(h, p.ground_rules.frequency))
    sessions.add("transp", "OPAQUE")
    sessions.add("description", _description(p, slug))
    cal.add_component(sessions)

    if h.midpoint_review:
        _all_day(
            cal,
            slug,
            "midpoint",
            h.midpoint_review,
            f"{MIDPOINT}: {_names(p)}",
            MIDPOINT_NOTE,
            stamp,
        )
    _all_day(cal, slug, "horizon-end", h.end, f"{END}: {_names(p)}", END_NOTE, stamp)
    if zone is not None:
        cal.add_missing_timezones()
    return cal


def render(pairing: Pairing, slug: str, options: Options) -> str:
    data: bytes = build(pairing, slug, options).to_ical()
    return data.decode("utf-8")

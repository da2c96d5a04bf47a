"""The planned sessions as an iCalendar file that Outlook, Google and Apple calendars import.

One recurring event follows the agreed rhythm from the horizon start to its end (a
monthly rhythm from the 29th to the 31st is written as one event per session, which
every client expands alike); the mid-point review and the horizon end are all-day
markers that do not block time. UIDs come from the pairing's name, its cycle and the
event's kind, so importing a newer export updates the same events instead of adding
copies, and a renewed cycle adds its own beside the history of the first. Each event's
SEQUENCE rises when what it says changes, so clients take the newer export as an update.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from revmentor.coach import horizon as hz
from revmentor.errors import BadInput

if TYPE_CHECKING:
    from icalendar import Calendar

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
_REMIND_RE = re.compile(r"^(\d{1,5}) ?(m|min|mins|minutes?|h|hours?|d|days?)$")
_REMIND_UNITS = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), "minutes"),
    **dict.fromkeys(("h", "hour", "hours"), "hours"),
    **dict.fromkeys(("d", "day", "days"), "days"),
}
# What a client may read as the end of a line, and the controls RFC 5545 TEXT forbids.
_BREAKS_RE = re.compile("\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


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


def cycle(p: Pairing) -> int:
    """Which three months this is: 1, then one more for each renewal."""
    return 1 + sum(1 for w in p.wrap_ups if w.decision == "renew")


def uid(slug: str, kind: str, number: int = 1) -> str:
    """The event's UID; the first cycle keeps the form earlier exports used, so a calendar
    that imported one updates its events, and each renewed cycle gets its own."""
    part = kind if number == 1 else f"cycle-{number}-{kind}"
    return f"{slug}-{part}@{UID_DOMAIN}"


def recurrence(p: Pairing, until: datetime) -> dict[str, Any] | None:
    """The RRULE matching revmentor.coach.horizon.planned_dates, or None when no rule does.

    A monthly rhythm from the 29th, 30th or 31st falls back to the month's last day in
    shorter months; the rules that say so (BYMONTHDAY lists with BYSETPOS, or -1) are
    expanded differently by different clients, so those sessions are written one by one.
    """
    frequency = p.ground_rules.frequency
    if frequency == "weekly":
        return {"FREQ": "WEEKLY", "UNTIL": until}
    if frequency == "fortnightly":
        return {"FREQ": "WEEKLY", "INTERVAL": 2, "UNTIL": until}
    if p.horizon.start.day <= 28:
        return {"FREQ": "MONTHLY", "UNTIL": until}
    return None


def _names(p: Pairing) -> str:
    me = p.me.name or "me"
    partner = p.partner.name or "my partner"
    return f"{me} and {partner}"


def text(value: str) -> Any:
    """A TEXT value that cannot break out of its property.

    icalendar escapes commas, semicolons, backslashes and newlines; a lone carriage
    return, the other Unicode line breaks and control characters it leaves as they are,
    and some clients split lines on them. They become newlines (escaped) or go.
    """
    from icalendar import vText

    lines = _BREAKS_RE.sub("\n", value)
    return vText(_CONTROL_RE.sub("", lines))


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


def parse_remind(value: str) -> timedelta:
    """`15m`, `2h` or `1d`: how long before an event its reminder goes off."""
    m = _REMIND_RE.match(value.strip().lower())
    if m:
        amount = int(m.group(1))
        delta = timedelta(**{_REMIND_UNITS[m.group(2)]: amount})
        if timedelta(minutes=1) <= delta <= timedelta(days=28):
            return delta
    raise BadInput(
        f"'{value}' is not a reminder time",
        "Give minutes, hours or days before, up to 28 days: --remind 15m, --remind 2h, --remind 1d",
    )


def remind_words(delta: timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    for unit, size in (("day", 1440), ("hour", 60), ("minute", 1)):
        if minutes % size == 0:
            count = minutes // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{minutes} minutes"  # pragma: no cover - every whole minute divides by 1


def _alarms(ev: Any, summary: str, reminders: tuple[timedelta, ...]) -> None:
    from icalendar import Alarm

    for before in sorted(set(reminders)):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", text(f"{summary} (in {remind_words(before)})"))
        alarm.add("trigger", -before)
        ev.add_component(alarm)


@dataclass(frozen=True)
class Stamp:
    """What an exported event said (its digest) and the SEQUENCE it went out with."""

    digest: str
    sequence: int


def _digest(ev: Any) -> str:
    """The event's content, less DTSTAMP and SEQUENCE, which change on every export."""
    import hashlib

    data: bytes = ev.to_ical()
    kept = b"\r\n".join(
        line for line in data.split(b"\r\n") if not line.startswith((b"DTSTAMP", b"SEQUENCE"))
    )
    return hashlib.sha256(kept).hexdigest()[:16]


class _Builder:
    """Adds events to a calendar, each with its DTSTAMP and a SEQUENCE that rises only
    when the event's content differs from what the previous export said."""

    def __init__(self, cal: Calendar, options: Options, stamp: datetime) -> None:
        self.cal = cal
        self.options = options
        self.stamp = stamp
        self.stamps: dict[str, Stamp] = {}

    def add(self, ev: Any) -> None:
        key = str(ev["uid"])
        digest = _digest(ev)
        before = self.options.previous.get(key)
        sequence = 0 if before is None else before.sequence + (before.digest != digest)
        ev.add("dtstamp", self.stamp)
        ev.add("sequence", sequence)
        self.stamps[key] = Stamp(digest, sequence)
        self.cal.add_component(ev)


def _all_day(
    out: _Builder, key: str, day: date, summary: str, note: str, reminders: tuple[timedelta, ...]
) -> None:
    from icalendar import Event

    ev = Event()
    ev.add("uid", key)
    ev.add("summary", text(summary))
    ev.add("dtstart", day)
    ev.add("dtend", day + timedelta(days=1))
    ev.add("transp", "TRANSPARENT")
    ev.add("description", text(note))
    _alarms(ev, summary, reminders)
    out.add(ev)


def _session(p: Pairing, slug: str, key: str, start: datetime, title: str, options: Options) -> Any:
    from icalendar import Event

    ev = Event()
    ev.add("uid", key)
    ev.add("summary", text(title))
    ev.add("dtstart", start)
    ev.add("dtend", start + timedelta(minutes=p.ground_rules.session_minutes))
    ev.add("transp", "OPAQUE")
    ev.add("description", text(_description(p, slug)))
    _alarms(ev, title, options.reminders)
    return ev


def build(p: Pairing, slug: str, options: Options) -> tuple[Calendar, dict[str, Stamp]]:
    """The calendar, and each event's Stamp for the next export to compare with."""
    from icalendar import Calendar

    zone = ZoneInfo(options.tz) if options.tz else None
    h = p.horizon
    stamp = options.now or datetime.combine(options.today, time(0, 0), tzinfo=timezone.utc)
    stamp = stamp.astimezone(timezone.utc).replace(microsecond=0)
    title = f"{TITLES[p.kind]}: {_names(p)}"
    number = cycle(p)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", text(title))
    if zone is not None:
        from revmentor.views.exporters.ics_zone import vtimezone

        cal.add_component(vtimezone(zone.key, h.start, h.end))
    out = _Builder(cal, options, stamp)

    start = datetime.combine(h.start, options.at, tzinfo=zone)
    last_moment = datetime.combine(h.end, time(23, 59, 59), tzinfo=zone)
    # RFC 5545: with a zoned start, UNTIL is given in UTC; with a floating one, floating.
    until = last_moment.astimezone(timezone.utc) if zone else last_moment
    rule = recurrence(p, until)
    if rule is not None:
        sessions = _session(p, slug, uid(slug, "sessions", number), start, title, options)
        sessions.add("rrule", rule)
        out.add(sessions)
    else:
        planned = hz.planned_dates(h, p.ground_rules.frequency)
        for i, day in enumerate(planned, start=1):
            at = datetime.combine(day, options.at, tzinfo=zone)
            key = uid(slug, f"session-{i}", number)
            out.add(_session(p, slug, key, at, f"{title} ({i} of {len(planned)})", options))

    if h.midpoint_review:
        _all_day(
            out,
            uid(slug, "midpoint", number),
            h.midpoint_review,
            f"{MIDPOINT}: {_names(p)}",
            MIDPOINT_NOTE,
            options.reminders,
        )
    _all_day(out, uid(slug, "horizon-end", number), h.end, f"{END}: {_names(p)}", END_NOTE, ())
    return cal, out.stamps


def render_calendar(pairing: Pairing, slug: str, options: Options) -> tuple[str, dict[str, Stamp]]:
    cal, stamps = build(pairing, slug, options)
    data: bytes = cal.to_ical()
    return data.decode("utf-8"), stamps


def render(pairing: Pairing, slug: str, options: Options) -> str:
    return render_calendar(pairing, slug, options)[0]

"""A VTIMEZONE block written the way calendar clients expect it: yearly RRULEs.

The zone database knows each clock change as one instant; calendar libraries that write
those instants as RDATE lists produce blocks that Mozilla's ical.js and vobject misread.
Here the changes of the years around the pairing are grouped into the yearly rule they
follow ("last Sunday of March at 01:00"), one STANDARD and one DAYLIGHT block with an
RRULE each, as Outlook, Google and Apple write them. A change that follows no weekday
rule (a one-off decree) gets a block of its own with a single DTSTART, which every
client reads the same.
"""

from __future__ import annotations

import calendar as month_lengths
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from icalendar import Component, Timezone

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_HOUR = timedelta(hours=1)
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Change:
    """One clock change: the wall time it happens at (in the offset before it)."""

    local: datetime  # naive, in `before`
    before: timedelta
    after: timedelta
    daylight: bool
    name: str

    @property
    def rule(self) -> tuple[int, str]:
        """(month, BYDAY) naming this change's day as a weekday of its month."""
        day = self.local.day
        last = month_lengths.monthrange(self.local.year, self.local.month)[1]
        weekday = DAYS[self.local.weekday()]
        which = "-1" if day + 7 > last else str((day - 1) // 7 + 1)
        return self.local.month, which + weekday

    @property
    def key(self) -> tuple[object, ...]:
        return (self.daylight, self.before, self.after, self.local.time(), self.name, self.rule)


def _offset(zone: ZoneInfo, moment: datetime) -> tuple[timedelta, timedelta, str]:
    local = moment.astimezone(zone)
    return local.utcoffset() or timedelta(0), local.dst() or timedelta(0), local.tzname() or ""


def changes(zone: ZoneInfo, first: date, last: date) -> list[Change]:
    """Every change of UTC offset between the two days, found hour by hour, then to the minute."""
    out: list[Change] = []
    moment = datetime(first.year, first.month, first.day, tzinfo=timezone.utc)
    end = datetime(last.year, last.month, last.day, tzinfo=timezone.utc)
    current = _offset(zone, moment)
    step = timedelta(days=1)
    while moment < end:
        ahead = moment + step
        seen = _offset(zone, ahead)
        if seen[0] == current[0]:
            moment, current = ahead, seen
            continue
        # The change lies within (moment, ahead]: narrow it to the minute.
        low, high = moment, ahead
        while high - low > _MINUTE:
            mid = low + (high - low) / 2
            mid = mid.replace(second=0, microsecond=0)
            if mid <= low:
                mid = low + _MINUTE
            if _offset(zone, mid)[0] == current[0]:
                low = mid
            else:
                high = mid
        after = _offset(zone, high)
        wall = (high + current[0]).replace(tzinfo=None)
        out.append(Change(wall, current[0], after[0], after[1] != timedelta(0), after[2]))
        moment, current = high, after
    return out


def _block(change: Change, rrule: dict[str, object] | None) -> Component:
    from icalendar import TimezoneDaylight, TimezoneStandard

    block = TimezoneDaylight() if change.daylight else TimezoneStandard()
    block.add("dtstart", change.local)
    block.add("tzoffsetfrom", change.before)
    block.add("tzoffsetto", change.after)
    if change.name:
        block.add("tzname", change.name)
    if rrule is not None:
        block.add("rrule", rrule)
    return block


def vtimezone(key: str, first: date, last: date) -> Timezone:
    """The VTIMEZONE for `key`, exact for every moment from `first` to `last`."""
    from icalendar import Timezone, TimezoneStandard

    zone = ZoneInfo(key)
    # A year either side: the block then also covers the rule in force at the start.
    begin = date(first.year - 1, 1, 1)
    finish = date(last.year + 2, 1, 1)
    found = changes(zone, begin, finish)
    tz = Timezone()
    tz.add("tzid", key)
    if not found:
        offset, _, name = _offset(zone, datetime(first.year, 1, 1, tzinfo=timezone.utc))
        block = TimezoneStandard()
        block.add("dtstart", datetime(1970, 1, 1))
        block.add("tzoffsetfrom", offset)
        block.add("tzoffsetto", offset)
        if name:
            block.add("tzname", name)
        tz.add_component(block)
        return tz
    groups: dict[tuple[object, ...], list[Change]] = {}
    for change in found:
        groups.setdefault(change.key, []).append(change)
    for members in groups.values():
        years = [c.local.year for c in members]
        yearly = len(members) > 1 and years == list(range(years[0], years[0] + len(years)))
        if not yearly:
            for change in members:
                tz.add_component(_block(change, None))
            continue
        month, byday = members[0].rule
        rule: dict[str, object] = {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": byday}
        if members[-1].local.year < finish.year - 1:
            # The rule stopped within the span: say when, in UTC as RFC 5545 asks.
            stop = members[-1].local - members[-1].before
            rule["UNTIL"] = stop.replace(tzinfo=timezone.utc)
        tz.add_component(_block(members[0], rule))
    return tz

"""Where a pairing stands on a given day: the numbers behind `revmentor status`.

Pure: everything is computed from the pairing and the `today` passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from revmentor.coach import horizon as hz
from revmentor.coach import ratings
from revmentor.coach.steps import open_steps
from revmentor.vocab import FREQUENCY_DAYS, PRINCIPLES

if TYPE_CHECKING:
    from revmentor.model import Goal, Pairing, Session

# A review held up to this many days before the mid-point (or the end) still counts
# for it: people rarely meet on the exact date.
REVIEW_SLACK_DAYS = 7

# The report types are named tuples rather than dataclasses: status runs many times a
# day, and creating these classes as dataclasses cost more than computing a report.


class GoalLine(NamedTuple):
    """One goal: where it started, where it is, and when it was last looked at."""

    id: str
    text: str
    owner: str
    status: str
    baseline: int | None
    latest: int | None
    latest_on: date | None
    ratings: tuple[int, ...]
    days_unrated: int | None  # since the latest rating, or since the goal was set
    gap: str | None = None
    target_date: date | None = None
    target_passed: bool = False

    @property
    def change(self) -> int | None:
        if self.baseline is None or self.latest is None:
            return None
        return self.latest - self.baseline


class PulseLine(NamedTuple):
    """One principle across the sessions that recorded a pulse (None where skipped)."""

    principle: str
    values: tuple[int | None, ...]

    @property
    def rated(self) -> tuple[int, ...]:
        return tuple(v for v in self.values if v is not None)

    @property
    def first(self) -> int | None:
        return next((v for v in self.values if v is not None), None)

    @property
    def last(self) -> int | None:
        return next((v for v in reversed(self.values) if v is not None), None)


class ReviewDue(NamedTuple):
    reason: str  # "midpoint" | "stale" | "end"
    since: date


class AskState(NamedTuple):
    topic: str
    response: str
    asked_on: date | None
    days_waiting: int | None  # only while the reply is pending


class WeakGoal(NamedTuple):
    """An active goal whose wording meets few of its framework's criteria, as recorded."""

    id: str
    met: int
    of: int
    missing: tuple[str, ...]  # the criteria not met, as keys ("experimental")


class GapLine(NamedTuple):
    id: str
    text: str
    priority: str
    covered: bool  # some goal names this gap


class StatusReport(NamedTuple):
    kind: str
    state: str
    concluded_on: date | None
    today: date
    me: str
    partner: str
    situation: str | None  # on-the-job plans: why the plan exists
    context: str
    frequency: str
    interval_days: int
    start: date
    end: date
    midpoint: date | None
    week: int
    total_weeks: int
    progress: float
    days_left: int  # negative once the horizon has passed
    planned_total: int
    expected: int
    held: int  # sessions in the current horizon, up to today
    held_all: int  # every session up to today, earlier cycles included
    last_session: date | None
    days_since_last: int | None
    next_planned: date | None
    session_overdue: bool
    goals: tuple[GoalLine, ...]
    last_review: date | None
    review_due: ReviewDue | None
    pulse: tuple[PulseLine, ...]
    mutual: int
    mutual_of: int
    recent_mutual: int
    recent_of: int
    one_sided: str | None  # "me" or "partner": whose learning goes unrecorded lately
    ask: AskState | None
    gaps: tuple[GapLine, ...]
    next_steps: tuple[str, ...]  # still open, oldest first
    next_steps_from: date | None  # the session of the oldest
    # For the nudges only; `status --json` leaves them out (JSON_LEFT_OUT) so its shape
    # stays the one scripts rely on.
    one_way_run: int = 0  # the latest sessions in a row where one side's learning is missing
    one_way_missing: str | None = None  # "me" or "partner": whose learning those miss
    last_look: date | None = None  # the latest review or session rating of the goals
    weak_goals: tuple[WeakGoal, ...] = ()
    gaps_without_goal: tuple[GapLine, ...] = ()

    @property
    def behind(self) -> int:
        return max(0, self.expected - self.held)

    @property
    def concluded(self) -> bool:
        return self.state == "concluded"

    @property
    def on_the_job(self) -> bool:
        return self.kind == "on-the-job"

    @property
    def started(self) -> bool:
        return self.today >= self.start

    @property
    def ended(self) -> bool:
        return self.today > self.end


# The report's fields that `status --json` does not print.
JSON_LEFT_OUT = ("one_way_run", "one_way_missing", "last_look", "weak_goals", "gaps_without_goal")
# An active goal meeting this many of its criteria or fewer gets a nudge.
WEAK_GOAL_MET = 2

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def short_date(day: date, today: date, *, weekday: bool = False) -> str:
    """'30 Nov' (with the year when it is not today's), the same whatever the locale."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    if day.year != today.year:
        text += f" {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


# How many recent sessions the one-way-learning measure looks at.
RECENT_WINDOW = 4


def past_sessions(p: Pairing, today: date) -> list[Session]:
    """Sessions held up to today, oldest first (a future-dated entry is not held yet)."""
    return sorted((s for s in p.sessions if s.date <= today), key=lambda s: s.date)


def _chart_points(points: Iterable[ratings.RatingPoint]) -> list[tuple[date, int]]:
    """A goal's ratings as points on a chart: a session and a review giving the same
    rating on the same day are one point."""
    out: list[tuple[date, int]] = []
    for r in points:
        if not out or out[-1] != (r.date, r.rating):
            out.append((r.date, r.rating))
    return out


def _goal_set_on(p: Pairing, goal: Goal) -> date:
    created = [h.date for h in goal.history if h.event in ("created", "carried-over")]
    return max(created) if created else max(p.horizon.start, p.created)


def _goal_line(p: Pairing, goal: Goal, today: date, points: list[tuple[date, int]]) -> GoalLine:
    latest_on, latest = points[-1] if points else (None, None)
    since = latest_on or _goal_set_on(p, goal)
    return GoalLine(
        id=goal.id,
        text=goal.text,
        owner=goal.owner,
        status=goal.status,
        baseline=goal.baseline,
        latest=latest,
        latest_on=latest_on,
        ratings=tuple(r for _, r in points),
        days_unrated=max(0, (today - since).days),
        gap=goal.gap,
        target_date=goal.target_date,
        target_passed=(
            goal.status == "active" and goal.target_date is not None and goal.target_date < today
        ),
    )


def _review_due(
    p: Pairing, today: date, last: date | None, look: date | None
) -> ReviewDue | None:
    """Whether a look at the goals is due. `last` is the latest review; `look` the latest
    review or rating of a goal at a session: a rating is a look at the goals, though only
    a review decides what becomes of them at the mid-point and the end."""
    h = p.horizon
    slack = timedelta(days=REVIEW_SLACK_DAYS)

    def seen_since(day: date, seen: date | None) -> bool:
        return seen is not None and seen >= day - slack

    if today >= h.end and not seen_since(h.end, last):
        return ReviewDue("end", h.end)
    midpoint = h.midpoint_review
    if midpoint and today >= midpoint and not seen_since(midpoint, last):
        return ReviewDue("midpoint", midpoint)
    if midpoint and today < midpoint:
        return None  # the mid-point review is the look already planned
    # Goals set at the start count as looked at on the start date.
    reference = look or h.start
    limit = timedelta(days=FREQUENCY_DAYS[p.ground_rules.frequency] * 4)
    if today >= h.start and today - reference > limit:
        return ReviewDue("stale", reference + limit)
    return None


def _one_way_run(recorded: list[Session]) -> tuple[int, str | None]:
    """How many of the latest sessions in a row miss the same side's learning, and whose."""
    run, missing = 0, None
    for s in reversed(recorded):
        mine, theirs = _has(s.i_learned), _has(s.they_learned)
        side = None if mine == theirs else ("me" if theirs else "partner")
        if side is None or (missing is not None and side != missing):
            break
        run, missing = run + 1, side
    return run, missing


def _weak_goals(p: Pairing) -> tuple[WeakGoal, ...]:
    """Active goals that meet WEAK_GOAL_MET criteria or fewer, by their recorded check."""
    out = []
    for g in p.goals:
        flags = g.smart if p.kind == "on-the-job" else g.real
        if g.status != "active" or flags is None:
            continue
        keys = tuple(type(flags).model_fields)
        missing = tuple(k for k in keys if not getattr(flags, k))
        if len(keys) - len(missing) <= WEAK_GOAL_MET:
            out.append(WeakGoal(g.id, len(keys) - len(missing), len(keys), missing))
    return tuple(out)


def _has(text: str) -> bool:
    return bool(text.strip())


def status_report(p: Pairing, today: date) -> StatusReport:
    h = p.horizon
    freq = p.ground_rules.frequency
    interval = FREQUENCY_DAYS[freq]
    past = past_sessions(p, today)
    in_cycle = [s for s in past if s.date >= h.start]
    last = past[-1].date if past else None

    days_since = None if last is None else (today - last).days
    quiet_for = (today - h.start).days if days_since is None else days_since
    overdue = p.state == "active" and today <= h.end and quiet_for > interval

    reviews = sorted(r.date for r in p.reviews if r.date <= today)
    last_review = reviews[-1] if reviews else None
    rated = [s.date for s in past if s.progress]
    look = max([*reviews[-1:], *rated[-1:]], default=None)

    pulses = [rated for rated in (s.pulse.values() for s in past) if rated]
    pulse = tuple(PulseLine(pr, tuple(v.get(pr) for v in pulses)) for pr in PRINCIPLES)
    by_goal = ratings.ratings_by_goal(p, until=today)

    recorded = [s for s in past if _has(s.i_learned) or _has(s.they_learned)]
    both = [s for s in recorded if _has(s.i_learned) and _has(s.they_learned)]
    recent = recorded[-RECENT_WINDOW:]
    recent_both = [s for s in recent if _has(s.i_learned) and _has(s.they_learned)]
    only_me = sum(1 for s in recent if not _has(s.they_learned))
    only_them = sum(1 for s in recent if not _has(s.i_learned))
    run, missing = _one_way_run(recorded)
    one_sided = None
    if only_me > only_them:
        one_sided = "partner"
    elif only_them > only_me:
        one_sided = "me"

    ask = None
    if p.ask is not None:
        waiting = None
        if p.ask.response == "pending" and p.ask.asked_on is not None:
            waiting = max(0, (today - p.ask.asked_on).days)
        ask = AskState(p.ask.topic, p.ask.response, p.ask.asked_on, waiting)

    gaps: tuple[GapLine, ...] = ()
    if p.scan is not None:
        named = {g.gap.strip().lower() for g in p.goals if g.gap}
        gaps = tuple(
            GapLine(g.id, g.text, g.priority, g.id in named or g.text.strip().lower() in named)
            for g in p.scan.gaps
        )

    # Open steps only: one marked done with `revmentor steps done` is not carried over.
    carried = open_steps(p, until=today)

    return StatusReport(
        kind=p.kind,
        state=p.state,
        concluded_on=next((w.date for w in reversed(p.wrap_ups) if w.decision == "conclude"), None)
        if p.state == "concluded"
        else None,
        today=today,
        me=p.me.name,
        partner=p.partner.name,
        situation=p.context.situation if p.context else None,
        context=p.context.description if p.context else "",
        frequency=freq,
        interval_days=interval,
        start=h.start,
        end=h.end,
        midpoint=h.midpoint_review,
        week=min(max(hz.week_of(h, today), 0), hz.total_weeks(h) + 1),
        total_weeks=hz.total_weeks(h),
        progress=hz.progress(h, today),
        days_left=(h.end - today).days,
        planned_total=len(hz.planned_dates(h, freq)),
        expected=hz.expected_by(h, freq, today),
        held=len(in_cycle),
        held_all=len(past),
        last_session=last,
        days_since_last=days_since,
        # A session held today already covers today's slot.
        next_planned=hz.next_planned(
            h, freq, today + timedelta(days=1) if last == today else today
        ),
        session_overdue=overdue,
        goals=tuple(_goal_line(p, g, today, _chart_points(by_goal.get(g.id, ()))) for g in p.goals),
        last_review=last_review,
        review_due=_review_due(p, today, last_review, look) if p.state == "active" else None,
        pulse=pulse,
        mutual=len(both),
        mutual_of=len(past),
        recent_mutual=len(recent_both),
        recent_of=len(recent),
        one_sided=one_sided,
        ask=ask,
        gaps=gaps,
        next_steps=tuple(s.text for s in carried),
        next_steps_from=carried[0].date if carried else None,
        one_way_run=run,
        one_way_missing=missing,
        last_look=look,
        weak_goals=_weak_goals(p),
        gaps_without_goal=tuple(g for g in gaps if not g.covered),
    )

"""The end of a cycle: the look back, and the three decisions (renew, conclude, extend).

Pure functions over a Pairing: no clock, no disk, no prompts. The decisions return a
changed copy; the caller saves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from revmentor.coach.horizon import default_horizon
from revmentor.coach.ratings import latest_rating
from revmentor.errors import BadInput
from revmentor.model import Goal, HistoryEntry, Horizon, Pairing, Session, WrapUp
from revmentor.vocab import PRINCIPLES, WrapDecision

DECISIONS: tuple[WrapDecision, ...] = ("renew", "conclude", "extend")
MAX_WEEKS = 52


@dataclass(frozen=True)
class GoalLook:
    """One goal over the cycle: where it started, where it ended."""

    id: str
    text: str
    owner: str
    status: str
    baseline: int | None
    final: int | None
    carried_over: bool

    @property
    def change(self) -> int | None:
        if self.baseline is None or self.final is None:
            return None
        return self.final - self.baseline


@dataclass(frozen=True)
class Learned:
    date: date
    text: str


@dataclass(frozen=True)
class PulseMove:
    principle: str
    first: int | None
    last: int | None

    @property
    def change(self) -> int | None:
        if self.first is None or self.last is None:
            return None
        return self.last - self.first


@dataclass(frozen=True)
class Retrospective:
    kind: str
    horizon: Horizon
    today: date
    sessions: int
    minutes: int
    goals: list[GoalLook]
    i_learned: list[Learned]
    they_learned: list[Learned]
    pulse: list[PulseMove]

    @property
    def early(self) -> bool:
        """True when the cycle is being closed before its planned end."""
        return self.today < self.horizon.end

    @property
    def days_left(self) -> int:
        return max(0, (self.horizon.end - self.today).days)


# --- the look back ------------------------------------------------------------


def cycle_start(p: Pairing) -> date | None:
    """The first day that belongs to the current cycle, or None for the first cycle.

    After a renewal, sessions and ratings from before the new start belong to the
    previous cycle's story, which has already been told.
    """
    if any(w.decision == "renew" for w in p.wrap_ups):
        return p.horizon.start
    return None


def cycle_sessions(p: Pairing) -> list[Session]:
    start = cycle_start(p)
    sessions = sorted(p.sessions, key=lambda s: s.date)
    return [s for s in sessions if start is None or s.date >= start]


def _carried(goal: Goal) -> HistoryEntry | None:
    return next((h for h in reversed(goal.history) if h.event == "carried-over"), None)


def look_at_goal(p: Pairing, goal: Goal) -> GoalLook:
    carried = _carried(goal)
    # A carried-over goal starts the new cycle from where the last one left it.
    baseline = carried.rating if carried is not None else goal.baseline
    final = latest_rating(p, goal.id)
    return GoalLook(
        id=goal.id,
        text=goal.text,
        owner=goal.owner,
        status=goal.status,
        baseline=baseline,
        final=final,
        carried_over=carried is not None,
    )


def _in_cycle(p: Pairing, goal: Goal) -> bool:
    if goal.status != "retired":
        return True
    start = cycle_start(p)
    retired_on = next((h.date for h in reversed(goal.history) if h.event == "retired"), None)
    # A goal dropped during this cycle is part of its story; one dropped before is not.
    return start is None or (retired_on is not None and retired_on >= start)


def retrospective(p: Pairing, today: date) -> Retrospective:
    sessions = cycle_sessions(p)
    pulse: list[PulseMove] = []
    for principle in PRINCIPLES:
        values = [v for s in sessions if (v := s.pulse.values().get(principle)) is not None]
        pulse.append(
            PulseMove(principle, values[0] if values else None, values[-1] if values else None)
        )
    return Retrospective(
        kind=p.kind,
        horizon=p.horizon,
        today=today,
        sessions=len(sessions),
        minutes=sum(s.minutes or 0 for s in sessions),
        goals=[look_at_goal(p, g) for g in p.goals if _in_cycle(p, g)],
        i_learned=[Learned(s.date, s.i_learned.strip()) for s in sessions if s.i_learned.strip()],
        they_learned=[
            Learned(s.date, s.they_learned.strip()) for s in sessions if s.they_learned.strip()
        ],
        pulse=pulse,
    )


# --- the decisions --------------------------------------------------------------


def _day(day: date) -> date:
    """An equal but separate date object.

    The YAML writer marks one object written twice with an anchor and alias, which the
    reader then refuses; every record made here gets dates of its own.
    """
    return date(day.year, day.month, day.day)


def _copy_horizon(h: Horizon) -> Horizon:
    mid = h.midpoint_review
    return Horizon(start=_day(h.start), end=_day(h.end), midpoint_review=_day(mid) if mid else None)


def _record(
    p: Pairing,
    today: date,
    decision: WrapDecision,
    *,
    worked: str,
    awkward: str,
    weeks: int | None = None,
) -> WrapUp:
    return WrapUp(
        date=_day(today),
        decision=decision,
        weeks=weeks,
        worked=worked.strip(),
        awkward=awkward.strip(),
        previous_horizon=_copy_horizon(p.horizon),
    )


def renewed_horizon(p: Pairing, today: date) -> Horizon:
    """Three more months, from the day after the old end, or from today if that is later."""
    start = _day(max(p.horizon.end + timedelta(days=1), today))
    return default_horizon(start)


def check_carry_over(p: Pairing, ids: Sequence[str]) -> list[str]:
    """The goal ids to carry over, each checked to be an active goal of the pairing."""
    from revmentor.coach.goal_ids import resolve

    active = [g.id for g in p.active_goals()]
    out: list[str] = []
    for typed in ids:
        # A prefix of one goal's id names it; active goals first, so a prefix shared
        # with a retired goal still carries the active one over.
        every = [g.id for g in p.goals]
        pool = active if any(i.startswith(typed) for i in active) else every
        fits = typed not in every and any(i.startswith(typed) for i in pool)
        goal_id = resolve(typed, pool) if fits else typed
        goal = p.goal(goal_id)
        if goal is None:
            raise BadInput(
                f"there is no goal '{goal_id}' to carry over",
                f"Active goals: {', '.join(active) or '(none)'}.",
            )
        if goal.status != "active":
            raise BadInput(
                f"goal '{goal_id}' is {goal.status}, so it cannot be carried over",
                f"Active goals: {', '.join(active) or '(none)'}.",
            )
        if goal_id not in out:
            out.append(goal_id)
    return out


def renew(
    p: Pairing,
    today: date,
    carry_over: Sequence[str] | None = None,
    *,
    worked: str = "",
    awkward: str = "",
) -> Pairing:
    """Another three-month cycle. Active goals not carried over are retired.

    `carry_over` None means every active goal. Sessions, reviews and each goal's history
    stay as they are: the new cycle builds on the old one.
    """
    wanted = [g.id for g in p.active_goals()] if carry_over is None else carry_over
    keep = check_carry_over(p, wanted)
    out = p.model_copy(deep=True)
    record = _record(p, today, "renew", worked=worked, awkward=awkward)
    out.horizon = renewed_horizon(p, today)
    span = f"{out.horizon.start} to {out.horizon.end}"
    for goal in out.goals:
        if goal.status != "active":
            continue
        if goal.id in keep:
            final = look_at_goal(p, goal).final
            goal.history.append(
                HistoryEntry(
                    date=_day(today),
                    event="carried-over",
                    rating=final if final is not None else goal.baseline,
                    reason=f"carried into the cycle {span}",
                )
            )
        else:
            goal.status = "retired"
            goal.history.append(
                HistoryEntry(
                    date=_day(today), event="retired", reason="not carried over at the wrap-up"
                )
            )
    out.state = "active"
    out.wrap_ups.append(record)
    return out


def conclude(p: Pairing, today: date, *, worked: str = "", awkward: str = "") -> Pairing:
    """Mark the pairing concluded: read-only to other commands until reopened."""
    out = p.model_copy(deep=True)
    out.wrap_ups.append(_record(p, today, "conclude", worked=worked, awkward=awkward))
    out.state = "concluded"
    return out


def check_weeks(weeks: int | None) -> int:
    if weeks is None:
        raise BadInput(
            "extending needs a number of weeks", f"From 1 to {MAX_WEEKS}.", field="weeks"
        )
    if not 1 <= weeks <= MAX_WEEKS:
        raise BadInput(
            f"must be between 1 and {MAX_WEEKS}, not {weeks}",
            "For a longer stretch, renew for another three months instead.",
            field="weeks",
        )
    return weeks


def extend(p: Pairing, today: date, weeks: int, *, worked: str = "", awkward: str = "") -> Pairing:
    """Move the end of the horizon by `weeks`; the start and mid-point review stay."""
    weeks = check_weeks(weeks)
    out = p.model_copy(deep=True)
    out.wrap_ups.append(_record(p, today, "extend", worked=worked, awkward=awkward, weeks=weeks))
    moved = _copy_horizon(p.horizon)
    out.horizon = Horizon(
        start=moved.start,
        end=moved.end + timedelta(weeks=weeks),
        midpoint_review=moved.midpoint_review,
    )
    return out


def decide(
    p: Pairing,
    today: date,
    decision: WrapDecision,
    *,
    weeks: int | None = None,
    carry_over: Sequence[str] | None = None,
    worked: str = "",
    awkward: str = "",
) -> Pairing:
    """Apply one of the three decisions."""
    if decision == "renew":
        return renew(p, today, carry_over, worked=worked, awkward=awkward)
    if decision == "extend":
        return extend(p, today, check_weeks(weeks), worked=worked, awkward=awkward)
    return conclude(p, today, worked=worked, awkward=awkward)


def reopen(p: Pairing) -> Pairing:
    """Undo a conclusion. The wrap-up record stays, as part of the pairing's history."""
    if p.state != "concluded":
        raise BadInput("this pairing is not concluded, so there is nothing to reopen")
    out = p.model_copy(deep=True)
    out.state = "active"
    return out

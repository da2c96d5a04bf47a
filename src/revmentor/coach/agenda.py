"""The agenda for the next session (`revmentor prep`). Pure: built from a pairing and a day.

The wording comes from content/starters.yaml; this module decides what goes in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from revmentor.coach import guides
from revmentor.coach.nudges import nudges
from revmentor.coach.status import GoalLine, StatusReport, short_date, status_report
from revmentor.coach.steps import open_steps

if TYPE_CHECKING:
    from revmentor.model import Goal, Pairing

# A target date this close counts as coming up.
TARGET_NEAR_DAYS = 14


@dataclass(frozen=True)
class AgendaGoal:
    id: str
    text: str
    baseline: int | None
    latest: int | None
    reasons: tuple[str, ...]
    practice: tuple[str, ...] = ()
    feedback_from: str | None = None
    target_date: date | None = None


@dataclass(frozen=True)
class Starter:
    stage: str
    stage_label: str
    principle: str
    text: str


@dataclass(frozen=True)
class Reminder:
    label: str
    text: str
    agreed: bool  # False when it suggests agreeing a rule that is still blank


@dataclass(frozen=True)
class Agenda:
    kind: str
    me: str
    partner: str
    today: date
    next_date: date | None
    session_number: int
    planned_total: int
    week: int
    total_weeks: int
    carried: tuple[str, ...]
    carried_from: date | None
    goals: tuple[AgendaGoal, ...]
    starter: Starter | None
    reminders: tuple[Reminder, ...]
    guide: guides.Fit | None = None  # the conversation guide that fits this moment
    # The day each carried-over step was agreed, beside `carried`.
    carried_dates: tuple[date, ...] = ()

    @property
    def on_the_job(self) -> bool:
        return self.kind == "on-the-job"


def stage(r: StatusReport, data: Mapping[str, Any]) -> str:
    """Where the pairing is: 'early', 'mid-point' or 'wrap-up'."""
    st = data["stages"]
    if r.days_left <= st["wrap_up_days"]:
        return "wrap-up"
    if r.progress >= st["mid_from"]:
        return "mid-point"
    return "early"


def focus_principle(r: StatusReport, threshold: int) -> str | None:
    """The principle that most needs care: a falling pulse first, else the lowest one."""
    for n in nudges(r, every=True):
        if n.id == "pulse-falling":
            return n.key
    low = [(line.last, i, line.principle) for i, line in enumerate(r.pulse) if line.last]
    low = [x for x in low if x[0] is not None and x[0] <= threshold]
    return min(low)[2] if low else None


def choose_starter(r: StatusReport, data: Mapping[str, Any]) -> Starter | None:
    where = stage(r, data)
    pool: list[dict[str, str]] = list(data.get(r.kind, {}).get(where, []))
    if not pool:
        return None
    focus = focus_principle(r, data["focus_at_or_below"])
    preferred = [s for s in pool if s["principle"] == focus]
    candidates = preferred or pool
    # Rotating with the sessions held gives each session a fresh starter, reproducibly.
    pick = candidates[r.held_all % len(candidates)]
    text = " ".join(pick["text"].split())
    return Starter(where, data["stages"]["labels"][where], pick["principle"], text)


def _need(
    line: GoalLine, today: date, interval: int, words: Mapping[str, str]
) -> tuple[int, tuple[str, ...]]:
    """How much a goal needs time next session, and why, in words."""
    score = 0
    why: list[str] = []
    if line.target_passed and line.target_date is not None:
        score += 3
        why.append(words["target_passed"].format(target=short_date(line.target_date, today)))
    elif line.target_date is not None and line.target_date - today <= timedelta(TARGET_NEAR_DAYS):
        score += 1
        why.append(words["target_near"].format(target=short_date(line.target_date, today)))
    if line.latest is None:
        score += 3
        why.append(words["never_rated"])
    else:
        days = line.days_unrated or 0
        if days >= 30:
            score += 2
        elif days >= interval:
            score += 1
        if days >= interval:
            why.append(words["unrated"].format(days=days))
        change = line.change
        if change is not None and line.baseline is not None:
            if change < 0:
                score += 3
                why.append(words["below_baseline"].format(baseline=line.baseline))
            elif change == 0:
                score += 2
                why.append(words["no_change"].format(baseline=line.baseline))
            elif change == 1:
                score += 1
                why.append(words["small_change"].format(baseline=line.baseline))
    return score, tuple(why)


def goals_needing_attention(
    p: Pairing, r: StatusReport, data: Mapping[str, Any]
) -> tuple[AgendaGoal, ...]:
    by_id: dict[str, Goal] = {g.id: g for g in p.goals}
    scored: list[tuple[int, int, AgendaGoal]] = []
    for order, line in enumerate(r.goals):
        if line.status != "active":
            continue
        score, why = _need(line, r.today, r.interval_days, data["reasons"])
        goal = by_id[line.id]
        item = AgendaGoal(
            id=line.id,
            text=line.text,
            baseline=line.baseline,
            latest=line.latest,
            reasons=why,
            practice=tuple(goal.practice),
            feedback_from=goal.feedback_from,
            target_date=goal.target_date,
        )
        scored.append((-score, order, item))
    scored.sort(key=lambda x: (x[0], x[1]))
    return tuple(item for _, _, item in scored[: data["goals_shown"]])


def reminders(p: Pairing, r: StatusReport, data: Mapping[str, Any]) -> tuple[Reminder, ...]:
    """The ground rules worth keeping in mind next time, at most three."""
    rules = data["ground_rules"]
    gr = p.ground_rules
    out: list[Reminder] = []
    for key, agreed in (("confidentiality", gr.confidentiality), ("feedback", gr.feedback)):
        spec = rules[key]
        if agreed.strip():
            out.append(Reminder(spec["label"], agreed.strip(), True))
        else:
            out.append(Reminder(spec["label"], " ".join(spec["missing"].split()), False))
    fired = {n.id for n in nudges(r, every=True)}
    partner = p.partner.name.strip() or "your partner"
    if "sessions-slipping" in fired or r.session_overdue:
        spec = rules["rhythm"]
        text = spec["agreed"].format(
            frequency=gr.frequency, minutes=gr.session_minutes, scheduling=gr.scheduling.strip()
        )
        out.append(Reminder(spec["label"], " ".join(text.split()), True))
    elif "one-way-learning" in fired or not r.on_the_job:
        spec = rules["mutuality"]
        key = "agreed_on_the_job" if r.on_the_job else "agreed"
        text = spec.get(key, spec["agreed"]).format(partner=partner)
        out.append(Reminder(spec["label"], " ".join(text.split()), True))
    return tuple(out[:3])


def agenda(
    p: Pairing, today: date, data: Mapping[str, Any] | None = None, *, slug: str = ""
) -> Agenda:
    if data is None:
        from revmentor import content

        data = content.load("starters.yaml")
    r = status_report(p, today)
    return Agenda(
        kind=p.kind,
        me=p.me.name,
        partner=p.partner.name,
        today=today,
        next_date=r.next_planned,
        session_number=r.held + 1,
        planned_total=r.planned_total,
        week=r.week,
        total_weeks=r.total_weeks,
        carried=r.next_steps,
        carried_from=r.next_steps_from,
        goals=goals_needing_attention(p, r, data),
        starter=choose_starter(r, data),
        reminders=reminders(p, r, data),
        guide=guides.fitting(guides.reader_of(slug, p, r, data)),
        carried_dates=tuple(s.date for s in open_steps(p, until=today)),
    )

"""Coaching nudges: the few suggestions `status` adds when a pairing starts to drift.

The rules' order, thresholds and wording live in content/nudges.yaml; this module only
decides which apply. Pure: it works from a StatusReport, whose `today` is fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from revmentor.coach.status import GoalLine, StatusReport, short_date, status_report

if TYPE_CHECKING:
    from revmentor.model import Pairing


class Nudge(NamedTuple):
    id: str
    tie: str  # "principle" or "ground rule"
    tied_to: str  # as shown, e.g. "open mind", "rhythm"
    text: str
    key: str = ""  # the principle or ground rule as named in the file, e.g. "open_mind"


Facts = dict[str, Any]
# How much of a goal's wording a nudge quotes.
GOAL_WORDS = 48
Check = Callable[[StatusReport, Mapping[str, Any]], Facts | None]


def _partner(r: StatusReport) -> str:
    return r.partner.strip() or "your partner"


def _goal(g: GoalLine) -> Facts:
    """A goal as a nudge names it: its words cut short, and its id."""
    from revmentor.coach.goal_ids import shorten

    return {"goal": shorten(g.text, GOAL_WORDS), "goal_id": g.id}


def _ask_unsent(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    if r.ask is None or r.ask.asked_on is not None or r.ask.response != "pending":
        return None
    return None if r.held_all else {}


def _ask_unanswered(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    if r.ask is None or r.ask.days_waiting is None or r.ask.days_waiting < params["days"]:
        return None
    return {"days": r.ask.days_waiting}


def _sessions_slipping(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    if not r.started or r.ended:
        return None
    quiet = r.days_since_last if r.days_since_last is not None else (r.today - r.start).days
    too_quiet = quiet > r.interval_days * params["quiet_factor"]
    if r.behind < params["behind"] and not too_quiet:
        return None
    facts: Facts = {"held": r.held, "expected": r.expected, "days": quiet}
    if r.last_session is None:
        facts["_text"] = "text_none"
    return facts


def _pulse_falling(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    worst: tuple[int, str, int, int] | None = None
    for line in r.pulse:
        rated = line.rated
        if len(rated) < 2:
            continue
        before = max(rated[-1 - params["window"] : -1])
        drop = before - rated[-1]
        # Ties go to the principle listed first, so the choice never varies.
        if drop >= params["drop"] and (worst is None or drop > worst[0]):
            worst = (drop, line.principle, before, rated[-1])
    if worst is None:
        return None
    _, principle, before, after = worst
    return {"principle": principle, "before": before, "after": after, "_tip": principle}


def _one_way(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    if r.one_way_run < params["min_sessions"]:
        return None
    # The half that is missing decides the question: yours, or your partner's.
    text = "text_mine" if r.one_way_missing == "me" else "text"
    if r.on_the_job:
        text += "_on_the_job"
    return {"run": r.one_way_run, "_text": text}


def _horizon_ending(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    if r.days_left > params["days"]:
        return None
    facts: Facts = {"days_left": r.days_left}
    if r.days_left < 0:
        facts["_text"] = "text_past"
    return facts


def _target_passed(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    late = [g for g in r.goals if g.target_passed and g.target_date is not None]
    if not late:
        return None
    goal = min(late, key=lambda g: (g.target_date or r.today, g.id))
    target = goal.target_date
    if target is None:
        return None
    return {**_goal(goal), "target": short_date(target, r.today)}


def _review_due(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    due = r.review_due
    if due is None or not any(g.status == "active" for g in r.goals):
        return None
    # Once the horizon is over, the wrap-up nudge carries the last look at the goals.
    if due.reason == "end" and r.days_left < 0:
        return None
    reference = r.last_look or r.start
    return {
        "_text": f"text_{due.reason}",
        "since": short_date(due.since, r.today),
        "days": (r.today - reference).days,
    }


def _goal_unrated(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    if not r.started:
        return None
    stale = [
        g
        for g in r.goals
        if g.status == "active" and g.days_unrated is not None and g.days_unrated >= params["days"]
    ]
    if not stale:
        return None
    goal = max(stale, key=lambda g: (g.days_unrated or 0, g.id))
    return {**_goal(goal), "days": goal.days_unrated}


def _goal_weak(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    if not r.weak_goals:
        return None
    goal = min(r.weak_goals, key=lambda g: (g.met, g.id))
    return {
        "goal": goal.id,
        "met": goal.met,
        "of": goal.of,
        "missing": ", ".join(k.replace("_", "-").capitalize() for k in goal.missing),
        "framework": "SMART" if r.on_the_job else "REAL",
    }


def _gap_without_goal(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    # High-priority gaps have their own, earlier nudge (gap-uncovered).
    open_gaps = [g for g in r.gaps_without_goal if g.priority != "high"]
    if not open_gaps or any(g.priority == "high" for g in r.gaps_without_goal):
        return None
    facts: Facts = {"gap": open_gaps[0].text, "priority": open_gaps[0].priority}
    if len(open_gaps) > 1:
        facts.update(_text="text_more", more=len(open_gaps) - 1)
    return facts


def _gap_uncovered(r: StatusReport, params: Mapping[str, Any]) -> Facts | None:
    open_gaps = [g for g in r.gaps if g.priority == "high" and not g.covered]
    if not open_gaps:
        return None
    return {"gap": open_gaps[0].text}


CHECKS: dict[str, Check] = {
    "ask-unsent": _ask_unsent,
    "ask-unanswered": _ask_unanswered,
    "sessions-slipping": _sessions_slipping,
    "pulse-falling": _pulse_falling,
    "one-way-learning": _one_way,
    "horizon-ending": _horizon_ending,
    "target-passed": _target_passed,
    "review-due": _review_due,
    "goal-unrated": _goal_unrated,
    "gap-uncovered": _gap_uncovered,
    "goal-weak": _goal_weak,
    "gap-without-goal": _gap_without_goal,
}


class _Blank(dict[str, str]):
    """Format values: an unknown placeholder stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def rules() -> dict[str, Any]:
    from revmentor import content

    data: dict[str, Any] = content.load("nudges.yaml")
    return data


def nudges(
    r: StatusReport, data: Mapping[str, Any] | None = None, *, every: bool = False
) -> list[Nudge]:
    """The suggestions that apply, in the rules' priority order, at most `max_shown`.

    `every` lifts the limit, for callers that want to know all that applies.
    """
    data = rules() if data is None else data
    if r.concluded:
        return []
    found: list[Nudge] = []
    for rule in data["rules"]:
        if rule.get("kinds") and r.kind not in rule["kinds"]:
            continue
        facts = CHECKS[rule["id"]](r, rule.get("params") or {})
        if facts is None:
            continue
        found.append(_word(r, rule, facts, data))
        if not every and len(found) >= data["max_shown"]:
            break
    return found


def nudges_for(p: Pairing, today: date) -> list[Nudge]:
    return nudges(status_report(p, today))


def _word(r: StatusReport, rule: Mapping[str, Any], facts: Facts, data: Mapping[str, Any]) -> Nudge:
    goals_principle = "smart_goals" if r.on_the_job else "real_goals"
    values = _Blank(
        partner=_partner(r),
        frequency=r.frequency,
        end=short_date(r.end, r.today),
        goals_principle=goals_principle,
    )
    for key, value in facts.items():
        if not key.startswith("_"):
            values[key] = str(value)
    if "principle" in facts:
        values["label"] = data["principles"][facts["principle"]].capitalize()
    values["tip"] = rule.get("tips", {}).get(facts.get("_tip", ""), "")

    key = facts.get("_text", "text")
    if key == "text" and r.on_the_job and "text_on_the_job" in rule:
        key = "text_on_the_job"
    text = " ".join(str(rule[key]).format_map(values).split())

    ((tie, name),) = dict(rule["tied_to"]).items()
    name = str(name).format_map(values)
    text = text[:1].upper() + text[1:]
    if tie == "principle":
        return Nudge(rule["id"], "principle", data["principles"][name], text, name)
    return Nudge(rule["id"], "ground rule", data["ground_rules"][name], text, name)

"""The questions of `revmentor log-session`, for whatever the flags did not answer."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING, Any

from revmentor import prompts
from revmentor.coach import sessions as cs
from revmentor.coach.dates import parse_when
from revmentor.coach.ratings import latest_rating
from revmentor.errors import BadInput
from revmentor.vocab import PRINCIPLES

if TYPE_CHECKING:
    from revmentor.model import Pairing


def _minutes_problem(value: str) -> str | None:
    if not value.strip():
        return None
    try:
        cs.check_minutes(int(value))
    except ValueError:
        return "Type a number of minutes, or leave it empty."
    except BadInput as exc:
        return exc.message
    return None


def _goal_label(pairing: Pairing, goal_id: str, template: str) -> str:
    goal = pairing.goal(goal_id)
    label = template.format(id=goal_id)
    bits = []
    if goal is not None and goal.baseline is not None:
        bits.append(f"baseline {goal.baseline}")
    last = latest_rating(pairing, goal_id)
    if last is not None:
        bits.append(f"last {last}")
    return f"{label} ({', '.join(bits)})" if bits else label


def ask_missing(
    pairing: Pairing, answers: cs.Answers, given: Collection[str], today: date
) -> cs.Answers:
    """Ask, in order, every question whose answer `given` does not name.

    `given` holds the Answers field names that came from flags; the rest is asked.
    Progress and pulse are asked only for the goals and principles not already rated.
    """
    from revmentor import content
    from revmentor.views.session import render_previous_steps

    words: Any = content.load("log_session.yaml")
    q = words["questions"]
    if "date" not in given:
        typed = prompts.date(
            f"{q['date']} ({q['date_hint']})", "today", lambda v: parse_when(v, today)
        )
        answers.date = parse_when(typed, today)
    if "minutes" not in given:
        default = str(pairing.ground_rules.session_minutes)
        typed = prompts.text(q["minutes"], default, check=_minutes_problem)
        answers.minutes = int(typed) if typed else None
    render_previous_steps(cs.open_next_steps(pairing))
    if "topics" not in given:
        answers.topics = prompts.items(q["topics"])
    if "i_learned" not in given:
        answers.i_learned = prompts.text(q["i_learned"])
    if "they_learned" not in given:
        answers.they_learned = prompts.text(q["they_learned"])
    for goal in pairing.active_goals():
        if goal.id in answers.progress:
            continue
        value = prompts.rating(_goal_label(pairing, goal.id, q["progress"]))
        if value is not None:
            answers.progress[goal.id] = value
    missing = [p for p in PRINCIPLES if p not in answers.pulse]
    # A quick log should cost one keypress for the whole pulse, not four skips.
    if missing and (answers.pulse or prompts.confirm(q["pulse_offer"], default=True)):
        for principle in missing:
            value = prompts.rating(words["pulse"][principle], scale="pulse")
            if value is not None:
                answers.pulse[principle] = value
    if "next_steps" not in given:
        answers.next_steps = prompts.items(q["next_steps"])
    if "private_note" not in given:
        answers.private_note = prompts.text(
            q["private_note"], instruction=f"({q['private_note_hint']})"
        )
    return answers

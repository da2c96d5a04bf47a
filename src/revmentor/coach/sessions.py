"""Logging a session: reading the answers, what to warn about, where it leaves the pairing.

Pure functions: `today` always comes in as a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from revmentor.coach import horizon as hz
from revmentor.errors import BadInput
from revmentor.vocab import PRINCIPLES, SESSION_MINUTES_MAX

if TYPE_CHECKING:
    from revmentor.model import Pairing, Session


@dataclass
class Answers:
    """Everything a session can hold, as gathered from flags and questions."""

    date: date
    minutes: int | None = None
    topics: list[str] = field(default_factory=list)
    i_learned: str = ""
    they_learned: str = ""
    progress: dict[str, int] = field(default_factory=dict)
    pulse: dict[str, int] = field(default_factory=dict)
    next_steps: list[str] = field(default_factory=list)
    private_note: str | None = None


@dataclass
class Summary:
    """Where the pairing stands once a session is logged."""

    number: int
    planned: int
    next_planned: date | None
    open_next_steps: list[str]
    horizon_end: date


def check_progress(pairing: Pairing, progress: Mapping[str, int]) -> None:
    """Refuse a rating for a goal the pairing does not have."""
    known = [g.id for g in pairing.goals]
    for goal_id in progress:
        if goal_id not in known:
            hint = f"Goal ids: {', '.join(known)}." if known else "This pairing has no goals yet."
            raise BadInput(f"no goal with the id '{goal_id}'", hint, field="progress")


def principle_name(name: str) -> str | None:
    """The model's key for a principle as typed (`open-mind`, `Open_Mind`, `trust`)."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    return key if key in PRINCIPLES else None


def minutes_problem(minutes: int) -> str | None:
    """Why `minutes` cannot be a session's length, or None when it can."""
    if not 1 <= minutes <= SESSION_MINUTES_MAX:
        return f"{minutes} is outside 1 to {SESSION_MINUTES_MAX}"
    return None


def _clean_list(values: Iterable[str]) -> list[str]:
    return [v.strip() for v in values if v.strip()]


def build_session(answers: Answers) -> Session:
    """The new session, checked by the file format; a value it refuses is a BadInput."""
    from revmentor.model import Session, checked

    data: dict[str, Any] = {
        "date": answers.date,
        "minutes": answers.minutes,
        "topics": _clean_list(answers.topics),
        "i_learned": answers.i_learned.strip(),
        "they_learned": answers.they_learned.strip(),
        "progress": dict(answers.progress),
        "pulse": dict(answers.pulse),
        "next_steps": _clean_list(answers.next_steps),
        "private_note": (answers.private_note or "").strip() or None,
    }
    unknown = sorted(set(answers.pulse) - set(PRINCIPLES))
    if unknown:
        raise BadInput(f"pulse.{unknown[0]}: not one of {', '.join(PRINCIPLES)}")
    return checked(Session, data)


def warnings(pairing: Pairing, day: date, today: date) -> list[str]:
    """What looks odd about a session on `day`; logged anyway, but worth a second look."""
    out: list[str] = []
    if day > today:
        out.append(f"{day} is in the future (today is {today}).")
    h = pairing.horizon
    if day < h.start:
        out.append(f"{day} is before the pairing's horizon starts ({h.start}).")
    elif day > h.end:
        out.append(f"{day} is after the pairing's horizon ended ({h.end}).")
    if any(s.date == day for s in pairing.sessions):
        out.append(f"a session on {day} is already logged; this adds a second one.")
    return out


def latest_session(pairing: Pairing) -> Session | None:
    """The session with the latest date; among sessions on one day, the last logged."""
    best: Session | None = None
    for s in pairing.sessions:
        if best is None or s.date >= best.date:
            best = s
    return best


def open_next_steps(pairing: Pairing) -> list[str]:
    """Every next step of the cycle not marked done (`revmentor steps`)."""
    from revmentor.coach.steps import open_steps

    return [s.text for s in open_steps(pairing)]


def summarize(pairing: Pairing, today: date) -> Summary:
    """Session count against the plan, the next planned date and what is still open."""
    gr = pairing.ground_rules
    planned = hz.planned_dates(pairing.horizon, gr.frequency)
    latest = latest_session(pairing)
    # A planned slot already met by a session (today's, say) is not "next" any more.
    floor = latest.date + timedelta(days=1) if latest and latest.date >= today else today
    nxt = next((d for d in planned if d >= floor), None)
    return Summary(
        number=len(pairing.sessions),
        planned=len(planned),
        next_planned=nxt,
        open_next_steps=open_next_steps(pairing),
        horizon_end=pairing.horizon.end,
    )

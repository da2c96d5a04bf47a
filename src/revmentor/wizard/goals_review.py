"""The questions of `revmentor goals review` and of `goals add` without flags.

The wizard only gathers decisions; the coach applies them under the pairing's lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from revmentor import prompts
from revmentor.coach import goals as cg
from revmentor.vocab import Owner

if TYPE_CHECKING:
    from revmentor.coach.verdict import Verdict
    from revmentor.model import Goal, Pairing, RealFlags


@dataclass
class NewGoal:
    text: str
    owner: Owner = "me"
    why: str = ""
    baseline: int | None = None
    real: RealFlags | None = None


@dataclass
class ReviewAnswers:
    decisions: list[cg.GoalDecision] = field(default_factory=list)
    real: dict[str, RealFlags] = field(default_factory=dict)
    new_goals: list[NewGoal] = field(default_factory=list)
    note: str | None = None


def _words() -> Any:
    from revmentor import content

    return content.load("goals.yaml")


def check_wording(text: str) -> Verdict:
    """The REAL verdict of a wording (the checker loads only when a goal is checked)."""
    from revmentor.coach.real import check_real

    return check_real(text)


def _new_wording(goal: Goal) -> tuple[str, RealFlags]:
    """Ask for a new wording until the user accepts it, having seen its REAL verdict."""
    from revmentor.views.goals import render_new_wording

    q = _words()["questions"]
    draft = goal.text
    while True:
        draft = prompts.text(
            q["new_text"],
            draft,
            check=lambda v: None if v.strip() else "Please type the new wording.",
        )
        if draft.strip() == goal.text.strip():
            continue
        verdict = check_wording(draft)
        render_new_wording(verdict)
        if prompts.confirm(q["use_wording"], default=True):
            return draft, cg.real_flags(verdict.checks)


def decide(
    pairing: Pairing, goal: Goal, index: int, total: int
) -> tuple[cg.GoalDecision, RealFlags | None]:
    """Show one goal and ask for its rating and decision (and the REAL flags of a rewording)."""
    from revmentor.views.goals import render_goal_card

    words = _words()
    q = words["questions"]
    render_goal_card(index, total, goal, cg.ratings(pairing, goal.id), check_wording(goal.text))
    rating = prompts.rating(q["rating"].format(id=goal.id))
    choices = [(d, words["decisions"][d]) for d in cg.DECISIONS]
    decision = prompts.select(q["decision"], choices, default="keep")
    d = cg.GoalDecision(goal_id=goal.id, rating=rating)
    real: RealFlags | None = None
    if decision == "reword":
        d.decision = "reword"
        d.text, real = _new_wording(goal)
        d.reason = prompts.text(q["reword_reason"]) or None
    elif decision == "achieved":
        d.decision = "achieved"
        d.reason = prompts.text(q["achieved_reason"]) or None
    elif decision == "retire":
        d.decision = "retire"
        d.reason = prompts.required_text(q["retire_reason"])
    return d, real


def ask_new_goal() -> NewGoal:
    """One new goal: wording (REAL-checked), owner, why, baseline."""
    from revmentor.views.goals import render_new_wording

    words = _words()
    q = words["questions"]
    text = prompts.required_text(q["goal_text"])
    verdict = check_wording(text)
    render_new_wording(verdict)
    owners = [(o, words["owners"][o]) for o in cg.OWNERS]
    owner = cast(Owner, prompts.select(q["owner"], owners, default="me"))
    why = prompts.text(q["why"])
    baseline = prompts.rating(q["baseline"])
    return NewGoal(text, owner, why, baseline, cg.real_flags(verdict.checks))


def ask_new_goals() -> list[NewGoal]:
    q = _words()["questions"]
    added: list[NewGoal] = []
    while prompts.confirm(q["add_another"] if added else q["add"], default=False):
        added.append(ask_new_goal())
    return added


def review_goals(
    pairing: Pairing, goals: Sequence[Goal], answers: ReviewAnswers, *, ask_note: bool = True
) -> None:
    """Walk through `goals`, then offer new goals and a note on the review.

    `answers` fills up as the user goes, so what was decided survives a Ctrl-C.
    """
    for i, goal in enumerate(goals, start=1):
        d, real = decide(pairing, goal, i, len(goals))
        if real is not None:
            answers.real[goal.id] = real
        answers.decisions.append(d)
    answers.new_goals = ask_new_goals()
    if ask_note and (answers.decisions or answers.new_goals):
        answers.note = prompts.text(_words()["questions"]["note"]) or None

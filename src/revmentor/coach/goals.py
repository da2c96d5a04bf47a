"""Goal reviews and quick goal edits, as pure changes to a Pairing.

Every change is recorded twice on purpose: in the goal's own `history` (so a goal tells
its story on its own) and in the review it was decided in (so a review can be read back
as one conversation). Session ratings stay in the sessions; history holds decisions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from revmentor.coach.ratings import RatingPoint, goal_ratings
from revmentor.errors import BadInput
from revmentor.model import Goal, HistoryEntry, Pairing, RealFlags, Review, ReviewEntry
from revmentor.vocab import RATING_MAX, RATING_MIN, SLUG_RE, Decision, Owner

T = TypeVar("T")

DECISIONS: tuple[Decision, ...] = ("keep", "reword", "achieved", "retire")
OWNERS: tuple[Owner, ...] = ("me", "partner", "shared")


class _Check(Protocol):
    @property
    def ok(self) -> bool: ...


def real_flags(checks: Mapping[str, _Check]) -> RealFlags:
    """The REAL self-assessment a wording earns from the automatic check's results."""
    passed = {name.strip().lower().replace("-", "_"): c.ok for name, c in checks.items()}
    return RealFlags(**{k: bool(passed.get(k, False)) for k in RealFlags.model_fields})


@dataclass
class GoalDecision:
    """What was decided about one goal in a review."""

    goal_id: str
    decision: Decision = "keep"
    rating: int | None = None
    text: str | None = None
    reason: str | None = None


def _own(day: date) -> date:
    """A date object of its own for each record.

    The YAML writer marks one object stored in two places with an anchor and an alias
    (`&id001`, `*id001`), which reads badly in a hand-edited file.
    """
    return date.fromordinal(day.toordinal())


def _valid(make: Callable[[], T], what: str) -> T:
    """Build a model object, turning a refusal by the file format into a BadInput."""
    from pydantic import ValidationError

    from revmentor.model import first_problem

    try:
        return make()
    except ValidationError as exc:
        raise BadInput(first_problem(exc, what)) from None


def ratings(pairing: Pairing, goal_id: str) -> list[RatingPoint]:
    """Every rating a goal received, from sessions and reviews, oldest first."""
    return goal_ratings(pairing, goal_id)


def _unknown(pairing: Pairing, goal_id: str) -> BadInput:
    active = [g.id for g in pairing.active_goals()]
    hint = f"Active goals: {', '.join(active)}." if active else "There are no active goals."
    return BadInput(f"no goal with the id '{goal_id}'", hint, field="goal")


def check_decision(pairing: Pairing, d: GoalDecision) -> None:
    """Refuse a decision that cannot be applied, before anything changes."""
    goal = pairing.goal(d.goal_id)
    if goal is None:
        raise _unknown(pairing, d.goal_id)
    if goal.status != "active":
        raise BadInput(
            f"goal '{d.goal_id}' is {goal.status}, so it is not part of a review",
            "Only active goals are reviewed.",
        )
    if d.decision not in DECISIONS:
        raise BadInput(f"'{d.decision}' is not a decision", f"Use one of: {', '.join(DECISIONS)}.")
    if d.rating is not None and not RATING_MIN <= d.rating <= RATING_MAX:
        raise BadInput(f"{d.rating} is outside {RATING_MIN} to {RATING_MAX}", field="rating")
    text = (d.text or "").strip()
    if d.decision == "reword":
        if not text:
            raise BadInput("rewording a goal needs its new wording", field="text")
        if text == goal.text.strip():
            raise BadInput("the new wording is the same as the current one", field="text")
    elif text:
        raise BadInput(
            "a new wording only goes with the decision 'reword'",
            "Decide 'reword', or leave the new wording out.",
            field="text",
        )
    if d.decision == "retire" and not (d.reason or "").strip():
        raise BadInput(
            "retiring a goal needs a reason",
            "For example: 'no longer relevant after the re-org'.",
            field="reason",
        )


def apply_decision(
    pairing: Pairing, d: GoalDecision, today: date, real: RealFlags | None = None
) -> ReviewEntry:
    """Apply one checked decision to its goal and return the review's record of it.

    `real` is the REAL verdict of a new wording; the old self-assessment described the
    old wording, so it is replaced along with it.
    """
    check_decision(pairing, d)
    goal = pairing.goal(d.goal_id)
    if goal is None:  # check_decision refuses an unknown id first
        raise BadInput(f"there is no goal '{d.goal_id}'")
    reason = (d.reason or "").strip() or None
    text = (d.text or "").strip() or None
    history: list[HistoryEntry] = []
    if d.rating is not None:
        history.append(HistoryEntry(date=_own(today), event="rated", rating=d.rating))
    if d.decision == "reword":
        history.append(
            _valid(
                lambda: HistoryEntry(
                    date=_own(today), event="reworded", text=text, previous=goal.text, reason=reason
                ),
                "reword",
            )
        )
    elif d.decision == "achieved":
        history.append(
            _valid(
                lambda: HistoryEntry(date=_own(today), event="achieved", reason=reason), "reason"
            )
        )
    elif d.decision == "retire":
        history.append(
            _valid(lambda: HistoryEntry(date=_own(today), event="retired", reason=reason), "reason")
        )
    entry = _valid(
        lambda: ReviewEntry(
            goal=goal.id, rating=d.rating, decision=d.decision, text=text, reason=reason
        ),
        "review",
    )
    # Everything is validated above, so the goal changes all at once or not at all.
    if d.decision == "reword" and text is not None:
        goal.text = text
        if real is not None:
            goal.real = real
    elif d.decision == "achieved":
        goal.status = "achieved"
    elif d.decision == "retire":
        goal.status = "retired"
    goal.history.extend(history)
    return entry


def apply_review(
    pairing: Pairing,
    decisions: Sequence[GoalDecision],
    today: date,
    *,
    added: Sequence[str] = (),
    note: str | None = None,
    real: dict[str, RealFlags] | None = None,
) -> Review:
    """Apply a whole review to `pairing` and append it to `reviews`.

    Every decision is checked first, so a bad one leaves the pairing untouched.
    `real` maps goal ids to the REAL verdict of their new wording.
    """
    seen: set[str] = set()
    for d in decisions:
        if d.goal_id in seen:
            raise BadInput(f"goal '{d.goal_id}' is decided twice in one review")
        seen.add(d.goal_id)
        check_decision(pairing, d)
    clean_note = (note or "").strip() or None
    review = _valid(
        lambda: Review(date=_own(today), entries=[], added=list(added), note=clean_note), "note"
    )
    for d in decisions:
        review.entries.append(apply_decision(pairing, d, today, (real or {}).get(d.goal_id)))
    pairing.reviews.append(review)
    return review


def new_goal_id(pairing: Pairing, text: str) -> str:
    """A short, readable id from the goal's telling words, unique in the pairing."""
    from revmentor.coach.goal_ids import propose

    return propose(text, (g.id for g in pairing.goals))


def add_goal(
    pairing: Pairing,
    text: str,
    today: date,
    *,
    owner: Owner = "me",
    why: str = "",
    baseline: int | None = None,
    goal_id: str | None = None,
    real: RealFlags | None = None,
) -> Goal:
    """Append a new active goal, its history starting with `created`."""
    text = text.strip()
    if not text:
        raise BadInput("a goal needs its wording", field="text")
    if owner not in OWNERS:
        raise BadInput(
            f"'{owner}' is not an owner", f"Use one of: {', '.join(OWNERS)}.", field="owner"
        )
    if baseline is not None and not RATING_MIN <= baseline <= RATING_MAX:
        raise BadInput(f"{baseline} is outside {RATING_MIN} to {RATING_MAX}", field="baseline")
    if goal_id is None:
        goal_id = new_goal_id(pairing, text)
    elif not SLUG_RE.match(goal_id):
        raise BadInput(
            f"'{goal_id}' cannot be a goal id",
            "Ids use lowercase letters, digits and hyphens, e.g. 'genai-for-ops'.",
            field="id",
        )
    elif pairing.goal(goal_id) is not None:
        raise BadInput(
            f"a goal with the id '{goal_id}' already exists", "Choose another id.", field="id"
        )
    chosen_id = goal_id
    goal = _valid(
        lambda: Goal(
            id=chosen_id,
            text=text,
            owner=owner,
            why=why.strip(),
            real=real or RealFlags(),
            baseline=baseline,
            history=[HistoryEntry(date=_own(today), event="created")],
        ),
        "goal",
    )
    pairing.goals.append(goal)
    return goal

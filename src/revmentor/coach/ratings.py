"""A goal's self-ratings over time, from every place a pairing file records them.

Sessions rate progress; reviews rate it again, and the review's rating also lands in
the goal's history. Every view (status, reviews, export, wrap-up) reads ratings from
here, so they all agree on "latest".
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple

if TYPE_CHECKING:
    from revmentor.model import Pairing

Source = Literal["session", "review"]


class RatingPoint(NamedTuple):
    date: date
    rating: int
    source: Source


def goal_ratings(pairing: Pairing, goal_id: str, until: date | None = None) -> list[RatingPoint]:
    """Every rating of the goal up to `until`, oldest first.

    On one day a review's rating sorts after the session's: it is the considered one.
    A review entry and the history entry it wrote count once.
    """
    return ratings_by_goal(pairing, until, only=goal_id).get(goal_id, [])


def ratings_by_goal(
    pairing: Pairing, until: date | None = None, *, only: str | None = None
) -> dict[str, list[RatingPoint]]:
    """`goal_ratings` of every goal rated anywhere (or of `only`), in one pass over the file."""
    found: dict[str, list[RatingPoint]] = {}
    for s in pairing.sessions:
        for goal_id, rating in s.progress.items():
            if only is None or goal_id == only:
                found.setdefault(goal_id, []).append(RatingPoint(s.date, rating, "session"))
    for review in pairing.reviews:
        for e in review.entries:
            if e.rating is not None and (only is None or e.goal == only):
                found.setdefault(e.goal, []).append(RatingPoint(review.date, e.rating, "review"))
    seen: set[str] = set()
    for goal in pairing.goals:
        if goal.id in seen or only not in (None, goal.id):
            continue
        seen.add(goal.id)  # the first goal of an id is the one `pairing.goal` finds
        for h in goal.history:
            if h.rating is not None:
                found.setdefault(goal.id, []).append(RatingPoint(h.date, h.rating, "review"))
    return {goal_id: _in_order(points, until) for goal_id, points in found.items()}


def _in_order(found: list[RatingPoint], until: date | None) -> list[RatingPoint]:
    if until is not None:
        found = [p for p in found if p.date <= until]
    found.sort(key=lambda p: (p.date, p.source == "review"))
    out: list[RatingPoint] = []
    for point in found:
        if not out or out[-1] != point:
            out.append(point)
    return out


def latest_rating(pairing: Pairing, goal_id: str, until: date | None = None) -> int | None:
    points = goal_ratings(pairing, goal_id, until)
    return points[-1].rating if points else None

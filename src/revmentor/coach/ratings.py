"""A goal's self-ratings over time, from every place a pairing file records them.

Sessions rate progress; reviews rate it again, and the review's rating also lands in
the goal's history. Every view (status, reviews, export, wrap-up) reads ratings from
here, so they all agree on "latest".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from revmentor.model import Pairing

Source = Literal["session", "review"]


@dataclass(frozen=True)
class RatingPoint:
    date: date
    rating: int
    source: Source


def goal_ratings(pairing: Pairing, goal_id: str, until: date | None = None) -> list[RatingPoint]:
    """Every rating of the goal up to `until`, oldest first.

    On one day a review's rating sorts after the session's: it is the considered one.
    A review entry and the history entry it wrote count once.
    """
    found = [
        RatingPoint(s.date, s.progress[goal_id], "session")
        for s in pairing.sessions
        if goal_id in s.progress
    ]
    for review in pairing.reviews:
        found += [
            RatingPoint(review.date, e.rating, "review")
            for e in review.entries
            if e.goal == goal_id and e.rating is not None
        ]
    goal = pairing.goal(goal_id)
    if goal is not None:
        found += [
            RatingPoint(h.date, h.rating, "review") for h in goal.history if h.rating is not None
        ]
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

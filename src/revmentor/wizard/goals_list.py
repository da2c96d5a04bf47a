"""`revmentor goals list`: a pairing's goals with their latest ratings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.store import Store

COMMAND = "revmentor goals list"


def list_goals(
    st: Store, pairing: str | None, *, include_all: bool, as_json: bool, tty: bool
) -> None:
    """The active goals (every goal with `include_all`), as a table or as JSON."""
    from revmentor.coach.ratings import latest_rating, ratings_by_goal

    slug = pick(st, pairing, command=COMMAND, tty=tty)
    p = st.read(slug)
    goals = p.goals if include_all else p.active_goals()
    latest = {g.id: latest_rating(p, g.id) for g in goals}
    history = ratings_by_goal(p)
    # A session and a review giving the same rating on one day are one point in time.
    over_time = {
        g.id: [pt for i, pt in enumerate(points) if i == 0 or points[i - 1][:2] != pt[:2]]
        for g in goals
        for points in [history.get(g.id, [])]
    }
    if as_json:
        from revmentor.views.goals import render_goals_json

        render_goals_json(goals, latest, over_time)
        return
    from revmentor.views.goals import render_goal_table

    render_goal_table(goals, latest, hidden=len(p.goals) - len(goals), over_time=over_time)

"""What the `goals` commands show: a goal under review, the goal table, what was saved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.coach.ratings import RatingPoint
    from revmentor.coach.verdict import Verdict
    from revmentor.model import Goal, Review


def _indented(plain: str, indent: int) -> None:
    """Print `plain` (user text) wrapped, every line indented, so long goals stay readable."""
    import textwrap

    con = out()
    width = max(20, con.width - indent)
    pad = " " * indent
    for line in textwrap.wrap(plain, width=width) or [""]:
        con.print(f"{pad}{esc(line)}")


def words() -> Any:
    from revmentor import content

    return content.load("goals.yaml")


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(point: RatingPoint) -> str:
    label = f"{point.date.day} {MONTHS[point.date.month - 1]}"
    return f"{label}, review" if point.source == "review" else label


def ratings_line(baseline: int | None, points: Sequence[RatingPoint]) -> str:
    start = f"baseline {baseline}" if baseline is not None else "no baseline"
    if not points:
        return f"{start} · not rated yet"
    trail = ", ".join(f"{p.rating} ({_day(p)})" for p in points)
    return f"{start} · ratings so far: {trail}"


def render_intro(slug: str, count: int) -> None:
    from revmentor.plural import plural

    goals = plural(count, "active goal")
    out().print(words()["shown"]["intro"].format(goals=goals, slug=esc(slug)))


def render_goal_card(
    index: int, total: int, goal: Goal, points: Sequence[RatingPoint], verdict: Verdict
) -> None:
    """A goal as it stands before a decision: wording, ratings, and its REAL verdict."""
    from revmentor.views.verdict import render_verdict

    con = out()
    con.print()
    header = words()["shown"]["card"].format(index=index, total=total, id=esc(goal.id))
    con.print(f"[bold]{header}[/] [dim](owner {goal.owner})[/]")
    _indented(goal.text, 2)
    if goal.why:
        _indented(f"why: {goal.why}", 2)
    _indented(ratings_line(goal.baseline, points), 2)
    render_verdict(verdict)


def render_new_wording(verdict: Verdict) -> None:
    from revmentor.views.verdict import render_verdict

    render_verdict(verdict)


def render_unsaved(commands: Sequence[Sequence[str]]) -> None:
    """After Ctrl-C: nothing was saved; the commands that record what was decided."""
    import shlex

    from revmentor.views.console import err

    if not commands:
        return
    err().print(words()["shown"]["unsaved"], highlight=False)
    for command in commands:
        err().print(esc(shlex.join(command)), soft_wrap=True, highlight=False)


def render_nothing_to_review(*, has_active: bool) -> None:
    out().print(esc(words()["shown"]["nothing" if has_active else "no_active"]))


def render_review_saved(slug: str, review: Review) -> None:
    con = out()
    con.print(words()["shown"]["saved"].format(date=review.date, slug=esc(slug)))
    for entry in review.entries:
        rating = f", rated {entry.rating}" if entry.rating is not None else ""
        reason = f": {entry.reason}" if entry.reason else ""
        _indented(f"- {entry.goal}: {entry.decision}{rating}{reason}", 2)
        if entry.text:
            _indented(f"now: {entry.text}", 6)
    for goal_id in review.added:
        con.print(f"  - {esc(goal_id)}: added")


def render_goal_added(slug: str, goal: Goal, verdict: Verdict | None) -> None:
    from revmentor.views.verdict import render_verdict

    con = out()
    con.print(words()["shown"]["added"].format(id=esc(goal.id), slug=esc(slug)))
    _indented(goal.text, 2)
    if verdict is not None:
        render_verdict(verdict)


def render_nothing_added() -> None:
    out().print(esc(words()["shown"]["nothing_added"]))


def render_goal_table(
    goals: Sequence[Goal],
    latest: dict[str, int | None],
    hidden: int = 0,
    over_time: Mapping[str, Sequence[RatingPoint]] | None = None,
) -> None:
    """The goals as a table; `hidden` counts the achieved and retired ones left out.

    With `over_time`, each goal's ratings show as a sparkline, oldest first, beside the
    latest (`--json` gives them with their dates).
    """
    con = out()
    if not goals:
        con.print(words()["shown"]["none_active" if hidden else "none"].format(hidden=hidden))
        return
    from rich.table import Table

    from revmentor.views.status import spark

    table = Table(box=None, pad_edge=False, header_style="bold")
    columns = ["id", "owner", "status", "baseline", "latest"]
    if over_time is not None:
        columns.append("ratings")
    for col in (*columns, "goal"):
        table.add_column(col, no_wrap=col != "goal")
    for g in goals:
        last = latest.get(g.id)
        cells = [
            esc(g.id),
            g.owner,
            g.status if g.status == "active" else f"[dim]{g.status}[/]",
            "-" if g.baseline is None else str(g.baseline),
            "-" if last is None else str(last),
        ]
        if over_time is not None:
            points = over_time.get(g.id, ())
            shown = spark([pt.rating for pt in points[-RATINGS_SHOWN:]])
            cells.append(("…" if len(points) > RATINGS_SHOWN else "") + shown or "-")
        table.add_row(*cells, esc(g.text))
    con.print(table)


# How many of a goal's latest ratings its row shows.
RATINGS_SHOWN = 6


def render_goals_json(
    goals: Sequence[Goal],
    latest: dict[str, int | None],
    over_time: Mapping[str, Sequence[RatingPoint]] | None = None,
) -> None:
    import json
    import sys

    rows = []
    for g in goals:
        row: dict[str, Any] = {
            "id": g.id,
            "owner": g.owner,
            "status": g.status,
            "baseline": g.baseline,
            "latest_rating": latest[g.id],
            "text": g.text,
            "real": g.real.model_dump(),
        }
        if over_time is not None:
            row["ratings"] = [
                {"date": pt.date.isoformat(), "rating": pt.rating, "from": pt.source}
                for pt in over_time.get(g.id, ())
            ]
        rows.append(row)
    sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")

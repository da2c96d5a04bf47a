"""What `revmentor log-session` shows: warnings, then where the pairing now stands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from revmentor.coach.dates import WEEKDAYS
from revmentor.views.console import err, out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.coach.sessions import Summary
    from revmentor.model import Session


def words() -> Any:
    from revmentor import content

    return content.load("log_session.yaml")


def render_warnings(warnings: Sequence[str]) -> None:
    label = words()["shown"]["warning"]
    for warning in warnings:
        err().print(f"[yellow]{label}:[/] {esc(warning)}")


def render_unsaved(command: Sequence[str]) -> None:
    """After Ctrl-C: nothing was saved, and the command that would save what was typed."""
    import shlex

    err().print(words()["shown"]["unsaved"], highlight=False)
    err().print(esc(shlex.join(command)), soft_wrap=True, highlight=False)


def render_logged(slug: str, session: Session, summary: Summary, frequency: str) -> None:
    shown = words()["shown"]
    con = out()
    con.print(shown["logged"].format(date=session.date, slug=esc(slug)))
    key = "count" if summary.number <= summary.planned else "count_beyond"
    con.print(
        shown[key].format(
            number=summary.number,
            planned=summary.planned,
            frequency=frequency,
            end=summary.horizon_end,
        )
    )
    if summary.next_planned is not None:
        nxt = summary.next_planned
        con.print(shown["next"].format(date=nxt, weekday=WEEKDAYS[nxt.weekday()].capitalize()))
    else:
        con.print(shown["horizon_over"])
    if summary.open_next_steps:
        con.print(f"[bold]{shown['open_steps']}[/]")
        for step in summary.open_next_steps:
            con.print(f"  - {esc(step)}")
        con.print(shown["steps_hint"].format(slug=esc(slug)))
    else:
        con.print(shown["no_steps"])

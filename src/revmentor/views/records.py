"""What `revmentor ask`, `steps` and `sessions` print."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.table import Column, Table
from rich.text import Text

from revmentor.coach.status import short_date
from revmentor.views.console import out
from revmentor.views.text import clean, esc

if TYPE_CHECKING:
    from revmentor.coach.steps import Step
    from revmentor.model import Ask


def words() -> Any:
    from revmentor import content

    return content.load("records.yaml")


def render_ask(
    slug: str, ask: Ask | None, today: date, *, saved: bool = False, advise: bool = False
) -> None:
    w = words()["ask"]
    shown = w["shown"]
    con = out()
    if ask is None:
        con.print(shown["none"].format(slug=esc(slug)))
        return
    if saved:
        con.print(shown["saved"].format(slug=esc(slug)))
    if ask.topic.strip():
        con.print(f"[bold]{shown['topic']}:[/] {esc(ask.topic)}")
    sent = short_date(ask.asked_on, today) if ask.asked_on else shown["not_sent"]
    con.print(f"[bold]{shown['sent']}:[/] {sent}")
    answer = w["responses"][ask.response]
    if ask.answered_on is not None:
        answer += f" ({short_date(ask.answered_on, today)})"
    elif ask.response == "pending" and ask.asked_on is not None:
        answer += f" ({(today - ask.asked_on).days} days since it went out)"
    con.print(f"[bold]{shown['response']}:[/] {answer}")
    if advise and (ask.asked_on is not None or ask.response != "pending"):
        con.print(" ".join(shown[f"{ask.response}_next"].split()))


def render_steps(slug: str, steps: Sequence[Step], today: date, *, include_done: bool) -> None:
    shown = words()["steps"]["shown"]
    con = out()
    if not steps:
        con.print(shown["none"].format(slug=esc(slug)))
        con.print(shown["none_hint"])
        return
    first = steps[0]
    key = "heading_all" if include_done else "heading"
    con.print(
        Text(
            shown[key].format(
                slug=clean(slug), session=first.session, date=short_date(first.date, today)
            ),
            "bold",
        )
    )
    grid = Table.grid(Column(justify="right"), Column(overflow="fold"), padding=(0, 2, 0, 0))
    for s in steps:
        text = Text(clean(s.text))
        if s.done:
            text.append("  (done)", style="dim")
        grid.add_row(Text(f"{s.number}."), text)
    con.print(grid)
    if any(not s.done for s in steps):
        con.print(Text(shown["close_hint"].format(slug=clean(slug)), "dim"))


def steps_json(slug: str, steps: Sequence[Step]) -> None:
    import json

    data = [
        {
            "number": s.number,
            "text": s.text,
            "done": s.done,
            "session": s.session,
            "date": s.date.isoformat(),
        }
        for s in steps
    ]
    print(json.dumps({"slug": slug, "steps": data}, indent=2, ensure_ascii=False))


def render_marked(slug: str, chosen: Sequence[Step], changed: int, *, done: bool) -> None:
    shown = words()["steps"]["shown"]
    con = out()
    if not chosen:
        con.print(shown["nothing"])
        return
    if not changed:
        which = ", ".join(str(s.number) for s in chosen)
        state = "done" if done else "open"
        con.print(shown["unchanged"].format(slug=esc(slug), which=which, state=state))
        return
    con.print(shown["done" if done else "reopened"].format(slug=esc(slug)))
    for s in chosen:
        con.print(Text(f"  {s.number}. {clean(s.text)}"))

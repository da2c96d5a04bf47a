"""What `revmentor ask`, `steps` and `sessions` print."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from revmentor.coach.status import short_date
from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
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

"""What the goal builder shows: the sentence it composed from the person's answers."""

from __future__ import annotations

from revmentor.views.console import out
from revmentor.views.text import esc


def render_built(text: str) -> None:
    from revmentor import content

    con = out()
    con.print(f"\n{esc(content.load('builder.yaml')['shown']['composed'])}")
    con.print(f"  [bold]{esc(text)}[/]")

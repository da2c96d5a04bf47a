"""The table behind `revmentor list`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.errors import InvalidFile
from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.model import Pairing


def render_list(rows: list[tuple[str, Pairing | InvalidFile]]) -> None:
    con = out()
    if not rows:
        con.print("No pairings yet. Start one with: [bold]revmentor start[/]")
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in ("pairing", "partner", "kind", "horizon", "sessions", "state"):
        table.add_column(col)
    for slug, item in rows:
        if isinstance(item, InvalidFile):
            table.add_row(esc(slug), "[red]invalid file[/]", "", "", "", "see `revmentor doctor`")
            continue
        state = "[dim]concluded[/]" if item.state == "concluded" else "active"
        if item.archived:
            state += ", [dim]archived[/]"
        table.add_row(
            esc(slug),
            esc(item.partner.name or "-"),
            "on-the-job" if item.kind == "on-the-job" else "reverse",
            f"{item.horizon.start} → {item.horizon.end}",
            str(len(item.sessions)),
            state,
        )
    con.print(table)

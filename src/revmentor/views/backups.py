"""The backups list behind `revmentor restore`, and what a restore did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.backups import Backup


def when(backup: Backup) -> str:
    return backup.taken.strftime("%Y-%m-%d %H:%M") if backup.taken else "time unknown"


def render_backups(slug: str, found: list[Backup], *, exists: bool) -> None:
    con = out()
    if not found:
        con.print(f"'{esc(slug)}' has no backups yet: each change keeps the version before it.")
        return
    if not exists:
        con.print(f"'{esc(slug)}' has been deleted; its backups are kept.")
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in ("N", "taken", "kept before"):
        table.add_column(col)
    for b in found:
        table.add_row(str(b.number), when(b), esc(b.command) if b.command else "[dim]-[/]")
    con.print(table)
    con.print(f"\nPut one back: [bold]revmentor restore {esc(slug)} N[/]")


def render_restored(slug: str, backup: Backup, *, changed: bool, replaced: bool) -> None:
    con = out()
    if not changed:
        con.print(f"'{esc(slug)}' already holds backup {backup.number}; nothing changed.")
        return
    con.print(f"Put back backup {backup.number} of '{esc(slug)}' ({when(backup)}).")
    if replaced:
        again = f"revmentor undo {esc(slug)}"
        con.print(f"The version it replaced is kept as a backup; [bold]{again}[/] returns to it.")

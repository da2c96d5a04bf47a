"""A goal check's verdict on the terminal: one line per criterion, hints under failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.coach.verdict import Verdict


def criterion_name(key: str) -> str:
    """'learning_based' -> 'Learning-based', 'time_bound' -> 'Time-bound'."""
    return key.replace("_", "-").capitalize()


def render_verdict(verdict: Verdict) -> None:
    from rich.table import Table

    # A grid keeps long reasons and hints wrapping under their own column.
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for key, check in verdict.checks.items():
        mark = "[green]✓[/]" if check.ok else "[red]✗[/]"
        grid.add_row(mark, f"[bold]{criterion_name(key)}[/]", esc(check.why))
        if not check.ok and check.suggestion:
            grid.add_row("", "", f"[dim]→[/] {esc(check.suggestion)}")
    out().print(grid)


def render_check(framework: str, verdict: Verdict, note: str | None = None) -> None:
    """`check-goal`'s page: the wording, its verdict, and a rewrite when it falls short;
    `note` says what to bear in mind about the verdict (a goal in another language)."""
    con = out()
    con.print(f"[bold]{framework} check:[/] {esc(verdict.text.strip())}")
    render_verdict(verdict)
    if note:
        con.print(f"\n[yellow]{esc(note)}[/]")
    total, failed = len(verdict.checks), verdict.failed()
    if not failed:
        con.print(f"\nAll {total} met.")
        return
    first = next(k for k in failed if verdict.checks[k].suggestion == verdict.suggestion)
    con.print(
        f"\n{total - len(failed)} of {total} met. Reword it, starting with "
        f"{criterion_name(first)}, and check again."
    )
    if verdict.rewrite:
        con.print(f"\n[bold]Try:[/] {esc(verdict.rewrite)}")
        note = "Fill in what is in [brackets]; the rest keeps your own words where they fit."
        con.print(f"[dim]{esc(note)}[/]")

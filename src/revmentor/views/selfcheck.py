"""The self-check result and its history, in the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.coach.selfcheck import Outcome, Part
    from revmentor.model import SelfCheckLog

BAR_WIDTH = 10


def bar(score: float) -> str:
    filled = round(score / 5 * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def _change(delta: float | None) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return "  [dim](no change)[/]"
    return f"  ({'+' if delta > 0 else ''}{delta:.1f} since last time)"


def part_header(part: Part) -> None:
    out().print(f"\n[bold]{esc(part.label)}[/]: {esc(part.about)}")


def render_intro(text: str) -> None:
    out().print(esc(" ".join(text.split())))


def render_outcome(parts: list[Part], outcome: Outcome) -> None:
    con = out()
    result = outcome.result
    con.print(f"\n[bold underline]Mentoring Essentials self-check, {result.date}[/]")
    width = max(len(p.label) for p in parts)
    for part in parts:
        score = result.scores[part.id]
        mark = "  [bold]← weakest[/]" if part.id == outcome.weakest.id else ""
        con.print(
            f"  {esc(part.label).ljust(width)}  {bar(score)}  {score:.1f}/5"
            f"{_change(outcome.change(part.id))}{mark}"
        )
    from rich.padding import Padding

    con.print(f"\n[bold]Next step ({esc(outcome.weakest.label.lower())})[/]:")
    con.print(Padding(esc(result.next_step), (0, 0, 0, 2), expand=False))
    if outcome.previous is None:
        con.print("\n[dim]Saved. Run it again later to see what has changed.[/]")
    else:
        con.print(f"\n[dim]Saved. Compared with your check of {outcome.previous.date}.[/]")


def render_history(parts: list[Part], log: SelfCheckLog) -> None:
    con = out()
    if not log.results:
        con.print("No self-checks yet. Take one with: [bold]revmentor self-check[/]")
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("date")
    known = {p.id for p in parts}
    extra = sorted({k for r in log.results for k in r.scores if k not in known})
    labels = [(p.id, p.label.lower()) for p in parts] + [(k, k) for k in extra]
    for _, label in labels:
        table.add_column(esc(label), justify="right")
    table.add_column("weakest")
    for r in log.results:
        cells = [f"{r.scores[k]:.1f}" if k in r.scores else "-" for k, _ in labels]
        weakest = min(labels, key=lambda kl: r.scores.get(kl[0], 6.0))[1] if r.scores else "-"
        table.add_row(str(r.date), *cells, esc(weakest))
    con.print(table)
    last = log.results[-1]
    if last.next_step:
        from rich.padding import Padding

        con.print(f"\n[bold]Your latest next step[/] ({last.date}):")
        con.print(Padding(esc(last.next_step), (0, 0, 0, 2), expand=False))

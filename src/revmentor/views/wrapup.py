"""The look back at a cycle, and what the wrap-up decided."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revmentor.coach.goal_ids import goal_label
from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from rich.table import Table

    from revmentor.coach.wrapup import Learned, Retrospective
    from revmentor.model import Pairing, WrapUp


def _signed(value: int | None) -> str:
    if value is None:
        return "-"
    return f"+{value}" if value > 0 else str(value)


def _num(value: int | None) -> str:
    return "-" if value is None else str(value)


def _table(*columns: str) -> Table:
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold", show_header=bool(columns))
    for col in columns:
        table.add_column(col)
    return table


# A long pairing logs thousands of lines; the latest few are what a look back needs.
LEARNED_SHOWN = 8


def _learned(title: str, items: list[Learned], empty: str, earlier: str) -> None:
    con = out()
    con.print(f"\n[bold]{title}[/]")
    if not items:
        con.print(f"  [dim]{empty}[/]")
        return
    table = _table()
    table.add_column(no_wrap=True)
    table.add_column()
    for item in items[-LEARNED_SHOWN:]:
        table.add_row(f"  {item.date}", esc(item.text))
    con.print(table)
    hidden = len(items) - LEARNED_SHOWN
    if hidden > 0:
        con.print(f"  [dim]{esc(earlier.format(count=f'{hidden:,}'))}[/]")


def render_retrospective(slug: str, retro: Retrospective, words: dict[str, Any]) -> None:
    con = out()
    h = retro.horizon
    when = f"{retro.days_left} days left" if retro.early else "the cycle has ended"
    con.print(f"[bold underline]Wrap-up: {esc(slug)}[/]")
    con.print(
        f"Cycle {h.start} → {h.end} ({when}); {retro.sessions} session"
        f"{'s' if retro.sessions != 1 else ''} logged."
    )

    con.print("\n[bold]Goals[/]: self-rating at the start of the cycle and now (1-5)")
    if not retro.goals:
        con.print("  [dim]No goals were set.[/]")
    else:
        table = _table("  goal", "owner", "start", "now", "change", "status")
        table.columns[0].no_wrap = True  # a goal's label is already cut to fit
        # What the other five columns leave of the line.
        room = max(20, con.width - 58)
        for g in retro.goals:
            table.add_row(
                f"  {esc(goal_label(g.text, g.id, room))}",
                g.owner,
                _num(g.baseline),
                _num(g.final),
                _signed(g.change),
                g.status + (" (carried over)" if g.carried_over else ""),
            )
        con.print(table)

    earlier = words["hints"]["earlier_learned"]
    _learned("What I learned", retro.i_learned, "Nothing noted in the log.", earlier)
    _learned("What my partner learned", retro.they_learned, "Nothing noted in the log.", earlier)
    if retro.i_learned and not retro.they_learned:
        con.print(f"  [dim]{esc(words['hints']['one_sided'])}[/]")

    con.print("\n[bold]How the pulse moved[/] (first session → last)")
    labels = words["principles"]
    if not any(m.first is not None for m in retro.pulse):
        con.print("  [dim]No pulse ratings in the log.[/]")
    else:
        table = _table()
        for _ in range(3):
            table.add_column()
        for m in retro.pulse:
            span = "-" if m.first is None else f"{m.first} → {m.last}"
            table.add_row(f"  {labels[m.principle]}", span, _signed(m.change))
        con.print(table)


def render_decision(slug: str, p: Pairing, record: WrapUp, words: dict[str, Any]) -> None:
    con = out()
    h = p.horizon
    done = words["decisions"][record.decision]["done"].format(
        start=h.start,
        end=h.end,
        midpoint=h.midpoint_review or "-",
        weeks=record.weeks,
        slug=slug,
    )
    con.print(f"\n[bold]{esc(done)}[/]")
    if record.decision == "renew":
        carried = [
            g
            for g in p.goals
            if g.history
            and g.history[-1].event == "carried-over"
            and g.history[-1].date == record.date
        ]
        retired = [
            g
            for g in p.goals
            if g.history and g.history[-1].event == "retired" and g.history[-1].date == record.date
        ]
        if carried:
            con.print("Carried over: " + "; ".join(esc(goal_label(g.text, g.id)) for g in carried))
        if retired:
            con.print("Retired: " + "; ".join(esc(goal_label(g.text, g.id)) for g in retired))
        con.print(f"[dim]{esc(words['hints']['renewed_goals'])}[/]")


def render_story_written(path: str, with_names: bool, with_roles: bool = False) -> None:
    names = "with your names" if with_names else "names left out"
    roles = "with your roles" if with_roles else "roles left out"
    # soft_wrap: a long path must stay in one piece to be copied.
    out().print(f"Story written ({names}, {roles}): {esc(path)}", soft_wrap=True)


def render_reopened(slug: str) -> None:
    out().print(f"Reopened '{esc(slug)}': it is active again and can change.")

"""What `revmentor start` shows: step intros, the summary of the plan, the closing lines.

The summary numbers its sections like the wizard's steps, so "go back to step 3" points
at what the user sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.model import Goal, GroundRules, Pairing, Person

REAL_LETTERS = (
    ("relevant", "R"),
    ("experimental", "E"),
    ("aspirational", "A"),
    ("learning_based", "L"),
)
SMART_LETTERS = (
    ("specific", "S"),
    ("measurable", "M"),
    ("achievable", "A"),
    ("relevant", "R"),
    ("time_bound", "T"),
)


def indented(markup: str, indent: int) -> None:
    """A line indented by `indent`, wrapping under itself rather than at the margin."""
    from rich.padding import Padding
    from rich.text import Text

    out().print(Padding(Text.from_markup(markup, emoji=False), (0, 0, 0, indent), expand=False))


def ground_rule_notes(gr: GroundRules) -> list[str]:
    """The ground rules agreed in words, as 'label: text' markup, left out when blank."""
    return [
        f"{label}: {esc(value)}"
        for label, value in (
            ("between sessions", gr.between_sessions),
            ("confidentiality", gr.confidentiality),
            ("feedback", gr.feedback),
            ("scheduling", gr.scheduling),
        )
        if value
    ]


def _bullet(markup: str, indent: int) -> None:
    """'- ' then `markup`, its lines wrapping under the text rather than under the dash."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row("- ", Text.from_markup(markup, emoji=False))
    out().print(Padding(grid, (0, 0, 0, indent), expand=False))


def bullet(markup: str, indent: int) -> None:
    """'- ' then `markup`, `indent` cells in, wrapping under the text."""
    _bullet(markup, indent)


def field(label: str, markup: str, indent: int = 0) -> None:
    """'label: value', the value's lines wrapping under the value, not at the margin."""
    hanging(f"{label}: ", markup, indent)


def hanging(lead: str, markup: str, indent: int = 0) -> None:
    """`lead` (markup) then `markup`, whose lines wrap under their own start."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(Text.from_markup(lead, emoji=False), Text.from_markup(markup, emoji=False))
    out().print(Padding(grid, (0, 0, 0, indent), expand=False))


def render_intro(title: str, lines: Sequence[str]) -> None:
    from rich.text import Text

    con = out()
    con.print()
    con.print(Text(title, style="bold"))
    for line in lines:
        con.print(Text(line, style="dim"))


def render_note(text: str) -> None:
    """`text` as written, each line wrapping under its own indent."""
    for line in text.split("\n"):
        body = line.lstrip(" ")
        if body:
            indented(esc(body), len(line) - len(body))
        else:
            out().print()


def render_goals_so_far(goals: Sequence[dict[str, object]]) -> None:
    con = out()
    con.print("Your goals so far:")
    for goal in goals:
        _bullet(f"{esc(str(goal.get('text', '')))}", 2)


def short_date(day: date) -> str:
    return f"{day.day} {day.strftime('%b')}"


def _flags(goal: Goal, smart: bool) -> str:
    if smart:
        if goal.smart is None:
            return ""
        return "SMART " + " ".join(
            f"{letter}{'✓' if getattr(goal.smart, key) else '✗'}" for key, letter in SMART_LETTERS
        )
    return "REAL " + " ".join(
        f"{letter}{'✓' if getattr(goal.real, key) else '✗'}" for key, letter in REAL_LETTERS
    )


def _person(person: Person) -> str:
    bits = [person.name or "(no name)", person.role, person.generation, person.background]
    return " · ".join(esc(b) for b in bits if b)


def _section(number: int, title: str) -> None:
    out().print(f"\n[bold]{number}. {esc(title)}[/]")


def _goal_lines(goal: Goal, smart: bool, partner: str) -> None:
    owner = "" if goal.owner == "me" else f" [dim](for {esc(partner or goal.owner)})[/]"
    base = f", baseline {goal.baseline}/5" if goal.baseline else ""
    _bullet(f"{esc(goal.text)}{owner}", 3)
    indented(f"[dim]{esc(goal.id)} · {_flags(goal, smart)}{base}[/]", 5)
    if goal.why:
        indented(f"why: {esc(goal.why)}", 5)


def _dates_line(p: Pairing, label: str) -> None:
    from revmentor.coach.horizon import planned_dates

    h = p.horizon
    mid = f", mid-point review {h.midpoint_review}" if h.midpoint_review else ""
    indented(f"{h.start} → {h.end}{mid}", 3)
    dates = planned_dates(h, p.ground_rules.frequency)
    shown = ", ".join(short_date(d) for d in dates)
    indented(f"{len(dates)} planned {label} ({p.ground_rules.frequency}): {shown}", 3)


def render_summary(p: Pairing, slug: str | None) -> None:
    if p.kind == "on-the-job":
        _summary_on_the_job(p, slug)
    else:
        _summary_reverse(p, slug)


def _summary_reverse(p: Pairing, slug: str | None) -> None:
    con = out()
    name = f" ({esc(slug)})" if slug else ""
    con.print(f"\n[bold underline]Your reverse-mentoring plan{name}[/]")
    _section(1, "Goals")
    indented(f"Me: {_person(p.me)} · side: {p.me.side}", 3)
    if p.me.offers:
        indented(f"I offer: {'; '.join(esc(o) for o in p.me.offers)}", 3)
    for goal in p.goals:
        _goal_lines(goal, False, p.partner.name)
    _section(2, "Partner")
    indented(f"{_person(p.partner)}", 3)
    if p.partner.offers:
        indented(f"They offer: {'; '.join(esc(o) for o in p.partner.offers)}", 3)
    _section(3, "The ask")
    if p.ask:
        sent = f"sent {p.ask.asked_on}" if p.ask.asked_on else "not sent yet"
        indented(f"Topic: {esc(p.ask.topic)} · {sent} · answer: {p.ask.response}", 3)
        indented(f'"{esc(p.ask.wording)}"', 3)
    gr = p.ground_rules
    _section(4, "Ground rules")
    channel = f", {esc(gr.channel)}" if gr.channel else ""
    indented(f"{gr.frequency}, {gr.session_minutes} minutes{channel}", 3)
    for line in ground_rule_notes(gr):
        indented(line, 3)
    _section(5, "Launch")
    _dates_line(p, "sessions")


def _summary_on_the_job(p: Pairing, slug: str | None) -> None:
    con = out()
    name = f" ({esc(slug)})" if slug else ""
    con.print(f"\n[bold underline]Your on-the-job learning plan{name}[/]")
    _section(1, "Context")
    if p.context:
        desc = f" · {esc(p.context.description)}" if p.context.description else ""
        indented(f"{p.context.situation}{desc}", 3)
    indented(f"Me ({p.me.side}): {_person(p.me)}", 3)
    indented(f"Partner: {_person(p.partner)}", 3)
    _section(2, "Scan")
    scan = p.scan
    if scan:
        if scan.role_requirements:
            indented(f"The role needs: {'; '.join(esc(r) for r in scan.role_requirements)}", 3)
        if scan.current_skills:
            indented(f"Already there: {'; '.join(esc(s) for s in scan.current_skills)}", 3)
        for gap in scan.gaps:
            _bullet(f"gap \\[{gap.priority}] {esc(gap.text)}", 3)
    _section(3, "SMART goals")
    for goal in p.goals:
        _goal_lines(goal, True, p.partner.name)
        if goal.gap:
            indented(f"closes gap: {esc(goal.gap)}", 5)
    _section(4, "The plan")
    indented(f"Check-ins: {p.ground_rules.frequency}, {p.ground_rules.session_minutes} minutes", 3)
    _dates_line(p, "check-ins")
    for goal in p.goals:
        indented(f"{esc(goal.id)}: target {goal.target_date or p.horizon.end}", 3)
        if goal.practice:
            indented(f"practice: {'; '.join(esc(x) for x in goal.practice)}", 5)
        who = goal.feedback_from or "-"
        when = goal.feedback_when or "-"
        indented(f"feedback from {esc(who)}, {esc(when)}", 5)


def render_saved(path: str, next_steps: Sequence[str]) -> None:
    con = out()
    con.print(f"\nSaved your plan to {esc(path)}")
    con.print("[bold]What to do next[/]:")
    for line in next_steps:
        _bullet(f"{esc(line)}", 2)

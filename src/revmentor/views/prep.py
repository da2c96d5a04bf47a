"""The `revmentor prep` agenda as plain text or Markdown, made to be printed or pasted.

No rich here: plain text stays plain (no colours, no box drawing), so it copies cleanly
into an email, a calendar invite or a notes app.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from revmentor.coach.goal_ids import goal_label
from revmentor.coach.status import short_date
from revmentor.views.text import clean

if TYPE_CHECKING:
    from revmentor.coach.agenda import Agenda, AgendaGoal
    from revmentor.coach.guides import Fit

WIDTH = 80


@dataclass(frozen=True)
class _Section:
    title: str
    items: list[tuple[str, str, list[str]]]  # (bold label, text, detail lines)
    empty: str = ""
    quote: bool = False


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


Escape = Callable[[str], str]


def _heading(a: Agenda, esc: Escape) -> tuple[str, str]:
    word = "check-in" if a.on_the_job else "session"
    who = esc(a.partner) or "your partner"
    title = f"Agenda for your next {word} with {who}"
    bits = []
    if a.next_date is not None:
        bits.append(short_date(a.next_date, a.today, weekday=True) + " by your rhythm")
    else:
        bits.append("the horizon has passed; `revmentor wrap-up` closes the cycle")
    bits.append(f"{word} {a.session_number} of {a.planned_total} planned")
    if a.week >= 1:
        bits.append(f"week {min(a.week, a.total_weeks)} of {a.total_weeks}")
    return title, " · ".join(bits)


def _goal_item(g: AgendaGoal, a: Agenda, esc: Escape) -> tuple[str, str, list[str]]:
    base = "-" if g.baseline is None else str(g.baseline)
    rating = f"baseline {base}" + ("" if g.latest is None else f", latest {g.latest}")
    details = [rating + "".join(f"; {r}" for r in g.reasons)]
    if g.practice:
        details.append("practice: " + "; ".join(esc(x) for x in g.practice))
    if g.feedback_from:
        details.append(f"feedback from {esc(g.feedback_from)}")
    if g.target_date is not None and not any("target" in r for r in g.reasons):
        details.append(f"target date {short_date(g.target_date, a.today)}")
    # The goal's words, cut to one line, with its id beside them.
    return ("", esc(goal_label(g.text, g.id, WIDTH - 4)), details)


def _sections(a: Agenda, esc: Escape) -> list[_Section]:
    carried_title = "Carried over"
    several = len(set(a.carried_dates)) > 1
    if a.carried_from is not None and not several:
        carried_title += f" from {short_date(a.carried_from, a.today)}"
    carried = [esc(s) for s in a.carried]
    if several:
        carried = [
            f"{text} (from {short_date(day, a.today)})"
            for text, day in zip(carried, a.carried_dates, strict=True)
        ]
    sections = [
        _Section(
            carried_title,
            [("", text, []) for text in carried],
            "Nothing carried over: no next steps were noted last time.",
        ),
        _Section(
            "Goals to give time to",
            [_goal_item(g, a, esc) for g in a.goals],
            "No active goals: `revmentor goals add` sets one.",
        ),
    ]
    if a.starter is not None:
        sections.append(
            _Section(
                f"A question to open with ({a.starter.stage_label})",
                [("", a.starter.text, [])],
                quote=True,
            )
        )
    sections.append(
        _Section(
            "Ground rules to keep in mind",
            [(r.label, esc(r.text), []) for r in a.reminders],
        )
    )
    return sections


def render_text(a: Agenda) -> str:
    title, sub = _heading(a, _one_line)
    lines = [title, sub]
    for sec in _sections(a, _one_line):
        lines += ["", sec.title]
        if not sec.items:
            lines += textwrap.wrap(sec.empty, WIDTH, initial_indent="  ", subsequent_indent="  ")
        for label, text, details in sec.items:
            lead = "  " if sec.quote else "  - "
            body = f"{label}: {text}" if label else text
            lines += textwrap.wrap(
                body, WIDTH, initial_indent=lead, subsequent_indent=" " * len(lead)
            )
            for d in details:
                lines += textwrap.wrap(d, WIDTH, initial_indent="    ", subsequent_indent="      ")
    if a.guide is not None:
        lines += ["", *textwrap.wrap(_guide_line(a.guide), WIDTH), f"  {a.guide.command}"]
    return "\n".join(lines) + "\n"


def _guide_line(fit: Fit) -> str:
    from revmentor.coach.guides import load

    line: str = load()["words"]["prep"].format(why=fit.why)
    return line


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str) -> str:
    """User text made inert in Markdown: no accidental emphasis, links or headings."""
    return _MD_SPECIAL.sub(r"\\\1", _one_line(text))


def render_markdown(a: Agenda) -> str:
    # Only user text is escaped (by `md`); the product's own words keep their `code`.
    title, sub = _heading(a, md)
    out = [f"# {title}", "", sub]
    for sec in _sections(a, md):
        out += ["", f"## {sec.title}", ""]
        if not sec.items:
            out.append(sec.empty)
        for label, text, details in sec.items:
            if sec.quote:
                out.append(f"> {text}")
                continue
            out.append(f"- **{label}**: {text}" if label else f"- {text}")
            out += [f"  - {d}" for d in details]
    if a.guide is not None:
        out += ["", f"{_guide_line(a.guide)} `{a.guide.command}`"]
    return "\n".join(out) + "\n"

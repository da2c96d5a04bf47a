"""What `revmentor sessions` prints: the list, one session, and one session as YAML."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.table import Column, Table
from rich.text import Text

from revmentor.coach.goal_ids import goal_label
from revmentor.coach.status import short_date
from revmentor.views.console import out
from revmentor.views.text import clean

if TYPE_CHECKING:
    from revmentor.coach.session_list import Numbered
    from revmentor.model import Pairing

PRINCIPLES = {
    "open_mind": "open mind",
    "respect": "respect",
    "trust": "trust",
    "authenticity": "authenticity",
}


def _flat(text: str) -> str:
    return " ".join(clean(text).split())


def one_line(item: Numbered, today: date) -> Text:
    s = item.session
    minutes = f" · {s.minutes} min" if s.minutes else ""
    topics = f" · {_flat('; '.join(s.topics))}" if s.topics else ""
    return Text(
        f"Session {item.number}: {short_date(s.date, today)} {s.date.year}{minutes}{topics}"
    )


def render_list(slug: str, every: Sequence[Numbered]) -> None:
    con = out()
    if not every:
        con.print(
            f"No sessions in {clean(slug)} yet. Log one with: revmentor log-session {clean(slug)}"
        )
        return
    table = Table(
        Column(Text("#", style="bold"), justify="right", no_wrap=True),
        Column(Text("date", style="bold"), no_wrap=True),
        Column(Text("min", style="bold"), justify="right", no_wrap=True),
        Column(Text("topics", style="bold"), overflow="fold"),
        box=None,
        padding=(0, 2, 0, 0),
        pad_edge=False,
    )
    for item in every:
        s = item.session
        table.add_row(
            str(item.number),
            s.date.isoformat(),
            str(s.minutes or "-"),
            Text(_flat("; ".join(s.topics)) or "-"),
        )
    con.print(table)
    con.print(Text(f"One in full: revmentor sessions show {clean(slug)} N", style="dim"))


def sessions_json(slug: str, every: Sequence[Numbered]) -> None:
    data = [
        {
            "number": item.number,
            "date": item.session.date.isoformat(),
            "minutes": item.session.minutes,
            "topics": list(item.session.topics),
        }
        for item in every
    ]
    print(json.dumps({"slug": slug, "sessions": data}, indent=2, ensure_ascii=False))


def session_json(slug: str, item: Numbered) -> None:
    data = {
        "slug": slug,
        "number": item.number,
        **item.session.model_dump(mode="json", exclude_none=True),
    }
    print(json.dumps(data, indent=2, ensure_ascii=False))


def render_session(slug: str, p: Pairing, item: Numbered, today: date) -> None:
    s = item.session
    con = out()
    con.print(
        Text(
            f"Session {item.number} of {clean(slug)}: "
            f"{short_date(s.date, today, weekday=True)} {s.date.year}",
            style="bold",
        )
    )
    grid = Table.grid(
        Column(no_wrap=True, style="bold"), Column(overflow="fold"), padding=(0, 2, 0, 0)
    )
    rows: list[tuple[str, str]] = []
    if s.minutes:
        rows.append(("Minutes", str(s.minutes)))
    rows.append(("Topics", "; ".join(s.topics) or "-"))
    rows.append(("I learned", s.i_learned or "-"))
    rows.append(("They learned", s.they_learned or "-"))
    for goal_id, rating in s.progress.items():
        goal = p.goal(goal_id)
        named = goal_label(goal.text, goal_id) if goal else goal_id
        rows.append(("Progress", f"{rating}/5 {named}"))
    pulse = s.pulse.values()
    if pulse:
        rows.append(("Pulse", ", ".join(f"{PRINCIPLES[k]} {v}" for k, v in pulse.items())))
    done = set(s.done_steps or ())
    for step in s.next_steps:
        rows.append(("Next step", step + (" (done)" if step in done else "")))
    if s.private_note:
        rows.append(("Private note", s.private_note))
    for label, value in rows:
        grid.add_row(label, Text(clean(value)))
    con.print(grid)
    con.print(Text(f"Change it: revmentor sessions edit {clean(slug)} {item.number}", style="dim"))


def session_text(slug: str, item: Numbered) -> str:
    """The session as YAML to edit, in the file's own layout, with a header comment."""
    from revmentor import yamlio

    data = item.session.model_dump(mode="python", by_alias=True, exclude_none=True)
    header = (
        f"Session {item.number} of {slug}. Save and close the editor to check and save it;\n"
        "leave it unchanged to change nothing. The keys are those of a session in the\n"
        "pairing file (date, minutes, topics, i_learned, they_learned, progress, pulse,\n"
        "next_steps, private_note)."
    )
    return yamlio.dump_new(data, header)

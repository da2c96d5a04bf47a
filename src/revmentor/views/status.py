"""The `revmentor status` view: the pairing at a glance, then the numbers, then nudges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from revmentor.coach.status import GoalLine, PulseLine, StatusReport, short_date
from revmentor.errors import InvalidFile
from revmentor.views.console import out
from revmentor.views.text import clean

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from revmentor.coach.nudges import Nudge

SPARKS = "▁▂▃▄▅▆▇█"
HORIZON_WIDTH = 52
CELLS_PER_POINT = 4
PRINCIPLE_LABELS = {
    "open_mind": "open mind",
    "respect": "respect",
    "trust": "trust",
    "authenticity": "authenticity",
}
SITUATIONS = {
    "onboarding": "onboarding",
    "reassignment": "reassignment for reskilling",
    "parental-leave": "parental-leave replacement",
    "handover": "partial handover",
    "departure": "handover before a departure",
    "receiving": "receiving someone from another organisation",
    "other": "on-the-job learning",
}


def spark(values: Sequence[int | None]) -> str:
    """A 1-5 series as block characters; a skipped value shows as a dot."""
    return "".join(
        "·" if v is None else SPARKS[min(7, max(0, int((v - 1) * 7 / 4 + 0.5)))] for v in values
    )


def horizon_line(r: StatusReport, width: int = HORIZON_WIDTH) -> Text:
    """The horizon as a line: the part gone bold, the mid-point ◆, today ●."""
    from rich.text import Text

    today_at = round(r.progress * (width - 1))
    mid_at = None
    if r.midpoint is not None:
        span = max(1, (r.end - r.start).days)
        mid_at = round((r.midpoint - r.start).days / span * (width - 1))
    line = Text()
    for i in range(width):
        if i == today_at and r.started and not r.ended:
            line.append("●", style="bold magenta")
        elif i == mid_at:
            line.append("◆", style="yellow")
        elif i < today_at or r.ended:
            line.append("━", style="cyan")
        else:
            line.append("─", style="dim")
    return line


def goal_bar(g: GoalLine) -> Text:
    """Baseline ▒ in grey, the gain since █ in green (a fall ░ in red), the rest dotted."""
    from rich.text import Text

    base = g.baseline or 0
    now = g.latest if g.latest is not None else base
    bar = Text()
    low, high = min(base, now), max(base, now)
    bar.append("▒" * (low * CELLS_PER_POINT), style="bright_black")
    if now > base:
        bar.append("█" * ((high - low) * CELLS_PER_POINT), style="green")
    elif now < base:
        bar.append("░" * ((high - low) * CELLS_PER_POINT), style="red")
    bar.append("·" * ((5 - high) * CELLS_PER_POINT), style="dim")
    return bar


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def _trend(line: PulseLine) -> str:
    if line.first is None or line.last is None:
        return ""
    arrow = "↗" if line.last > line.first else "↘" if line.last < line.first else "→"
    return f"{line.first} {arrow} {line.last}"


def _title(slug: str, r: StatusReport) -> Text:
    from rich.text import Text

    kind = "on-the-job learning" if r.on_the_job else "reverse mentoring"
    names = " ⇄ ".join(clean(n) for n in (r.me, r.partner) if n.strip()) or clean(slug)
    title = Text(names, style="bold")
    title.append(f"  ·  {kind}  ·  {clean(slug)}", style="dim")
    if r.concluded:
        when = f" {short_date(r.concluded_on, r.today)}" if r.concluded_on else ""
        title.append(f"  ·  concluded{when}", style="bold yellow")
    return title


def _facts(r: StatusReport) -> list[tuple[str, Text]]:
    from rich.text import Text

    rows: list[tuple[str, Text]] = []
    freq = r.frequency
    sessions = Text(f"{r.held} held")
    if r.concluded:
        sessions.append(f" in the last cycle, {r.held_all} in all")
    else:
        sessions.append(f" of {r.planned_total} planned · {r.expected} expected by today ({freq})")
        if r.behind:
            sessions.append(f" · {r.behind} behind", style="bold red" if r.behind > 1 else "yellow")
    rows.append(("Check-ins" if r.on_the_job else "Sessions", sessions))

    last = Text()
    if r.last_session is None:
        last.append("none logged yet")
    else:
        last.append(f"{short_date(r.last_session, r.today)}, ")
        last.append(_ago(r.days_since_last or 0))
    if r.session_overdue:
        last.append(" · overdue", style="bold red")
    rows.append(("Last check-in" if r.on_the_job else "Last session", last))
    if not r.concluded:
        nxt = (
            Text(short_date(r.next_planned, r.today, weekday=True) + " (by the rhythm)")
            if r.next_planned
            else Text("none planned: the horizon has passed", style="yellow")
        )
        rows.append(("Next", nxt))

    both = "learning on both sides" if not r.on_the_job else "learning noted on both sides"
    mutual = Text(f"{r.mutual} of {r.mutual_of} sessions with {both}")
    if r.mutual_of and r.mutual * 2 < r.mutual_of:
        mutual.stylize("yellow")
    rows.append(("Mutuality", mutual))

    review = Text()
    if r.review_due is not None:
        why = {
            "midpoint": f"the mid-point was {short_date(r.review_due.since, r.today)}",
            "stale": f"goals last looked at over {r.interval_days * 4} days ago",
            "end": "the cycle has ended",
        }[r.review_due.reason]
        review.append("due", style="bold yellow")
        review.append(f" ({why}) · revmentor goals review")
    elif r.last_review is not None:
        review.append(f"up to date (last {short_date(r.last_review, r.today)})")
    else:
        review.append("none yet")
        if r.midpoint and not r.concluded:
            review.append(f"; first at the mid-point, {short_date(r.midpoint, r.today)}")
    rows.append(("Goal review", review))

    if r.ask is not None and not r.on_the_job:
        ask = Text(r.ask.response)
        if r.ask.response == "pending":
            ask.stylize("yellow")
        if r.ask.asked_on is not None:
            ask.append(f" (sent {short_date(r.ask.asked_on, r.today)}")
            if r.ask.days_waiting is not None:
                ask.append(f", {r.ask.days_waiting} days without a reply")
            ask.append(")")
        else:
            ask.append(" (not sent yet)")
        rows.append(("The ask", ask))
    if r.gaps:
        high = [g for g in r.gaps if g.priority == "high"]
        open_high = [g for g in high if not g.covered]
        gaps = Text(f"{len(r.gaps)} in the scan, {len(high)} high priority")
        if open_high:
            gaps.append(f" · {len(open_high)} without a goal", style="yellow")
        rows.append(("Learning gaps", gaps))
    return rows


def _hanging(con: Console, lead: Text, body: Text, indent: int) -> None:
    """Print `lead` then `body` wrapped under itself, without trailing spaces."""
    from rich.text import Text

    if not body.plain.strip():
        lead = lead.copy()
        lead.rstrip()
        con.print(lead)
        return
    width = max(20, con.width - indent)
    for i, line in enumerate(body.wrap(con, width)):
        line.rstrip()
        con.print(lead if i == 0 else Text(" " * indent), line, sep="", end="\n")


def _rows(con: Console, rows: Sequence[Sequence[Text | str]]) -> None:
    """Aligned columns; the last one wraps under itself. Plain text, no padding at the end."""
    from rich.text import Text

    if not rows:
        return

    def cells(value: Text | str) -> int:
        return Text(value).cell_len if isinstance(value, str) else value.cell_len

    widths = [max(cells(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    indent = sum(widths) + 2 * len(widths)
    for row in rows:
        lead = Text()
        for cell, width in zip(row[:-1], widths, strict=True):
            piece = Text(cell) if isinstance(cell, str) else cell.copy()
            piece.pad_right(width - piece.cell_len)
            lead.append_text(piece)
            lead.append("  ")
        last = row[-1]
        _hanging(con, lead, Text(last) if isinstance(last, str) else last, indent)


def _goal_rows(r: StatusReport) -> list[list[Text | str]]:
    goals = [g for g in r.goals if g.status == "active" or r.concluded]
    rows: list[list[Text | str]] = []
    for g in goals:
        name = clean(g.id)
        if g.owner == "partner":
            name += " (theirs)"
        elif g.owner == "shared":
            name += " (shared)"
        base = "-" if g.baseline is None else str(g.baseline)
        now = "-" if g.latest is None else str(g.latest)
        numbers = f"{base} → {now}"
        if g.change is not None:
            numbers += f" ({g.change:+d})"
        note = []
        if g.latest is None:
            note.append("not rated yet")
        elif (g.days_unrated or 0) >= 30:
            note.append(f"not rated for {g.days_unrated} days")
        if g.target_date is not None:
            late = " (passed)" if g.target_passed else ""
            note.append(f"target {short_date(g.target_date, r.today)}{late}")
        if g.status != "active":
            note.append(g.status)
        rows.append([name, goal_bar(g), numbers, "; ".join(note)])
    return rows


def _pulse_rows(r: StatusReport) -> list[list[Text | str]]:
    from rich.text import Text

    if not any(line.rated for line in r.pulse):
        return []
    return [
        [PRINCIPLE_LABELS[line.principle], Text(spark(line.values), style="cyan"), _trend(line)]
        for line in r.pulse
    ]


def render_status(
    slug: str, r: StatusReport, nudges: Sequence[Nudge], console: Console | None = None
) -> None:
    from rich.text import Text

    con = console or out()
    con.print(_title(slug, r))
    if r.situation is not None:
        context = Text(SITUATIONS[r.situation].capitalize(), style="bold")
        if r.context.strip():
            context.append(f": {clean(r.context)}")
        _hanging(con, Text(), context, 0)
    if r.started and not r.ended:
        when = f"Week {r.week} of {r.total_weeks} · {r.days_left} days left"
    elif r.ended:
        when = f"The horizon ended on {short_date(r.end, r.today)}"
    else:
        when = f"Starts {short_date(r.start, r.today, weekday=True)}"
    con.print(Text(when))
    con.print()

    ends = len(short_date(r.start, r.today)) + len(short_date(r.end, r.today)) + 2
    line = Text(f"{short_date(r.start, r.today)} ", style="dim")
    line.append_text(horizon_line(r, max(10, min(HORIZON_WIDTH, con.width - ends))))
    line.append(f" {short_date(r.end, r.today)}", style="dim")
    con.print(line)
    legend = Text(" " * (len(short_date(r.start, r.today)) + 1))
    legend.append("━ gone  ", style="dim")
    legend.append("● ", style="bold magenta")
    legend.append(f"today {short_date(r.today, r.today)}", style="dim")
    if r.midpoint:
        legend.append("  ◆ ", style="yellow")
        legend.append(f"mid-point review {short_date(r.midpoint, r.today)}", style="dim")
    con.print(legend)
    con.print()

    _rows(con, [[Text(label, style="bold"), value] for label, value in _facts(r)])

    goals = _goal_rows(r)
    if goals:
        con.print()
        con.print(Text("Goals", style="bold").append("  baseline ▒ → latest █, 1-5", style="dim"))
        _rows(con, goals)
    pulse = _pulse_rows(r)
    if pulse:
        con.print()
        con.print(Text("Pulse", style="bold").append("  per session, first → latest", style="dim"))
        _rows(con, pulse)

    if r.concluded:
        con.print()
        con.print(
            Text("Concluded: read-only until you run ", style="dim")
            .append(f"revmentor reopen {clean(slug)}", style="bold")
            .append(".", style="dim")
        )
        return
    con.print()
    if not nudges:
        con.print(Text("Nothing to nudge about: keep going.", style="green"))
        return
    con.print(Text("Suggestions", style="bold"))
    for n in nudges:
        body = Text(clean(n.text))
        body.append(f" ({n.tie}: {n.tied_to})", style="dim")
        _hanging(con, Text("• "), body, 2)


def render_summary(
    rows: Sequence[tuple[str, StatusReport | InvalidFile, int]], console: Console | None = None
) -> None:
    """One line per pairing; `int` is how many suggestions its status has."""
    from rich.text import Text

    con = console or out()
    header: list[Text | str] = [
        Text(col, style="bold")
        for col in ("pairing", "partner", "where", "sessions", "last", "to look at")
    ]
    table: list[list[Text | str]] = [header]
    for slug, r, tips in rows:
        if isinstance(r, InvalidFile):
            invalid = Text("invalid file", style="red")
            table.append([clean(slug), invalid, "", "", "", "see `revmentor doctor`"])
            continue
        partner = clean(r.partner) or "-"
        last = _ago(r.days_since_last) if r.days_since_last is not None else "none yet"
        if r.concluded:
            done = "concluded"
            if r.concluded_on:
                done += f" {short_date(r.concluded_on, r.today)}"
            table.append(
                [clean(slug), partner, Text(done, style="dim"), f"{r.held_all} held", last, ""]
            )
            continue
        if not r.started:
            where = f"starts {short_date(r.start, r.today)}"
        elif r.ended:
            where = "horizon passed"
        else:
            where = f"week {r.week}/{r.total_weeks}"
        if r.on_the_job:
            where += " · on-the-job"
        look: list[str] = []
        if r.behind:
            look.append(f"{r.behind} behind")
        if r.review_due is not None:
            look.append("review due")
        if tips:
            look.append(f"{tips} suggestion{'s' if tips != 1 else ''}")
        table.append(
            [
                clean(slug),
                partner,
                where,
                f"{r.held} of {r.expected}",
                last,
                ", ".join(look) or Text("on track", style="green"),
            ]
        )
    # Aligned by hand rather than with rich's Table, which measured every cell twice and
    # took as long as the rest of the command.
    _rows(con, table)
    con.print(Text("Details: revmentor status PAIRING", style="dim"))

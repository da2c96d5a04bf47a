"""The `revmentor status` view: the pairing at a glance, then the numbers, then nudges.

Printed through `views.styled` rather than rich: status is the command run most often,
and rich's import alone would double its time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from revmentor.coach.status import GoalLine, PulseLine, StatusReport, short_date
from revmentor.errors import InvalidFile
from revmentor.views.styled import Screen, Styled, as_styled, expand_tabs
from revmentor.views.text import clean

if TYPE_CHECKING:
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


def horizon_line(r: StatusReport, width: int = HORIZON_WIDTH) -> Styled:
    """The horizon as a line: the part gone bold, the mid-point ◆, today ●."""
    today_at = round(r.progress * (width - 1))
    mid_at = None
    if r.midpoint is not None:
        span = max(1, (r.end - r.start).days)
        mid_at = round((r.midpoint - r.start).days / span * (width - 1))
    line = Styled()
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


def goal_bar(g: GoalLine) -> Styled:
    """Baseline ▒ in grey, the gain since █ in green (a fall ░ in red), the rest dotted."""
    base = g.baseline or 0
    now = g.latest if g.latest is not None else base
    bar = Styled()
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


def _title(slug: str, r: StatusReport) -> Styled:
    kind = "on-the-job learning" if r.on_the_job else "reverse mentoring"
    names = " ⇄ ".join(clean(n) for n in (r.me, r.partner) if n.strip()) or clean(slug)
    title = Styled(names, style="bold")
    title.append(f"  ·  {kind}  ·  {clean(slug)}", style="dim")
    if r.concluded:
        when = f" {short_date(r.concluded_on, r.today)}" if r.concluded_on else ""
        title.append(f"  ·  concluded{when}", style="bold yellow")
    return title


def _facts(r: StatusReport) -> list[tuple[str, Styled]]:
    rows: list[tuple[str, Styled]] = []
    freq = r.frequency
    sessions = Styled(f"{r.held} held")
    if r.concluded:
        sessions.append(f" in the last cycle, {r.held_all} in all")
    else:
        sessions.append(f" of {r.planned_total} planned · {r.expected} expected by today ({freq})")
        if r.behind:
            sessions.append(f" · {r.behind} behind", style="bold red" if r.behind > 1 else "yellow")
    rows.append(("Check-ins" if r.on_the_job else "Sessions", sessions))

    last = Styled()
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
            Styled(short_date(r.next_planned, r.today, weekday=True) + " (by the rhythm)")
            if r.next_planned
            else Styled("none planned: the horizon has passed", style="yellow")
        )
        rows.append(("Next", nxt))

    both = "learning on both sides" if not r.on_the_job else "learning noted on both sides"
    mutual = Styled(f"{r.mutual} of {r.mutual_of} sessions with {both}")
    if r.mutual_of and r.mutual * 2 < r.mutual_of:
        mutual.stylize("yellow")
    rows.append(("Mutuality", mutual))

    review = Styled()
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
        ask = Styled(r.ask.response)
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
        gaps = Styled(f"{len(r.gaps)} in the scan, {len(high)} high priority")
        if open_high:
            gaps.append(f" · {len(open_high)} without a goal", style="yellow")
        rows.append(("Learning gaps", gaps))
    return rows


def _rows(scr: Screen, rows: Sequence[Sequence[Styled | str]]) -> None:
    """Aligned columns; the last one wraps under itself. No padding at the end."""
    if not rows:
        return
    sized = [[(cell, expand_tabs(as_styled(cell)).cells()) for cell in row] for row in rows]
    widths = [max(r[i][1] for r in sized) for i in range(len(rows[0]) - 1)]
    indent = sum(widths) + 2 * len(widths)
    for row in sized:
        lead = Styled()
        for (cell, size), width in zip(row[:-1], widths, strict=True):
            lead.extend(expand_tabs(as_styled(cell))).append(" " * (width - size + 2))
        scr.hanging(lead, row[-1][0], indent)


def _goal_rows(r: StatusReport) -> list[list[Styled | str]]:
    goals = [g for g in r.goals if g.status == "active" or r.concluded]
    rows: list[list[Styled | str]] = []
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


def _pulse_rows(r: StatusReport, room: int) -> list[list[Styled | str]]:
    """A row per principle; only the latest `room` sessions when there are more."""
    if all(line.first is None for line in r.pulse):
        return []
    rows: list[list[Styled | str]] = []
    for line in r.pulse:
        values = line.values
        marks = spark(values) if len(values) <= room else "…" + spark(values[-(room - 1) :])
        rows.append([PRINCIPLE_LABELS[line.principle], Styled(marks, "cyan"), _trend(line)])
    return rows


def _pulse_room(width: int) -> int:
    # The widest label ("authenticity"), a trend ("5 ↗ 5") and the gaps between columns.
    return max(10, width - len("authenticity") - len("5 ↗ 5") - 4)


def render_status(
    slug: str, r: StatusReport, nudges: Sequence[Nudge], screen: Screen | None = None
) -> None:
    scr = screen or Screen()
    scr.print(_title(slug, r))
    if r.situation is not None:
        context = Styled(SITUATIONS[r.situation].capitalize(), style="bold")
        if r.context.strip():
            context.append(f": {clean(r.context)}")
        scr.hanging(Styled(), context, 0)
    if r.started and not r.ended:
        when = f"Week {r.week} of {r.total_weeks} · {r.days_left} days left"
    elif r.ended:
        when = f"The horizon ended on {short_date(r.end, r.today)}"
    else:
        when = f"Starts {short_date(r.start, r.today, weekday=True)}"
    scr.print(Styled(when))
    scr.print()

    ends = len(short_date(r.start, r.today)) + len(short_date(r.end, r.today)) + 2
    line = Styled(f"{short_date(r.start, r.today)} ", style="dim")
    line.extend(horizon_line(r, max(10, min(HORIZON_WIDTH, scr.width - ends))))
    line.append(f" {short_date(r.end, r.today)}", style="dim")
    scr.print(line)
    legend = Styled(" " * (len(short_date(r.start, r.today)) + 1))
    legend.append("━ gone  ", style="dim")
    legend.append("● ", style="bold magenta")
    legend.append(f"today {short_date(r.today, r.today)}", style="dim")
    if r.midpoint:
        legend.append("  ◆ ", style="yellow")
        legend.append(f"mid-point review {short_date(r.midpoint, r.today)}", style="dim")
    scr.print(legend)
    scr.print()

    _rows(scr, [[Styled(label, style="bold"), value] for label, value in _facts(r)])

    goals = _goal_rows(r)
    if goals:
        scr.print()
        scr.print(Styled("Goals", style="bold").append("  baseline ▒ → latest █, 1-5", style="dim"))
        _rows(scr, goals)
    room = _pulse_room(scr.width)
    pulse = _pulse_rows(r, room)
    if pulse:
        scr.print()
        sessions = len(r.pulse[0].values)
        which = f"the latest {room - 1} of {sessions}" if sessions > room else "per session"
        scr.print(Styled("Pulse", "bold").append(f"  {which}, first → latest", "dim"))
        _rows(scr, pulse)

    if r.concluded:
        scr.print()
        scr.print(
            Styled("Concluded: read-only until you run ", style="dim")
            .append(f"revmentor reopen {clean(slug)}", style="bold")
            .append(".", style="dim")
        )
        return
    scr.print()
    if not nudges:
        scr.print(Styled("Nothing to nudge about: keep going.", style="green"))
        return
    scr.print(Styled("Suggestions", style="bold"))
    for n in nudges:
        body = Styled(clean(n.text))
        body.append(f" ({n.tie}: {n.tied_to})", style="dim")
        scr.hanging(Styled("• "), body, 2)


def render_summary(
    rows: Sequence[tuple[str, StatusReport | InvalidFile, int]], screen: Screen | None = None
) -> None:
    """One line per pairing; `int` is how many suggestions its status has."""
    scr = screen or Screen()
    header: list[Styled | str] = [
        Styled(col, style="bold")
        for col in ("pairing", "partner", "where", "sessions", "last", "to look at")
    ]
    table: list[list[Styled | str]] = [header]
    for slug, r, tips in rows:
        if isinstance(r, InvalidFile):
            invalid = Styled("invalid file", style="red")
            table.append([clean(slug), invalid, "", "", "", "see `revmentor doctor`"])
            continue
        partner = clean(r.partner) or "-"
        last = _ago(r.days_since_last) if r.days_since_last is not None else "none yet"
        if r.concluded:
            done = "concluded"
            if r.concluded_on:
                done += f" {short_date(r.concluded_on, r.today)}"
            table.append(
                [clean(slug), partner, Styled(done, style="dim"), f"{r.held_all} held", last, ""]
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
                ", ".join(look) or Styled("on track", style="green"),
            ]
        )
    # Aligned by hand rather than with rich's Table, which measured every cell twice and
    # took as long as the rest of the command.
    _rows(scr, table)
    scr.print(Styled("Details: revmentor status PAIRING", style="dim"))

"""The `revmentor status` view: the pairing at a glance, then the numbers, then nudges.

Printed through rich like every other view. Every piece of text from a file (names,
ids, the context) goes in as a rich `Text`, never as markup, so `[bold]` or `:fire:` in a
name prints as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.table import Column, Table
from rich.text import Text

from revmentor.coach.goal_ids import goal_label
from revmentor.coach.status import GoalLine, PulseLine, StatusReport, short_date
from revmentor.errors import InvalidFile
from revmentor.views.text import clean

if TYPE_CHECKING:
    from rich.console import Console

    from revmentor.coach.nudges import Nudge

SPARKS = "▁▂▃▄▅▆▇█"
HORIZON_WIDTH = 52
CELLS_PER_POINT = 4
GAP = 2  # cells between columns
NOTE_MIN = 20  # a goal's note column is at least this wide, or the goals stack
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
SUMMARY_COLUMNS = ("pairing", "partner", "where", "sessions", "last", "to look at")
NAME_FLOOR = 16  # the overview cuts names and partners to this before anything else


def spark(values: Sequence[int | None]) -> str:
    """A 1-5 series as block characters; a skipped value shows as a dot."""
    return "".join(
        "·" if v is None else SPARKS[min(7, max(0, int((v - 1) * 7 / 4 + 0.5)))] for v in values
    )


def _console(console: Console | None) -> Console:
    if console is not None:
        return console
    from revmentor.views.console import out

    return out()


def _one_line(text: str) -> str:
    """User text for a single-line cell: `clean`, with tabs and line breaks as spaces."""
    return clean(text).replace("\t", " ").replace("\n", " ")


def horizon_line(r: StatusReport, width: int = HORIZON_WIDTH) -> Text:
    """The horizon as a line: the part gone bold, the mid-point ◆, today ●."""
    today_at = round(r.progress * (width - 1))
    mid_at = None
    if r.midpoint is not None:
        span = max(1, (r.end - r.start).days)
        mid_at = round((r.midpoint - r.start).days / span * (width - 1))
    marks: list[tuple[str, str]] = []
    for i in range(width):
        if i == today_at and r.started and not r.ended:
            mark = ("●", "bold magenta")
        elif i == mid_at:
            mark = ("◆", "yellow")
        elif i < today_at or r.ended:
            mark = ("━", "cyan")
        else:
            mark = ("─", "dim")
        if marks and marks[-1][1] == mark[1]:
            marks[-1] = (marks[-1][0] + mark[0], mark[1])
        else:
            marks.append(mark)
    return Text.assemble(*marks, no_wrap=True)


def goal_bar(g: GoalLine) -> Text:
    """Baseline ▒ in grey, the gain since █ in green (a fall ░ in red), the rest dotted."""
    base = g.baseline or 0
    now = g.latest if g.latest is not None else base
    low, high = min(base, now), max(base, now)
    bar = Text(no_wrap=True)
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


def _grid(*columns: Column) -> Table:
    """Columns GAP cells apart, nothing before the first or after the last."""
    return Table.grid(*columns, padding=(0, GAP, 0, 0))


def _label_grid(rows: Sequence[tuple[Text, Text]]) -> Table:
    """A label column, then a value column that wraps under itself."""
    grid = _grid(Column(no_wrap=True), Column(overflow="fold"))
    for label, value in rows:
        grid.add_row(label, value)
    return grid


def _title(slug: str, r: StatusReport) -> Text:
    kind = "on-the-job learning" if r.on_the_job else "reverse mentoring"
    names = " ⇄ ".join(clean(n) for n in (r.me, r.partner) if n.strip()) or clean(slug)
    title = Text.assemble((names, "bold"))
    title.append(f"  ·  {kind}  ·  {clean(slug)}", style="dim")
    if r.concluded:
        when = f" {short_date(r.concluded_on, r.today)}" if r.concluded_on else ""
        title.append(f"  ·  concluded{when}", style="bold yellow")
    return title


def _facts(r: StatusReport) -> list[tuple[str, Text]]:
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
        last.append(f"{short_date(r.last_session, r.today)}, {_ago(r.days_since_last or 0)}")
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
        mutual.style = "yellow"
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
        ask = Text()
        ask.append(r.ask.response, style="yellow" if r.ask.response == "pending" else "")
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


def _goal_rows(r: StatusReport) -> list[tuple[Text, Text, Text, Text]]:
    goals = [g for g in r.goals if g.status == "active" or r.concluded]
    rows: list[tuple[Text, Text, Text, Text]] = []
    for g in goals:
        # The goal's words, cut short, with its id beside them; a long one puts the bar
        # and numbers on the line below (see _goals). The cut does not depend on the
        # width, so a narrow terminal wraps the same words a wide one shows.
        name = _one_line(goal_label(g.text, g.id))
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
        rows.append((Text(name), goal_bar(g), Text(numbers), Text("; ".join(note))))
    return rows


def _longest_word(texts: Sequence[Text]) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for t in texts for word in t.plain.split()), default=0)


def _goals(rows: Sequence[tuple[Text, Text, Text, Text]], width: int) -> Table:
    """The goals as aligned columns, or, when the ids leave too little room for the
    notes, each id on a line of its own with its bar, numbers and note below it."""
    names, bars, numbers, notes = (list(column) for column in zip(*rows, strict=True))
    name_w = max(t.cell_len for t in names)
    bar_w = max(t.cell_len for t in bars)
    numbers_w = max(t.cell_len for t in numbers)
    note_w = max(t.cell_len for t in notes)
    note_room = min(note_w, max(NOTE_MIN, _longest_word(notes)))
    needed = name_w + bar_w + numbers_w + 2 * GAP + (GAP + note_room if note_w else 0)

    def columns() -> tuple[Column, ...]:  # a column belongs to one table: new ones each time
        numbers = Column(no_wrap=True, min_width=numbers_w)
        return Column(no_wrap=True), numbers, Column(overflow="fold")

    if needed <= width:
        grid = _grid(Column(no_wrap=True), *columns())
        for row in rows:
            grid.add_row(*row)
        return grid
    stacked = Table.grid(Column(overflow="fold"))
    for name, *rest in rows:
        line = _grid(*columns())
        line.add_row(*rest)
        stacked.add_row(name)
        stacked.add_row(Padding(line, (0, 0, 0, GAP)))
    return stacked


def _pulse_rows(r: StatusReport, room: int) -> list[tuple[Text, Text, Text]]:
    """A row per principle; only the latest `room` sessions when there are more."""
    if all(line.first is None for line in r.pulse):
        return []
    rows: list[tuple[Text, Text, Text]] = []
    for line in r.pulse:
        values = line.values
        marks = spark(values) if len(values) <= room else "…" + spark(values[-(room - 1) :])
        rows.append(
            (Text(PRINCIPLE_LABELS[line.principle]), Text(marks, "cyan"), Text(_trend(line)))
        )
    return rows


def _pulse_room(width: int) -> int:
    # The widest label ("authenticity"), a trend ("5 ↗ 5") and the gaps between columns.
    return max(10, width - len("authenticity") - len("5 ↗ 5") - 2 * GAP)


def render_status(
    slug: str, r: StatusReport, nudges: Sequence[Nudge], console: Console | None = None
) -> None:
    con = _console(console)
    width = con.width
    con.print(_title(slug, r))
    if r.situation is not None:
        context = Text.assemble((SITUATIONS[r.situation].capitalize(), "bold"))
        if r.context.strip():
            context.append(f": {clean(r.context)}")
        con.print(context)
    if r.started and not r.ended:
        when = f"Week {r.week} of {r.total_weeks} · {r.days_left} days left"
    elif r.ended:
        when = f"The horizon ended on {short_date(r.end, r.today)}"
    else:
        when = f"Starts {short_date(r.start, r.today, weekday=True)}"
    con.print(Text(when))
    con.print()

    start, end = short_date(r.start, r.today), short_date(r.end, r.today)
    room = width - len(start) - len(end) - 2
    line = Text.assemble((f"{start} ", "dim"))
    line.append_text(horizon_line(r, max(10, min(HORIZON_WIDTH, room))))
    line.append(f" {end}", style="dim")
    con.print(line)
    legend = Text(" " * (len(start) + 1))
    legend.append("━ gone  ", style="dim")
    legend.append("● ", style="bold magenta")
    legend.append(f"today {short_date(r.today, r.today)}", style="dim")
    if r.midpoint:
        legend.append("  ◆ ", style="yellow")
        legend.append(f"mid-point review {short_date(r.midpoint, r.today)}", style="dim")
    con.print(legend)
    con.print()

    con.print(_label_grid([(Text(label, style="bold"), value) for label, value in _facts(r)]))

    goals = _goal_rows(r)
    if goals:
        con.print()
        con.print(Text.assemble(("Goals", "bold"), ("  baseline ▒ → latest █, 1-5", "dim")))
        con.print(_goals(goals, width))
    room = _pulse_room(width)
    pulse = _pulse_rows(r, room)
    if pulse:
        con.print()
        sessions = len(r.pulse[0].values)
        which = f"the latest {room - 1} of {sessions}" if sessions > room else "per session"
        con.print(Text.assemble(("Pulse", "bold"), (f"  {which}, first → latest", "dim")))
        grid = _grid(Column(no_wrap=True), Column(no_wrap=True), Column(no_wrap=True))
        for row in pulse:
            grid.add_row(*row)
        con.print(grid)

    if r.concluded:
        con.print()
        con.print(
            Text.assemble(
                ("Concluded: read-only until you run ", "dim"),
                (f"revmentor reopen {clean(slug)}", "bold"),
                (".", "dim"),
            )
        )
        return
    con.print()
    if not nudges:
        con.print(Text("Nothing to nudge about: keep going.", style="green"))
        return
    con.print(Text("Suggestions", style="bold"))
    tips = Table.grid(Column(no_wrap=True), Column(overflow="fold"))
    for n in nudges:
        body = Text(clean(n.text))
        body.append(f" ({n.tie}: {n.tied_to})", style="dim")
        tips.add_row(Text("• "), body)
    con.print(tips)


def _cut(widths: list[int], floors: Sequence[int], room: int) -> list[int]:
    """`widths` cut to add up to at most `room` where they can: the widest first, none
    below its floor."""
    if sum(widths) <= room:
        return widths

    def total(level: int) -> int:
        return sum(min(w, max(level, f)) for w, f in zip(widths, floors, strict=True))

    low, high = 0, max(widths)
    while low < high:
        mid = (low + high + 1) // 2
        if total(mid) <= room:
            low = mid
        else:
            high = mid - 1
    cut = [min(w, max(low, f)) for w, f in zip(widths, floors, strict=True)]
    spare = room - sum(cut)
    for i, (w, c) in enumerate(zip(widths, cut, strict=True)):
        if spare > 0 and c < w:
            cut[i] += 1
            spare -= 1
    return cut


def _summary_widths(natural: list[int], room: int) -> list[int]:
    """The overview's column widths within `room`: long names and partners are cut short
    first (to NAME_FLOOR cells), then every column, down to its heading if need be."""
    floors = [
        min(w, NAME_FLOOR) if col in ("pairing", "partner") else w
        for col, w in zip(SUMMARY_COLUMNS, natural, strict=True)
    ]
    widths = _cut(natural, floors, room)
    return _cut(widths, [len(col) for col in SUMMARY_COLUMNS], room)


def _summary_row(slug: str, r: StatusReport | InvalidFile, tips: int) -> list[Text]:
    name = Text(_one_line(slug))
    if isinstance(r, InvalidFile):
        blank = [Text() for _ in range(3)]
        return [name, Text("invalid file", style="red"), *blank, Text("see `revmentor doctor`")]
    partner = Text(_one_line(r.partner) or "-")
    last = Text(_ago(r.days_since_last) if r.days_since_last is not None else "none yet")
    if r.concluded:
        done = "concluded"
        if r.concluded_on:
            done += f" {short_date(r.concluded_on, r.today)}"
        return [name, partner, Text(done, style="dim"), Text(f"{r.held_all} held"), last, Text()]
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
    looked = Text(", ".join(look)) if look else Text("on track", style="green")
    return [name, partner, Text(where), Text(f"{r.held} of {r.expected}"), last, looked]


def render_summary(
    rows: Sequence[tuple[str, StatusReport | InvalidFile, int]], console: Console | None = None
) -> None:
    """One line per pairing; `int` is how many suggestions its status has. What does not
    fit the width is cut short with an ellipsis, the widest columns first."""
    con = _console(console)
    cells = [_summary_row(slug, r, tips) for slug, r, tips in rows]
    natural = [len(header) for header in SUMMARY_COLUMNS]
    for row in cells:
        natural = [max(w, cell.cell_len) for w, cell in zip(natural, row, strict=True)]
    room = con.width - GAP * (len(SUMMARY_COLUMNS) - 1)
    widths = _summary_widths(natural, room)
    table = Table(
        *(
            Column(Text(header, style="bold"), width=w, no_wrap=True, overflow="ellipsis")
            for header, w in zip(SUMMARY_COLUMNS, widths, strict=True)
        ),
        box=None,
        padding=(0, GAP, 0, 0),
        pad_edge=False,
    )
    for row in cells:
        table.add_row(*row)
    con.print(table)
    con.print(Text("Details: revmentor status PAIRING", style="dim"))

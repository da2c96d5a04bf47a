"""How `revmentor status` lays itself out at 80 and 100 columns, and that text from a file
is shown as typed: no line wider than the screen, no word broken across two lines,
continuation lines under their column, one row per pairing in the overview."""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from revmentor.coach.nudges import nudges
from revmentor.coach.status import StatusReport, status_report
from revmentor.errors import InvalidFile
from revmentor.model import Pairing
from revmentor.views.console import to_stream
from revmentor.views.status import render_status, render_summary
from tests.conftest import Result
from tests.test_status import TODAY, make, mutual, session

WIDTHS = (80, 100)
WIDE = 1000  # wide enough that nothing wraps

LONG_ID = "understand-how-younger-colleagues-want-feedback-and-flexibility"  # 63 characters
LITERAL = "Sam :fire: [bold]x[/bold]"


def long_pairing(**kw: Any) -> Pairing:
    """Long names, long goal ids with notes, pulse and an ask: everything that wraps."""
    goals = [
        {"id": LONG_ID, "text": "Learn", "baseline": 2, "target_date": "2026-11-01"},
        {"id": "genai-for-ops", "text": "Learn AI", "baseline": 1, "owner": "partner"},
        {"id": "sam-strategy-and-the-board", "text": "Learn", "owner": "shared"},
    ]
    sessions = [
        mutual(
            f"2026-09-{d:02d}",
            pulse={"open_mind": 3, "trust": 4, "respect": 5, "authenticity": 2},
            progress={LONG_ID: 3, "genai-for-ops": 2},
        )
        for d in (8, 22)
    ]
    data: dict[str, Any] = {
        "me": {"name": "Helen Okafor-Abernathy of the Operations Directorate"},
        "partner": {"name": f"{LITERAL} Rivera-Montgomery, product analyst in Lisbon"},
        "goals": goals,
        "sessions": sessions,
        "ask": {"topic": "AI", "asked_on": "2026-09-01", "response": "pending"},
    }
    data.update(kw)
    return make(**data)


def on_the_job_pairing() -> Pairing:
    return long_pairing(
        kind="on-the-job",
        context={
            "situation": "parental-leave",
            "description": "Covering Ana's portfolio of supplier contracts, the quarterly "
            "budget round and the onboarding of two apprentices while she is away",
        },
        scan={"gaps": [{"id": "budget", "text": "Budget tool", "priority": "high"}]},
    )


PAIRINGS: dict[str, Callable[[], Pairing]] = {
    "reverse mentoring": long_pairing,
    "on the job": on_the_job_pairing,
    "concluded": lambda: long_pairing(
        state="concluded", wrap_ups=[{"date": "2026-11-20", "decision": "conclude"}]
    ),
}
LONG_SLUG = "a-pairing-whose-name-is-as-long-as-the-file-format-allows-it-be"


def detail(p: Pairing, width: int, slug: str = LONG_SLUG) -> str:
    buf = io.StringIO()
    r = status_report(p, TODAY)
    render_status(slug, r, nudges(r), console=to_stream(buf, width=width))
    return buf.getvalue()


def words(text: str) -> Counter[str]:
    return Counter(text.split())


def fits(text: str, width: int) -> None:
    too_wide = [line for line in text.splitlines() if cell_len(line) > width]
    assert too_wide == [], too_wide


def section(text: str, heading: str) -> list[str]:
    """The lines after the one starting with `heading`, up to the next blank line."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return lines[start:end]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAIRINGS)
def test_detail_fits_and_breaks_no_word(name: str, width: int) -> None:
    p = PAIRINGS[name]()
    text = detail(p, width)
    fits(text, width)
    # Wrapping only moves words to the next line: the same words as on a screen wide
    # enough for every line, none cut in two.
    assert words(text) == words(detail(p, WIDE))
    assert f"({LONG_ID})" in text.split() and LONG_SLUG in text.split()


@pytest.mark.parametrize("width", WIDTHS)
def test_detail_continuation_lines_keep_their_indent(width: int) -> None:
    text = detail(long_pairing(), width)
    # The facts: a label, then values that wrap under the values' column.
    facts = section(text, "7 Sep ")[1:]
    labels = ("Sessions", "Last session", "Next", "Mutuality", "Goal review", "The ask")
    column = max(len(label) for label in labels) + 2
    for line in facts:
        head, value = line[:column], line[column:]
        assert head.strip() in labels or not head.strip(), line
        assert value and not value.startswith(" "), line
    # The suggestions: a bullet, then the text wrapping two cells in.
    tips = section(text, "Suggestions")
    assert len(tips) > len(nudges(status_report(long_pairing(), TODAY)))  # some wrapped
    for line in tips:
        assert line.startswith("• ") or re.match(r"  \S", line), line
    # The goals: a goal's words and id at the margin, what follows it indented.
    goals = section(text, "Goals")
    assert goals[0].startswith(f"Learn ({LONG_ID})")
    for line in goals:
        assert line.split()[0] == "Learn" or (
            line.startswith(" ")
        ), line


@pytest.mark.parametrize("width", WIDTHS)
def test_goals_stay_in_columns_when_they_fit(width: int) -> None:
    p = long_pairing(
        goals=[
            {"id": "genai-for-ops", "text": "AI", "baseline": 1},
            {"id": "gen-z", "text": "Z", "baseline": 2, "target_date": "2026-11-01"},
        ]
    )
    first, second, *more = section(detail(p, width), "Goals")
    assert first.startswith("AI (genai-for-ops)  ▒")
    assert second.startswith("Z (gen-z)           ▒")
    assert first.index("▒") == second.index("▒")
    # The note wraps, if at all, under the notes' column.
    note_at = second.index("not rated yet")
    assert first.index("not rated for") == note_at
    assert all(line[:note_at] == " " * note_at and line[note_at] != " " for line in more)
    assert " ".join(second[note_at:].split() + [w for m in more for w in m.split()]) == (
        "not rated yet; target 1 Nov (passed)"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_a_token_longer_than_the_line_is_folded_not_spilled(width: int) -> None:
    url = "https://intranet.example.org/" + "x" * 150
    p = long_pairing(
        kind="on-the-job", context={"situation": "handover", "description": f"See {url} first"}
    )
    text = detail(p, width)
    fits(text, width)
    assert url in "".join(text.splitlines())


def report(p: Pairing) -> StatusReport:
    return status_report(p, TODAY)


def overview(width: int, long: bool = True, partner: str = LITERAL) -> tuple[str, list[str]]:
    rows: list[tuple[str, StatusReport | InvalidFile, int]] = [
        (LONG_SLUG, report(long_pairing()), 3),
        ("helen-sam", report(make(partner={"name": partner})), 1),
        ("broken", InvalidFile("broken.yaml", ["bad"]), 0),
        ("done", report(make(state="concluded", sessions=[mutual("2026-09-08")])), 0),
    ]
    if not long:
        rows = rows[1:]
    buf = io.StringIO()
    render_summary(rows, console=to_stream(buf, width=width))
    return buf.getvalue(), [slug for slug, _, _ in rows]


@pytest.mark.parametrize("width", (*WIDTHS, 60))
def test_overview_is_one_row_per_pairing_cut_short_to_fit(width: int) -> None:
    text, slugs = overview(width)
    fits(text, width)
    lines = text.splitlines()
    assert len(lines) == 1 + len(slugs) + 1  # the header, a row each, the hint
    assert " ".join(lines[0].split()) == "pairing partner where sessions last to look at"
    for line, slug in zip(lines[1:], slugs, strict=False):
        first = line.split()[0]
        assert slug == first or (first.endswith("…") and slug.startswith(first[:-1])), line
    assert lines[1].count("…") >= 2  # the long slug and partner are cut short, not wrapped
    assert lines[-1] == "Details: revmentor status PAIRING"
    if width >= 80:
        assert "invalid file" in lines[3]
        assert re.search(r"\b4 behind, re", lines[1])


@pytest.mark.parametrize("width", WIDTHS)
def test_overview_shows_ordinary_rows_whole(width: int) -> None:
    text, _ = overview(width, long=False, partner="Sam Rivera")
    fits(text, width)
    lines = text.splitlines()
    assert lines[1].split()[:3] == ["helen-sam", "Sam", "Rivera"]
    assert re.search(r"invalid file +see `revmentor ", lines[2])
    assert re.match(r"done +Sam +concluded +1 held +74 days ago$", lines[3])
    look = "6 behind, review due, 1 suggestion"
    if width == 100:
        assert "…" not in text and lines[1].endswith(f"none yet     {look}")
        assert lines[2].endswith("see `revmentor doctor`")
    else:  # only the last column is cut short, and only by what does not fit
        assert re.search(r"none yet +6 behind, \S.*…$", lines[1])
        assert len(lines[1]) == width


def test_overview_columns_line_up() -> None:
    text, _ = overview(100)
    header, *rows, _hint = text.splitlines()
    for name in ("partner", "where", "sessions", "last", "to look at"):
        at = header.index(name)
        for row in rows:
            filled = len(row) > at and row[at] != " "
            if filled:
                assert row[at - 2 : at] == "  ", (name, row)
            blank = ("invalid file" in row and name in ("where", "sessions", "last")) or (
                row.startswith("done") and name == "to look at"
            )
            assert filled != blank, (name, row)


def test_names_are_shown_literally() -> None:
    for width in WIDTHS:
        text = detail(long_pairing(), width)
        assert LITERAL in text.replace("\n", " ")
        assert "🔥" not in text
    text, _ = overview(120, long=False)
    assert LITERAL in text.splitlines()[1]
    context = long_pairing(
        kind="on-the-job",
        context={"situation": "other", "description": "Read [red]this[/] :smile: first"},
    )
    assert "Read [red]this[/] :smile: first" in detail(context, 100)


def test_literal_text_keeps_no_style_of_its_own() -> None:
    # On a colour terminal, "[bold]x[/bold]" in a name is printed as those characters
    # in the title's own style, not turned into a bold "x".
    from rich.console import Console

    buf = io.StringIO()
    con = Console(file=buf, width=100, force_terminal=True, color_system="standard")
    r = report(make(partner={"name": LITERAL}))
    render_status("pair", r, nudges(r), console=con)
    title = buf.getvalue().splitlines()[0]
    assert "[bold]x[/bold]" in title and ":fire:" in title
    assert re.sub(r"\x1b\[[0-9;]*m", "", title).startswith(f"Helen ⇄ {LITERAL}")


def test_piped_output_has_no_escape_codes(proc: Callable[..., Result], example_home: Path) -> None:
    for args in (("status",), ("status", "helen-sam")):
        r = proc(*args, env={"REVMENTOR_TODAY": "2026-11-21", "NO_COLOR": "", "COLUMNS": "80"})
        assert r.code == 0, r.err
        assert "\x1b" not in r.out
        fits(r.out, 80)
        assert "Week 11 of 13" in r.out


def test_overview_at_80_columns_in_a_real_process(
    proc: Callable[..., Result], example_home: Path, home: Path
) -> None:
    from revmentor.store import Store

    Store(home).create(LONG_SLUG, long_pairing())
    r = proc(env={"REVMENTOR_TODAY": "2026-11-21", "COLUMNS": "80"})
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert len(lines) == 4  # header, two pairings, the hint
    fits(r.out, 80)
    assert lines[1].startswith("a-pairing-") and "…" in lines[1]
    assert lines[2].startswith("helen-sam  ")
    assert all(line == line.rstrip() for line in lines)


def ansi_of(spawn: Callable[..., Any], args: Sequence[str], env: dict[str, str]) -> str:
    import pexpect

    child = spawn(*args, env={"REVMENTOR_TODAY": "2026-11-21", **env})
    child.expect(pexpect.EOF)
    return str(child.before)


def test_colours_on_a_terminal_and_none_under_no_color(
    pty: Callable[..., Any], example_home: Path
) -> None:
    coloured = ansi_of(pty, ("status",), {"NO_COLOR": ""})
    codes = set(re.findall(r"\x1b\[([0-9;]*)m", coloured))
    assert any(re.search(r"(^|;)3[1-6](;|$)", c) for c in codes), codes  # colours
    plain = ansi_of(pty, ("status",), {"NO_COLOR": "1"})
    codes = set(re.findall(r"\x1b\[([0-9;]*)m", plain))
    assert any(re.search(r"(^|;)1(;|$)", c) for c in codes), codes  # bold stays
    assert not any(re.search(r"(^|;)(3[0-9]|9[0-7])(;|$)", c) for c in codes), codes


def test_a_long_session_history_still_fits() -> None:
    sessions = [
        session(f"2026-{m:02d}-{d:02d}", pulse={"trust": 1 + (d % 5)})
        for m in (8, 9, 10, 11)
        for d in range(1, 29)
    ]
    p = long_pairing(sessions=sessions)
    for width in WIDTHS:
        text = detail(p, width)
        fits(text, width)
        assert re.search(r"the latest \d+ of 105,", text)  # those up to today

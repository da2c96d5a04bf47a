"""`revmentor status`: the arithmetic of the report, the view, and the command line."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from revmentor.coach.status import short_date, status_report
from revmentor.model import Pairing
from tests.conftest import EXAMPLE_SLUG, Result

TODAY = date(2026, 11, 21)  # a Saturday


# --- scenario builders (also used by test_nudges and test_prep) ----------------------


def session(day: str, **kw: Any) -> dict[str, Any]:
    return {"date": day, **kw}


def mutual(day: str, **kw: Any) -> dict[str, Any]:
    """A session where both sides wrote down what they learned."""
    return session(day, i_learned="something", they_learned="something else", **kw)


REAL = ("relevant", "experimental", "aspirational", "learning_based")


def make(**kw: Any) -> Pairing:
    """A small, valid pairing: fortnightly, 7 Sep to 7 Dec 2026, one goal, no sessions."""
    data: dict[str, Any] = {
        "created": "2026-09-01",
        "me": {"name": "Helen"},
        "partner": {"name": "Sam"},
        "goals": [
            {
                "id": "ai",
                "text": "Learn to use AI on real reports",
                "baseline": 2,
                "real": dict.fromkeys(REAL, True),
            }
        ],
        "ground_rules": {"frequency": "fortnightly"},
        "horizon": {"start": "2026-09-07", "end": "2026-12-07", "midpoint_review": "2026-10-19"},
        "sessions": [],
    }
    data.update(kw)
    return Pairing.model_validate(data)


def weekly_behind() -> Pairing:
    """Weekly from 5 Oct; by 21 Nov seven sessions were due and only four happened."""
    return make(
        ground_rules={"frequency": "weekly"},
        horizon={"start": "2026-10-05", "end": "2027-01-05", "midpoint_review": "2026-11-20"},
        reviews=[{"date": "2026-11-16"}],
        sessions=[mutual(d) for d in ("2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26")],
    )


def weekly_on_track() -> Pairing:
    days = [date(2026, 10, 5) + timedelta(weeks=i) for i in range(7)]
    return make(
        ground_rules={"frequency": "weekly"},
        horizon={"start": "2026-10-05", "end": "2027-01-05", "midpoint_review": "2026-11-20"},
        reviews=[{"date": "2026-11-16"}],
        sessions=[mutual(d.isoformat()) for d in days],
    )


# --- the report's arithmetic ---------------------------------------------------------


def load_example() -> Pairing:
    from revmentor.store import parse

    path = Path(__file__).resolve().parent.parent / "examples/pairings/helen-sam.yaml"
    return parse(path.read_text(encoding="utf-8"), path)[1]


def test_example_numbers() -> None:
    r = status_report(load_example(), TODAY)
    assert (r.week, r.total_weeks, r.days_left) == (11, 13, 16)
    # Fortnightly from 7 Sep: 7, 21 Sep, 5, 19 Oct, 2, 16 Nov are due by 21 Nov; 30 Nov next.
    assert (r.expected, r.held, r.behind, r.planned_total) == (6, 5, 1, 7)
    assert r.last_session == date(2026, 11, 3)
    assert r.days_since_last == 18
    assert r.next_planned == date(2026, 11, 30)
    assert r.session_overdue  # 18 days without a session on a 14-day rhythm
    assert (r.mutual, r.mutual_of) == (4, 5)
    assert r.review_due is None and r.last_review == date(2026, 10, 20)
    goals = {g.id: g for g in r.goals}
    assert (goals["genai-for-ops"].baseline, goals["genai-for-ops"].latest) == (1, 3)
    assert goals["genai-for-ops"].change == 2
    assert goals["gen-z-expectations"].latest_on == date(2026, 10, 20)
    assert goals["gen-z-expectations"].days_unrated == 32
    assert goals["sam-strategy"].latest == 4
    trust = next(p for p in r.pulse if p.principle == "trust")
    assert trust.values == (3, 4, 4, 5, 5)
    assert r.ask is not None and r.ask.response == "accepted" and r.ask.days_waiting is None
    assert r.next_steps == ("Helen asks IT about an approved assistant", "Sam revises the pitch")


def test_three_weeks_behind_a_weekly_rhythm() -> None:
    r = status_report(weekly_behind(), TODAY)
    assert r.expected == 7  # 5, 12, 19, 26 Oct, 2, 9, 16 Nov
    assert r.held == 4
    assert r.behind == 3
    assert r.days_since_last == 26
    assert r.session_overdue
    assert r.next_planned == date(2026, 11, 23)
    assert r.week == 7


def test_on_track_weekly_is_not_behind_or_overdue() -> None:
    r = status_report(weekly_on_track(), TODAY)
    assert (r.expected, r.held, r.behind) == (7, 7, 0)
    assert r.days_since_last == 5
    assert not r.session_overdue


def test_before_the_start() -> None:
    r = status_report(make(), date(2026, 9, 1))
    assert not r.started
    assert r.expected == 0 and r.behind == 0
    assert r.next_planned == date(2026, 9, 7)
    assert not r.session_overdue
    assert r.review_due is None


def test_after_the_end() -> None:
    r = status_report(make(sessions=[mutual("2026-09-08")]), date(2026, 12, 20))
    assert r.ended and r.days_left == -13
    assert r.next_planned is None
    assert r.expected == r.planned_total == 7
    assert r.review_due is not None and r.review_due.reason == "end"
    assert not r.session_overdue  # nothing is overdue once the horizon is over


def test_future_sessions_are_not_held_yet() -> None:
    r = status_report(make(sessions=[mutual("2026-09-08"), mutual("2026-12-01")]), TODAY)
    assert r.held == 1 and r.held_all == 1
    assert r.last_session == date(2026, 9, 8)


def test_a_session_today_moves_the_next_planned_date() -> None:
    p = make(sessions=[mutual("2026-11-16")])
    assert status_report(p, date(2026, 11, 16)).next_planned == date(2026, 11, 30)
    assert status_report(make(), date(2026, 11, 16)).next_planned == date(2026, 11, 16)


def test_sessions_before_the_horizon_count_in_all_but_not_in_the_cycle() -> None:
    r = status_report(make(sessions=[mutual("2026-06-01"), mutual("2026-09-08")]), TODAY)
    assert (r.held, r.held_all) == (1, 2)
    assert (r.mutual, r.mutual_of) == (2, 2)


def test_latest_rating_comes_from_sessions_reviews_and_history() -> None:
    goals = [
        {"id": "ai", "text": "Learn AI", "baseline": 1},
        {"id": "reviewed", "text": "Learn from a review", "baseline": 2},
        {
            "id": "history",
            "text": "Learn from history",
            "baseline": 2,
            "history": [{"date": "2026-11-01", "event": "rated", "rating": 4}],
        },
    ]
    p = make(
        goals=goals,
        sessions=[session("2026-09-08", progress={"ai": 2}), session("2026-10-01")],
        reviews=[{"date": "2026-10-20", "entries": [{"goal": "reviewed", "rating": 1}]}],
    )
    r = {g.id: g for g in status_report(p, TODAY).goals}
    assert (r["ai"].latest, r["ai"].latest_on, r["ai"].days_unrated) == (2, date(2026, 9, 8), 74)
    assert (r["reviewed"].latest, r["reviewed"].change) == (1, -1)
    assert (r["history"].latest, r["history"].days_unrated) == (4, 20)


def test_the_same_rating_recorded_twice_counts_once() -> None:
    p = make(
        goals=[
            {
                "id": "ai",
                "text": "Learn AI",
                "history": [{"date": "2026-10-20", "event": "rated", "rating": 3}],
            }
        ],
        sessions=[session("2026-10-20", progress={"ai": 3})],
        reviews=[{"date": "2026-10-20", "entries": [{"goal": "ai", "rating": 3}]}],
    )
    assert status_report(p, TODAY).goals[0].ratings == (3,)


def test_unrated_goal_counts_from_when_it_was_set() -> None:
    p = make(
        goals=[
            {
                "id": "new",
                "text": "Learn X",
                "history": [{"date": "2026-11-10", "event": "created"}],
            }
        ]
    )
    g = status_report(p, TODAY).goals[0]
    assert g.latest is None and g.days_unrated == 11


def test_review_due_at_the_midpoint() -> None:
    assert status_report(make(), date(2026, 10, 18)).review_due is None
    due = status_report(make(), date(2026, 10, 19)).review_due
    assert due is not None and (due.reason, due.since) == ("midpoint", date(2026, 10, 19))
    # A review a few days before the mid-point still counts for it.
    early = make(reviews=[{"date": "2026-10-14"}])
    assert status_report(early, date(2026, 10, 25)).review_due is None
    too_early = make(reviews=[{"date": "2026-10-01"}])
    assert status_report(too_early, date(2026, 10, 25)).review_due is not None


def test_review_due_when_the_last_is_older_than_four_intervals() -> None:
    p = make(
        ground_rules={"frequency": "weekly"},
        horizon={"start": "2026-09-07", "end": "2026-12-07"},
        reviews=[{"date": "2026-10-24"}],
    )
    assert status_report(p, date(2026, 11, 21)).review_due is None  # 28 days
    due = status_report(p, date(2026, 11, 22)).review_due  # 29 days
    assert due is not None and due.reason == "stale" and due.since == date(2026, 11, 21)
    # With no review at all, the goals count as looked at on the start date.
    none = make(
        ground_rules={"frequency": "weekly"}, horizon={"start": "2026-09-07", "end": "2026-12-07"}
    )
    assert status_report(none, date(2026, 10, 5)).review_due is None
    stale = status_report(none, date(2026, 10, 6)).review_due
    assert stale is not None and stale.reason == "stale"


def test_mutuality_and_who_goes_unrecorded() -> None:
    only_me = [session(f"2026-09-{d:02d}", i_learned="x") for d in (8, 15, 22, 29)]
    r = status_report(make(sessions=only_me), TODAY)
    assert (r.mutual, r.mutual_of, r.recent_mutual, r.recent_of) == (0, 4, 0, 4)
    assert r.one_sided == "partner"
    only_them = [session(f"2026-09-{d:02d}", they_learned="x") for d in (8, 15, 22)]
    assert status_report(make(sessions=only_them), TODAY).one_sided == "me"
    blank = [session("2026-09-08", i_learned="  ", they_learned="")]
    r = status_report(make(sessions=blank), TODAY)
    assert (r.mutual, r.mutual_of, r.recent_of) == (0, 1, 0)


def test_ask_waiting_days() -> None:
    p = make(ask={"topic": "AI", "asked_on": "2026-11-01", "response": "pending"})
    r = status_report(p, TODAY)
    assert r.ask is not None and r.ask.days_waiting == 20
    p = make(ask={"topic": "AI", "asked_on": "2026-11-01", "response": "declined"})
    r = status_report(p, TODAY)
    assert r.ask is not None and r.ask.days_waiting is None


def test_concluded_pairing_has_no_due_review_or_overdue_session() -> None:
    r = status_report(make(state="concluded"), TODAY)
    assert r.concluded and r.review_due is None and not r.session_overdue


def test_short_date_needs_no_locale() -> None:
    assert short_date(date(2026, 11, 30), TODAY, weekday=True) == "Mon 30 Nov"
    assert short_date(date(2027, 1, 4), TODAY) == "4 Jan 2027"


# --- the view ------------------------------------------------------------------------


def render(p: Pairing, slug: str = "pair", today: date = TODAY, width: int = 100) -> str:
    import io

    from revmentor.coach.nudges import nudges
    from revmentor.views.console import to_stream
    from revmentor.views.status import render_status

    buf = io.StringIO()
    r = status_report(p, today)
    render_status(slug, r, nudges(r), console=to_stream(buf, width=width))
    return buf.getvalue()


def test_a_long_pulse_shows_the_latest_sessions_that_fit() -> None:
    days = [date(2025, 1, 6) + timedelta(days=2 * i) for i in range(150)]
    pulses = [{"open_mind": 1 + i % 5, "trust": 5 - i % 5} for i in range(150)]
    p = make(sessions=[session(d.isoformat(), pulse=v) for d, v in zip(days, pulses, strict=True)])
    for width in (60, 100):
        text = render(p, width=width)
        assert all(len(line) <= width for line in text.splitlines())
        heading = next(line for line in text.splitlines() if line.startswith("Pulse"))
        shown = int(re.search(r"the latest (\d+) of 150", heading).group(1))  # type: ignore[union-attr]
        row = next(line for line in text.splitlines() if line.startswith("open mind"))
        marks = row.split()[2]
        assert marks.startswith("…") and len(marks) == shown + 1
        # The newest session (150th: open mind 5) is the last mark; the trend is all of them.
        assert marks.endswith("█") and row.endswith("1 ↗ 5")


def test_view_glance_elements() -> None:
    text = render(load_example(), EXAMPLE_SLUG)
    assert "Week 11 of 13 · 16 days left" in text
    horizon = next(line for line in text.splitlines() if line.startswith("7 Sep "))
    assert horizon.endswith(" 7 Dec")
    bar = horizon[len("7 Sep ") : -len(" 7 Dec")]
    assert len(bar) == 52 and bar.count("●") == 1 and bar.count("◆") == 1
    # Today sits about 82% along; the mid-point before it.
    assert bar.index("◆") < bar.index("●") == round(0.824 * 51)
    assert set(bar[: bar.index("●")]) <= {"━", "◆"} and set(bar[bar.index("●") + 1 :]) == {"─"}
    # Long goals: the words cut short with the id beside them, the bar on the next line.
    assert re.search(r"Learn to use generative AI tools.*… \(genai-for-ops\)\n\s+▒{4}█{8}·{8}"
                     r"\s+1 → 3 \(\+2\)", text)
    assert re.search(r"\(sam-strategy\) \(theirs\)\n\s+▒{8}█{8}·{4}\s+2 → 4 \(\+2\)", text)
    assert re.search(r"trust\s+▅▆▆██\s+3 ↗ 5", text)
    assert re.search(r"open mind\s+▆▆██▆\s+4 → 4", text)
    assert "4 of 5 sessions with learning on both sides" in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_view_a_fall_below_baseline_and_a_missing_rating() -> None:
    p = make(
        goals=[
            {"id": "down", "text": "Learn A", "baseline": 4},
            {"id": "none", "text": "Learn B"},
        ],
        sessions=[session("2026-11-16", progress={"down": 2})],
    )
    text = render(p)
    # Each goal by its words, with its id beside them.
    assert re.search(r"Learn A \(down\)\s+▒{8}░{8}·{4}\s+4 → 2 \(-2\)", text)
    assert re.search(r"Learn B \(none\)\s+·{20}\s+- → -\s+not rated yet", text)


def test_view_of_a_concluded_on_the_job_plan() -> None:
    p = make(
        kind="on-the-job",
        state="concluded",
        context={"situation": "parental-leave", "description": "Covering Ana's portfolio"},
        scan={"gaps": [{"id": "budget", "text": "Budget tool", "priority": "high"}]},
        wrap_ups=[{"date": "2026-11-20", "decision": "conclude"}],
        sessions=[mutual("2026-09-08")],
    )
    text = render(p)
    assert "on-the-job learning" in text and "concluded 20 Nov" in text
    assert re.search(r"^Check-ins +1 held in the last cycle, 1 in all$", text, re.M)
    assert re.search(r"^Last check-in +8 Sep, 74 days ago$", text, re.M)
    assert "Parental-leave replacement: Covering Ana's portfolio" in text
    assert "revmentor reopen pair" in text
    assert "Suggestions" not in text
    assert "The ask" not in text


def test_view_prints_user_markup_as_typed() -> None:
    p = make(partner={"name": "[bold red]Sam[/]"}, ask={"topic": "x", "asked_on": "2026-11-01"})
    text = render(p)
    assert "[bold red]Sam[/]" in text


# --- through the command line --------------------------------------------------------


Cli = Callable[..., Result]


def test_cli_status_on_the_example(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("status", EXAMPLE_SLUG)
    assert r.code == 0, r.err
    assert "Helen Okafor ⇄ Sam Rivera" in r.out
    assert "5 held of 7 planned · 6 expected by today (fortnightly) · 1 behind" in r.out
    assert "3 Nov, 18 days ago · overdue" in r.out
    assert "Mon 30 Nov" in r.out
    assert "Goal review   up to date (last 20 Oct)" in r.out
    assert "Suggestions" in r.out
    assert "(principle: REAL goals)" in r.out
    assert "\x1b[" not in r.out


def test_cli_status_without_a_name_shows_the_only_pairing(
    cli: Cli, example_home: Path, today: Any
) -> None:
    today("2026-11-21")
    assert cli("status").out == cli("status", EXAMPLE_SLUG).out


def test_cli_status_json(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("status", "--json")
    data = json.loads(r.out)
    assert data["slug"] == EXAMPLE_SLUG
    assert (data["expected"], data["held"], data["behind"]) == (6, 5, 1)
    assert data["next_planned"] == "2026-11-30"
    assert [n["id"] for n in data["nudges"]] == ["horizon-ending", "goal-unrated"]


def test_cli_status_unknown_pairing(cli: Cli, example_home: Path) -> None:
    r = cli("status", "nobody")
    assert r.code == 1
    assert "no pairing called 'nobody'" in r.err and "helen-sam" in r.err
    assert "Traceback" not in r.output


MINIMAL = """\
# written by hand
created: 2026-10-01
partner: {name: Ana}   # my mentor
horizon: {start: 2026-10-05, end: 2027-01-05}
"""


def test_cli_status_on_a_minimal_hand_written_file(cli: Cli, home: Path, today: Any) -> None:
    today("2026-11-21")
    folder = home / "pairings"
    folder.mkdir(parents=True)
    (folder / "mini.yaml").write_text(MINIMAL, encoding="utf-8")
    r = cli("status", "mini")
    assert r.code == 0, r.err
    assert "Ana" in r.out
    assert "none logged yet · overdue" in r.out
    assert "0 held of 7 planned · 4 expected by today (fortnightly) · 4 behind" in r.out
    assert "No session is logged yet" in r.out  # the slipping nudge
    assert "Goals" not in r.out.split("Suggestions")[0].split("Goal review")[1]
    assert (folder / "mini.yaml").read_text(encoding="utf-8") == MINIMAL


def write(home: Path, slug: str, p: Pairing) -> None:
    from revmentor.store import Store

    Store(home).create(slug, p)


def test_no_command_with_no_pairings(cli: Cli) -> None:
    r = cli()
    assert r.code == 0
    assert "No pairings yet" in r.out and "revmentor start" in r.out


def test_no_command_with_one_pairing_shows_its_status(
    cli: Cli, example_home: Path, today: Any
) -> None:
    today("2026-11-21")
    r = cli()
    assert r.code == 0
    assert r.out == cli("status", EXAMPLE_SLUG).out


def test_no_command_with_several_pairings(
    cli: Cli, example_home: Path, home: Path, today: Any
) -> None:
    today("2026-11-21")
    write(
        home,
        "old-pair",
        make(partner={"name": "Maya"}, state="concluded", sessions=[mutual("2026-09-08")]),
    )
    write(home, "weekly", weekly_behind())
    (home / "pairings" / "broken.yaml").write_text("created: [\n", encoding="utf-8")
    r = cli()
    assert r.code == 0, r.err
    lines = {line.split()[0]: line for line in r.out.splitlines() if line.strip()}
    assert "week 11/13" in lines["helen-sam"] and "5 of 6" in lines["helen-sam"]
    assert "1 behind" in lines["helen-sam"] and "2 suggestions" in lines["helen-sam"]
    assert "concluded" in lines["old-pair"] and "1 held" in lines["old-pair"]
    assert "behind" not in lines["old-pair"]
    assert "3 behind" in lines["weekly"] and "4 of 7" in lines["weekly"]
    assert "invalid file" in lines["broken"]
    assert "revmentor status PAIRING" in r.out
    assert cli("status").out == r.out


def test_status_on_a_concluded_pairing(cli: Cli, home: Path, today: Any) -> None:
    today("2026-11-21")
    write(home, "done", make(state="concluded", sessions=[mutual("2026-09-08")]))
    r = cli("status", "done")
    assert r.code == 0
    assert "concluded" in r.out and "revmentor reopen done" in r.out
    assert "Suggestions" not in r.out and "overdue" not in r.out


def test_no_command_in_a_real_process(proc: Callable[..., Result], example_home: Path) -> None:
    r = proc(env={"REVMENTOR_TODAY": "2026-11-21"})
    assert r.code == 0, r.err
    assert "Week 11 of 13" in r.out
    assert "\x1b[" not in r.out


@pytest.mark.parametrize("width", [60, 100, 140])
def test_view_fits_the_width(width: int) -> None:
    text = render(load_example(), EXAMPLE_SLUG, width=width)
    from rich.cells import cell_len

    assert max(cell_len(line) for line in text.splitlines()) <= width
    horizon = [line for line in text.splitlines() if "●" in line and "today" not in line]
    assert len(horizon) == 1 and horizon[0].startswith("7 Sep ━")
    assert horizon[0].endswith("─ 7 Dec")


def test_bidirectional_overrides_in_names_are_shown_as_codes(
    cli: Callable[..., Result], home: Path
) -> None:
    # U+202E would make the rest of the line read right to left on the terminal.
    p = make(partner={"name": "Sam \u202egnirts"}, goals=[{"id": "ai", "text": "Learn \u2066AI"}])
    text = render(p)
    assert "\u202e" not in text and "Sam \\u202egnirts" in text
    from revmentor.store import Store

    Store(home).create("sam", p)
    for args in (("show", "sam"), ("status",), ("status", "sam")):
        out = cli(*args).out
        assert "\u202e" not in out and "\u2066" not in out, args

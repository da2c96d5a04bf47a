"""A newcomer's first three months: what the commands say is true and agrees with itself."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SLUG, Result

Cli = Callable[..., Result]


def test_status_and_prep_tell_the_last_week_as_it_is(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    # 1 December: the last planned session (30 Nov) is behind, the end (7 Dec) is not.
    today("2026-12-01")
    status = cli("status").out
    assert "6 days left" in status
    assert "no more sessions planned before the end on 7 Dec" in status
    assert "horizon has passed" not in status
    prep = cli("prep").out
    assert "no more sessions planned before the end on 7 Dec" in prep
    assert "horizon has passed" not in prep
    today("2026-12-09")
    assert "none planned: the three months ended on 7 Dec" in cli("status").out


def test_after_a_renewal_every_command_counts_the_new_cycle(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    today("2026-12-08")
    assert cli("wrap-up", "--decision", "renew", "--yes").code == 0
    status = cli("status").out
    # The new cycle starts today: its first session is due, not overdue.
    assert "0 held of 7 planned" in status
    assert "overdue" not in status
    today("2026-12-10")
    logged = cli("log-session", "--minutes", "30", "--topic", "a new start", "--yes")
    assert logged.code == 0, logged.output
    assert "session 1 of about 7 planned" in logged.out
    assert "1 held of 7 planned" in cli("status").out
    data = json.loads(cli("status", "--json").out)
    assert (data["held"], data["planned_total"], data["session_overdue"]) == (1, 7, False)


def test_a_session_before_the_renewed_cycle_says_so(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    today("2026-11-21")
    assert cli("wrap-up", "--decision", "renew", "--yes").code == 0
    # The new cycle starts on 8 December; a meeting on 24 November belongs to none.
    today("2026-11-24")
    logged = cli("log-session", "--minutes", "30", "--topic", "in between", "--yes")
    assert logged.code == 0, logged.output
    assert "before this cycle, which starts on 2026-12-08" in logged.out
    assert "session 6" not in logged.out
    assert "overdue" not in cli("status").out
    assert EXAMPLE_SLUG in cli("list").out


def test_renew_marks_reached_goals_achieved_through_flags(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    from revmentor.store import Store

    today("2026-12-08")
    r = cli("wrap-up", "--decision", "renew", "--achieved", "sam-strategy", "--yes")
    assert r.code == 0, r.output
    said = " ".join(r.out.split())
    assert "Carried over: " in said and "(genai-for-ops); " in said
    assert "(gen-z-expectations)" in said.split("Carried over: ", 1)[1].split("Achieved")[0]
    assert "Achieved: Learn how a budget case is built and… (sam-strategy)" in said
    assert "Retired" not in r.out
    goals = {g.id: g for g in Store().read(EXAMPLE_SLUG).goals}
    assert goals["sam-strategy"].status == "achieved"
    assert goals["sam-strategy"].history[-1].rating == 4
    assert [g.status for k, g in goals.items() if k != "sam-strategy"] == ["active", "active"]


def test_renew_refuses_a_goal_both_carried_and_achieved(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    before = path.read_bytes()
    today("2026-12-08")
    r = cli(
        "wrap-up",
        "--decision",
        "renew",
        "--carry-over",
        "sam-strategy",
        "--achieved",
        "sam-strategy",
        "--yes",
    )
    assert r.code == 1
    assert "cannot be both carried over and achieved" in r.err
    r = cli("wrap-up", "--decision", "extend", "--weeks", "2", "--achieved", "sam-strategy")
    assert r.code == 1 and "--achieved goes with --decision renew" in r.err
    r = cli("wrap-up", "--decision", "renew", "--achieved", "nope", "--yes")
    assert r.code == 1 and "no goal 'nope' to mark as achieved" in r.err
    assert path.read_bytes() == before


# --- words ---------------------------------------------------------------------------


def test_the_ask_reads_as_a_sentence_whatever_was_typed() -> None:
    from revmentor.coach.ask import drafts, topic_from_goal
    from revmentor.coach.plan import suggest_partner_goal

    assert topic_from_goal("Finish the Q3 report") == "how to finish the Q3 report"
    assert topic_from_goal("Learn to use AI tools, so I can judge") == "how to use AI tools"
    offers = ["How budgets and forecasts really get decided", "Career guidance"]
    (first, *_) = drafts("AI for reporting", partner="Sam Rivera", offers=offers, side="mentee")
    assert "share how budgets and forecasts really get decided as well as career guidance" in (
        first.text
    )
    assert "How budgets" not in first.text and "Career" not in first.text
    assert "regularly" in first.text
    (weekly, *_) = drafts("AI", offers=offers, side="mentee", frequency="weekly")
    assert "every week" in weekly.text and "regularly" not in weekly.text
    assert suggest_partner_goal(offers) == (
        "Learn how budgets and forecasts really get decided, so that they can bring it to "
        "their team's work, trying it out first on a real piece of that work"
    )
    suggested = suggest_partner_goal(["Career guidance"])
    assert suggested is not None and suggested.startswith("Learn about career guidance,")
    # Acronyms and names keep their capitals.
    assert "share AI prompts and Excel." in drafts("x", offers=["AI prompts", "Excel"])[0].text


def test_start_with_defaults_words_the_ask_from_the_topic_and_rhythm(
    cli: Cli, today: Callable[[str], None]
) -> None:
    from revmentor.store import Store

    today("2026-11-21")
    r = cli(
        "start",
        "--defaults",
        "--partner",
        "Sam Rivera",
        "--goal",
        "Finish the Q3 report",
        "--frequency",
        "weekly",
    )
    assert r.code == 0, r.output
    ask = Store().read("sam-rivera").ask
    assert ask is not None
    assert ask.topic == "how to finish the Q3 report"
    assert "learn more about how to finish the Q3 report" in ask.wording
    assert "every week" in ask.wording


def test_counts_of_one_read_in_the_singular() -> None:
    from revmentor.plural import plural, singular_ones

    assert plural(1, "day") == "1 day" and plural(0, "day") == "0 days"
    assert plural(2, "pairing file") == "2 pairing files"
    said = singular_ones("You have met 1 times in 1 days; 11 days, 21 days and 2.1 days stay.")
    assert said == "You have met 1 time in 1 day; 11 days, 21 days and 2.1 days stay."


def test_status_and_nudges_say_one_day_and_one_time(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    from revmentor.store import Store

    st = Store()
    with st.update(EXAMPLE_SLUG) as p:
        p.sessions = p.sessions[:1]
    today("2026-12-06")
    out = cli("status").out
    assert "1 day left" in out
    assert "met 1 time " in out
    for wrong in ("1 days", "1 times", "(s)"):
        assert wrong not in out
    today("2026-11-21")
    review = cli("goals", "review", "--goal", "genai-for-ops", "--decision", "keep")
    assert "goal(s)" not in review.output


def test_the_plan_for_the_partner_names_whose_goal_it_is(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    today("2026-11-21")
    plan = cli("export", "--section", "plan").out
    assert "| Helen Okafor |" in plan and "| Sam Rivera |" in plan
    full = cli("export").out
    assert "| Helen Okafor | 4/4 |" in full
    assert "| Sam Rivera | 3/4 |" in full
    assert "**owner:** Sam Rivera" in full
    for text in (plan, full):
        assert "**owner:** me" not in text and "| partner |" not in text and "| me |" not in text


def test_text_from_the_person_and_from_files_is_shown_as_written(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "name: Sam Rivera", 'name: "Sam :fire: [bold]Rivera[/bold]"'
    )
    path.write_text(text, encoding="utf-8")
    today("2026-11-21")
    for command in (("status",), ("show",), ("prep",), ("list",), ("goals", "list")):
        out = cli(*command).out
        assert "🔥" not in out, command
    assert "Sam :fire: [bold]Rivera[/bold]" in cli("status").out
    assert "Sam :fire: [bold]Rivera[/bold]" in cli("show").out
    # An error about line 100 of a file prints the line number, not an emoji.
    lines = text.splitlines()
    lines[99] = lines[99] + "  \tnot: [valid"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("show", EXAMPLE_SLUG)
    assert r.code == 1
    assert "💯" not in r.err
    assert f"{EXAMPLE_SLUG}.yaml:100" in r.err
    assert f"{EXAMPLE_SLUG}.yaml:100" in cli("doctor").out


# --- layout and ratings over time ----------------------------------------------------


def test_show_keeps_continuation_lines_under_their_text(
    example_home: Path, proc: Callable[..., Result]
) -> None:
    for width in (80, 100):
        shown = proc("show", env={"COLUMNS": str(width), "REVMENTOR_TODAY": "2026-11-21"})
        assert shown.code == 0, shown.err
        out = shown.out
        lines = out.splitlines()
        assert all(len(line) <= width for line in lines)
        top = (
            "Reverse-mentoring",
            "Me:",
            "Partner:",
            "Horizon:",
            "Goals:",
            "The ask",
            "Ground rules:",
            "Sessions:",
            "Goal reviews:",
        )
        # Only headings start at the margin; every other line is indented.
        for line in lines:
            assert line.startswith(top) or line.startswith("  "), line
        goals = out.split("Goals:\n", 1)[1].split("The ask", 1)[0].splitlines()
        for line in goals:
            assert line.startswith(("  - ", "    ", "      why: ", "           ")), line


def test_goals_list_and_status_show_ratings_over_time(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    today("2026-11-21")
    listed = cli("goals", "list").out
    row = next(line for line in listed.splitlines() if line.startswith("genai-for-ops"))
    # 1 (8 Sep), 2 (22 Sep), 3 (20 Oct, in the session and the review: one point), 3 (3 Nov)
    assert "▁▃▅▅ " in row
    rows = json.loads(cli("goals", "list", "--json").out)
    assert [(r["date"], r["rating"]) for r in rows[0]["ratings"]] == [
        ("2026-09-08", 1),
        ("2026-09-22", 2),
        ("2026-10-20", 3),
        ("2026-11-03", 3),
    ]
    status = cli("status").out
    assert re.search(r"\(genai-for-ops\)\n\s+\S+\s+1 → 3 ▁▃▅▅", status)


# --- defaults that work for the person -------------------------------------------------

GOAL = "Learn to run retros with AI summaries, trying it on two real ones for my team"


@pytest.mark.parametrize(
    ("words", "start"),
    [("next monday", "2026-11-23"), ("in 2 weeks", "2026-12-05"), ("2026-12-01", "2026-12-01")],
)
def test_start_takes_the_start_date_in_words(
    cli: Cli, today: Callable[[str], None], words: str, start: str
) -> None:
    from revmentor.store import Store

    today("2026-11-21")  # a Saturday
    r = cli("start", "--defaults", "--partner", "Sam Rivera", "--goal", GOAL, "--start", words)
    assert r.code == 0, r.output
    assert str(Store().read("sam-rivera").horizon.start) == start


def test_an_on_the_job_goal_keeps_the_deadline_it_names(
    cli: Cli, today: Callable[[str], None], tmp_path: Path
) -> None:
    from revmentor.store import Store

    today("2026-11-21")
    answers = tmp_path / "plan.yaml"
    answers.write_text(
        "kind: on-the-job\n"
        "me: {name: Ana, side: mentor}\n"
        "partner: {name: Tom}\n"
        "context: {situation: handover}\n"
        "scan: {gaps: [Supplier invoices]}\n"
        "goals:\n"
        "  - text: Reconcile supplier invoices in SAP without help by 30 April\n"
        "  - text: Draft the monthly vendor report on my own, checked by Ana\n",
        encoding="utf-8",
    )
    r = cli("start", "--answers", str(answers), "--defaults", "--name", "tom")
    assert r.code == 0, r.output
    p = Store().read("tom")
    dated, undated = p.goals
    assert str(dated.target_date) == "2027-04-30"
    assert undated.target_date == p.horizon.end


# --- fit to the situation --------------------------------------------------------------


def test_a_partner_from_the_same_world_is_mentioned_without_a_terminal_and_in_doctor(
    cli: Cli, today: Callable[[str], None], tmp_path: Path, home: Path
) -> None:
    today("2026-11-21")
    answers = tmp_path / "plan.yaml"
    answers.write_text(
        "me: {generation: Gen Z, background: start-up data work}\n"
        "partner: {generation: Gen Z, background: start-up data work}\n",
        encoding="utf-8",
    )
    r = cli(
        "start",
        "--answers",
        str(answers),
        "--defaults",
        "--partner",
        "Sam Rivera",
        "--goal",
        GOAL,
    )
    assert r.code == 0, r.output
    said = " ".join(r.out.split())
    assert "You and Sam Rivera seem to share a generation (Gen Z) and a background" in said
    doctor = cli("doctor")
    assert doctor.code == 0, doctor.output  # advice, not a fault
    said = " ".join(doctor.out.split())
    assert "! sam-rivera: You and Sam Rivera seem to share a generation (Gen Z)" in said
    assert "All good." in said


def test_partners_from_different_worlds_hear_nothing_of_it(example_home: Path, cli: Cli) -> None:
    out = cli("doctor").out
    assert "share a generation" not in out and "!" not in out


def test_monthly_sessions_fall_on_working_days_everywhere_they_are_shown(
    cli: Cli, today: Callable[[str], None]
) -> None:
    from datetime import date

    from revmentor.coach.horizon import planned_dates
    from revmentor.store import Store

    today("2026-11-01")
    # 7 November 2026 is a Saturday, the end, 7 February 2027, a Sunday.
    r = cli(
        "start",
        "--defaults",
        "--partner",
        "Sam Rivera",
        "--goal",
        GOAL,
        "--frequency",
        "monthly",
        "--start",
        "2026-11-07",
    )
    assert r.code == 0, r.output
    p = Store().read("sam-rivera")
    dates = planned_dates(p.horizon, "monthly")
    # The last falls on the end date, a Sunday: back to the Friday, inside the cycle.
    assert dates == [date(2026, 11, 9), date(2026, 12, 7), date(2027, 1, 7), date(2027, 2, 5)]
    assert "9 Nov, 7 Dec, 7 Jan, 5 Feb" in " ".join(r.out.split())  # the summary
    computed = json.loads(cli("export", "--format", "json").out)["computed"]
    assert computed["planned_dates"] == [d.isoformat() for d in dates]
    data = json.loads(cli("status", "--json").out)
    assert data["next_planned"] == "2026-11-09"
    assert data["planned_total"] == len(dates)
    assert json.loads(cli("show", "--json").out)["horizon"]["start"] == "2026-11-07"

"""`revmentor prep`: what goes on the agenda, and how it reads as text and Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revmentor.coach.agenda import agenda, stage
from revmentor.coach.status import status_report
from revmentor.model import Pairing
from revmentor.views.prep import render_markdown, render_text
from tests.conftest import EXAMPLE_SLUG, Result
from tests.test_nudges import calm, otj, six
from tests.test_status import MINIMAL, TODAY, load_example, make, mutual, session

Cli = Callable[..., Result]
BOX_AND_BLOCKS = re.compile(r"[\u2500-\u259f]")


def starters() -> dict[str, Any]:
    from revmentor import content

    data: dict[str, Any] = content.load("starters.yaml")
    return data


# --- the agenda ----------------------------------------------------------------------


def test_example_agenda() -> None:
    a = agenda(load_example(), TODAY)
    assert a.next_date == date(2026, 11, 30)
    assert (a.session_number, a.planned_total, a.week) == (6, 7, 11)
    assert a.carried == ("Helen asks IT about an approved assistant", "Sam revises the pitch")
    assert a.carried_from == date(2026, 11, 3)
    # The goal unrated for a month and up only one point comes first.
    assert [g.id for g in a.goals] == ["gen-z-expectations", "genai-for-ops"]
    assert a.goals[0].reasons == ("not rated for 32 days", "up only one point from 2")
    assert a.starter is not None and a.starter.stage == "wrap-up"
    labels = [r.label for r in a.reminders]
    assert labels == ["Confidentiality", "Feedback", "Rhythm"]  # overdue: the rhythm matters
    assert a.reminders[0].text.startswith("What we share stays between us")


def test_carried_over_steps_come_from_the_latest_session_with_steps() -> None:
    p = make(
        sessions=[
            session("2026-11-02", next_steps=["draft the pitch"]),
            session("2026-11-16"),
            session("2026-11-30", next_steps=["not yet held"]),
        ]
    )
    a = agenda(p, TODAY)
    assert a.carried == ("draft the pitch",) and a.carried_from == date(2026, 11, 2)


def test_goals_most_in_need_come_first() -> None:
    goals = [
        {"id": "moving", "text": "a", "baseline": 1},
        {"id": "stuck", "text": "b", "baseline": 3},
        {"id": "never", "text": "c", "baseline": 2},
        {"id": "done", "text": "d", "baseline": 1, "status": "achieved"},
    ]
    p = calm(goals=goals, sessions=six(d6={"progress": {"moving": 4, "stuck": 3, "done": 5}}))
    a = agenda(p, TODAY)
    assert [g.id for g in a.goals] == ["never", "stuck"]
    assert a.goals[0].reasons == ("not rated yet",)
    assert a.goals[1].reasons == ("no change from the baseline of 3",)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 9, 10), "early"),
        (date(2026, 10, 12), "early"),
        (date(2026, 10, 14), "mid-point"),  # 40% of the horizon gone
        (date(2026, 11, 15), "mid-point"),
        (date(2026, 11, 16), "wrap-up"),  # 21 days before the end
        (date(2026, 12, 20), "wrap-up"),
    ],
)
def test_stage(day: date, expected: str) -> None:
    assert stage(status_report(make(), day), starters()) == expected


def test_starter_fits_the_stage_and_is_deterministic() -> None:
    data = starters()
    for day, where in (
        (date(2026, 9, 10), "early"),
        (date(2026, 10, 20), "mid-point"),
        (date(2026, 11, 30), "wrap-up"),
    ):
        a = agenda(make(), day)
        assert a.starter is not None and a.starter.stage == where
        texts = [" ".join(s["text"].split()) for s in data["reverse-mentoring"][where]]
        assert a.starter.text in texts
        assert agenda(make(), day) == a


def test_starter_rotates_with_sessions_held() -> None:
    seen = set()
    for n in range(4):
        p = make(sessions=[mutual(f"2026-09-{8 + i:02d}") for i in range(n)])
        a = agenda(p, date(2026, 9, 20))
        assert a.starter is not None
        seen.add(a.starter.text)
    assert len(seen) == 4


def test_starter_prefers_a_falling_principle() -> None:
    p = calm(sessions=six(d5={"pulse": {"authenticity": 5}}, d6={"pulse": {"authenticity": 2}}))
    a = agenda(p, date(2026, 11, 17))
    assert a.starter is not None and a.starter.principle == "authenticity"


def test_starter_prefers_a_low_principle() -> None:
    p = make(sessions=[mutual("2026-09-08", pulse={"trust": 2, "respect": 5})])
    a = agenda(p, date(2026, 9, 10))
    assert a.starter is not None and a.starter.principle == "trust"


def test_reminders_suggest_agreeing_blank_rules() -> None:
    a = agenda(make(), TODAY)
    conf, feedback = a.reminders[0], a.reminders[1]
    assert not conf.agreed and "not agreed what stays between you" in conf.text
    assert not feedback.agreed


def test_on_the_job_agenda() -> None:
    p = otj(
        goals=[
            {
                "id": "sql-goal",
                "text": "Write the weekly query alone",
                "practice": ["pair on Monday's query", "run it alone on Friday"],
                "feedback_from": "Ana, after each run",
                "target_date": "2026-11-28",
            }
        ]
    )
    a = agenda(p, date(2026, 10, 1))
    assert a.on_the_job
    g = a.goals[0]
    assert g.practice == ("pair on Monday's query", "run it alone on Friday")
    assert a.starter is not None
    texts = [" ".join(s["text"].split()) for s in starters()["on-the-job"]["early"]]
    assert a.starter.text in texts
    text = render_text(a)
    assert "Agenda for your next check-in with Sam" in text
    assert "practice: pair on Monday's query; run it alone on Friday" in text
    assert "feedback from Ana, after each run" in text
    assert "target date 28 Nov" in text
    assert "ask" not in text.lower().split()


# --- text and Markdown ---------------------------------------------------------------


def test_plain_text_is_plain() -> None:
    text = render_text(agenda(load_example(), TODAY))
    assert "\x1b" not in text
    assert not BOX_AND_BLOCKS.search(text)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert all(line == line.rstrip() for line in text.splitlines())
    assert text.startswith("Agenda for your next session with Sam Rivera\n")
    sections = [line for line in text.splitlines() if line and not line.startswith(" ")]
    assert sections[2:] == [
        "Carried over from 3 Nov",
        "Goals to give time to",
        "A question to open with (towards the wrap-up)",
        "Ground rules to keep in mind",
        "A guide for this moment (the end of the cycle is near):",
    ]


def md_tokens(text: str) -> list[Any]:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").parse(text)


def test_markdown_structure() -> None:
    text = render_markdown(agenda(load_example(), TODAY))
    tokens = md_tokens(text)
    heads = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert heads == [
        ("h1", "Agenda for your next session with Sam Rivera"),
        ("h2", "Carried over from 3 Nov"),
        ("h2", "Goals to give time to"),
        ("h2", "A question to open with (towards the wrap-up)"),
        ("h2", "Ground rules to keep in mind"),
    ]
    assert sum(t.type == "bullet_list_open" for t in tokens) == 5  # 3 lists + 2 nested
    assert sum(t.type == "blockquote_open" for t in tokens) == 1
    items = [t.content for t in tokens if t.type == "inline" and t.level >= 3]
    assert "Helen asks IT about an approved assistant" in items
    assert any(i.startswith("**Confidentiality**: What we share") for i in items)


def test_markdown_keeps_user_text_inert() -> None:
    p = make(
        partner={"name": "# Sam_the_*star*"},
        sessions=[session("2026-11-16", next_steps=["see [this](http://x) <b>now</b>"])],
    )
    text = render_markdown(agenda(p, TODAY))
    tokens = md_tokens(text)
    assert next(t.tag for t in tokens if t.type == "heading_open") == "h1"
    assert not any(
        t.type in ("link_open", "em_open", "html_inline", "strong_open")
        for t in tokens
        if t.level < 3
    )
    inline = [t for t in tokens if t.type == "inline"]
    children = [c.type for t in inline for c in (t.children or [])]
    assert "link_open" not in children and "em_open" not in children
    assert "html_inline" not in children
    assert "Sam_the_*star*" in "".join(
        c.content for t in inline for c in (t.children or []) if c.type == "text"
    )


# --- through the command line --------------------------------------------------------


def test_cli_prep_on_the_example(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("prep", EXAMPLE_SLUG)
    assert r.code == 0, r.err
    assert r.out == render_text(agenda(load_example(), TODAY, slug=EXAMPLE_SLUG))
    assert "Mon 30 Nov by your rhythm · session 6 of 7 planned · week 11 of 13" in r.out
    assert "  - Sam revises the pitch" in r.out
    assert "\x1b" not in r.out and not BOX_AND_BLOCKS.search(r.out)


def test_cli_prep_markdown(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("prep", "--markdown")
    assert r.code == 0, r.err
    assert r.out.startswith("# Agenda for your next session with Sam Rivera\n")
    assert "## Goals to give time to" in r.out


def test_cli_prep_on_a_minimal_hand_written_file(cli: Cli, home: Path, today: Any) -> None:
    today("2026-11-21")
    folder = home / "pairings"
    folder.mkdir(parents=True)
    (folder / "mini.yaml").write_text(MINIMAL, encoding="utf-8")
    r = cli("prep", "mini")
    assert r.code == 0, r.err
    assert "Agenda for your next session with Ana" in r.out
    assert "Nothing carried over" in r.out
    assert "No active goals: `revmentor goals add` sets one." in r.out
    assert "You have not agreed what stays between you" in r.out
    assert (folder / "mini.yaml").read_text(encoding="utf-8") == MINIMAL
    md = cli("prep", "mini", "--markdown")
    assert md.code == 0 and "- Nothing" not in md.out and "Nothing carried over" in md.out


def test_cli_prep_refuses_a_concluded_pairing(cli: Cli, home: Path) -> None:
    from revmentor.store import Store

    Store(home).create("done", make(state="concluded"))
    r = cli("prep", "done")
    assert r.code == 1
    assert "concluded" in r.err and "revmentor reopen done" in r.err
    assert r.out == ""


def test_cli_prep_with_several_pairings_needs_a_name(cli: Cli, example_home: Path) -> None:
    from revmentor.store import Store

    Store(example_home).create("other", make())
    r = cli("prep")
    assert r.code == 1
    assert "name one: helen-sam, other" in r.err


def test_prep_in_a_real_process_pipes_cleanly(
    proc: Callable[..., Result], example_home: Path
) -> None:
    r = proc("prep", "--markdown", env={"REVMENTOR_TODAY": "2026-11-21"})
    assert r.code == 0, r.err
    assert r.out.startswith("# Agenda")


def test_agenda_for_a_pairing_past_its_horizon() -> None:
    p: Pairing = make(sessions=[mutual("2026-11-30")])
    text = render_text(agenda(p, date(2026, 12, 20)))
    assert "none planned: the three months ended on 7 Dec; `revmentor wrap-up` closes" in text


def test_prep_in_a_terminal_asks_which_pairing(pty: Callable[..., Any], example_home: Path) -> None:
    import pexpect

    from revmentor.store import Store
    from tests.keys import DOWN, ENTER

    Store(example_home).create("other", make(partner={"name": "Ana"}))
    child = pty("prep", env={"REVMENTOR_TODAY": "2026-11-21"}, timeout=30)
    child.expect("Which pairing")
    child.send(DOWN)
    child.send(ENTER)
    child.expect("Agenda for your next session with Ana")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

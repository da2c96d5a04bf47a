"""A newcomer's first three months: what the commands say is true and agrees with itself."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

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
    assert "Carried over: genai-for-ops, gen-z-expectations" in r.out
    assert "Achieved: sam-strategy" in r.out
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

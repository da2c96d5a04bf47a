"""`revmentor ask`: recording when the ask went out and what the answer was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result
from tests.helpers_faults import Snapshot

Cli = Callable[..., Result]


@pytest.fixture(autouse=True)
def _today(today: Callable[[str], None]) -> None:
    today("2026-11-21")


def test_sent_and_answer_from_flags(example_home: Path, cli: Cli) -> None:
    r = cli("ask", EXAMPLE_SLUG, "--sent", "2026-09-01", "--response", "declined", "--on",
            "2026-09-04")
    assert r.code == 0, r.output
    ask = Store().read(EXAMPLE_SLUG).ask
    assert ask is not None
    assert (ask.asked_on, ask.response, ask.answered_on) == (
        date(2026, 9, 1), "declined", date(2026, 9, 4))
    assert "Recorded the ask in helen-sam." in r.out and "Answer: declined (4 Sep)" in r.out
    # The save went through the store: the previous version is a backup.
    assert list((example_home / "backups" / EXAMPLE_SLUG).glob("*.yaml"))


def test_answer_defaults_to_today_and_pending_clears_it(example_home: Path, cli: Cli) -> None:
    assert cli("ask", "--response", "accepted").code == 0
    ask = Store().read(EXAMPLE_SLUG).ask
    assert ask is not None and ask.answered_on == date(2026, 11, 21)
    assert cli("ask", "--response", "pending").code == 0
    ask = Store().read(EXAMPLE_SLUG).ask
    assert ask is not None and (ask.response, ask.answered_on) == ("pending", None)


def test_no_flags_without_a_terminal_shows_the_ask(example_home: Path, cli: Cli) -> None:
    before = Snapshot.of(example_home)
    r = cli("ask")
    assert r.code == 0
    assert "Sent: 2 Sep" in r.out and "Answer: accepted" in r.out
    assert Snapshot.of(example_home).changes(before) == []


def test_a_pairing_without_an_ask_gets_one(home: Path, cli: Cli) -> None:
    from tests.helpers_faults import make_pairing

    make_pairing(home, "sam")
    assert cli("ask", "sam", "--sent", "yesterday").code == 0
    ask = Store().read("sam").ask
    assert ask is not None and ask.asked_on == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sent", "someday"], "--sent: 'someday' is not a date"),
        (["--sent", "2026-02-30"], "--sent: '2026-02-30' is not a real date"),
        (["--sent", "2026-12-01"], "--sent: 2026-12-01 is in the future"),
        (["--sent", "1899-12-31"], "--sent: 1899-12-31 is outside the years 1900 to 2999"),
        (["--sent", "99999999999 days ago"], "--sent: '99999999999 days ago' is not a date"),
        (["--response", "accepted", "--on", "2026-08-01"], "--on: 2026-08-01 is before the ask"),
        (["--on", "today"], "--on: the day an answer came goes with --response"),
        (["--response", "pending", "--on", "today"], "--on: a pending ask has no answer date"),
        (["nobody", "--sent", "today"], "no pairing called 'nobody'"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    example_home: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = Snapshot.of(example_home)
    r = cli("ask", *args)
    assert r.code == 1
    assert r.err.startswith(f"Error: {message}"), r.err
    assert "Traceback" not in r.err
    assert Snapshot.of(example_home).changes(before) == []


def test_an_unknown_answer_is_a_usage_error(example_home: Path, cli: Cli) -> None:
    r = cli("ask", "--response", "maybe")
    assert r.code == 2 and "maybe" in r.err


def test_on_the_job_plans_have_no_ask(home: Path, cli: Cli) -> None:
    from revmentor.model import Pairing
    from tests.helpers_faults import pairing_data

    Store().create("ojt", Pairing.model_validate({**pairing_data(0), "kind": "on-the-job"}))
    before = Snapshot.of(home)
    r = cli("ask", "ojt", "--sent", "today")
    assert r.code == 1 and "on-the-job learning plan has no ask" in r.err
    assert Snapshot.of(home).changes(before) == []

"""`revmentor steps`: the open next steps, closed and reopened by number."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result
from tests.helpers_faults import Snapshot

Cli = Callable[..., Result]
FIRST = "Helen asks IT about an approved assistant"
SECOND = "Sam revises the pitch"


@pytest.fixture(autouse=True)
def _today(today: Callable[[str], None]) -> None:
    today("2026-11-21")


def test_steps_lists_the_open_ones_numbered_with_their_session(
    example_home: Path, cli: Cli
) -> None:
    r = cli("steps")
    assert r.code == 0
    assert "from session 5 (3 Nov)" in r.out
    assert f"1.  {FIRST}" in r.out and f"2.  {SECOND}" in r.out
    assert cli("steps", "list", EXAMPLE_SLUG).out == r.out


def test_done_closes_them_and_prep_leaves_them_out(example_home: Path, cli: Cli) -> None:
    r = cli("steps", "done", EXAMPLE_SLUG, "1")
    assert r.code == 0 and f"1. {FIRST}" in r.out
    p = Store().read(EXAMPLE_SLUG)
    assert p.sessions[-1].done_steps == [FIRST]
    assert list((example_home / "backups" / EXAMPLE_SLUG).glob("*.yaml"))
    listed = json.loads(cli("steps", "--json").out)
    assert [(s["number"], s["text"], s["done"]) for s in listed["steps"]] == [(2, SECOND, False)]
    everything = json.loads(cli("steps", "--all", "--json").out)["steps"]
    assert [s["done"] for s in everything] == [True, False]
    prep = cli("prep").out
    assert SECOND in prep and FIRST not in prep
    # Done twice is not an error, and changes nothing.
    before = Snapshot.of(example_home)
    again = cli("steps", "done", "1")
    assert again.code == 0 and "already done" in again.out
    assert Snapshot.of(example_home).changes(before) == []


def test_reopen_and_all(example_home: Path, cli: Cli) -> None:
    assert cli("steps", "done", "all").code == 0
    assert Store().read(EXAMPLE_SLUG).sessions[-1].done_steps == [FIRST, SECOND]
    assert "No open next steps" in cli("steps").out
    assert "Nothing carried over" in cli("prep").out
    assert cli("steps", "reopen", EXAMPLE_SLUG, "2").code == 0
    assert Store().read(EXAMPLE_SLUG).sessions[-1].done_steps == [FIRST]
    assert cli("steps", "reopen", "1").code == 0
    # Once nothing in the session is done, the key leaves the file again.
    text = (example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml").read_text(encoding="utf-8")
    assert "done_steps" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["done", "9"], "there is no step 9"),
        (["done", EXAMPLE_SLUG, "1", "x"], "'x' is not a step number"),
        (["done"], "name the steps by number"),
        (["reopen", "nobody", "1"], "no pairing called 'nobody'"),
        (["nobody"], "no pairing called 'nobody'"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    example_home: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = Snapshot.of(example_home)
    r = cli("steps", *args)
    assert r.code == 1, r.output
    assert r.err.startswith(f"Error: {message}"), r.err
    assert Snapshot.of(example_home).changes(before) == []


def test_a_hand_edit_marking_a_step_that_is_not_there_is_caught(example_home: Path) -> None:
    from revmentor.errors import InvalidFile

    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    next_steps: [Helen asks IT", "    done_steps: [typo]\n    next_steps: [Helen asks IT"
    )
    assert "done_steps" in text
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidFile, match="not one of this session's next_steps"):
        Store().read(EXAMPLE_SLUG)


def test_help_has_examples(cli: Cli) -> None:
    for args in (["steps", "--help"], ["steps", "done", "--help"], ["steps", "reopen", "-h"]):
        r = cli(*args)
        assert r.code == 0 and "revmentor steps" in r.out and "Example" in r.out


def test_a_session_logged_by_flags_carries_only_the_open_steps(
    example_home: Path, cli: Cli
) -> None:
    assert cli("steps", "done", "1").code == 0
    assert cli("log-session", "--topic", "x", "--next-step", "Book IT").code == 0
    p = Store().read(EXAMPLE_SLUG)
    assert p.sessions[-1].next_steps == [SECOND, "Book IT"]
    listed = json.loads(cli("steps", "--json").out)["steps"]
    assert [(s["number"], s["text"], s["session"]) for s in listed] == [
        (1, SECOND, 6), (2, "Book IT", 6)]

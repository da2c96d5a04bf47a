"""Without a terminal (stdin not a terminal, or closed), every interactive command ends
with a message naming the flags to use: never a hang, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers_faults import Outcome, make_pairing, report, run_cli

COUNT = {"runs": 0}

# command -> whether it may instead succeed, leaving what no flag gave empty (as
# log-session's help says it does without a terminal).
INTERACTIVE: list[tuple[list[str], bool]] = [
    (["start"], False),
    (["start", "--partner", "Kim"], False),
    (["log-session", "sam"], True),
    (["goals", "review", "sam"], False),
    (["goals", "add", "sam"], False),
    (["wrap-up", "sam"], False),
    (["self-check"], False),
    (["edit", "sam"], False),
    (["delete", "sam"], False),
    (["ask", "sam"], True),
    (["steps", "done", "sam"], False),
    (["steps", "reopen", "sam"], False),
    (["sessions", "edit", "sam", "1"], False),
    (["sessions", "remove", "sam", "1"], False),
]


@pytest.fixture(scope="module", autouse=True)
def _count() -> object:
    yield
    report("no terminal", runs=COUNT["runs"])


def check(result: Outcome, may_succeed: bool) -> None:
    COUNT["runs"] += 1
    assert "Traceback" not in result.output, result.output
    if may_succeed and result.code == 0:
        return
    assert result.code == 1, result.output
    assert result.err.startswith("Error:"), result.err
    assert re.search(r"--[a-z]|\$(VISUAL|EDITOR)", result.err), (
        f"the message must name the flags to use instead: {result.err}"
    )


@pytest.mark.parametrize("args,may_succeed", INTERACTIVE, ids=[" ".join(a) for a, _ in INTERACTIVE])
@pytest.mark.parametrize("stdin", ["devnull", "closed", "piped-text"])
def test_interactive_commands_without_a_terminal(
    home: Path, args: list[str], may_succeed: bool, stdin: str
) -> None:
    make_pairing(home, "sam")
    result = run_cli(
        *args,
        home=home,
        input="yes\n\n3\n" if stdin == "piped-text" else "",
        close_stdin=stdin == "closed",
        timeout=60,
    )
    check(result, may_succeed)


@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_choosing_among_several_pairings_without_a_terminal(home: Path, stdin: str) -> None:
    make_pairing(home, "sam")
    make_pairing(home, "kim")
    for args in (["show"], ["log-session", "--yes"], ["prep"], ["export", "-o", "-"],
                 ["goals", "list"], ["wrap-up", "--decision", "conclude", "--yes"]):
        result = run_cli(*args, home=home, close_stdin=stdin == "closed")
        COUNT["runs"] += 1
        assert "Traceback" not in result.output
        assert result.code == 1, (args, result.output)
        assert "sam" in result.err and "kim" in result.err, result.err


def test_no_pairing_yet_without_a_terminal(home: Path) -> None:
    for args in (["show"], ["status", "x"], ["log-session"], ["goals", "review"], ["wrap-up"]):
        result = run_cli(*args, home=home, close_stdin=True)
        COUNT["runs"] += 1
        assert "Traceback" not in result.output
        assert result.code == 1, (args, result.output)
        assert "revmentor start" in result.err or "list" in result.err, result.err

"""Bad wordings for the goal check and the builder: a clear verdict, or a one-line error
with exit code 1; never a traceback, never a changed file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SLUG, Result

Run = Callable[..., Result]

LONG = ("Learn to use SQL for my team by trying it on one report. " * 200)[:10_000]
INPUTS = {
    "empty": "",
    "spaces": "   \t  ",
    "10000-chars": LONG,
    "controls-only": "\x07\x1b[31m\x7f\x1b[2J",
    "controls-inside": "Learn SQL\x1b[2J so my team \x07can try one report",
    "french": "Apprendre à utiliser Power BI pour que mon équipe repère les dérives",
    "chinese": "学习使用数据仪表板",
}
# What each command does with each input: 0 a verdict, 1 a one-line error.
CODES = {
    "empty": 1,
    "spaces": 1,
    "10000-chars": 1,
    "controls-only": 1,
    "controls-inside": 0,
    "french": 0,
    "chinese": 0,
}
# A goal's wording is saved as typed: the file refuses control characters in it, and
# takes any length (a long goal gets its verdict); the builder's answers are tidied
# into the sentence it composes.
SAVED_AS_TYPED = {("controls-inside", "goals-add"): 1, ("10000-chars", "goals-add"): 0}
COMMANDS = {
    "check-goal": lambda t: ["check-goal", t],
    "check-goal-smart": lambda t: ["check-goal", "--smart", t],
    "check-goal-json": lambda t: ["check-goal", "--json", t],
    "goals-add": lambda t: ["goals", "add", EXAMPLE_SLUG, "--text", t],
    "builder-can": lambda t: ["goals", "add", EXAMPLE_SLUG, "--build-can", t,
                              "--build-who", "my team", "--build-try", "one real report"],
    "builder-try": lambda t: ["goals", "add", EXAMPLE_SLUG, "--build-can", "use SQL",
                              "--build-who", "my team", "--build-try", t],
}  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", INPUTS)
def test_bad_wordings(cli: Run, example_home: Path, command: str, case: str) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    before = path.read_bytes()
    r = cli(*COMMANDS[command](INPUTS[case]))
    assert "Traceback" not in r.output
    assert r.code == SAVED_AS_TYPED.get((case, command), CODES[case]), r.output
    if r.code == 1:
        assert r.out == ""
        first, *rest = r.err.splitlines()
        assert first.startswith("Error: ") and len(first) < 200, first
        assert len(rest) <= 1  # at most one line of hint
        assert path.read_bytes() == before
        return
    if command.endswith("json"):
        data = json.loads(r.out)
        assert set(data) == {"text", "checks", "suggestion", "rewrite"}
        assert data["text"] == INPUTS[case].strip()
    else:
        assert "✓" in r.out or "✗" in r.out  # a verdict, one line per criterion
    assert "\x1b" not in r.out and "\x07" not in r.out


@pytest.mark.parametrize("case", ["french", "chinese"])
def test_another_language_is_named_in_the_verdict(cli: Run, case: str) -> None:
    r = cli("check-goal", INPUTS[case])
    assert r.code == 0
    assert "This does not read as English" in " ".join(r.out.split())


def test_an_english_goal_gets_no_language_note(cli: Run) -> None:
    r = cli("check-goal", "Excel pivot tables")
    assert "English" not in r.out


def test_ten_thousand_characters_in_a_child_process(proc: Run) -> None:
    r = proc("check-goal", LONG)
    assert r.code == 1
    assert r.err.startswith("Error: the goal is 10,000 characters long")
    assert "Traceback" not in r.err

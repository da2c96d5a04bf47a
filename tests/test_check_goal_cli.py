"""`revmentor check-goal`: the REAL (and SMART) verdict on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import Result

Run = Callable[..., Result]

GOOD = (
    "Learn to use generative AI tools so I can judge where they could speed up our "
    "operations reporting, by trying them on real weekly reports"
)


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_real_verdict_one_line_per_criterion(cli: Run) -> None:
    r = cli("check-goal", "Finish the Q3 report")
    assert r.code == 0, r.err
    lines = _lines(r.out)
    assert lines[0] == "REAL check: Finish the Q3 report"
    marks = [line for line in lines if line[:1] and line[0] in "✓✗"]
    assert [m.split()[1] for m in marks] == [
        "Relevant",
        "Experimental",
        "Aspirational",
        "Learning-based",
    ]
    assert all(m.startswith("✗") for m in marks)
    assert "Reads as a task to get done (“Finish the Q3 report”)" in r.out
    try_line = next(line for line in lines if line.startswith("Try: "))
    assert try_line.startswith("Try: Learn how to finish the Q3 report")
    # Each failing criterion has its hint under it.
    assert r.out.count("→") == 4
    assert "0 of 4 met. Reword it, starting with Learning-based" in r.out
    assert r.err == ""


def test_a_passing_goal(cli: Run) -> None:
    r = cli("check-goal", GOOD)
    assert r.code == 0
    marks = [line for line in _lines(r.out) if line[:1] and line[0] in "✓✗"]
    assert len(marks) == 4 and all(m.startswith("✓") for m in marks)
    assert "→" not in r.out
    assert "All 4 met." in r.out


def test_json_has_exactly_the_documented_shape(cli: Run) -> None:
    r = cli("check-goal", "--json", "Get better at stuff")
    assert r.code == 0
    data = json.loads(r.out)
    assert list(data) == ["text", "checks", "suggestion", "rewrite"]
    assert data["text"] == "Get better at stuff"
    assert list(data["checks"]) == ["relevant", "experimental", "aspirational", "learning_based"]
    for check in data["checks"].values():
        assert set(check) == {"ok", "why"}
        assert isinstance(check["ok"], bool) and isinstance(check["why"], str)
    assert data["checks"]["learning_based"]["ok"] is True
    assert data["checks"]["aspirational"]["ok"] is False
    assert data["suggestion"].startswith("Say what you want to be able to do with it")
    assert isinstance(data["rewrite"], str) and data["rewrite"].startswith("Get better at")


def test_smart(cli: Run) -> None:
    text = "Reconcile supplier invoices in SAP without help by 31 March, so I can cover for Ana"
    r = cli("check-goal", "--smart", text)
    assert r.code == 0
    marks = [line for line in _lines(r.out) if line[:1] and line[0] in "✓✗"]
    assert [m.split()[1] for m in marks] == [
        "Specific",
        "Measurable",
        "Achievable",
        "Relevant",
        "Time-bound",
    ]
    assert "All 5 met." in r.out

    r = cli("check-goal", "--smart", "--json", "Get better at stuff")
    data = json.loads(r.out)
    assert list(data["checks"]) == [
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    ]
    assert [c["ok"] for c in data["checks"].values()] == [False, False, True, False, False]
    assert data["suggestion"]


def test_words_without_quotes_are_joined(cli: Run) -> None:
    r = cli("check-goal", "--json", "Finish", "the", "Q3", "report")
    assert json.loads(r.out)["text"] == "Finish the Q3 report"


@pytest.mark.parametrize("args", [("check-goal", ""), ("check-goal", "   "), ("check-goal",)])
def test_empty_goal_is_a_clear_error(cli: Run, args: tuple[str, ...]) -> None:
    r = cli(*args)
    assert r.code == 1
    assert r.out == ""
    assert r.err.startswith("Error: the goal to check is empty")
    assert "Traceback" not in r.err


def test_markup_and_control_characters_print_as_typed(cli: Run) -> None:
    r = cli("check-goal", "Learn [bold]Excel[/bold] so our team can try \x1b[31mmodels")
    assert r.code == 0
    assert "[bold]Excel[/bold]" in r.out
    assert "\x1b" not in r.out
    assert "\\x1b" in r.out


def test_help_shows_examples(cli: Run) -> None:
    r = cli("check-goal", "--help")
    assert r.code == 0
    assert "--smart" in r.out and "--json" in r.out
    assert 'revmentor check-goal --smart "Reconcile' in r.out


def test_in_a_child_process(proc: Run) -> None:
    r = proc("check-goal", "--json", "--smart", "Learn the job")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["text"] == "Learn the job"
    assert data["checks"]["specific"] == {
        "ok": False,
        "why": "“the job” does not name a task, tool or skill.",
    }
    r = proc("check-goal", "")
    assert r.code == 1 and "Error: the goal to check is empty" in r.err

"""One goal check everywhere, in a pseudo-terminal: the partner's goal in `start`, and a
new wording that meets fewer criteria than the old one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.keys import ENTER
from tests.test_start_pty import answer, wait_exit

ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30
CLEAR = "\x15"
MINE = (
    "Learn to use Power BI dashboards so that my team can spot budget drift, trying first "
    "to build one dashboard for the March report and see if it is used"
)
THEIRS = (
    "Learn how our board weighs risk, so that Sam can bring it to the analytics team's "
    "proposals, trying it first on one real proposal"
)




def test_the_partners_goal_is_checked_like_mine(
    home: Path, tmp_path: Path, pty: Callable[..., Any]
) -> None:
    answers = tmp_path / "plan.yaml"
    answers.write_text("partner: {name: Sam}\n", encoding="utf-8")
    child = pty("start", "--answers", str(answers), "--defaults", "--name", "sam", env=ENV)
    answer(child, "How would you like to word this goal?", ENTER)  # write it
    answer(child, "What do you want to learn? (one goal)", MINE + ENTER)
    answer(child, "Why does it matter", ENTER)
    for key in ("Relevant:", "Experimental:", "Aspirational:", "Learning-based:"):
        answer(child, key, ENTER)
    answer(child, "(baseline, 1-5)", ENTER)
    answer(child, "A short id to type it by", ENTER)  # the proposal
    answer(child, "Add another goal for you?", ENTER)
    answer(child, "A goal for your partner", "Proofread my slides" + ENTER)
    child.expect_exact("✗", timeout=TIMEOUT)  # the same verdict as for my own goals
    child.expect_exact("Learning-based", timeout=TIMEOUT)
    answer(child, "What would you like to do with this goal for your partner?", ENTER)
    answer(child, "Your new wording:", CLEAR + THEIRS + ENTER)
    answer(child, "A short id to type it by", ENTER)  # the proposal
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    goals = Store(home).read("sam").goals
    assert [(g.owner, g.text) for g in goals] == [("me", MINE), ("partner", THEIRS)]
    assert goals[1].real.relevant and goals[1].real.experimental


def test_a_weaker_wording_is_not_taken_by_default(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty("goals", "review", env=ENV, timeout=TIMEOUT)
    answer(child, "(genai-for-ops) now?", ENTER)
    answer(child, "What do you decide for this goal?", "2" + ENTER)  # reword
    answer(child, "How would you like to word this goal?", ENTER)
    answer(child, "New wording", CLEAR + "Finish the Q3 report" + ENTER)
    child.expect_exact("✗", timeout=TIMEOUT)
    child.expect_exact("Use this wording?", timeout=TIMEOUT)
    answer(child, "(y/N)", ENTER)  # No by default: it meets fewer criteria than the old one
    answer(child, "How would you like to word this goal?", ENTER)
    answer(child, "New wording", CLEAR + MINE + ENTER)
    child.expect_exact("Use this wording?", timeout=TIMEOUT)
    answer(child, "(Y/n)", ENTER)
    answer(child, "Why the change? (optional)", ENTER)
    for _ in range(2):
        answer(child, "now?", ENTER)
        answer(child, "What do you decide for this goal?", ENTER)
    answer(child, "Add a new goal?", ENTER)
    answer(child, "A note on this review (optional)", ENTER)
    assert wait_exit(child) == 0
    goal = Store().read(EXAMPLE_SLUG).goal("genai-for-ops")
    assert goal is not None and goal.text == MINE


def test_a_flag_reword_prints_the_verdict_without_a_terminal(
    cli: Any, example_home: Path
) -> None:
    r = cli("goals", "review", EXAMPLE_SLUG, "--goal", "sam-strategy", "--decision", "reword",
            "--text", "Finish the Q3 report")  # fmt: skip
    assert r.code == 0, r.output
    assert "✗ Learning-based" in r.out and "Review of" in r.out


def test_goals_add_from_a_flag_prints_the_verdict(cli: Any, example_home: Path) -> None:
    r = cli("goals", "add", EXAMPLE_SLUG, "--text", "Finish the Q3 report")
    assert r.code == 0 and "✗ Learning-based" in r.out


JOB = (
    "kind: on-the-job\npartner: {name: Lena}\n"
    "scan: {gaps: [{text: Month-end close in SAP}]}\n"
    "goals: [{text: Close the month in SAP on my own by 26 February 2027}]\n"
)


def test_an_on_the_job_plan_checks_new_goals_against_smart(
    cli: Any, home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "job.yaml"
    answers.write_text(JOB, encoding="utf-8")
    assert cli("start", "--answers", str(answers), "--defaults", "--name", "lena").code == 0
    r = cli("goals", "add", "lena", "--text", "Get better at stuff")
    assert r.code == 0, r.output
    assert "✗ Specific" in r.out and "Learning-based" not in r.out
    goal = Store().read("lena").goals[-1]
    assert goal.smart is not None and not goal.smart.specific
    data = json.loads(cli("status", "lena", "--json").out)
    assert "goal-weak" in [n["id"] for n in data["nudges"]]
    first = Store().read("lena").goals[0].id
    better = "Close the month in SAP alone, twice in a row, by 26 February 2027"
    r = cli("goals", "review", "lena", "--goal", first, "--decision", "reword", "--text", better)
    assert r.code == 0, r.output
    assert "Time-bound" in r.out and "Experimental" not in r.out

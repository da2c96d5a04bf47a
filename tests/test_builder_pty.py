"""The goal builder ("Build it with me") in a pseudo-terminal: start, goals add, review."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.keys import DOWN, ENTER
from tests.test_start_pty import answer, wait_exit

ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30
CHOICE = "How would you like to word this goal?"
BUILT = (
    "Learn to use Power BI dashboards so that my team can spot budget drift, trying first "
    "to build one dashboard for the March report and see if it is used"
)



def build_it(child: Any, edit: str = "") -> None:
    """Pick the builder, answer its three questions, and edit what it composed."""
    answer(child, CHOICE, DOWN + ENTER)
    answer(child, "What do you want to be able to do by the end of the three months?",
           "I want to be able to use Power BI dashboards" + ENTER)  # fmt: skip
    answer(child, "Who gains, and how does it connect", "my team can spot budget drift" + ENTER)
    answer(child, "What will you try first, and how will you know it worked?",
           "Build one dashboard for the March report and see if it is used." + ENTER)  # fmt: skip
    child.expect_exact("Here is your goal, in one sentence:", timeout=TIMEOUT)
    answer(child, "Edit the goal before you accept it", edit + ENTER)



def test_goals_add_builds_the_goal_with_the_person(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty("goals", "add", env=ENV, timeout=TIMEOUT)
    build_it(child, edit=" together")
    child.expect_exact("Learning-based", timeout=TIMEOUT)
    assert "✗" not in child.before
    answer(child, "Whose goal is it?", ENTER)
    answer(child, "Why does it matter? (optional)", ENTER)
    answer(child, "Where are you today, 1 to 5?", ENTER)
    answer(child, "A short id to type it by", ENTER)  # the proposal
    child.expect_exact("Added goal", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    goal = Store().read(EXAMPLE_SLUG).goals[-1]
    assert goal.text == BUILT + " together"  # the person's edit is kept
    assert goal.real.relevant and goal.real.experimental
    assert goal.real.aspirational and goal.real.learning_based


def test_review_rewords_with_the_builder(example_home: Path, pty: Callable[..., Any]) -> None:
    child = pty("goals", "review", env=ENV, timeout=TIMEOUT)
    answer(child, "(genai-for-ops) now?", ENTER)
    answer(child, "What do you decide for this goal?", "2" + ENTER)  # reword
    build_it(child)
    answer(child, "Use this wording?", ENTER)  # it meets as many criteria: Yes by default
    answer(child, "Why the change? (optional)", ENTER)
    answer(child, "(gen-z-expectations) now?", ENTER)
    answer(child, "What do you decide for this goal?", ENTER)
    answer(child, "(sam-strategy) now?", ENTER)
    answer(child, "What do you decide for this goal?", ENTER)
    answer(child, "Add a new goal?", ENTER)
    answer(child, "A note on this review (optional)", ENTER)
    child.expect_exact("saved in helen-sam", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    goal = Store().read(EXAMPLE_SLUG).goal("genai-for-ops")
    assert goal is not None and goal.text == BUILT


def test_start_builds_the_first_goal(home: Path, tmp_path: Path, pty: Callable[..., Any]) -> None:
    answers = tmp_path / "plan.yaml"
    answers.write_text("partner: {name: Lee}\n", encoding="utf-8")
    child = pty("start", "--answers", str(answers), "--defaults", "--name", "lee", env=ENV)
    build_it(child)
    child.expect_exact("Learning-based", timeout=TIMEOUT)  # the verdict of the built goal
    answer(child, "Why does it matter", ENTER)
    for key in ("Relevant:", "Experimental:", "Aspirational:", "Learning-based:"):
        answer(child, key, ENTER)
    answer(child, "(baseline, 1-5)", ENTER)
    answer(child, "A short id to type it by", ENTER)  # the proposal
    answer(child, "Add another goal for you?", ENTER)
    answer(child, "A goal for your partner", ENTER)
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    goal = Store(home).read("lee").goals[0]
    assert goal.text == BUILT
    assert goal.real.relevant and goal.real.aspirational


def test_a_poor_wording_from_a_flag_can_be_reworded_in_a_terminal(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty("goals", "add", "--text", "Finish the Q3 report", env=ENV, timeout=TIMEOUT)
    child.expect_exact("✗", timeout=TIMEOUT)  # the verdict, before anything is saved
    answer(child, "What would you like to do with this goal?", ENTER)  # reword
    answer(child, "Your new wording:", "\x15" + BUILT + ENTER)
    child.expect_exact("Added goal", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    assert Store().read(EXAMPLE_SLUG).goals[-1].text == BUILT


JOB = """\
kind: on-the-job
me: {side: mentor, name: Ana Silva}
partner: {name: Tom Berg}
context: {situation: handover, description: Tom takes over the monthly close.}
scan:
  gaps:
    - {text: Run the monthly close alone, priority: high}
"""


def test_on_the_job_builder_asks_for_the_measure_and_date(
    home: Path, tmp_path: Path, pty: Callable[..., Any]
) -> None:
    answers = tmp_path / "job.yaml"
    answers.write_text(JOB, encoding="utf-8")
    child = pty("start", "--answers", str(answers), "--defaults", env=ENV, timeout=TIMEOUT)
    answer(child, CHOICE, DOWN + ENTER)
    answer(child, "What should the learner be able to do by the target date?",
           "run the monthly close" + ENTER)  # fmt: skip
    answer(child, "Who gains, and how does it connect", "the finance team" + ENTER)
    answer(child, "What will you try first", "the January close, checked by Ana" + ENTER)
    answer(child, "How will you measure it?", "on his own, with at most two corrections" + ENTER)
    answer(child, "By when?", ENTER)  # the end of the plan, three months from its start
    child.expect_exact("Here is your goal, in one sentence:", timeout=TIMEOUT)
    answer(child, "Edit the goal before you accept it", ENTER)
    child.expect_exact("Time-bound", timeout=TIMEOUT)
    answer(child, "(baseline, 1-5)", ENTER)
    answer(child, "A short id to type it by", ENTER)  # the proposal
    answer(child, "Add another goal?", ENTER)
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    (goal,) = Store(home).read("tom-berg").goals
    assert goal.text == (
        "Learn to run the monthly close on his own, with at most two corrections by 23 "
        "February 2027 to help the finance team, trying it first on the January close, "
        "checked by Ana"
    )
    assert goal.smart is not None and goal.smart.measurable and goal.smart.time_bound
    assert goal.gap == "run-monthly-close"

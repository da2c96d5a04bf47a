"""`revmentor goals review` and `goals add` answered by a person, in a pseudo-terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pexpect

from revmentor.model import RealFlags
from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.keys import CTRL_C, ENTER

ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30
CLEAR_LINE = "\x15"  # Ctrl-U: erase the pre-filled answer
TODAY = date(2026, 11, 21)

POOR = "Run better meetings"
REWORDED = (
    "Learn how younger colleagues want feedback, trying two new meeting formats, "
    "so my team keeps its graduates"
)
NEW_GOAL = (
    "Learn to run team retros with AI summaries, trying it on two real retros, "
    "so my team spends its time on decisions"
)


def answer(child: Any, question: str, keys: str) -> None:
    child.expect_exact(question, timeout=TIMEOUT)
    child.send(keys)


def test_a_whole_review(example_home: Path, pty: Callable[..., Any]) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    comments = [ln for ln in path.read_text(encoding="utf-8").splitlines() if "#" in ln]
    child = pty("goals", "review", env=ENV, timeout=TIMEOUT)

    child.expect_exact("Reviewing 3 active goal(s) of helen-sam.", timeout=TIMEOUT)
    # Each goal comes with its baseline, ratings so far and the REAL verdict.
    child.expect_exact("Goal 1 of 3: genai-for-ops", timeout=TIMEOUT)
    child.expect_exact("baseline 1 · ratings so far: 1 (8 Sep), 2 (22 Sep)", timeout=TIMEOUT)
    child.expect_exact("Learning-based", timeout=TIMEOUT)
    answer(child, "(genai-for-ops) now?", "4" + ENTER)
    answer(child, "What do you decide for this goal?", ENTER)  # keep

    answer(child, "(gen-z-expectations) now?", ENTER)  # skipped
    answer(child, "What do you decide for this goal?", "2" + ENTER)  # reword
    answer(child, "How would you like to word this goal?", ENTER)  # write it
    answer(child, "New wording", CLEAR_LINE + POOR + ENTER)
    # The new wording is checked again, and a poor one can be written again.
    child.expect_exact("✗", timeout=TIMEOUT)  # a failed check
    answer(child, "Use this wording?", "n" + ENTER)
    answer(child, "How would you like to word this goal?", ENTER)  # write it
    answer(child, "New wording", CLEAR_LINE + REWORDED + ENTER)
    answer(child, "Use this wording?", "y" + ENTER)
    answer(child, "Why the change? (optional)", "sharper" + ENTER)

    child.expect_exact("Goal 3 of 3: sam-strategy", timeout=TIMEOUT)
    answer(child, "(sam-strategy) now?", "5" + ENTER)
    answer(child, "What do you decide for this goal?", "4" + ENTER)  # retire
    answer(child, "Why retire it?", ENTER)
    child.expect_exact("Please type an answer.", timeout=TIMEOUT)
    child.send("Sam moved team" + ENTER)

    answer(child, "Add a new goal?", "y" + ENTER)
    answer(child, "How would you like to word this goal?", ENTER)  # write it
    answer(child, "The goal, in a sentence", NEW_GOAL + ENTER)
    answer(child, "Whose goal is it?", "3" + ENTER)  # both of us
    answer(child, "Why does it matter? (optional)", ENTER)
    answer(child, "Where are you today, 1 to 5?", "2" + ENTER)
    answer(child, "Add another goal?", "n" + ENTER)
    answer(child, "A note on this review (optional)", "Good talk" + ENTER)
    child.expect_exact("Review of 2026-11-21 saved in helen-sam.", timeout=TIMEOUT)
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 0

    p = Store().read(EXAMPLE_SLUG)
    review = p.reviews[-1]
    assert review.date == TODAY
    assert review.note == "Good talk"
    assert [(e.goal, e.decision, e.rating, e.text, e.reason) for e in review.entries] == [
        ("genai-for-ops", "keep", 4, None, None),
        ("gen-z-expectations", "reword", None, REWORDED, "sharper"),
        ("sam-strategy", "retire", 5, None, "Sam moved team"),
    ]
    new = p.goals[-1]
    assert review.added == [new.id]
    assert (new.text, new.owner, new.baseline, new.status) == (NEW_GOAL, "shared", 2, "active")
    assert new.real == RealFlags(
        relevant=True, experimental=True, aspirational=True, learning_based=True
    )

    genz = p.goal("gen-z-expectations")
    assert genz is not None
    assert genz.text == REWORDED
    last = genz.history[-1]
    assert (last.date, last.event, last.text, last.reason) == (
        TODAY,
        "reworded",
        REWORDED,
        "sharper",
    )
    assert last.previous is not None and last.previous.startswith("Understand how younger")
    sam = p.goal("sam-strategy")
    assert sam is not None
    assert sam.status == "retired"
    assert [(h.event, h.rating, h.reason) for h in sam.history[-2:]] == [
        ("rated", 5, None),
        ("retired", None, "Sam moved team"),
    ]
    # The hand-written comments of the example file are all still there.
    after = path.read_text(encoding="utf-8")
    for line in comments:
        assert line.split("#", 1)[1] in after


def test_ctrl_c_in_a_review_saves_nothing(example_home: Path, pty: Callable[..., Any]) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    before = path.read_bytes()
    child = pty("goals", "review", env=ENV, timeout=TIMEOUT)
    answer(child, "(genai-for-ops) now?", "4" + ENTER)
    answer(child, "What do you decide for this goal?", ENTER)  # keep
    answer(child, "(gen-z-expectations) now?", ENTER)
    answer(child, "What do you decide for this goal?", "3" + ENTER)  # achieved
    answer(child, "What shows it is achieved? (optional)", CTRL_C)
    # The decision completed before Ctrl-C comes back as a command; nothing is saved.
    child.expect_exact("Nothing was saved. To record the decisions you had made, run:")
    child.expect_exact(
        "revmentor goals review helen-sam --goal genai-for-ops --decision keep --rating 4"
    )
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 130
    assert "gen-z-expectations --decision" not in child.before
    assert path.read_bytes() == before


def test_flags_decide_one_goal_and_the_rest_are_asked(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty(
        "goals", "review", "--goal", "sam-strategy", "--decision", "achieved",
        "--note", "from a flag", env=ENV, timeout=TIMEOUT,
    )  # fmt: skip
    child.expect_exact("Reviewing 2 active goal(s)", timeout=TIMEOUT)
    answer(child, "(genai-for-ops) now?", ENTER)
    answer(child, "What do you decide for this goal?", ENTER)
    answer(child, "(gen-z-expectations) now?", ENTER)
    answer(child, "What do you decide for this goal?", ENTER)
    answer(child, "Add a new goal?", "n" + ENTER)
    # --note answered the note question, so it is not asked.
    child.expect_exact("Review of 2026-11-21 saved", timeout=TIMEOUT)
    assert "A note on this review" not in child.before
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 0
    review = Store().read(EXAMPLE_SLUG).reviews[-1]
    assert [(e.goal, e.decision) for e in review.entries] == [
        ("sam-strategy", "achieved"),
        ("genai-for-ops", "keep"),
        ("gen-z-expectations", "keep"),
    ]
    assert review.note == "from a flag"


def test_goals_add_asks_when_there_is_no_text(example_home: Path, pty: Callable[..., Any]) -> None:
    child = pty("goals", "add", env=ENV, timeout=TIMEOUT)
    answer(child, "How would you like to word this goal?", ENTER)  # write it
    answer(child, "The goal, in a sentence", "Finish the Q3 report" + ENTER)
    child.expect_exact("✗", timeout=TIMEOUT)  # a failed check
    answer(child, "Whose goal is it?", ENTER)  # me
    answer(child, "Why does it matter? (optional)", "the board asked" + ENTER)
    answer(child, "Where are you today, 1 to 5?", ENTER)  # skipped
    # A short id is proposed, and can be changed; one already taken is refused.
    child.expect_exact("A short id to type it by", timeout=TIMEOUT)
    answer(child, "finish-q3-report", CLEAR_LINE + "genai-for-ops" + ENTER)
    child.expect_exact("is already a goal's id", timeout=TIMEOUT)
    child.send(CLEAR_LINE + "q3-report" + ENTER)
    child.expect_exact("Added goal 'q3-report' to helen-sam.", timeout=TIMEOUT)
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 0
    goal = Store().read(EXAMPLE_SLUG).goal("q3-report")
    assert goal is not None
    assert (goal.owner, goal.why, goal.baseline) == ("me", "the board asked", None)
    assert goal.real.learning_based is False

"""`revmentor start --kind on-the-job`: the Mentoring Plan Map, by answers file and in a pty."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revmentor.coach import plan
from revmentor.store import Store
from tests.conftest import Result
from tests.keys import DOWN, ENTER

Cli = Callable[..., Result]
ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30
CLEAR = "\x15"

SMART_GOAL = (
    "Run the January month-end close without help by 15 February, with at most two "
    "corrections, so the team closes on time"
)

ANSWERS = f"""\
kind: on-the-job
me:
  side: mentor
  name: Ana Silva
partner:
  name: Tom Berg
context:
  situation: handover
  description: Tom takes over the monthly close from Ana.
scan:
  role_requirements: [run the monthly close, negotiate vendor contracts]
  current_skills: [reconciliations]
  gaps:
    - text: Run the monthly close alone
      priority: high
    - Vendor contract terms
goals:
  - text: {SMART_GOAL}
    gap: Run the monthly close alone
    practice: [shadow the December close]
  - Get up to speed on contracts
"""


@pytest.fixture(autouse=True)
def frozen(today: Callable[[str], None]) -> None:
    today("2026-11-21")


def test_answers_file_with_defaults(cli: Cli, home: Path, tmp_path: Path) -> None:
    path = tmp_path / "job.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    result = cli("start", "--answers", str(path), "--defaults")
    assert result.code == 0, result.err
    p = Store(home).read("tom-berg")
    assert p.kind == "on-the-job"
    assert p.ask is None
    assert p.context is not None and p.context.situation == "handover"
    assert p.scan is not None
    assert [(g.id, g.priority) for g in p.scan.gaps] == [
        ("run-monthly-close", "high"),
        ("vendor-contract-terms", "medium"),
    ]
    closing, vague = p.goals
    assert closing.gap == "run-monthly-close"
    assert closing.smart is not None and closing.smart.model_dump() == dict.fromkeys(
        plan.SMART_KEYS, True
    )
    assert vague.smart is not None and not vague.smart.measurable
    assert closing.owner == "partner"  # Ana mentors: the goals are Tom's
    assert closing.practice == ["shadow the December close"]
    assert closing.feedback_from == "Ana Silva"
    assert closing.target_date == date(2027, 2, 15)  # the goal says "by 15 February"
    assert p.ground_rules.frequency == "weekly"
    assert p.ground_rules.session_minutes == 30
    assert "SMART" in result.out and "closes gap: run-monthly-close" in result.out
    assert "Walk Tom Berg through the plan" in result.out


def test_kind_flag_overrides_nothing_when_the_file_says_it(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "job.yaml"
    path.write_text(ANSWERS.replace("kind: on-the-job\n", ""), encoding="utf-8")
    result = cli("start", "--answers", str(path), "--defaults", "--kind", "on-the-job")
    assert result.code == 0, result.err


def test_missing_on_the_job_answers_are_listed(cli: Cli, home: Path) -> None:
    result = cli("start", "--kind", "on-the-job", "--partner", "Tom")
    assert result.code == 1
    first = result.err.splitlines()[0]
    assert "context.situation" in first and "scan.gaps" in first and "goals" in first
    assert "ground_rules.channel" not in first  # not asked for on-the-job plans
    assert "partner.name" not in first


def test_on_the_job_wizard_in_a_terminal(pty: Callable[..., Any], home: Path) -> None:
    import pexpect

    child = pty("start", "--kind", "on-the-job", env=ENV, timeout=TIMEOUT)

    def answer(prompt: str, keys: str) -> None:
        child.expect_exact(prompt, timeout=TIMEOUT)
        child.send(keys)

    answer("Step 1 of 4", "")
    answer("Which side are you on?", ENTER)  # mentor
    answer("Your name:", "Ana Silva" + ENTER)
    answer("Your role:", "Finance lead" + ENTER)
    answer("The name of the person you are guiding:", "Tom Berg" + ENTER)
    answer("Their role:", "Junior accountant" + ENTER)
    answer("What is the situation?", DOWN * 3 + ENTER)  # handover
    answer("In a sentence or two", "Tom takes over the monthly close." + ENTER)
    answer("Step 2 of 4", "")
    answer("What does the role require?", "run the monthly close" + ENTER)
    answer("(another, or Enter to finish)", ENTER)
    answer("What can Tom Berg already do well?", "reconciliations" + ENTER)
    answer("(another, or Enter to finish)", ENTER)
    answer("A learning gap:", "Run the monthly close alone" + ENTER)
    answer("Its priority:", ENTER)  # high
    answer("Another learning gap (or Enter to finish)", "Vendor contract terms" + ENTER)
    answer("Its priority:", DOWN + ENTER)  # medium
    answer("Another learning gap (or Enter to finish)", ENTER)
    answer("Step 3 of 4", "")
    answer("How would you like to word this goal?", ENTER)  # write it
    answer('A SMART goal for the gap "Run the monthly close alone"', "Get up to speed" + ENTER)
    child.expect_exact("Measurable", timeout=TIMEOUT)
    answer("What would you like to do with this goal?", ENTER)  # reword
    answer("Your new wording:", CLEAR + SMART_GOAL + ENTER)
    answer("(baseline, 1-5)", DOWN + ENTER)  # 1, the default, -> 2
    answer("A short id to type it by", ENTER)  # the proposal
    answer("How would you like to word this goal?", ENTER)  # write it
    answer('A SMART goal for the gap "Vendor contract terms"', ENTER)  # skipped
    answer("Add another goal?", "n" + ENTER)
    answer("Step 4 of 4", "")
    answer("How often do you check in?", ENTER)  # weekly
    answer("How long is a check-in", ENTER)
    answer("Start date", ENTER)
    answer("End of this first cycle", ENTER)
    answer("Mid-point review", ENTER)
    child.expect_exact("14 planned check-ins", timeout=TIMEOUT)
    answer("Bite-size practice on real tasks:", "shadow the December close" + ENTER)
    answer("(another, or Enter to finish)", ENTER)
    answer("Who gives feedback?", ENTER)
    answer("When is feedback given?", ENTER)
    answer("Target date for this goal", CLEAR + "2027-02-15" + ENTER)
    child.expect_exact("Your on-the-job learning plan", timeout=TIMEOUT)
    answer("Save this plan, or go back", ENTER)
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 0

    p = Store(home).read("tom-berg")
    assert p.kind == "on-the-job" and p.ask is None
    assert p.context is not None and p.context.situation == "handover"
    assert p.scan is not None and [g.priority for g in p.scan.gaps] == ["high", "medium"]
    (goal,) = p.goals
    assert goal.text == SMART_GOAL and goal.gap == "run-monthly-close"
    assert goal.smart is not None and goal.smart.time_bound
    assert goal.baseline == 2
    assert goal.practice == ["shadow the December close"]
    assert goal.feedback_from == "Ana Silva"
    assert str(goal.target_date) == "2027-02-15"
    assert p.ground_rules.frequency == "weekly"

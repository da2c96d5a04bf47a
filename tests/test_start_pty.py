"""The `revmentor start` wizard driven in a real pseudo-terminal, keys and all."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from revmentor.store import Store
from tests.keys import CTRL_C, DOWN, ENTER, UP

pytest.importorskip("pexpect")

ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30
CLEAR = "\x15"  # Ctrl-U: empty a pre-filled answer before typing a new one

GOAL = (
    "Learn to use generative AI tools myself so I can judge where they could speed up "
    "our operations reporting, by trying them on real weekly reports"
)


def answer(child: Any, prompt: str, keys: str) -> None:
    """Wait for a question by its text, then type."""
    child.expect_exact(prompt, timeout=TIMEOUT)
    child.send(keys)


def wait_exit(child: Any) -> int:
    import pexpect

    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    return int(child.exitstatus)


def test_whole_wizard_with_a_go_back_from_the_summary(pty: Callable[..., Any], home: Path) -> None:
    child = pty("start", env=ENV, timeout=TIMEOUT)
    # Step 1: goals
    answer(child, "Step 1 of 5", "")
    answer(child, "Which side are you on?", UP + UP + ENTER)  # mutual -> mentee
    answer(child, "Your name:", "Helen Okafor" + ENTER)
    answer(child, "Your role:", "Chief Operating Officer" + ENTER)
    answer(child, "Your generation:", UP + UP + ENTER)  # Rather not say -> Gen X
    answer(child, "Your background", "25 years in operations" + ENTER)
    answer(child, "What can you offer your partner in return?", "career guidance" + ENTER)
    answer(child, "(another, or Enter to finish)", ENTER)
    answer(child, "How would you like to word this goal?", ENTER)  # write it
    answer(child, "What do you want to learn? (one goal)", "Finish the Q3 report" + ENTER)
    child.expect_exact("Learning-based", timeout=TIMEOUT)  # the verdict, at once
    answer(child, "What would you like to do with this goal?", ENTER)  # reword
    answer(child, "Your new wording:", CLEAR + GOAL + ENTER)
    answer(child, "Why does it matter", "The board expects an AI plan." + ENTER)
    answer(child, "Relevant:", ENTER)
    answer(child, "Experimental:", ENTER)
    answer(child, "Aspirational:", "n" + ENTER)
    answer(child, "Learning-based:", ENTER)
    answer(child, "(baseline, 1-5)", DOWN + ENTER)  # skip -> 1
    # A short id is proposed from the goal's telling words; it can be changed.
    child.expect_exact("A short id to type it by", timeout=TIMEOUT)
    answer(child, "use-generative-ai", CLEAR + "genai" + ENTER)
    answer(child, "Add another goal for you?", "n" + ENTER)
    answer(child, "A goal for your partner", ENTER)  # keep the suggestion
    answer(child, "A short id to type it by", ENTER)  # keep the proposal
    # Step 2: partner
    answer(child, "Step 2 of 5", "")
    answer(child, "Your partner's name:", "Sam Rivera" + ENTER)
    answer(child, "Their role:", "Data Analyst" + ENTER)
    answer(child, "Their generation:", DOWN + ENTER)  # Rather not say -> Gen Z
    answer(child, "Their background:", "start-up data work" + ENTER)
    answer(child, "What do they offer you?", "hands-on generative AI" + ENTER)
    answer(child, "(another, or Enter to finish)", ENTER)
    # Step 3: the ask
    answer(child, "Step 3 of 5", "")
    answer(child, "The topic you want to learn about", ENTER)
    child.expect_exact("A mutual exchange between peers", timeout=TIMEOUT)
    answer(child, "Which draft fits best?", DOWN + ENTER)  # the second draft
    answer(child, "Edit the ask in place", " Thanks!" + ENTER)
    answer(child, "Have you sent it yet?", "y" + ENTER)
    answer(child, "When did you send it?", CLEAR + "2026-11-20" + ENTER)
    answer(child, "Their answer so far:", ENTER)
    # Step 4: ground rules, one keypress each
    answer(child, "Step 4 of 5", "")
    for prompt in (
        "How often will you meet?",
        "How long is a session",
        "Where or how do you meet?",
        "How do you reach each other in between?",
        "Confidentiality",
        "How is feedback given?",
        "Who schedules the sessions?",
    ):
        answer(child, prompt, ENTER)
    # Step 5: commit and launch
    answer(child, "Step 5 of 5", "")
    answer(child, "Start date", ENTER)
    answer(child, "End of this first cycle", ENTER)
    answer(child, "Mid-point review", ENTER)
    # The summary: go back to step 4 and meet weekly instead
    child.expect_exact("Your reverse-mentoring plan", timeout=TIMEOUT)
    child.expect_exact("7 planned sessions (fortnightly)", timeout=TIMEOUT)
    answer(child, "Save this plan, or go back", DOWN * 4 + ENTER)
    answer(child, "How often will you meet?", UP + ENTER)  # fortnightly -> weekly
    for prompt in (
        "How long is a session",
        "Where or how do you meet?",
        "How do you reach each other in between?",
        "Confidentiality",
        "How is feedback given?",
        "Who schedules the sessions?",
    ):
        answer(child, prompt, ENTER)
    child.expect_exact("14 planned sessions (weekly)", timeout=TIMEOUT)
    answer(child, "Save this plan, or go back", ENTER)
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    child.expect_exact("revmentor log-session sam-rivera", timeout=TIMEOUT)
    assert wait_exit(child) == 0

    p = Store(home).read("sam-rivera")
    assert p.me.side == "mentee" and p.me.generation == "Gen X"
    assert p.me.offers == ["career guidance"]
    mine, theirs = p.goals
    assert mine.text == GOAL and mine.owner == "me" and mine.id == "genai"
    assert mine.real.aspirational is False and mine.real.learning_based is True
    assert mine.baseline == 1
    assert mine.why == "The board expects an AI plan."
    assert theirs.owner == "partner" and "career guidance" in theirs.text
    assert p.partner.generation == "Gen Z"
    assert p.ask is not None
    assert p.ask.wording.startswith("Hi Sam, I would really like to learn more about")
    assert p.ask.wording.endswith(" Thanks!")
    assert str(p.ask.asked_on) == "2026-11-20" and p.ask.response == "pending"
    assert p.ground_rules.frequency == "weekly"
    assert p.ground_rules.session_minutes == 45
    assert "stays between us" in p.ground_rules.confidentiality
    assert (str(p.horizon.start), str(p.horizon.end)) == ("2026-11-23", "2027-02-23")


PARTLY = f"""\
me:
  side: mentee
  role: Chief Operating Officer
  generation: Gen X
  background: operations
  offers: [career guidance]
partner:
  name: Sam Rivera
  role: Data Analyst
  generation: Gen Z
  background: start-up data work
  offers: [generative AI]
goals:
  - {GOAL}
ask:
  topic: generative AI
  wording: Sam, would you teach me generative AI? I can share career guidance.
  asked_on:
ground_rules:
  frequency: fortnightly
  session_minutes: 45
  between_sessions: chat
  confidentiality: Between us.
  feedback: Candid.
  scheduling: Sam books.
horizon:
  start: 2026-11-30
"""


def test_ctrl_c_saves_a_draft_and_the_next_start_resumes_it(
    pty: Callable[..., Any], home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(PARTLY, encoding="utf-8")
    child = pty("start", "--answers", str(answers), env=ENV, timeout=TIMEOUT)
    answer(child, "Your name:", "Helen Okafor" + ENTER)
    answer(child, "Where or how do you meet?", "video" + CTRL_C)
    child.expect_exact("Stopped. Your answers so far are saved", timeout=TIMEOUT)
    assert wait_exit(child) == 130
    draft = home / "drafts" / "start.yaml"
    assert draft.is_file()
    assert "Helen Okafor" in draft.read_text(encoding="utf-8")
    assert not (home / "pairings").exists() or not list((home / "pairings").glob("*.yaml"))

    child = pty("start", env=ENV, timeout=TIMEOUT)
    answer(child, "You have an unfinished plan with Sam Rivera", ENTER)  # resume: yes
    # Steps already answered are not asked again: the next question is the channel.
    index = child.expect_exact(["Your name:", "Where or how do you meet?"], timeout=TIMEOUT)
    assert index == 1
    child.send(CLEAR + "in person" + ENTER)
    answer(child, "End of this first cycle", ENTER)
    answer(child, "Mid-point review", ENTER)
    answer(child, "Save this plan, or go back", ENTER)
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    p = Store(home).read("sam-rivera")
    assert p.me.name == "Helen Okafor"
    assert p.ground_rules.channel == "in person"
    assert str(p.horizon.start) == "2026-11-30"
    assert p.ask is not None and p.ask.asked_on is None
    assert not draft.exists()


def test_resume_flag_skips_the_question_and_name_clash_asks_for_another(
    pty: Callable[..., Any], home: Path, tmp_path: Path
) -> None:
    from revmentor.wizard import drafts

    st = Store(home)
    answers: dict[str, Any] = {
        "me": {"name": "Helen", "side": "mentee"},
        "partner": {"name": "Sam Rivera"},
        "goals": [{"text": GOAL, "owner": "me"}],
    }
    drafts.save(st, drafts.Draft("reverse-mentoring", answers, done=["goals", "partner"]))
    (home / "pairings").mkdir(mode=0o700)
    (home / "pairings" / "sam-rivera.yaml").write_text(
        (Path(__file__).parent.parent / "examples" / "pairings" / "helen-sam.yaml").read_text()
    )
    child = pty("start", "--resume", "--defaults", env=ENV, timeout=TIMEOUT)
    answer(child, "A pairing called 'sam-rivera' already exists", ENTER)  # takes sam-rivera-2
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    assert st.read("sam-rivera-2").me.name == "Helen"
    assert st.read("sam-rivera").me.name == "Helen Okafor"  # untouched
    assert not drafts.exists(st)


def test_same_generation_and_background_warns(
    pty: Callable[..., Any], home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    text = PARTLY.replace("generation: Gen X", "generation: Gen Z").replace(
        "background: operations", "background: start-up data work"
    )
    answers.write_text(text.replace("  name: Sam Rivera\n", ""), encoding="utf-8")
    child = pty("start", "--answers", str(answers), "--defaults", env=ENV, timeout=TIMEOUT)
    answer(child, "Your partner's name:", "Alex Kim" + ENTER)
    child.expect_exact("seem to share a generation (Gen Z)", timeout=TIMEOUT)
    answer(child, "Continue with Alex Kim anyway?", "n" + ENTER)
    # Asked again, with the answers so far as defaults.
    answer(child, "Your partner's name:", CLEAR + "Maria Lopez" + ENTER)
    answer(child, "Their role:", ENTER)
    answer(child, "Their generation:", UP + UP + ENTER)  # Gen Z -> Baby boomer (wraps)
    answer(child, "Their background:", CLEAR + "30 years in sales" + ENTER)
    answer(child, "Keep this list?", ENTER)
    child.expect_exact("Saved your plan to", timeout=TIMEOUT)
    assert wait_exit(child) == 0
    p = Store(home).read("maria-lopez")
    assert p.partner.generation == "Baby boomer"
    assert p.partner.offers == ["generative AI"]

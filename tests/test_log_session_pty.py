"""`revmentor log-session` answered by a person, in a real pseudo-terminal."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pexpect

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.keys import BACKSPACE, CTRL_C, ENTER, SPACE

ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30


def answer(child: Any, question: str, keys: str) -> None:
    child.expect_exact(question, timeout=TIMEOUT)
    child.send(keys)


def test_every_question_answered(example_home: Path, pty: Callable[..., Any]) -> None:
    child = pty("log-session", env=ENV, timeout=TIMEOUT)
    # First: which of the steps agreed last time are done; the first is ticked.
    child.expect_exact("Which of last time's next steps are done?", timeout=TIMEOUT)
    answer(child, "1. Helen asks IT about an approved assistant", SPACE)
    answer(child, "2. Sam revises the pitch", ENTER)
    answer(child, "When did you meet?", BACKSPACE * 5 + "friday" + ENTER)
    answer(child, "How many minutes did it last?", BACKSPACE * 2 + "50" + ENTER)
    answer(child, "What did you talk about?", "approved assistants" + ENTER)
    answer(child, "(another, or Enter to finish)", "pitch rehearsal" + ENTER)
    answer(child, "(another, or Enter to finish)", ENTER)
    answer(child, "What did you learn?", "IT already has a pilot." + ENTER)
    answer(child, "What did your partner learn from you?", "How to open a pitch." + ENTER)
    # Each goal by its words, with its id beside them.
    child.expect_exact("Progress today on Learn to use generative AI tools", timeout=TIMEOUT)
    answer(child, "(genai-for-ops) · baseline 1, last 3", "4" + ENTER)
    answer(child, "(gen-z-expectations)", ENTER)  # skipped
    answer(child, "(sam-strategy)", "5" + ENTER)
    answer(child, "Rate how the session felt on the four principles?", "y" + ENTER)
    answer(child, "Open mind:", "5" + ENTER)
    answer(child, "Respect:", "4" + ENTER)
    answer(child, "Trust:", ENTER)  # skipped
    answer(child, "Authenticity:", "3" + ENTER)
    answer(child, "What will each of you do before next time?", "Sam sends the deck" + ENTER)
    answer(child, "(another, or Enter to finish)", ENTER)
    answer(child, "A private note, for you only", "Proud of Sam." + ENTER)
    child.expect_exact("Logged the session of 2026-11-20 in helen-sam.", timeout=TIMEOUT)
    child.expect_exact("session 6 of about 7 planned", timeout=TIMEOUT)
    child.expect_exact("Next planned session: 2026-11-30 (Monday).", timeout=TIMEOUT)
    child.expect_exact("Sam sends the deck", timeout=TIMEOUT)
    child.expect_exact(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 0

    p = Store().read(EXAMPLE_SLUG)
    s = p.sessions[-1]
    # The step ticked is done where it was agreed; the other carries over.
    assert p.sessions[-2].done_steps == ["Helen asks IT about an approved assistant"]
    assert s.date == date(2026, 11, 20)
    assert s.minutes == 50
    assert s.topics == ["approved assistants", "pitch rehearsal"]
    assert s.i_learned == "IT already has a pilot."
    assert s.they_learned == "How to open a pitch."
    assert s.progress == {"genai-for-ops": 4, "sam-strategy": 5}
    assert s.pulse.values() == {"open_mind": 5, "respect": 4, "authenticity": 3}
    assert s.next_steps == ["Sam revises the pitch", "Sam sends the deck"]
    assert s.private_note == "Proud of Sam."


def test_flags_are_not_asked_again_and_pulse_can_be_skipped_at_once(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty(
        "log-session",
        "--date",
        "2026-11-19",
        "--minutes",
        "30",
        "--topic",
        "retro",
        "--i-learned",
        "a",
        "--they-learned",
        "b",
        "--progress",
        "genai-for-ops=2",
        "--progress",
        "gen-z-expectations=3",
        "--next-step",
        "c",
        env=ENV,
        timeout=TIMEOUT,
    )
    # Only last time's steps, the goal without a flag, the pulse offer and the private
    # note are asked.
    answer(child, "Which of last time's next steps are done?", ENTER)  # none
    answer(child, "(sam-strategy)", ENTER)
    answer(child, "Rate how the session felt on the four principles?", "n" + ENTER)
    answer(child, "A private note, for you only", ENTER)
    child.expect_exact("Logged the session of 2026-11-19", timeout=TIMEOUT)
    before_end: str = child.before
    child.expect_exact(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 0
    assert "When did you meet?" not in before_end
    assert "What did you talk about?" not in before_end
    s = Store().read(EXAMPLE_SLUG).sessions[-1]
    assert s.progress == {"genai-for-ops": 2, "gen-z-expectations": 3}
    assert s.pulse.values() == {}
    assert s.private_note is None
    # Nothing was ticked: both open steps travel with the new one.
    assert s.next_steps == [
        "Helen asks IT about an approved assistant", "Sam revises the pitch", "c"]


def test_a_bad_date_is_asked_again(example_home: Path, pty: Callable[..., Any]) -> None:
    child = pty("log-session", "--minutes", "45", "--yes", env=ENV, timeout=TIMEOUT)
    # --yes asks nothing, even in a terminal.
    child.expect_exact("Logged the session of 2026-11-21", timeout=TIMEOUT)
    child.expect_exact(pexpect.EOF, timeout=TIMEOUT)

    child = pty("log-session", "--topic", "x", env=ENV, timeout=TIMEOUT)
    answer(child, "Which of last time's next steps are done?", ENTER)
    answer(child, "When did you meet?", BACKSPACE * 5 + "someday" + ENTER)
    child.expect_exact("not a date revmentor understands", timeout=TIMEOUT)
    child.send(BACKSPACE * 7 + "2 days ago" + ENTER)
    answer(child, "How many minutes did it last?", CTRL_C)
    # Ctrl-C saves nothing, but hands back what was answered as a command to run.
    child.expect_exact("Nothing was saved. To log what you had answered so far, run:")
    child.expect_exact("revmentor log-session helen-sam --date 2026-11-19 --topic x --yes")
    child.expect_exact("Stopped.", timeout=TIMEOUT)
    child.expect_exact(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 130
    assert len(Store().read(EXAMPLE_SLUG).sessions) == 6


def test_ctrl_c_hands_back_every_answer_as_flags(
    example_home: Path, pty: Callable[..., Any], proc: Callable[..., Any]
) -> None:
    child = pty("log-session", "--date", "friday", "--minutes", "30", env=ENV, timeout=TIMEOUT)
    answer(child, "Which of last time's next steps are done?", ENTER)
    answer(child, "What did you talk about?", 'it\'s "quoted"; $HOME' + ENTER)
    answer(child, "(another, or Enter to finish)", ENTER)
    answer(child, "What did you learn?", "a lot" + ENTER)
    answer(child, "What did your partner learn from you?", ENTER)
    answer(child, "(genai-for-ops)", "4" + ENTER)
    answer(child, "(gen-z-expectations)", CTRL_C)
    child.expect_exact("run:", timeout=TIMEOUT)
    child.expect_exact(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == 130
    line = next(ln for ln in child.before.splitlines() if ln.startswith("revmentor log-session"))
    args = shlex.split(line)[1:]
    result = proc(*args, env=ENV)
    assert result.code == 0, result.output
    s = Store().read(EXAMPLE_SLUG).sessions[-1]
    assert (s.date, s.minutes, s.i_learned) == (date(2026, 11, 20), 30, "a lot")
    assert s.topics == ['it\'s "quoted"; $HOME']
    assert s.progress == {"genai-for-ops": 4}

"""`revmentor ask`, `steps` and `sessions` answered by a person, in a pseudo-terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pexpect

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.keys import DOWN, ENTER, SPACE

ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30
CLEAR_LINE = "\x15"  # Ctrl-U: erase the pre-filled answer


def answer(child: Any, question: str, keys: str) -> None:
    child.expect_exact(question, timeout=TIMEOUT)
    child.send(keys)


def finish(child: Any, code: int = 0) -> None:
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    assert child.exitstatus == code, child.before


def test_ask_asks_when_it_went_out_and_the_answer(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty("ask", env=ENV, timeout=TIMEOUT)
    answer(child, "Has your ask gone out?", ENTER)  # yes, as recorded
    answer(child, "When did you send it?", CLEAR_LINE + "2026-09-03" + ENTER)
    answer(child, "What has Sam answered?", "3" + ENTER)  # declined
    answer(child, "When did the answer come?", CLEAR_LINE + "2026-09-10" + ENTER)
    child.expect_exact("Recorded the ask in helen-sam.", timeout=TIMEOUT)
    finish(child)
    ask = Store().read(EXAMPLE_SLUG).ask
    assert ask is not None
    assert (ask.asked_on, ask.response, ask.answered_on) == (
        date(2026, 9, 3), "declined", date(2026, 9, 10))


def test_steps_done_without_numbers_offers_the_open_steps(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty("steps", "done", env=ENV, timeout=TIMEOUT)
    child.expect_exact("Which of these are done?", timeout=TIMEOUT)
    answer(child, "1. Helen asks IT about an approved assistant", DOWN)
    answer(child, "2. Sam revises the pitch", SPACE + ENTER)
    child.expect_exact("Marked done in helen-sam:", timeout=TIMEOUT)
    finish(child)
    assert Store().read(EXAMPLE_SLUG).sessions[-1].done_steps == ["Sam revises the pitch"]

"""`revmentor ask`, `steps` and `sessions` answered by a person, in a pseudo-terminal."""

from __future__ import annotations

import sys
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


def test_sessions_remove_asks_first(example_home: Path, pty: Callable[..., Any]) -> None:
    child = pty("sessions", "remove", "4", env=ENV, timeout=TIMEOUT)
    child.expect_exact("Session 4: 20 Oct 2026 · 60 min", timeout=TIMEOUT)
    answer(child, "Remove session 4 of 'helen-sam'?", ENTER)  # the default is no
    child.expect_exact("Nothing removed.", timeout=TIMEOUT)
    finish(child)
    assert len(Store().read(EXAMPLE_SLUG).sessions) == 5

    child = pty("sessions", "remove", "4", env=ENV, timeout=TIMEOUT)
    answer(child, "Remove session 4 of 'helen-sam'?", "y" + ENTER)
    child.expect_exact("Removed session 4 of 'helen-sam'", timeout=TIMEOUT)
    finish(child)
    assert date(2026, 10, 20) not in [s.date for s in Store().read(EXAMPLE_SLUG).sessions]


def test_sessions_edit_reopens_the_editor_until_the_session_is_valid(
    example_home: Path, pty: Callable[..., Any], tmp_path: Path
) -> None:
    # A first edit that breaks the session, then one that fixes it.
    script = tmp_path / "editor.py"
    count = tmp_path / "count"
    script.write_text(
        "import sys, pathlib\n"
        f"c = pathlib.Path({str(count)!r})\n"
        "n = int(c.read_text()) if c.exists() else 0\n"
        "c.write_text(str(n + 1))\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text()\n"
        "p.write_text(t.replace('minutes: 60', 'minutes: lots' if n == 0 else 'minutes: 55')"
        " if n == 0 else t.replace('minutes: lots', 'minutes: 55'))\n"
    )
    editor = f"{sys.executable} {script}"
    child = pty("sessions", "edit", "2026-10-20", env={**ENV, "EDITOR": editor}, timeout=TIMEOUT)
    child.expect_exact("minutes", timeout=TIMEOUT)
    answer(child, "Reopen the editor to fix it?", "y" + ENTER)
    child.expect_exact("Saved session 4 of 'helen-sam'", timeout=TIMEOUT)
    finish(child)
    assert Store().read(EXAMPLE_SLUG).sessions[3].minutes == 55

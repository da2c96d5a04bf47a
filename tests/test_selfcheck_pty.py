"""`revmentor self-check` answered by a person in a real pseudo-terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pexpect

from revmentor import selfcheck_file
from revmentor.coach import selfcheck as sc
from tests.keys import ENTER

TIMEOUT = 30


def finish(child: Any) -> int:
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    return int(child.exitstatus)


def test_every_question_asked_and_saved(home: Path, pty: Callable[..., Any]) -> None:
    parts = sc.load_parts()
    ratings = [4, 3, 2, 4, 3, 3, 5, 1, 2, 2]
    child = pty("self-check", env={"REVMENTOR_TODAY": "2026-11-21"}, timeout=TIMEOUT)
    child.expect("Rate yourself honestly")
    asked = 0
    for part in parts:
        child.expect_exact(part.about)
        for q in part.questions:
            child.expect_exact(q.text[:40])
            child.expect("very much like me")
            # The choices are numbered 1-5, so the digit picks the rating.
            child.send(str(ratings[asked]) + ENTER)
            asked += 1
    child.expect("Mentoring Essentials self-check, 2026-11-21")
    child.expect(r"Toolkit\s+███░░░░░░░\s+1\.7/5\s+\S*← weakest")
    child.expect("Next step \\(toolkit\\)")
    assert finish(child) == 0
    log = selfcheck_file.load()
    assert [r.date for r in log.results] == [date(2026, 11, 21)]
    assert list(log.results[0].answers.values()) == ratings


def test_flags_answer_some_and_the_rest_are_asked(home: Path, pty: Callable[..., Any]) -> None:
    given = [
        "listening=5",
        "styles=5",
        "learning=5",
        "feedback=5",
        "safety=5",
        "behaviour=5",
        "openness=5",
        "templates=5",
        "checklists=5",
    ]
    args = [x for item in given for x in ("--answer", item)]
    child = pty("self-check", *args, env={"REVMENTOR_TODAY": "2026-11-22"}, timeout=TIMEOUT)
    child.expect_exact("what you have to hand")
    child.expect_exact("I have a few conversation openers")
    child.send(ENTER)  # the pointer starts on 3
    index = child.expect(["listen to understand", "Mentoring Essentials self-check"])
    assert index == 1  # nothing already answered was asked again
    assert finish(child) == 0
    result = selfcheck_file.load().results[-1]
    assert result.answers["guides"] == 3
    assert result.scores == {"skills": 5.0, "mindset": 5.0, "toolkit": 4.3}

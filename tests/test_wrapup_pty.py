"""`revmentor wrap-up` driven by a person in a real pseudo-terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pexpect

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.keys import DOWN, ENTER, SPACE

TIMEOUT = 30
CTRL_U = "\x15"  # clears a pre-filled answer
NOV_21 = {"REVMENTOR_TODAY": "2026-11-21"}


def finish(child: Any) -> int:
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    return int(child.exitstatus)


def test_extend_early_asking_everything(example_home: Path, pty: Callable[..., Any]) -> None:
    child = pty("wrap-up", EXAMPLE_SLUG, env=NOV_21, timeout=TIMEOUT)
    child.expect("How the pulse moved")
    child.expect(r"16 days left\). Wrap up now anyway\?")
    child.send("y" + ENTER)
    child.expect("What worked well")
    child.send("Short fortnightly sessions" + ENTER)
    child.expect("What felt awkward")
    child.send("Feedback upwards, at first" + ENTER)
    child.expect("What next\\?")
    child.expect("Extend by a few weeks")
    child.send(DOWN + DOWN + ENTER)
    child.expect("How many more weeks\\?")
    child.send(CTRL_U + "2" + ENTER)
    child.expect("Write a short success story")
    child.send("n" + ENTER)
    child.expect("Extended by 2 weeks: the cycle now ends on 2026-12-21.")
    assert finish(child) == 0
    p = Store().read(EXAMPLE_SLUG)
    assert p.horizon.end == date(2026, 12, 21)
    assert p.horizon.midpoint_review == date(2026, 10, 19)
    record = p.wrap_ups[-1]
    assert (record.decision, record.weeks) == ("extend", 2)
    assert record.worked == "Short fortnightly sessions"
    assert record.awkward == "Feedback upwards, at first"


def test_renew_choosing_goals_and_writing_a_story(
    example_home: Path, pty: Callable[..., Any], tmp_path: Path
) -> None:
    story = tmp_path / "our-story.md"
    child = pty("wrap-up", EXAMPLE_SLUG, env=NOV_21, timeout=TIMEOUT)
    child.expect("Wrap up now anyway\\?")
    child.send("y" + ENTER)
    child.expect("What worked well")
    child.send("Sam's patience" + ENTER)
    child.expect("What felt awkward")
    child.send(ENTER)
    child.expect("What next\\?")
    child.expect("Conclude the pairing")
    child.send(ENTER)  # renew is first
    child.expect("Which goals carry over")
    # Each goal by its words, with its id beside them.
    child.expect_exact("Understand how younger colleagues")
    child.expect_exact("(sam-strategy)")
    child.send(DOWN + SPACE + ENTER)  # untick gen-z-expectations
    child.expect("Write a short success story")
    child.send("y" + ENTER)
    child.expect("Where should the story go\\?")
    child.send(CTRL_U + str(story) + ENTER)
    child.expect("Keep your job titles and generations in the story\\?")
    child.send("n" + ENTER)
    child.expect("Keep your names in the story\\?")
    child.send("n" + ENTER)
    child.expect("Renewed: the new cycle runs from 2026-12-08 to 2027-03-08")
    child.expect_exact("Retired: Understand how younger colleagues")
    child.expect_exact("(gen-z-expectations)")
    child.expect("names left out")
    assert finish(child) == 0
    p = Store().read(EXAMPLE_SLUG)
    assert [g.id for g in p.active_goals()] == ["genai-for-ops", "sam-strategy"]
    assert p.horizon.start == date(2026, 12, 8)
    text = story.read_text(encoding="utf-8")
    assert "My partner's patience" in text
    assert "Sam" not in text and "Helen" not in text
    assert "Data Analyst" not in text and "Gen Z" not in text


def test_declining_to_wrap_up_early_changes_nothing(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    before = path.read_bytes()
    child = pty("wrap-up", EXAMPLE_SLUG, env=NOV_21, timeout=TIMEOUT)
    child.expect("Wrap up now anyway\\?")
    child.send("n" + ENTER)
    child.expect("Nothing was changed.")
    assert finish(child) == 0
    assert path.read_bytes() == before


def test_after_the_end_no_early_question_and_conclude(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    child = pty(
        "wrap-up",
        EXAMPLE_SLUG,
        "--worked",
        "w",
        "--awkward",
        "a",
        env={"REVMENTOR_TODAY": "2026-12-10"},
        timeout=TIMEOUT,
    )
    child.expect("the cycle has ended")
    index = child.expect(["Wrap up now anyway", "What next\\?"])
    assert index == 1
    child.expect("Extend by a few weeks")
    child.send(DOWN + ENTER)
    child.expect("Write a short success story")
    child.send("n" + ENTER)
    child.expect("Concluded. The pairing is now read-only")
    assert finish(child) == 0
    p = Store().read(EXAMPLE_SLUG)
    assert p.state == "concluded"
    assert (p.wrap_ups[-1].worked, p.wrap_ups[-1].awkward) == ("w", "a")

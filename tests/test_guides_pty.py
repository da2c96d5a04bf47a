"""`revmentor guide -i`: ticking a checklist by hand, in a real pseudo-terminal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pexpect

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.helpers_faults import Snapshot
from tests.keys import CTRL_C, DOWN, ENTER, SPACE

ENV = {"REVMENTOR_TODAY": "2026-11-21"}
TIMEOUT = 30
DAY = date(2026, 11, 21)
QUESTION = "The first meeting: tick what you have done"


def finish(child: Any) -> int:
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus)


def ticks() -> dict[str, date]:
    return dict((Store().read(EXAMPLE_SLUG).checklists or {}).get("first-meeting", {}))


def test_tick_then_untick_from_the_list(example_home: Path, pty: Callable[..., Any]) -> None:
    child = pty("guide", "first-meeting", EXAMPLE_SLUG, "-i", env=ENV, timeout=TIMEOUT)
    child.expect_exact(QUESTION)
    child.expect_exact("6. Read your goals aloud")  # every item is offered, numbered
    child.send(SPACE)  # the pointer starts on item 1
    child.send(DOWN + DOWN + SPACE)
    child.send(ENTER)
    child.expect_exact("Ticked 1: Each of you says what you want to learn")
    child.expect_exact("Ticked 3: Agree how you stay in touch")
    child.expect_exact("2 of 6 done on first-meeting for helen-sam.")
    assert finish(child) == 0
    assert ticks() == {"offers": DAY, "channel": DAY}

    # Next time the ticked items come ticked; unticking one is a space away.
    child = pty("guide", "first-meeting", EXAMPLE_SLUG, "-i", env=ENV, timeout=TIMEOUT)
    child.expect_exact(QUESTION)
    child.expect_exact("6. Read your goals aloud")
    child.send(SPACE + ENTER)
    child.expect_exact("Unticked 1: Each of you says")
    child.expect_exact("1 of 6 done on first-meeting for helen-sam.")
    assert finish(child) == 0
    assert ticks() == {"channel": DAY}


def test_ctrl_c_changes_nothing(example_home: Path, pty: Callable[..., Any]) -> None:
    before = Snapshot.of(example_home)
    child = pty("guide", "first-meeting", EXAMPLE_SLUG, "-i", env=ENV, timeout=TIMEOUT)
    child.expect_exact(QUESTION)
    child.send(SPACE)
    child.send(CTRL_C)
    child.expect_exact("Stopped.")
    assert finish(child) == 130
    assert before.changes(Snapshot.of(example_home)) == []


def test_with_several_pairings_the_one_to_tick_is_picked(
    example_home: Path, pty: Callable[..., Any]
) -> None:
    pairings = example_home / "pairings"
    (pairings / "zoe-kim.yaml").write_text(
        (pairings / f"{EXAMPLE_SLUG}.yaml").read_text("utf-8"), "utf-8"
    )
    child = pty("guide", "trust", "--tick", "2", env=ENV, timeout=TIMEOUT)
    child.expect_exact("Which pairing?")
    child.send(DOWN + ENTER)  # zoe-kim, the second
    child.expect_exact("1 of 4 done on trust for zoe-kim.")
    assert finish(child) == 0
    assert (Store().read("zoe-kim").checklists or {}) == {"trust": {"admit": DAY}}
    assert Store().read(EXAMPLE_SLUG).checklists is None

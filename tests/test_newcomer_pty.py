"""A newcomer at a real terminal, 80 and 100 columns wide: what stays on the screen.

Each run is watched through a terminal screen (pyte), as a person would see it: no word
broken across two lines, continuation lines under their own text, long defaults shown
over several lines, drafts that never lose answers.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.keys import CTRL_C, DOWN, ENTER

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

TIMEOUT = 30
WIDTHS = (80, 100)
TODAY = {"REVMENTOR_TODAY": "2026-11-21"}
CLEAR = "\x15"  # Ctrl-U
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]|[\x00-\x08\x0b-\x1f]")

BACKGROUND = "twenty years in operations and logistics, mostly in large organisations"
OFFER = "How budgets and forecasts really get decided in a large organisation like ours"
GOAL = (
    "Learn to use generative AI tools myself so I can judge where they could speed up "
    "our operations reporting, by trying them on real weekly reports"
)


class Screen:
    """A child process in a pseudo-terminal of a given width, and what it shows."""

    def __init__(self, child: Any, width: int) -> None:
        self.child = child
        self.width = width
        self.screen = pyte.HistoryScreen(width, 60, history=2000)
        self.stream = pyte.Stream(self.screen)
        self.raw: list[str] = []

    def write(self, data: str) -> None:  # pexpect's logfile_read
        self.raw.append(data)
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def expect(self, text: str) -> None:
        self.child.expect_exact(text, timeout=TIMEOUT)

    def answer(self, question: str, keys: str) -> None:
        self.expect(question)
        self.child.send(keys)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF, timeout=TIMEOUT)
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)

    def lines(self) -> list[str]:
        """Every line shown so far, scrolled off the top or still on the screen."""

        def row(line: Any) -> str:
            return "".join(line[x].data for x in range(self.width)).rstrip()

        top = [row(line) for line in self.screen.history.top]
        return top + [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        """The stream as written, without control sequences: words as they were sent."""
        return _CONTROL.sub("", "".join(self.raw))

    def broken_words(self) -> list[str]:
        """Words the screen shows split across two lines."""
        lines, sent = self.lines(), self.text()
        found = []
        for above, below in itertools.pairwise(lines):
            if not (above and below and above[-1].isalnum() and below[0].isalnum()):
                continue
            tail = re.search(r"\w+$", above)
            head = re.match(r"\w+", below)
            assert tail and head
            word = tail.group() + head.group()
            # A run with no space in it that is wider than the screen (a long path to a
            # temporary folder) has to be cut somewhere, wherever the cut falls.
            if len(above.split()[-1] + below.split()[0]) > self.width:
                continue
            if re.search(rf"\b{re.escape(word)}", sent) and len(above) >= self.width - 1:
                found.append(f"{tail.group()}/{head.group()}")
        return found

    def check_layout(self) -> None:
        lines = self.lines()
        assert all(len(line) <= self.width for line in lines)
        assert self.broken_words() == [], "\n".join(lines)


@pytest.fixture
def screen(home: Path) -> Iterator[Any]:
    opened: list[Screen] = []

    def spawn(*args: str, width: int, env: dict[str, str] | None = None) -> Screen:
        full = {
            **os.environ,
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm-256color",
            "COLUMNS": str(width),
            "LINES": "60",
            **TODAY,
            **(env or {}),
        }
        child = pexpect.spawn(
            sys.executable,
            ["-m", "revmentor", *args],
            env=full,
            encoding="utf-8",
            timeout=TIMEOUT,
            dimensions=(60, width),
        )
        watched = Screen(child, width)
        child.logfile_read = watched
        opened.append(watched)
        return watched

    yield spawn
    for s in opened:
        if s.child.isalive():
            s.child.terminate(force=True)


def draft_file(home: Path) -> Path:
    return home / "drafts" / "start.yaml"


def _step_one(s: Screen) -> None:
    s.answer("Which side are you on?", ENTER)  # mutual
    s.answer("Your name:", "Helen Okafor" + ENTER)
    s.answer("Your role:", "Chief Operating Officer" + ENTER)
    s.answer("Your generation:", ENTER)
    s.answer("Your background", BACKGROUND + ENTER)
    s.answer("What can you offer your partner in return?", OFFER + ENTER)
    s.answer("(another, or Enter to finish)", ENTER)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_wizard_fits_the_terminal_and_words_stay_whole(
    screen: Any, home: Path, width: int
) -> None:
    s = screen("start", width=width)
    _step_one(s)
    s.answer("How would you like to word this goal?", ENTER)  # write it
    s.answer("What do you want to learn? (one goal)", GOAL + ENTER)
    s.answer("Why does it matter, and to whom? (optional)", ENTER)
    for check in ("Relevant:", "Experimental:", "Aspirational:", "Learning-based:"):
        s.answer(check, ENTER)
    s.answer("(baseline, 1-5)", ENTER)  # the default is a rating
    s.answer("A short id to type it by", ENTER)
    s.answer("Add another goal for you?", ENTER)
    s.answer("A goal for your partner", ENTER)  # the suggestion, as a sentence
    s.answer("A short id to type it by", ENTER)
    s.answer("Your partner's name:", "Sam Rivera" + ENTER)
    s.answer("Their role:", "Data Analyst" + ENTER)
    s.answer("Their generation:", DOWN + ENTER)
    s.answer("Their background:", "joined from a start-up eighteen months ago" + ENTER)
    s.answer("What do they offer you?", "hands-on generative AI" + ENTER)
    s.answer("(another, or Enter to finish)", ENTER)
    s.answer("The topic you want to learn about", ENTER)
    s.answer("Which draft fits best?", ENTER)
    # The ask is too long for one line: shown over several, Enter still keeps it.
    s.answer("Enter keeps it", ENTER)
    s.answer("Have you sent it yet?", ENTER)
    s.answer("How often will you meet?", ENTER)
    for question in (
        "in minutes?",
        "Where or how",
        "in between?",
        "Confidentiality:",
        "feedback given?",
        "schedules the sessions?",
    ):
        s.answer(question, ENTER)
    s.answer("Start date", ENTER)
    s.answer("End of this first cycle", ENTER)
    s.answer("Mid-point review", ENTER)
    # The ask was drafted before the rhythm was agreed: the summary offers to name it.
    s.answer("Say in the ask that you will meet fortnightly", DOWN + ENTER)
    s.expect("every two weeks")  # the summary again, the ask refreshed
    s.answer("Save this plan, or go back", ENTER)
    s.expect("Saved your plan to")
    assert s.finish() == 0
    s.check_layout()

    lines = s.lines()
    # Answers that wrap go on under the question, two cells in.
    at = next(i for i, line in enumerate(lines) if line.startswith("? Your background"))
    assert lines[at + 1].startswith("  ") and lines[at + 1].strip()
    # The drafts of the ask wrap under their own indent.
    draft = next(i for i, line in enumerate(lines) if line.endswith("to a junior one:"))
    assert all(line.startswith("   ") for line in lines[draft + 1 : draft + 4])

    p = Store(home).read("sam-rivera")
    mine, theirs = p.goals
    assert mine.text == GOAL and mine.baseline == 1
    assert theirs.owner == "partner"
    assert theirs.text.startswith("Learn how budgets and forecasts really get decided")
    assert p.ask is not None
    assert "every two weeks" in p.ask.wording and "regularly" not in p.ask.wording
    assert "\n" not in p.ask.wording and "  " not in p.ask.wording
    assert "share how budgets and forecasts" in p.ask.wording


@pytest.mark.parametrize("width", WIDTHS)
def test_status_show_and_prep_at_the_terminal(screen: Any, example_home: Path, width: int) -> None:
    for command in (("status",), ("show",), ("prep",), ("goals", "list")):
        s = screen(*command, width=width)
        assert s.finish() == 0
        s.check_layout()
        if command == ("show",):
            heads = (
                "Reverse-mentoring",
                "Me:",
                "Partner:",
                "Horizon:",
                "Goals:",
                "The ask",
                "Ground rules:",
                "Sessions:",
                "Goal reviews:",
            )
            for line in s.lines():
                assert not line or line.startswith((*heads, " ")), line


@pytest.mark.parametrize("width", WIDTHS)
def test_wrap_up_renewal_asks_each_goal(screen: Any, example_home: Path, width: int) -> None:
    s = screen(
        "wrap-up",
        "--worked",
        "w",
        "--awkward",
        "a",
        width=width,
        env={"REVMENTOR_TODAY": "2026-12-08"},
    )
    s.answer("What next?", ENTER)  # renew
    s.answer("What becomes of genai-for-ops (rated 1 at the start, 3 now)?", ENTER)
    s.answer("What becomes of gen-z-expectations", DOWN + DOWN + ENTER)
    s.answer("What becomes of sam-strategy", DOWN + ENTER)
    s.answer("Write a short success story", "n" + ENTER)
    s.expect("Achieved: ")
    s.expect("(sam-strategy)")
    assert s.finish() == 0
    s.check_layout()
    goals = {g.id: g.status for g in Store().read(EXAMPLE_SLUG).goals}
    assert goals == {
        "genai-for-ops": "active",
        "gen-z-expectations": "retired",
        "sam-strategy": "achieved",
    }


# --- drafts ---------------------------------------------------------------------------


def test_ctrl_c_before_any_answer_leaves_no_draft(screen: Any, home: Path) -> None:
    s = screen("start", width=80)
    s.answer("Which side are you on?", CTRL_C)
    s.expect("Nothing was answered yet, so nothing was saved.")
    assert s.finish() == 130
    assert not draft_file(home).exists()


def test_a_kept_draft_survives_a_fresh_start_stopped_at_once(screen: Any, home: Path) -> None:
    s = screen("start", width=80)
    s.answer("Which side are you on?", ENTER)
    s.answer("Your name:", "Helen Okafor" + ENTER)
    s.answer("Your role:", CTRL_C)
    s.expect("Your answers so far are saved")
    assert s.finish() == 130
    before = draft_file(home).read_bytes()
    assert b"Helen Okafor" in before

    # Not resumed, kept for later; then Ctrl-C at the first question of the new plan.
    s = screen("start", width=80)
    s.answer("You have an unfinished plan", DOWN + ENTER)
    s.answer("Which side are you on?", CTRL_C)
    s.expect("Your earlier unfinished plan, which has more in it, is kept")
    assert s.finish() == 130
    assert draft_file(home).read_bytes() == before

    # Discarded only when the person says so.
    s = screen("start", width=80)
    s.answer("You have an unfinished plan", DOWN + DOWN + ENTER)
    s.answer("Which side are you on?", CTRL_C)
    assert s.finish() == 130
    assert not draft_file(home).exists()


def test_a_goal_typed_before_ctrl_c_at_the_real_check_is_kept(screen: Any, home: Path) -> None:
    s = screen("start", width=100)
    _step_one(s)
    s.answer("How would you like to word this goal?", ENTER)  # write it
    s.answer("What do you want to learn? (one goal)", "Finish the Q3 report" + ENTER)
    s.answer("What would you like to do with this goal?", CTRL_C)
    s.expect("Your answers so far are saved")
    assert s.finish() == 130
    assert "Finish the Q3 report" in draft_file(home).read_text(encoding="utf-8")

    # Resumed, the goal is there; reworded and stopped again, the new wording is kept.
    s = screen("start", width=100)
    s.answer("You have an unfinished plan", ENTER)
    s.answer("Add another goal for you?", CTRL_C)
    assert s.finish() == 130
    text = draft_file(home).read_text(encoding="utf-8")
    assert "Finish the Q3 report" in text and "Helen Okafor" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_logging_a_session_with_long_answers(screen: Any, example_home: Path, width: int) -> None:
    learned = (
        "Which of our reports can safely go through the approved assistant, and which "
        "must stay inside the finance system because they hold personal data"
    )
    s = screen("log-session", width=width)
    s.answer("Which of last time's next steps are done?", ENTER)
    s.answer("When did you meet?", ENTER)
    s.answer("How many minutes did it last?", ENTER)
    s.answer("What did you talk about?", "the approved assistant and its limits" + ENTER)
    s.answer("(another, or Enter to finish)", ENTER)
    s.answer("What did you learn?", learned + ENTER)
    s.answer("What did your partner learn from you?", learned + ENTER)
    for goal in ("genai-for-ops", "gen-z-expectations", "sam-strategy"):
        s.answer(f"({goal})", ENTER)
    s.answer("Rate how the session felt", "n" + ENTER)
    s.answer("What will each of you do before next time?", ENTER)
    s.answer("A private note, for you only (optional)", ENTER)
    s.expect("Logged the session of 2026-11-21")
    assert s.finish() == 0
    s.check_layout()
    assert Store().read(EXAMPLE_SLUG).sessions[-1].i_learned == learned


def test_a_long_default_opens_in_the_editor(screen: Any, home: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text(
        "#!/bin/sh\nprintf 'Sam, would you teach me\\nhow you use AI? I can share budgets.\\n'"
        ' > "$1"\n',
        encoding="utf-8",
    )
    editor.chmod(0o700)
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "me: {name: Helen Okafor, side: mentee, role: COO, generation: Gen X,\n"
        "     background: operations, offers: [career guidance]}\n"
        "partner: {name: Sam Rivera, role: Analyst, generation: Gen Z,\n"
        "          background: start-up data work, offers: [hands-on generative AI]}\n"
        f"goals: [{{text: '{GOAL}', owner: me, baseline: 1}}]\n",
        encoding="utf-8",
    )
    s = screen(
        "start",
        "--answers",
        str(answers),
        width=80,
        env={"VISUAL": str(editor), "EDITOR": str(editor)},
    )
    s.answer("The topic you want to learn about", ENTER)
    s.answer("Which draft fits best?", ENTER)
    s.answer("Ctrl-X Ctrl-E opens your editor", "\x18\x05")  # Ctrl-X Ctrl-E
    s.answer("Have you sent it yet?", CTRL_C)
    assert s.finish() == 130
    s.check_layout()
    text = draft_file(home).read_text(encoding="utf-8")
    # The editor's line break is only layout: the ask is kept as one paragraph.
    assert "Sam, would you teach me how you use AI? I can share budgets." in text

"""`revmentor log-session` through its flags, and the coach behind it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import typer

from revmentor.cli import _values
from revmentor.coach import sessions as cs
from revmentor.errors import BadInput
from revmentor.model import Horizon, Pairing, Session
from revmentor.store import Store
from revmentor.wizard import log_session as log_wizard
from tests.conftest import EXAMPLE_SLUG, Result

Cli = Callable[..., Result]

FULL = [
    "log-session",
    EXAMPLE_SLUG,
    "--date",
    "yesterday",
    "--minutes",
    "40",
    "--topic",
    "prompting for the board pack",
    "--topic",
    "who to involve in the pitch",
    "--i-learned",
    "Templates halve the editing.",
    "--they-learned",
    "How the board reads risk.",
    "--progress",
    "genai-for-ops=4",
    "--progress",
    "sam-strategy=4",
    "--pulse",
    "open-mind=5",
    "--pulse",
    "trust=4",
    "--next-step",
    "Sam shares two prompts",
    "--next-step",
    "Helen books IT",
    "--private-note",
    "Felt easy today.",
    "--yes",
]


def pairing_file(home: Path) -> Path:
    return home / "pairings" / f"{EXAMPLE_SLUG}.yaml"


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.fixture
def frozen(today: Callable[[str], None]) -> None:
    today("2026-11-21")


def test_every_flag_lands_in_the_new_session(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli(*FULL)
    assert result.code == 0, result.output
    p = Store().read(EXAMPLE_SLUG)
    assert len(p.sessions) == 6
    s = p.sessions[-1]
    assert s.date == date(2026, 11, 20)
    assert s.minutes == 40
    assert s.topics == ["prompting for the board pack", "who to involve in the pitch"]
    assert s.i_learned == "Templates halve the editing."
    assert s.they_learned == "How the board reads risk."
    assert s.progress == {"genai-for-ops": 4, "sam-strategy": 4}
    assert s.pulse.values() == {"open_mind": 5, "trust": 4}
    # The steps still open from last time carry over, ahead of the new ones.
    assert s.next_steps == [
        "Helen asks IT about an approved assistant", "Sam revises the pitch",
        "Sam shares two prompts", "Helen books IT"]
    assert s.private_note == "Felt easy today."
    # Session ratings live in the session, not in the goal's history.
    assert [h.event for h in p.goal("genai-for-ops").history] == ["created", "rated"]  # type: ignore[union-attr]


def test_afterwards_shows_count_next_date_and_open_steps(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    result = cli(*FULL)
    assert "Logged the session of 2026-11-20 in helen-sam." in result.out
    # Fortnightly from 2026-09-07 to 2026-12-07: 7 planned dates; 5 sessions were logged.
    assert "session 6 of about 7 planned (fortnightly, until 2026-12-07)" in result.out
    assert "Next planned session: 2026-11-30 (Monday)." in result.out
    steps = result.out.split("Open next steps:")[1]
    assert "- Sam shares two prompts" in steps
    assert "- Helen books IT" in steps
    assert result.err == ""


def test_comments_of_the_example_file_survive(example_home: Path, frozen: None, cli: Cli) -> None:
    before = pairing_file(example_home).read_text(encoding="utf-8")
    assert cli(*FULL).code == 0
    after = pairing_file(example_home).read_text(encoding="utf-8")
    assert comment_lines(before)
    assert comment_lines(after) == comment_lines(before)
    assert after.startswith(before.splitlines()[0])


def test_yes_leaves_everything_unasked_empty(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli("log-session", "--yes")
    assert result.code == 0, result.output
    s = Store().read(EXAMPLE_SLUG).sessions[-1]
    assert s == Session(date=date(2026, 11, 21))
    # A session without steps of its own leaves the last ones open, until marked done.
    assert "Open next steps:\n  - Helen asks IT about an approved assistant" in result.out
    assert "revmentor steps done" in result.out


def test_without_a_terminal_missing_answers_are_left_empty(
    example_home: Path, proc: Callable[..., Result]
) -> None:
    result = proc(
        "log-session",
        "--topic",
        "meeting formats",
        "--pulse",
        "respect=5",
        env={"REVMENTOR_TODAY": "2026-11-17"},
    )
    assert result.code == 0, result.output
    s = Store().read(EXAMPLE_SLUG).sessions[-1]
    assert s.date == date(2026, 11, 17)
    assert s.topics == ["meeting formats"]
    assert s.minutes is None
    assert s.i_learned == s.they_learned == ""
    assert s.progress == {}
    assert s.pulse.values() == {"respect": 5}
    assert s.next_steps == []
    assert s.private_note is None
    assert "session 6 of about 7" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2026-02-30"], "'--date': '2026-02-30' is not a real date"),
        (["--date", "someday"], "'--date': 'someday' is not a date"),
        (["--minutes", "forty"], "'--minutes': Input should be a valid integer"),
        (["--minutes", "0"], "'--minutes': Input should be greater than or equal to 1"),
        (["--minutes", "1441"], "'--minutes': Input should be less than or equal to 1440"),
        (["--progress", "genai-for-ops=6"], "'--progress': 'genai-for-ops=6': 6 is outside 1 to 5"),
        (["--progress", "genai-for-ops=0"], "outside 1 to 5"),
        (["--progress", "genai-for-ops=high"], "'high' is not a number from 1 to 5"),
        (["--progress", "genai-for-ops"], "'genai-for-ops' is not in the form NAME=N"),
        (["--progress", "=3"], "is not in the form NAME=N"),
        (
            ["--progress", "genai-for-ops=3", "--progress", "genai-for-ops=4"],
            "'genai-for-ops' is rated twice",
        ),
        (["--pulse", "joy=3"], "'--pulse': 'joy' is not one of the principles"),
        (["--pulse", "trust=9"], "'--pulse': 'trust=9': 9 is outside 1 to 5"),
        (["--pulse", "trust:4"], "is not in the form NAME=N"),
        (["--pulse", "respect=2", "--pulse", "Respect=3"], "'respect' is rated twice"),
    ],
)
def test_a_value_its_flag_cannot_take_is_a_usage_error(
    example_home: Path, frozen: None, cli: Cli, args: list[str], message: str
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli("log-session", EXAMPLE_SLUG, *args, "--yes")
    assert result.code == 2, result.output
    first, *rest = result.err.splitlines()
    assert first.startswith("Error: Invalid value for ")
    assert message in first
    assert rest[0].startswith("Usage: revmentor log-session ")
    assert "Try 'revmentor log-session --help' for help." in rest
    assert "Traceback" not in result.output
    assert pairing_file(example_home).read_bytes() == before
    assert Store().backups(EXAMPLE_SLUG) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--progress", "no-such-goal=3"], "--progress: no goal with the id 'no-such-goal'"),
        (["--topic", "bell\x07ring"], "control character"),
        (["--private-note", "\x1b[2Jcleared"], "control character"),
    ],
)
def test_bad_input_is_refused_and_the_file_is_untouched(
    example_home: Path, frozen: None, cli: Cli, args: list[str], message: str
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli("log-session", EXAMPLE_SLUG, *args, "--yes")
    assert result.code == (2 if message.startswith("--progress:") else 1)
    assert result.err.startswith("Error: ")
    assert message in result.err
    assert "Traceback" not in result.output
    assert pairing_file(example_home).read_bytes() == before
    assert Store().backups(EXAMPLE_SLUG) == []


def test_bad_input_without_yes_or_terminal_is_refused_too(
    example_home: Path, proc: Callable[..., Result]
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = proc("log-session", "--progress", "typo=3")
    assert result.code == 2
    assert "no goal with the id 'typo'" in result.err
    assert "Goal ids: genai-for-ops, gen-z-expectations, sam-strategy." in result.err
    assert pairing_file(example_home).read_bytes() == before


@pytest.mark.parametrize(
    ("when", "warning"),
    [
        ("2026-11-25", "2026-11-25 is in the future (today is 2026-11-21)."),
        ("2026-09-01", "2026-09-01 is before the pairing's horizon starts (2026-09-07)."),
        ("2026-11-03", "a session on 2026-11-03 is already logged"),
    ],
)
def test_odd_dates_are_warned_about_but_logged(
    example_home: Path, frozen: None, cli: Cli, when: str, warning: str
) -> None:
    result = cli("log-session", "--date", when, "--yes")
    assert result.code == 0
    assert f"Warning: {warning}" in result.err
    assert str(Store().read(EXAMPLE_SLUG).sessions[-1].date) == when


def test_after_the_horizon_points_to_wrap_up(
    example_home: Path, today: Callable[[str], None], cli: Cli
) -> None:
    today("2026-12-20")
    result = cli("log-session", "--yes")
    assert result.code == 0
    assert "after the pairing's horizon ended (2026-12-07)" in result.err
    assert "revmentor wrap-up" in result.out
    assert "Next planned session" not in result.out


def test_a_normal_date_gives_no_warning(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli("log-session", "--date", "friday", "--yes")
    assert result.code == 0
    assert result.err == ""


def test_concluded_pairing_is_refused_with_how_to_reopen(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    path = pairing_file(example_home)
    path.write_text(
        path.read_text(encoding="utf-8").replace("state: active", "state: concluded", 1),
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = cli("log-session", "--yes")
    assert result.code == 1
    assert "concluded" in result.err
    assert "revmentor reopen helen-sam" in result.err
    assert path.read_bytes() == before


HAND_WRITTEN = """\
# Written by hand, no sessions yet.
schema: 1
created: 2026-11-01   # the day we agreed
horizon:
  start: 2026-11-02
  end: 2027-02-02
ground_rules: {frequency: weekly}
goals:
  - id: no   # an id YAML 1.1 would read as false
    text: Learn to prompt well
"""


def test_a_hand_written_file_keeps_its_comments(home: Path, frozen: None, cli: Cli) -> None:
    folder = home / "pairings"
    folder.mkdir(parents=True)
    path = folder / "mine.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = cli("log-session", "mine", "--progress", "no=2", "--topic", "9:30", "--yes")
    assert result.code == 0, result.output
    text = path.read_text(encoding="utf-8")
    for comment in ("# Written by hand", "# the day we agreed", "# an id YAML 1.1"):
        assert comment in text
    s = Store().read("mine").sessions[0]
    assert s.progress == {"no": 2}
    assert s.topics == ["9:30"]
    # Weekly from 2026-11-02 to 2027-02-02: 14 planned sessions; the next one is Monday.
    assert "session 1 of about 14 planned" in result.out
    assert "Next planned session: 2026-11-23 (Monday)." in result.out


def test_two_loggers_at_once_keep_both_sessions(example_home: Path) -> None:
    env = {**os.environ, "REVMENTOR_TODAY": "2026-11-21"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "revmentor", "log-session", "--topic", topic, "--yes"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for topic in ("first", "second")
    ]
    for p in procs:
        assert p.wait(timeout=60) == 0
    topics = sorted(s.topics[0] for s in Store().read(EXAMPLE_SLUG).sessions[5:])
    assert topics == ["first", "second"]


# --- the coach -------------------------------------------------------------------


def pairing(**extra: object) -> Pairing:
    return Pairing.model_validate(
        {
            "created": "2026-09-01",
            "horizon": {"start": "2026-09-07", "end": "2026-12-07"},
            "goals": [{"id": "a", "text": "A"}, {"id": "b", "text": "B", "status": "retired"}],
            **extra,
        }
    )


def test_progress_for_a_goal_the_pairing_lacks_is_refused_by_field() -> None:
    p = pairing()
    cs.check_progress(p, {"a": 3, "b": 5})  # a retired goal may still be rated
    with pytest.raises(BadInput) as info:
        cs.check_progress(p, {"a": 3, "c": 3})
    assert info.value.message == "progress: no goal with the id 'c'"
    assert info.value.hint == "Goal ids: a, b."
    assert info.value.field == "progress"
    assert info.value.named({"progress": "--progress"}).message == (
        "--progress: no goal with the id 'c'"
    )


def test_rating_flags_parse_to_names_and_numbers() -> None:
    assert _values.goal_rating(" a = 3 ") == _values.Rated("a", 3)
    assert _values.pulse_rating("Open-Mind=2") == _values.Rated("open_mind", 2)
    assert _values.by_name([_values.Rated("a", 3), _values.Rated("b", 5)]) == {"a": 3, "b": 5}
    with pytest.raises(typer.BadParameter, match="'respect' is rated twice"):
        _values.once_each([_values.pulse_rating("respect=2"), _values.pulse_rating("Respect=3")])


def test_the_command_handed_back_after_ctrl_c_names_every_answer() -> None:
    answers = cs.Answers(
        date=date(2026, 11, 20),
        minutes=30,
        topics=[" prompts ", ""],
        i_learned="a lot",
        progress={"a": 4},
        pulse={"trust": 5},
        private_note="  ",
    )
    assert log_wizard.as_command("sam", answers) == [
        "revmentor", "log-session", "sam", "--date", "2026-11-20", "--minutes", "30",
        "--topic", "prompts", "--i-learned", "a lot", "--progress", "a=4", "--pulse", "trust=5",
        "--yes",
    ]  # fmt: skip


def test_warnings_each_fire_alone() -> None:
    p = pairing(sessions=[{"date": "2026-10-01"}])
    today = date(2026, 11, 21)
    assert cs.warnings(p, date(2026, 11, 20), today) == []
    assert len(cs.warnings(p, date(2026, 10, 1), today)) == 1
    assert len(cs.warnings(p, date(2026, 11, 22), today)) == 1
    assert len(cs.warnings(p, date(2026, 12, 8), today)) == 2  # future and after the end
    assert cs.warnings(p, date(2026, 12, 7), date(2026, 12, 7)) == []


def test_summary_counts_and_next_planned() -> None:
    # Fortnightly plan: 09-07, 09-21, 10-05, 10-19, 11-02, 11-16, 11-30.
    p = pairing(sessions=[{"date": "2026-11-16", "next_steps": ["x"]}, {"date": "2026-09-07"}])
    s = cs.summarize(p, date(2026, 11, 16))
    assert (s.number, s.planned) == (2, 7)
    # Today's planned slot was met by the session held today, so the next is 11-30.
    assert s.next_planned == date(2026, 11, 30)
    # The latest session by date, not the last one written, holds the open steps.
    assert s.open_next_steps == ["x"]
    assert cs.summarize(pairing(), date(2026, 11, 16)).next_planned == date(2026, 11, 16)
    assert cs.summarize(p, date(2026, 12, 8)).next_planned is None


def test_latest_session_prefers_the_last_logged_on_a_tie() -> None:
    p = pairing(sessions=[{"date": "2026-10-01"}, {"date": "2026-10-01", "next_steps": ["new"]}])
    assert cs.latest_session(p) == p.sessions[1]
    assert cs.latest_session(pairing()) is None


def test_open_steps_are_the_latest_noted_less_those_done() -> None:
    p = pairing(sessions=[
        {"date": "2026-10-01", "next_steps": ["old"]},
        {"date": "2026-10-15", "next_steps": ["a", "b"], "done_steps": ["a"]},
        {"date": "2026-10-29"},  # no steps of its own: the list before stays open
    ])
    assert cs.open_next_steps(p) == ["b"]


def test_build_session_cleans_blank_items() -> None:
    answers = cs.Answers(
        date=date(2026, 11, 1), topics=[" x ", "", "  "], next_steps=[""], private_note="  "
    )
    s = cs.build_session(answers)
    assert s.topics == ["x"]
    assert s.next_steps == []
    assert s.private_note is None


def test_horizon_model_is_what_summary_uses() -> None:
    h = Horizon(start=date(2026, 9, 7), end=date(2026, 12, 7))
    assert cs.summarize(pairing(horizon=h.model_dump()), date(2026, 9, 1)).next_planned == h.start

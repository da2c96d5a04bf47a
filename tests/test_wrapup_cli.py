"""`revmentor wrap-up` and `revmentor reopen` through their flags (no terminal)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from revmentor.model import Pairing
from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, EXAMPLES, Result
from tests.helpers_faults import pairing_data

Cli = Callable[..., Result]
NAMES = ("Helen", "Okafor", "Sam", "Rivera")


def pairing_file(home: Path) -> Path:
    return home / "pairings" / f"{EXAMPLE_SLUG}.yaml"


def comment_lines(text: str) -> list[str]:
    return [line.split("#", 1)[1].strip() for line in text.splitlines() if "#" in line]


@pytest.fixture
def frozen(today: Callable[[str], None]) -> None:
    today("2026-11-21")


def test_renew_through_flags_moves_dates_and_keeps_history(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    before = Store().read(EXAMPLE_SLUG)
    result = cli(
        "wrap-up",
        EXAMPLE_SLUG,
        "--decision",
        "renew",
        "--carry-over",
        "genai-for-ops,sam-strategy",
        "--worked",
        "The fortnightly rhythm",
        "--awkward",
        "Giving feedback upwards",
        "--yes",
    )
    assert result.code == 0, result.output
    assert "Renewed: the new cycle runs from 2026-12-08 to 2027-03-08" in result.out
    assert "Retired: Understand how younger colleagues" in result.out
    assert "(gen-z-expectations)" in result.out
    after = Store().read(EXAMPLE_SLUG)
    assert (after.horizon.start, after.horizon.end) == (date(2026, 12, 8), date(2027, 3, 8))
    assert after.sessions == before.sessions
    assert after.reviews == before.reviews
    for old, new in zip(before.goals, after.goals, strict=True):
        assert new.history[: len(old.history)] == old.history
    assert [g.id for g in after.active_goals()] == ["genai-for-ops", "sam-strategy"]
    record = after.wrap_ups[-1]
    assert record.worked == "The fortnightly rhythm"
    assert record.awkward == "Giving feedback upwards"
    assert record.previous_horizon == before.horizon


def test_wrap_up_save_keeps_the_example_files_comments(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    original = (EXAMPLES / "pairings" / f"{EXAMPLE_SLUG}.yaml").read_text(encoding="utf-8")
    assert cli("wrap-up", EXAMPLE_SLUG, "--decision", "renew", "--yes").code == 0
    saved = pairing_file(example_home).read_text(encoding="utf-8")
    assert saved != original
    assert comment_lines(saved) == comment_lines(original)
    assert "&id" not in saved and "*id" not in saved  # anchors would make it unreadable
    assert len(Store().backups(EXAMPLE_SLUG)) == 1
    # A second save (extend) reads the renewed file back fine.
    assert cli("wrap-up", EXAMPLE_SLUG, "--decision", "extend", "--weeks", "2", "--yes").code == 0
    assert comment_lines(pairing_file(example_home).read_text(encoding="utf-8")) == comment_lines(
        original
    )


def test_extend_moves_the_end_only(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli("wrap-up", EXAMPLE_SLUG, "--decision", "extend", "--weeks", "3", "--yes")
    assert result.code == 0, result.output
    assert "Extended by 3 weeks: the cycle now ends on 2026-12-28." in result.out
    h = Store().read(EXAMPLE_SLUG).horizon
    assert (h.start, h.midpoint_review, h.end) == (
        date(2026, 9, 7),
        date(2026, 10, 19),
        date(2026, 12, 28),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--decision", "extend", "--yes"], "--weeks: extending needs a number of weeks"),
        (["--decision", "extend", "--weeks", "60", "--yes"], "--weeks: must be between 1 and 52"),
        (
            ["--decision", "conclude", "--weeks", "2", "--yes"],
            "--weeks goes with --decision extend",
        ),
        (["--decision", "extend", "--weeks", "2", "--carry-over", "all"], "--carry-over goes with"),
        (["--decision", "renew", "--carry-over", "nope", "--yes"], "no goal 'nope'"),
        (["--yes"], "--decision"),
        ([], "--decision"),
    ],
)
def test_bad_flags_are_refused_and_change_nothing(
    example_home: Path, frozen: None, cli: Cli, args: list[str], message: str
) -> None:
    path = pairing_file(example_home)
    before = path.read_bytes()
    result = cli("wrap-up", EXAMPLE_SLUG, *args)
    # What is wrong with the value --weeks was given is a usage error (2), as click's are.
    assert result.code == (2 if message.startswith("--weeks:") else 1), result.output
    assert result.err.startswith("Error: ")
    assert result.out == ""  # refused before the look back is shown
    assert message in result.err
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--decision", "pause"], "'--decision': 'pause' is not one of 'renew', 'conclude'"),
        (["--decision", "extend", "--weeks", "0"], "'--weeks': Input should be greater than or"),
        (["--weeks", "many"], "'--weeks': Input should be a valid integer"),
        (["--carry-over", " , "], "'--carry-over': give all, none, or goal ids"),
    ],
)
def test_a_value_its_flag_cannot_take_is_a_usage_error(
    example_home: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli("wrap-up", EXAMPLE_SLUG, *args, "--yes")
    assert result.code == 2
    assert result.err.startswith(f"Error: Invalid value for {message}")
    assert "Try 'revmentor wrap-up --help' for help." in result.err
    assert pairing_file(example_home).read_bytes() == before


def test_without_terminal_or_decision_the_error_names_the_flag(
    example_home: Path, proc: Callable[..., Result]
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = proc("wrap-up", EXAMPLE_SLUG, env={"REVMENTOR_TODAY": "2026-11-21"})
    assert result.code == 1
    assert "Error: the wrap-up needs a decision" in result.err
    assert "--decision renew|conclude|extend" in result.err
    assert pairing_file(example_home).read_bytes() == before


def test_conclude_then_log_session_is_refused_until_reopened(
    example_home: Path, frozen: None, cli: Cli, proc: Callable[..., Result]
) -> None:
    assert cli("wrap-up", EXAMPLE_SLUG, "--decision", "conclude", "--yes").code == 0
    p = Store().read(EXAMPLE_SLUG)
    assert p.state == "concluded"
    path = pairing_file(example_home)
    before = path.read_bytes()
    refused = proc("log-session", EXAMPLE_SLUG, "--yes", env={"REVMENTOR_TODAY": "2026-11-21"})
    assert refused.code == 1
    assert f"'{EXAMPLE_SLUG}' is concluded, so it is read-only" in refused.err
    assert f"Reopen it first with `revmentor reopen {EXAMPLE_SLUG}`" in refused.err
    assert path.read_bytes() == before
    again = cli("wrap-up", EXAMPLE_SLUG, "--decision", "renew", "--yes")
    assert again.code == 1 and "revmentor reopen helen-sam" in again.err
    assert path.read_bytes() == before

    listed = json.loads(cli("list", "--json").out)
    assert listed[0]["state"] == "concluded"

    reopened = cli("reopen", EXAMPLE_SLUG)
    assert reopened.code == 0, reopened.output
    assert "active again" in reopened.out
    p = Store().read(EXAMPLE_SLUG)
    assert p.state == "active"
    assert p.wrap_ups[-1].decision == "conclude"  # the record of the conclusion stays
    logged = proc("log-session", EXAMPLE_SLUG, "--yes", env={"REVMENTOR_TODAY": "2026-11-21"})
    assert logged.code == 0, logged.output
    assert len(Store().read(EXAMPLE_SLUG).sessions) == 6


def test_reopen_an_active_pairing_is_an_error(example_home: Path, cli: Cli) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli("reopen", EXAMPLE_SLUG)
    assert result.code == 1
    assert "'helen-sam' is not concluded" in result.err
    assert pairing_file(example_home).read_bytes() == before
    assert cli("reopen", "nobody").code == 1


def test_story_leaves_names_out_and_refuses_to_overwrite(
    example_home: Path, frozen: None, cli: Cli, tmp_path: Path
) -> None:
    story = tmp_path / "story.md"
    result = cli(
        "wrap-up",
        EXAMPLE_SLUG,
        "--decision",
        "extend",
        "--weeks",
        "2",
        "--story",
        str(story),
        "--worked",
        "Sam's candour with Helen",
        "--yes",
    )
    assert result.code == 0, result.output
    assert "names left out" in result.out
    text = story.read_text(encoding="utf-8")
    for name in NAMES:
        assert name not in text
    assert "My partner's candour with me" in text
    assert story.stat().st_mode & 0o777 == 0o600

    path = pairing_file(example_home)
    before = path.read_bytes()
    again = cli(
        "wrap-up",
        EXAMPLE_SLUG,
        "--decision",
        "extend",
        "--weeks",
        "2",
        "--story",
        str(story),
        "--yes",
    )
    assert again.code == 1
    assert "already exists" in again.err and "--force" in again.err
    assert path.read_bytes() == before
    assert story.read_text(encoding="utf-8") == text

    forced = cli(
        "wrap-up",
        EXAMPLE_SLUG,
        "--decision",
        "extend",
        "--weeks",
        "2",
        "--story",
        str(story),
        "--force",
        "--with-names",
        "--yes",
    )
    assert forced.code == 0, forced.output
    named = story.read_text(encoding="utf-8")
    assert "Helen Okafor" in named and "Sam Rivera" in named
    assert Store().read(EXAMPLE_SLUG).horizon.end == date(2027, 1, 4)  # two extensions of 2


def test_story_into_a_missing_folder_saves_nothing(
    example_home: Path, frozen: None, cli: Cli, tmp_path: Path
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli(
        "wrap-up",
        EXAMPLE_SLUG,
        "--decision",
        "conclude",
        "--story",
        str(tmp_path / "nope" / "s.md"),
        "--yes",
    )
    assert result.code == 1
    assert "does not exist" in result.err
    assert pairing_file(example_home).read_bytes() == before


def test_retrospective_is_printed(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli("wrap-up", EXAMPLE_SLUG, "--decision", "extend", "--weeks", "1", "--yes")
    out = result.out
    assert "Cycle 2026-09-07 → 2026-12-07 (16 days left); 5 sessions logged." in out
    # Each goal by its words, cut to fit, with its id beside them.
    row = next(line for line in out.splitlines() if "(genai-for-ops)" in line)
    assert row.startswith("  Learn to use generative") and "me       1      3    +2" in row
    assert "What my partner learned" in out
    assert "Why the board cares more about risk than speed." in out
    assert "Trust         3 → 5  +2" in out


def test_the_only_pairing_needs_no_name(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli("wrap-up", "--decision", "conclude", "--yes")
    assert result.code == 0, result.output
    assert Store().read(EXAMPLE_SLUG).state == "concluded"


def test_a_long_log_shows_the_latest_lessons_and_counts_the_rest(
    home: Path, cli: Cli, today: Callable[[str], None]
) -> None:
    today("2027-12-01")
    data = pairing_data(30)
    for i, session in enumerate(data["sessions"]):
        session["i_learned"] = f"lesson {i:02d}"
    Store(home).create("long", Pairing.model_validate(data))
    result = cli("wrap-up", "long", "--decision", "conclude", "--yes")
    assert result.code == 0, result.output
    shown = [i for i in range(30) if f"lesson {i:02d}" in result.out]
    assert shown == list(range(22, 30)), "the latest eight, in order"
    assert result.out.count("How the board reads risk.") == 8
    assert result.out.count("... and 22 earlier (the full log: `revmentor export`)") == 2

"""The Mentoring Essentials self-check: scoring, its history file, and the command's flags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import typer

from revmentor import selfcheck_file
from revmentor.cli import _values
from revmentor.coach import selfcheck as sc
from revmentor.errors import BadInput, InvalidFile
from revmentor.model import SelfCheckLog
from tests.conftest import Result

Cli = Callable[..., Result]

IDS = [
    "listening",
    "styles",
    "learning",
    "feedback",
    "safety",
    "behaviour",
    "openness",
    "templates",
    "checklists",
    "guides",
]
# skills 4,3,2,4 -> 3.3; mindset 3,3,5 -> 3.7; toolkit 1,2,2 -> 1.7 (weakest, lowest: templates)
FIRST = dict(zip(IDS, [4, 3, 2, 4, 3, 3, 5, 1, 2, 2], strict=True))
SECOND = dict(zip(IDS, [5, 4, 4, 4, 4, 2, 3, 4, 4, 3], strict=True))


def flags(answers: dict[str, int]) -> list[str]:
    out: list[str] = []
    for qid, value in answers.items():
        out += ["--answer", f"{qid}={value}"]
    return out


# --- the coach ------------------------------------------------------------------


def test_the_three_parts_and_their_questions() -> None:
    parts = sc.load_parts()
    assert [p.id for p in parts] == ["skills", "mindset", "toolkit"]
    assert sc.question_ids(parts) == IDS
    assert all(q.text and q.step for p in parts for q in p.questions)


def test_scores_weakest_part_and_its_next_step() -> None:
    parts = sc.load_parts()
    outcome = sc.assess(parts, FIRST, date(2026, 11, 21))
    assert outcome.result.scores == {"skills": 3.3, "mindset": 3.7, "toolkit": 1.7}
    assert outcome.weakest.id == "toolkit"
    templates = next(q for q in outcome.weakest.questions if q.id == "templates")
    assert outcome.result.next_step == templates.step
    assert outcome.change("skills") is None


def test_change_since_the_previous_result() -> None:
    parts = sc.load_parts()
    first = sc.assess(parts, FIRST, date(2026, 11, 21)).result
    second = sc.assess(parts, SECOND, date(2026, 12, 21), previous=first)
    # skills 4.25 -> 4.3 (halves round up); mindset 3.0; toolkit 3.7
    assert second.result.scores == {"skills": 4.3, "mindset": 3.0, "toolkit": 3.7}
    assert second.weakest.id == "mindset"
    assert second.result.next_step.startswith("Ask a trusted colleague")  # behaviour = 2
    assert (second.change("skills"), second.change("mindset"), second.change("toolkit")) == (
        1.0,
        -0.7,
        2.0,
    )


def test_a_tie_picks_the_first_part() -> None:
    parts = sc.load_parts()
    outcome = sc.assess(parts, dict.fromkeys(IDS, 3), date(2026, 11, 21))
    assert outcome.weakest.id == "skills"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("listening", "is not in the form NAME=N"),
        ("=3", "is not in the form NAME=N"),
        ("listening=0", "0 is outside 1 to 5"),
        ("listening=6", "6 is outside 1 to 5"),
        ("listening=3.5", "is not a number from 1 to 5"),
        ("listening=high", "is not a number from 1 to 5"),
    ],
)
def test_flag_answers_are_checked(item: str, message: str) -> None:
    with pytest.raises(typer.BadParameter, match=message):
        _values.answer_rating(item)


def test_flag_answers_parse_to_ids_and_ratings() -> None:
    assert _values.answer_rating(" listening = 4") == _values.Rated("listening", 4)


def test_file_answers_are_checked() -> None:
    assert sc.parse_file_answers({"listening": "4"}, "f") == {"listening": 4}
    assert sc.parse_file_answers(None, "f") == {}
    with pytest.raises(BadInput, match="mapping"):
        sc.parse_file_answers(["listening"], "f")
    with pytest.raises(BadInput, match="from 1 to 5"):
        sc.parse_file_answers({"listening": True}, "f")


def test_unknown_ids_are_named() -> None:
    with pytest.raises(BadInput, match="unknown question id: listenin"):
        sc.check_known(sc.load_parts(), {"listenin": 3})


# --- the history file ---------------------------------------------------------------


def test_history_file_round_trip_private_and_comments_kept(home: Path) -> None:
    parts = sc.load_parts()
    first = sc.assess(parts, FIRST, date(2026, 11, 21)).result
    where = selfcheck_file.append(first)
    assert where == home / "self-check.yaml"
    assert where.stat().st_mode & 0o777 == 0o600
    where.write_text(where.read_text(encoding="utf-8") + "# my own note\n", encoding="utf-8")
    second = sc.assess(parts, SECOND, date(2026, 12, 21)).result
    selfcheck_file.append(second)
    log = selfcheck_file.load()
    assert log.results == [first, second]
    assert "# my own note" in where.read_text(encoding="utf-8")


def test_missing_history_is_empty(home: Path) -> None:
    assert selfcheck_file.load() == SelfCheckLog()


def test_broken_history_is_reported_and_left_alone(home: Path) -> None:
    home.mkdir(parents=True)
    where = home / "self-check.yaml"
    where.write_text("schema: 1\nresults:\n  - date: someday\n", encoding="utf-8")
    with pytest.raises(InvalidFile, match=r"self-check.yaml:3: results.0.date"):
        selfcheck_file.load()
    result = sc.assess(sc.load_parts(), FIRST, date(2026, 11, 21)).result
    with pytest.raises(InvalidFile):
        selfcheck_file.append(result)
    assert where.read_text(encoding="utf-8") == "schema: 1\nresults:\n  - date: someday\n"


# --- the command, without a terminal ------------------------------------------------


def test_all_answers_by_flag(home: Path, cli: Cli, today: Callable[[str], None]) -> None:
    today("2026-11-21")
    result = cli("self-check", *flags(FIRST))
    assert result.code == 0, result.output
    assert "Mentoring Essentials self-check, 2026-11-21" in result.out
    assert "Toolkit  ███░░░░░░░  1.7/5  ← weakest" in result.out
    assert "Next step (toolkit):" in result.out
    log = selfcheck_file.load()
    assert [r.date for r in log.results] == [date(2026, 11, 21)]
    assert log.results[0].answers == FIRST


def test_answers_file_with_a_flag_correcting_one(
    home: Path, cli: Cli, today: Callable[[str], None], tmp_path: Path
) -> None:
    today("2026-11-21")
    assert cli("self-check", *flags(FIRST)).code == 0
    today("2026-12-21")
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "".join(f"{k}: {v}\n" for k, v in SECOND.items()).replace("guides: 3", "guides: 1"),
        encoding="utf-8",
    )
    result = cli("self-check", "--answers", str(answers), "--answer", "guides=3")
    assert result.code == 0, result.output
    assert "(+1.0 since last time)" in result.out
    assert "(-0.7 since last time)" in result.out
    assert "Compared with your check of 2026-11-21" in result.out
    log = selfcheck_file.load()
    assert log.results[-1].answers == SECOND
    assert log.results[-1].date == date(2026, 12, 21)

    history = cli("self-check", "--history")
    assert history.code == 0
    lines = history.out.splitlines()
    assert lines[0].split() == ["date", "skills", "mindset", "toolkit", "weakest"]
    assert lines[1].split() == ["2026-11-21", "3.3", "3.7", "1.7", "toolkit"]
    assert lines[2].split() == ["2026-12-21", "4.3", "3.0", "3.7", "mindset"]


def test_history_when_empty(home: Path, cli: Cli) -> None:
    result = cli("self-check", "--history")
    assert result.code == 0
    assert "No self-checks yet" in result.out
    assert cli("self-check", "--history", "--answer", "listening=3").code == 1


def test_missing_answers_without_terminal_lists_the_ids(
    home: Path, proc: Callable[..., Result]
) -> None:
    partial = {k: v for k, v in FIRST.items() if k not in ("openness", "guides")}
    result = proc("self-check", *flags(partial))
    assert result.code == 1
    assert "Error: the self-check is missing answers for: openness, guides" in result.err
    assert "--answer ID=N" in result.err and "--answers FILE" in result.err
    assert not (home / "self-check.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--answer", "empathy=3"], "'empathy' is not a question of the self-check"),
        (["--answers", "/nonexistent/answers.yaml"], "no answers file"),
    ],
)
def test_bad_answers_are_refused(home: Path, cli: Cli, args: list[str], message: str) -> None:
    result = cli("self-check", *args)
    assert result.code == (2 if args[0] == "--answer" else 1)
    assert message in result.err
    assert "Traceback" not in result.output
    assert not (home / "self-check.yaml").exists()


def test_answers_file_that_is_not_a_mapping(home: Path, cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text("- listening\n", encoding="utf-8")
    result = cli("self-check", "--answers", str(bad))
    assert result.code == 1
    assert "expected a mapping" in result.err

"""`revmentor goals review/add/list` through their flags, and the coach behind them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revmentor.cli import _values
from revmentor.coach import goals as cg
from revmentor.coach.ratings import latest_rating
from revmentor.errors import BadInput
from revmentor.model import Pairing, RealFlags
from revmentor.store import Store
from revmentor.wizard import goals_review as review_wizard
from tests import strategies as model_st
from tests.conftest import EXAMPLE_SLUG, Result

Cli = Callable[..., Result]
TODAY = date(2026, 11, 21)
GOOD_GOAL = (
    "Learn to run team retros with AI summaries, trying it on two real retros, "
    "so my team spends its time on decisions"
)
ALL_REAL = RealFlags(relevant=True, experimental=True, aspirational=True, learning_based=True)


def test_the_good_goal_passes_the_real_check() -> None:
    # The other tests rely on this wording passing every REAL check.
    from revmentor.coach.real import check_real

    assert check_real(GOOD_GOAL).passed


def pairing_file(home: Path) -> Path:
    return home / "pairings" / f"{EXAMPLE_SLUG}.yaml"


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


@pytest.fixture
def frozen(today: Callable[[str], None]) -> None:
    today("2026-11-21")


# --- goals review, by flags --------------------------------------------------------


def test_review_one_goal_keeps_the_rest_with_yes(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    result = cli(
        "goals", "review", EXAMPLE_SLUG, "--goal", "genai-for-ops", "--rating", "4",
        "--decision", "keep", "--note", "Steady.", "--yes",
    )  # fmt: skip
    assert result.code == 0, result.output
    p = Store().read(EXAMPLE_SLUG)
    review = p.reviews[-1]
    assert review.date == TODAY
    assert review.note == "Steady."
    assert [(e.goal, e.decision, e.rating) for e in review.entries] == [
        ("genai-for-ops", "keep", 4),
        ("gen-z-expectations", "keep", None),
        ("sam-strategy", "keep", None),
    ]
    last = p.goal("genai-for-ops").history[-1]  # type: ignore[union-attr]
    assert (last.date, last.event, last.rating) == (TODAY, "rated", 4)
    # Goals kept without a rating get no history entry: nothing about them changed.
    assert len(p.goal("sam-strategy").history) == 1  # type: ignore[union-attr]
    assert "Review of 2026-11-21 saved in helen-sam." in result.out
    assert "genai-for-ops: keep, rated 4" in result.out


def test_review_without_yes_or_terminal_records_only_the_named_goal(
    example_home: Path, proc: Callable[..., Result]
) -> None:
    result = proc(
        "goals", "review", "--goal", "sam-strategy", "--decision", "achieved",
        "--rating", "5", "--reason", "Sam pitched it to the board",
        env={"REVMENTOR_TODAY": "2026-11-21"},
    )  # fmt: skip
    assert result.code == 0, result.output
    p = Store().read(EXAMPLE_SLUG)
    goal = p.goal("sam-strategy")
    assert goal is not None
    assert goal.status == "achieved"
    assert [h.event for h in goal.history[-2:]] == ["rated", "achieved"]
    assert goal.history[-1].reason == "Sam pitched it to the board"
    assert [e.goal for e in p.reviews[-1].entries] == ["sam-strategy"]
    assert [g.id for g in p.active_goals()] == ["genai-for-ops", "gen-z-expectations"]


def test_reword_rechecks_real_and_records_the_old_wording(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    old = Store().read(EXAMPLE_SLUG).goal("sam-strategy").text  # type: ignore[union-attr]
    result = cli(
        "goals", "review", "--goal", "sam-strategy", "--decision", "reword",
        "--text", GOOD_GOAL, "--reason", "narrower", "--yes",
    )  # fmt: skip
    assert result.code == 0, result.output
    goal = Store().read(EXAMPLE_SLUG).goal("sam-strategy")
    assert goal is not None
    assert goal.text == GOOD_GOAL
    h = goal.history[-1]
    assert (h.event, h.text, h.previous, h.reason) == ("reworded", GOOD_GOAL, old, "narrower")
    # The example marked this goal not experimental; the new wording passes every check.
    assert goal.real == ALL_REAL
    assert f"now: {GOOD_GOAL}" in " ".join(result.out.split())


def test_retire_records_the_reason(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli(
        "goals", "review", "--goal", "gen-z-expectations", "--decision", "retire",
        "--reason", "the team was reorganised",
    )  # fmt: skip
    assert result.code == 0, result.output
    goal = Store().read(EXAMPLE_SLUG).goal("gen-z-expectations")
    assert goal is not None
    assert goal.status == "retired"
    assert goal.history[-1].event == "retired"
    assert goal.history[-1].reason == "the team was reorganised"
    assert goal.history[-1].rating is None


def test_review_keeps_comments(example_home: Path, frozen: None, cli: Cli) -> None:
    before = pairing_file(example_home).read_text(encoding="utf-8")
    result = cli(
        "goals", "review", "--goal", "sam-strategy", "--decision", "reword", "--text",
        GOOD_GOAL, "--yes",
    )  # fmt: skip
    assert result.code == 0
    after = pairing_file(example_home).read_text(encoding="utf-8")
    assert comment_lines(after) == comment_lines(before)
    assert "# Goals: each is checked against REAL" in after


# A goal id the pairing does not have is not among them: the command line is well
# formed, and that exits 1.
FLAG_VALUE_PROBLEMS = {
    "--text: rewording a goal needs",
    "--reason: retiring a goal needs",
    "needs a reason",
    "only goes with the decision 'reword'",
    "--id: a goal with the id 'genai-for-ops'",
    "--id: 'Bad Id' cannot be a goal id",
}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--goal", "nope", "--decision", "keep"], "--goal: no goal with the id 'nope'"),
        (["--goal", "sam-strategy", "--decision", "reword"], "--text: rewording a goal needs"),
        (["--goal", "sam-strategy", "--decision", "retire"], "--reason: retiring a goal needs"),
        (["--goal", "sam-strategy", "--decision", "retire", "--reason", "  "], "needs a reason"),
        (["--goal", "sam-strategy", "--text", "x"], "only goes with the decision 'reword'"),
        (["--decision", "keep"], "--decision needs --goal"),
        (["--rating", "3"], "--rating needs --goal"),
        (
            ["--goal", "sam-strategy", "--decision", "reword", "--text", "bad\x1b[31m"],
            "control character",
        ),
        (
            ["--goal", "sam-strategy", "--decision", "retire", "--reason", "x\x00"],
            "control character",
        ),
    ],
)
def test_review_bad_input_leaves_the_file_untouched(
    example_home: Path, frozen: None, cli: Cli, args: list[str], message: str
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli("goals", "review", *args, "--yes")
    # A problem with a flag's own value is a usage error (2), as click's are.
    assert result.code == (2 if message in FLAG_VALUE_PROBLEMS else 1), result.output
    assert result.err.startswith("Error: ")
    assert message in result.err
    assert pairing_file(example_home).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "--goal", "sam-strategy", "--decision", "drop"], "'drop' is not one of"),
        (["review", "--goal", "sam-strategy", "--rating", "6"], "less than or equal to 5"),
        (["review", "--goal", "sam-strategy", "--rating", "ok"], "should be a valid integer"),
        (["add", "--text", "x", "--owner", "boss"], "'boss' is not one of 'me', 'partner'"),
        (["add", "--text", "x", "--baseline", "7"], "less than or equal to 5"),
        (["add", "--text", "x", "--real", "fast"], "'fast' is not one of relevant"),
    ],
)
def test_a_value_its_flag_cannot_take_is_a_usage_error(
    example_home: Path, frozen: None, cli: Cli, args: list[str], message: str
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli("goals", *args)
    assert result.code == 2, result.output
    first = result.err.splitlines()[0]
    assert first.startswith(f"Error: Invalid value for '{args[-2]}': ")
    assert message in first
    assert f"Try 'revmentor goals {args[0]} --help' for help." in result.err
    assert pairing_file(example_home).read_bytes() == before


def test_review_of_a_goal_no_longer_active_is_refused(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    assert cli("goals", "review", "--goal", "sam-strategy", "--decision", "achieved").code == 0
    before = pairing_file(example_home).read_bytes()
    result = cli("goals", "review", "--goal", "sam-strategy", "--decision", "keep")
    assert result.code == 1
    assert "'sam-strategy' is achieved" in result.err
    assert pairing_file(example_home).read_bytes() == before


def test_review_without_terminal_or_flags_names_the_flags(
    example_home: Path, proc: Callable[..., Result]
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = proc("goals", "review")
    assert result.code == 1
    assert "no terminal" in result.err
    assert "--goal ID --decision" in result.err
    assert pairing_file(example_home).read_bytes() == before


def test_review_of_a_concluded_pairing_says_how_to_reopen(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    path = pairing_file(example_home)
    path.write_text(
        path.read_text(encoding="utf-8").replace("state: active", "state: concluded", 1),
        encoding="utf-8",
    )
    before = path.read_bytes()
    result = cli("goals", "review", "--yes")
    assert result.code == 1
    assert "revmentor reopen helen-sam" in result.err
    assert path.read_bytes() == before


# --- goals add -------------------------------------------------------------------------


def test_add_takes_real_from_the_check(example_home: Path, frozen: None, cli: Cli) -> None:
    result = cli(
        "goals", "add", EXAMPLE_SLUG, "--text", GOOD_GOAL, "--owner", "shared",
        "--why", "retros drag", "--baseline", "2",
    )  # fmt: skip
    assert result.code == 0, result.output
    goal = Store().read(EXAMPLE_SLUG).goals[-1]
    assert goal.id == "run-team-retros"
    assert (goal.text, goal.owner, goal.why, goal.baseline) == (
        GOOD_GOAL, "shared", "retros drag", 2
    )  # fmt: skip
    assert goal.real == ALL_REAL
    assert [(h.date, h.event) for h in goal.history] == [(TODAY, "created")]
    assert "Added goal 'run-team-retros' to helen-sam." in result.out


def test_add_shows_a_failing_verdict_and_own_flags_win(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    result = cli("goals", "add", "--text", "Finish the Q3 report", "--id", "q3", "--real", "RL")
    assert result.code == 0, result.output
    goal = Store().read(EXAMPLE_SLUG).goal("q3")
    assert goal is not None
    assert goal.real == RealFlags(relevant=True, learning_based=True)
    # The automatic verdict is still shown, so the user sees what the check thinks.
    assert "Learn how to" in result.out


def test_add_without_own_flags_takes_the_failing_verdict(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    assert cli("goals", "add", "--text", "Finish the Q3 report").code == 0
    assert Store().read(EXAMPLE_SLUG).goals[-1].real == RealFlags()


def test_add_twice_gets_unique_ids(example_home: Path, frozen: None, cli: Cli) -> None:
    assert cli("goals", "add", "--text", GOOD_GOAL).code == 0
    assert cli("goals", "add", "--text", GOOD_GOAL).code == 0
    ids = [g.id for g in Store().read(EXAMPLE_SLUG).goals[-2:]]
    assert ids == ["run-team-retros", "run-team-retros-2"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--text", "  "], "the goal's wording is empty"),
        (["--text", "x", "--id", "genai-for-ops"], "--id: a goal with the id 'genai-for-ops'"),
        (["--text", "x", "--id", "Bad Id"], "--id: 'Bad Id' cannot be a goal id"),
        (["--text", "x\x1b]0;hi\x07"], "control character"),
    ],
)
def test_add_bad_input_leaves_the_file_untouched(
    example_home: Path, frozen: None, cli: Cli, args: list[str], message: str
) -> None:
    before = pairing_file(example_home).read_bytes()
    result = cli("goals", "add", *args)
    assert result.code == (2 if message in FLAG_VALUE_PROBLEMS else 1), result.output
    assert message in result.err
    assert pairing_file(example_home).read_bytes() == before


def test_add_without_text_or_terminal_names_the_flag(
    example_home: Path, proc: Callable[..., Result]
) -> None:
    result = proc("goals", "add")
    assert result.code == 1
    assert "--text" in result.err


# --- goals list ------------------------------------------------------------------------


def test_list_json_has_latest_ratings(example_home: Path, cli: Cli) -> None:
    result = cli("goals", "list", "--json")
    assert result.code == 0
    rows = json.loads(result.out)
    assert [(r["id"], r["baseline"], r["latest_rating"]) for r in rows] == [
        ("genai-for-ops", 1, 3),
        ("gen-z-expectations", 2, 3),
        ("sam-strategy", 2, 4),
    ]
    assert rows[2]["real"]["experimental"] is False
    assert rows[0]["owner"] == "me" and rows[2]["owner"] == "partner"


def test_list_table_and_all(example_home: Path, frozen: None, cli: Cli) -> None:
    cli("goals", "review", "--goal", "gen-z-expectations", "--decision", "retire", "--reason", "r")
    active = cli("goals", "list")
    assert active.code == 0
    header = active.out.splitlines()[0].split()
    assert header == ["id", "owner", "status", "baseline", "latest", "ratings", "goal"]
    assert "genai-for-ops" in active.out
    assert "gen-z-expectations" not in active.out
    everything = cli("goals", "list", "--all")
    assert "gen-z-expectations" in everything.out
    assert "retired" in everything.out


def test_list_escapes_markup(home: Path, cli: Cli) -> None:
    Store().create(
        "mine",
        Pairing.model_validate(
            {
                "created": "2026-11-01",
                "horizon": {"start": "2026-11-02", "end": "2027-02-02"},
                "goals": [{"id": "g", "text": "[bold]Learn[/bold] to lead"}],
            }
        ),
    )
    result = cli("goals", "list")
    assert "[bold]Learn[/bold] to lead" in result.out


# --- the coach -------------------------------------------------------------------------


def example() -> Pairing:
    from tests.conftest import EXAMPLES

    return Store(EXAMPLES).read(EXAMPLE_SLUG)


def test_ratings_merge_sessions_and_reviews() -> None:
    points = cg.ratings(example(), "genai-for-ops")
    assert [(str(p.date), p.rating, p.source) for p in points] == [
        ("2026-09-08", 1, "session"),
        ("2026-09-22", 2, "session"),
        ("2026-10-20", 3, "session"),
        ("2026-10-20", 3, "review"),
        ("2026-11-03", 3, "session"),
    ]
    assert latest_rating(example(), "gen-z-expectations") == 3
    assert cg.ratings(example(), "unknown") == []


def test_apply_review_is_all_or_nothing() -> None:
    p = example()
    before = p.model_dump()
    decisions = [
        cg.GoalDecision("genai-for-ops", "achieved", rating=5),
        cg.GoalDecision("sam-strategy", "retire"),  # no reason: refused
    ]
    with pytest.raises(BadInput, match="needs a reason"):
        cg.apply_review(p, decisions, TODAY)
    assert p.model_dump() == before
    with pytest.raises(BadInput, match="decided twice"):
        cg.apply_review(p, [cg.GoalDecision("sam-strategy")] * 2, TODAY)
    assert p.model_dump() == before


def test_apply_review_records_added_goals_and_rewording_flags() -> None:
    p = example()
    new = cg.add_goal(p, GOOD_GOAL, TODAY, baseline=1)
    flags = RealFlags(relevant=True)
    review = cg.apply_review(
        p,
        [cg.GoalDecision("genai-for-ops", "reword", text="Learn X by trying Y")],
        TODAY,
        added=[new.id],
        real={"genai-for-ops": flags},
    )
    assert review.added == [new.id]
    assert p.reviews[-1] is review
    assert p.goal("genai-for-ops").real == flags  # type: ignore[union-attr]
    assert Pairing.model_validate(p.to_data()) == p


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Learn to prompt", "prompt"),
        ("Ça va: apprendre l'IA générative au quotidien", "ca-va-apprendre"),
        ("日本語を学ぶ", "goal"),
        ("a" * 80, "a" * 24),
        ("Learn how to", "learn-how-to"),  # nothing but filler: its first words
        ("Understand international procurement negotiations", "international"),
    ],
)
def test_new_goal_ids(text: str, expected: str) -> None:
    p = example()
    goal_id = cg.new_goal_id(p, text)
    assert goal_id == expected
    assert len(goal_id) <= 24 and len(goal_id.split("-")) <= 3


def test_real_flag_parses_names_letters_all_and_none() -> None:
    everything = frozenset({"relevant", "experimental", "aspirational", "learning_based"})
    assert _values.real_checks("none").met == frozenset()
    assert _values.real_checks("all").met == _values.real_checks("REAL").met == everything
    assert _values.real_checks("ea").met == {"experimental", "aspirational"}
    assert _values.real_checks("relevant, learning-based").met == {"relevant", "learning_based"}
    with pytest.raises(typer.BadParameter, match="'quick' is not one of"):
        _values.real_checks("relevant,quick")


def test_coach_refusals_name_the_field_and_the_command_names_the_flag() -> None:
    p = example()
    retire = cg.GoalDecision(goal_id="sam-strategy", decision="retire")
    with pytest.raises(BadInput) as info:
        cg.check_decision(p, retire)
    assert info.value.message == "reason: retiring a goal needs a reason"
    assert "--" not in (info.value.hint or "")
    assert info.value.named(review_wizard.FLAGS).message == (
        "--reason: retiring a goal needs a reason"
    )
    assert review_wizard.decision_command("sam", retire) == [
        "revmentor", "goals", "review", "sam", "--goal", "sam-strategy", "--decision", "retire"
    ]  # fmt: skip


def test_saved_records_have_no_yaml_anchors(example_home: Path, frozen: None, cli: Cli) -> None:
    # One date stored in several records must not come out as `&id001` / `*id001`.
    result = cli(
        "goals", "review", "--goal", "sam-strategy", "--decision", "reword", "--rating", "3",
        "--text", GOOD_GOAL, "--reason", "sharper", "--yes",
    )  # fmt: skip
    assert result.code == 0
    assert cli("goals", "add", "--text", "Finish the Q3 report").code == 0
    text = pairing_file(example_home).read_text(encoding="utf-8")
    assert "&id" not in text
    assert "*id" not in text
    assert text.count("2026-11-21") >= 4


def test_review_with_nothing_active_changes_nothing(
    example_home: Path, frozen: None, cli: Cli
) -> None:
    for goal in ("genai-for-ops", "gen-z-expectations", "sam-strategy"):
        assert cli("goals", "review", "--goal", goal, "--decision", "achieved").code == 0
    before = pairing_file(example_home).read_bytes()
    result = cli("goals", "review", "--yes")
    assert result.code == 0
    assert "No active goals to review" in result.out
    assert pairing_file(example_home).read_bytes() == before
    listed = cli("goals", "list").out
    assert "No active goals (3 achieved or retired: see them with --all)" in listed


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(model_st.pairings(), st.integers(-30, 200))
def test_ratings_of_every_goal_at_once_match_each_goal_alone(p: Pairing, offset: int) -> None:
    from datetime import timedelta

    from revmentor.coach.ratings import goal_ratings, ratings_by_goal

    until = p.horizon.start + timedelta(days=offset)
    together = ratings_by_goal(p, until)
    ids = {g.id for g in p.goals} | {k for s in p.sessions for k in s.progress}
    ids |= {e.goal for r in p.reviews for e in r.entries}
    for goal_id in ids:
        assert together.get(goal_id, []) == goal_ratings(p, goal_id, until)

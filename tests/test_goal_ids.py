"""Goal ids people can type: short proposals, unique prefixes, goals named by their words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from revmentor.coach.goal_ids import goal_label, propose, resolve, shorten
from revmentor.errors import BadInput
from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result
from tests.helpers_faults import Snapshot

Cli = Callable[..., Result]
IDS = ["genai-for-ops", "gen-z-expectations", "sam-strategy"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Learn to use generative AI tools myself so I can judge", "use-generative-ai"),
        ("Understand how younger colleagues want feedback", "younger-colleagues"),
        ("Learn how a budget case is built", "budget-case-built"),
        ("Get better at giving feedback", "giving-feedback"),
        ("Master internationalisation workflows", "master"),
    ],
)
def test_proposals_are_three_telling_words_at_most(text: str, expected: str) -> None:
    goal_id = propose(text, [])
    assert goal_id == expected
    assert len(goal_id) <= 24 and len(goal_id.split("-")) <= 3


def test_a_taken_proposal_gets_a_number_and_stays_short() -> None:
    assert propose("Use generative AI", ["use-generative-ai"]) == "use-generative-ai-2"
    long = "x" * 24
    assert propose(long, [long]) == "x" * 22 + "-2"


def test_any_unique_prefix_names_its_goal() -> None:
    assert resolve("genai", IDS) == "genai-for-ops"
    assert resolve("s", IDS) == "sam-strategy"
    assert resolve("gen-z-expectations", IDS) == "gen-z-expectations"
    # An id that is also the start of another is itself.
    assert resolve("ai", ["ai", "ai-tools"]) == "ai"


def test_an_ambiguous_prefix_names_the_candidates() -> None:
    with pytest.raises(BadInput) as caught:
        resolve("gen", IDS)
    assert caught.value.message == "'gen' could be 'genai-for-ops' or 'gen-z-expectations'"
    with pytest.raises(BadInput, match="no goal with the id 'x'"):
        resolve("x", IDS)


def test_labels_shorten_the_words_and_keep_the_id() -> None:
    text = "Learn to use generative AI tools myself so I can judge where they could help"
    shown = goal_label(text, "genai-for-ops", 50)
    assert shown.endswith("… (genai-for-ops)") and len(shown) <= 50
    assert goal_label("Short goal", "short") == "Short goal (short)"
    assert shorten("one two three", 9) == "one two…"


def test_progress_takes_a_prefix(example_home: Path, cli: Cli) -> None:
    r = cli("log-session", "--topic", "x", "--progress", "genai=4", "--progress", "sam=3")
    assert r.code == 0, r.output
    assert Store().read(EXAMPLE_SLUG).sessions[-1].progress == {
        "genai-for-ops": 4, "sam-strategy": 3}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log-session", "--topic", "x", "--progress", "gen=4"],
         "--progress: 'gen' could be 'genai-for-ops' or 'gen-z-expectations'"),
        (["log-session", "--topic", "x", "--progress", "genai=4", "--progress", "genai-for=3"],
         "--progress: 'genai' and 'genai-for' both name 'genai-for-ops'"),
        (["goals", "review", "--goal", "gen", "--rating", "3", "--yes"],
         "--goal: 'gen' could be 'genai-for-ops' or 'gen-z-expectations'"),
        (["goals", "review", "--goal", "zzz", "--rating", "3", "--yes"],
         "--goal: no goal with the id 'zzz'"),
        (["wrap-up", "--decision", "renew", "--carry-over", "gen", "--yes"],
         "'gen' could be 'genai-for-ops' or 'gen-z-expectations'"),
    ],
)
def test_ambiguous_or_unknown_ids_are_refused(
    example_home: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = Snapshot.of(example_home)
    r = cli(*args)
    assert r.code == 1, r.output
    assert r.err.startswith(f"Error: {message}"), r.err
    assert Snapshot.of(example_home).changes(before) == []


def test_review_and_carry_over_take_prefixes(
    example_home: Path, cli: Cli, today: Callable[[str], None]
) -> None:
    today("2026-11-21")
    r = cli("goals", "review", "--goal", "genai", "--rating", "4", "--yes")
    assert r.code == 0, r.output
    assert Store().read(EXAMPLE_SLUG).reviews[-1].entries[0].goal == "genai-for-ops"
    r = cli("wrap-up", "--decision", "renew", "--carry-over", "genai,sam", "--yes")
    assert r.code == 0, r.output
    active = [g.id for g in Store().read(EXAMPLE_SLUG).active_goals()]
    assert active == ["genai-for-ops", "sam-strategy"]


def test_an_id_typed_in_a_terminal_is_checked() -> None:
    from revmentor.wizard.goal_ids import id_problem

    assert id_problem("q3-report", IDS) is None
    assert "already a goal's id" in (id_problem("sam-strategy", IDS) or "")
    assert "lowercase letters" in (id_problem("Q3 Report", IDS) or "")

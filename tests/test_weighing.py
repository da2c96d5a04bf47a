"""The second reading of a goal by the weight of its words (coach/weighing.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from benchmarks.goal_checks import context, load_part

from revmentor.coach import real, smart, weighing
from revmentor.coach.verdict import Verdict
from tests.helpers_scripts import load_script

QUOTED = re.compile(r"“([^”]*)”")


def test_features_are_words_pairs_and_the_rules_verdict() -> None:
    assert weighing.features("Learn Excel’s charts", True) == {
        "learn", "excel's", "charts", "learn_excel's", "excel's_charts", "RULE=True"
    }
    assert "GAP" in weighing.features("Learn Excel", False, gap=True)
    assert "GAP" not in weighing.features("Learn Excel", False)


def test_shipped_weights_are_what_the_script_fits_on_the_tuning_part() -> None:
    script = load_script("train_goal_weights")
    files = script.tuning_files()
    assert files and not any("heldback" in p.name for p in files)
    for framework, data in script.build(files).items():
        shipped = weighing.weights_file(framework).read_text(encoding="utf-8")
        assert shipped == script.dumps(data), (
            "stale weights: run python scripts/train_goal_weights.py"
        )


def test_a_file_of_another_format_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "goal_weights_real.json").write_text(json.dumps({"format": 99, "models": {}}))
    monkeypatch.setattr(weighing, "CONTENT", tmp_path)
    weighing._models.cache_clear()
    try:
        with pytest.raises(ValueError, match="format 99"):
            weighing.weigh("real.relevant", "Learn Excel", True)
    finally:
        weighing._models.cache_clear()


def _verdicts(framework: str, item: dict[str, Any]) -> tuple[Verdict, Verdict]:
    """The rules' verdict on a corpus goal, and the verdict with the words weighed (without
    the rewrite, which the weighing does not touch)."""
    text = item["text"]
    if framework == "real":
        return real.judge(text, weighed=False), real.judge(text)
    plan = context(item)
    return smart.judge(text, plan, weighed=False), smart.judge(text, plan)


@pytest.mark.parametrize("framework", ["real", "smart"])
def test_where_the_words_overturn_the_rules_they_are_quoted_from_the_goal(framework: str) -> None:
    overturned = 0
    goals = load_part(framework, "tuning")
    for item in goals:
        rules, weighed = _verdicts(framework, item)
        for key, check in weighed.checks.items():
            if check.ok == rules.checks[key].ok:
                assert check == rules.checks[key]  # an upheld verdict keeps the rules' words
                continue
            overturned += 1
            assert f"{framework}.{key}" in weighing.MODELLED
            assert "weighed most" in check.why
            quoted = QUOTED.findall(check.why)
            assert quoted and all(q and q in str(item["text"]) for q in quoted), check.why
            if not check.ok:
                assert check.cause == weighing.CAUSES[key] and check.suggestion
    # The words do overturn some verdicts on the corpus, but not most of them.
    assert 0 < overturned < len(goals) / 5


def test_rules_only_leaves_out_the_words() -> None:
    text = "Practise the new intake checklist on real callers with Dana listening in, then check"
    rules = real.judge(text, weighed=False).checks["relevant"]
    assert not rules.ok and rules.cause == "none"
    weighed = real.judge(text).checks["relevant"]
    assert weighed.ok
    assert "checklist" in weighed.why


def test_a_reason_prefers_words_that_name_something() -> None:
    found = weighing.weigh(
        "smart.specific", "Be a better version of myself at the yard by the end", False
    )
    assert not found.ok
    parts = found.quote.split("”, “")
    assert parts and all(
        not any(w.lower() in weighing._FUNCTION_WORDS for w in p.split()) for p in parts
    ), found.quote


def test_a_score_is_the_prior_and_the_weights_of_the_goal_s_own_features() -> None:
    # Read from the shipped file by hand: a feature counts once, however often it occurs.
    text = "Get my head round the whole depot, the whole depot, by week 6"
    model = json.loads(weighing.weights_file("smart").read_text(encoding="utf-8"))["models"][
        "smart.relevant"
    ]
    expected = model["prior"] + sum(
        model["weights"].get(f, 0.0) for f in weighing.features(text, rule=False)
    )
    found = weighing.weigh("smart.relevant", text, False)
    assert found.score == pytest.approx(expected)
    assert found.ok is (expected > 0)

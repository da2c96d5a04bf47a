"""The goal checks against the labelled corpus: floors on the held-back part, rewrites
for every goal that falls short, and a corpus fit to judge by (see goal_corpus/GUIDE.md)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from benchmarks.goal_checks import context, load_part, tally

from revmentor.coach.real import KEYS as REAL_KEYS
from revmentor.coach.real import check_real
from revmentor.coach.real import judge as judge_real
from revmentor.coach.smart import KEYS as SMART_KEYS
from revmentor.coach.smart import check_smart
from revmentor.coach.smart import judge as judge_smart

CORPUS = Path(__file__).resolve().parent / "goal_corpus"
KEYS = {"real": REAL_KEYS, "smart": SMART_KEYS}
# Floors for goals neither the rules nor the word weights were fitted on: the targets,
# 93% (REAL) and 90% (SMART) agreement with kappa 0.70 for every criterion.
AGREEMENT = {"real": 0.93, "smart": 0.90}
KAPPA = 0.70


@pytest.mark.parametrize("framework", ["real", "smart"])
@pytest.mark.parametrize("part", ["tuning", "heldback"])
def test_the_corpus_is_large_varied_and_labelled_both_ways(framework: str, part: str) -> None:
    items = load_part(framework, part)
    assert len(items) >= {"real": 150, "smart": 90}[framework]
    for item in items:
        assert set(item["labels"]) <= set(KEYS[framework]), item["text"]
        assert all(isinstance(v, bool) for v in item["labels"].values()), item["text"]
    for key in KEYS[framework]:
        values = [item["labels"][key] for item in items if key in item["labels"]]
        share = sum(values) / len(values)
        assert 0.3 <= share <= 0.7, f"{framework} {part} {key}: {share:.0%} met"


def test_the_whole_corpus_is_as_large_as_the_issue_asks() -> None:
    real = load_part("real", "tuning") + load_part("real", "heldback")
    smart = load_part("smart", "tuning") + load_part("smart", "heldback")
    assert len(real) >= 400 and len(smart) >= 200


def test_no_held_back_goal_is_also_a_tuning_goal() -> None:
    for framework in ("real", "smart"):
        tuning = {re.sub(r"\W+", " ", g["text"]).lower() for g in load_part(framework, "tuning")}
        held = {re.sub(r"\W+", " ", g["text"]).lower() for g in load_part(framework, "heldback")}
        assert not tuning & held


@pytest.mark.parametrize("framework", ["real", "smart"])
def test_the_held_back_part_meets_the_floors(framework: str) -> None:
    tallies = tally(framework, load_part(framework, "heldback"))
    agree = sum(t.tp + t.tn for t in tallies.values()) / sum(t.n for t in tallies.values())
    assert agree >= AGREEMENT[framework], f"{framework}: {agree:.1%} agreement"
    for key, t in tallies.items():
        assert t.kappa >= KAPPA, f"{framework} {key}: kappa {t.kappa:.2f}"


def _all(framework: str) -> list[dict[str, Any]]:
    return load_part(framework, "tuning") + load_part(framework, "heldback")


def test_every_real_goal_that_falls_short_gets_a_rewrite_that_meets_every_criterion() -> None:
    failures = []
    for item in _all("real"):
        verdict = check_real(item["text"])
        if verdict.passed:
            assert verdict.rewrite is None
            continue
        assert verdict.rewrite
        if not judge_real(verdict.rewrite).passed:
            failures.append((item["text"], verdict.rewrite))
    assert failures == []


def test_every_smart_goal_that_falls_short_gets_a_rewrite_that_meets_every_criterion() -> None:
    failures = []
    for item in _all("smart"):
        plan = context(item)
        verdict = check_smart(item["text"], plan)
        if verdict.passed:
            assert verdict.rewrite is None
            continue
        assert verdict.rewrite
        if not judge_smart(verdict.rewrite, plan).passed:
            failures.append((item["text"], verdict.rewrite))
    assert failures == []


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}


def test_rewrites_keep_the_goal_s_own_words() -> None:
    """Most rewrites keep the words of the goal's subject; the others are goals whose
    subject is personal, refused or vague, which a rewrite has to leave behind."""
    from revmentor.coach.advice import subject
    from revmentor.coach.reading import read

    kept = total = 0
    for item in _all("real"):
        verdict = check_real(item["text"])
        if verdict.passed or not verdict.rewrite:
            continue
        own = _words(subject(read(item["text"])))
        if not own:
            continue
        total += 1
        kept += bool(own & _words(verdict.rewrite))
    assert kept / total >= 0.8, f"{kept} of {total}"

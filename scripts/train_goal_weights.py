#!/usr/bin/env python3
"""Fit the word weights of the goal checks' second reading (coach/weighing.py).

Reads the tuning part of tests/goal_corpus/ (never the held-back part), gives each
labelled goal the rules' own verdict, and fits a Bernoulli naive Bayes model per
modelled criterion on the goal's words and word pairs, that verdict, and whether a gap
is linked. Writes src/revmentor/content/goal_weights_{real,smart}.json; tests/test_weighing.py
holds the shipped files to what this makes from the corpus.

    python scripts/train_goal_weights.py
    python scripts/train_goal_weights.py --leave-out smart_tuning_seventeenth.yaml

`--leave-out` fits without a batch, to score that batch as goals never seen before it
is added to what the weights learn from.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from revmentor.coach import real, smart, weighing

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "goal_corpus"
# A word or pair seen fewer times than this across the corpus is noise, not evidence.
MIN_SEEN = 2
# Lighter weights barely move a verdict (measured on batches held out in turn) but make
# the file slower to read.
MIN_WEIGHT = 0.5
DIGITS = 2
# What each model learns from: REAL Relevant also learns from the SMART goals' labels
# for Relevant (serving the work means the same in both, and REAL has fewer goals).
SOURCES = {
    "smart.specific": ("smart",),
    "smart.achievable": ("smart",),
    "smart.relevant": ("smart",),
    "real.relevant": ("real", "smart"),
}

Row = tuple[set[str], bool]


def tuning_files(leave_out: Iterable[str] = ()) -> list[Path]:
    skip = set(leave_out)
    return [p for p in sorted(CORPUS.glob("*_tuning*.yaml")) if p.name not in skip]


def _rule(framework: str, item: dict[str, Any]) -> tuple[dict[str, bool], bool]:
    """The rules' verdict on `item` for every criterion, and whether a gap is linked."""
    if framework == "real":
        verdict = real.judge(item["text"], weighed=False)
        return {k: c.ok for k, c in verdict.checks.items()}, False
    ctx = smart.SmartContext(
        gaps=tuple(item.get("gaps") or ()),
        linked_gap=item.get("gap"),
        weeks=int(item.get("weeks") or 12),
    )
    verdict = smart.judge(item["text"], ctx, weighed=False)
    return {k: c.ok for k, c in verdict.checks.items()}, bool(ctx.linked_gap)


def rows(files: Iterable[Path]) -> dict[str, list[Row]]:
    """The training rows of every model, from the labelled goals of `files`."""
    out: dict[str, list[Row]] = {name: [] for name in SOURCES}
    for path in files:
        framework = path.name.split("_", 1)[0]
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["goals"]:
            labels = item.get("labels") or {}
            rules, gap = _rule(framework, item)
            for name, sources in SOURCES.items():
                key = name.split(".", 1)[1]
                if framework in sources and key in labels:
                    linked = gap and name.startswith("smart.")
                    found = weighing.features(item["text"], rules[key], linked)
                    out[name].append((found, bool(labels[key])))
    return out


def fit(training: list[Row]) -> dict[str, Any]:
    """Log-odds weights of the features present, add-one smoothed."""
    labels = Counter(label for _, label in training)
    seen: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for found, label in training:
        seen[label].update(found)
    met, unmet = labels[True], labels[False]
    weights = {}
    for f in sorted(set(seen[True]) | set(seen[False])):
        if seen[True][f] + seen[False][f] < MIN_SEEN:
            continue
        weight = math.log((seen[True][f] + 1) / (met + 2)) - math.log(
            (seen[False][f] + 1) / (unmet + 2)
        )
        if abs(weight) >= MIN_WEIGHT:
            weights[f] = round(weight, DIGITS)
    prior = round(math.log((met + 1) / (unmet + 1)), DIGITS)
    return {"prior": prior, "goals": met + unmet, "weights": weights}


def build(files: list[Path]) -> dict[str, dict[str, Any]]:
    """The weights file of each framework, fitted on `files`."""
    training = rows(files)
    return {
        framework: {
            "format": weighing.FORMAT,
            "trained_on": [p.name for p in files],
            "models": {
                name: fit(training[name])
                for name in weighing.MODELLED
                if name.startswith(f"{framework}.")
            },
        }
        for framework in ("real", "smart")
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--leave-out", nargs="*", default=[], metavar="FILE")
    args = parser.parse_args(argv)
    files = tuning_files(args.leave_out)
    for framework, data in build(files).items():
        path = weighing.weights_file(framework)
        path.write_text(dumps(data), encoding="utf-8")
        sizes = ", ".join(f"{k} {len(m['weights'])}" for k, m in data["models"].items())
        print(f"{path.name}: fitted on {len(files)} files; features: {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

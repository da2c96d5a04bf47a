#!/usr/bin/env python3
"""Would a small word model read unseen goals better than the rules? A measurement only.

Each tuning file of the goal corpus was written as a batch of its own, most of them blind
and in new workplaces, so holding one file out is a fair stand-in for goals never seen.
For each criterion and each held-out file this trains a Bernoulli naive Bayes model on
the words and word pairs of the other files' goals (optionally with the rules' verdict
as one more feature) and prints Cohen's kappa against the labels, pooled over the
held-out files, beside the rules' own kappa on the same goals.

The rules were fitted to every tuning file, so against today's rules the comparison
flatters them. To compare fairly, run the rules of a commit that predates the held-out
files (a `git worktree` of it on PYTHONPATH) and hold out only the files written later:

    git worktree add /tmp/old 7e273e2
    PYTHONPATH=/tmp/old/src python scripts/words_model_probe.py smart \\
        --test ninth tenth eleventh twelfth thirteenth fourteenth fifteenth

It never reads the held-back files, and nothing it learns is shipped: the weights that
ship are fitted by scripts/train_goal_weights.py.
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from goal_checks import CORPUS, Tally, checker  # noqa: E402


def features(text: str, rule: bool | None = None) -> set[str]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    found = set(words) | {f"{a}_{b}" for a, b in itertools.pairwise(words)}
    if rule is not None:
        found.add(f"RULE={rule}")
    return found


class NaiveBayes:
    """Bernoulli naive Bayes over the features present, add-one smoothed."""

    def __init__(self, rows: list[tuple[set[str], bool]]) -> None:
        self.count = Counter(label for _, label in rows)
        self.seen: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
        for found, label in rows:
            self.seen[label].update(found)

    def __call__(self, found: set[str]) -> bool:
        total = sum(self.count.values())
        score = 0.0
        for label, sign in ((True, 1), (False, -1)):
            n = self.count[label]
            log_p = math.log((n + 1) / (total + 2))
            for f in found:
                if f in self.seen[True] or f in self.seen[False]:
                    log_p += math.log((self.seen[label][f] + 1) / (n + 2))
            score += sign * log_p
        return score > 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("framework", choices=["real", "smart"])
    parser.add_argument("--criteria", nargs="*", default=None)
    parser.add_argument("--test", nargs="*", default=None,
                        help="suffixes of the files to hold out in turn (default: every file)")
    parser.add_argument("--train", nargs="*", default=None,
                        help="suffixes of the files to train on (default: all but the held-out)")
    args = parser.parse_args(argv)

    def suffix(path: Path) -> str:
        return path.stem.removeprefix(f"{args.framework}_tuning").lstrip("_") or "first"

    files = sorted(CORPUS.glob(f"{args.framework}_tuning*.yaml"))
    keys, check = checker(args.framework)
    rows: dict[Path, list[tuple[str, dict[str, Any], dict[str, bool]]]] = {}
    for path in files:
        goals = yaml.safe_load(path.read_text(encoding="utf-8"))["goals"]
        rows[path] = [
            (g["text"], g.get("labels") or {}, {k: c.ok for k, c in check(g).checks.items()})
            for g in goals
        ]
    held_out = [p for p in files if args.test is None or suffix(p) in args.test]
    print(f"{args.framework}: held out in turn: {', '.join(suffix(p) for p in held_out)}")
    print(f"{'criterion':<16} {'n':>5} {'rules':>7} {'words':>7} {'words+rule':>11}")
    for key in args.criteria or keys:
        tallies = {"rules": Tally(), "words": Tally(), "words+rule": Tally()}
        for held in held_out:
            pool = [p for p in files if p != held]
            if args.train is not None:
                pool = [p for p in pool if suffix(p) in args.train]
            train = [(t, y[key], r[key]) for p in pool for t, y, r in rows[p] if key in y]
            words = NaiveBayes([(features(t), y) for t, y, _ in train])
            both = NaiveBayes([(features(t, r), y) for t, y, r in train])
            for text, labels, rule in rows[held]:
                if key not in labels:
                    continue
                label = bool(labels[key])
                tallies["rules"].add(label, rule[key], text)
                tallies["words"].add(label, words(features(text)), text)
                tallies["words+rule"].add(label, both(features(text, rule[key])), text)
        t = tallies
        print(f"{key:<16} {t['rules'].n:>5} {t['rules'].kappa:>7.2f} {t['words'].kappa:>7.2f}"
              f" {t['words+rule'].kappa:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

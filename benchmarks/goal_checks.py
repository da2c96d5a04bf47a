#!/usr/bin/env python3
"""How often the REAL and SMART goal checks agree with a coach, on the labelled corpus.

    python benchmarks/goal_checks.py                 # every part, every criterion
    python benchmarks/goal_checks.py --part tuning   # only the part rules are fitted on
    python benchmarks/goal_checks.py --show-misses relevant --part tuning
    python benchmarks/goal_checks.py --rules-only    # without the weight of the words

For each part of tests/goal_corpus/ (tuning, held back) and each criterion it prints the
number of labelled goals, the agreement, Cohen's kappa and the confusion counts (the
check's verdict against the coach's label). The held-back part is never used to choose a
rule; `--show-misses` refuses to list its goals for that reason.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "goal_corpus"
FRAMEWORKS = ("real", "smart")
PARTS = ("tuning", "heldback")


@dataclass
class Tally:
    """The check's verdicts against a coach's labels for one criterion."""

    tp: int = 0  # both say met
    fn: int = 0  # the coach says met, the check says not
    fp: int = 0  # the check says met, the coach says not
    tn: int = 0  # both say not met
    misses: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, label: bool, verdict: bool, text: str) -> None:
        if label and verdict:
            self.tp += 1
        elif label:
            self.fn += 1
        elif verdict:
            self.fp += 1
        else:
            self.tn += 1
        if label != verdict:
            self.misses.append((text, label))

    @property
    def n(self) -> int:
        return self.tp + self.fn + self.fp + self.tn

    @property
    def agreement(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else 0.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa: agreement beyond what the two sides' base rates give by chance."""
        n = self.n
        if not n:
            return 0.0
        observed = self.agreement
        check_yes = (self.tp + self.fp) / n
        coach_yes = (self.tp + self.fn) / n
        chance = check_yes * coach_yes + (1 - check_yes) * (1 - coach_yes)
        return 1.0 if chance == 1 else (observed - chance) / (1 - chance)

    def __iadd__(self, other: Tally) -> Tally:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn
        return self


def load_part(framework: str, part: str) -> list[dict[str, Any]]:
    """Every goal of one part: `real_tuning.yaml` and any `real_tuning_*.yaml` beside it."""
    goals: list[dict[str, Any]] = []
    for path in sorted(CORPUS.glob(f"{framework}_{part}*.yaml")):
        goals.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["goals"])
    return goals


def context(item: dict[str, Any]) -> Any:
    """The plan's context of a SMART corpus item: its scanned gaps, its link, its weeks."""
    from revmentor.coach.smart import SmartContext

    return SmartContext(
        gaps=tuple(item.get("gaps") or ()),
        linked_gap=item.get("gap"),
        weeks=int(item.get("weeks") or 12),
    )


def checker(
    framework: str, rules_only: bool = False
) -> tuple[tuple[str, ...], Callable[[dict[str, Any]], Any]]:
    """The criteria of `framework` and a function giving the check's verdict on an item;
    `rules_only` leaves out the second reading by the weight of the words."""
    if framework == "real":
        from revmentor.coach.real import KEYS, check_real, judge

        if rules_only:
            return KEYS, lambda item: judge(item["text"], weighed=False)
        return KEYS, lambda item: check_real(item["text"])
    from revmentor.coach import smart as smart_check
    from revmentor.coach.smart import KEYS as SMART_KEYS
    from revmentor.coach.smart import check_smart

    if not hasattr(smart_check, "SmartContext"):  # the check before it read its plan's context
        return SMART_KEYS, lambda item: check_smart(item["text"])

    def smart(item: dict[str, Any]) -> Any:
        if rules_only:
            from revmentor.coach.smart import judge

            return judge(item["text"], context(item), weighed=False)
        return check_smart(item["text"], context(item))

    return SMART_KEYS, smart


def tally(
    framework: str, items: Iterable[dict[str, Any]], rules_only: bool = False
) -> dict[str, Tally]:
    keys, check = checker(framework, rules_only)
    out = {key: Tally() for key in keys}
    for item in items:
        verdict = check(item)
        for key, label in (item.get("labels") or {}).items():
            out[key].add(bool(label), verdict.checks[key].ok, item["text"])
    return out


def report(framework: str, part: str, tallies: dict[str, Tally]) -> str:
    rows = [
        f"{framework.upper()} · {part}",
        f"  {'criterion':<15} {'n':>4} {'agree':>6} {'kappa':>6}   {'TP':>4} {'FN':>4}"
        f" {'FP':>4} {'TN':>4}",
    ]
    total = Tally()
    for key, t in tallies.items():
        total += t
        rows.append(
            f"  {key:<15} {t.n:>4} {t.agreement:>6.1%} {t.kappa:>6.2f}   "
            f"{t.tp:>4} {t.fn:>4} {t.fp:>4} {t.tn:>4}"
        )
    rows.append(
        f"  {'all criteria':<15} {total.n:>4} {total.agreement:>6.1%} {total.kappa:>6.2f}   "
        f"{total.tp:>4} {total.fn:>4} {total.fp:>4} {total.tn:>4}"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", choices=FRAMEWORKS, action="append")
    parser.add_argument("--part", choices=PARTS, action="append")
    parser.add_argument("--show-misses", metavar="CRITERION")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules' verdicts alone, without the weight of the words")
    parser.add_argument("--file", type=Path, action="append",
                        help="score this corpus file alone (a new batch, before fitting)")
    args = parser.parse_args(argv)
    for path in args.file or ():
        framework = path.name.split("_", 1)[0]
        goals = yaml.safe_load(path.read_text(encoding="utf-8"))["goals"]
        print(report(framework, path.name, tally(framework, goals, args.rules_only)))
        print()
    if args.file:
        return 0
    frameworks = args.framework or list(FRAMEWORKS)
    parts = args.part or list(PARTS)
    if args.show_misses and "heldback" in parts:
        print("--show-misses lists tuning goals only: use --part tuning", file=sys.stderr)
        return 2
    for framework in frameworks:
        for part in parts:
            tallies = tally(framework, load_part(framework, part), args.rules_only)
            print(report(framework, part, tallies))
            if args.show_misses in tallies:
                for text, label in tallies[args.show_misses].misses:
                    print(f"    coach={'met' if label else 'not'}: {text}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())

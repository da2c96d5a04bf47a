"""The outcome of checking a goal's wording: one result per criterion, a hint, a rewrite."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

# When several criteria fail, the hint worth giving first: a goal that is not about
# learning, or is not about anything in particular, gains little from a date or a reason
# until that is fixed. REAL and SMART keys share one order ("relevant" is in both).
_HINT_ORDER = (
    "learning_based",
    "specific",
    "achievable",
    "aspirational",
    "measurable",
    "time_bound",
    "relevant",
    "experimental",
)


def said(*path: str, **values: str) -> str:
    """The text at `path` in content/goal_checks.yaml, with {match} and {subject} filled."""
    from revmentor import content

    node: Any = content.load("goal_checks.yaml")
    for part in path:
        node = node[part]
    if isinstance(node, dict):
        node = node["why"]
    text = " ".join(str(node).split())
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


@dataclass(frozen=True)
class Check:
    """One criterion: whether the wording meets it, why, and how to reword when not."""

    ok: bool
    why: str
    suggestion: str
    cause: str = ""  # which way it fell short ("personal", "task"...); "" when met


@dataclass(frozen=True)
class Verdict:
    """Every criterion of one framework (REAL or SMART) applied to one wording."""

    text: str
    checks: dict[str, Check]
    # The whole goal reworded so that it meets every criterion; None when it already does.
    rewrite: str | None = None

    @classmethod
    def empty(cls, text: str, keys: Sequence[str]) -> Verdict:
        check = Check(False, said("empty", "why"), said("empty", "hint"), "empty")
        return cls(text, {key: check for key in keys})

    def with_rewrite(self, rewrite: str | None) -> Verdict:
        return replace(self, rewrite=rewrite)

    @property
    def passed(self) -> bool:
        return all(check.ok for check in self.checks.values())

    def met(self) -> int:
        return sum(check.ok for check in self.checks.values())

    def failed(self) -> list[str]:
        """The keys of the criteria not met, in the verdict's order."""
        return [key for key, check in self.checks.items() if not check.ok]

    @property
    def suggestion(self) -> str:
        """The one rewording hint most worth acting on next; "" when every check passes."""
        failed = self.failed()
        if not failed:
            return ""
        ranked = sorted(
            failed, key=lambda k: _HINT_ORDER.index(k) if k in _HINT_ORDER else len(_HINT_ORDER)
        )
        return self.checks[ranked[0]].suggestion

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "checks": {key: {"ok": c.ok, "why": c.why} for key, c in self.checks.items()},
            "suggestion": self.suggestion,
            "rewrite": self.rewrite,
        }

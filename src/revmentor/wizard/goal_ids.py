"""Asking for a goal's id: the short one proposed from its words, which a person may change."""

from __future__ import annotations

from collections.abc import Collection

from revmentor import prompts
from revmentor.coach.goal_ids import propose
from revmentor.vocab import SLUG_RE

QUESTION = "A short id to type it by"
HINT = "(lowercase words joined by hyphens; Enter keeps it)"


def id_problem(value: str, taken: Collection[str]) -> str | None:
    """Why `value` cannot be a new goal's id, or None when it can."""
    word = value.strip()
    if not SLUG_RE.match(word):
        return "Use lowercase letters, digits and hyphens, e.g. use-generative-ai."
    if word in taken:
        return f"'{word}' is already a goal's id; choose another."
    return None


def ask_goal_id(text: str, taken: Collection[str]) -> str:
    """The proposed id for a goal worded `text`, as the person keeps or changes it."""
    proposed = propose(text, taken)
    return prompts.text(
        QUESTION, proposed, check=lambda v: id_problem(v, taken), instruction=HINT
    ).strip()

"""Goal ids people can type: short ones proposed from the wording, prefixes accepted,
and a goal named by its words with its id beside them. Pure: no disk, no prompts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from revmentor.errors import BadInput

if TYPE_CHECKING:
    from revmentor.model import Pairing

ELLIPSIS = "…"
# How much of a prompt's line a goal's label may take.
PROMPT_ROOM = 64


def _rules() -> Any:
    from revmentor import content

    return content.load("goal_ids.yaml")


def propose(text: str, taken: Iterable[str]) -> str:
    """A short id from the goal's telling words: at most three, at most 24 characters,
    unique among `taken` (a number is added when it has to be)."""
    from revmentor.store import slugify

    rules = _rules()
    most, longest = int(rules["max_words"]), int(rules["max_length"])
    words = [w for w in slugify(text).split("-") if w]
    if not any(c.isalnum() for c in text if c.isascii()):
        words = ["goal"]
    filler = set(rules["filler"])
    telling = [w for w in words if w not in filler] or words
    base = ""
    for word in telling[:most]:
        candidate = f"{base}-{word}" if base else word
        if len(candidate) > longest:
            break
        base = candidate
    base = base or telling[0][:longest].strip("-")
    used = set(taken)
    goal_id, n = base, 2
    while goal_id in used:
        suffix = f"-{n}"
        goal_id = base[: longest - len(suffix)].rstrip("-") + suffix
        n += 1
    return goal_id


def resolve(
    typed: str, ids: Sequence[str], *, what: str = "goal", field: str | None = None
) -> str:
    """The id `typed` names: itself, or the only id it begins. An unknown id or a prefix
    of several is a BadInput (about `field`) naming the ids it could be."""
    word = typed.strip()
    if word in ids:
        return word
    fits = [i for i in ids if word and i.startswith(word)]
    if len(fits) == 1:
        return fits[0]
    if fits:
        raise BadInput(
            f"'{word}' could be {_either(fits)}",
            "Type more of the id, so that it fits one goal only.",
            field=field,
        )
    hint = f"Goal ids: {', '.join(ids)}." if ids else "This pairing has no goals yet."
    raise BadInput(f"no {what} with the id '{word}'", hint, field=field)


def _either(ids: Sequence[str]) -> str:
    quoted = [f"'{i}'" for i in ids]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def resolve_ratings(
    ratings: Mapping[str, int], p: Pairing, *, field: str | None = None
) -> dict[str, int]:
    """Ratings keyed by goal ids as typed, keyed by the ids they name."""
    ids = [g.id for g in p.goals]
    out: dict[str, int] = {}
    typed_as: dict[str, str] = {}
    for typed, rating in ratings.items():
        goal_id = resolve(typed, ids, field=field)
        if goal_id in out:
            raise BadInput(
                f"'{typed_as[goal_id]}' and '{typed}' both name '{goal_id}'", field=field
            )
        out[goal_id] = rating
        typed_as[goal_id] = typed
    return out


def shorten(text: str, room: int) -> str:
    """`text` on one line, cut at a word to fit `room` characters, with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= room:
        return flat
    cut = flat[: max(1, room - 1)]
    if " " in cut[room // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + ELLIPSIS


def goal_label(text: str, goal_id: str, room: int = 60) -> str:
    """The goal as people know it, its words shortened to fit, with its id beside them:
    "Learn to use generative AI tools… (genai-for-ops)"."""
    words = shorten(text, max(12, room - len(goal_id) - 3))
    return f"{words} ({goal_id})"

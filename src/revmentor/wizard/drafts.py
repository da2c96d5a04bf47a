"""The unfinished `revmentor start`: saved on Ctrl-C, offered again on the next start.

The draft keeps the answers in the shape of a pairing file, so resuming is the same as
starting with an answers file, plus a note of which steps were already complete.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from revmentor import yamlio
from revmentor.errors import InvalidFile
from revmentor.files import atomic_write, locked, make_dirs, read_regular_file
from revmentor.store import Store

HEADER = (
    "An unfinished `revmentor start`, saved when it was interrupted.\n"
    "`revmentor start --resume` picks it up; it is deleted once the plan is saved."
)


@dataclass
class Draft:
    kind: str
    answers: dict[str, Any] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    name: str | None = None
    saved: str = ""


def path(st: Store) -> Path:
    return st.home / "drafts" / "start.yaml"


def exists(st: Store) -> bool:
    return path(st).is_file()


def amount(answers: Any) -> int:
    """How many answers a draft holds: every non-empty value, however deep."""
    if isinstance(answers, dict):
        return sum(amount(v) for v in answers.values())
    if isinstance(answers, list):
        return sum(amount(v) for v in answers)
    return 0 if answers in (None, "") else 1


def keep(st: Store, draft: Draft, *, continues: bool) -> Path | None:
    """Save `draft` unless that would lose answers; the path saved to, or None.

    A draft with no answers is not written, and a saved draft is only replaced by one
    with more in it (or as much, when `draft` continues it): interrupting a fresh start
    never empties a draft kept from before.
    """
    new = amount(draft.answers)
    if new == 0:
        return None
    if exists(st):
        try:
            old = amount(load(st).answers)
        except InvalidFile:
            old = 0
        if new < old or (new == old and not continues):
            return None
    return save(st, draft)


def save(st: Store, draft: Draft) -> Path:
    target = path(st)
    make_dirs(target.parent)
    data: dict[str, Any] = {
        "saved": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "kind": draft.kind,
        "done": list(draft.done),
        "fixed": list(draft.fixed),
        "answers": draft.answers,
    }
    if draft.name:
        data["name"] = draft.name
    with locked(target):
        atomic_write(target, yamlio.dump_new(data, HEADER))
    return target


def load(st: Store) -> Draft:
    target = path(st)
    try:
        text = read_regular_file(target)
        data = yamlio.load(text)
    except (OSError, UnicodeDecodeError, yamlio.YAMLProblem) as exc:
        raise InvalidFile(
            str(target),
            [f"{target}: the saved draft cannot be read ({exc})"],
            f"Delete it to start afresh: rm {target}",
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("answers") or {}, dict):
        raise InvalidFile(
            str(target),
            [f"{target}: the saved draft is damaged"],
            f"Delete it to start afresh: rm {target}",
        )

    def strings(key: str) -> list[str]:
        value = data.get(key) or []
        return [str(v) for v in value] if isinstance(value, list) else []

    name = data.get("name")
    return Draft(
        kind=str(data.get("kind") or "reverse-mentoring"),
        answers=data.get("answers") or {},
        done=strings("done"),
        fixed=strings("fixed"),
        name=str(name) if name else None,
        saved=str(data.get("saved") or ""),
    )


def delete(st: Store) -> None:
    with contextlib.suppress(FileNotFoundError):
        path(st).unlink()

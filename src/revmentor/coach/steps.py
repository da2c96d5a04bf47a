"""Next steps: which are still open, their numbers, and marking them done or open again.

The open steps are those of the latest session that noted any, less the ones marked
done: a session with new steps supersedes the list before it, and a session without
any leaves it open. In a terminal, `log-session` asks which are done and carries the
others into the new session, so nothing open is dropped. Steps are numbered in that
session's order, done ones included, so a step keeps its number when another is closed.
Pure: no disk, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from revmentor.coach.session_list import numbered
from revmentor.errors import BadInput

if TYPE_CHECKING:
    from revmentor.model import Pairing, Session


@dataclass(frozen=True)
class Step:
    number: int
    text: str
    date: dt.date  # of the session it was agreed in
    session: int  # that session's number (`revmentor sessions`)
    done: bool

    @property
    def key(self) -> tuple[dt.date, str]:
        """What finds the step again in a later read of the file."""
        return (self.date, self.text)


def steps(p: Pairing, until: dt.date | None = None) -> list[Step]:
    """The steps of the latest session that noted any; `until` leaves out later ones."""
    latest: tuple[int, Session] | None = None
    for item in numbered(p):
        session = item.session
        if session.next_steps and (until is None or session.date <= until):
            latest = (item.number, session)
    if latest is None:
        return []
    number, session = latest
    done = set(session.done_steps or ())
    return [
        Step(i, text, session.date, number, text in done)
        for i, text in enumerate(session.next_steps, start=1)
    ]


def open_steps(p: Pairing, until: dt.date | None = None) -> list[Step]:
    return [s for s in steps(p, until) if not s.done]


def pick(p: Pairing, numbers: Sequence[int]) -> list[Step]:
    """The steps with these numbers; an unknown number is refused, naming the range."""
    found = {s.number: s for s in steps(p)}
    for n in numbers:
        if n not in found:
            if not found:
                raise BadInput(f"there is no step {n}: no next steps are noted yet")
            raise BadInput(f"there is no step {n}", f"Steps go from 1 to {len(found)}.")
    return [found[n] for n in dict.fromkeys(numbers)]


def mark(p: Pairing, keys: Iterable[tuple[dt.date, str]], done: bool) -> int:
    """Mark the steps found by `keys` done (or open again); returns how many changed."""
    wanted = set(keys)
    changed = 0
    for session in p.sessions:
        marked = list(session.done_steps or ())
        for text in session.next_steps:
            if (session.date, text) not in wanted or (text in marked) == done:
                continue
            if done:
                marked.append(text)
            else:
                marked = [t for t in marked if t != text]
            changed += 1
        # Left out of the file again once nothing in the session is done.
        session.done_steps = marked or None
    return changed

"""Sessions by number: the order `revmentor sessions` shows, and finding one by its
number or its date. Pure: `today` comes in as a parameter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from revmentor.errors import BadInput

if TYPE_CHECKING:
    from revmentor.model import Pairing, Session


@dataclass(frozen=True)
class Numbered:
    number: int  # 1 for the earliest
    index: int  # where it sits in the file's list
    session: Session


def numbered(p: Pairing) -> list[Numbered]:
    """Sessions by date; two on one day in the order they were logged."""
    order = sorted(range(len(p.sessions)), key=lambda i: p.sessions[i].date)
    return [Numbered(n, i, p.sessions[i]) for n, i in enumerate(order, start=1)]


def find(p: Pairing, ref: str, today: date) -> Numbered:
    """The session `ref` names: its number, or its date when only one falls on it."""
    from revmentor.coach.dates import parse_when

    every = numbered(p)
    word = ref.strip()
    if not every:
        raise BadInput("there are no sessions yet", "Log one with `revmentor log-session`.")
    if word.isdigit():
        n = int(word)
        if not 1 <= n <= len(every):
            raise BadInput(f"there is no session {n}", f"Sessions go from 1 to {len(every)}.")
        return every[n - 1]
    try:
        day = parse_when(word, today)
    except (ValueError, OverflowError):
        raise BadInput(
            f"'{ref}' is neither a session number nor a date",
            "Give the number `revmentor sessions` shows, or a date such as 2026-11-03.",
        ) from None
    same = [s for s in every if s.session.date == day]
    if not same:
        raise BadInput(f"no session on {day}", "See `revmentor sessions` for their dates.")
    if len(same) > 1:
        numbers = " and ".join(str(s.number) for s in same)
        raise BadInput(f"{len(same)} sessions on {day}: numbers {numbers}", "Name one by number.")
    return same[0]

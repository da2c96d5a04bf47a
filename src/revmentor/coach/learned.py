"""What a pairing has learned so far, read from its session log. Pure: no clock, no I/O.

Reverse mentoring is meant to run both ways; a log where only one side ever writes down
what they learned is the first sign of a pairing drifting into one-way tutoring, so the
summary counts each side separately as well as the sessions where both learned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from revmentor.model import Pairing

Mutuality = Literal["mutual", "mostly-me", "mostly-partner", "not-yet"]

# Below this share of the busier side's count, the quieter side is "mostly" absent.
BALANCE = 0.5


@dataclass(frozen=True)
class Learning:
    date: date
    text: str


@dataclass(frozen=True)
class Topic:
    text: str
    count: int
    first: date
    last: date


@dataclass(frozen=True)
class LearnedSoFar:
    sessions: int
    i_learned: list[Learning]
    they_learned: list[Learning]
    topics: list[Topic]
    both: int
    only_me: int
    only_partner: int
    neither: int
    mutuality: Mutuality

    def top_topics(self, n: int = 5) -> list[Topic]:
        return self.topics[:n]


def _mutuality(me: int, partner: int) -> Mutuality:
    if me == 0 and partner == 0:
        return "not-yet"
    if min(me, partner) >= BALANCE * max(me, partner):
        return "mutual"
    return "mostly-me" if me > partner else "mostly-partner"


def _topic_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def learned_so_far(pairing: Pairing, *, since: date | None = None) -> LearnedSoFar:
    """The learning recorded in the log, oldest first; `since` keeps only later sessions.

    Topics are counted case- and space-insensitively, keeping the first spelling used,
    and ordered by how often they came up (ties: the one raised first).
    """
    sessions = sorted(
        (s for s in pairing.sessions if since is None or s.date >= since),
        key=lambda s: s.date,
    )
    mine: list[Learning] = []
    theirs: list[Learning] = []
    both = only_me = only_partner = neither = 0
    topics: dict[str, Topic] = {}
    for s in sessions:
        me_text = s.i_learned.strip()
        them_text = s.they_learned.strip()
        if me_text:
            mine.append(Learning(s.date, me_text))
        if them_text:
            theirs.append(Learning(s.date, them_text))
        if me_text and them_text:
            both += 1
        elif me_text:
            only_me += 1
        elif them_text:
            only_partner += 1
        else:
            neither += 1
        seen_here: set[str] = set()
        for raw in s.topics:
            key = _topic_key(raw)
            if not key or key in seen_here:
                continue
            seen_here.add(key)
            old = topics.get(key)
            if old is None:
                topics[key] = Topic(" ".join(raw.split()), 1, s.date, s.date)
            else:
                topics[key] = Topic(old.text, old.count + 1, old.first, s.date)
    ordered = sorted(topics.values(), key=lambda t: (-t.count, t.first))
    return LearnedSoFar(
        sessions=len(sessions),
        i_learned=mine,
        they_learned=theirs,
        topics=ordered,
        both=both,
        only_me=only_me,
        only_partner=only_partner,
        neither=neither,
        mutuality=_mutuality(len(mine), len(theirs)),
    )

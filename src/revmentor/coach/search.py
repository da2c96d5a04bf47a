"""Finding text in pairings: goals, sessions, reviews and wrap-ups, line by line.

Matching ignores case and accents ("resume" finds "Résumé"), and reports where in the
original line each match sits, so a view can highlight exactly the characters typed.
Pure: no disk, no terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from revmentor.model import Pairing

Span = tuple[int, int]


@dataclass(frozen=True)
class Hit:
    pairing: str
    date: date
    # Where the text is, as "<item>.<field>" (session.i_learned); the view names it.
    field: str
    line: str
    spans: tuple[Span, ...]
    # The goal the text belongs to, for goal and review fields.
    goal: str | None = None


def fold(text: str) -> tuple[str, list[int]]:
    """`text` without case or accents, and for each of its characters the index of the
    character of `text` it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            folded = part.casefold()
            out.append(folded)
            where.extend([i] * len(folded))
    return "".join(out), where


def spans(line: str, query: str) -> tuple[Span, ...]:
    """Where `query` (already folded) occurs in `line`, in `line`'s own positions."""
    folded, where = fold(line)
    found: list[Span] = []
    start = folded.find(query)
    while start != -1 and query:
        end = start + len(query)
        stop = where[end - 1] + 1
        # Accents that follow the last character (decomposed text) belong to the match.
        while stop < len(line) and unicodedata.combining(line[stop]):
            stop += 1
        found.append((where[start], stop))
        start = folded.find(query, end)
    return tuple(found)


def _texts(p: Pairing, include_private: bool) -> Iterator[tuple[date, str, str, str | None]]:
    """Every searchable text of `p`: (date, field, text, goal id)."""
    for g in p.goals:
        created = next((h.date for h in g.history if h.event == "created"), p.created)
        yield created, "goal.text", g.text, g.id
        yield created, "goal.why", g.why, g.id
        yield created, "goal.gap", g.gap or "", g.id
        for step in g.practice:
            yield created, "goal.practice", step, g.id
    for s in p.sessions:
        for topic in s.topics:
            yield s.date, "session.topics", topic, None
        yield s.date, "session.i_learned", s.i_learned, None
        yield s.date, "session.they_learned", s.they_learned, None
        for step in s.next_steps:
            yield s.date, "session.next_steps", step, None
        if include_private and s.private_note:
            yield s.date, "session.private_note", s.private_note, None
    for r in p.reviews:
        yield r.date, "review.note", r.note or "", None
        for e in r.entries:
            yield r.date, "review.text", e.text or "", e.goal
            yield r.date, "review.reason", e.reason or "", e.goal
    for w in p.wrap_ups:
        yield w.date, "wrap_up.worked", w.worked, None
        yield w.date, "wrap_up.awkward", w.awkward, None


def search(
    pairings: Sequence[tuple[str, Pairing]], text: str, *, include_private: bool = False
) -> list[Hit]:
    """Every line of every pairing's texts holding `text`, in pairing then date order."""
    query = fold(text.strip())[0]
    if not query:
        return []
    hits: list[Hit] = []
    for slug, p in pairings:
        found: list[Hit] = []
        for day, field, body, goal in _texts(p, include_private):
            for line in body.splitlines():
                where = spans(line, query)
                if where:
                    found.append(Hit(slug, day, field, line.strip(), _shifted(line, where), goal))
        hits.extend(sorted(found, key=lambda h: h.date))
    return hits


def _shifted(line: str, where: tuple[Span, ...]) -> tuple[Span, ...]:
    # The line is shown stripped of its indent; the spans move with it.
    indent = len(line) - len(line.lstrip())
    return tuple((a - indent, b - indent) for a, b in where)

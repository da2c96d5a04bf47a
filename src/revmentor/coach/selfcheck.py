"""The Mentoring Essentials self-check: questions, scores per part, the next step.

Pure: the questions come in as data (content/selfcheck.yaml by default), answers as a
mapping of question id to 1-5, and the date as a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from revmentor.errors import BadInput
from revmentor.model import SelfCheckResult

# The sides a next step can be worded for; a mentor's is the question's own `step`.
SIDES = ("mentor", "mentee", "mutual")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    step: str
    # The step for another side of a pairing, with {partner} to fill in.
    step_as: tuple[tuple[str, str], ...] = ()

    def step_for(self, side: str, partner: str) -> str:
        """The next step worded for `side`, with the partner named."""
        text = dict(self.step_as).get(side, self.step)
        return text.replace("{partner}", partner)


@dataclass(frozen=True)
class Person:
    """Who takes the check: their side in a pairing, and how to name the partner."""

    side: str = "mentor"
    partner: str = "your partner"


def person_in(side: str, partner_name: str, *, on_the_job: bool) -> Person:
    """The person as their pairing describes them."""
    if partner_name.strip():
        partner = partner_name.strip()
    else:
        partner = "your mentor" if on_the_job and side == "mentee" else "your partner"
    return Person(side if side in SIDES else "mentor", partner)


@dataclass(frozen=True)
class Part:
    id: str
    label: str
    about: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Outcome:
    result: SelfCheckResult
    weakest: Part
    previous: SelfCheckResult | None

    def change(self, part_id: str) -> float | None:
        """How much a part's score moved since the previous check, or None."""
        if self.previous is None or part_id not in self.previous.scores:
            return None
        return round(self.result.scores[part_id] - self.previous.scores[part_id], 1)


def load_parts(data: Mapping[str, Any] | None = None) -> list[Part]:
    if data is None:
        from revmentor import content

        data = content.load("selfcheck.yaml")
    return [
        Part(
            id=str(part["id"]),
            label=str(part["label"]),
            about=str(part.get("about", "")),
            questions=tuple(
                Question(
                    str(q["id"]),
                    " ".join(str(q["text"]).split()),
                    " ".join(str(q["step"]).split()),
                    tuple(
                        (str(side), " ".join(str(text).split()))
                        for side, text in (q.get("step_as") or {}).items()
                    ),
                )
                for q in part["questions"]
            ),
        )
        for part in data["parts"]
    ]


def question_ids(parts: Iterable[Part]) -> list[str]:
    return [q.id for part in parts for q in part.questions]


def _rating(qid: str, raw: object, where: str) -> int:
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.isdigit() or not 1 <= int(text) <= 5:
        raise BadInput(
            f"{where}: '{qid}' must be a whole number from 1 to 5, not '{text}'",
            "1 means not yet, 5 means confident.",
        )
    return int(text)


def parse_file_answers(data: object, source: str) -> dict[str, int]:
    """An answers file's content (already parsed YAML) as a mapping of id to rating."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BadInput(
            f"{source}: expected a mapping of question id to a rating 1-5",
            "For example:  listening: 4",
        )
    return {str(k): _rating(str(k), v, source) for k, v in data.items()}


def check_known(parts: list[Part], answers: Mapping[str, int]) -> None:
    known = question_ids(parts)
    unknown = [qid for qid in answers if qid not in known]
    if unknown:
        raise BadInput(
            f"unknown question id{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}",
            f"The questions are: {', '.join(known)}.",
        )


def missing(parts: list[Part], answers: Mapping[str, int]) -> list[str]:
    return [qid for qid in question_ids(parts) if qid not in answers]


def part_score(part: Part, answers: Mapping[str, int]) -> float:
    """The part's average, to one decimal, halves rounded up (4.25 shows as 4.3)."""
    from decimal import ROUND_HALF_UP, Decimal

    values = [answers[q.id] for q in part.questions]
    mean = Decimal(sum(values)) / Decimal(len(values))
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def weakest_part(parts: list[Part], scores: Mapping[str, float]) -> Part:
    """The part with the lowest score; on a tie, the one that comes first."""
    return min(parts, key=lambda part: scores[part.id])


def next_step(part: Part, answers: Mapping[str, int], person: Person | None = None) -> str:
    """The step for the lowest-rated question of a part: one concrete thing to do, worded
    for the person's side."""
    person = person or Person()
    lowest = min(part.questions, key=lambda q: answers[q.id])
    return lowest.step_for(person.side, person.partner)


def assess(
    parts: list[Part],
    answers: Mapping[str, int],
    today: date,
    previous: SelfCheckResult | None = None,
    person: Person | None = None,
) -> Outcome:
    check_known(parts, answers)
    gaps = missing(parts, answers)
    if gaps:
        raise BadInput(f"missing answers for: {', '.join(gaps)}")
    scores = {part.id: part_score(part, answers) for part in parts}
    weakest = weakest_part(parts, scores)
    ordered = {qid: answers[qid] for qid in question_ids(parts)}
    result = SelfCheckResult(
        date=today, answers=ordered, scores=scores, next_step=next_step(weakest, answers, person)
    )
    return Outcome(result=result, weakest=weakest, previous=previous)

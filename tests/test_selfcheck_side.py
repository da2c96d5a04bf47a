"""The self-check's next step fits the person's side in their pairing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from revmentor.coach import selfcheck as sc
from tests.conftest import EXAMPLE_SLUG, Result

Run = Callable[..., Result]
PARTS = sc.load_parts()
IDS = sc.question_ids(PARTS)


def lowest(qid: str) -> dict[str, int]:
    """Answers where `qid` is the one weak spot of the weakest part."""
    return {q: (1 if q == qid else 5) for q in IDS}


@pytest.mark.parametrize("qid", IDS)
@pytest.mark.parametrize("side", ["mentee", "mutual"])
def test_a_mentee_or_peer_is_never_given_a_mentors_step(qid: str, side: str) -> None:
    person = sc.person_in(side, "Sam", on_the_job=False)
    out = sc.assess(PARTS, lowest(qid), date(2026, 11, 21), person=person)
    step = out.result.next_step
    assert "mentee" not in step.lower(), step
    assert "newcomer" not in step.lower(), step
    assert "{partner}" not in step


@pytest.mark.parametrize("qid", IDS)
def test_a_mentor_keeps_the_mentors_step(qid: str) -> None:
    question = next(q for p in PARTS for q in p.questions if q.id == qid)
    out = sc.assess(PARTS, lowest(qid), date(2026, 11, 21), person=sc.Person("mentor", "Sam"))
    assert out.result.next_step == question.step


def test_the_partner_is_named_or_described() -> None:
    step = sc.next_step(
        PARTS[2], lowest("checklists"), sc.person_in("mentee", "Sam", on_the_job=False)
    )
    assert "before each session with Sam" in step and "revmentor prep" in step
    nameless = sc.person_in("mentee", " ", on_the_job=True)
    assert nameless.partner == "your mentor"
    assert sc.person_in("mutual", "", on_the_job=False).partner == "your partner"
    assert sc.person_in("odd", "Sam", on_the_job=False).side == "mentor"


def test_no_pairing_means_a_mentors_steps() -> None:
    out = sc.assess(PARTS, lowest("checklists"), date(2026, 11, 21))
    assert "revmentor guide onboarding" in out.result.next_step


# --- through the command line ---------------------------------------------------------


def flags(answers: dict[str, int]) -> list[str]:
    return [f"--answer={q}={v}" for q, v in answers.items()]


def test_the_example_mentee_gets_a_step_for_her_side(cli: Run, example_home: Path) -> None:
    r = cli("self-check", *flags(lowest("checklists")))
    assert r.code == 0, r.output
    text = " ".join(r.out.split())
    assert "before each session with Sam Rivera" in text
    assert "your mentee" not in text and "newcomer" not in text


def test_pairing_flag_names_the_pairing(cli: Run, example_home: Path) -> None:
    r = cli("self-check", "--pairing", EXAMPLE_SLUG, *flags(lowest("safety")))
    assert r.code == 0, r.output
    assert "Tell Sam Rivera about a mistake" in " ".join(r.out.split())


def test_without_a_pairing_the_step_is_a_mentors(cli: Run, home: Path) -> None:
    r = cli("self-check", *flags(lowest("styles")))
    assert r.code == 0, r.output
    assert "Ask your mentee directly" in " ".join(r.out.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--pairing", "nobody"), "no pairing called 'nobody'"),
        (("--pairing", "Bad Name!"), ""),
        (("--history", "--pairing", EXAMPLE_SLUG), "--history lists past results"),
    ],
)
def test_bad_pairing_flags(
    cli: Run, example_home: Path, args: tuple[str, ...], message: str
) -> None:
    r = cli("self-check", *args, *flags(lowest("styles")))
    assert r.code == 1, r.output
    assert r.err.startswith("Error: ") and message in r.err
    assert "Traceback" not in r.output
    assert not (example_home / "self-check.yaml").exists()  # nothing was saved

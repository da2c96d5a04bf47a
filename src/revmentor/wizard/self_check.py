"""The self-check flow: answers from flags or a file, the rest asked in the terminal."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.coach import selfcheck as sc
from revmentor.errors import NeedsTerminal, RevmentorError

if TYPE_CHECKING:
    from revmentor.model import SelfCheckLog


def read_answers_file(file: Path) -> dict[str, int]:
    from revmentor.wizard.answers import load_yaml

    _, data = load_yaml(file)
    return sc.parse_file_answers(data, str(file))


def gather(
    parts: list[sc.Part],
    given: dict[str, int],
    *,
    ask: bool,
) -> dict[str, int]:
    """All answers: those given, then each missing one asked (or an error naming them)."""
    sc.check_known(parts, given)
    gaps = sc.missing(parts, given)
    if not gaps:
        return dict(given)
    if not ask:
        raise NeedsTerminal(
            f"the self-check is missing answers for: {', '.join(gaps)}",
            "Give each with --answer ID=N (1-5), or all of them in a file with --answers FILE "
            "(YAML, e.g. 'listening: 4').",
        )
    from revmentor import content, prompts
    from revmentor.views.selfcheck import part_header, render_intro

    answers = dict(given)
    render_intro(content.load("selfcheck.yaml")["intro"])
    for part in parts:
        todo = [q for q in part.questions if q.id not in answers]
        if not todo:
            continue
        part_header(part)
        for q in todo:
            value = prompts.rating(q.text, skippable=False, scale="agree")
            # A rating that cannot be skipped always comes back as a number.
            if value is None:
                raise RuntimeError(f"question {q.id} came back unanswered")
            answers[q.id] = value
    return answers


def person(pairing: str | None) -> sc.Person:
    """Who takes the check: their side in the named pairing, or in their only pairing;
    with no pairing (or several, none named), a mentor."""
    from revmentor.cli._common import store

    st = store()
    if pairing is None:
        slugs = st.slugs()
        if len(slugs) != 1:
            return sc.Person()
        try:
            p = st.read(slugs[0])
        except RevmentorError:
            return sc.Person()  # a broken file is not the self-check's business
    else:
        from revmentor.wizard.pairing import pick

        p = st.read(pick(st, pairing, command="revmentor self-check --pairing", tty=False))
    return sc.person_in(p.me.side, p.partner.name, on_the_job=p.kind == "on-the-job")


def run(
    given: dict[str, int],
    today: date,
    log: SelfCheckLog,
    *,
    ask: bool,
    pairing: str | None = None,
) -> tuple[list[sc.Part], sc.Outcome]:
    parts = sc.load_parts()
    who = person(pairing)  # a pairing named wrongly is refused before anything is asked
    answers = gather(parts, given, ask=ask)
    previous = log.results[-1] if log.results else None
    return parts, sc.assess(parts, answers, today, previous, who)

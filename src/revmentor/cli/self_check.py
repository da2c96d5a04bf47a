"""`revmentor self-check`."""

from __future__ import annotations

from pathlib import Path

import typer

from revmentor.cli import _values
from revmentor.cli._common import interactive
from revmentor.cli._help import Command, commands
from revmentor.cli._values import Rated

app = commands()


@app.command("self-check", cls=Command)
def self_check(
    answer: list[Rated] = typer.Option(
        [],
        "--answer",
        metavar="ID=N",
        parser=_values.answer_rating,
        help="Answer one question, 1-5 (repeatable).",
    ),
    answers: Path | None = typer.Option(
        None, "--answers", metavar="FILE", help="A YAML file mapping question ids to 1-5."
    ),
    history: bool = typer.Option(False, "--history", help="List your past results."),
    pairing: str | None = typer.Option(
        None,
        "--pairing",
        metavar="NAME",
        help="Word the next step for your side in this pairing (default: your only pairing).",
    ),
) -> None:
    """Check yourself against the Mentoring Essentials: skills, mindset and toolkit.

    Ten honest questions rated 1-5; you get a score per part, one concrete next step
    for the weakest, and the change since your last check. The next step fits your
    side in your pairing: a mentee is not handed a mentor's to-do. Results are saved
    in your data folder (see `revmentor paths`).

    \b
    Examples:
      revmentor self-check
      revmentor self-check --answers my-answers.yaml
      revmentor self-check --answer listening=4 --answer safety=3 ...
      revmentor self-check --history
      revmentor self-check --pairing helen-sam --answers my-answers.yaml
    """
    from revmentor import clock, selfcheck_file
    from revmentor.coach import selfcheck as sc
    from revmentor.errors import BadInput

    if history:
        if answer or answers or pairing:
            raise BadInput("--history lists past results; it takes no answers or pairing")
        from revmentor.views.selfcheck import render_history

        render_history(sc.load_parts(), selfcheck_file.load())
        return

    from revmentor.wizard.self_check import read_answers_file, run

    given: dict[str, int] = {}
    if answers is not None:
        given.update(read_answers_file(answers))
    # Flags win over the file, so one answer can be corrected without editing it.
    given.update(_values.by_name(answer))
    log = selfcheck_file.load()  # read first: a broken history is reported before asking
    parts, outcome = run(given, clock.today(), log, ask=interactive(), pairing=pairing)
    selfcheck_file.append(outcome.result)
    from revmentor.views.selfcheck import render_outcome

    render_outcome(parts, outcome)

"""`revmentor start`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from revmentor.cli import _values
from revmentor.cli._help import Command, commands
from revmentor.vocab import Frequency, Kind, Side

app = commands()


# Every option here costs Typer a conversion built before the first question: the flags
# are those a script needs to answer the plan without a terminal, and no more.
@app.command(cls=Command)
def start(
    answers: Path | None = typer.Option(
        None,
        "--answers",
        metavar="FILE",
        help="YAML answers: any keys of a pairing file. What it gives is not asked.",
    ),
    defaults: bool = typer.Option(
        False, "--defaults", help="Take the default for every answer still missing."
    ),
    name: str | None = typer.Option(
        None,
        "--name",
        metavar="SLUG",
        parser=_values.slug,
        help="File name of the pairing (default: the partner's).",
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Pick up the plan left unfinished by Ctrl-C, without asking."
    ),
    kind: Kind | None = typer.Option(
        None,
        "--kind",
        metavar="KIND",
        help="reverse-mentoring (default) or on-the-job (onboarding, handover...).",
    ),
    partner: str | None = typer.Option(
        None, "--partner", metavar="NAME", help="Your partner's name."
    ),
    goal: list[str] = typer.Option(
        [], "--goal", metavar="TEXT", help="A goal of yours (repeat for several)."
    ),
    side: Side | None = typer.Option(
        None, "--side", metavar="SIDE", help="mentee, mentor or mutual: which way you learn."
    ),
    start_date: date | None = typer.Option(
        None,
        "--start",
        metavar="DATE",
        parser=_values.iso_date,
        help="Start date, YYYY-MM-DD (default: next Monday).",
    ),
    frequency: Frequency | None = typer.Option(
        None, "--frequency", metavar="HOW_OFTEN", help="weekly, fortnightly or monthly."
    ),
) -> None:
    """Launch a new pairing, step by step (the five-step action plan).

    Goals checked against REAL, a partner, the ask, ground rules, and three months of
    dated milestones. Ctrl-C keeps a draft; the next `revmentor start` offers to resume.

    \b
    Examples:
      revmentor start
      revmentor start --kind on-the-job
      revmentor start --answers plan.yaml --defaults --name sam
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.start import Options, run

    code = run(
        store(),
        Options(
            answers=answers,
            use_defaults=defaults,
            name=name,
            resume=resume,
            kind=kind,
            partner=partner,
            goals=list(goal),
            side=side,
            start=start_date,
            frequency=frequency,
        ),
        tty=interactive(),
        today=clock.today(),
    )
    if code:
        raise typer.Exit(code)

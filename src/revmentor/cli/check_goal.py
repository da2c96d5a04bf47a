"""`revmentor check-goal`: a goal's wording against REAL (or SMART), offline."""

from __future__ import annotations

import typer

from revmentor.cli import _values
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def check_goal(
    text: list[str] = typer.Argument(
        None, metavar="TEXT", help="The goal's wording, in quotes.", show_default=False
    ),
    smart: bool = typer.Option(
        False, "--smart", help="Check against SMART (on-the-job plans) instead of REAL."
    ),
    pairing: str = typer.Option(
        None,
        "--pairing",
        metavar="NAME",
        parser=_values.slug,
        help="Check it as a goal of this pairing: SMART with its scan for an on-the-job plan.",
        autocompletion=complete_pairings,
    ),
    gap: str = typer.Option(
        None, "--gap", metavar="ID", help="With --pairing: the scanned gap the goal closes."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the verdict as JSON."),
) -> None:
    """Check a goal's wording against REAL (or SMART), with a hint for each miss.

    REAL: Relevant, Experimental, Aspirational, Learning-based. SMART (--smart):
    Specific, Measurable, Achievable, Relevant, Time-bound. The check reads the
    wording only, offline; a goal that falls short is not an error. It comes with a
    rewrite that meets every criterion ("Try: ..."), with [brackets] around what only
    you can fill in.

    \b
    Examples:
      revmentor check-goal \\
        "Learn to draft our team updates with ChatGPT, trying different prompts"
      revmentor check-goal --smart "Reconcile supplier invoices by 31 March"
      revmentor check-goal --pairing lena-onboarding --gap month-end \\
        "Close the month alone"
      revmentor check-goal --json "Finish the Q3 report"
    """
    from revmentor.wizard.check_goal import CheckRequest, run

    run(CheckRequest(" ".join(text or []), smart=smart, pairing=pairing, gap=gap), as_json)

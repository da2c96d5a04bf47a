"""`revmentor ask`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, commands
from revmentor.vocab import Response

app = commands()


@app.command(cls=Command)
def ask(
    pairing: str | None = pairing_argument("The pairing's name (optional if you have one)."),
    sent: str | None = typer.Option(
        None,
        "--sent",
        metavar="WHEN",
        help="The day the ask went out: YYYY-MM-DD, today, yesterday, friday, '3 days ago'.",
    ),
    response: Response | None = typer.Option(
        None,
        "--response",
        metavar="ANSWER",
        case_sensitive=False,
        help="Their answer: accepted, declined or pending.",
    ),
    on: str | None = typer.Option(
        None,
        "--on",
        metavar="WHEN",
        help="With --response: the day the answer came (default: today).",
    ),
) -> None:
    """Record when your ask went out, and what your partner answered.

    Without flags, in a terminal, it asks; without a terminal it shows the ask as
    recorded. Nothing else in the plan changes.

    \b
    Examples:
      revmentor ask maya-chen --sent today
      revmentor ask maya-chen --sent 2026-09-02 --response accepted --on 2026-09-05
      revmentor ask --response declined
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.ask import AskRequest, run

    request = AskRequest(pairing=pairing, sent=sent, response=response, on=on)
    run(store(), request, tty=interactive(), today=clock.today())

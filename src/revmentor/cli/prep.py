"""`revmentor prep`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pick_pairing, store
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def prep(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing's name (optional if you have one).",
        autocompletion=complete_pairings,
    ),
    markdown: bool = typer.Option(False, "--markdown", help="Print the agenda as Markdown."),
) -> None:
    """An agenda for your next conversation, as plain text or Markdown.

    Carried-over next steps, goals that need time, one opening question, the ground rules.

    Examples: revmentor prep · revmentor prep maya-chen --markdown > agenda.md
    """
    from revmentor import clock
    from revmentor.coach.agenda import agenda
    from revmentor.errors import Concluded
    from revmentor.views import prep as view

    st = store()
    slug = pick_pairing(st, pairing, command="revmentor prep")
    p = st.read(slug)
    if p.state == "concluded":
        raise Concluded(
            f"'{slug}' is concluded, so there is no next session to prepare",
            f"Reopen it with `revmentor reopen {slug}` to plan another round.",
        )
    plan = agenda(p, clock.today(), slug=slug)
    typer.echo(view.render_markdown(plan) if markdown else view.render_text(plan), nl=False)

"""`revmentor reopen`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pick_pairing, store
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def reopen(
    pairing: str | None = typer.Argument(
        None,
        metavar="PAIRING",
        help="The concluded pairing's name (optional if you have one pairing).",
        autocompletion=complete_pairings,
    ),
) -> None:
    """Reopen a concluded pairing so it can change again (undoes a conclusion).

    The wrap-up record stays in the file; the pairing becomes active again.

    Example: revmentor reopen helen-sam
    """
    from revmentor.coach import wrapup
    from revmentor.errors import BadInput
    from revmentor.views.wrapup import render_reopened

    st = store()
    slug = pick_pairing(st, pairing, command="revmentor reopen")
    with st.update(slug, allow_concluded=True) as p:
        if p.state != "concluded":
            raise BadInput(
                f"'{slug}' is not concluded, so there is nothing to reopen",
                "Only a pairing concluded with `revmentor wrap-up` needs reopening.",
            )
        p.state = wrapup.reopen(p).state
    render_reopened(slug)

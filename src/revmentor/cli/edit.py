"""`revmentor edit`."""

from __future__ import annotations

import typer

from revmentor.cli._common import interactive, pick_pairing, store
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def edit(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing's name (optional if you have one).",
        autocompletion=complete_pairings,
    ),
) -> None:
    """Open a pairing file in $VISUAL or $EDITOR, and check it when the editor closes.

    Your edit is made on a copy; the pairing file only changes once the copy is valid.
    If it is not, you can reopen the editor or discard the edit. If another revmentor
    saved the pairing while the editor was open, its change stays and your edit is kept
    in the drafts folder, under a name the message gives.

    Example: EDITOR=nano revmentor edit maya-chen
    """
    from revmentor.wizard.edit import edit_pairing

    st = store()
    slug = pick_pairing(st, pairing, command="revmentor edit")
    edit_pairing(st, slug, ask=interactive())

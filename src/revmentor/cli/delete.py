"""`revmentor delete`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def delete(
    pairing: str = pairing_argument("The pairing to delete.", required=True),
    yes: bool = typer.Option(False, "--yes", "-y", help="Delete without asking."),
) -> None:
    """Delete a pairing, after asking: its file moves into its backups.

    Nothing is lost: `revmentor restore PAIRING` lists the backups, the deleted file
    among them, and `revmentor undo PAIRING` brings it straight back. A concluded pairing
    is the record of a finished cycle and is not deleted; archive it instead.

    \b
    Examples:
      revmentor delete old-pairing
      revmentor delete old-pairing --yes
    """
    from revmentor import moves
    from revmentor.cli._common import confirmed, store
    from revmentor.views.moves import describe, render_deleted

    st = store()
    pairing_now = moves.deletable(st, pairing)
    question = f"Delete '{pairing}' ({describe(pairing_now)})?"
    if not confirmed(question, yes=yes, what="`revmentor delete`"):
        typer.echo("Nothing changed.")
        return
    moves.delete(st, pairing)
    render_deleted(pairing)

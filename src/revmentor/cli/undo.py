"""`revmentor undo`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def undo(
    pairing: str | None = pairing_argument(
        "The pairing's name (optional if you have one).", deleted=True
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Undo without asking."),
) -> None:
    """Put back the version from before the last change.

    The version it replaces is kept as a backup, so running undo again undoes the undo.
    To go further back, pick a backup from `revmentor restore PAIRING`. After
    `revmentor delete`, `undo PAIRING` brings the pairing back.

    \b
    Examples:
      revmentor undo maya-chen
      revmentor undo --yes
    """
    from revmentor.cli._backups import put_back

    put_back(pairing, None, yes=yes, command="undo")

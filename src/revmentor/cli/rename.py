"""`revmentor rename`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def rename(
    old: str = pairing_argument("The pairing's current name.", required=True),
    new: str = typer.Argument(..., metavar="NEW", help="Its new name (lowercase, hyphens)."),
) -> None:
    """Give a pairing a new name; its backups and drafts go with it.

    Names use lowercase letters, digits and hyphens. A name another pairing has is refused.

    Example: revmentor rename maya maya-chen
    """
    from revmentor import moves
    from revmentor.cli._common import store
    from revmentor.views.console import out
    from revmentor.views.text import esc

    moves.rename(store(), old, new)
    out().print(f"Renamed '{esc(old)}' to '{esc(new)}'.")

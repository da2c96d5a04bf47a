"""`revmentor restore`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def restore(
    pairing: str = pairing_argument(
        "The pairing whose backups to list or put back.", required=True, deleted=True
    ),
    number: int | None = typer.Argument(
        None, metavar="N", help="The backup to put back, by its number in the list."
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Put it back without asking."),
    as_json: bool = typer.Option(False, "--json", help="List the backups as JSON."),
) -> None:
    """List a pairing's backups, or put one back.

    Every change keeps the version before it. The list says when each backup was taken
    and which command's change it came before. Putting one back asks first; the version
    it replaces is kept as a backup too, so a restore can itself be undone. A deleted
    pairing is restored the same way.

    \b
    Examples:
      revmentor restore maya-chen
      revmentor restore maya-chen 12
      revmentor restore maya-chen 12 --yes
    """
    from revmentor.cli._backups import list_backups, put_back

    if number is None:
        list_backups(pairing, as_json=as_json)
        return
    put_back(pairing, number, yes=yes, command="restore")

"""`revmentor unarchive`."""

from __future__ import annotations

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def unarchive(
    pairing: str = pairing_argument("The archived pairing to bring back.", required=True),
) -> None:
    """Bring an archived pairing back into `list` and `status`.

    Example: revmentor unarchive helen-sam
    """
    from revmentor.cli.archive import set_archived

    set_archived(pairing, archive=False)

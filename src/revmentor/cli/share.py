"""`revmentor share`."""

from __future__ import annotations

import typer

from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def share(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing's name (optional if you have one).",
        autocompletion=complete_pairings,
    ),
    # Text rather than a Path: "-" means standard output and a trailing "/" a folder.
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="PATH",
        help="The bundle's file (default: PAIRING-shared.yaml here); a folder; '-' for "
        "standard output.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> None:
    """Write a partner bundle: your plan and sessions, for your partner's revmentor.

    The bundle is the pairing file's own format, with a note of who shared it and when.
    Private notes are never in it, so it is safe to send by e-mail or chat. Your partner
    brings it in with `revmentor import FILE`; their bundle comes back the same way.

    \b
    Examples:
      revmentor share helen-sam -o helen-sam-shared.yaml
      revmentor share -o ~/Desktop/
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.exchange import ShareRequest
    from revmentor.wizard.exchange import share as run_share

    request = ShareRequest(pairing=pairing, output=output, force=force)
    run_share(store(), request, tty=interactive(), today=clock.today())

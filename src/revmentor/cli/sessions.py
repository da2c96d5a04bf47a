"""`revmentor sessions`, `sessions show`, `sessions edit`, `sessions remove`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, group

app = group(
    "List the logged sessions; show, edit or remove one by its number or date.\n\n"
    "\b\nExamples:\n"
    "  revmentor sessions helen-sam\n"
    "  revmentor sessions show helen-sam 3\n"
    "  revmentor sessions edit helen-sam 2026-11-03\n"
    "  revmentor sessions remove helen-sam 4 --yes"
)

PAIRING_HELP = "The pairing's name (optional if you have one)."
WHICH = "[PAIRING] N|DATE"
WHICH_HELP = "The pairing (optional if you have one), then a session number or date."


@app.command("list", cls=Command, short_help="List the sessions: number, date, minutes, topics.")
def list_sessions(
    pairing: str | None = pairing_argument(PAIRING_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List the sessions, oldest first: number, date, minutes and topics.

    `revmentor sessions PAIRING` is the same as `sessions list PAIRING`.

    Examples: revmentor sessions helen-sam · revmentor sessions --json
    """
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.sessions import list_sessions as run

    run(store(), pairing, as_json=as_json, tty=interactive())


@app.command(cls=Command, short_help="Show one session in full.")
def show(
    which: list[str] = typer.Argument(None, metavar=WHICH, help=WHICH_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Show one session in full, by its number or its date.

    Examples: revmentor sessions show helen-sam 3 · revmentor sessions show yesterday
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.sessions import show as run

    run(store(), list(which or []), as_json=as_json, tty=interactive(), today=clock.today())


@app.command(cls=Command, short_help="Open one session in your editor, and check it.")
def edit(
    which: list[str] = typer.Argument(None, metavar=WHICH, help=WHICH_HELP),
) -> None:
    """Open one session in $VISUAL or $EDITOR, and check it when the editor closes.

    The session is edited on a copy; the pairing file only changes once the copy is a
    valid session. If it is not, you can reopen the editor or discard the edit.

    Example: EDITOR=nano revmentor sessions edit helen-sam 2026-11-03
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.sessions import edit as run

    run(store(), list(which or []), tty=interactive(), today=clock.today())


@app.command(cls=Command, short_help="Remove one session, after asking.")
def remove(
    which: list[str] = typer.Argument(None, metavar=WHICH, help=WHICH_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="Remove it without asking."),
) -> None:
    """Remove one session logged by mistake, after asking (--yes for scripts).

    The version before the removal is kept in the backups.

    Examples: revmentor sessions remove helen-sam 4 · revmentor sessions remove 4 --yes
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.sessions import remove as run

    run(store(), list(which or []), yes=yes, tty=interactive(), today=clock.today())

"""`revmentor steps`, `steps done`, `steps reopen`."""

from __future__ import annotations

import typer

from revmentor.cli._common import pairing_argument
from revmentor.cli._help import Command, group

app = group(
    "List the open next steps, and mark them done (`steps done`) or open (`steps reopen`).\n\n"
    "\b\nExamples:\n"
    "  revmentor steps helen-sam\n"
    "  revmentor steps done helen-sam 1 2\n"
    "  revmentor steps reopen helen-sam 2"
)

PAIRING_HELP = "The pairing's name (optional if you have one)."
WHICH_HELP = "The pairing (optional if you have one), then step numbers, or all."


@app.command("list", cls=Command, short_help="List the open next steps, numbered.")
def list_steps(
    pairing: str | None = pairing_argument(PAIRING_HELP),
    show_all: bool = typer.Option(False, "--all", help="Include the steps already done."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List the open next steps, numbered, with the session they came from.

    The open steps are the ones noted in the latest session that noted any, less those
    marked done. `revmentor steps PAIRING` is the same as `steps list PAIRING`.

    Examples: revmentor steps helen-sam · revmentor steps --all --json
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.steps import show

    show(
        store(),
        pairing,
        include_done=show_all,
        as_json=as_json,
        tty=interactive(),
        today=clock.today(),
    )


@app.command(cls=Command, short_help="Mark next steps done.")
def done(
    which: list[str] = typer.Argument(None, metavar="[PAIRING] N...", help=WHICH_HELP),
) -> None:
    """Mark next steps done, by their numbers in `revmentor steps`.

    Without numbers, in a terminal, the open steps are offered to tick.
    A step already done stays done.

    Examples: revmentor steps done helen-sam 1 3 · revmentor steps done all
    """
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.steps import change

    change(store(), list(which or []), done=True, tty=interactive())


@app.command(cls=Command, short_help="Mark next steps open again.")
def reopen(
    which: list[str] = typer.Argument(None, metavar="[PAIRING] N...", help=WHICH_HELP),
) -> None:
    """Mark next steps open again, by their numbers in `revmentor steps --all`.

    Without numbers, in a terminal, the steps done are offered to tick.

    Example: revmentor steps reopen helen-sam 2
    """
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.steps import change

    change(store(), list(which or []), done=False, tty=interactive())

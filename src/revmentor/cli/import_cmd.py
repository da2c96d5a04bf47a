"""`revmentor import`."""

from __future__ import annotations

from pathlib import Path

import typer

from revmentor.cli import _values
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command("import", cls=Command)
def import_bundle(
    file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="A partner bundle (from `revmentor share`), or a conflicted copy of a pairing.",
    ),
    into: str | None = typer.Option(
        None,
        "--into",
        metavar="PAIRING",
        parser=_values.slug,
        help="Merge into this pairing (default: the match).",
        autocompletion=complete_pairings,
    ),
    name: str | None = typer.Option(
        None,
        "--name",
        metavar="SLUG",
        parser=_values.slug,
        help="A new pairing's name (default: the partner's).",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would change, and write nothing."
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Import without asking first."),
) -> None:
    """Bring in your partner's bundle, or a copy a file-sync tool left: merge, never overwrite.

    With no pairing of the same two people, it creates the pairing as you see it: names,
    sides, goal owners and who learned what turned round to your side. With one, it
    merges: sessions matched by date, goals by id or wording, what only the bundle holds
    taken, and two different texts for the same thing both kept, labelled by who wrote
    them. The previous version goes to backups; importing the same bundle again changes
    nothing. In a terminal it shows the changes and asks first.

    \b
    Examples:
      revmentor import sam-shared.yaml --dry-run
      revmentor import sam-shared.yaml --yes
      revmentor import --into helen-sam \\
        "pairings/helen-sam (conflicted copy 2026-11-30).yaml"
    """
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.exchange import ImportRequest, run_import

    request = ImportRequest(file=file.expanduser(), into=into, name=name, dry_run=dry_run, yes=yes)
    run_import(store(), request, tty=interactive())

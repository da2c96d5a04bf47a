"""`revmentor paths`."""

from __future__ import annotations

import json

import typer

from revmentor.cli._common import store
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def paths(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Print where revmentor keeps its files.

    The data folder comes from your platform's user data folder; set REVMENTOR_HOME or
    pass --home to use another. The cache only speeds up reading and may be deleted.
    Drafts hold answers saved when a command was interrupted; the self-check file keeps
    your `revmentor self-check` results.

    Examples: revmentor paths · revmentor paths --json
    """
    from revmentor import selfcheck_file
    from revmentor.wizard import drafts

    st = store()
    places = {
        "data": str(st.home),
        "pairings": str(st.pairings_dir),
        "backups": str(st.backups_dir),
        "cache": str(st.home / "cache"),
        "drafts": str(drafts.path(st).parent),
        "self-check": str(selfcheck_file.path(st.home)),
    }
    if as_json:
        typer.echo(json.dumps(places, indent=2))
        return
    width = max(len(name) for name in places) + 1
    for name, place in places.items():
        typer.echo(f"{name + ':':<{width}} {place}")

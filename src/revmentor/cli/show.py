"""`revmentor show`."""

from __future__ import annotations

import json

import typer

from revmentor.cli._common import pick_pairing, store
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def show(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing's name (optional if you have one).",
        autocompletion=complete_pairings,
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the pairing as JSON."),
) -> None:
    """Show a whole pairing plan, readable in a terminal.

    Example: revmentor show maya-chen
    """
    st = store()
    slug = pick_pairing(st, pairing, command="revmentor show")
    p = st.read(slug)
    if as_json:
        data = p.to_json()
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from revmentor.views.show import render_pairing

    render_pairing(slug, p)

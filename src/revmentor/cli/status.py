"""`revmentor status` (placeholder until the status view lands)."""

from __future__ import annotations

import typer

app = typer.Typer()


def show_default() -> None:
    from revmentor.cli._common import store

    if not store().slugs():
        typer.echo("No pairings yet. Start one with: revmentor start")
        return
    from revmentor.cli.list_cmd import list_pairings

    list_pairings(as_json=False)


@app.command()
def status(pairing: str = typer.Argument(None)) -> None:
    """Where a pairing stands, and what to do next."""
    show_default()

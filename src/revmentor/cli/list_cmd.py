"""`revmentor list`."""

from __future__ import annotations

import json

import typer

from revmentor.cli._common import store, unarchived
from revmentor.cli._help import Command, commands
from revmentor.errors import InvalidFile

app = commands()


@app.command("list", cls=Command)
def list_pairings(
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    everything: bool = typer.Option(
        False, "--all", help="List archived pairings too (see `revmentor archive`)."
    ),
) -> None:
    """List your pairings: partner, kind, horizon dates and sessions held.

    Archived pairings are left out unless you ask for --all.

    Examples: revmentor list · revmentor list --all --json
    """
    rows = store().read_all()
    if not everything:
        rows = unarchived(rows)
    if as_json:
        out: list[dict[str, object]] = []
        for slug, item in rows:
            if isinstance(item, InvalidFile):
                out.append({"slug": slug, "error": item.message})
                continue
            row: dict[str, object] = {
                "slug": slug,
                "partner": item.partner.name,
                "kind": item.kind,
                "state": item.state,
                "start": item.horizon.start.isoformat(),
                "end": item.horizon.end.isoformat(),
                "sessions": len(item.sessions),
            }
            if item.archived:  # only archived ones say so: the others keep their shape
                row["archived"] = item.archived.isoformat()
            out.append(row)
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    from revmentor.views.listing import render_list

    render_list(rows)

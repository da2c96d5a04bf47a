"""`revmentor list`."""

from __future__ import annotations

import json

import typer

from revmentor.cli._common import store
from revmentor.cli._help import Command, commands
from revmentor.errors import InvalidFile

app = commands()


@app.command("list", cls=Command)
def list_pairings(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """List your pairings: partner, kind, horizon dates and sessions held.

    Example: revmentor list --json
    """
    rows = store().read_all()
    if as_json:
        out: list[dict[str, object]] = []
        for slug, item in rows:
            if isinstance(item, InvalidFile):
                out.append({"slug": slug, "error": item.message})
                continue
            out.append(
                {
                    "slug": slug,
                    "partner": item.partner.name,
                    "kind": item.kind,
                    "state": item.state,
                    "start": item.horizon.start.isoformat(),
                    "end": item.horizon.end.isoformat(),
                    "sessions": len(item.sessions),
                }
            )
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    from revmentor.views.listing import render_list

    render_list(rows)

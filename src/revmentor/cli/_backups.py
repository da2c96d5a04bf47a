"""What `restore` and `undo` share: picking the backup, asking, putting it back."""

from __future__ import annotations

import json

import typer

from revmentor import backups
from revmentor.cli._common import confirmed, pick_pairing, store


def list_backups(pairing: str, *, as_json: bool) -> None:
    from revmentor.views.backups import render_backups

    st = store()
    slug = backups.known(st, pairing)
    found = backups.listing(st, slug)
    if as_json:
        typer.echo(json.dumps([b.as_json() for b in found], indent=2))
        return
    render_backups(slug, found, exists=st.exists(slug))


def put_back(pairing: str | None, number: int | None, *, yes: bool, command: str) -> None:
    from revmentor.views.backups import render_restored, when

    st = store()
    if pairing is None:
        slug = pick_pairing(st, None, command=f"revmentor {command}")
    else:
        slug = backups.known(st, pairing)
    backup = backups.latest(st, slug) if number is None else backups.find(st, slug, number)
    current = backups.current_text(st, slug)
    label = f"before {backup.command}" if backup.command else "an earlier version"
    question = f"Put back backup {backup.number} of '{slug}' ({when(backup)}, {label})?"
    if not confirmed(question, yes=yes, what=f"`revmentor {command}`"):
        typer.echo("Nothing changed.")
        return
    changed = backups.restore(st, slug, backup, current)
    render_restored(slug, backup, changed=changed, replaced=current is not None)

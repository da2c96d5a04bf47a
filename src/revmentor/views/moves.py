"""What `revmentor delete` says before and after."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.views.console import out
from revmentor.views.text import clean, esc

if TYPE_CHECKING:
    from revmentor.model import Pairing


def describe(pairing: Pairing | None) -> str:
    """A few words that tell one pairing from another, for the question before deleting."""
    if pairing is None:
        return "its file does not read as a pairing"
    partner = clean(pairing.partner.name) or "no partner named"
    count = len(pairing.sessions)
    return f"with {partner}, {count} session{'s' if count != 1 else ''}"


def render_deleted(slug: str) -> None:
    con = out()
    con.print(f"Deleted '{esc(slug)}': its file is kept among its backups.")
    con.print(f"Bring it back with [bold]revmentor undo {esc(slug)}[/].")

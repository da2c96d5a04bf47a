"""`revmentor search`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands
from revmentor.errors import BadInput, InvalidFile

if TYPE_CHECKING:
    from revmentor.model import Pairing

app = commands()


@app.command(cls=Command)
def search(
    text: str = typer.Argument(..., metavar="TEXT", help="What to look for."),
    pairing: str | None = typer.Option(
        None,
        "--pairing",
        "-p",
        metavar="PAIRING",
        help="Look in this pairing only.",
        autocompletion=complete_pairings,
    ),
    include_private: bool = typer.Option(
        False, "--include-private", help="Look in your private notes too."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the matches as JSON."),
) -> None:
    """Find text in every pairing: goals, sessions, reviews and wrap-ups.

    Looks through goals, session topics, what each of you learned, next steps, review
    notes and wrap-ups; case and accents do not matter ("resume" finds "Résumé"). Each
    match shows its pairing, date, field and line. Private notes are searched only with
    --include-private. Archived pairings are searched too.

    \b
    Examples:
      revmentor search prompt
      revmentor search "weekly report" --pairing maya-chen
      revmentor search worry --include-private --json
    """
    from revmentor.cli._common import pick_pairing, store
    from revmentor.coach.search import search as find
    from revmentor.views.search import json_rows, render_hits, render_unreadable

    if not text.strip():
        raise BadInput("give some text to look for", "For example: revmentor search prompt")
    st = store()
    rows: list[tuple[str, Pairing | InvalidFile]]
    if pairing is not None:
        # One pairing asked for by name: a file that does not read is an error here.
        slug = pick_pairing(st, pairing, command="revmentor search --pairing", ask=False)
        rows = [(slug, st.read(slug))]
    else:
        rows = st.read_all()
    readable = [(s, p) for s, p in rows if not isinstance(p, InvalidFile)]
    hits = find(readable, text, include_private=include_private)
    if as_json:
        import json

        typer.echo(json.dumps(json_rows(hits), indent=2, ensure_ascii=False))
    else:
        render_hits(text, hits, include_private=include_private)
    render_unreadable([s for s, p in rows if isinstance(p, InvalidFile)])

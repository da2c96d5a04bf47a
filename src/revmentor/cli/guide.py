"""`revmentor guide`."""

from __future__ import annotations

import typer

from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def guide(
    name: str | None = typer.Argument(
        None, metavar="NAME", help="The guide to show (leave out to list them all)."
    ),
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing to fill it in for (optional if you have one).",
        autocompletion=complete_pairings,
    ),
    markdown: bool = typer.Option(False, "--markdown", help="Print the guide as Markdown."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
    tick: list[str] = typer.Option(
        [], "--tick", metavar="N", help="Tick item N of the checklist (repeatable)."
    ),
    untick: list[str] = typer.Option(
        [], "--untick", metavar="N", help="Untick item N of the checklist (repeatable)."
    ),
    choose: bool = typer.Option(
        False, "--interactive", "-i", help="Tick and untick items from a list in the terminal."
    ),
) -> None:
    """Conversation guides for each moment of a pairing, with a checklist to tick.

    Without NAME, lists the guides (for PAIRING, or your only pairing: how much of each
    checklist is done, and which guide fits now). With NAME, shows one guide filled in
    with the pairing's names, goals, rhythm and stage. Ticks are kept in the pairing file.

    \b
    Examples:
      revmentor guide
      revmentor guide first-meeting helen-sam
      revmentor guide first-meeting helen-sam --tick 2 --tick 3
      revmentor guide trust --markdown > trust.md
      revmentor guide mid-point helen-sam -i
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.errors import BadInput
    from revmentor.views import guides as view
    from revmentor.wizard import guides as service

    if markdown and as_json:
        raise BadInput("choose one of --markdown and --json")
    request = service.Request(
        name=name,
        pairing=pairing,
        fmt="markdown" if markdown else "json" if as_json else "text",
        tick=tuple(tick),
        untick=tuple(untick),
        choose=choose,
    )
    outcome = service.run(store(), request, clock.today(), tty=interactive())
    if isinstance(outcome, service.Ticked):
        view.render_ticked(outcome.guide, outcome.changes)
    elif isinstance(outcome, service.Listed):
        if outcome.fmt == "json":
            typer.echo(view.listing_json(outcome.listing))
        else:
            view.render_list(outcome.listing)
    elif outcome.fmt == "markdown":
        typer.echo(view.render_markdown(outcome.guide), nl=False)
    elif outcome.fmt == "json":
        typer.echo(view.guide_json(outcome.guide))
    else:
        view.render(outcome.guide)

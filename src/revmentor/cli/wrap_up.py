"""`revmentor wrap-up`."""

from __future__ import annotations

from pathlib import Path

import typer

from revmentor.cli import _values
from revmentor.cli._complete import goal_ids
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands
from revmentor.cli._values import CarryOver
from revmentor.vocab import WrapDecision

app = commands()


@app.command("wrap-up", cls=Command)
def wrap_up(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing's name (optional if you have one).",
        autocompletion=complete_pairings,
    ),
    decision: WrapDecision | None = typer.Option(
        None,
        "--decision",
        metavar="DECISION",
        case_sensitive=False,
        help="renew (three more months), conclude (read-only until reopened) or extend.",
    ),
    # No upper bound here: how long an extension may run is the coach's rule, and its
    # refusal says what to do instead.
    weeks: int | None = typer.Option(
        None, "--weeks", metavar="N", min=1, help="Weeks to extend by (up to 52)."
    ),
    carry_over: CarryOver | None = typer.Option(
        None,
        "--carry-over",
        metavar="all|none|ID,ID",
        parser=_values.carry_over,
        help="Renew: which active goals carry over (default all); the rest are retired.",
        autocompletion=goal_ids,
    ),
    worked: str | None = typer.Option(None, "--worked", metavar="TEXT", help="What worked."),
    awkward: str | None = typer.Option(
        None, "--awkward", metavar="TEXT", help="What felt awkward."
    ),
    story: Path | None = typer.Option(
        None, "--story", metavar="PATH", help="Also write a short success story (Markdown)."
    ),
    with_names: bool = typer.Option(
        False, "--with-names", help="Keep both names in the story (left out by default)."
    ),
    with_roles: bool = typer.Option(
        False,
        "--with-roles",
        help="Keep job titles and generations in the story (left out by default).",
    ),
    force: bool = typer.Option(False, "--force", help="Let --story replace an existing file."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Ask nothing; use the flags only."),
) -> None:
    """Close the three-month cycle: look back, then renew, extend or conclude.

    Shows each goal's start and current self-rating, what each of you learned, and how
    the pulse moved; asks what worked and what felt awkward; then applies the decision.
    A concluded pairing is read-only until `revmentor reopen`.

    \b
    Examples:
      revmentor wrap-up helen-sam
      revmentor wrap-up helen-sam --decision renew \\
        --carry-over genai-for-ops --yes
      revmentor wrap-up helen-sam --decision extend --weeks 4 --yes
      revmentor wrap-up helen-sam --decision conclude --story story.md --yes
      revmentor wrap-up helen-sam --decision conclude --story story.md --with-roles --yes
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.wrap_up import Given, run

    given = Given(
        pairing=pairing,
        decision=decision,
        weeks=weeks,
        carry_over=carry_over.ids if carry_over is not None else None,
        carry_over_given=carry_over is not None,
        worked=worked,
        awkward=awkward,
        story=story.expanduser() if story is not None else None,
        with_names=with_names,
        with_roles=with_roles,
        force=force,
        yes=yes,
    )
    run(store(), given, tty=interactive(), today=clock.today())

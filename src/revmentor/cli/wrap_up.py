"""`revmentor wrap-up`."""

from __future__ import annotations

from pathlib import Path

import typer

from revmentor.cli._common import interactive, pick_pairing, store

app = typer.Typer(add_completion=False)

DECISION_HELP = "renew (three more months), conclude (read-only until reopened) or extend."


def _decision(value: str | None) -> str | None:
    if value is not None and value not in ("renew", "conclude", "extend"):
        raise typer.BadParameter(
            f"'{value}' is not one of renew, conclude, extend", param_hint="--decision"
        )
    return value


@app.command("wrap-up")
def wrap_up(
    pairing: str = typer.Argument(None, help="The pairing's name (optional if you have one)."),
    decision: str | None = typer.Option(
        None,
        "--decision",
        metavar="DECISION",
        callback=_decision,
        help=DECISION_HELP,
    ),
    weeks: int | None = typer.Option(None, "--weeks", metavar="N", help="Weeks to extend by."),
    carry_over: str | None = typer.Option(
        None,
        "--carry-over",
        metavar="all|none|ID,ID",
        help="Renew: which active goals carry over (default all); the rest are retired.",
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
    force: bool = typer.Option(False, "--force", help="Let --story replace an existing file."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Ask nothing; use the flags only."),
) -> None:
    """Close the three-month cycle: look back, then renew, extend or conclude.

    Shows each goal's start and current self-rating, what each of you learned, and how
    the pulse moved; asks what worked and what felt awkward; then applies the decision.
    A concluded pairing is read-only until `revmentor reopen`.

    Examples:

      revmentor wrap-up helen-sam

      revmentor wrap-up helen-sam --decision renew --carry-over genai-for-ops --yes

      revmentor wrap-up helen-sam --decision extend --weeks 4 --yes

      revmentor wrap-up helen-sam --decision conclude --story story.md --yes
    """
    from revmentor import clock, content
    from revmentor.coach import wrapup
    from revmentor.errors import Concluded
    from revmentor.views.wrapup import (
        render_decision,
        render_retrospective,
        render_story_written,
    )
    from revmentor.wizard.wrap_up import Given, check_ready, parse_carry_over, save, settle

    st = store()
    slug = pick_pairing(st, pairing)
    p = st.read(slug)
    if p.state == "concluded":
        raise Concluded.read_only(slug)
    today = clock.today()
    words = content.load("wrapup.yaml")
    given = Given(
        decision=decision,  # type: ignore[arg-type]  # checked by _decision
        weeks=weeks,
        carry_over=parse_carry_over(carry_over, p) if carry_over is not None else None,
        carry_over_given=carry_over is not None,
        worked=worked,
        awkward=awkward,
        story=story.expanduser() if story is not None else None,
        with_names=with_names,
        force=force,
    )
    retro = wrapup.retrospective(p, today)
    terminal = interactive()
    ask = terminal and not yes
    check_ready(given, ask=ask, terminal=terminal)
    render_retrospective(slug, retro, words)
    plan = settle(p, retro, given, words, ask=ask, terminal=terminal)
    if plan is None:
        from revmentor.views.console import out

        out().print(words["hints"]["nothing"])
        return

    changed = save(st, slug, plan, today, words)
    render_decision(slug, changed, changed.wrap_ups[-1], words)
    if plan.story is not None:
        render_story_written(str(plan.story), plan.with_names)

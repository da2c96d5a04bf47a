"""`revmentor goals review`, `goals add`, `goals list`."""

from __future__ import annotations

import typer

from revmentor.cli import _values
from revmentor.cli._complete import goal_ids
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands
from revmentor.cli._values import RealChecks
from revmentor.vocab import RATING_MAX, RATING_MIN, Decision, Owner

app = commands(
    "Review, add and list goals: `goals review`, `goals add`, `goals list`.",
    no_args_is_help=True,
)

PAIRING_HELP = "The pairing's name (optional if you have one)."
# The goal builder's answers, shared by `goals add` and a reword in `goals review`.
BUILD_CAN = typer.Option(
    None,
    "--build-can",
    metavar="TEXT",
    help="Build the goal: what you want to be able to do by the end of the three months.",
)
BUILD_WHO = typer.Option(
    None,
    "--build-who",
    metavar="TEXT",
    help="Build the goal: who gains, and how it connects to your team or organisation.",
)
BUILD_TRY = typer.Option(
    None,
    "--build-try",
    metavar="TEXT",
    help="Build the goal: what you will try first, and how you will know it worked.",
)
BUILD_MEASURE = typer.Option(
    None,
    "--build-measure",
    metavar="TEXT",
    help="Build an on-the-job (SMART) goal: how it is measured.",
)
BUILD_BY = typer.Option(
    None,
    "--build-by",
    metavar="WHEN",
    help="Build an on-the-job (SMART) goal: by when (YYYY-MM-DD or words).",
)


@app.command(cls=Command, short_help="Rate each active goal and decide what becomes of it.")
def review(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help=PAIRING_HELP, autocompletion=complete_pairings
    ),
    goal: str | None = typer.Option(
        None, "--goal", metavar="ID", help="The goal to decide on.", autocompletion=goal_ids
    ),
    rating: int | None = typer.Option(
        None, "--rating", metavar="N", min=RATING_MIN, max=RATING_MAX, help="Its rating now, 1-5."
    ),
    decision: Decision | None = typer.Option(
        None,
        "--decision",
        metavar="DECISION",
        case_sensitive=False,
        help="keep, reword, achieved or retire.",
    ),
    text: str | None = typer.Option(
        None, "--text", metavar="TEXT", help="The new wording (with --decision reword)."
    ),
    reason: str | None = typer.Option(
        None, "--reason", metavar="TEXT", help="Why (required with --decision retire)."
    ),
    note: str | None = typer.Option(
        None, "--note", metavar="TEXT", help="A note on the review as a whole."
    ),
    build_can: str | None = BUILD_CAN,
    build_who: str | None = BUILD_WHO,
    build_try: str | None = BUILD_TRY,
    build_measure: str | None = BUILD_MEASURE,
    build_by: str | None = BUILD_BY,
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Ask nothing; every other active goal is kept."
    ),
) -> None:
    """Rate each active goal, then keep, reword, mark achieved or retire it.

    In a terminal, each goal is shown with its baseline, its ratings so far
    and the REAL check of its wording; new goals can be added at the end.
    With flags, decide on one goal per run; --yes keeps the others.

    \b
    Examples:
      revmentor goals review helen-sam
      revmentor goals review --goal genai-for-ops --rating 4 --decision keep --yes
      revmentor goals review --goal sam-strategy --decision retire \\
        --reason "Sam moved team"
      revmentor goals review --goal gen-z-expectations --decision reword \\
        --build-can "give feedback the way graduates want it" \\
        --build-who "my team keeps its graduates" \\
        --build-try "ask two graduates after a 1:1"
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.goal_builder import BuildFlags
    from revmentor.wizard.goals_review import ReviewRequest
    from revmentor.wizard.goals_review import review as run_review

    request = ReviewRequest(
        pairing=pairing,
        goal=goal,
        rating=rating,
        decision=decision,
        text=text,
        reason=reason,
        note=note,
        yes=yes,
        build=BuildFlags(build_can, build_who, build_try, build_measure, build_by),
    )
    run_review(store(), request, tty=interactive(), today=clock.today())


@app.command(cls=Command)
def add(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help=PAIRING_HELP, autocompletion=complete_pairings
    ),
    text: str | None = typer.Option(
        None, "--text", metavar="TEXT", help="The goal, in a sentence."
    ),
    owner: Owner = typer.Option(
        "me",
        "--owner",
        metavar="OWNER",
        case_sensitive=False,
        help="Whose goal: me, partner or shared.",
    ),
    why: str = typer.Option("", "--why", metavar="TEXT", help="Why it matters."),
    baseline: int | None = typer.Option(
        None, "--baseline", metavar="N", min=RATING_MIN, max=RATING_MAX, help="Where you are, 1-5."
    ),
    goal_id: str | None = typer.Option(
        None, "--id", metavar="ID", help="Its id (default: made from the text)."
    ),
    real: RealChecks | None = typer.Option(
        None,
        "--real",
        metavar="CHECKS",
        parser=_values.real_checks,
        help="The REAL checks you judge it meets, e.g. 'relevant,learning-based', 'RL', "
        "'all' or 'none' (default: the automatic check's verdict).",
    ),
    build_can: str | None = BUILD_CAN,
    build_who: str | None = BUILD_WHO,
    build_try: str | None = BUILD_TRY,
    build_measure: str | None = BUILD_MEASURE,
    build_by: str | None = BUILD_BY,
) -> None:
    """Add a goal, and see how its wording fares against REAL.

    Without --text, in a terminal, the goal is asked for, and can be built with you
    from three short answers. The --build-* flags give those answers instead of --text:
    revmentor composes the goal and checks it (on-the-job plans add --build-measure
    and --build-by).

    \b
    Examples:
      revmentor goals add helen-sam --owner shared --baseline 2 \\
        --text "Learn to run retros with AI summaries, trying it on two real ones"
      revmentor goals add helen-sam --build-can "use Power BI dashboards" \\
        --build-who "my team can spot budget drift" \\
        --build-try "build one dashboard for the March report"
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.goal_builder import BuildFlags
    from revmentor.wizard.goals_add import AddRequest
    from revmentor.wizard.goals_add import add as run_add

    request = AddRequest(
        pairing=pairing,
        text=text,
        owner=owner,
        why=why,
        baseline=baseline,
        goal_id=goal_id,
        real=real.met if real is not None else None,
        build=BuildFlags(build_can, build_who, build_try, build_measure, build_by),
    )
    run_add(store(), request, tty=interactive(), today=clock.today())


@app.command("list", cls=Command, short_help="List goals with their latest ratings.")
def list_goals(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help=PAIRING_HELP, autocompletion=complete_pairings
    ),
    show_all: bool = typer.Option(False, "--all", help="Include achieved and retired goals."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List goals: id, owner, status, baseline, latest rating and wording.

    Example: revmentor goals list helen-sam --all
    """
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.goals_list import list_goals as run_list

    run_list(store(), pairing, include_all=show_all, as_json=as_json, tty=interactive())

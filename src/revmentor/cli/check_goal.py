"""`revmentor check-goal`: a goal's wording against REAL (or SMART), offline."""

from __future__ import annotations

import json

import typer

from revmentor.cli._help import Command, commands
from revmentor.errors import BadInput

app = commands()


@app.command(cls=Command)
def check_goal(
    text: list[str] = typer.Argument(
        None, metavar="TEXT", help="The goal's wording, in quotes.", show_default=False
    ),
    smart: bool = typer.Option(
        False, "--smart", help="Check against SMART (on-the-job plans) instead of REAL."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the verdict as JSON."),
) -> None:
    """Check a goal's wording against REAL (or SMART), with a hint for each miss.

    REAL: Relevant, Experimental, Aspirational, Learning-based. SMART (--smart):
    Specific, Measurable, Achievable, Relevant, Time-bound. The check reads the
    wording only, offline; a goal that fails is not an error.

    \b
    Examples:
      revmentor check-goal "Learn to draft our team updates with ChatGPT, trying different prompts"
      revmentor check-goal --smart "Reconcile supplier invoices in SAP without help by 31 March"
      revmentor check-goal --json "Finish the Q3 report"
    """
    wording = " ".join(text or []).strip()
    if not wording:
        raise BadInput(
            "the goal to check is empty",
            'Give its wording in quotes, e.g. revmentor check-goal "Learn to …"',
        )
    if smart:
        from revmentor.coach.smart import check_smart

        verdict = check_smart(wording)
    else:
        from revmentor.coach.real import check_real

        verdict = check_real(wording)
    if as_json:
        typer.echo(json.dumps(verdict.to_json(), indent=2, ensure_ascii=False))
        return
    from revmentor.views.console import out
    from revmentor.views.text import esc
    from revmentor.views.verdict import criterion_name, render_verdict

    con = out()
    con.print(f"[bold]{'SMART' if smart else 'REAL'} check:[/] {esc(wording)}")
    render_verdict(verdict)
    total, failed = len(verdict.checks), verdict.failed()
    if not failed:
        con.print(f"\nAll {total} met.")
        return
    first = next(k for k in failed if verdict.checks[k].suggestion == verdict.suggestion)
    con.print(
        f"\n{total - len(failed)} of {total} met. Reword it, starting with "
        f"{criterion_name(first)}, and check again."
    )

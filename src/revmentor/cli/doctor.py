"""`revmentor doctor`."""

from __future__ import annotations

import typer

from revmentor.cli._common import store
from revmentor.cli._help import Command, commands

app = commands()


@app.command(cls=Command)
def doctor() -> None:
    """Check every pairing file and the folder permissions; exit 1 if anything is wrong.

    Example: revmentor doctor
    """
    from revmentor.doctor import diagnose
    from revmentor.views.console import out
    from revmentor.views.text import esc

    st = store()
    findings = diagnose(st)
    con = out()
    for leftover in findings.removed:
        con.print(f"Removed {esc(str(leftover))}, a copy an interrupted save left behind.")
    if not findings.problems:
        where = esc(str(st.home))
        con.print(f"[green]All good.[/] {findings.checked} pairing file(s) checked in {where}")
        return
    for problem in findings.problems:
        con.print(f"[red]✗[/] {esc(problem.what)}")
        con.print(f"  [dim]fix:[/] {esc(problem.fix)}")
    con.print(f"{len(findings.problems)} problem(s); {findings.checked} pairing file(s) checked.")
    raise typer.Exit(1)

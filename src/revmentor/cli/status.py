"""`revmentor status`, and what `revmentor` shows when run with no command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from revmentor.cli._common import pick_pairing, store, unarchived
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands

if TYPE_CHECKING:
    from datetime import date

    from revmentor.coach.status import StatusReport

app = commands()


def show_default() -> None:
    """The detail of the only pairing, a line per pairing, or how to start one."""
    from revmentor.coach.nudges import nudges
    from revmentor.coach.status import status_report
    from revmentor.errors import InvalidFile

    st = store()
    every = st.read_all()
    rows = unarchived(every)
    if not rows:
        typer.echo(
            "Every pairing is archived; `revmentor list --all` lists them."
            if every
            else "No pairings yet. Start one with: revmentor start"
        )
        return
    today = _today()
    if len(rows) == 1:
        slug, only = rows[0]
        if not isinstance(only, InvalidFile):
            _detail(slug, status_report(only, today))
            return
    from revmentor.views.status import render_summary

    summary: list[tuple[str, StatusReport | InvalidFile, int]] = []
    for slug, item in rows:
        if isinstance(item, InvalidFile):
            summary.append((slug, item, 0))
            continue
        report = status_report(item, today)
        summary.append((slug, report, len(nudges(report))))
    render_summary(summary)


def _today() -> date:
    from revmentor import clock

    return clock.today()


def _detail(slug: str, report: StatusReport) -> None:
    from revmentor.coach.nudges import nudges
    from revmentor.views.status import render_status

    render_status(slug, report, nudges(report))


@app.command(cls=Command)
def status(
    pairing: str | None = typer.Argument(
        None,
        metavar="PAIRING",
        help="The pairing's name. Without it: every pairing, one line each.",
        autocompletion=complete_pairings,
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Where a pairing stands, and what to do next.

    The week, sessions against your rhythm, goals, pulse, a due review, and suggestions.

    With --json and several pairings (and no PAIRING), a list with one object each,
    as `revmentor list --json` gives: a file that cannot be read is {"slug", "error"}.

    Examples: revmentor status maya-chen · revmentor status --json
    """
    from revmentor.coach.status import status_report

    st = store()
    if pairing is None and not as_json:
        show_default()
        return
    if pairing is None:
        rows = unarchived(st.read_all())
        if len(rows) > 1:
            _print_all_json(rows)
            return
    slug = pick_pairing(st, pairing, command="revmentor status", ask=False)
    report = status_report(st.read(slug), _today())
    if as_json:
        typer.echo(_dumps(_json(slug, report)))
        return
    _detail(slug, report)


def _dumps(data: object) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False)


def _json(slug: str, report: StatusReport) -> dict[str, object]:

    from revmentor.coach.nudges import nudges
    from revmentor.coach.status import JSON_LEFT_OUT

    data = _plain(report)
    if not isinstance(data, dict):
        raise TypeError("a status report must read as a mapping")
    for key in JSON_LEFT_OUT:
        data.pop(key, None)
    data["slug"] = slug
    data["behind"] = report.behind
    data["nudges"] = [_plain(n) for n in nudges(report)]
    return data


def _print_all_json(rows: list[tuple[str, Any]]) -> None:
    from revmentor.coach.status import status_report
    from revmentor.errors import InvalidFile

    today = _today()
    out: list[dict[str, object]] = []
    for slug, item in rows:
        if isinstance(item, InvalidFile):
            out.append({"slug": slug, "error": item.message})
        else:
            out.append(_json(slug, status_report(item, today)))
    typer.echo(_dumps(out))


def _plain(value: object) -> object:
    """The report as JSON-ready data: named tuples as objects, dates as ISO text."""
    from datetime import date as _date

    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, _date):
        return value.isoformat()
    return value

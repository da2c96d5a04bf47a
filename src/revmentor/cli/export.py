"""`revmentor export`: the plan as Markdown, a calendar file or JSON."""

from __future__ import annotations

from datetime import time, timedelta
from pathlib import Path

import typer

from revmentor.cli import _values
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands
from revmentor.views.exporters import Exporter, Section

app = commands()


@app.command(cls=Command)
def export(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing's name (optional if you have one).",
        autocompletion=complete_pairings,
    ),
    fmt: Exporter | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        parser=_values.export_format,
        help="markdown (default), ics (a calendar file) or json.",
    ),
    section: Section | None = typer.Option(
        None,
        "--section",
        metavar="SECTION",
        case_sensitive=False,
        help="Markdown: 'plan' for the plan only (to share before the first meeting), "
        "'all' for the full record (default).",
    ),
    include_private: bool = typer.Option(
        False, "--include-private", help="Include private session notes (left out by default)."
    ),
    template: Path | None = typer.Option(
        None, "--template", metavar="FILE", help="Markdown: your own Jinja2 template."
    ),
    at: time | None = typer.Option(
        None,
        "--time",
        metavar="HH:MM",
        parser=_values.clock_time,
        help="Calendar: the session start time (default 09:00).",
    ),
    tz: str | None = typer.Option(
        None,
        "--tz",
        metavar="AREA/CITY",
        parser=_values.time_zone,
        help="Calendar: the time zone, like Europe/London (default: this machine's).",
    ),
    remind: list[timedelta] | None = typer.Option(
        None,
        "--remind",
        metavar="BEFORE",
        parser=_values.reminder,
        help="Calendar: a reminder this long before each session and the mid-point "
        "review: 15m, 2h or 1d (repeat for several).",
    ),
    # Text rather than a Path: "-" means standard output and a trailing "/" a folder.
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="PATH",
        help="Write to a file (or into a folder as <pairing>.<ext>); '-' for standard output.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
) -> None:
    """Write the plan as Markdown to share, a calendar file to import, or JSON.

    \b
    Examples:
      revmentor export helen-sam --section plan -o plan.md
      revmentor export helen-sam --format ics --time 14:30 --tz Europe/London
      revmentor export helen-sam -f ics --remind 1d --remind 15m -o ~/Desktop
      revmentor export helen-sam --format json | jq .computed.planned_dates
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.export import ExportRequest
    from revmentor.wizard.export import export as run_export

    request = ExportRequest(
        pairing=pairing,
        exporter=fmt,
        section=section,
        include_private=include_private,
        template=template,
        at=at,
        tz=tz,
        reminders=tuple(remind or ()),
        output=output,
        force=force,
    )
    run_export(store(), request, tty=interactive(), today=clock.today())

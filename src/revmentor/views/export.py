"""What `revmentor export` says once it has written a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.views.text import clean

if TYPE_CHECKING:
    from typing import TextIO

    from revmentor.views.exporters import Exporter, Options
    from revmentor.wizard.export import ExportRequest


def render_written(target: Path, exporter: Exporter) -> None:
    sys.stdout.write(clean(f"Wrote {target} ({exporter.label}).") + "\n")
    if exporter.name == "ics":
        sys.stdout.write("Import it into your calendar; a newer export updates the same events.\n")


def render_calendar_times(options: Options, *, given: ExportRequest, stream: TextIO) -> None:
    """Which time and zone the sessions were put at, where each came from, how to change it."""
    from revmentor.views.exporters.ics import remind_words

    at = options.at.strftime("%H:%M")
    when = f"{at} (as asked)" if given.at is not None else f"{at} (the default)"
    if options.tz is None:
        zone = "no named zone: each calendar shows them at that time wherever it is"
    elif given.tz is not None:
        zone = f"{options.tz} time (as asked)"
    else:
        zone = f"{options.tz} time (this machine's zone)"
    stream.write(f"Sessions start at {when}, {zone}.\n")
    if options.reminders:
        before = ", ".join(remind_words(r) for r in sorted(set(options.reminders)))
        stream.write(f"Reminders: {before} before each session and the mid-point review.\n")
    stream.write("Change them with --time HH:MM, --tz AREA/CITY and --remind 1d.\n")

"""What `revmentor export` says once it has written a file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.views.text import clean

if TYPE_CHECKING:
    from revmentor.views.exporters import Exporter


def render_written(target: Path, exporter: Exporter) -> None:
    sys.stdout.write(clean(f"Wrote {target} ({exporter.label}).") + "\n")
    if exporter.name == "ics":
        sys.stdout.write("Import it into your calendar; a newer export updates the same events.\n")

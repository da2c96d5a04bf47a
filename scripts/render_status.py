"""Render `revmentor status` of the example pairing as docs/status.svg, for the README.

Everything that could vary is pinned (the date, the width, the colours, the environment),
so the same code always gives the same file; tests/test_status_svg.py checks that the
committed image is what this script renders now.

    python scripts/render_status.py          # rewrite docs/status.svg
    python scripts/render_status.py --check  # exit 1 if docs/status.svg is stale
"""

from __future__ import annotations

import io
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "pairings" / "helen-sam.yaml"
OUTPUT = ROOT / "docs" / "status.svg"
SLUG = "helen-sam"
TODAY = date(2026, 11, 21)
WIDTH = 92
HEIGHT = 100  # given with the width, or rich asks the terminal (80 x 25 if dumb)


# The font rich's SVG asks for from the web; the image must not fetch anything when viewed,
# so only the local lookup of the font is kept.
_WEB_FONT = re.compile(r',\s*url\("https?://[^"]*"\) format\("[^"]*"\)')


def render() -> str:
    """The SVG text of the status view, as of TODAY."""
    from rich.console import Console
    from rich.terminal_theme import MONOKAI
    from rich.text import Text

    from revmentor.coach.nudges import nudges
    from revmentor.coach.status import status_report
    from revmentor.store import parse
    from revmentor.views.status import render_status

    # Every setting rich would otherwise read from the environment (COLUMNS, LINES,
    # NO_COLOR, FORCE_COLOR, TERM) is given here, so whoever runs this gets the same file.
    console = Console(
        record=True,
        file=io.StringIO(),
        width=WIDTH,
        height=HEIGHT,
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        legacy_windows=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
    _, pairing = parse(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE)
    report = status_report(pairing, TODAY)
    console.print(Text("$ revmentor status", style="dim"))
    render_status(SLUG, report, nudges(report), console=console)
    svg = console.export_svg(title="revmentor status", theme=MONOKAI)
    return _WEB_FONT.sub("", svg)


def main(argv: list[str]) -> int:
    svg = render()
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != svg:
            print(f"{OUTPUT} is stale: run python scripts/render_status.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

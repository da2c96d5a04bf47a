"""Making user text safe to show."""

from __future__ import annotations

import re

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Replace control characters (escape sequences included) with visible codes.

    Names and notes come from hand-edited files; they must never reach the terminal raw.
    """
    return _CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def esc(text: str) -> str:
    """`clean`, then escaped for rich markup, so `[bold]` in a note prints as typed."""
    from rich.markup import escape

    return escape(clean(text))

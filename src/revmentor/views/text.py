"""Making user text safe to show."""

from __future__ import annotations

import re

# Controls that could rewrite the terminal, and the bidirectional overrides and isolates
# that could make text read differently from what it holds.
# Lone surrogates stand for bytes that were not UTF-8 (a flag typed in another
# encoding): no terminal can show them, so they are shown as codes too.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(text: str) -> str:
    """Replace control characters (escape sequences included) with visible codes.

    Names and notes come from hand-edited files; they must never reach the terminal raw.
    """
    return _CONTROL_RE.sub(_visible, text)


def _visible(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def esc(text: str) -> str:
    """`clean`, then escaped for rich markup, so `[bold]` in a note prints as typed."""
    from rich.markup import escape

    return escape(clean(text))

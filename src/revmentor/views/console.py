"""The rich consoles every view prints through.

Emoji codes are off in all of them: a name or a note holding `:fire:`, or an error
about line 100 of a file (`plan.yaml:100:`), is shown as written.
"""

from __future__ import annotations

import io
import sys
from functools import cache
from typing import IO, TYPE_CHECKING, cast

if TYPE_CHECKING:
    from rich.console import Console


class _TrimmedLines(io.TextIOBase):
    """sys.stdout or sys.stderr (looked up at each write), or a given stream, minus
    trailing spaces.

    rich pads table cells and wrapped lines to the full width; in a pasted agenda or a
    redirected report that padding is only noise.
    """

    def __init__(self, target: str | IO[str]) -> None:
        self._where = target  # "stdout", "stderr", or a stream
        self._pending = ""

    @property
    def _target(self) -> io.TextIOBase:
        where = self._where
        stream = getattr(sys, where) if isinstance(where, str) else where
        return cast(io.TextIOBase, stream)

    def write(self, text: str) -> int:
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        if lines:
            self._target.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._target.write(self._pending)
            self._pending = ""
        self._target.flush()

    def isatty(self) -> bool:
        return self._target.isatty()

    def fileno(self) -> int:
        return self._target.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._target, "encoding", None) or "utf-8"


@cache
def out() -> Console:
    from rich.console import Console

    return Console(
        file=cast(IO[str], _TrimmedLines("stdout")), highlight=False, soft_wrap=False, emoji=False
    )


def to_stream(stream: IO[str], *, width: int | None = None) -> Console:
    """A console like `out()` that writes to `stream`, `width` cells wide if given.

    Off a terminal (a StringIO, a file) it writes plain text, as `out()` does when piped.
    """
    from rich.console import Console

    return Console(
        file=cast(IO[str], _TrimmedLines(stream)),
        width=width,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )


@cache
def err() -> Console:
    from rich.console import Console

    return Console(file=cast(IO[str], _TrimmedLines("stderr")), highlight=False, emoji=False)

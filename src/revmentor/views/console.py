"""The rich consoles every view prints through."""

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

    return Console(file=cast(IO[str], _TrimmedLines("stdout")), highlight=False, soft_wrap=False)


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
    )


@cache
def err() -> Console:
    from rich.console import Console

    return Console(file=cast(IO[str], _TrimmedLines("stderr")), highlight=False)


_REPLACE = "revmentor-replace"
_replaced: list[str] = []  # the encodings that had to replace something, once each


def _is_unicode(encoding: str) -> bool:
    import codecs

    try:
        return codecs.lookup(encoding).name.startswith(("utf-8", "utf-16", "utf-32"))
    except LookupError:
        return False


def _replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    if exc.encoding not in _replaced:
        _replaced.append(exc.encoding)
    return "?" * (exc.end - exc.start), exc.end


def degrade_unencodable_output() -> None:
    """On a terminal or pipe that is not UTF-8 (a cp1252 console, PYTHONIOENCODING=latin-1),
    show `?` for what it cannot hold rather than fail; `note_replacements` says so."""
    import codecs

    codecs.register_error(_REPLACE, _replace)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding and reconfigure is not None and not _is_unicode(encoding):
            reconfigure(errors=_REPLACE)


def note_replacements() -> None:
    """Say once, on stderr, that some characters were shown as `?`."""
    if not _replaced or sys.stderr is None:
        return
    encoding = _replaced[0]
    _replaced.clear()
    sys.stderr.write(
        f"Note: this terminal's encoding ({encoding}) cannot show some characters; they "
        "are shown as '?'. A UTF-8 locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8 shows "
        "them.\n"
    )
    sys.stderr.flush()

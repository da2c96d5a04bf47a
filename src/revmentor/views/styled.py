"""Styled terminal text without rich, for the view people run most: `revmentor status`.

Importing rich takes longer than everything else `status` does after Python has started,
and status needs only a little of it: coloured words, columns and hanging-indent wrapping.
The rules here follow rich's, so status reads like every other view: the same styles,
the same width, the same places to wrap a line, and no styles at all when the output is
not a terminal.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from itertools import pairwise
from typing import TextIO

# SGR codes of the styles the status view uses; unknown words are ignored.
_ATTRIBUTES = {"bold": "1", "dim": "2"}
_COLOURS = {
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
    "bright_black": "90",
}
_WORD = re.compile(r"\s*\S+\s*")


class Styled:
    """Text made of runs, each with a style such as "bold yellow" ("" for none)."""

    __slots__ = ("runs",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self.runs: list[tuple[str, str]] = [(text, style)] if text else []

    def append(self, text: str, style: str = "") -> Styled:
        if text:
            self.runs.append((text, style))
        return self

    def extend(self, other: Styled | str) -> Styled:
        self.runs += as_styled(other).runs
        return self

    def stylize(self, style: str) -> Styled:
        """Add `style` under every run so far (a run's own style wins where they differ)."""
        self.runs = [(text, f"{style} {own}".strip()) for text, own in self.runs]
        return self

    def copy(self) -> Styled:
        return Styled()._with(list(self.runs))

    def _with(self, runs: list[tuple[str, str]]) -> Styled:
        self.runs = runs
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.runs)

    def cells(self) -> int:
        return sum(cells(text) for text, _ in self.runs)

    def slice(self, start: int, end: int) -> Styled:
        """The characters from `start` to `end` of the plain text, styles kept."""
        part = Styled()
        at = 0
        for text, style in self.runs:
            low, high = max(start, at), min(end, at + len(text))
            if low < high:
                part.runs.append((text[low - at : high - at], style))
            at += len(text)
        return part

    def rstrip(self) -> Styled:
        """Without trailing whitespace."""
        runs = list(self.runs)
        while runs:
            text, style = runs[-1]
            kept = text.rstrip()
            if kept:
                runs[-1] = (kept, style)
                break
            runs.pop()
        self.runs = runs
        return self


def as_styled(value: Styled | str) -> Styled:
    return value if isinstance(value, Styled) else Styled(value)


def cells(text: str) -> int:
    """Terminal cells `text` takes: 2 for wide East Asian characters, 0 for combining."""
    if text.isascii() and text.isprintable():
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return _joined_cells(text)
    known = _CELLS
    return sum(known[ch] if ch in known else _char_cells(ch) for ch in text)


def _joined_cells(text: str) -> int:
    # rich's rule for emoji sequences: a zero-width joiner hides the character after it,
    # and a variation selector 16 widens a narrow symbol before it to two cells.
    total = 0
    last = ""
    chars = iter(text)
    for ch in chars:
        if ch == "\u200d":
            next(chars, None)
        elif ch == "\ufe0f":
            if last and _char_cells(last) == 1 and _is_symbol(last):
                total += 1
            last = ""
        elif size := _char_cells(ch):
            total += size
            last = ch
    return total


# Widths found so far: the spark and bar characters recur hundreds of times in a view.
_CELLS: dict[str, int] = {}


def _is_symbol(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) == "So"


def _char_cells(ch: str) -> int:
    if ch not in _CELLS:
        _CELLS[ch] = _measure(ch)
    return _CELLS[ch]


def _measure(ch: str) -> int:
    import unicodedata

    if ch < " " or "\x7f" <= ch < "\xa0":
        return 0  # a control character (a tab or a newline, after views.text.clean)

    kind = unicodedata.category(ch)
    # Combining marks, format characters and skin-tone modifiers join the one before
    # (a soft hyphen, though a format character, is drawn).
    if (kind in ("Mn", "Me", "Cf") and ch != "\xad") or "\U0001f3fb" <= ch <= "\U0001f3ff":
        return 0
    # An unassigned code point has no agreed width; terminals draw one cell.
    return 2 if kind != "Cn" and unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _chop(word: str, width: int) -> list[str]:
    """A word longer than the line, cut into pieces of at most `width` cells."""
    pieces: list[str] = []
    start = size = 0
    for i, ch in enumerate(word):
        size_of = 1 if " " <= ch < "\x7f" else _char_cells(ch)
        if size + size_of > width and i > start:
            pieces.append(word[start:i])
            start, size = i, 0
        size += size_of
    if start < len(word):
        pieces.append(word[start:])
    return pieces


def breaks(text: str, width: int) -> list[int]:
    """Where to break `text` to fit lines of `width` cells: between words, or inside a
    word that no line could hold."""
    found: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        size = cells(word.rstrip())
        if width - offset >= size:
            offset += cells(word)
        elif size > width:
            pieces = _chop(word, width)
            for i, piece in enumerate(pieces):
                if start:
                    found.append(start)
                if i == len(pieces) - 1:
                    offset = cells(piece)
                else:
                    start += len(piece)
        elif offset and start:
            found.append(start)
            offset = cells(word)
    return found


def expand_tabs(text: Styled) -> Styled:
    """Tabs as spaces to the next stop of 8 cells, counted from the start of each line."""
    if "\t" not in text.plain:
        return text
    column = 0
    runs: list[tuple[str, str]] = []
    for run, style in text.runs:
        parts: list[str] = []
        for part in re.split(r"([\t\n])", run):
            if part == "\t":
                parts.append(" " * (8 - column % 8))
                column += len(parts[-1])
            elif part == "\n":
                parts.append(part)
                column = 0
            else:
                parts.append(part)
                column += cells(part)
        runs.append(("".join(parts), style))
    return Styled()._with(runs)


def wrap(text: Styled, width: int) -> list[Styled]:
    """`text` as lines of at most `width` cells, without trailing whitespace."""
    text = expand_tabs(text)
    lines: list[Styled] = []
    at = 0
    for part in text.plain.split("\n"):
        edges = [0, *breaks(part, width), len(part)]
        lines += [text.slice(at + a, at + b).rstrip() for a, b in pairwise(edges)]
        at += len(part) + 1
    return lines


def terminal_width() -> int:
    """COLUMNS when set, else the terminal's width, else 80: rich's rule."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for fd in (0, 1, 2):
        try:
            return os.get_terminal_size(fd).columns or 80
        except OSError:
            continue
    return 80


def _styles_wanted(stream: TextIO) -> tuple[bool, bool]:
    """(styles, colours) for `stream`: none off a terminal, no colours under NO_COLOR."""
    env = os.environ
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not (tty or env.get("FORCE_COLOR")):
        return False, False
    if env.get("TERM", "").lower() in ("dumb", "unknown"):
        return False, False
    return True, not env.get("NO_COLOR")


def _sgr(style: str, colours: bool) -> str:
    attributes: list[str] = []
    colour = ""
    for word in style.split():
        if word in _ATTRIBUTES:
            if _ATTRIBUTES[word] not in attributes:
                attributes.append(_ATTRIBUTES[word])
        elif colours and word in _COLOURS:
            colour = _COLOURS[word]
    codes = sorted(attributes) + ([colour] if colour else [])
    return f"\x1b[{';'.join(codes)}m" if codes else ""


class Screen:
    """Where styled lines go: a stream, a width, and whether to style them."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        width: int | None = None,
        styles: bool | None = None,
        colours: bool | None = None,
    ) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.width = width or terminal_width()
        wanted = _styles_wanted(self.stream) if styles is None else (styles, styles)
        self.styles = wanted[0]
        self.colours = wanted[1] if colours is None else colours and self.styles

    def print(self, *parts: Styled | str) -> None:
        """One line of text, wrapped at the screen's width like any paragraph."""
        line = Styled()
        for part in parts:
            line.extend(part)
        self.hanging(Styled(), line, 0)

    def hanging(self, lead: Styled | str, body: Styled | str, indent: int) -> None:
        """`lead`, then `body` wrapped under itself `indent` cells in."""
        lead, body = as_styled(lead), as_styled(body)
        if not body.plain.strip():
            self._write(self._fit(lead.copy().rstrip()))
            return
        # Columns wider than the screen leave the body at least 20 cells, under itself.
        indent = max(0, min(indent, self.width - 20))
        pad = Styled(" " * indent)
        lines: list[Styled] = []
        for i, line in enumerate(wrap(body, self.width - indent)):
            lines += self._fit((lead if i == 0 else pad).copy().extend(line).rstrip())
        self._write(lines)

    def _fit(self, line: Styled) -> list[Styled]:
        # On a screen too narrow for the columns, a line wraps again as a whole.
        fits = line.cells() <= self.width and "\n" not in line.plain
        return [line] if fits else wrap(line, self.width)

    def _write(self, lines: Iterable[Styled]) -> None:
        self.stream.write("".join(self.render(line) + "\n" for line in lines))

    def render(self, line: Styled) -> str:
        """`line` as the terminal gets it: with escape codes only when styling."""
        if not self.styles:
            return line.plain
        out: list[str] = []
        for text, style in _merged(line.runs):
            code = _sgr(style, self.colours)
            out.append(f"{code}{text}\x1b[0m" if code else text)
        return "".join(out)


def _merged(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Neighbouring runs of one style as one, for shorter output."""
    out: list[tuple[str, str]] = []
    for text, style in runs:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out

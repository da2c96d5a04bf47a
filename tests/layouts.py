"""Random layouts of one pairing's data, as people write YAML by hand.

Every choice a hand-edited file can make is drawn at random: 2- or 4-space indents,
dashes under their key or indented, `-   ` wide dashes, block or flow lists and maps,
`|-` blocks for text of several lines
(flow lists over several lines, with comments between the items), plain, single- or
double-quoted scalars, full-line and end-of-line comments (a tab before some `#`),
blank lines, a header above `---`, a note after `...`, CRLF line endings and a BOM.

Each comment is unique (`# note 17`), so a test can check that every one survives.
Generating a layout costs well under a millisecond: no YAML library is involved.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from typing import Any

# Plain scalars that read back as the same string in any YAML reader.
_PLAIN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9 .,'()/-]*[A-Za-z0-9.)]$")
_YAML11_WORDS = frozenset(
    "y n yes no on off true false null none ~ Y N Yes No On Off True False Null".split()
)

# Words a person may well write, some of which no plain scalar can hold.
AWKWARD = ["No", "9:30", "a: b", "x # not a comment", "'quoted'", "null", "Zoë", "1e3", "",
           "- dash", "[x]", "tab\there", "ends with a colon:", "  padded  ", "50%", "@home",
           "yes", "line one\nline two", "#hash first", "three\nshort\nlines", "{braces}",
           "emoji 🎉", "ünïcödé", "ends with a break\n", "two\n  indented", "\nstarts broken",
           "blank\n\nline"]


@dataclass
class Style:
    step: int  # indent of a nested mapping
    offset: int  # where a list's dashes sit, under the key's indent
    dash: str  # "- " or "-   "
    crlf: bool
    bom: bool
    header: bool
    doc_end: bool
    flow_share: float
    comment_share: float

    @classmethod
    def draw(cls, rng: random.Random) -> Style:
        step = rng.choice((2, 4))
        dash = rng.choice(("- ", "-   ")) if step == 4 else "- "
        return cls(
            step=step,
            offset=rng.choice((0, step)),
            dash=dash,
            crlf=rng.random() < 0.3,
            bom=rng.random() < 0.25,
            header=rng.random() < 0.4,
            doc_end=rng.random() < 0.3,
            flow_share=rng.random() * 0.7,
            comment_share=rng.random() * 0.5,
        )


@dataclass
class Layout:
    text: str
    style: Style
    comments: list[str]
    header: str
    tail: str
    # The text of each top-level key with its value, comments above it left out.
    sections: dict[str, str] = field(default_factory=dict)


class _Writer:
    def __init__(self, rng: random.Random, style: Style) -> None:
        self.rng = rng
        self.style = style
        self.comments: list[str] = []

    def _comment(self) -> str:
        text = f"# note {len(self.comments) + 1}"
        self.comments.append(text)
        return text

    def eol(self) -> str:
        if self.rng.random() >= self.style.comment_share:
            return ""
        return self.rng.choice((" ", "  ", "\t", " \t", "   ")) + self._comment()

    def lines_above(self, pad: str) -> str:
        out = ""
        if self.rng.random() < self.style.comment_share / 2:
            out += "\n"
        if self.rng.random() < self.style.comment_share:
            out += f"{pad}{self._comment()}\n"
        return out

    def scalar(self, value: Any) -> str:
        if value is None:
            return self.rng.choice(("~", "null", ""))
        text = str(value)
        how = self.rng.random()
        plain = (
            _PLAIN_RE.fullmatch(text)
            and text not in _YAML11_WORDS
            and ": " not in text
            and " #" not in text
        )
        if not isinstance(value, str) or (plain and how < 0.6):
            return text
        if "\n" not in text and "\t" not in text and how < 0.8:
            return "'" + text.replace("'", "''") + "'"
        # JSON spells characters beyond the BMP as surrogate pairs, which YAML does not.
        bmp = all(ord(c) < 0x10000 for c in text)
        return json.dumps(text, ensure_ascii=bmp and self.rng.random() < 0.5)

    def mapping(self, data: dict[str, Any], pad: str) -> str:
        return "".join(self.entry(k, v, pad) for k, v in data.items())

    def entry(self, key: str, value: Any, pad: str, *, first_pad: str | None = None) -> str:
        head = f"{pad if first_pad is None else first_pad}{key}:"
        if isinstance(value, dict):
            return head + self._dict_value(value, pad)
        if isinstance(value, list):
            return head + self._list_value(value, pad)
        if isinstance(value, str) and self._literal(value) and self.rng.random() < 0.5:
            inner = pad + " " * self.style.step
            lines = "".join(f"{inner}{line}\n" if line else "\n" for line in value.split("\n"))
            return f"{head} |-{self.eol()}\n{lines}"
        text = self.scalar(value)
        return f"{head}{' ' + text if text else ''}{self.eol()}\n"

    @staticmethod
    def _literal(value: str) -> bool:
        """Whether a `|-` block holds `value` exactly: several lines, none of them
        starting or ending with a space or tab, and no line break at either end."""
        lines = value.split("\n")
        return len(lines) > 1 and all(
            line == line.strip(" \t") and "\t" not in line for line in lines
        ) and bool(lines[0]) and bool(lines[-1])

    def _scalars_only(self, values: Any) -> bool:
        return all(not isinstance(v, dict | list) and v is not None for v in values)

    def _dict_value(self, value: dict[str, Any], pad: str) -> str:
        if not value:
            return f" {{}}{self.eol()}\n"
        if self._scalars_only(value.values()) and self.rng.random() < self.style.flow_share:
            inner = ", ".join(f"{k}: {self._flow_scalar(v)}" for k, v in value.items())
            return f" {{{inner}}}{self.eol()}\n"
        inner_pad = pad + " " * self.style.step
        body = "".join(self.lines_above(inner_pad) + self.entry(k, v, inner_pad)
                       for k, v in value.items())
        return f"{self.eol()}\n{body}"

    def _flow_scalar(self, value: Any) -> str:
        text = self.scalar(value)
        # Inside a flow collection, `,[]{}` end a plain scalar: quote those.
        if text == str(value) and isinstance(value, str) and re.search(r"[,\[\]{}]", text):
            return json.dumps(value)
        return text or "''"

    def _list_value(self, value: list[Any], pad: str) -> str:
        if not value:
            return f" []{self.eol()}\n"
        if self._scalars_only(value) and self.rng.random() < self.style.flow_share:
            items = [self._flow_scalar(v) for v in value]
            if self.rng.random() < 0.5:
                return f" [{', '.join(items)}]{self.eol()}\n"
            # Over several lines, a comment after any item.
            inner = pad + " " * self.style.step
            lines = [f"{inner}{item}{',' if i < len(items) - 1 else ''}{self.eol()}\n"
                     for i, item in enumerate(items)]
            return f" [{self.eol()}\n{''.join(lines)}{pad}]{self.eol()}\n"
        dash_pad = pad + " " * self.style.offset
        item_pad = dash_pad + " " * len(self.style.dash)
        out = [f"{self.eol()}\n"]
        for item in value:
            out.append(self.lines_above(dash_pad))
            if isinstance(item, dict) and item:
                keys = list(item.items())
                first = self.entry(keys[0][0], keys[0][1], item_pad,
                                   first_pad=dash_pad + self.style.dash)
                rest = "".join(self.lines_above(item_pad) + self.entry(k, v, item_pad)
                               for k, v in keys[1:])
                out.append(first + rest)
            else:
                text = self.scalar(item) if not isinstance(item, dict) else "{}"
                out.append(f"{dash_pad}{self.style.dash}{text}{self.eol()}\n")
        return "".join(out)


def render(data: dict[str, Any], rng: random.Random) -> Layout:
    """`data` (a pairing's plain data, dates as text) in a random hand-written layout."""
    style = Style.draw(rng)
    w = _Writer(rng, style)
    header = ""
    if style.header:
        header = "".join(f"{w._comment()}\n" for _ in range(rng.randint(1, 3))) + "---\n"
    elif rng.random() < 0.2:
        header = "---\n"
    sections: dict[str, str] = {}
    body = []
    for key, value in data.items():
        above = w.lines_above("")
        entry = w.entry(key, value, "")
        sections[key] = entry
        body.append(above + entry)
    tail = f"...\n{w._comment()}\n" if style.doc_end else ""
    text = header + "".join(body) + tail
    if style.crlf:
        text = text.replace("\n", "\r\n")
    if style.bom:
        text = "\ufeff" + text
    return Layout(text, style, w.comments, header, tail, sections)

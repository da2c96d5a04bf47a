"""How every command's help is laid out: plain text, like `revmentor --help`.

Typer's rich help puts a type label beside each value ("<str>" beside a pairing's name,
"<bool>" beside every flag) that only adds noise; its plain help leaves flags bare, and
`Command` below writes arguments as their name and help alone.

Text is wrapped here rather than by click, so that no paragraph ends with one word on a
line of its own and no example command (`Example: revmentor list --json`) is broken
across lines, at whatever width the terminal has. Each wrapped paragraph is handed to
click as a `\b` block, which click writes as it is.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup


def commands(help: str | None = None, *, no_args_is_help: bool = False) -> typer.Typer:
    """The Typer app of a command module (shell completion is offered by none of them)."""
    return typer.Typer(
        help=help,
        no_args_is_help=no_args_is_help,
        add_completion=False,
        rich_markup_mode=None,
    )


RAW = "\b"  # click's mark for a paragraph it must not wrap again
_NBSP = "\u00a0"
_EXAMPLES_RE = re.compile(r"^(Examples?:) (.*)$", re.DOTALL)


def _keep_examples_whole(paragraph: str) -> str:
    """`Examples: revmentor a · revmentor b`: each command joined by non-breaking spaces."""
    m = _EXAMPLES_RE.match(paragraph)
    if not m:
        return paragraph
    commands = [c.replace(" ", _NBSP) for c in m.group(2).split(" · ")]
    return f"{m.group(1)} " + " · ".join(commands)


def balanced(text: str, width: int) -> list[str]:
    """`text` wrapped to `width`, with no single word left alone on the last line."""
    flat = _keep_examples_whole(" ".join(text.split()))
    lines = textwrap.wrap(flat, max(width, 10), break_long_words=False, break_on_hyphens=False)
    if len(lines) >= 2 and " " not in lines[-1]:
        before = lines[-2].rsplit(" ", 1)
        moved = f"{before[-1]} {lines[-1]}"
        if len(before) == 2 and len(moved) <= width:
            lines[-2:] = [before[0], moved]
    return [line.replace(_NBSP, " ") for line in lines]


def _raw(lines: list[str]) -> str:
    return "\n".join([RAW, *lines])


def balanced_help(text: str, width: int) -> str:
    """A help text's paragraphs, each balanced; `\b` blocks (examples) kept as written."""
    out = []
    for paragraph in text.split("\n\n"):
        if paragraph.lstrip().startswith(RAW):
            out.append(paragraph)
        else:
            out.append(_raw(balanced(paragraph, width)))
    return "\n\n".join(out)


def write_rows(formatter: Any, rows: list[tuple[str, str]]) -> None:
    """`formatter.write_dl(rows)`, with each second column balanced for the width click
    gives it (the same arithmetic as click's `write_dl`)."""
    col_max, col_spacing = 30, 2
    first_col = min(max((len(first) for first, _ in rows), default=0), col_max) + col_spacing
    text_width = max(formatter.width - first_col - 2, 10)
    formatter.write_dl(
        [
            (first, _raw(balanced(second, text_width)) if second else second)
            for first, second in rows
        ],
        col_max=col_max,
        col_spacing=col_spacing,
    )


class Command(TyperCommand):
    """A command whose help lists its arguments by name, without a type label."""

    def format_help_text(self, ctx: Any, formatter: Any) -> None:
        import inspect

        text = inspect.cleandoc(self.help or "").partition("\f")[0]
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                width = formatter.width - formatter.current_indent
                formatter.write_text(balanced_help(text, width))

    # Click's Context and HelpFormatter come bundled in Typer, which exports neither.
    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = [p for p in self.get_params(ctx) if not getattr(p, "hidden", False)]
        arguments = [
            (p.metavar or (p.name or "").upper(), getattr(p, "help", None) or "")
            for p in params
            if p.param_type_name == "argument"
        ]
        options = [
            record
            for p in params
            if p.param_type_name == "option" and (record := p.get_help_record(ctx)) is not None
        ]
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    write_rows(formatter, rows)


class ListByDefault(TyperGroup):
    """A command group whose `list` runs when no other command is named.

    `revmentor steps helen-sam` lists, `revmentor steps done helen-sam 2` closes: a first
    word that is not one of the group's commands is the pairing of `list`.
    """

    # ctx is a click Context, bundled inside Typer, which does not export it.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = ["list", *args]
        result: list[str] = super().parse_args(ctx, args)
        return result


def group(help: str) -> typer.Typer:
    """The Typer app of a command group that lists by default (see ListByDefault)."""
    return typer.Typer(
        help=help,
        cls=ListByDefault,
        add_completion=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

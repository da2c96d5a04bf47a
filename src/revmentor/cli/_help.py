"""How every command's help is laid out: plain text, like `revmentor --help`.

Typer's rich help puts a type label beside each value ("<str>" beside a pairing's name,
"<bool>" beside every flag) that only adds noise; its plain help leaves flags bare, and
`Command` below writes arguments as their name and help alone.
"""

from __future__ import annotations

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


class Command(TyperCommand):
    """A command whose help lists its arguments by name, without a type label."""

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
                    formatter.write_dl(rows)


class ListByDefault(TyperGroup):
    """A command group whose `list` runs when no other command is named.

    `revmentor steps helen-sam` lists, `revmentor steps done helen-sam 2` closes: a first
    word that is not one of the group's commands is the pairing of `list`.
    """

    # ctx is a click Context, bundled inside Typer, which does not export it.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # While the shell completes a line, the first word may be a command half typed.
        named = args and (args[0] in self.commands or args[0] in ("-h", "--help"))
        if not named and not ctx.resilient_parsing:
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

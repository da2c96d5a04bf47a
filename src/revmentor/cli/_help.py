"""How every command's help is laid out: plain text, like `revmentor --help`.

Typer's rich help puts a type label beside each value ("<str>" beside a pairing's name,
"<bool>" beside every flag) that only adds noise; its plain help leaves flags bare, and
`Command` below writes arguments as their name and help alone.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand


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

"""The `revmentor` command line: a root group whose commands load only when used.

`revmentor --help` lists every command from the table below without importing any of
them, which keeps it fast; each command module is imported when it runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from revmentor import __version__
from revmentor.cli._help import balanced_help, write_rows

# name -> (module under revmentor.cli, one-line summary shown by `revmentor --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "start": ("start", "Launch a new pairing, step by step (the five-step action plan)."),
    "log-session": ("log_session", "Record a session: topics, what each of you learned."),
    "goals": ("goals", "Review, add and list goals (`goals review`, `add`, `list`)."),
    "status": ("status", "Where a pairing stands, and what to do next."),
    "prep": ("prep", "An agenda for your next conversation."),
    "export": ("export", "Write the plan as Markdown, a calendar (.ics) or JSON."),
    "share": ("share", "Write a partner bundle: your plan and sessions, no private notes."),
    "import": ("import_cmd", "Bring in a partner's bundle or a synced copy, and merge it."),
    "wrap-up": ("wrap_up", "Close the three months: look back, then renew, extend or conclude."),
    "reopen": ("reopen", "Reopen a concluded pairing so it can change again."),
    "check-goal": ("check_goal", "Check a goal's wording against REAL (or SMART)."),
    "self-check": ("self_check", "Check yourself against the Mentoring Essentials."),
    "guide": ("guide", "Conversation guides and checklists for each moment of a pairing."),
    "list": ("list_cmd", "List your pairings."),
    "show": ("show", "Show a whole pairing plan."),
    "edit": ("edit", "Open a pairing file in your editor, and check it afterwards."),
    "ask": ("ask", "Record when your ask went out and what the answer was."),
    "steps": ("steps", "List the open next steps; mark them done (`steps done N`)."),
    "sessions": ("sessions", "List sessions; show, edit or remove one (`sessions show N`)."),
    "doctor": ("doctor", "Check every pairing file and folder permission."),
    "paths": ("paths", "Print where revmentor keeps its files."),
    "search": ("search", "Find text in every pairing: goals, sessions, reviews, wrap-ups."),
    "restore": ("restore", "List a pairing's backups, or put one back."),
    "undo": ("undo", "Put back the version from before the last change."),
    "rename": ("rename", "Give a pairing a new name; its backups follow it."),
    "delete": ("delete", "Delete a pairing (its file is kept among the backups)."),
    "archive": ("archive", "Hide a pairing from `list` and `status`, keeping it whole."),
    "unarchive": ("unarchive", "Bring an archived pairing back into `list` and `status`."),
}

ABOUT = (
    "A coach for reverse mentoring: plan a three-month pairing across generations,\n"
    "log what each of you learns, review goals, and close the cycle well."
)

HELP_NAMES = ["-h", "--help"]


# ctx and formatter are click objects bundled inside Typer, which exports neither: Any.
class LazyGroup(TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        import importlib

        module = importlib.import_module(f"revmentor.cli.{entry[0]}")
        command = typer.main.get_command(module.app)
        command.name = cmd_name
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        # While the shell completes a line (resilient parsing), an unknown word is no error.
        unknown = args and args[0] not in COMMANDS and not args[0].startswith("-")
        if unknown and not ctx.resilient_parsing:
            from difflib import get_close_matches

            close = get_close_matches(args[0], list(COMMANDS), n=2)
            hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            ctx.fail(f"No such command {args[0]!r}.{hint}")
        name, command, rest = super().resolve_command(ctx, args)
        if name is not None:
            from revmentor.cli._common import set_running

            # A group's subcommand is part of the name: "goals-add".
            sub = rest[0] if rest and rest[0] in getattr(command, "commands", {}) else None
            set_running(f"{name}-{sub}" if sub else name)
        return name, command, rest

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Typer would turn Ctrl-C into a silent exit 130; the boundary says "Stopped."
            from revmentor.errors import Cancelled

            raise Cancelled("stopped") from None

    def format_help(self, ctx: Any, formatter: Any) -> None:
        # Plain text from the table above: no command module, no rich, no pairing file.
        formatter.write_usage(ctx.command_path, "[OPTIONS] COMMAND [ARGS]...")
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(balanced_help(ABOUT, formatter.width - formatter.current_indent))
        self.format_options(ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        rows = [r for p in self.get_params(ctx) if (r := p.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section("Options"):
                write_rows(formatter, rows)
        with formatter.section("Commands"):
            write_rows(formatter, [(name, summary) for name, (_, summary) in COMMANDS.items()])
        formatter.write_paragraph()
        formatter.write_text(
            balanced_help(
                "Run `revmentor COMMAND --help` for a command's options and examples. "
                "With no command, revmentor shows `status`.",
                formatter.width,
            )
        )


def _version(value: bool) -> None:
    if value:
        typer.echo(f"revmentor {__version__}")
        raise typer.Exit()


app = typer.Typer(
    cls=LazyGroup,
    invoke_without_command=True,
    # Typer's own --install-completion and --show-completion (bash, zsh, fish).
    add_completion=True,
    context_settings={"help_option_names": HELP_NAMES},
)


@app.callback()
def root(
    ctx: typer.Context,
    home: str | None = typer.Option(
        None,
        "--home",
        metavar="PATH",
        help="Data folder to use (default: your user data folder, or $REVMENTOR_HOME).",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks on errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """A coach for reverse mentoring."""
    if home:
        os.environ["REVMENTOR_HOME"] = str(os.path.abspath(os.path.expanduser(home)))
    if ctx.invoked_subcommand is None:
        from revmentor.cli.status import show_default

        show_default()


def _print_error(message: str, hint: str | None = None) -> None:
    from revmentor.views.text import clean

    line = f"Error: {clean(message)}"
    if sys.stderr is not None and sys.stderr.isatty():
        # rich decides whether and how to colour: NO_COLOR, FORCE_COLOR, TERM=dumb, and
        # the Windows consoles that need their own calls rather than escape codes. The
        # line break is written apart: rich 13 would colour it too.
        from rich.console import Console

        console = Console(file=sys.stderr, highlight=False, markup=False, soft_wrap=True)
        console.print(line, style="red", end="")
        line = ""
    sys.stderr.write(line + "\n")
    if hint:
        sys.stderr.write(clean(hint) + "\n")


def _print_usage_error(exc: typer.TyperException) -> None:
    """A click-style error: the problem first, then the usage and where to find help.

    Typer's errors all share the protocol of its public TyperException (`exit_code`,
    `format_message()`); usage errors also carry the `ctx` of the command they concern.
    """
    # Typer passes pydantic's messages through, and pydantic labels a refusal raised in
    # validation "Value error, ", which says nothing to the person who typed the value.
    message = exc.format_message().replace(": Value error, ", ": ", 1)
    ctx = getattr(exc, "ctx", None)
    hint = None
    if ctx is not None:
        hint = f"{ctx.get_usage()}\nTry '{ctx.command_path} --help' for help."
    _print_error(message, hint)


def _refusal(exc: Exception) -> str | None:
    """The file format's refusal of a value, when that is what `exc` is, as one line."""
    if "pydantic" not in sys.modules:
        return None
    from pydantic import ValidationError

    if not isinstance(exc, ValidationError):
        return None
    from revmentor.model import first_problem

    return first_problem(exc)


def _after_saves(nothing: str) -> str:
    """What was saved before a failure: `nothing` only when that is true."""
    files = sys.modules.get("revmentor.files")
    saved = list(getattr(files, "SAVED", ()))
    if not saved:
        return nothing
    return f"The change was saved (in {saved[-1]}) before the failure; do not run it again."


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code: the one error boundary."""
    from revmentor.views.console import degrade_unencodable_output, note_replacements

    args = list(sys.argv[1:] if argv is None else argv)
    degrade_unencodable_output()
    try:
        return _run(args)
    finally:
        note_replacements()


def _run(args: list[str]) -> int:
    from revmentor.errors import Cancelled, RevmentorError

    debug = "--debug" in args
    files = sys.modules.get("revmentor.files")
    if files is not None:
        files.SAVED.clear()  # a run in the same process (tests) starts with nothing saved
    command = typer.main.get_command(app)
    try:
        rv: Any = command.main(args=args, prog_name="revmentor", standalone_mode=False)
    except (typer.Abort, KeyboardInterrupt, Cancelled):
        sys.stderr.write("\nStopped.\n")
        return 130
    except typer.TyperException as exc:
        _print_usage_error(exc)
        return exc.exit_code
    except Exception as exc:
        if isinstance(exc, RevmentorError):
            if debug:
                raise
            _print_error(exc.message, exc.hint)
            return exc.exit_code
        if isinstance(exc, BrokenPipeError):
            return 1
        if debug:
            raise
        if isinstance(exc, UnicodeEncodeError):
            _print_error(
                f"this terminal's encoding ({exc.encoding}) cannot show some of the text",
                "Use a UTF-8 locale (LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8, and run again.",
            )
            return 1
        refused = _refusal(exc)
        if refused is not None:
            _print_error(refused, _after_saves("Nothing was saved."))
            return 1
        _print_error(
            f"unexpected {type(exc).__name__}: {exc}",
            _after_saves("Nothing was saved.") + " Run again with --debug for details.",
        )
        return 1
    return rv if isinstance(rv, int) else 0


def main() -> None:
    import gc

    # One command is one short-lived process, and what it builds (a pairing's parsed
    # text, its models, the saved text) holds no cycles worth reclaiming. The cyclic
    # collector otherwise walks those objects again and again: 40-65% of the time of
    # reading or saving a pairing of 5,000 sessions, for no memory saved.
    gc.disable()
    sys.exit(run())

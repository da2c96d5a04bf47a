"""What the command modules share: the store, the terminal check, picking a pairing."""

from __future__ import annotations

import sys
from typing import Any

import typer

from revmentor.store import Store

# The command being run, as the command line resolved it ("log-session", "goals-add"):
# the backups its saves leave are named after it.
_running: list[str] = []


def set_running(name: str) -> None:
    _running[:] = [name]


def store() -> Store:
    return Store(command=_running[0] if _running else "")


def interactive() -> bool:
    """True when a person can answer questions: both ends are a terminal."""
    # With fd 0 or 1 closed, Python sets the stream to None.
    return (
        sys.stdin is not None
        and sys.stdout is not None
        and sys.stdin.isatty()
        and sys.stdout.isatty()
    )


def pick_pairing(st: Store, slug: str | None, *, command: str, ask: bool = True) -> str:
    """The pairing `command` works on; with `ask`, several are offered in a terminal."""
    from revmentor.wizard.pairing import pick

    return pick(st, slug, command=command, tty=ask and interactive())


def confirmed(question: str, *, yes: bool, what: str) -> bool:
    """Whether to go ahead: `--yes`, or the person's answer (no by default) in a terminal."""
    if yes:
        return True
    if not interactive():
        from revmentor.errors import NeedsTerminal

        raise NeedsTerminal(
            f"{what} asks before changing anything, and there is no terminal to ask in",
            "Add --yes to go ahead without being asked.",
        )
    from revmentor import prompts

    return prompts.confirm(question, default=False)


def pairing_argument(help: str, *, required: bool = False, deleted: bool = False) -> Any:
    """The PAIRING argument, completed with the names of your pairings by the shell (and,
    with `deleted`, of deleted pairings whose backups are kept)."""
    from revmentor.cli._complete import kept_pairings, pairings

    return typer.Argument(
        ... if required else None,
        metavar="PAIRING",
        help=help,
        autocompletion=kept_pairings if deleted else pairings,
    )


def unarchived(rows: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """`Store.read_all()` rows less the archived pairings (unreadable files stay: they need
    attention)."""
    return [(slug, item) for slug, item in rows if getattr(item, "archived", None) is None]

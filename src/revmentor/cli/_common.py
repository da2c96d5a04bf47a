"""What the command modules share: the store, the terminal check, picking a pairing."""

from __future__ import annotations

import sys

from revmentor.store import Store


def store() -> Store:
    return Store()


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

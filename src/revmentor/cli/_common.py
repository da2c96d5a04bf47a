"""What the command modules share: the store, picking a pairing, terminal checks."""

from __future__ import annotations

import sys

from revmentor.errors import BadInput, NeedsTerminal, NotFound
from revmentor.store import Store, check_slug


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


def pick_pairing(st: Store, slug: str | None, *, ask: bool = True) -> str:
    """The pairing a command works on: as given, the only one, or picked by the user."""
    if slug is not None:
        check_slug(slug)
        if not st.exists(slug):
            known = st.slugs()
            hint = f"Your pairings: {', '.join(known)}." if known else "Create one: revmentor start"
            raise NotFound(f"no pairing called '{slug}'", hint)
        return slug
    slugs = st.slugs()
    if not slugs:
        raise NotFound("you have no pairings yet", "Create one with: revmentor start")
    if len(slugs) == 1:
        return slugs[0]
    if ask and interactive():
        from revmentor import prompts

        return prompts.select("Which pairing?", slugs)
    raise BadInput(
        f"you have {len(slugs)} pairings; name one: {', '.join(slugs)}",
        f"For example: {_command_path()} {slugs[0]}",
    )


def _command_path() -> str:
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    return ctx.command_path if ctx is not None else "revmentor status"


def need_terminal(what: str, flags: str) -> NeedsTerminal:
    return NeedsTerminal(
        f"{what} needs answers, and there is no terminal to ask them in",
        f"Give them with {flags}.",
    )

"""Which pairing a command works on: as named, the only one, or picked from a list."""

from __future__ import annotations

from revmentor.errors import BadInput, NotFound
from revmentor.store import Store, check_slug


def pick(st: Store, slug: str | None, *, command: str, tty: bool) -> str:
    """The pairing `command` (like "revmentor prep") is about.

    Without a name: the only pairing there is, or, with several, the one picked in a
    terminal (`tty`); without a terminal the error names them, with `command` as the
    example to copy.
    """
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
    if tty:
        from revmentor import prompts

        return prompts.select("Which pairing?", slugs)
    raise BadInput(
        f"you have {len(slugs)} pairings; name one: {', '.join(slugs)}",
        f"For example: {command} {slugs[0]}",
    )

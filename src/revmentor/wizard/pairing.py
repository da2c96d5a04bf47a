"""Which pairing a command works on: as named, the only one, or picked from a list."""

from __future__ import annotations

from revmentor.errors import BadInput, NotFound
from revmentor.store import Store, check_slug


def pick(st: Store, slug: str | None, *, command: str, tty: bool) -> str:
    """The pairing `command` (like "revmentor prep") is about.

    Without a name: the only pairing there is, or, with several, the one picked in a
    terminal (`tty`); without a terminal the error names them, with `command` as the
    example to copy. Archived pairings are left out of that choice unless every pairing
    is archived; named, they are used like any other.
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
    if len(slugs) > 1:
        slugs = _in_view(st, slugs) or slugs
    if len(slugs) == 1:
        return slugs[0]
    if tty:
        from revmentor import prompts

        return prompts.select("Which pairing?", slugs)
    raise BadInput(
        f"you have {len(slugs)} pairings; name one: {', '.join(slugs)}",
        f"For example: {command} {slugs[0]}",
    )


def _in_view(st: Store, slugs: list[str]) -> list[str]:
    """`slugs` less the archived pairings (a file that does not read stays in view)."""
    from revmentor.errors import InvalidFile

    kept = []
    for slug in slugs:
        try:
            if st.read(slug).archived is not None:
                continue
        except InvalidFile:
            pass
        kept.append(slug)
    return kept

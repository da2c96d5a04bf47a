"""What the shell completes: pairing names and goal ids, read cheaply from the data folder.

Completion runs revmentor on every Tab, so these read a folder listing or one pairing
and never fail: a problem means no suggestions, not an error in the middle of a line.
"""

from __future__ import annotations

import typer


def pairings(incomplete: str) -> list[str]:
    from revmentor.store import Store

    try:
        return [s for s in Store().slugs() if s.startswith(incomplete)]
    except Exception:
        return []


def goal_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Goal ids of the pairing named on the line (or the only one there is)."""
    return _goal_ids(ctx, incomplete)


def goal_ratings(ctx: typer.Context, incomplete: str) -> list[str]:
    """`GOAL=` for `--progress GOAL=RATING`: the person types the rating."""
    return [f"{g}=" for g in _goal_ids(ctx, incomplete)]


def _goal_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    from revmentor.store import Store

    try:
        st = Store()
        slug = ctx.params.get("pairing") or ctx.params.get("pairing_opt")
        if not slug:
            slugs = st.slugs()
            slug = slugs[0] if len(slugs) == 1 else None
        if not slug:
            return []
        return [g.id for g in st.read(slug).goals if g.id.startswith(incomplete)]
    except Exception:
        return []

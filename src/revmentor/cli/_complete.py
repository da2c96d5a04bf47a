"""What the shell completes: pairing names and goal ids, read cheaply from the data folder.

Completion runs revmentor on every Tab, so these read a folder listing or one pairing
and never fail: a problem means no suggestions, not an error in the middle of a line.
"""

from __future__ import annotations

from pathlib import Path

import typer

from revmentor.store import Store


def _store(ctx: typer.Context) -> Store:
    """The store of the data folder the line names with --home, or the usual one."""
    home = ctx.find_root().params.get("home")
    return Store(Path(home).expanduser() if home else None)


def pairings(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        return [s for s in _store(ctx).slugs() if s.startswith(incomplete)]
    except Exception:
        return []


def kept_pairings(ctx: typer.Context, incomplete: str) -> list[str]:
    """Pairings, and deleted ones that still have backups (for `restore` and `undo`)."""
    try:
        st = _store(ctx)
        folder = st.backups_dir
        kept = [p.name for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []
        return sorted(s for s in {*st.slugs(), *kept} if s.startswith(incomplete))
    except Exception:
        return []


def goal_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Goal ids of the pairing named on the line (or the only one there is)."""
    return _goal_ids(ctx, incomplete)


def goal_ratings(ctx: typer.Context, incomplete: str) -> list[str]:
    """`GOAL=` for `--progress GOAL=RATING`: the person types the rating."""
    return [f"{g}=" for g in _goal_ids(ctx, incomplete)]


def _goal_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        st = _store(ctx)
        known = st.slugs()
        # An option still waiting for its value stops the parse before the PAIRING
        # argument is assigned; the words typed so far are then in ctx.args.
        typed = [ctx.params.get("pairing"), *ctx.args]
        slug = next((s for s in typed if s in known), None)
        if slug is None and len(known) == 1:
            slug = known[0]
        if slug is None:
            return []
        return [g.id for g in st.read(slug).goals if g.id.startswith(incomplete)]
    except Exception:
        return []

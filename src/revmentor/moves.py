"""Renaming and deleting a pairing: whole files and folders moved, each in one step.

Both work under the pairing's lock (a rename under both names' locks), so no save can
land in between. A delete moves the file into the pairing's backups, where `restore`
finds it. A rename moves the backups, then the drafts, then the pairing file last: a
rename stopped part way moves back what it had moved; one killed part way leaves the
pairing under its old name, and running it again finishes it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.errors import AlreadyExists, BadInput, Concluded, InvalidFile, NotFound
from revmentor.files import move
from revmentor.store import Store, check_slug, parse

if TYPE_CHECKING:
    from revmentor.model import Pairing


def drafts_dir(st: Store, slug: str) -> Path:
    """Where drafts that belong to one pairing are kept: they follow it when renamed."""
    return st.home / "drafts" / check_slug(slug)


def deletable(st: Store, slug: str) -> Pairing | None:
    """The pairing about to be deleted (None if its file does not read), or why not."""
    path = st.path_for(slug)
    text = st.read_text(slug)
    try:
        _, pairing = parse(text, path)
    except InvalidFile:
        return None
    if pairing.state == "concluded":
        raise Concluded(
            f"'{slug}' is concluded, and a concluded pairing is kept as the record of it",
            f"Hide it from the list with `revmentor archive {slug}`, "
            f"or reopen it first with `revmentor reopen {slug}`.",
        )
    return pairing


def delete(st: Store, slug: str) -> Path:
    """Move the pairing's file into its backups; return where it went."""
    with st.lock(slug):
        deletable(st, slug)  # again, under the lock
        target = st.new_backup_path(slug)
        move(st.path_for(slug), target)
        _forget(st, slug)
    return target


def rename(st: Store, old: str, new: str) -> None:
    """Give pairing `old` the name `new`; its backups and drafts go with it."""
    check_slug(old)
    check_slug(new)
    if old == new:
        raise BadInput(f"'{old}' already has that name")
    if not st.exists(old):
        st.read_text(old)  # raises the friendly NotFound
    first, second = sorted((old, new))
    with st.lock(first), st.lock(second):
        if st.exists(new):
            raise AlreadyExists(
                f"a pairing called '{new}' already exists",
                "Choose another name, or rename that pairing first.",
            )
        if not st.exists(old):
            raise NotFound(f"no pairing called '{old}'")
        folders = [(st.backups_dir / old, st.backups_dir / new),
                   (drafts_dir(st, old), drafts_dir(st, new))]
        for source, target in folders:
            if source.exists() and target.exists():
                raise AlreadyExists(
                    f"'{new}' is free, but {target} still holds files of an earlier '{new}'",
                    "Move that folder aside, or choose another name.",
                )
        moves = [*folders, (st.path_for(old), st.path_for(new))]
        done: list[tuple[Path, Path]] = []
        try:
            for source, target in moves:
                if source.exists():
                    move(source, target)
                    done.append((source, target))
        except BaseException:
            # Stopped (Ctrl-C, a full disk): what moved goes back. Only a kill gets past
            # this, and then running the rename again finishes it.
            for source, target in reversed(done):
                with contextlib.suppress(Exception):
                    move(target, source)
            raise
        _forget(st, old)


def _forget(st: Store, slug: str) -> None:
    # The read cache is only a copy; a stale one would be keyed to a file that is gone.
    with contextlib.suppress(OSError):
        st.cache_path(slug).unlink()

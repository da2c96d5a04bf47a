"""Where an export, a bundle or a story may be written: never over revmentor's own files.

A file written on request replaces whatever is at its name. Two kinds of target are
refused whatever `--force` says: anything inside the data folder (a pairing, a backup,
a draft: replacing one would lose it with no backup), and anything that is not a regular
file (a named pipe or a device would otherwise be swapped for a plain file).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from revmentor.errors import BadInput

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _inside(path: Path, folder: Path) -> bool:
    # Both resolved, so a link pointing into the data folder, or a data folder reached
    # through a link, counts as inside.
    target = Path(os.path.realpath(path))
    root = Path(os.path.realpath(folder))
    return target == root or root in target.parents


def _kind(path: Path) -> str | None:
    """What `path` is when it exists and is not a regular file (links followed)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_target(path: Path, home: Path) -> Path:
    """`path`, or BadInput when writing there would replace something it must not."""
    if _inside(path, home):
        raise BadInput(
            f"{path} is inside revmentor's data folder ({home}), so nothing was written there",
            "Choose a file outside it, e.g. in your documents; --force does not change this.",
        )
    kind = _kind(path)
    if kind is not None:
        raise BadInput(
            f"{path} is {kind}, not a regular file, so it was left as it is",
            "Give the name of a file to write, or '-' for standard output.",
        )
    return path

"""The copies file-sync tools leave beside a file they could not sync, told by their names.

When the same pairing changes on two machines before a synced folder catches up, the tool
keeps both: the second under a new name. Which name depends on the tool:

- Syncthing: `helen-sam.sync-conflict-20261130-101112-ABCDEF7.yaml`
- Dropbox: `helen-sam (conflicted copy 2026-11-30).yaml`, or `(Helen's conflicted copy …)`
- Nextcloud: `helen-sam (conflicted copy 2026-11-30 101112).yaml`
- ownCloud (older clients): `helen-sam_conflict-20261130-101112.yaml`
- OneDrive: `helen-sam-DESKTOP-4K2J9.yaml`, the computer's name added
- iCloud Drive and others: `helen-sam 2.yaml`, `helen-sam (1).yaml`

A pairing's own name is a slug (lowercase letters, digits, hyphens), so a name that is
not one, and turns into one when the tool's mark is taken off, is such a copy.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from revmentor.vocab import SLUG_RE

# A parenthesised note, which may hold a counter of its own: "(… copy 2026-11-30 (1))".
_NOTE = r"(?:[^()]|\(\d+\))*"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "Syncthing",
        re.compile(r"^(?P<slug>.+?)(?:\.sync-conflict-\d{8}-\d{6}(?:-[A-Za-z0-9]+)?)+$"),
    ),
    (
        "Dropbox or Nextcloud",
        re.compile(rf"^(?P<slug>.+?) \({_NOTE}conflict{_NOTE}\)$", re.IGNORECASE),
    ),
    ("ownCloud", re.compile(r"^(?P<slug>.+?)_conflict[-_].+$")),
    ("a file-sync tool", re.compile(r"^(?P<slug>.+?)(?: \(\d+\)| \d+)$")),
)
# OneDrive adds "-" and the computer's name. Only a name with a capital in it is told
# apart: a lowercase one would make a slug, that is a pairing's name.
_COMPUTER = re.compile(r"^[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*$")


@dataclass(frozen=True)
class SyncCopy:
    path: Path
    slug: str  # the pairing it is a copy of
    tool: str  # who leaves names like it


def sync_copy(path: Path, slugs: Collection[str]) -> SyncCopy | None:
    """What `path` is a copy of, when its name is one a file-sync tool gives; else None.

    `slugs` are the pairings there are: a OneDrive name counts only for one of them,
    since "-Word" after a name is otherwise just a name.
    """
    stem = path.stem
    if path.suffix != ".yaml" or SLUG_RE.match(stem):
        return None
    for tool, pattern in PATTERNS:
        found = pattern.match(stem)
        if found is not None and SLUG_RE.match(found["slug"]):
            return SyncCopy(path, found["slug"], tool)
    for at in (i for i, c in enumerate(stem) if c == "-"):
        if stem[:at] in slugs and _COMPUTER.match(stem[at + 1 :]):
            return SyncCopy(path, stem[:at], "OneDrive")
    return None

"""A pairing's backups: what each one is, and putting one back.

Every save keeps the version it replaces in backups/<pairing>/, named
`NNNNNN-YYYYMMDDTHHMMSS-COMMAND.yaml`: a sequence number that never repeats (it is the
number people type), when the backup was taken, and the command whose change it came
before. Backups from before commands were named in them read as "an earlier change".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from revmentor.errors import BadInput, Conflict, NotFound
from revmentor.files import read_regular_file
from revmentor.store import Store, check_slug, parse
from revmentor.vocab import SLUG_RE

STAMP = "%Y%m%dT%H%M%S"


@dataclass(frozen=True)
class Backup:
    number: int
    path: Path
    taken: datetime | None
    # The command about to change the file when this copy was kept; "" when unknown.
    command: str

    def as_json(self) -> dict[str, object]:
        return {
            "number": self.number,
            "taken": self.taken.isoformat(timespec="seconds") if self.taken else None,
            "before": self.command or None,
            "path": str(self.path),
        }


def describe(path: Path) -> Backup:
    """What a backup's file name says about it."""
    seq, _, rest = path.stem.partition("-")
    stamp, _, command = rest.partition("-")
    try:
        taken: datetime | None = datetime.strptime(stamp, STAMP)
    except ValueError:
        taken, command = None, rest
    if not SLUG_RE.match(command):
        command = ""
    return Backup(int(seq), path, taken, command)


def known(st: Store, slug: str) -> str:
    """`slug`, when it has a file or backups (a deleted pairing has only backups)."""
    if not st.exists(check_slug(slug)) and not st.backups(slug):
        raise NotFound(f"no pairing called '{slug}'", _known_hint(st))
    return slug


def listing(st: Store, slug: str) -> list[Backup]:
    """The backups of `slug`, newest first."""
    return [describe(p) for p in reversed(st.backups(check_slug(slug)))]


def find(st: Store, slug: str, number: int) -> Backup:
    found = listing(st, slug)
    if not found:
        raise NotFound(f"'{slug}' has no backups", _known_hint(st))
    for backup in found:
        if backup.number == number:
            return backup
    numbers = ", ".join(str(b.number) for b in found[:5])
    raise NotFound(
        f"'{slug}' has no backup {number}",
        f"Its newest: {numbers}. See them all: revmentor restore {slug}",
    )


def latest(st: Store, slug: str) -> Backup:
    """The version from before the last change, for `undo`."""
    found = listing(st, slug)
    if not found:
        if not st.exists(slug):
            raise NotFound(f"no pairing called '{slug}'", _known_hint(st))
        raise BadInput(
            f"nothing to undo: '{slug}' has not changed since it was created",
            "Each change keeps the version before it; there is none yet.",
        )
    return found[0]


def restore(st: Store, slug: str, backup: Backup, expected: str | None) -> bool:
    """Put `backup` back as the pairing; the version it replaces becomes a backup itself.

    `expected` is the text the person saw when deciding (None: there was no file); if the
    file changed since, nothing is written. False when the file already holds the backup.
    """
    text = read_regular_file(backup.path)
    if text == expected:
        return False
    parse(text, backup.path)  # an unreadable backup is named as itself, and left alone
    if expected is None and st.exists(slug):
        raise Conflict(f"'{slug}' was created again while you were deciding")
    st.replace_text(slug, text, expected=expected)
    return True


def current_text(st: Store, slug: str) -> str | None:
    """The pairing's text now, or None when it has no file (deleted, say)."""
    return st.read_text(slug) if st.exists(slug) else None


def _known_hint(st: Store) -> str:
    known = st.slugs()
    return f"Your pairings: {', '.join(known)}." if known else "See `revmentor list`."

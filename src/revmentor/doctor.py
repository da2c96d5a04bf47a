"""Checks behind `revmentor doctor`: files that do not validate, loose permissions, and
the copies file-sync tools leave beside a pairing."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor import files
from revmentor.errors import InvalidFile, RevmentorError
from revmentor.files import TEMP_SUFFIX, odd_file, remove_leftovers
from revmentor.store import DIR_MODE, FILE_MODE, Store, parse
from revmentor.sync_copies import sync_copy

if TYPE_CHECKING:
    from revmentor.model import Pairing


@dataclass
class Problem:
    what: str
    fix: str


@dataclass
class Findings:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    # Copies interrupted saves left, removed by this check.
    removed: list[Path] = field(default_factory=list)


def _mode(path: Path) -> int:
    # Windows reports every file as 0o666 and keeps access in ACLs: no mode to check there.
    return stat.S_IMODE(path.stat().st_mode) if files.POSIX else FILE_MODE


def diagnose(st: Store) -> Findings:
    found = Findings()
    # The cache holds the same data as the pairings, so it gets the same check.
    cache = st.home / "cache"
    for folder in (st.home, st.pairings_dir, st.backups_dir, cache, cache / "templates"):
        if folder.is_dir() and _mode(folder) & 0o077:
            found.problems.append(
                Problem(
                    f"{folder} can be read by others (mode {_mode(folder):o})",
                    f"chmod {DIR_MODE:o} '{folder}'",
                )
            )
    if not st.pairings_dir.is_dir():
        return found
    slugs = st.slugs()
    for path in sorted(st.pairings_dir.glob("*.yaml")):
        odd = odd_file(path)
        if odd is not None:
            found.problems.append(
                Problem(
                    f"{path} is {odd}, so revmentor skips it",
                    f"move it out of the folder: mv '{path}' '{st.home}'",
                )
            )
            continue
        if path.stem not in slugs:
            if sync_copy(path, slugs) is not None:
                continue  # told apart by sync_copy_problems
            found.problems.append(
                Problem(
                    f"{path.name} is not named as a pairing (lowercase letters, digits, hyphens)",
                    f"rename it, e.g. mv '{path}' '{st.pairings_dir}/{path.stem.lower()}.yaml'",
                )
            )
            continue
        found.checked += 1
        if _mode(path) & 0o077:
            found.problems.append(
                Problem(
                    f"{path} can be read by others (mode {_mode(path):o})",
                    f"chmod {FILE_MODE:o} '{path}'",
                )
            )
        try:
            # The file itself, not the read cache: this is the check a person asked for.
            parse(st.read_text(path.stem), path)
        except InvalidFile as exc:
            for line in exc.problems:
                found.problems.append(
                    Problem(line, f"correct it by hand, or run: revmentor edit {path.stem}")
                )
    for folder in sorted(st.backups_dir.glob("*")) if st.backups_dir.is_dir() else []:
        for backup in folder.glob("*.yaml"):
            if _mode(backup) & 0o077:
                found.problems.append(
                    Problem(f"backup {backup} can be read by others", f"chmod 600 '{backup}'")
                )
    found.problems.extend(sync_copy_problems(st))
    # The read cache may lose a copy at any time: its writes only make reads faster.
    for folder in (st.home, st.pairings_dir, st.cache_dir):
        found.removed += remove_leftovers(folder)
    for folder in _subfolders(st.backups_dir):
        # Backups are written under their pairing's lock.
        lock = st.pairings_dir / f".{folder.name}.yaml.lock"
        found.removed += remove_leftovers(folder, lock)
    found.problems.extend(leftover_problems(st))
    return found


def leftover_problems(st: Store) -> list[Problem]:
    """Copies that saves killed half-way left, and that could not be removed safely now
    (a save may be under way); the next save of the file removes them."""
    out = []
    for folder in (st.home, st.pairings_dir, st.cache_dir, *_subfolders(st.backups_dir)):
        if not folder.is_dir():
            continue
        for leftover in sorted(folder.glob(f".*{TEMP_SUFFIX}")):
            out.append(
                Problem(
                    f"{leftover} is a copy an interrupted save left behind",
                    f"rm '{leftover}' (the next save of that file removes it too)",
                )
            )
    return out


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def sync_copy_problems(st: Store) -> list[Problem]:
    """The copies a file-sync tool left beside a pairing, each with the command to merge it,
    or, once everything in it is in the pairing, to delete it."""
    import shlex

    slugs = st.slugs()
    out = []
    for path in sorted(st.pairings_dir.glob("*.yaml")):
        copy = sync_copy(path, slugs)
        if copy is None:
            continue
        name, slug, quoted = path.name, copy.slug, shlex.quote(str(path))
        what = f"{name} is a copy of '{slug}' that {copy.tool} kept when two machines changed it"
        if slug not in slugs:
            fix = f"mv {quoted} {shlex.quote(str(st.path_for(slug)))}"
            out.append(Problem(f"{what}, and there is no '{slug}' now", fix))
            continue
        try:
            ours = st.read(slug)
        except InvalidFile:
            fix = f"revmentor edit {slug}, then run revmentor doctor again"
            out.append(Problem(f"{what}; '{slug}' itself needs mending first", fix))
            continue
        try:
            merged = _merged(ours, copy.path, slug)
        except (RevmentorError, OSError) as exc:
            why = exc.message if isinstance(exc, RevmentorError) else exc.strerror
            fix = f"open it, copy what you need with `revmentor edit {slug}`, then delete it"
            out.append(Problem(f"{what}, but it cannot be merged: {why}", fix))
            continue
        if merged:
            fix = f"revmentor import {quoted} --into {slug}"
            out.append(Problem(f"{what}; it holds changes '{slug}' lacks", fix))
        else:
            out.append(Problem(f"{what}; everything in it is in '{slug}' already", f"rm {quoted}"))
    return out


def _merged(ours: Pairing, path: Path, slug: str) -> bool:
    """Whether merging the copy at `path` into `ours` (the pairing `slug`) would change it."""
    from revmentor.coach.exchange import destination
    from revmentor.coach.merge import merge
    from revmentor.files import read_regular_file

    copy = parse(read_regular_file(path), path)[1]
    found = destination(copy, {slug: ours}, slug)
    return merge(ours, found.incoming).changed

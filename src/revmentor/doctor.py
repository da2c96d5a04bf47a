"""Checks behind `revmentor doctor`: files that do not validate, loose permissions."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from revmentor.errors import InvalidFile
from revmentor.store import DIR_MODE, FILE_MODE, Store, parse


@dataclass
class Problem:
    what: str
    fix: str


@dataclass
class Findings:
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


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
    for path in sorted(st.pairings_dir.glob("*.yaml")):
        if path.stem not in st.slugs():
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
    return found

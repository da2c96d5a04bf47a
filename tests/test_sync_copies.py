"""The copies file-sync tools leave beside a pairing: told by name, offered to `import`
by `doctor`, and, once merged, offered for deletion."""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from revmentor.store import Store
from revmentor.sync_copies import sync_copy
from tests.conftest import Result
from tests.helpers_faults import make_pairing

SLUGS = {"helen-sam", "kim"}

COPIES = [
    ("helen-sam (conflicted copy 2026-11-30).yaml", "helen-sam", "Dropbox or Nextcloud"),
    ("helen-sam (Helen's conflicted copy 2026-11-30).yaml", "helen-sam", "Dropbox or Nextcloud"),
    (
        "helen-sam (Helen's conflicted copy 2026-11-30 (1)).yaml",
        "helen-sam",
        "Dropbox or Nextcloud",
    ),
    ("helen-sam (Case Conflict).yaml", "helen-sam", "Dropbox or Nextcloud"),
    ("helen-sam (conflicted copy 2026-11-30 101112).yaml", "helen-sam", "Dropbox or Nextcloud"),
    (
        "helen-sam (conflicted copy Helen 2026-11-30 101112).yaml",
        "helen-sam",
        "Dropbox or Nextcloud",
    ),
    ("helen-sam.sync-conflict-20261130-101112-ABCDEF7.yaml", "helen-sam", "Syncthing"),
    ("helen-sam.sync-conflict-20261130-101112.yaml", "helen-sam", "Syncthing"),
    (
        "helen-sam.sync-conflict-20261130-101112-ABCDEF7.sync-conflict-20261201-090000-XYZ1234.yaml",
        "helen-sam",
        "Syncthing",
    ),
    ("helen-sam_conflict-20261130-101112.yaml", "helen-sam", "ownCloud"),
    ("helen-sam-DESKTOP-4K2J9.yaml", "helen-sam", "OneDrive"),
    ("kim-LAPTOP.yaml", "kim", "OneDrive"),
    ("helen-sam 2.yaml", "helen-sam", "a file-sync tool"),
    ("helen-sam (1).yaml", "helen-sam", "a file-sync tool"),
    ("old-pairing (conflicted copy 2026-11-30).yaml", "old-pairing", "Dropbox or Nextcloud"),
]

NOT_COPIES = [
    "helen-sam.yaml",  # the pairing itself
    "helen-sam-2.yaml",  # a pairing of its own name
    "Helen-Sam.yaml",  # a name typed with capitals
    "helen-sam.yml",
    "helen-sam (conflicted copy 2026-11-30).md",
    "Notes (conflicted copy).yaml",  # not a copy of anything named as a pairing
    "someone-DESKTOP-4K2J9.yaml",  # OneDrive's mark, but no pairing called "someone"
    "helen-sam.sync-conflict-2026.yaml",
]


@pytest.mark.parametrize("name,slug,tool", COPIES, ids=[c[0] for c in COPIES])
def test_copies_are_told_by_their_names(name: str, slug: str, tool: str) -> None:
    found = sync_copy(Path(name), SLUGS)
    assert found is not None and (found.slug, found.tool) == (slug, tool)


@pytest.mark.parametrize("name", NOT_COPIES)
def test_other_names_are_not_copies(name: str) -> None:
    assert sync_copy(Path(name), SLUGS) is None


Cli = Callable[..., Result]

# The last line of `doctor`: "1 problem; 2 pairing files checked."
_SUMMARY = re.compile(r"\d+ problems?; ")


def problems(result: Result) -> list[tuple[str, str]]:
    """doctor's findings as (what, fix), read unwrapped."""
    lines = result.out.splitlines()
    out: list[tuple[str, str]] = []
    for line in lines:
        if line.startswith("✗ "):
            out.append((line[2:], ""))
        elif line.startswith("  fix: "):
            out[-1] = (out[-1][0], line[7:])
        elif out and line and not line.startswith(("  ", "✗")) and not _SUMMARY.match(line):
            what, fix = out[-1]
            if fix:
                out[-1] = (what, f"{fix} {line}")
            else:
                out[-1] = (f"{what} {line}", fix)
    return out


def test_doctor_offers_import_for_a_copy_then_deletion_once_merged(
    cli: Cli, home: Path, today: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    today("2026-11-21")
    path = make_pairing(home, "helen-sam", private="the desktop's note")
    home.chmod(0o700)
    # The desktop logged a session while the laptop's copy of the folder was behind.
    saved = path.read_bytes()
    assert (
        cli(
            "log-session",
            "helen-sam",
            "--date",
            "2026-11-20",
            "--topic",
            "desktop",
            "--private-note",
            "logged on the desktop",
            "--yes",
        ).code
        == 0
    )
    copy = path.with_name("helen-sam (Helen's conflicted copy 2026-11-30).yaml")
    shutil.move(path, copy)
    path.write_bytes(saved)
    path.chmod(0o600)

    first = cli("doctor")
    assert first.code == 1
    assert problems(first) == [
        (
            "helen-sam (Helen's conflicted copy 2026-11-30).yaml is a copy of 'helen-sam' that "
            "Dropbox or Nextcloud kept when two machines changed it; it holds changes "
            "'helen-sam' lacks",
            f"revmentor import {shlex.quote(str(copy))} --into helen-sam",
        )
    ]
    merged = cli("import", str(copy), "--into", "helen-sam", "--yes")
    assert merged.code == 0, merged.output
    assert "another copy of your own pairing with Sam Rivera" in merged.out
    assert "you can delete that copy" in merged.out
    s = Store(home).read("helen-sam").sessions[-1]
    assert (s.topics, s.private_note) == (["desktop"], "logged on the desktop")
    assert s.written_by is None, "a copy of one's own is written by oneself"
    exported = cli("export", "helen-sam", "--format", "json", "-o", "-")
    assert exported.code == 0 and "logged on the desktop" not in exported.out

    second = cli("doctor")
    assert problems(second) == [
        (
            "helen-sam (Helen's conflicted copy 2026-11-30).yaml is a copy of 'helen-sam' that "
            "Dropbox or Nextcloud kept when two machines changed it; everything in it is in "
            "'helen-sam' already",
            f"rm {shlex.quote(str(copy))}",
        )
    ]
    copy.unlink()
    assert cli("doctor").code == 0


def test_doctor_names_a_copy_it_cannot_read_and_one_without_its_pairing(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    make_pairing(home, "helen-sam")
    home.chmod(0o700)
    folder = home / "pairings"
    (folder / "helen-sam.sync-conflict-20261130-101112-ABCDEF7.yaml").write_text("me: [\n")
    (folder / "gone (conflicted copy 2026-11-30).yaml").write_text("x: 1\n")
    for p in folder.glob("*.yaml"):
        p.chmod(0o600)
    found = problems(cli("doctor"))
    assert len(found) == 2
    gone, broken = found
    assert gone[0].endswith("and there is no 'gone' now")
    assert (
        gone[1] == f"mv {shlex.quote(str(folder / 'gone (conflicted copy 2026-11-30).yaml'))} "
        f"{folder / 'gone.yaml'}"
    )
    assert (
        "Syncthing" in broken[0]
        and "cannot be merged" in broken[0]
        and "not valid YAML" in broken[0]
    )
    assert (
        broken[1] == "open it, copy what you need with `revmentor edit helen-sam`, then delete it"
    )

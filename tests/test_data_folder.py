"""Odd things in the data folder: each file type named `*.yaml`, duplicate keys, links,
folders revmentor did not make, copies killed saves left, and a disk that says no.

Every read command finishes (a FIFO is never waited on), says what it skipped, and no
file is changed by a refusal.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.helpers_faults import Outcome, Snapshot, Tally, make_pairing, run_cli

TALLY = Tally("data folder")


@pytest.fixture(scope="module", autouse=True)
def _count() -> Iterator[None]:
    yield
    TALLY.report()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _dev_null_node(path: Path) -> None:
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        path.symlink_to("/dev/null")  # not root: a link to the device instead


def _folder(path: Path) -> None:
    path.mkdir()


def _dangling(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere" / "x.yaml")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _to_folder(path: Path) -> None:
    path.symlink_to(path.parent)


def _huge(path: Path) -> None:
    big = path.parent.parent / "huge.bin"
    with big.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024)  # sparse: larger than any pairing may be
    path.symlink_to(big)


def _socket(path: Path) -> None:
    import socket

    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


ODD_FILES: dict[str, Callable[[Path], None]] = {
    "FIFO": _fifo,
    "symlink to /dev/zero": _dev_zero,
    "device": _dev_null_node,
    "directory named *.yaml": _folder,
    "dangling symlink": _dangling,
    "symlink loop": _loop,
    "symlink to a folder": _to_folder,
    "symlink to a 20 MiB file": _huge,
    "socket": _socket,
}

READERS = [["list"], ["status"], ["doctor"], ["list", "--json"], ["status", "odd"],
           ["show", "odd"], ["prep", "odd"], ["export", "odd", "-o", "-"],
           ["log-session", "odd", "--yes", "--topic", "x"], ["goals", "list", "odd"],
           ["start", "--defaults", "--partner", "Odd", "--goal", "Learn AI by March",
            "--name", "odd"]]


@pytest.mark.parametrize("kind", list(ODD_FILES))
def test_every_file_type_named_yaml_is_skipped_or_refused_never_waited_on(
    home: Path, kind: str
) -> None:
    make_pairing(home, "sam")
    odd = home / "pairings" / "odd.yaml"
    ODD_FILES[kind](odd)
    before = Snapshot.of(home / "pairings")
    for args in READERS:
        TALLY.start(f"file type: {kind}")
        result = run_cli(*args, home=home, timeout=30)  # a hang fails here
        assert "Traceback" not in result.output, (args, result.output)
        assert "unexpected" not in result.err, (args, result.err)
        if args[-1] == "odd" or "odd" in args[1:2]:
            assert result.code == 1, (args, result.output)
            assert result.err.startswith("Error: "), (args, result.err)
        elif args[0] == "start":
            assert result.code == 1 and "already exists" in result.err, result.output
        elif args[0] == "doctor":
            assert result.code == 1 and "odd.yaml" in result.out, result.output
        else:
            assert result.code == 0, (args, result.output)
            if kind != "symlink to a 20 MiB file":
                assert "skipped" in result.err and "odd.yaml" in result.err, result.err
        assert before.changes(Snapshot.of(home / "pairings")) in ([], [".odd.yaml.lock"])
        TALLY.passed(f"file type: {kind}")
    assert (kind != "FIFO") or stat.S_ISFIFO(os.lstat(odd).st_mode), "left as it was"


def test_a_fifo_in_the_read_cache_is_never_waited_on(home: Path) -> None:
    make_pairing(home, "sam")
    cache = home / "cache" / "sam.json"
    cache.unlink()
    os.mkfifo(cache)
    result = run_cli("status", "sam", home=home, timeout=30)
    assert result.code == 0, result.output


DUPLICATES = {
    "top level": ("wrap_ups: []\n", "wrap_ups: []\nreviews: []\n"),
    "a nested map": ("  name: Sam Rivera\n", "  name: Sam Rivera\n  name: Samuel\n"),
    "quoted and plain": ("  name: Sam Rivera\n", "  name: Sam Rivera\n  \"name\": Samuel\n"),
    "inside a list item": ("    minutes: 45\n", "    minutes: 45\n    minutes: 50\n"),
    "a rating map": ("      trust: 3\n", "      trust: 3\n      trust: 5\n"),
    "a flow map": ("wrap_ups: []\n", "wrap_ups: []\nx: {a: 1, a: 2}\n"),
    "a second sessions block": ("wrap_ups: []\n", "wrap_ups: []\nsessions:\n- date: 2026-11-01\n"),
}


@pytest.mark.parametrize("where", list(DUPLICATES))
def test_a_key_given_twice_is_refused_with_its_line(
    home: Path, cli: Callable[..., Result], where: str
) -> None:
    make_pairing(home, "sam", n_sessions=2)
    path = home / "pairings" / "sam.yaml"
    old, new = DUPLICATES[where]
    text = path.read_text(encoding="utf-8")
    assert old in text, where
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    before = Snapshot.of(home)
    TALLY.start("duplicate keys")
    for args in (["status", "sam"], ["log-session", "sam", "--yes", "--topic", "t"],
                 ["goals", "review", "sam", "--goal", "genai-for-ops", "--decision", "keep",
                  "--yes"]):
        result = cli(*args)
        assert result.code == 1, result.output
        first = result.err.splitlines()[0]
        assert first.startswith(f"Error: {path}:") and ": appears twice" in first, first
        line = int(first.split(":")[2])
        key = first.split(":")[3].strip()
        assert key in text.splitlines()[line - 1], (line, key)
    doctor = cli("doctor")
    assert doctor.code == 1 and "appears twice" in doctor.out
    assert before.changes(Snapshot.of(home)) == []
    TALLY.passed("duplicate keys")


def test_saving_through_a_symlinked_pairing_writes_its_target_and_keeps_the_link(
    home: Path, cli: Callable[..., Result], tmp_path: Path
) -> None:
    make_pairing(home, "sam")
    elsewhere = tmp_path / "synced" / "sam.yaml"
    elsewhere.parent.mkdir(mode=0o700)
    link = home / "pairings" / "sam.yaml"
    link.rename(elsewhere)
    link.symlink_to(elsewhere)
    for n, args in enumerate((["log-session", "sam", "--yes", "--topic", "through the link"],
                              ["goals", "add", "sam", "--text", "Learn to pitch by March"])):
        result = cli(*args)
        assert result.code == 0, result.output
        assert link.is_symlink() and link.resolve() == elsewhere
        assert "through the link" in elsewhere.read_text(encoding="utf-8")
        assert not list(elsewhere.parent.glob(".*.tmp")) and n >= 0


def test_an_existing_folder_keeps_its_mode_with_a_warning_and_doctor_lists_it(
    home: Path, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    target = tmp_path / "elsewhere"
    target.mkdir()
    target.chmod(0o755)
    make_pairing(shared / "a", "sam")  # inside a home it made itself: all private
    (shared / "b").mkdir()
    (shared / "b").chmod(0o755)
    (shared / "b" / "pairings").symlink_to(target)
    for folder, expect in ((shared, 0o1777), (shared / "b", 0o755)):
        result = run_cli("start", "--defaults", "--partner", "Kim", "--goal",
                         "Learn AI by March", "--name", "kim", home=folder)
        assert result.code == 0, result.output
        assert stat.S_IMODE(folder.stat().st_mode) == expect
    assert stat.S_IMODE(target.stat().st_mode) == 0o755, "a linked folder's target stays"
    again = run_cli("log-session", "kim", "--yes", "--topic", "x", home=shared / "b")
    warnings = [line for line in again.err.splitlines() if str(target) in line
                or "pairings" in line]
    assert len(warnings) == 1 and "can be read by others" in warnings[0], again.err
    doctor = run_cli("doctor", home=shared / "b")
    assert doctor.code == 1 and "can be read by others" in doctor.out


def test_a_read_only_folder_is_respected_with_an_error_naming_it(home: Path) -> None:
    make_pairing(home, "sam")
    pairings = home / "pairings"
    before = Snapshot.of(home)
    pairings.chmod(0o500)
    try:
        result = run_cli("log-session", "sam", "--yes", "--topic", "x", home=home)
    finally:
        pairings.chmod(0o700)
    assert result.code == 1
    assert result.err.startswith(f"Error: {pairings} is read-only"), result.err
    assert before.changes(Snapshot.of(home)) == []


def test_copies_killed_saves_left_are_reported_removed_when_safe_and_by_the_next_save(
    home: Path, cli: Callable[..., Result]
) -> None:
    from filelock import FileLock

    make_pairing(home, "sam")
    make_pairing(home, "kim")
    pairings = home / "pairings"
    left = pairings / ".sam.yaml.k2j4_x.tmp"
    busy = pairings / ".kim.yaml.abc123.tmp"
    in_cache = home / "cache" / ".sam.json.zz9.tmp"
    for path in (left, busy, in_cache):
        path.write_text("half a save", encoding="utf-8")
    with FileLock(pairings / ".kim.yaml.lock"):  # a save of kim under way
        result = cli("doctor")
    said = " ".join(result.out.split())
    assert f"Removed {left}" in said and f"Removed {in_cache}" in said, said
    assert not left.exists() and not in_cache.exists() and busy.exists()
    assert f"{busy} is a copy an interrupted save left behind" in said
    assert result.code == 1
    assert cli("log-session", "kim", "--yes", "--topic", "x").code == 0
    assert not busy.exists(), "the next save of the file removes what a killed one left"


@pytest.mark.parametrize("err,words", [(errno.ENOSPC, "the disk is full"),
                                       (errno.EACCES, "permission denied"),
                                       (errno.EROFS, "read-only"),
                                       (errno.EIO, "Input/output error")])
@pytest.mark.parametrize("where", ["write", "fsync", "replace", "mkstemp"])
def test_a_disk_that_says_no_gives_a_sentence_naming_the_file(
    home: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, err: int,
    words: str, where: str,
) -> None:
    import tempfile

    from revmentor import files

    make_pairing(home, "sam")
    before = Snapshot.of(home)

    def refuse(*_args: object, **_kw: object) -> None:
        raise OSError(err, os.strerror(err))

    if where == "write":
        real_fdopen = os.fdopen

        class Refusing:
            def __init__(self, fd: int, mode: str) -> None:
                self.fh = real_fdopen(fd, mode)

            def __enter__(self) -> Refusing:
                return self

            def __exit__(self, *exc: object) -> None:
                self.fh.close()

            def write(self, data: bytes) -> int:
                raise OSError(err, os.strerror(err))

        monkeypatch.setattr(files.os, "fdopen", Refusing)
    elif where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        monkeypatch.setattr(files.os, where, refuse)
    TALLY.start("disk errors")
    result = cli("log-session", "sam", "--yes", "--topic", "x", "--date", "2026-11-20")
    outcome = Outcome(result.code, result.out, result.err)
    assert outcome.code == 1, outcome.output
    first = result.err.splitlines()[0]
    assert first.startswith("Error: could not save ") and words in first, first
    assert "/sam" in first and "unexpected" not in result.err  # the pairing or its backup
    monkeypatch.undo()
    assert before.changes(Snapshot.of(home)) == [] or all(
        "backups/" in c for c in before.changes(Snapshot.of(home))
    )
    assert not list((home / "pairings").glob(".*.tmp")), "a failed save leaves no copy"
    TALLY.passed("disk errors")

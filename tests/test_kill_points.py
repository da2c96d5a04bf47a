"""Crash safety at every point of a save, deterministically, in the default run.

A forked child saves once and SIGKILLs itself right after its n-th I/O call returns
(open, write, flush, fsync, replace, close...), for every n the save makes. After each
kill the pairing file holds exactly its old bytes or exactly the new ones, every backup
reads, and the next save leaves no copy behind. The same harness, run on a plain
`write_text` save, must catch it: that is what proves it can fail.

Also: the new file and its folder are flushed to disk (fsync) before and after the
rename, observed call by call, since no kill can show a missing fsync.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from revmentor.model import Ask, Session
from revmentor.store import Store, parse
from tests.helpers_faults import make_pairing, report

# Builtins through which a save touches the disk; a kill right after each is a crash
# at that point. Anything a save might call to write is listed, whether or not it does.
IO_CALLS = frozenset({
    "open", "write", "writelines", "flush", "close", "fsync", "fdatasync", "replace",
    "rename", "link", "unlink", "remove", "fchmod", "chmod", "truncate", "ftruncate",
    "mkdir", "utime", "copyfile", "sendfile",
})

Save = Callable[[Store], None]


def _append(st: Store) -> None:
    st.append("sam", "sessions", Session(date=date(2026, 11, 20), topics=["after the kill"]))


def _round_trip(st: Store) -> None:
    with st.update("sam") as p:
        p.ask = Ask(topic="a new ask") if p.ask is None else None
        p.partner.role = "Data Scientist"


def _edit(st: Store) -> None:
    text = st.read_text("sam").replace("Data Analyst", "Analyst, by hand")
    st.replace_text("sam", text)


SAVES: dict[str, Save] = {"fast append": _append, "round trip": _round_trip,
                          "hand edit": _edit}


def _die_after(n: int) -> None:
    """In the child: SIGKILL this process once its n-th I/O call has returned."""
    seen = 0

    def watch(_frame: FrameType, event: str, arg: Any) -> None:
        nonlocal seen
        if event == "c_return" and getattr(arg, "__name__", "") in IO_CALLS:
            seen += 1
            if seen == n:
                os.kill(os.getpid(), signal.SIGKILL)

    sys.setprofile(watch)


def _in_child(home: Path, save: Save, kill_at: int | None, count_to: int | None) -> int:
    """Fork; the child saves (dying at `kill_at`); returns how the child ended.

    With `count_to`, the child writes the number of I/O calls it made to that fd.
    """
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            calls = 0

            def count(_frame: FrameType, event: str, arg: Any) -> None:
                nonlocal calls
                if event == "c_return" and getattr(arg, "__name__", "") in IO_CALLS:
                    calls += 1

            st = Store(home)
            if kill_at is not None:
                _die_after(kill_at)
            elif count_to is not None:
                sys.setprofile(count)
            save(st)
            sys.setprofile(None)
            if count_to is not None:
                os.write(count_to, str(calls).encode())
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


def _io_calls(home: Path, save: Save) -> int:
    read, write = os.pipe()
    status = _in_child(home, save, None, write)
    os.close(write)
    with os.fdopen(read) as fh:
        told = fh.read()
    assert os.waitstatus_to_exitcode(status) == 0, "the save must work when not killed"
    return int(told)


def _reset(pristine: Path, home: Path) -> None:
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(pristine, home, symlinks=True)


def sweep(home: Path, pristine: Path, save: Save) -> tuple[int, list[str]]:
    """Kill `save` after each of its I/O calls in turn; (kills, what went wrong)."""
    _reset(pristine, home)
    path = home / "pairings" / "sam.yaml"
    old = path.read_bytes()
    calls = _io_calls(home, save)
    new = path.read_bytes()
    assert new != old, "the save must change the file"
    wrong: list[str] = []
    for n in range(1, calls + 1):
        _reset(pristine, home)
        status = _in_child(home, save, n, None)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        if not killed:
            wrong.append(f"call {n}: the child was not killed ({status})")
            continue
        now = path.read_bytes() if path.exists() else b"<missing>"
        if now not in (old, new):
            wrong.append(f"kill after I/O call {n} of {calls}: half a save ({len(now)} bytes)")
            continue
        try:
            parse(now.decode("utf-8"), path)
            for backup in (home / "backups").rglob("*.yaml"):
                parse(backup.read_text(encoding="utf-8"), backup)
        except Exception as exc:  # any failure to read is the finding
            wrong.append(f"kill after I/O call {n}: {exc}")
            continue
        # The next save of the file removes what the killed one left beside it.
        _append(Store(home))
        left = sorted(p.name for p in (home / "pairings").glob(".*.tmp"))
        if left:
            wrong.append(f"kill after I/O call {n}: copies left after the next save: {left}")
    return calls, wrong


@pytest.fixture
def pristine(tmp_path: Path) -> Path:
    folder = tmp_path / "pristine"
    make_pairing(folder, "sam", n_sessions=3)
    return folder


@pytest.mark.parametrize("kind", list(SAVES))
def test_a_kill_after_any_io_call_of_a_save_leaves_the_old_file_or_the_new(
    tmp_path: Path, pristine: Path, kind: str
) -> None:
    calls, wrong = sweep(tmp_path / "victim", pristine, SAVES[kind])
    report(f"kill points ({kind})", kills=calls, failures=len(wrong))
    assert calls >= 5, "a save makes several I/O calls; the harness must see them"
    assert not wrong, "\n".join(wrong)


def test_the_kill_points_catch_a_save_that_is_not_atomic(
    tmp_path: Path, pristine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Swap the atomic write for a plain write_text: the sweep must find half a save."""
    from revmentor import files, store

    def plain(path: Path, text: str | bytes, **_kw: object) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        files.real_target(path).write_bytes(data)

    monkeypatch.setattr(store, "atomic_write", plain)
    for kind in ("fast append", "round trip"):
        _, wrong = sweep(tmp_path / "victim", pristine, SAVES[kind])
        report(f"kill points catch a plain write ({kind})", failures_found=len(wrong))
        assert any("half a save" in w for w in wrong), wrong


def test_the_file_and_its_folder_are_fsynced_around_the_rename(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revmentor import files

    make_pairing(home, "sam")
    path = home / "pairings" / "sam.yaml"
    events: list[tuple[str, Any]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        info = os.fstat(fd)
        events.append(("fsync", (info.st_dev, info.st_ino)))
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append(("replace", (os.stat(src).st_ino, Path(dst))))
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "fsync", fsync)
    monkeypatch.setattr(files.os, "replace", replace)
    for save in (_append, _round_trip):
        events.clear()
        save(Store(home))
        saved = os.stat(path)
        folder = os.stat(path.parent)
        file_id, folder_id = (saved.st_dev, saved.st_ino), (folder.st_dev, folder.st_ino)
        rename = events.index(("replace", (saved.st_ino, path)))
        before, after = events[:rename], events[rename + 1:]
        assert ("fsync", file_id) in before, "the new file is flushed before it is renamed"
        assert ("fsync", folder_id) in after, "the folder is flushed after the rename"
        # The backup of the old version is on disk before the file is replaced.
        backup = Store(home).backups("sam")[-1].stat()
        assert ("fsync", (backup.st_dev, backup.st_ino)) in before

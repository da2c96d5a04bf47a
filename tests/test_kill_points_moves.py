"""Restore, undo, rename and delete killed after each of their I/O calls in turn.

The same harness as tests/test_kill_points.py: a forked child runs the operation and
SIGKILLs itself right after its n-th I/O call. After every kill each file is whole, the
pairing is under its old name or its new one with its old bytes (or, for a restore, its
old bytes or the backup's), and running the operation again finishes the job.
"""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from revmentor import backups, moves
from revmentor.model import Session
from revmentor.store import Store, parse
from tests.helpers_faults import make_pairing, report
from tests.test_kill_points import _in_child, _io_calls, _reset

Operation = Callable[[Store], None]
Check = Callable[[Path, bytes], str | None]


def _restore_first(st: Store) -> None:
    backups.restore(st, "sam", backups.find(st, "sam", 1), st.read_text("sam"))


def _delete(st: Store) -> None:
    moves.delete(st, "sam")


def _rename(st: Store) -> None:
    moves.rename(st, "sam", "sam-rivera")


def _every_file_reads(home: Path) -> str | None:
    for path in [*(home / "pairings").glob("*.yaml"), *(home / "backups").rglob("*.yaml")]:
        try:
            parse(path.read_text(encoding="utf-8"), path)
        except Exception as exc:  # any failure to read is the finding
            return f"{path.name} does not read: {exc}"
    return None


def _restored_or_not(home: Path, old: bytes) -> str | None:
    now = (home / "pairings" / "sam.yaml").read_bytes()
    first = Store(home).backups("sam")[0].read_bytes()
    return None if now in (old, first) else "the pairing is neither as it was nor restored"


def _deleted_or_not(home: Path, old: bytes) -> str | None:
    path = home / "pairings" / "sam.yaml"
    if path.exists():
        return None if path.read_bytes() == old else "the pairing changed"
    kept = [b.read_bytes() for b in Store(home).backups("sam")]
    return None if old in kept else "the pairing is gone and no backup holds it"


def _renamed_or_not(home: Path, old: bytes) -> str | None:
    st = Store(home)
    names = [s for s in ("sam", "sam-rivera") if st.exists(s)]
    if len(names) != 1:
        return f"the pairing is under {names}"
    if st.path_for(names[0]).read_bytes() != old:
        return "the pairing's bytes changed"
    if names == ["sam"]:
        try:
            _rename(st)  # running it again finishes the job
        except Exception as exc:  # any refusal here is the finding
            return f"running the rename again failed: {exc}"
    if not st.exists("sam-rivera") or st.exists("sam"):
        return "running the rename again did not finish it"
    if len(st.backups("sam-rivera")) != 1 or (home / "backups" / "sam").exists():
        return "the backups did not follow the pairing"
    return None


CASES: dict[str, tuple[Operation, Check]] = {
    "restore": (_restore_first, _restored_or_not),
    "delete": (_delete, _deleted_or_not),
    "rename": (_rename, _renamed_or_not),
}


@pytest.fixture
def pristine(tmp_path: Path) -> Path:
    """sam, changed once: one backup to restore or to carry along."""
    folder = tmp_path / "pristine"
    make_pairing(folder, "sam", n_sessions=2)
    Store(folder).append("sam", "sessions", Session(date=date(2026, 10, 1), topics=["t"]))
    return folder


def sweep(home: Path, pristine: Path, operation: Operation, check: Check) -> tuple[int, list[str]]:
    """Kill `operation` after each of its I/O calls in turn; (kills, what went wrong)."""
    _reset(pristine, home)
    old = (home / "pairings" / "sam.yaml").read_bytes()
    calls = _io_calls(home, operation)
    wrong: list[str] = []
    for n in range(1, calls + 1):
        _reset(pristine, home)
        status = _in_child(home, operation, n, None)
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            wrong.append(f"call {n}: the child was not killed ({status})")
            continue
        problem = _every_file_reads(home) or check(home, old)
        if problem:
            wrong.append(f"kill after I/O call {n} of {calls}: {problem}")
    return calls, wrong


@pytest.mark.parametrize("kind", list(CASES))
def test_a_kill_after_any_io_call_leaves_old_or_new(
    tmp_path: Path, pristine: Path, kind: str
) -> None:
    calls, wrong = sweep(tmp_path / "victim", pristine, *CASES[kind])
    report(f"kill points ({kind})", kills=calls, failures=len(wrong))
    assert calls >= 2, "the harness must see the operation's I/O calls"
    assert not wrong, "\n".join(wrong)


def test_the_kill_points_catch_a_move_that_copies_then_removes(
    tmp_path: Path, pristine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A move made of a copy and a removal is not one step: the sweep must find it."""

    def copy_then_remove(source: Path, target: Path, *, change: bool = True) -> None:
        if source.is_dir():
            shutil.copytree(source, target)
            shutil.rmtree(source)
        else:
            target.write_bytes(source.read_bytes())
            source.unlink()

    monkeypatch.setattr(moves, "move", copy_then_remove)
    for kind in ("rename", "delete"):
        _, wrong = sweep(tmp_path / "victim", pristine, *CASES[kind])
        report(f"kill points catch a copying move ({kind})", failures_found=len(wrong))
        assert wrong, kind

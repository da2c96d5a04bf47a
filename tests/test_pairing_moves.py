"""`revmentor rename` and `delete`: whole files moved, backups and drafts following."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from revmentor.store import Store
from tests.conftest import Result
from tests.helpers_faults import Snapshot, make_pairing
from tests.keys import ENTER

Cli = Callable[..., Result]


def pairing_file(home: Path, slug: str) -> Path:
    return home / "pairings" / f"{slug}.yaml"


def files(home: Path) -> dict[str, bytes]:
    """Every file's content, leaving out the empty lock files a locked step leaves."""
    return {n: f[0] for n, f in Snapshot.of(home).files.items() if not n.endswith(".lock")}


@pytest.fixture
def sam(home: Path, cli: Cli) -> str:
    """sam, changed once (so it has a backup), and a draft of its own."""
    make_pairing(home, "sam", n_sessions=1)
    assert cli("log-session", "sam", "--yes", "--topic", "moving").code == 0
    drafts = home / "drafts" / "sam"
    drafts.mkdir(parents=True)
    (drafts / "session.yaml").write_text("draft: yes\n")
    return pairing_file(home, "sam").read_text()


def test_rename_takes_backups_and_drafts_along(sam: str, cli: Cli, home: Path) -> None:
    result = cli("rename", "sam", "sam-rivera")
    assert result.code == 0, result.output
    assert "Renamed 'sam' to 'sam-rivera'" in result.out
    assert not pairing_file(home, "sam").exists()
    assert pairing_file(home, "sam-rivera").read_text() == sam
    assert not (home / "backups" / "sam").exists()
    assert len(Store(home).backups("sam-rivera")) == 1
    assert (home / "drafts" / "sam-rivera" / "session.yaml").exists()
    assert json.loads(cli("restore", "sam-rivera", "--json").out)[0]["before"] == "log-session"
    assert cli("show", "sam-rivera").code == 0


def test_a_rename_cut_short_after_the_backups_moved_is_finished_by_running_it_again(
    sam: str, cli: Cli, home: Path
) -> None:
    (home / "backups" / "sam").rename(home / "backups" / "sam-rivera")
    assert cli("rename", "sam", "sam-rivera").code == 0
    assert pairing_file(home, "sam-rivera").read_text() == sam
    assert len(Store(home).backups("sam-rivera")) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rename", "sam", "kim"], "Error: a pairing called 'kim' already exists"),
        (["rename", "nobody", "x"], "Error: no pairing called 'nobody'"),
        (["rename", "sam", "Not A Name"], "Error: 'Not A Name' is not a pairing name"),
        (["rename", "sam", "sam"], "Error: 'sam' already has that name"),
        (["delete", "nobody", "--yes"], "Error: no pairing called 'nobody'"),
        (["delete", "done", "--yes"], "Error: 'done' is concluded"),
        (["delete", "sam"], "Error: `revmentor delete` asks before changing anything"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    sam: str, cli: Cli, home: Path, args: list[str], message: str
) -> None:
    make_pairing(home, "kim")
    make_pairing(home, "done")
    assert cli("wrap-up", "done", "--decision", "conclude", "--yes").code == 0
    before = Snapshot.of(home)
    result = cli(*args)
    assert result.code == 1, result.output
    assert result.err.startswith(message), result.err
    assert Snapshot.of(home) == before


def test_rename_onto_the_leftovers_of_a_deleted_pairing_is_refused(
    sam: str, cli: Cli, home: Path
) -> None:
    make_pairing(home, "kim")
    assert cli("log-session", "kim", "--yes", "--topic", "t").code == 0
    assert cli("delete", "kim", "--yes").code == 0
    before = Snapshot.of(home)
    result = cli("rename", "sam", "kim")
    assert result.code == 1
    assert "still holds files of an earlier 'kim'" in result.err.splitlines()[0]
    assert Snapshot.of(home) == before


def test_delete_moves_the_file_into_the_backups_and_undo_brings_it_back(
    sam: str, cli: Cli, home: Path
) -> None:
    result = cli("delete", "sam", "--yes")
    assert result.code == 0, result.output
    assert not pairing_file(home, "sam").exists()
    newest = Store(home).backups("sam")[-1]
    assert newest.read_text() == sam and newest.name.endswith("-delete.yaml")
    assert json.loads(cli("list", "--json").out) == []
    listed = json.loads(cli("restore", "sam", "--json").out)
    assert listed[0]["before"] == "delete"
    assert cli("undo", "sam", "--yes").code == 0
    assert pairing_file(home, "sam").read_text() == sam


def test_a_deleted_pairing_comes_back_with_restore_n(sam: str, cli: Cli, home: Path) -> None:
    assert cli("delete", "sam", "--yes").code == 0
    number = json.loads(cli("restore", "sam", "--json").out)[0]["number"]
    result = cli("restore", "sam", str(number), "--yes")
    assert result.code == 0, result.output
    assert "kept as a backup" not in result.out, "nothing was there to be replaced"
    assert pairing_file(home, "sam").read_text() == sam


def test_an_unreadable_pairing_can_still_be_deleted(home: Path, cli: Cli) -> None:
    make_pairing(home, "sam")
    pairing_file(home, "sam").write_text("goals: [unclosed\n")
    result = cli("delete", "sam", "--yes")
    assert result.code == 0, result.output
    assert Store(home).backups("sam")[-1].read_text() == "goals: [unclosed\n"


def test_delete_in_a_terminal_asks_first(sam: str, home: Path, pty: Callable[..., Any]) -> None:
    child = pty("delete", "sam")
    child.expect_exact("Delete 'sam' (with Sam Rivera, 2 sessions)?")
    child.expect_exact("(y/N")
    child.send(ENTER)  # no, by default
    child.expect_exact("Nothing changed.")
    child.wait()
    assert pairing_file(home, "sam").read_text() == sam

    child = pty("delete", "sam")
    child.expect_exact("(y/N")
    child.send("y" + ENTER)
    child.expect_exact("Deleted 'sam'")
    child.wait()
    assert not pairing_file(home, "sam").exists()


@pytest.mark.parametrize("stop_at", [1, 2, 3])
def test_a_rename_stopped_at_any_step_leaves_everything_as_it_was(
    sam: str, cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch, stop_at: int
) -> None:
    from revmentor import moves

    before = files(home)
    real_move = moves.move
    calls = {"n": 0}

    def stopping(source: Path, target: Path) -> None:
        calls["n"] += 1
        if calls["n"] == stop_at:
            raise KeyboardInterrupt
        real_move(source, target)

    monkeypatch.setattr(moves, "move", stopping)
    result = cli("rename", "sam", "sam-rivera")
    assert result.code == 130
    assert files(home) == before
    monkeypatch.setattr(moves, "move", real_move)
    assert cli("rename", "sam", "sam-rivera").code == 0


def test_a_delete_stopped_before_its_move_changes_nothing(
    sam: str, cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revmentor import moves

    def stopped(source: Path, target: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(moves, "move", stopped)
    before = files(home)
    assert cli("delete", "sam", "--yes").code == 130
    assert files(home) == before

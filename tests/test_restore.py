"""`revmentor restore` and `undo`: backups listed, put back after asking, and undone."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from revmentor.backups import describe
from revmentor.store import Store
from tests.conftest import Result
from tests.helpers_faults import Snapshot, make_pairing
from tests.keys import ENTER

Cli = Callable[..., Result]


def pairing_file(home: Path, slug: str = "sam") -> Path:
    return home / "pairings" / f"{slug}.yaml"


@pytest.fixture
def changed_twice(home: Path, cli: Cli) -> dict[str, str]:
    """sam as created, after a session, and after a new goal: its text at each step."""
    make_pairing(home, "sam", n_sessions=1)
    texts = {"created": pairing_file(home).read_text()}
    assert cli("log-session", "sam", "--yes", "--topic", "undo me").code == 0
    texts["logged"] = pairing_file(home).read_text()
    assert cli("goals", "add", "sam", "--text", "Run one team meeting in a new format").code == 0
    texts["added"] = pairing_file(home).read_text()
    return texts


def test_backups_say_which_command_changed_the_file(changed_twice: dict[str, str],
                                                    cli: Cli) -> None:
    result = cli("restore", "sam", "--json")
    assert result.code == 0, result.output
    listed = json.loads(result.out)
    assert [b["number"] for b in listed] == [2, 1], "newest first, by their lasting number"
    assert [b["before"] for b in listed] == ["goals-add", "log-session"]
    assert all(b["taken"] for b in listed)
    text = cli("restore", "sam").out
    assert "goals-add" in text and "log-session" in text and "restore sam N" in text


def test_restore_puts_a_backup_back_and_keeps_the_replaced_version(
    changed_twice: dict[str, str], cli: Cli, home: Path
) -> None:
    result = cli("restore", "sam", "1", "--yes")
    assert result.code == 0, result.output
    assert pairing_file(home).read_text() == changed_twice["created"]
    newest = Store(home).backups("sam")[-1]
    assert newest.read_text() == changed_twice["added"], "the replaced version is a backup"
    assert describe(newest).command == "restore"


def test_undo_goes_back_one_change_and_an_undo_can_be_undone(
    changed_twice: dict[str, str], cli: Cli, home: Path
) -> None:
    assert cli("undo", "sam", "--yes").code == 0
    assert pairing_file(home).read_text() == changed_twice["logged"]
    assert cli("undo", "--yes").code == 0, "the only pairing needs no name"
    assert pairing_file(home).read_text() == changed_twice["added"]


def test_undo_with_nothing_to_undo(home: Path, cli: Cli) -> None:
    make_pairing(home, "sam")
    before = Snapshot.of(home)
    result = cli("undo", "sam", "--yes")
    assert result.code == 1
    assert result.err.startswith("Error: nothing to undo")
    assert Snapshot.of(home) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["restore", "nobody"], "Error: no pairing called 'nobody'"),
        (["restore", "sam", "7", "--yes"], "Error: 'sam' has no backup 7"),
        (["restore", "sam", "0", "--yes"], "Error: 'sam' has no backup 0"),
        (["undo", "nobody", "--yes"], "Error: no pairing called 'nobody'"),
        (["restore", "Bad/Name"], "Error: 'Bad/Name' is not a pairing name"),
    ],
)
def test_bad_input_changes_nothing(
    changed_twice: dict[str, str], cli: Cli, home: Path, args: list[str], message: str
) -> None:
    before = Snapshot.of(home)
    result = cli(*args)
    assert result.code == 1, result.output
    assert result.err.splitlines()[0] == message or result.err.startswith(message)
    assert Snapshot.of(home) == before


def test_without_a_terminal_restore_asks_for_yes(changed_twice: dict[str, str], cli: Cli,
                                                 home: Path) -> None:
    before = Snapshot.of(home)
    result = cli("restore", "sam", "1")
    assert result.code == 1
    assert "--yes" in result.err
    assert Snapshot.of(home) == before


def test_a_backup_that_does_not_read_is_named_and_nothing_changes(
    changed_twice: dict[str, str], cli: Cli, home: Path
) -> None:
    broken = Store(home).backups("sam")[0]
    broken.write_text("goals: [unclosed\n")
    before = Snapshot.of(home)
    result = cli("restore", "sam", "1", "--yes")
    assert result.code == 1
    assert str(broken) in result.err.splitlines()[0]
    assert Snapshot.of(home) == before


def test_backups_named_before_commands_were_recorded_still_list(home: Path, cli: Cli) -> None:
    make_pairing(home, "sam")
    folder = home / "backups" / "sam"
    folder.mkdir(parents=True)
    (folder / "000001-20261101T101500.yaml").write_text(pairing_file(home).read_text())
    listed = json.loads(cli("restore", "sam", "--json").out)
    assert listed == [{"number": 1, "taken": "2026-11-01T10:15:00", "before": None,
                       "path": str(folder / "000001-20261101T101500.yaml")}]


def test_restore_in_a_terminal_asks_and_no_keeps_the_file(
    changed_twice: dict[str, str], home: Path, pty: Callable[..., Any]
) -> None:
    child = pty("restore", "sam", "1")
    child.expect_exact("Put back backup 1 of 'sam'")
    child.expect_exact("(y/N")
    child.send("n" + ENTER)
    child.expect_exact("Nothing changed.")
    child.expect_exact("\r\n")
    child.wait()
    assert pairing_file(home).read_text() == changed_twice["added"]

    child = pty("restore", "sam", "1")
    child.expect_exact("(y/N")
    child.send("y" + ENTER)
    child.expect_exact("Put back backup 1 of 'sam'")
    child.wait()
    assert pairing_file(home).read_text() == changed_twice["created"]


@pytest.mark.parametrize("stop_at", [1, 2])
def test_a_restore_stopped_mid_way_leaves_the_pairing_as_it_was(
    changed_twice: dict[str, str], cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch,
    stop_at: int,
) -> None:
    from revmentor import store

    real_write = store.atomic_write
    calls = {"n": 0}

    def stopping(path: Path, text: str | bytes, **kw: Any) -> None:
        calls["n"] += 1
        if calls["n"] == stop_at:  # 1: keeping the current version; 2: the pairing itself
            raise KeyboardInterrupt
        real_write(path, text, **kw)

    monkeypatch.setattr(store, "atomic_write", stopping)
    assert cli("restore", "sam", "1", "--yes").code == 130
    assert pairing_file(home).read_text() == changed_twice["added"]
    kept = Store(home).backups("sam")
    # Whatever was kept before the stop is a whole copy of a version, never a part.
    assert {b.read_text() for b in kept} <= set(changed_twice.values())


def test_restore_rescues_a_file_that_no_longer_reads(
    changed_twice: dict[str, str], cli: Cli, home: Path
) -> None:
    pairing_file(home).write_text("goals: [broken by hand\n")
    assert cli("show", "sam").code == 1
    assert cli("restore", "sam", "2", "--yes").code == 0
    assert pairing_file(home).read_text() == changed_twice["logged"]
    assert Store(home).backups("sam")[-1].read_text() == "goals: [broken by hand\n", (
        "even the broken version is kept"
    )


def test_undo_in_a_terminal_asks_first(
    changed_twice: dict[str, str], home: Path, pty: Callable[..., Any]
) -> None:
    child = pty("undo")
    child.expect_exact("Put back backup 2 of 'sam'")
    child.expect_exact("before goals-add)?")
    child.send("y" + ENTER)
    child.expect_exact("returns to it")
    child.wait()
    assert pairing_file(home).read_text() == changed_twice["logged"]

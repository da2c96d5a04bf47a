"""Edges a first-time user runs into: each gives a clear answer, and nothing is lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result


def test_output_lines_carry_no_trailing_spaces(
    cli: Callable[..., Result], example_home: Path, today: Callable[[str], None]
) -> None:
    today("2026-11-21")
    for args in (("list",), ("show",), ("status",), ("check-goal", "Finish the Q3 report")):
        result = cli(*args)
        assert result.code == 0, result.output
        padded = [line for line in result.out.splitlines() if line != line.rstrip(" ")]
        assert padded == [], (args, padded[:3])


def test_log_session_with_nothing_given_and_no_terminal_is_refused(
    proc: Callable[..., Result], example_home: Path
) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    before = path.read_bytes()
    result = proc("log-session")
    assert result.code == 1
    assert result.err.startswith("Error: nothing to log")
    assert "--yes" in result.err
    assert path.read_bytes() == before
    logged = proc("log-session", "--topic", "prompts")
    assert logged.code == 0, logged.output
    assert Store(example_home).read(EXAMPLE_SLUG).sessions[-1].topics == ["prompts"]


def test_reopen_without_a_name_when_there_is_one_pairing(
    cli: Callable[..., Result], example_home: Path
) -> None:
    assert cli("wrap-up", "--decision", "conclude", "--yes").code == 0
    result = cli("reopen")
    assert result.code == 0, result.output
    assert Store(example_home).read(EXAMPLE_SLUG).state == "active"


def test_an_editor_that_cannot_start(
    proc: Callable[..., Result], example_home: Path
) -> None:
    result = proc("edit", env={"EDITOR": "no-such-editor-here"})
    assert result.code == 1
    assert result.err.startswith("Error: could not start the editor 'no-such-editor-here'")
    assert "Traceback" not in result.err


def test_export_into_a_folder_that_does_not_exist(
    cli: Callable[..., Result], example_home: Path, tmp_path: Path
) -> None:
    result = cli("export", "-o", f"{tmp_path}/missing/")
    assert result.code == 1
    assert "does not exist" in result.err
    assert not (tmp_path / "missing").exists()


def test_the_pick_hint_names_the_command_in_use(
    proc: Callable[..., Result], example_home: Path
) -> None:
    src = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    (example_home / "pairings" / "other.yaml").write_text(src.read_text())
    result = proc("prep")
    assert result.code == 1
    assert "For example: revmentor prep helen-sam" in result.err

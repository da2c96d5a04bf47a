"""Shell completion through Typer's own mechanism: commands, options, pairings, goal ids."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.helpers_faults import Snapshot, make_pairing

Proc = Callable[..., Result]
# Typer's switch for naming the shell instead of detecting the one running the tests.
NAMED_SHELL = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}


def bash(proc: Proc, line: str) -> list[str]:
    """What bash would be offered for the last word of `line` (a trailing space: a new word)."""
    words = line.split(" ")
    result = proc(env={"_REVMENTOR_COMPLETE": "complete_bash", "COMP_WORDS": line,
                       "COMP_CWORD": str(len(words) - 1)})
    assert result.code == 0, result.output
    assert result.err == ""
    return result.out.split()


@pytest.mark.parametrize(("shell", "marker"), [
    ("bash", "complete -o default -F _revmentor_completion revmentor"),
    ("zsh", "#compdef revmentor"),
    ("fish", "complete --command revmentor"),
])
def test_show_completion_prints_each_shells_script(proc: Proc, shell: str, marker: str) -> None:
    result = proc("--show-completion", shell, env=NAMED_SHELL)
    assert result.code == 0, result.output
    assert marker in result.out and "_REVMENTOR_COMPLETE" in result.out


def test_install_completion_writes_the_script_for_the_shell(proc: Proc, tmp_path: Path) -> None:
    result = proc("--install-completion", "bash", env={**NAMED_SHELL, "HOME": str(tmp_path)})
    assert result.code == 0, result.output
    script = tmp_path / ".bash_completions" / "revmentor.sh"
    assert "_REVMENTOR_COMPLETE" in script.read_text()
    assert "revmentor.sh" in (tmp_path / ".bashrc").read_text()


def test_the_root_help_offers_completion(proc: Proc) -> None:
    out = proc("--help").out
    assert "--install-completion" in out and "--show-completion" in out


def test_commands_options_pairings_and_goal_ids(proc: Proc, home: Path) -> None:
    make_pairing(home, "sam")
    make_pairing(home, "kim")
    before = Snapshot.of(home)
    assert bash(proc, "revmentor re") == ["reopen", "restore", "rename"]
    assert bash(proc, "revmentor goals ") == ["review", "add", "list"]
    assert "--all" in bash(proc, "revmentor list --")
    assert bash(proc, "revmentor show ") == ["kim", "sam"]
    assert bash(proc, "revmentor status s") == ["sam"]
    assert bash(proc, "revmentor search x --pairing k") == ["kim"]
    assert bash(proc, "revmentor goals review sam --goal gen") == [
        "genai-for-ops", "gen-z-expectations"
    ]
    assert bash(proc, "revmentor log-session sam --progress sam") == ["sam-strategy="]
    assert bash(proc, "revmentor wrap-up kim --carry-over ") == [
        "genai-for-ops", "gen-z-expectations", "sam-strategy"
    ]
    assert bash(proc, "revmentor nosuch ") is not None, "an unknown word is no error"
    assert Snapshot.of(home) == before, "completing reads, and writes nothing"


def test_restore_and_undo_also_offer_deleted_pairings(proc: Proc, home: Path) -> None:
    make_pairing(home, "sam")
    make_pairing(home, "kim")
    (home / "backups" / "old").mkdir(parents=True)
    assert bash(proc, "revmentor restore ") == ["kim", "old", "sam"]
    assert bash(proc, "revmentor undo o") == ["old"]
    assert bash(proc, "revmentor show ") == ["kim", "sam"]


def test_completion_follows_the_home_option(proc: Proc, tmp_path: Path) -> None:
    other = tmp_path / "other"
    make_pairing(other, "maya")
    assert bash(proc, f"revmentor --home {other} prep ") == ["maya"]


def test_zsh_and_fish_get_pairing_names(proc: Proc, home: Path) -> None:
    make_pairing(home, "sam")
    zsh = proc(env={"_REVMENTOR_COMPLETE": "complete_zsh",
                    "_TYPER_COMPLETE_ARGS": "revmentor restore s"})
    assert zsh.code == 0 and '"sam"' in zsh.out
    fish = proc(env={"_REVMENTOR_COMPLETE": "complete_fish",
                     "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                     "_TYPER_COMPLETE_ARGS": "revmentor delete s"})
    assert fish.code == 0 and fish.out.split() == ["sam"]

"""The one error boundary: what each kind of failure prints, and the exit code it gives."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

Cli = Callable[..., Result]


def test_a_value_its_flag_cannot_take_says_so_first_then_how_to_get_help(
    cli: Cli, example_home: Path
) -> None:
    result = cli("log-session", "--minutes", "forty", "--yes")
    assert result.code == 2
    assert result.out == ""
    assert result.err.splitlines() == [
        "Error: Invalid value for '--minutes': Input should be a valid integer, unable to parse "
        "string as an integer",
        "Usage: revmentor log-session [OPTIONS] [PAIRING]",
        "Try 'revmentor log-session --help' for help.",
    ]


def test_a_choice_outside_its_vocabulary_names_the_choices_without_pydantic_labels(
    cli: Cli, example_home: Path
) -> None:
    result = cli("wrap-up", "--decision", "pause")
    assert result.code == 2
    first = result.err.splitlines()[0]
    assert first == (
        "Error: Invalid value for '--decision': 'pause' is not one of 'renew', 'conclude', "
        "'extend'."
    )


def test_an_option_without_its_value_is_a_usage_error(cli: Cli, example_home: Path) -> None:
    result = cli("export", "--format")
    assert result.code == 2
    assert result.err.splitlines()[0] == "Error: Option '--format' requires an argument."


def test_an_unknown_pairing_is_an_error_with_a_hint(cli: Cli, example_home: Path) -> None:
    result = cli("log-session", "nobody", "--yes")
    assert result.code == 1
    assert result.err.splitlines() == [
        "Error: no pairing called 'nobody'",
        "Your pairings: helen-sam.",
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_error_line_is_red(
    cli: Cli, example_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from revmentor.cli import run

    monkeypatch.delenv("NO_COLOR", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(["show", "nobody"]) == 1
    assert terminal.getvalue().startswith("\x1b[31mError: no pairing called 'nobody'\x1b[0m\n")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(["show", "--format", "x"]) == 2
    assert terminal.getvalue().startswith("\x1b[31mError: No such option: --format")


def test_ctrl_c_in_a_command_says_stopped_and_exits_130(
    cli: Cli, example_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import revmentor.wizard.goals_list as goals_list

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(goals_list, "list_goals", interrupted)
    result = cli("goals", "list")
    assert result.code == 130
    assert result.err.strip() == "Stopped."
    assert "Traceback" not in result.output

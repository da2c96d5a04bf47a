"""Text and flag options parse to the same values with the plain coercion as with Typer's."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from revmentor.cli import _params


def _app(seen: dict[str, Any]) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def cmd(
        name: str = typer.Argument(None),
        tag: list[str] = typer.Option(None, "--tag"),
        note: str = typer.Option(None, "--note", envvar="NOTE_FROM_ENV"),
        loud: bool = typer.Option(False, "--loud"),
    ) -> None:
        seen.update(name=name, tag=tag, note=note, loud=loud)

    return app


CASES = [
    ["sam", "--tag", "a", "--tag", "b", "--note", "hi", "--loud"],
    [],
    ["--tag", "x"],
]


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(a) or "nothing")
def test_same_values_either_way(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NOTE_FROM_ENV", "from the environment")
    plain: dict[str, Any] = {}
    typer_way: dict[str, Any] = {}
    fast = _params.speed_up(typer.main.get_command(_app(plain)))
    slow = typer.main.get_command(_app(typer_way))
    assert fast.main(args=args, standalone_mode=False) == slow.main(
        args=args, standalone_mode=False
    )
    assert plain == typer_way
    assert any(getattr(p, "_runtime_param", None) is not None for p in fast.params)


def test_under_another_typer_the_command_is_left_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_params, "_plain_coercion", lambda: None)
    seen: dict[str, Any] = {}
    command = typer.main.get_command(_app(seen))
    assert _params.speed_up(command) is command
    assert all(getattr(p, "_runtime_param", None) is None for p in command.params)
    command.main(args=["--tag", "a"], standalone_mode=False)
    assert seen["tag"] == ["a"]

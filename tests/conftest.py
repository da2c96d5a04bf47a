"""Shared fixtures: every test gets its own data folder; none touches a real home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_SLUG = "helen-sam"

# Pin what rich and prompt_toolkit see so output does not depend on the machine.
os.environ["COLUMNS"] = "100"
os.environ["NO_COLOR"] = "1"
os.environ.pop("REVMENTOR_TODAY", None)


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder, set through REVMENTOR_HOME."""
    path = tmp_path / "home"
    monkeypatch.setenv("REVMENTOR_HOME", str(path))
    monkeypatch.delenv("REVMENTOR_TODAY", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    return path


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Freeze revmentor's clock: today('2026-11-21')."""

    def freeze(iso: str) -> None:
        monkeypatch.setenv("REVMENTOR_TODAY", iso)

    return freeze


@pytest.fixture
def example_home(home: Path) -> Path:
    """The data folder holding a copy of the example pairing(s)."""
    shutil.copytree(EXAMPLES / "pairings", home / "pairings")
    return home


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run revmentor in this process: cli('list', '--json') -> Result."""
    from revmentor.cli import run

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


def run_process(
    *args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: int = 60
) -> Result:
    """Run revmentor in a child process, stdin not a terminal."""
    proc = subprocess.run(
        [sys.executable, "-m", "revmentor", *args],
        capture_output=True,
        text=True,
        input=input if input is not None else "",
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def proc() -> Callable[..., Result]:
    return run_process


@pytest.fixture
def pty(home: Path) -> Iterator[Callable[..., object]]:
    """Spawn revmentor in a real pseudo-terminal (pexpect), as a person would use it."""
    import pexpect

    children: list[pexpect.spawn] = []

    def spawn(*args: str, env: dict[str, str] | None = None, timeout: int = 15) -> pexpect.spawn:
        full_env = {
            **os.environ,
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm-256color",
            **(env or {}),
        }
        child = pexpect.spawn(
            sys.executable,
            ["-m", "revmentor", *args],
            env=full_env,
            encoding="utf-8",
            timeout=timeout,
            dimensions=(40, 120),
        )
        children.append(child)
        return child

    yield spawn
    for child in children:
        if child.isalive():
            child.terminate(force=True)

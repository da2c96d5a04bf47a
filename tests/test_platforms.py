"""revmentor on Windows and macOS, checked from Linux CI.

The store's save and read tests run again with the POSIX-only calls out of revmentor's
reach; a process in which no POSIX-only module can be imported loads every module and
runs the daily commands; a terminal that is not UTF-8 gets `?` and one note, not a
failure; and rich, not revmentor, decides whether an error line is coloured.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SLUG, ROOT, Result
from tests.helpers_platform import ENV, POSIX_ONLY_MODULES


def test_the_store_suite_passes_without_the_posix_only_calls() -> None:
    run = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow",
            "tests/test_store.py", "tests/test_append.py", "tests/test_everyday_edges.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, ENV: "1"},
        timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout


def test_the_posix_only_calls_really_are_out_of_reach() -> None:
    # The switch the suite above runs under: without it, that run would prove nothing.
    code = textwrap.dedent(
        """
        import pytest
        from tests.helpers_platform import hide_calls
        import revmentor.files as files
        mp = pytest.MonkeyPatch()
        hide_calls(mp)
        assert not hasattr(files.os, "fchmod") and not hasattr(files.os, "O_NONBLOCK")
        try:
            files.os.open(".", files.os.O_RDONLY)
        except PermissionError:
            print("ok")
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.stdout.strip() == "ok", run.stderr


IMPORT_EVERYTHING = """
import sys
for name in {hidden!r}:
    sys.modules[name] = None
import importlib, pkgutil, revmentor
for info in pkgutil.walk_packages(revmentor.__path__, "revmentor."):
    importlib.import_module(info.name)
from revmentor.cli import run
steps = [
    ["start", "--partner", "Sam", "--goal",
     "Learn to use AI tools on my weekly report, trying one each week", "--defaults",
     "--name", "sam"],
    ["log-session", "sam", "--topic", "prompts", "--i-learned", "Short prompts", "--yes"],
    ["status", "sam"], ["list"], ["show", "sam"], ["doctor"],
    ["export", "sam", "-f", "ics", "--tz", "Europe/London", "-o", "{out}/sam.ics"],
    ["export", "sam", "-o", "{out}/sam.md"],
]
for step in steps:
    code = run(step)
    assert code == 0, (step, code)
print("all ran")
"""


def test_no_posix_only_module_is_needed_to_import_or_run(home: Path, tmp_path: Path) -> None:
    code = IMPORT_EVERYTHING.format(hidden=POSIX_ONLY_MODULES, out=tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "REVMENTOR_HOME": str(home), "REVMENTOR_TODAY": "2026-09-08"},
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip().endswith("all ran")
    assert "Traceback" not in run.stderr
    assert (tmp_path / "sam.ics").is_file()


def latin1(*args: str) -> Result:
    run = subprocess.run(
        [sys.executable, "-m", "revmentor", *args],
        capture_output=True,
        encoding="latin-1",
        input="",
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        timeout=60,
    )
    return Result(run.returncode, run.stdout, run.stderr)


@pytest.mark.parametrize(
    "args",
    [["status"], ["list"], ["show", EXAMPLE_SLUG], ["check-goal", "Learn AI → faster ✓ 日本"]],
    ids=lambda a: a[0],
)
def test_a_terminal_that_is_not_utf8_gets_replacements_and_one_note(
    proc: Callable[..., Result], example_home: Path, args: list[str]
) -> None:
    r = latin1(*args)
    assert r.code == 0, r.err
    notes = [line for line in r.err.splitlines() if line.startswith("Note: this terminal's")]
    assert notes == [
        "Note: this terminal's encoding (latin-1) cannot show some characters; they are "
        "shown as '?'. A UTF-8 locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8 shows them."
    ]
    assert "Error" not in r.err
    utf8 = proc(*args)
    assert utf8.code == 0
    assert "Note: this terminal's" not in utf8.err
    assert len(r.out.splitlines()) == len(utf8.out.splitlines())


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)],
)
def test_rich_decides_whether_the_error_line_is_coloured(
    example_home: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], coloured: bool
) -> None:
    from revmentor.cli import run

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert run(["show", "nobody"]) == 1
    assert ("\x1b[" in terminal.getvalue()) is coloured
    assert "Error: no pairing called 'nobody'" in terminal.getvalue()

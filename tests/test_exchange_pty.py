"""`revmentor import` in a real pseudo-terminal: it shows the changes and asks first."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pexpect

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG
from tests.helpers_faults import Snapshot, run_cli

TIMEOUT = 30
ENV = {"REVMENTOR_TODAY": "2026-11-21"}


def finish(child: Any) -> int:
    child.expect(pexpect.EOF, timeout=TIMEOUT)
    child.close()
    return int(child.exitstatus)


def watched(child: Any) -> io.StringIO:
    """Everything the child prints from now on (pexpect logs what it reads)."""
    seen = io.StringIO()
    child.logfile_read = seen
    return seen


def sams_reply(example_home: Path, tmp_path: Path) -> Path:
    """Sam's bundle back to Helen, with a session she has not logged."""
    sam = tmp_path / "sam"
    assert run_cli("share", "-o", str(tmp_path / "h.yaml"), home=example_home).code == 0
    assert run_cli("import", str(tmp_path / "h.yaml"), "--yes", home=sam).code == 0
    logged = run_cli(
        "log-session",
        "helen-okafor",
        "--date",
        "2026-11-17",
        "--topic",
        "pilots",
        "--i-learned",
        "How Helen reads a budget",
        "--yes",
        home=sam,
    )
    assert logged.code == 0
    assert run_cli("share", "-o", str(tmp_path / "s.yaml"), home=sam).code == 0
    return tmp_path / "s.yaml"


def test_import_asks_before_merging_and_no_changes_nothing(
    example_home: Path, tmp_path: Path, pty: Callable[..., Any]
) -> None:
    bundle = sams_reply(example_home, tmp_path)
    before = Snapshot.of(example_home)
    child = pty("import", str(bundle), env=ENV, timeout=TIMEOUT)
    child.expect_exact("Sam Rivera's copy of the pairing, shared on 2026-11-21.")
    child.expect_exact("  - session 2026-11-17")
    child.expect_exact("Merge these changes into 'helen-sam'?")
    child.send("n\r")
    child.expect_exact("Nothing was changed.")
    assert finish(child) == 0
    assert Snapshot.of(example_home).changes(before) == []


def test_import_merges_once_the_person_says_yes(
    example_home: Path, tmp_path: Path, pty: Callable[..., Any]
) -> None:
    bundle = sams_reply(example_home, tmp_path)
    child = pty("import", str(bundle), env=ENV, timeout=TIMEOUT)
    child.expect_exact("Merge these changes into 'helen-sam'?")
    child.send("y\r")
    child.expect_exact("Merged into 'helen-sam'.")
    assert finish(child) == 0
    s = Store().read(EXAMPLE_SLUG).sessions[-1]
    assert (s.date.isoformat(), s.they_learned) == ("2026-11-17", "How Helen reads a budget")
    # Nothing new the second time: nothing is asked.
    child = pty("import", str(bundle), env=ENV, timeout=TIMEOUT)
    seen = watched(child)
    child.expect_exact("Nothing new: 'helen-sam' already holds everything in it.")
    assert finish(child) == 0
    assert "Merge these changes" not in seen.getvalue()


def test_a_new_pairing_is_created_once_confirmed_and_yes_asks_nothing(
    example_home: Path, tmp_path: Path, pty: Callable[..., Any]
) -> None:
    assert run_cli("share", "-o", str(tmp_path / "h.yaml"), home=example_home).code == 0
    sam = tmp_path / "sam"
    child = pty("--home", str(sam), "import", str(tmp_path / "h.yaml"), env=ENV, timeout=TIMEOUT)
    child.expect_exact("you mostly teach Helen Okafor")
    child.expect_exact("Create the pairing 'helen-okafor'?")
    child.send("y\r")
    child.expect_exact("Created 'helen-okafor'")
    assert finish(child) == 0
    assert Store(sam).read("helen-okafor").me.name == "Sam Rivera"
    other = tmp_path / "other"
    child = pty(
        "--home", str(other), "import", str(tmp_path / "h.yaml"), "--yes", env=ENV, timeout=TIMEOUT
    )
    seen = watched(child)
    child.expect_exact("Created 'helen-okafor'")
    assert finish(child) == 0
    assert "you mostly teach Helen Okafor" in seen.getvalue()
    assert "Create the pairing" not in seen.getvalue()

"""`revmentor edit` never overwrites a change saved while the editor was open."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "busy-editor.py"
    script.write_text(
        f"import os, subprocess, sys, pathlib\np = pathlib.Path(sys.argv[1])\n{body}\n"
    )
    return f"{sys.executable} {script}"


def _kept(home: Path) -> list[Path]:
    return sorted((home / "drafts").glob(f"edit-{EXAMPLE_SLUG}-*.yaml"))


def test_a_session_logged_while_the_editor_is_open_is_kept(
    proc: Callable[..., Result], example_home: Path, tmp_path: Path
) -> None:
    # While "the editor is open", another revmentor logs a session to the same pairing.
    editor = _editor(
        tmp_path,
        "p.write_text(p.read_text().replace('Data Analyst', 'Senior Analyst'))\n"
        "done = subprocess.run([sys.executable, '-m', 'revmentor', 'log-session', "
        "'--topic', 'logged meanwhile', '--yes'], capture_output=True, text=True)\n"
        "assert done.returncode == 0, done.stderr\n",
    )
    st = Store(example_home)
    sessions_before = len(st.read(EXAMPLE_SLUG).sessions)
    result = proc("edit", env={"EDITOR": editor})
    assert result.code == 1, result.output
    first = result.err.splitlines()[0]
    assert "changed while you were editing it" in first
    kept = _kept(example_home)
    assert len(kept) == 1
    assert str(kept[0]) in first
    assert "Traceback" not in result.err
    # The concurrent session is there; the edit is not applied but is kept, privately.
    pairing = Store(example_home).read(EXAMPLE_SLUG)
    assert len(pairing.sessions) == sessions_before + 1
    assert pairing.sessions[-1].topics == ["logged meanwhile"]
    assert pairing.partner.role == "Data Analyst"
    assert "Senior Analyst" in kept[0].read_text()
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    # Only the other command's save left a backup; the edit left none.
    assert len(st.backups(EXAMPLE_SLUG)) == 1


def test_a_second_conflict_keeps_a_second_copy(
    proc: Callable[..., Result], example_home: Path, tmp_path: Path
) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    editor = _editor(
        tmp_path,
        "p.write_text(p.read_text().replace('Data Analyst', 'Senior Analyst'))\n"
        f"target = pathlib.Path({str(path)!r})\n"
        "target.write_text(target.read_text() + '# touched by hand\\n')\n",
    )
    for _ in range(2):
        result = proc("edit", env={"EDITOR": editor})
        assert result.code == 1, result.output
    assert len(_kept(example_home)) == 2
    assert path.read_text().count("# touched by hand") == 2
    assert Store(example_home).read(EXAMPLE_SLUG).partner.role == "Data Analyst"


def test_in_a_terminal_the_conflict_is_told_and_the_edit_kept(
    example_home: Path, tmp_path: Path, pty: Callable[..., Any]
) -> None:
    import pexpect

    editor = _editor(
        tmp_path,
        "p.write_text(p.read_text().replace('Data Analyst', 'Senior Analyst'))\n"
        "subprocess.run([sys.executable, '-m', 'revmentor', 'log-session', "
        "'--topic', 'logged meanwhile', '--yes'], capture_output=True, check=True)\n",
    )
    child = pty("edit", env={"EDITOR": editor}, timeout=60)
    child.expect("changed while you were editing it")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert len(_kept(example_home)) == 1
    pairing = Store(example_home).read(EXAMPLE_SLUG)
    assert pairing.sessions[-1].topics == ["logged meanwhile"]
    assert pairing.partner.role == "Data Analyst"

"""Privacy: files 0600 and folders 0700 even under umask 000; no command opens a socket;
private notes stay out of exports unless asked for."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers_faults import Outcome, make_pairing, report, run_cli

SECRET = "SECRET-NOTE-4711"

# Every command, run with arguments that make it do its work without a terminal.
EVERY_COMMAND: list[list[str]] = [
    ["--help"],
    ["--version"],
    ["start", "--partner", "Kim Lee", "--goal", "Learn to write prompts for weekly reports",
     "--defaults", "--name", "kim"],
    ["list"],
    ["list", "--json"],
    ["show", "sam"],
    ["show", "sam", "--json"],
    [],
    ["status"],
    ["status", "sam"],
    ["status", "sam", "--json"],
    ["prep", "sam"],
    ["prep", "sam", "--markdown"],
    ["log-session", "sam", "--yes", "--topic", "privacy", "--private-note", SECRET,
     "--progress", "genai-for-ops=3", "--pulse", "trust=4"],
    ["goals", "list", "sam"],
    ["goals", "add", "sam", "--text", "Run one team meeting in a new format", "--baseline", "2"],
    ["goals", "review", "sam", "--goal", "genai-for-ops", "--rating", "3", "--decision", "keep",
     "--yes"],
    ["check-goal", "Learn to use generative AI on my weekly reports by trying it"],
    ["check-goal", "--smart", "Get better at reporting"],
    ["self-check", *[f"--answer={q}=4" for q in (
        "listening", "styles", "learning", "feedback", "safety", "behaviour", "openness",
        "templates", "checklists", "guides")]],
    ["self-check", "--history"],
    ["guide", "--json"],
    ["guide", "trust", "sam", "--tick", "2"],
    ["export", "sam", "-o", "-"],
    ["export", "sam", "--format", "json", "-o", "-"],
    ["export", "sam", "--format", "ics", "--tz", "Europe/London", "-o", "-"],
    ["wrap-up", "sam", "--decision", "extend", "--weeks", "2", "--worked", "rhythm",
     "--yes"],
    ["wrap-up", "kim", "--decision", "conclude", "--yes"],
    ["reopen", "kim"],
    ["ask", "sam", "--sent", "2026-09-02", "--response", "accepted", "--on", "2026-09-04"],
    ["ask", "sam"],
    ["steps", "sam", "--json"],
    ["steps", "done", "sam", "1"],
    ["steps", "reopen", "sam", "1"],
    ["sessions", "sam", "--json"],
    ["sessions", "show", "sam", "1"],
    ["sessions", "remove", "sam", "1", "--yes"],
    ["doctor"],
    ["paths"],
    ["search", "prompt"],
    ["search", SECRET, "--include-private", "--json"],
    ["restore", "sam"],
    ["restore", "sam", "--json"],
    ["restore", "sam", "1", "--yes"],
    ["undo", "sam", "--yes"],
    ["archive", "sam"],
    ["list", "--all"],
    ["unarchive", "sam"],
    ["rename", "kim", "kim-lee"],
    ["delete", "kim-lee", "--yes"],
    ["undo", "kim-lee", "--yes"],
]

NO_SOCKETS = """
import socket, _socket

class _Blocked(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("socket creation blocked by the privacy test")

def _blocked(*args, **kwargs):
    raise OSError("socket creation blocked by the privacy test")

socket.socket = _Blocked
_socket.socket = _Blocked
socket.socketpair = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
"""


def modes(home: Path) -> dict[str, int]:
    return {p.relative_to(home).as_posix() or ".": stat.S_IMODE(p.stat().st_mode)
            for p in [home, *home.rglob("*")]}


def test_every_command_under_umask_000_keeps_files_private(home: Path, tmp_path: Path) -> None:
    make_pairing(home, "sam")
    home.chmod(0o700)
    ran = 0
    for args in EVERY_COMMAND:
        result = run_cli(*args, home=home, umask=0)
        assert result.code == 0, (args, result.output)
        ran += 1
    found = modes(home)
    loose = {name: oct(mode) for name, mode in found.items()
             if mode & 0o077}
    assert loose == {}, "everything in the data folder is for its owner only"
    folders = [n for n in found if (home / n).is_dir()]
    assert all(found[n] == 0o700 for n in folders), {n: oct(found[n]) for n in folders}
    assert any(n.startswith("backups/") for n in found), "saves keep backups"
    report("privacy umask 000", commands=ran, files_checked=len(found) - len(folders),
           folders_checked=len(folders))


def test_a_fresh_data_folder_made_under_umask_000(home: Path) -> None:
    result = run_cli(*EVERY_COMMAND[2], home=home, umask=0)
    assert result.code == 0, result.output
    for name, mode in modes(home).items():
        assert mode & 0o077 == 0, (name, oct(mode))


def test_no_command_opens_a_socket(home: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_SOCKETS)
    env = {"PYTHONPATH": str(site)}
    # The blocker itself works.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"],
        capture_output=True, text=True, env={**_env(), **env}, check=False,
    )
    assert probe.returncode != 0 and "blocked by the privacy test" in probe.stderr
    make_pairing(home, "sam")
    ran = 0
    for args in EVERY_COMMAND:
        result: Outcome = run_cli(*args, home=home, env=env)
        assert "blocked by the privacy test" not in result.output, (args, result.output)
        assert result.code == 0, (args, result.output)
        ran += 1
    report("no sockets", commands=ran)


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


@pytest.mark.parametrize("fmt", ["markdown", "json", "ics"])
def test_private_notes_stay_out_of_exports(home: Path, fmt: str) -> None:
    make_pairing(home, "sam", private="an earlier private worry")
    assert run_cli("log-session", "sam", "--yes", "--topic", "t", "--private-note", SECRET,
                   home=home).code == 0
    result = run_cli("export", "sam", "--format", fmt, "-o", "-", home=home)
    assert result.code == 0, result.output
    assert SECRET not in result.out and "private worry" not in result.out
    if fmt == "markdown":
        shared = run_cli("export", "sam", "--include-private", "-o", "-", home=home)
        assert shared.code == 0
        assert SECRET in shared.out, "asked for, the private notes are there"


def test_private_notes_stay_out_of_the_success_story(home: Path, tmp_path: Path) -> None:
    make_pairing(home, "sam", private=SECRET)
    story = tmp_path / "story.md"
    result = run_cli("wrap-up", "sam", "--decision", "conclude", "--yes", "--story", str(story),
                     home=home)
    assert result.code == 0, result.output
    assert story.exists() and SECRET not in story.read_text()

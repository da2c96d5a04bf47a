"""Shared by the fault, fuzz and bad-input tests: pairings to attack, child processes with
limits, snapshots of a data folder, and the counts the reliability section quotes."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SLOW = os.environ.get("REVMENTOR_SLOW", "") not in ("", "0")
SUMMARY = ROOT / ".pytest_cache" / "revmentor-reliability.txt"


def scale(normal: int, slow: int) -> int:
    """How many rounds to run: a few in the normal suite, many with REVMENTOR_SLOW=1."""
    return slow if SLOW else normal


def report(what: str, **counts: object) -> None:
    """Print counts (shown with -s) and keep them in .pytest_cache for the README."""
    line = f"[reliability] {what}: " + ", ".join(f"{k}={v}" for k, v in counts.items())
    print(line)
    SUMMARY.parent.mkdir(exist_ok=True)
    with SUMMARY.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")


class Tally:
    """Cases tried and failed per category, reported when a test module ends.

    `start(category)` counts a case as tried and, until `passed(category)`, as failed.
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.tried: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()

    def start(self, category: str) -> None:
        self.tried[category] += 1
        self.failed[category] += 1

    def passed(self, category: str) -> None:
        self.failed[category] -= 1

    def report(self) -> None:
        for category in sorted(self.tried):
            report(f"{self.what}: {category}", cases=self.tried[category],
                   failures=self.failed[category])


def pairing_data(n_sessions: int = 5, *, private: str | None = None) -> dict[str, Any]:
    """A valid pairing as plain data: three goals, `n_sessions` fortnightly sessions."""
    first = date(2026, 9, 8)
    sessions = []
    for i in range(n_sessions):
        s: dict[str, Any] = {
            "date": (first + timedelta(days=14 * i)).isoformat(),
            "minutes": 45,
            "topics": [f"topic {i}", "prompt patterns"],
            "i_learned": "Giving the model a template halves the editing.",
            "they_learned": "How the board reads risk.",
            "progress": {"genai-for-ops": 1 + i % 5},
            "pulse": {"open_mind": 4, "trust": 3 + i % 3},
            "next_steps": ["Try it on one report"],
        }
        if private and i == 0:
            s["private_note"] = private
        sessions.append(s)
    return {
        "schema": 1,
        "created": "2026-09-01",
        "me": {"name": "Helen Okafor", "role": "COO", "side": "mentee"},
        "partner": {"name": "Sam Rivera", "role": "Data Analyst"},
        "goals": [
            {"id": "genai-for-ops", "text": "Use generative AI on weekly reports",
             "baseline": 1, "history": [{"date": "2026-09-01", "event": "created"}]},
            {"id": "gen-z-expectations", "text": "Understand how younger colleagues work",
             "baseline": 2},
            {"id": "sam-strategy", "text": "Learn how a budget case is built",
             "owner": "partner", "baseline": 2},
        ],
        "ground_rules": {"frequency": "fortnightly", "session_minutes": 45},
        "horizon": {"start": "2026-09-07", "end": "2026-12-07"},
        "sessions": sessions,
    }


def make_pairing(home: Path, slug: str = "sam", n_sessions: int = 5, **kw: Any) -> Path:
    """Create a pairing through the store, as `revmentor start` would."""
    from revmentor.model import Pairing
    from revmentor.store import Store

    pairing = Pairing.model_validate(pairing_data(n_sessions, **kw))
    return Store(home).create(slug, pairing)


@dataclass(frozen=True)
class Snapshot:
    files: dict[str, tuple[bytes, int, int]]

    @classmethod
    def of(cls, folder: Path) -> Snapshot:
        """Every file under `folder` (bytes, mtime, mode) except the disposable read cache."""
        files: dict[str, tuple[bytes, int, int]] = {}
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                rel = path.relative_to(folder).as_posix()
                if path.is_file() and not rel.startswith("cache/"):
                    st = path.stat()
                    files[rel] = (path.read_bytes(), st.st_mtime_ns, st.st_mode)
        return cls(files)

    def changes(self, other: Snapshot) -> list[str]:
        names = sorted(set(self.files) | set(other.files))
        return [n for n in names if self.files.get(n) != other.files.get(n)]


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


def run_cli(
    *args: str,
    home: Path,
    env: dict[str, str] | None = None,
    input: str | bytes | None = "",
    close_stdin: bool = False,
    timeout: float = 60,
    memory_mb: int | None = None,
    umask: int | None = None,
) -> Outcome:
    """`python -m revmentor ARGS` in a child process without a terminal.

    `close_stdin` runs it with file descriptor 0 closed; `memory_mb` caps its address
    space, so a runaway allocation ends in MemoryError instead of swapping.
    """

    def limits() -> None:
        if memory_mb is not None:
            size = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))
        if umask is not None:
            os.umask(umask)
        if close_stdin:
            os.close(0)

    full_env = {
        **os.environ,
        "REVMENTOR_HOME": str(home),
        "REVMENTOR_TODAY": "2026-11-21",
        "COLUMNS": "100",
        "NO_COLOR": "1",
        **(env or {}),
    }
    full_env.pop("VISUAL", None)
    full_env.pop("EDITOR", None)
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "revmentor", *args],
        input=None if close_stdin else data,
        stdin=subprocess.DEVNULL if close_stdin else None,
        capture_output=True,
        env=full_env,
        timeout=timeout,
        preexec_fn=limits,
        check=False,
    )
    return Outcome(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def assert_clean_failure(result: Outcome, *, code: int = 1) -> None:
    """A failure the way revmentor means to fail: a message, the exit code, no traceback."""
    assert "Traceback" not in result.output, result.output
    assert "Error: unexpected " not in result.err, result.err
    assert result.code == code, (result.code, result.output)
    assert result.err.strip(), "an error must say what went wrong"
    assert "\x1b" not in result.output, "escape sequences must never reach the terminal raw"


def assert_no_crash(result: Outcome) -> None:
    """Accepted (exit 0) or refused cleanly (exit 1); never a traceback."""
    assert "Traceback" not in result.output, result.output
    assert "Error: unexpected " not in result.err, result.err
    assert result.code in (0, 1), (result.code, result.output)
    if result.code == 1:
        assert result.output.strip(), "a refusal must say why"
    assert "\x1b" not in result.output

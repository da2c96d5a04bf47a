"""Several processes adding sessions to one pairing at the same moment lose nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers_faults import make_pairing, report, scale

WRITER = r"""
import sys
from datetime import date
from revmentor.model import Session
from revmentor.store import Store

st = Store()
slug, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.stdin.readline()  # start together
for i in range(count):
    with st.update(slug) as p:
        p.sessions.append(Session(date=date(2026, 11, 21), topics=[f"{name}-{i}"]))
        if i % 5 == 4:
            p.partner.background = f"changed by {name} {i}"
print("done", flush=True)
"""


def topics(home: Path, slug: str) -> list[str]:
    from revmentor.store import Store, parse

    path = Store(home).path_for(slug)
    _, pairing = parse(path.read_text(encoding="utf-8"), path)
    return [t for s in pairing.sessions for t in s.topics]


def test_concurrent_writers_through_the_store(home: Path) -> None:
    writers, each = scale(4, 8), scale(8, 40)
    make_pairing(home, "busy", n_sessions=3)
    env = {**os.environ, "REVMENTOR_HOME": str(home)}
    children = [
        subprocess.Popen([sys.executable, "-c", WRITER, "busy", f"w{n}", str(each)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
        for n in range(writers)
    ]
    for child in children:  # release them all at once, once every one is running
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, _ = child.communicate(timeout=300)
        assert child.returncode == 0 and "done" in out
    found = [t for t in topics(home, "busy") if t.startswith("w")]
    expected = {f"w{n}-{i}" for n in range(writers) for i in range(each)}
    assert expected <= set(found)
    assert len(found) == len(set(found)), "no session may be written twice"
    report("concurrency (store API)", writers=writers, sessions_each=each,
           sessions_found=len(expected & set(found)), lost=len(expected - set(found)))


def test_concurrent_log_session_commands(home: Path) -> None:
    """The command line: several `log-session` processes started together."""
    runs = scale(6, 24)
    make_pairing(home, "cli", n_sessions=3)
    env = {**os.environ, "REVMENTOR_HOME": str(home), "REVMENTOR_TODAY": "2026-11-21"}
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "revmentor", "log-session", "cli", "--yes",
             "--topic", f"cli-{i}", "--minutes", "30"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env,
        )
        for i in range(runs)
    ]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    found = topics(home, "cli")
    assert {f"cli-{i}" for i in range(runs)} <= set(found)
    report("concurrency (log-session)", processes=runs, sessions_found=runs)

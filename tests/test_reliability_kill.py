"""Crash safety: a process saving over and over is SIGKILLed at random moments.

The deterministic sweep over every I/O call of a save is in test_kill_points.py; this
one adds real timing, the command line, and many saves in a row.

Afterwards every pairing file (and every backup) parses and validates, and holds every
session whose save had returned. About 20 kills in the normal suite; REVMENTOR_SLOW=1 runs
240 (and more command-line kills).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.helpers_faults import make_pairing, report, run_cli, scale

# Saves sessions in a loop and acknowledges each one once `update` has returned. Every
# fourth save also adds or removes a key, which goes through ruamel's round trip rather
# than the in-place splice, so both ways of writing are killed mid-flight.
CHILD = r"""
import sys
from datetime import date
from revmentor.model import Ask, Session
from revmentor.store import Store

st = Store()
slug, prefix = sys.argv[1], sys.argv[2]
print("ready", flush=True)
i = 0
while True:
    with st.update(slug) as p:
        p.sessions.append(Session(date=date(2026, 11, 21), topics=[f"{prefix}-{i}"],
                                  i_learned="x" * (i % 7) * 40))
        if i % 4 == 3:
            p.ask = None if p.ask else Ask(topic=f"ask {prefix} {i}")
    print(f"ack {prefix}-{i}", flush=True)
    i += 1
"""


def topics_in(home: Path, slug: str) -> set[str]:
    """Topics of the file on disk, read without the cache and validated from scratch."""
    from revmentor.store import Store, parse

    st = Store(home)
    path = st.path_for(slug)
    _, pairing = parse(path.read_text(encoding="utf-8"), path)
    assert st.read(slug) == pairing, "the read cache must agree with the file"
    return {t for s in pairing.sessions for t in s.topics}


def check_backups(home: Path) -> int:
    from revmentor.store import parse

    count = 0
    for backup in sorted((home / "backups").rglob("*.yaml")):
        parse(backup.read_text(encoding="utf-8"), backup)
        count += 1
    return count


def test_sigkill_at_random_moments_loses_no_acknowledged_save(home: Path) -> None:
    kills = scale(20, 240)
    seed = int(os.environ.get("REVMENTOR_SEED", time.time_ns() % 10**6))
    rng = random.Random(seed)
    env = {**os.environ, "REVMENTOR_HOME": str(home)}
    acked: dict[str, set[str]] = {}
    total_acks = mid_save = 0
    slug = ""
    for round_no in range(kills):
        if round_no % 20 == 0:  # a fresh pairing now and then keeps the files small
            slug = f"kill-{round_no // 20}"
            make_pairing(home, slug)
            acked[slug] = set()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, slug, f"r{round_no}"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # The first acknowledged save, before the clock starts: on a loaded machine the
        # first save (imports, schema build) can take longer than any random wait, and
        # kills before it would test nothing. What follows is timed from a running loop.
        first = child.stdout.readline().strip()
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        lines = [first, *child.stdout.read().splitlines()]
        child.stdout.close()
        done = {line.split()[1] for line in lines if line.startswith("ack ")}
        acked[slug] |= done
        total_acks += len(done)
        on_disk = topics_in(home, slug)
        missing = acked[slug] - on_disk
        assert not missing, f"seed {seed}, round {round_no}: lost {sorted(missing)}"
        # A save that was under way may or may not have landed; either is fine.
        mid_save += len(on_disk - acked[slug] - {"topic 0", "topic 1", "topic 2",
                                                  "topic 3", "topic 4", "prompt patterns"})
        acked[slug] |= on_disk
    backups = check_backups(home)
    leftovers = len(list((home / "pairings").glob(".*.tmp")))
    report("kill (store API)", seed=seed, kills=kills, acknowledged_saves=total_acks,
           unacknowledged_saves_found_on_disk=mid_save, backups_checked=backups,
           temp_files_left=leftovers)
    assert total_acks >= kills, "every round lets the child complete a save first"


def test_sigkill_of_log_session_commands(home: Path) -> None:
    """The same through the command line: `log-session` killed at random moments."""
    rounds = scale(4, 40)
    rng = random.Random(int(os.environ.get("REVMENTOR_SEED", "11")))
    make_pairing(home, "cli")
    env = {**os.environ, "REVMENTOR_HOME": str(home), "REVMENTOR_TODAY": "2026-11-21"}
    acked: set[str] = set()
    finished = 0
    for i in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-m", "revmentor", "log-session", "cli", "--yes",
             "--topic", f"cli-{i}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            env=env,
        )
        try:
            child.wait(timeout=rng.uniform(0.1, 1.2))
            assert child.returncode == 0, child.stderr.read() if child.stderr else ""
            acked.add(f"cli-{i}")
            finished += 1
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.stderr:
                child.stderr.close()
        assert acked <= topics_in(home, "cli")
    result = run_cli("doctor", home=home)
    assert result.code == 0, result.output
    report("kill (log-session)", runs=rounds, killed=rounds - finished, completed=finished)

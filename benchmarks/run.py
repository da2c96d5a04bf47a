#!/usr/bin/env python3
"""Whole-process speed of revmentor against `python -c "import typer"` and its peers.

Run it from an environment where revmentor is installed:

    python benchmarks/run.py            # 15 timed runs per command after one warm-up
    python benchmarks/run.py --runs 30 --no-peers

It builds its own data in a temporary folder (20 pairings of 52 sessions, and one pairing
of 500 sessions), times each command as a separate process (wall clock, median), prints a
table of medians and ratios to the baseline, and writes it to benchmarks/results/latest.md.
The peers (jrnl, Watson) are installed with pip into a temporary virtual environment of
the benchmark's own; when that fails the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 21)

# --- realistic data ---------------------------------------------------------------

TOPICS = [
    "prompt patterns for weekly reports",
    "what generative AI gets wrong",
    "how the budget cycle really works",
    "reading the board's priorities",
    "feedback that lands with younger colleagues",
    "hybrid meeting formats",
    "automating a spreadsheet with low-code tools",
    "data privacy with AI assistants",
    "building a business case",
    "career moves towards product roles",
    "running a 15-minute check-in",
    "social media for senior leaders",
    "presenting to executives",
    "ground rules and how they are going",
    "mid-point review",
]
LEARNED = [
    "Giving the assistant the report's template and its audience halves the editing.",
    "A short weekly check-in catches problems earlier than the monthly one did.",
    "The board cares more about risk than speed; lead with what could go wrong.",
    "Which of our data must never be pasted into a public chat assistant, and why.",
    "How to read an executive's calendar for what really matters this quarter.",
    "Asking for feedback first makes it easier for the junior person to be candid.",
    "A low-code flow saved two hours a week on the stock report.",
    "Sponsors want the cost of doing nothing spelled out, not only the benefits.",
    "Younger colleagues expect reasons for decisions, not just the decisions.",
    "I can check a model's answer by asking it for its sources and reading them.",
]
STEPS = [
    "Try the assistant on one real report",
    "Share three prompt patterns",
    "Draft a one-page pitch",
    "Book a slot with IT about an approved tool",
    "Run one meeting in the new format",
    "Send the summary before Friday",
]
NOTES = [
    "I was nervous about looking out of date; this went well.",
    "Felt rushed today; keep the full 45 minutes next time.",
    "Trust is building; we talked openly about the reorganisation.",
]
GOALS = [
    ("genai-for-ops", "Use generative AI on real weekly reports to judge where it helps"),
    ("gen-z-expectations", "Understand how younger colleagues want feedback and flexibility"),
    ("exec-pitch", "Learn how a budget case is built and defended at executive level"),
    ("low-code", "Automate one recurring report with a low-code tool"),
]

HEADER = """\
# A reverse-mentoring pairing, as revmentor keeps it (schema 1).
# Built by benchmarks/run.py to time revmentor on realistic files.
"""


def pairing_data(rng: random.Random, n_sessions: int, partner: str) -> dict[str, object]:
    """Plain data for one pairing of `n_sessions` weekly sessions ending before TODAY."""
    first = TODAY - timedelta(days=7 * n_sessions + 3)
    goals = []
    for gid, text in GOALS[: rng.randint(3, 4)]:
        goals.append(
            {
                "id": gid,
                "text": text,
                "owner": rng.choice(["me", "me", "partner", "shared"]),
                "why": "It matters for the plan we agreed this year.",
                "real": {"relevant": True, "experimental": True, "aspirational": True,
                         "learning_based": rng.random() > 0.2},
                "baseline": rng.randint(1, 3),
                "status": "active",
                "history": [{"date": first.isoformat(), "event": "created"}],
            }
        )
    sessions = []
    for i in range(n_sessions):
        day = first + timedelta(days=7 * i + 1)
        s: dict[str, object] = {
            "date": day.isoformat(),
            "minutes": rng.choice([30, 45, 45, 60]),
            "topics": rng.sample(TOPICS, rng.randint(1, 3)),
            "i_learned": rng.choice(LEARNED),
            "they_learned": rng.choice(LEARNED),
            "progress": {g["id"]: rng.randint(1, 5) for g in rng.sample(goals, 2)},
            "pulse": {p: rng.randint(3, 5)
                      for p in ("open_mind", "respect", "trust", "authenticity")},
            "next_steps": rng.sample(STEPS, rng.randint(1, 2)),
        }
        if rng.random() < 0.2:
            s["private_note"] = rng.choice(NOTES)
        sessions.append(s)
    reviews = [
        {
            "date": (first + timedelta(days=42 * k + 1)).isoformat(),
            "entries": [{"goal": g["id"], "rating": rng.randint(2, 4), "decision": "keep"}
                        for g in goals],
            "note": "Good momentum; keep the rhythm.",
        }
        for k in range(n_sessions // 6)
    ]
    end = TODAY + timedelta(days=30)
    return {
        "schema": 1,
        "kind": "reverse-mentoring",
        "created": first.isoformat(),
        "state": "active",
        "me": {"name": "Helen Okafor", "role": "Chief Operating Officer",
               "generation": "Gen X", "offers": ["career guidance"], "side": "mentee"},
        "partner": {"name": partner, "role": "Data Analyst", "generation": "Gen Z",
                    "offers": ["hands-on generative AI"]},
        "goals": goals,
        "ground_rules": {"frequency": "weekly", "session_minutes": 45,
                         "confidentiality": "What we share stays between us."},
        "horizon": {"start": (end - timedelta(days=91)).isoformat(), "end": end.isoformat()},
        "sessions": sessions,
        "reviews": reviews,
        "wrap_ups": [],
    }


def write_pairing(home: Path, slug: str, data: dict[str, object]) -> Path:
    """Write through revmentor's own store, so the file is exactly what it would write."""
    from revmentor import yamlio
    from revmentor.model import Pairing
    from revmentor.store import DIR_MODE, FILE_MODE, atomic_write

    pairing = Pairing.model_validate(data)
    folder = home / "pairings"
    folder.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    path = folder / f"{slug}.yaml"
    atomic_write(path, HEADER + yamlio.dump_new(pairing.to_data()))
    os.chmod(path, FILE_MODE)
    return path


def build_stores(root: Path) -> tuple[Path, Path]:
    rng = random.Random(7)
    many = root / "home-20x52"
    partners = ["Sam Rivera", "Aisha Khan", "Tom Berg", "Lena Vogel", "Kofi Mensah"]
    for i in range(20):
        write_pairing(many, f"pairing-{i:02d}",
                      pairing_data(rng, 52, f"{partners[i % len(partners)]} {i}"))
    big = root / "home-1x500"
    write_pairing(big, "big", pairing_data(rng, 500, "Sam Rivera"))
    return many, big


# --- peers -----------------------------------------------------------------------


@dataclass
class Peer:
    name: str
    argv: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    problem: str = ""


def _pip_install(venv: Path, package: str) -> str:
    """Install `package` into the benchmark's venv; '' on success, else the reason."""
    pip = venv / "bin" / "pip"
    proc = subprocess.run([str(pip), "install", "--quiet", "--disable-pip-version-check",
                           package], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["pip failed"])[-1]
        return f"not installable here ({last[:80]})"
    return ""


def setup_peers(root: Path) -> list[Peer]:
    venv = root / "peers-venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True,
                          text=True)
    if made.returncode != 0:
        why = "could not create a virtual environment"
        return [Peer("jrnl -n 5", problem=why), Peer("watson log", problem=why)]
    return [_setup_jrnl(root, venv), _setup_watson(root, venv)]


def _setup_jrnl(root: Path, venv: Path) -> Peer:
    peer = Peer("jrnl -n 5 (200 entries)")
    peer.problem = _pip_install(venv, "jrnl")
    if peer.problem:
        return peer
    config_home = root / "jrnl-config"
    (config_home / "jrnl").mkdir(parents=True)
    journal = root / "jrnl-journal.txt"
    rng = random.Random(3)
    start = datetime(2026, 1, 5, 9, 0)
    with journal.open("w", encoding="utf-8") as fh:
        for i in range(200):
            when = start + timedelta(days=i, hours=rng.randint(0, 8))
            fh.write(f"[{when:%Y-%m-%d %I:%M:%S %p}] {rng.choice(TOPICS).capitalize()}.\n")
            fh.write(f"{rng.choice(LEARNED)} {rng.choice(LEARNED)}\n\n")
    version = subprocess.run([str(venv / "bin" / "jrnl"), "--version"], capture_output=True,
                             text=True, env={**os.environ, "XDG_CONFIG_HOME": str(config_home)})
    found = re.search(r"jrnl v?(\d+(?:\.\d+)+)", version.stdout + version.stderr)
    ver = f"v{found.group(1)}" if found else "v4.6"
    config = {
        "colors": {"body": "none", "date": "none", "tags": "none", "title": "none"},
        "default_hour": 9,
        "default_minute": 0,
        "editor": "",
        "encrypt": False,
        "highlight": True,
        "indent_character": "|",
        "journals": {"default": {"journal": str(journal)}},
        "linewrap": 79,
        "tagsymbols": "#@",
        "template": False,
        "timeformat": "%Y-%m-%d %I:%M:%S %p",
        "version": ver,
    }
    # Real YAML: jrnl takes a JSON configuration for one from jrnl 1.x and offers to upgrade.
    import yaml

    (config_home / "jrnl" / "jrnl.yaml").write_text(yaml.safe_dump(config))
    peer.argv = [str(venv / "bin" / "jrnl"), "-n", "5"]
    peer.env = {"XDG_CONFIG_HOME": str(config_home), "HOME": str(root)}
    return peer


def _setup_watson(root: Path, venv: Path) -> Peer:
    peer = Peer("watson log (200 frames)")
    peer.problem = _pip_install(venv, "td-watson")
    if peer.problem:
        return peer
    folder = root / "watson"
    folder.mkdir()
    now = int(time.time())
    rng = random.Random(5)
    frames = []
    for i in range(200):
        start = now - (200 - i) * 3600 * 3
        frames.append([start, start + 2700, rng.choice(["mentoring", "reports", "pitch"]),
                       f"{i:032x}", ["session"], start + 2700])
    (folder / "frames").write_text(json.dumps(frames))
    peer.argv = [str(venv / "bin" / "watson"), "log"]
    peer.env = {"WATSON_DIR": str(folder), "HOME": str(root)}
    return peer


# --- timing ------------------------------------------------------------------------


@dataclass
class Case:
    label: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    budget: float | None = None
    before: Callable[[], None] | None = None
    problem: str = ""
    times: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def revmentor_argv() -> list[str]:
    script = Path(sys.executable).parent / "revmentor"
    found = str(script) if script.exists() else shutil.which("revmentor")
    return [found] if found else [sys.executable, "-m", "revmentor"]


def common_env(root: Path) -> dict[str, str]:
    """The environment every timed process shares, whichever program it runs.

    Each program runs from compiled bytecode, as it would after `pip install`: with
    PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile its source
    on every run while the baseline's and the peers' packages came precompiled. One
    bytecode folder in the temporary folder serves all of them alike, and is filled by
    the warm-up.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(root / "bytecode"), "NO_COLOR": "1",
            "COLUMNS": "100"}


def run_once(case: Case, common: dict[str, str]) -> float:
    if case.before is not None:
        case.before()
    env = {**common, **case.env}
    start = time.perf_counter()
    proc = subprocess.run(case.argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0 and not case.problem:
        first = (proc.stderr.decode(errors="replace").strip().splitlines() or [""])[0]
        case.problem = f"exit {proc.returncode}: {first[:90]}"
    return elapsed


def measure(cases: list[Case], runs: int, warmup: int, common: dict[str, str]) -> None:
    live = [c for c in cases if not c.problem]
    for _ in range(max(1, warmup)):
        for case in live:
            run_once(case, common)
    # Round-robin, so a burst of load on the machine hits every command alike.
    for _ in range(runs):
        for case in live:
            if not case.problem:
                case.times.append(run_once(case, common))


def table(cases: list[Case], runs: int) -> str:
    base = cases[0].median
    lines = [
        f"Median wall time of {runs} runs after a warm-up, whole process, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, {date.today()}.",
        "",
        "| command | median | ratio to `import typer` | budget | within |",
        "| --- | ---: | ---: | ---: | :---: |",
    ]
    for case in cases:
        if case.problem or not case.times:
            lines.append(f"| {case.label} | n/a | | {_budget(case)} | {case.problem} |")
            continue
        ratio = case.median / base
        ok = "" if case.budget is None else ("yes" if ratio <= case.budget else "**no**")
        lines.append(f"| {case.label} | {case.median * 1000:.0f} ms | {ratio:.2f} | "
                     f"{_budget(case)} | {ok} |")
    return "\n".join(lines) + "\n"


def _budget(case: Case) -> str:
    return "" if case.budget is None else f"<= {case.budget:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (>= 10)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (>= 1)")
    parser.add_argument("--no-peers", action="store_true", help="skip jrnl and Watson")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    root = Path(tempfile.mkdtemp(prefix="revmentor-bench-"))
    try:
        print(f"building data in {root} ...", file=sys.stderr)
        many, big = build_stores(root)
        rv = revmentor_argv()
        frozen = {"REVMENTOR_TODAY": TODAY.isoformat()}
        common = common_env(root)
        # Any first command reads and validates the file and keeps the result in the
        # data folder's cache, as it would on a user's machine.
        subprocess.run([*rv, "status"], env={**common, "REVMENTOR_HOME": str(big), **frozen},
                       stdout=subprocess.DEVNULL, check=True)
        saved = {p: p.read_bytes() for p in (big / "pairings" / "big.yaml",
                                             big / "cache" / "big.json") if p.exists()}

        def restore_big() -> None:
            # Each log-session run starts from the same 500 sessions: the file and its
            # cache entry are put back before every run, outside the timed part, so the
            # runs are comparable.
            for path, content in saved.items():
                path.write_bytes(content)
        cases = [
            Case('python -c "import typer" (baseline)', [sys.executable, "-c", "import typer"]),
            Case("revmentor --help", [*rv, "--help"], budget=1.3),
            Case("revmentor status (20 pairings x 52 sessions)", [*rv, "status"],
                 env={"REVMENTOR_HOME": str(many), **frozen}, budget=2.0),
            Case("revmentor status (1 pairing x 500 sessions)", [*rv, "status"],
                 env={"REVMENTOR_HOME": str(big), **frozen}, budget=2.0),
            Case("revmentor export big (Markdown, 500 sessions)",
                 [*rv, "export", "big", "--format", "markdown", "--output", "-"],
                 env={"REVMENTOR_HOME": str(big), **frozen}, budget=3.0),
            Case("revmentor log-session --yes (into 500 sessions)",
                 [*rv, "log-session", "big", "--yes", "--date", TODAY.isoformat(),
                  "--topic", "prompt patterns", "--i-learned", LEARNED[0],
                  "--they-learned", LEARNED[2], "--next-step", STEPS[0]],
                 env={"REVMENTOR_HOME": str(big), **frozen}, budget=3.0,
                 before=restore_big),
        ]
        if args.no_peers:
            cases += [Case("jrnl -n 5 (200 entries)", [], problem="skipped (--no-peers)"),
                      Case("watson log (200 frames)", [], problem="skipped (--no-peers)")]
        else:
            print("installing jrnl and td-watson into a temporary venv ...", file=sys.stderr)
            for peer in setup_peers(root):
                cases.append(Case(peer.name, peer.argv, env=peer.env, problem=peer.problem))
        print(f"timing {len(cases)} commands x {args.runs} runs ...", file=sys.stderr)
        measure(cases, args.runs, args.warmup, common)
        restore_big()
        text = table(cases, args.runs)
        text += _verdict(cases)
        print(text)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"written to {args.out}", file=sys.stderr)
    finally:
        if args.keep:
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


def _verdict(cases: list[Case]) -> str:
    by = {c.label.split(" (")[0] if c.label.startswith("jrnl") else c.label: c for c in cases}
    jrnl = by.get("jrnl -n 5")
    status = [c for c in cases if c.label.startswith("revmentor status") and c.times]
    if jrnl is None or not jrnl.times or not status:
        return "\n`status` vs `jrnl -n 5`: not compared (one of them did not run).\n"
    slowest = max(c.median for c in status)
    word = "no slower than" if slowest <= jrnl.median else "**slower than**"
    return (f"\nSlowest `status` ({slowest * 1000:.0f} ms) is {word} `jrnl -n 5` "
            f"({jrnl.median * 1000:.0f} ms).\n")


if __name__ == "__main__":
    sys.exit(main())

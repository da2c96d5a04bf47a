#!/usr/bin/env python3
"""Whole-process speed of revmentor against its speed budgets, timed with hyperfine.

Run it from the project's environment, with revmentor installed (`pip install -e .`):

    python benchmarks/run.py                # 15 timed runs per command, 3 warm-ups
    python benchmarks/run.py --runs 30
    python benchmarks/run.py --quick        # fewer cases, the ones the budgets hinge on
    python benchmarks/run.py --no-peers     # without jrnl and Watson

What it does, in order:

1. Builds realistic data in a temporary folder through revmentor's own store: a store of
   10 pairings of 52 weekly sessions, one pairing of 500 sessions and one of 5,000. Each
   store is read once by `revmentor status`, so its cache is filled as on a real machine.
   Copies serve the cases that delete the cache or write: a cold copy whose `cache/`
   folder is deleted before every run, and a write copy put back from a pristine copy
   before every run (file, cache and backups alike), so every run starts the same.
2. Installs the peers at pinned versions, jrnl==4.6 and td-watson==2.1.0, into a virtual
   environment of its own, benchmarks/.peers/venv (kept between runs while the pins and
   the Python version are unchanged), and today's revmentor (REFERENCE_COMMIT, exported
   with `git archive`) into benchmarks/.peers/revmentor-<commit>/, against which
   `check-goal` is held. jrnl gets a journal of 200 entries, Watson 200 frames.
3. Compiles every program's source to bytecode (`python -m compileall -q -j 0` on the
   installed revmentor source, on the reference's and on each environment's
   site-packages) and times every process with PYTHONDONTWRITEBYTECODE and
   PYTHONPYCACHEPREFIX unset, so each one runs from compiled bytecode as after a
   `pip install`.
4. Runs each case once to check that it succeeds (a failing case is reported, not timed),
   then times each group in ONE hyperfine invocation, so every ratio compares medians
   from the same run:

       /usr/bin/hyperfine -N --warmup 3 --runs 15 --style basic \\
           --export-json benchmarks/results/main.json \\
           --command-name=NAME_1 ... --command-name=NAME_k \\
           --prepare=PREP_1 ... --prepare=PREP_k \\
           'COMMAND_1' ... 'COMMAND_k'

   NAME, PREP and COMMAND come from the tables below (MAIN, GROWTH); PREP is `true`, or
   `sh -c 'rm -rf HOME/cache'` (no cache), or `sh -c 'rm -rf HOME && cp -a HOME.orig
   HOME'` (a writing command); the --prepare options are left out when all are `true`.
   Every command line is printed before it runs and kept in benchmarks/results/latest.md.
   The groups are `main` (the 10 x 52 store, the baseline and the peers) and `growth`
   (500 against 5,000 sessions, with the baseline). The read-only data is checked
   afterwards: should anything have changed it meanwhile, the run stops unreported.
5. Peak memory: each growth case runs three more times outside hyperfine, each under a
   small probe process (RSS_PROBE: posix_spawn, then os.wait4) that reads the peak
   resident set the kernel reports for it, the figure `/usr/bin/time -f %M` prints; the
   largest of the three is kept.
6. Pseudo-terminal: pexpect spawns `revmentor start` (in an empty data folder) and a bare
   questionary prompt, `questionary.text("x").unsafe_ask()`, in turns; each run is the
   time from the spawn until the first question's text appears. Median of --runs.

The tables are printed and written to benchmarks/results/latest.md, with hyperfine's JSON
next to it. The commands are kept declarative at the top of this file: when a command or
flag changes, change the tables, nothing else.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEERS_DIR = HERE / ".peers"
RESULTS = HERE / "results"
TODAY = date(2026, 11, 21)

# === what is timed: edit these tables when the command line changes ==================

HYPERFINE = "/usr/bin/hyperfine"  # or the first hyperfine on PATH
WARMUP = 3
PEER_PINS = ("jrnl==4.6", "td-watson==2.1.0")
# "Today's" revmentor, against which check-goal must stay within +20 ms (issue 12).
REFERENCE_COMMIT = "f1e5e6f864f9fff515a2314e39b09ef96be18af9"

PAIRING = "pairing-00"  # one of the 10 x 52 store
BIG = "big"  # the only pairing of the 500 and 5,000 stores
GOAL = "genai-for-ops"  # a goal every built pairing has, active
CHECK_GOAL_TEXT = (
    "Learn to use generative AI tools on our weekly operations reports, "
    "trying them on two real ones with Sam"
)
START_QUESTION = "Which side are you on?"  # the first question `revmentor start` asks
BARE_PROMPT = 'import questionary; questionary.text("x").unsafe_ask()'
BARE_QUESTION = "x"

# Placeholders: {py} this Python, {rv} the revmentor script, {ref} today's revmentor,
# {jrnl}, {watson}; data folders {many} (10 x 52, warm cache), {cold} (a copy whose cache
# is deleted before each run), {write} (a copy put back before each run).
NO_PREP = ""
UNCACHE = "rm -rf {home}/cache"
RESTORE = "rm -rf {home} && cp -a {home}.orig {home}"


@dataclass(frozen=True)
class Budget:
    """median <= ratio x against's median, or median <= against's median + plus_ms."""

    against: str
    ratio: float | None = None
    plus_ms: float | None = None

    def text(self) -> str:
        if self.plus_ms is not None:
            return f"<= {self.against} + {self.plus_ms:.0f} ms"
        return f"<= {self.ratio:g}x {self.against}"


@dataclass(frozen=True)
class Spec:
    key: str  # short name: budgets refer to it
    argv: tuple[str, ...]  # the command, with placeholders
    prepare: str = NO_PREP  # a shell snippet run by hyperfine before each run
    home: str = ""  # the {home} of `prepare`
    budget: Budget | None = None
    quick: bool = False  # kept by --quick
    needs: str = ""  # "peers" or "reference": left out when that is not there


def _rv(home: str, *args: str) -> tuple[str, ...]:
    return ("{rv}", "--home", "{" + home + "}", *args)


JRNL = "jrnl -n 5"
TODAYS = "check-goal today"
MAIN: list[Spec] = [
    Spec("import typer", ("{py}", "-c", "import typer"), quick=True),
    Spec("--help", ("{rv}", "--help"), budget=Budget("import typer", 1.1), quick=True),
    Spec("status", _rv("many", "status"), budget=Budget(JRNL, 1.0), quick=True),
    Spec("show", _rv("many", "show", PAIRING), budget=Budget(JRNL, 1.0)),
    Spec("prep", _rv("many", "prep", PAIRING), budget=Budget(JRNL, 1.0)),
    Spec("list", _rv("many", "list"), budget=Budget(JRNL, 1.0)),
    Spec("status, no cache", _rv("cold", "status"), UNCACHE, "cold", Budget(JRNL, 1.5),
         quick=True),
    Spec("show, no cache", _rv("cold", "show", PAIRING), UNCACHE, "cold", Budget(JRNL, 1.5)),
    Spec("prep, no cache", _rv("cold", "prep", PAIRING), UNCACHE, "cold", Budget(JRNL, 1.5)),
    Spec("list, no cache", _rv("cold", "list"), UNCACHE, "cold", Budget(JRNL, 1.5)),
    Spec("log-session --yes", _rv("write", "log-session", PAIRING, "--yes", "--topic", "x"),
         RESTORE, "write", Budget(JRNL, 1.5), quick=True),
    Spec("goals review keep",
         _rv("write", "goals", "review", PAIRING, "--goal", GOAL, "--decision", "keep",
             "--yes"),
         RESTORE, "write", Budget(JRNL, 3.0), quick=True),
    Spec("check-goal", ("{rv}", "check-goal", CHECK_GOAL_TEXT),
         budget=Budget(TODAYS, plus_ms=20), quick=True),
    Spec(TODAYS, ("{ref}", "check-goal", CHECK_GOAL_TEXT), needs="reference", quick=True),
    Spec("export", _rv("many", "export", PAIRING, "--output", "-")),
    Spec(JRNL, ("{jrnl}", "-n", "5"), needs="peers", quick=True),
    Spec("watson log", ("{watson}", "log"), needs="peers"),
]

# Growth: each command on one pairing of 500 and of 5,000 sessions. Warm cache unless the
# key says otherwise; writing commands start from the same file every run.
GROWTH_SIZES = (500, 5000)
GROWTH_MAX_MS = 1500.0  # at 5,000 sessions
GROWTH_MAX_FACTOR = 12.0  # 5,000 against 500
GROWTH_MAX_RSS_MIB = 150.0  # at 5,000 sessions
GROWTH: list[tuple[str, tuple[str, ...], str, bool]] = [
    # (key, arguments after `revmentor --home HOME`, prepare, quick)
    ("status", ("status",), NO_PREP, True),
    ("status, no cache", ("status",), UNCACHE, True),
    ("show", ("show", BIG), NO_PREP, False),
    ("prep", ("prep", BIG), NO_PREP, False),
    ("list", ("list",), NO_PREP, False),
    ("export", ("export", BIG, "--output", "-"), NO_PREP, False),
    ("log-session --yes", ("log-session", BIG, "--yes", "--topic", "x"), RESTORE, True),
    ("goals review keep",
     ("goals", "review", BIG, "--goal", GOAL, "--decision", "keep", "--yes"), RESTORE, True),
]


def growth_specs() -> list[Spec]:
    specs = [Spec("import typer", ("{py}", "-c", "import typer"), quick=True)]
    for n in GROWTH_SIZES:
        for key, args, prep, quick in GROWTH:
            home = {NO_PREP: f"h{n}", UNCACHE: f"c{n}", RESTORE: f"w{n}"}[prep]
            specs.append(Spec(f"{key} @{n}", _rv(home, *args), prep, home, quick=quick))
    return specs


# === realistic data ==================================================================

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


WRITTEN_AS_PLAIN_YAML: list[str] = []


def write_pairing(home: Path, slug: str, data: dict[str, object]) -> Path:
    """Write through revmentor's own store, so the file is what it would write itself.

    Should the store's interface have moved, the plain data is written as YAML instead
    (a pairing file is YAML that anyone may write by hand).
    """
    try:
        from revmentor.model import Pairing
        from revmentor.store import Store

        return Path(Store(home).create(slug, Pairing.model_validate(data)))
    except (ImportError, AttributeError, TypeError):
        import yaml

        WRITTEN_AS_PLAIN_YAML.append(slug)

        folder = home / "pairings"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"{slug}.yaml"
        path.write_text(HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                        encoding="utf-8")
        os.chmod(path, 0o600)
        return path


def build_stores(root: Path) -> dict[str, Path]:
    """The data folders, by placeholder name."""
    rng = random.Random(7)
    partners = ["Sam Rivera", "Aisha Khan", "Tom Berg", "Lena Vogel", "Kofi Mensah"]
    homes = {"many": root / "home-10x52"}
    for i in range(10):
        write_pairing(homes["many"], f"pairing-{i:02d}",
                      pairing_data(rng, 52, f"{partners[i % len(partners)]} {i}"))
    for n in GROWTH_SIZES:
        homes[f"h{n}"] = root / f"home-1x{n}"
        write_pairing(homes[f"h{n}"], BIG, pairing_data(rng, n, "Sam Rivera"))
    return homes


def jrnl_data(root: Path) -> dict[str, str]:
    """A journal of 200 entries and its configuration; the environment jrnl needs."""
    import yaml

    config_home = root / "xdg-config"
    (config_home / "jrnl").mkdir(parents=True)
    journal = root / "jrnl-journal.txt"
    rng = random.Random(3)
    start = datetime(2026, 1, 5, 9, 0)
    with journal.open("w", encoding="utf-8") as fh:
        for i in range(200):
            when = start + timedelta(days=i, hours=rng.randint(0, 8))
            fh.write(f"[{when:%Y-%m-%d %I:%M:%S %p}] {rng.choice(TOPICS).capitalize()}.\n")
            fh.write(f"{rng.choice(LEARNED)} {rng.choice(LEARNED)}\n\n")
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
        "version": "v" + PEER_PINS[0].split("==")[1],
    }
    # YAML, as jrnl 4 writes it: a JSON configuration is taken for jrnl 1's and upgraded.
    (config_home / "jrnl" / "jrnl.yaml").write_text(yaml.safe_dump(config))
    return {"XDG_CONFIG_HOME": str(config_home)}


def watson_data(root: Path) -> dict[str, str]:
    """200 frames of three hours apart, ending now; the environment Watson needs."""
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
    return {"WATSON_DIR": str(folder)}


# === the programs ====================================================================


def _run(argv: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=False, **kw)


def _last_line(proc: subprocess.CompletedProcess[str]) -> str:
    return ((proc.stderr or proc.stdout).strip().splitlines() or ["failed"])[-1][:100]


def revmentor_script() -> str:
    script = Path(sys.executable).parent / "revmentor"
    found = str(script) if script.exists() else shutil.which("revmentor")
    if not found:
        raise SystemExit("revmentor is not installed in this environment (pip install -e .)")
    return found


def setup_peers() -> tuple[dict[str, str], str]:
    """jrnl and watson at the pinned versions: their scripts, or the reason they are not."""
    venv = PEERS_DIR / "venv"
    stamp = venv / "pins.txt"
    want = "\n".join([*PEER_PINS, sys.version]) + "\n"
    if not stamp.exists() or stamp.read_text() != want:
        print(f"installing {' '.join(PEER_PINS)} into {venv} ...", file=sys.stderr)
        shutil.rmtree(venv, ignore_errors=True)
        made = _run([sys.executable, "-m", "venv", str(venv)])
        if made.returncode != 0:
            return {}, f"no virtual environment ({_last_line(made)})"
        pip = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    *PEER_PINS], timeout=900)
        if pip.returncode != 0:
            return {}, f"not installable here ({_last_line(pip)})"
        stamp.write_text(want)
    return {"jrnl": str(venv / "bin" / "jrnl"), "watson": str(venv / "bin" / "watson")}, ""


def setup_reference() -> tuple[str, str]:
    """revmentor at REFERENCE_COMMIT in its own environment: its script, or why not."""
    dest = PEERS_DIR / f"revmentor-{REFERENCE_COMMIT[:12]}"
    script = dest / "venv" / "bin" / "revmentor"
    stamp = dest / "ready.txt"
    if stamp.exists() and stamp.read_text() == sys.version and script.exists():
        return str(script), ""
    print(f"installing revmentor {REFERENCE_COMMIT[:12]} into {dest} ...", file=sys.stderr)
    shutil.rmtree(dest, ignore_errors=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar",
                              REFERENCE_COMMIT], capture_output=True, check=False)
    if archive.returncode != 0:
        return "", f"commit {REFERENCE_COMMIT[:12]} not found in {REPO}"
    (dest / "src").mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest / "src", filter="data")
    made = _run([sys.executable, "-m", "venv", str(dest / "venv")])
    if made.returncode != 0:
        return "", f"no virtual environment ({_last_line(made)})"
    # The same versions of every dependency as this environment, so only revmentor differs.
    frozen = _run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"])
    (dest / "constraints.txt").write_text(frozen.stdout)
    pip = _run([str(dest / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet",
                "-c", str(dest / "constraints.txt"), "-e", str(dest / "src")], timeout=900)
    if pip.returncode != 0:
        return "", f"not installable here ({_last_line(pip)})"
    stamp.write_text(sys.version)
    return str(script), ""


def peer_versions() -> str:
    python = PEERS_DIR / "venv" / "bin" / "python"
    if not python.exists():
        return ""
    frozen = _run([str(python), "-m", "pip", "freeze"]).stdout.split()
    names = {pin.split("==")[0].lower() for pin in PEER_PINS}
    return ", ".join(line for line in frozen if line.split("==")[0].lower() in names)


def compile_bytecode(pythons: list[str], sources: list[Path]) -> None:
    """Every program runs from compiled bytecode, as after `pip install`."""
    env = timed_env({})
    for python in pythons:
        site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
        _run([python, "-m", "compileall", "-q", "-j", "0", site.stdout.strip()], env=env)
    for src in sources:
        _run([sys.executable, "-m", "compileall", "-q", "-j", "0", str(src)], env=env)


def timed_env(extra: dict[str, str]) -> dict[str, str]:
    drop = {"PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "REVMENTOR_HOME", "VISUAL",
            "EDITOR"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "NO_COLOR": "1", "COLUMNS": "100", "REVMENTOR_TODAY": TODAY.isoformat(),
            **extra}


# === timing ==========================================================================


@dataclass
class Case:
    spec: Spec
    command: str = ""  # as hyperfine gets it
    prepare: str = "true"
    problem: str = ""
    median: float | None = None  # seconds
    rss_mib: float | None = None


def resolve(specs: list[Spec], places: dict[str, str], missing: dict[str, str],
            quick: bool) -> list[Case]:
    """Fill in the placeholders; `missing` says why a peer or the reference is not there."""
    cases = []
    for spec in specs:
        if quick and not spec.quick:
            continue
        case = Case(spec)
        if spec.needs in missing:
            case.problem = missing[spec.needs]
        else:
            case.command = shlex.join(arg.format(**places) for arg in spec.argv)
            if spec.prepare:
                quoted = {"home": shlex.quote(places[spec.home])}
                case.prepare = shlex.join(["sh", "-c", spec.prepare.format(**quoted)])
        cases.append(case)
    return cases


def preflight(cases: list[Case], env: dict[str, str]) -> None:
    """Run each case once; one that fails is reported instead of timed."""
    for case in cases:
        if case.problem:
            continue
        subprocess.run(shlex.split(case.prepare), check=True, env=env)
        done = subprocess.run(shlex.split(case.command), stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            first = (done.stderr.strip().splitlines() or [""])[0]
            case.problem = f"exit {done.returncode}: {first[:90]}"


def hyperfine(group: str, cases: list[Case], runs: int, env: dict[str, str]) -> list[str]:
    """Time the group's live cases in one hyperfine run; the command line, as printed."""
    live = [c for c in cases if not c.problem]
    if not live:
        return []
    out = RESULTS / f"{group}.json"
    out.unlink(missing_ok=True)
    argv = [HYPERFINE, "-N", "--warmup", str(WARMUP), "--runs", str(runs), "--style", "basic",
            "--export-json", str(out)]
    # NAME=VALUE, so that a name or a command starting with "-" is not taken for an option.
    argv += [f"--command-name={case.spec.key}" for case in live]
    if any(c.prepare != "true" for c in live):
        argv += [f"--prepare={case.prepare}" for case in live]
    argv += [c.command for c in live]
    line = shlex.join(argv)
    print(f"\n[{group}] {line}\n", file=sys.stderr)
    done = subprocess.run(argv, env=env, check=False, stdout=sys.stderr,
                          stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        # A command that passed its check failed under hyperfine: find it, report it, and
        # time the others again, so one failure does not lose the whole group.
        preflight(live, env)
        if all(not c.problem for c in live):
            raise SystemExit(f"hyperfine failed on the {group} group (exit {done.returncode})")
        return hyperfine(group, cases, runs, env)
    results = json.loads(out.read_text())["results"]
    for case, result in zip(live, results, strict=True):
        case.median = float(result["median"])
    return [line]


# Runs one command with its output thrown away and prints the peak resident set (KiB) that
# the kernel reports for it, as `/usr/bin/time -f %M` does. It is a small process of its
# own because a child's figure includes what its parent had mapped before the exec: from
# this script, which has built and validated 5,000 sessions, that would be ~200 MiB.
RSS_PROBE = """\
import os, sys
null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDWR, 0) for fd in (0, 1, 2)]
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=null)
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def peak_rss(cases: list[Case], env: dict[str, str], repeats: int = 3) -> None:
    """Each case's peak resident set (MiB): the largest of `repeats` runs."""
    for case in cases:
        if case.problem or case.spec.key == "import typer":
            continue
        peak = 0
        for _ in range(repeats):
            subprocess.run(shlex.split(case.prepare), check=True, env=env)
            probe = _run([sys.executable, "-S", "-c", RSS_PROBE, *shlex.split(case.command)],
                         env=env)
            kib, code = (int(x) for x in probe.stdout.split())
            if code != 0:
                case.problem = f"exit {code} while measuring its memory"
            peak = max(peak, kib)  # KiB on Linux
        case.rss_mib = peak / 1024


@dataclass
class PtyResult:
    label: str
    command: str
    times: list[float] = field(default_factory=list)
    problem: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def pty_first_question(places: dict[str, str], root: Path, runs: int,
                       env: dict[str, str]) -> list[PtyResult]:
    """From spawn to the first question's text, in a pseudo-terminal, in turns."""
    try:
        import pexpect
    except ImportError:
        return [PtyResult("start", "", problem="pexpect is not installed")]
    env = {**env, "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    start = PtyResult("revmentor start: first question", "")
    bare = PtyResult("bare questionary prompt", "")
    for i in range(2 + runs):  # two untimed rounds first
        fresh = root / f"pty-home-{i}"  # a first start: no pairing, no draft
        for result, argv, question in (
            (start, [places["rv"], "--home", str(fresh), "start"], START_QUESTION),
            (bare, [places["py"], "-c", BARE_PROMPT], BARE_QUESTION),
        ):
            result.command = shlex.join(argv)
            if result.problem:
                continue
            began = time.perf_counter()
            child = pexpect.spawn(argv[0], argv[1:], env=env, encoding="utf-8", timeout=20,
                                  dimensions=(40, 120))
            try:
                child.expect_exact(question)
                elapsed = time.perf_counter() - began
                if i >= 2:
                    result.times.append(elapsed)
            except (pexpect.TIMEOUT, pexpect.EOF):
                result.problem = f"no '{question}' within 20 s: {str(child.before)[-80:]!r}"
            finally:
                child.terminate(force=True)
                child.close()
    return [start, bare]


# === the report ======================================================================


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.0f} ms"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def main_table(cases: list[Case]) -> str:
    by = {c.spec.key: c for c in cases}
    base = by.get("import typer")
    jrnl = by.get(JRNL)
    lines = [
        "| command | median | ratio to `import typer` | ratio to `jrnl -n 5` | budget | met |",
        "| --- | ---: | ---: | ---: | --- | :---: |",
    ]
    for case in cases:
        spec = case.spec
        label = f"`{_display(spec)}`" + (", no cache" if spec.prepare == UNCACHE else "")
        if case.median is None:
            lines.append(f"| {label} | n/a | | | {_btext(spec)} | n/a: {case.problem} |")
            continue
        to_base = f"{case.median / base.median:.2f}" if base and base.median else ""
        to_jrnl = ""
        met = ""
        budget = spec.budget
        if budget is not None:
            other = by.get(budget.against)
            if other is None or other.median is None:
                met = f"n/a ({budget.against} did not run)"
            elif budget.plus_ms is not None:
                extra = (case.median - other.median) * 1000
                met = f"{_met(extra <= budget.plus_ms)} ({extra:+.0f} ms)"
            else:
                assert budget.ratio is not None
                met = _met(case.median <= budget.ratio * other.median)
            if budget.against == JRNL and jrnl and jrnl.median:
                to_jrnl = f"{case.median / jrnl.median:.2f}"
        lines.append(f"| {label} | {_ms(case.median)} | {to_base} | {to_jrnl} | "
                     f"{_btext(spec)} | {met} |")
    return "\n".join(lines) + "\n"


def _btext(spec: Spec) -> str:
    return "" if spec.budget is None else spec.budget.text()


SHOWN = {"{py}": "python", "{rv}": "revmentor", "{ref}": "revmentor@" + REFERENCE_COMMIT[:7],
         "{jrnl}": "jrnl", "{watson}": "watson"}


def _display(spec: Spec) -> str:
    """The command as a reader would type it: no --home, programs by their names."""
    words: list[str] = []
    args = iter(spec.argv)
    for word in args:
        if word == "--home":
            next(args, None)
            continue
        words.append(SHOWN.get(word, word))
    text = shlex.join(words)
    return text if len(text) <= 64 else text[:61] + "..."


def growth_table(cases: list[Case]) -> str:
    by = {c.spec.key: c for c in cases}
    small, large = GROWTH_SIZES
    lines = [
        f"| command | median at {small:,} | median at {large:,} | {large:,} / {small:,} | "
        f"peak RSS at {large:,} | budget | met |",
        "| --- | ---: | ---: | ---: | ---: | --- | :---: |",
    ]
    budget = (f"< {GROWTH_MAX_MS:.0f} ms, <= {GROWTH_MAX_FACTOR:g}x, "
              f"< {GROWTH_MAX_RSS_MIB:.0f} MiB")
    for key, args, _prep, _quick in GROWTH:
        a, b = by.get(f"{key} @{small}"), by.get(f"{key} @{large}")
        if a is None or b is None:
            continue
        label = "`revmentor " + " ".join(args) + "`" + (", no cache" if "cache" in key else "")
        if a.median is None or b.median is None:
            why = a.problem or b.problem
            lines.append(f"| {label} | {_ms(a.median)} | {_ms(b.median)} | | | {budget} | "
                         f"n/a: {why} |")
            continue
        factor = b.median / a.median
        rss = "n/a" if b.rss_mib is None else f"{b.rss_mib:.0f} MiB"
        ok = (b.median * 1000 < GROWTH_MAX_MS and factor <= GROWTH_MAX_FACTOR
              and b.rss_mib is not None and b.rss_mib < GROWTH_MAX_RSS_MIB)
        lines.append(f"| {label} | {_ms(a.median)} | {_ms(b.median)} | {factor:.2f}x | {rss} | "
                     f"{budget} | {_met(ok)} |")
    return "\n".join(lines) + "\n"


def pty_table(results: list[PtyResult]) -> str:
    lines = ["| measurement | median | ratio to the bare prompt | budget | met |",
             "| --- | ---: | ---: | --- | :---: |"]
    bare = results[-1] if len(results) == 2 else None
    for r in results:
        if r.problem or not r.times:
            lines.append(f"| {r.label} | n/a | | | n/a: {r.problem} |")
            continue
        if r is bare or bare is None or bare.problem or not bare.times:
            lines.append(f"| {r.label} | {_ms(r.median)} | 1.00 | | |")
            continue
        ratio = r.median / bare.median
        lines.append(f"| {r.label} | {_ms(r.median)} | {ratio:.2f} | <= 1.5x the bare prompt | "
                     f"{_met(ratio <= 1.5)} |")
    return "\n".join(lines) + "\n"


def fingerprint(homes: dict[str, Path]) -> dict[str, str]:
    """A digest of every pairing file in the read-only data folders."""
    import hashlib

    prints = {}
    for name, home in homes.items():
        for path in sorted((home / "pairings").glob("*.yaml")):
            prints[f"{name}/{path.name}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return prints


def check_untouched(homes: dict[str, Path], expected: dict[str, str], group: str) -> None:
    if fingerprint(homes) != expected:
        raise SystemExit(
            f"the benchmark's data changed or went missing while the {group} group ran "
            "(another process cleaning the temporary folder?): its times cannot be trusted. "
            "Run again, or give --workdir a folder of your own."
        )


def _hyperfine_version() -> str:
    try:
        return _run([HYPERFINE, "--version"]).stdout.strip()
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command")
    parser.add_argument("--quick", action="store_true",
                        help="only the cases the budgets hinge on")
    parser.add_argument("--no-peers", action="store_true", help="skip jrnl and Watson")
    parser.add_argument("--no-reference", action="store_true",
                        help="skip today's revmentor (check-goal's budget)")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.md")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where to make the temporary folder (default: the system's)")
    args = parser.parse_args(argv)
    if args.runs < 2:
        parser.error("--runs must be at least 2")
    global HYPERFINE
    if not Path(HYPERFINE).exists():
        HYPERFINE = shutil.which("hyperfine") or ""
        if not HYPERFINE:
            parser.error("hyperfine is needed: https://github.com/sharkdp/hyperfine")

    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="revmentor-hyperfine-", dir=args.workdir))
    try:
        return _bench(args, root)
    finally:
        if args.keep:
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


def _bench(args: argparse.Namespace, root: Path) -> int:
    import revmentor

    print(f"building data in {root} ...", file=sys.stderr)
    homes = build_stores(root)
    places: dict[str, str] = {"py": sys.executable, "rv": revmentor_script()}
    pythons = [sys.executable]
    sources = [Path(revmentor.__file__).resolve().parent]
    extra_env: dict[str, str] = {"HOME": str(root)}
    missing: dict[str, str] = {}
    if args.no_peers:
        missing["peers"] = "skipped (--no-peers)"
    else:
        peers, why = setup_peers()
        if why:
            missing["peers"] = why
        else:
            places.update(peers)
            pythons.append(str(PEERS_DIR / "venv" / "bin" / "python"))
            extra_env.update(jrnl_data(root))
            extra_env.update(watson_data(root))
    if args.no_reference:
        missing["reference"] = "skipped (--no-reference)"
    else:
        ref, why = setup_reference()
        if why:
            missing["reference"] = why
        else:
            places["ref"] = ref
            sources.append(Path(ref).parent.parent.parent / "src" / "src" / "revmentor")
    print("compiling to bytecode ...", file=sys.stderr)
    compile_bytecode(pythons, sources)
    env = timed_env(extra_env)

    # Fill each store's cache as any first command would, then make the copies.
    for home in homes.values():
        subprocess.run([places["rv"], "--home", str(home), "status"], env=env, check=True,
                       stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    copies = {"cold": "many", "write": "many"}
    for n in GROWTH_SIZES:
        copies[f"c{n}"] = f"h{n}"
        copies[f"w{n}"] = f"h{n}"
    for name, source in copies.items():
        homes[name] = root / f"{homes[source].name}-{name}"
        shutil.copytree(homes[source], homes[name], symlinks=True)
        if name.startswith("w"):
            shutil.copytree(homes[source], Path(f"{homes[name]}.orig"), symlinks=True)
    places.update({name: str(path) for name, path in homes.items()})

    main_cases = resolve(MAIN, places, missing, args.quick)
    growth_cases = resolve(growth_specs(), places, missing, args.quick)
    print("checking every command once ...", file=sys.stderr)
    preflight(main_cases + growth_cases, env)
    read_only = {name: homes[name] for name in ("many", *(f"h{n}" for n in GROWTH_SIZES))}
    expected = fingerprint(read_only)
    lines = hyperfine("main", main_cases, args.runs, env)
    check_untouched(read_only, expected, "main")
    lines += hyperfine("growth", growth_cases, args.runs, env)
    check_untouched(read_only, expected, "growth")
    print("peak memory ...", file=sys.stderr)
    peak_rss(growth_cases, env)
    print("pseudo-terminal ...", file=sys.stderr)
    ptys = pty_first_question(places, root, args.runs, env)

    base = next((c for c in growth_cases if c.spec.key == "import typer"), None)
    versions = missing.get("peers") or peer_versions() or "not installed"
    reference = missing.get("reference") or f"commit {REFERENCE_COMMIT[:12]}"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text = "\n".join([
        f"Median wall time of {args.runs} runs after {WARMUP} warm-ups, whole process, timed "
        f"with {_hyperfine_version() or 'hyperfine'}; {os.cpu_count()} CPUs, Python "
        f"{sys.version.split()[0]}, {date.today()}, load average {load} at the end.",
        f"Peers: {versions}. Today's revmentor: {reference}. Data "
        + ("written as plain YAML (the store's interface has moved)." if WRITTEN_AS_PLAIN_YAML
           else "written through revmentor's store."),
        "",
        "### 10 pairings of 52 sessions (one hyperfine run)",
        "",
        main_table(main_cases),
        f"### Growth: one pairing of {GROWTH_SIZES[0]:,} and of {GROWTH_SIZES[1]:,} sessions "
        f"(one hyperfine run; `import typer` took {_ms(base.median if base else None)} in it)",
        "",
        growth_table(growth_cases),
        f"### First question in a pseudo-terminal (median of {args.runs}, in turns)",
        "",
        pty_table(ptys),
        "### Command lines",
        "",
        "```sh",
        *lines,
        *(f"# pexpect: {r.command}" for r in ptys),
        "```",
        "",
    ])
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

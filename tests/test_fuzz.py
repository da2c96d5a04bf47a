"""Fuzzing the pairing file: whatever is on disk, revmentor answers with a clear error and
exit 1 (or accepts it when it is valid), never a traceback, never a change to the file,
never unbounded memory. Also: the in-place save gives what the round trip gives.

REVMENTOR_SLOW=1 multiplies the examples and adds the largest files.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import random
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revmentor import yamlio
from revmentor.cli import run
from revmentor.errors import InvalidFile
from revmentor.model import Pairing, Review, ReviewEntry, Session
from revmentor.store import Store, parse
from tests import strategies as model_st
from tests.helpers_faults import (
    Outcome,
    Snapshot,
    assert_clean_failure,
    assert_no_crash,
    pairing_data,
    report,
    run_cli,
    scale,
)

SLUG = "fuzz"
TRIED: Counter[str] = Counter()
FUZZ = settings(
    max_examples=scale(40, 400),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
    derandomize=not os.environ.get("REVMENTOR_SLOW"),
)

# (arguments, writes?) run against the fuzzed file, in this process.
COMMANDS: list[tuple[list[str], bool]] = [
    (["show", SLUG], False),
    (["status", SLUG], False),
    (["prep", SLUG], False),
    (["export", SLUG, "-o", "-"], False),
    (["goals", "list", SLUG], False),
    (["guide", "mid-point", SLUG], False),
    (["guide", "trust", SLUG, "--tick", "1"], True),
    (["log-session", SLUG, "--yes", "--topic", "fuzz"], True),
    (["goals", "add", SLUG, "--text", "Learn one more thing"], True),
    (["steps", SLUG], False),
    (["sessions", SLUG], False),
    (["sessions", "show", SLUG, "1"], False),
    (["ask", SLUG], False),
    (["steps", "done", SLUG, "1"], True),
    (["sessions", "remove", SLUG, "1", "--yes"], True),
    (["search", "learn", "--pairing", SLUG], False),
    (["archive", SLUG], True),
]


@pytest.fixture(scope="module", autouse=True)
def _counts() -> Iterator[None]:
    yield
    report("fuzz", cases=sum(TRIED.values()), **dict(sorted(TRIED.items())))


@contextlib.contextmanager
def env(home: Path) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in ("REVMENTOR_HOME", "REVMENTOR_TODAY")}
    os.environ["REVMENTOR_HOME"] = str(home)
    os.environ["REVMENTOR_TODAY"] = "2026-11-21"
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_here(*args: str) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(args))
    return Outcome(code, out.getvalue(), err.getvalue())


def attack(home: Path, content: bytes, kind: str) -> None:
    """Put `content` in a pairing file and run every command on it."""
    TRIED[kind] += 1
    folder = home / "pairings"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{SLUG}.yaml"
    path.write_bytes(content)
    os.chmod(path, 0o600)
    try:
        parse(content.decode("utf-8"), path)
        valid = True
    except (InvalidFile, UnicodeDecodeError):
        valid = False
    with env(home):
        for args, writes in COMMANDS:
            before = Snapshot.of(home)
            result = run_here(*args)
            assert_no_crash(result)
            if not valid:
                assert result.code == 1, (args, result.output)
                assert result.err.startswith("Error:"), result.err
            if not valid or not writes or result.code != 0:
                assert before.changes(Snapshot.of(home)) == [], args
            if writes and result.code == 0:
                path.write_bytes(content)  # the next command sees the same input


# --- what goes into the file --------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
    st.text(max_size=20), st.dates().map(str),
)
structures = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=10) | st.sampled_from(list(pairing_data())), inner,
                      max_size=5),
    max_leaves=30,
)


def paths_of(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += paths_of(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += paths_of(value, (*prefix, i))
    return out


def replace_at(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data[path[0]] = replace_at(data[path[0]], path[1:], value)
    return data


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A valid pairing with one thing wrong: a wrong type, an unknown key, a missing key."""
    data = pairing_data(draw(st.integers(0, 4)))
    spots = paths_of(data)
    spot = draw(st.sampled_from(spots[1:]))
    how = draw(st.sampled_from(["type", "unknown-key", "delete"]))
    if how == "type":
        data = replace_at(data, spot, draw(structures))
    elif how == "unknown-key":
        parents = [p for p in spots if isinstance(_get(data, p), dict)]
        parent = draw(st.sampled_from(parents))
        _get(data, parent)[draw(st.text(min_size=1, max_size=12))] = draw(scalars)
    else:
        parent = _get(data, spot[:-1])
        del parent[spot[-1]]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode()


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@FUZZ
@given(content=st.binary(max_size=3000))
def test_random_bytes(home: Path, content: bytes) -> None:
    attack(home, content, "random-bytes")


@FUZZ
@given(data=structures)
def test_random_yaml_structures(home: Path, data: Any) -> None:
    attack(home, yaml.safe_dump(data, allow_unicode=True).encode(), "random-yaml")


@FUZZ
@given(content=mutated())
def test_wrong_types_unknown_and_missing_keys(home: Path, content: bytes) -> None:
    attack(home, content, "mutated-pairing")


@settings(FUZZ, max_examples=scale(10, 60))
@given(size=st.integers(1, 2_000_000), where=st.sampled_from(["name", "note", "topic"]))
def test_huge_strings(home: Path, size: int, where: str) -> None:
    data = pairing_data(2)
    text = "ü" * size
    if where == "name":
        data["partner"]["name"] = text
    elif where == "note":
        data["sessions"][0]["private_note"] = text
    else:
        data["sessions"][1]["topics"].append(text)
    attack(home, yaml.safe_dump(data, sort_keys=False, allow_unicode=True).encode(),
           "huge-string")


@settings(FUZZ, max_examples=scale(10, 40))
@given(depth=st.integers(50, 200_000), style=st.sampled_from(["flow", "block", "mixed"]))
def test_deep_nesting(home: Path, depth: int, style: str) -> None:
    if style == "flow":
        body = "partner: " + "[" * depth + "]" * depth + "\n"
    elif style == "block":
        depth = min(depth, 5000)
        body = "partner:\n" + "".join(" " * (i + 1) + "- \n" for i in range(depth))
    else:
        body = "partner: " + "{a: [" * depth + "]}" * depth + "\n"
    attack(home, ("schema: 1\ncreated: 2026-09-01\n" + body).encode(), "deep-nesting")


@pytest.mark.parametrize("schema", ["2", "99", "1000000000000", "-1", "0", "one", "1.5", "[1]"])
def test_schema_numbers(home: Path, schema: str) -> None:
    text = yaml.safe_dump(pairing_data(1), sort_keys=False)
    text = text.replace("schema: 1", f"schema: {schema}")
    attack(home, text.encode(), "schema-number")
    with env(home):
        result = run_here("show", SLUG)
    assert_clean_failure(Outcome(result.code, result.out, result.err))
    if schema in ("2", "99", "1000000000000"):
        assert "newer" in result.err


def billion_laughs(levels: int) -> str:
    lines = ["schema: 1", "created: 2026-09-01", 'a0: &a0 ["lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    lines.append(f"partner: {{name: *a{levels - 1}}}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [3, 9, 30])
def test_alias_bombs_in_a_memory_capped_process(home: Path, levels: int) -> None:
    TRIED["alias-bomb"] += 1
    folder = home / "pairings"
    folder.mkdir(parents=True, mode=0o700)
    path = folder / f"{SLUG}.yaml"
    path.write_text(billion_laughs(levels))
    before = Snapshot.of(home)
    for args in (["show", SLUG], ["status", SLUG], ["log-session", SLUG, "--yes"], ["doctor"]):
        result = run_cli(*args, home=home, memory_mb=1024, timeout=60)
        if args[0] == "doctor":  # doctor reports its findings on standard output
            assert_no_crash(result)
            assert result.code == 1
        else:
            assert_clean_failure(result)
        assert "alias" in result.output or "anchor" in result.output
    assert before.changes(Snapshot.of(home)) == []


def big_file(size_mb: int, kind: str) -> bytes:
    base = yaml.safe_dump(pairing_data(3), sort_keys=False)
    if kind == "comment":
        line = "# " + "a long comment line, kept exactly as written " * 2 + "\n"
        pad = line * (size_mb * 1024 * 1024 // len(line))
        return (pad + base).encode()
    if kind == "string":
        return base.replace("Sam Rivera", "S" * (size_mb * 1024 * 1024)).encode()
    data = pairing_data(size_mb * 1024 * 1024 // 380)
    return yaml.safe_dump(data, sort_keys=False).encode()


@pytest.mark.parametrize(
    "size_mb,kind",
    [(20, "comment"), (40, "string"), (12, "comment"), (12, "string")]
    + ([(15, "sessions"), (60, "sessions")] if os.environ.get("REVMENTOR_SLOW") else []),
)
def test_files_of_tens_of_megabytes(home: Path, size_mb: int, kind: str) -> None:
    """Over the 16 MiB limit: refused before reading. Under it: read within 1 GiB."""
    TRIED["big-file"] += 1
    folder = home / "pairings"
    folder.mkdir(parents=True, mode=0o700)
    path = folder / f"{SLUG}.yaml"
    path.write_bytes(big_file(size_mb, kind))
    before = Snapshot.of(home)
    for args in (["show", SLUG, "--json"], ["log-session", SLUG, "--yes", "--topic", "x"]):
        result = run_cli(*args, home=home, memory_mb=1024, timeout=240)
        assert_no_crash(result)
        if size_mb > 16:
            assert_clean_failure(result)
            assert "MiB" in result.err
        elif args[0] == "show":
            assert result.code == 0, result.err[:500]
        if result.code != 0 or args[0] == "show":
            assert before.changes(Snapshot.of(home)) == []


def test_not_utf8_and_odd_encodings(home: Path) -> None:
    for content in (b"\xff\xfe" + "schema: 1\n".encode("utf-16-le"), b"schema: 1\n\x00\x00",
                    b"partner: {name: \"\\x1b[2J\"}\n", "\ufeffschema: 1\n".encode()):
        attack(home, content, "encoding")


# --- the in-place save against the round trip ----------------------------------------

COMMENTS = ["# a note before everything", "# about the goals", "# sessions below"]


def commented(text: str, rng: random.Random) -> str:
    """`text` with comment lines before some top-level keys and after some values."""
    out = []
    for line in text.splitlines(keepends=True):
        if line[:1].isalpha() and rng.random() < 0.3:
            out.append(f"# before {line.split(':')[0]}\n")
        if line.rstrip().endswith(("active", "45", "fortnightly")) and rng.random() < 0.5:
            line = line.rstrip("\n") + "  # trailing note\n"
        out.append(line)
    return "".join(out)


def comment_lines(text: str) -> list[str]:
    return re.findall(r"# (?:before \w+|trailing note|header|A reverse-mentoring[^\n]*)", text)


@settings(FUZZ, max_examples=scale(60, 500))
@given(p=model_st.pairings(), extra=st.lists(model_st.sessions, min_size=1, max_size=3),
       change=st.sampled_from(["sessions", "review", "rename", "state", "goal-status",
                               "minutes", "mixed"]),
       seed=st.integers(0, 10**6))
def test_a_save_keeps_every_comment_and_every_unchanged_section(
    p: Pairing, extra: list[Session], change: str, seed: int
) -> None:
    rng = random.Random(seed)
    text = commented(yamlio.dump_new(p.to_data(), "header"), rng)
    old = p.to_data()
    q = p.model_copy(deep=True)
    if change in ("sessions", "mixed"):
        q.sessions.extend(extra)
    if change in ("review", "mixed"):
        q.reviews.append(Review(date=date(2026, 11, 21),
                                entries=[ReviewEntry(goal="g", rating=4)], note="fine"))
    if change in ("rename", "mixed"):
        q.partner.name = extra[0].topics[0] if extra[0].topics else "Someone"
    if change == "state":
        q.state = "concluded" if q.state == "active" else "active"
    if change == "goal-status" and q.goals:
        q.goals[0].status = "achieved"
    if change == "minutes":
        q.ground_rules.session_minutes = 30 if q.ground_rules.session_minutes != 30 else 60
    new = q.to_data()
    path = Path("x.yaml")
    saved = yamlio.dump_update(text, old, new, lambda t: parse(t, path)[1].to_data() == new)
    assert parse(saved, path)[1] == q
    assert comment_lines(saved) == comment_lines(text), "every comment stays, in order"
    assert saved.startswith(text[: text.index("\n")]), "the header stays first"
    for key, value in old.items():
        if new.get(key) == value:
            assert _section(text, key) == _section(saved, key), f"{key} was rewritten"


def _section(text: str, key: str) -> str:
    """The lines of top-level `key`, up to the next top-level key."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"[^\s#-]", lines[i])), len(lines)
    )
    return "\n".join(line for line in lines[start:end] if not line.lstrip().startswith("#"))


def test_a_common_save_rewrites_only_the_sections_that_changed(home: Path) -> None:
    """Adding a review and changing a goal's status and a ground rule leave every other
    part of a hand-written file, flow-style maps and comments included, byte for byte."""
    st_ = Store()
    example = (Path(__file__).resolve().parent.parent / "examples" / "pairings" / "helen-sam.yaml")
    (home / "pairings").mkdir(parents=True, mode=0o700)
    (home / "pairings" / "helen-sam.yaml").write_text(example.read_text(encoding="utf-8"))
    loaded = st_._load("helen-sam")
    old = loaded.pairing.to_data()
    q = loaded.pairing.model_copy(deep=True)
    q.goals[1].status = "achieved"
    q.ground_rules.channel = "video, always"
    new = q.to_data()
    saved = yamlio.dump_update(
        loaded.text, old, new, lambda t: parse(t, loaded.path)[1].to_data() == new
    )
    assert parse(saved, loaded.path)[1] == q
    assert comment_lines(saved) == comment_lines(loaded.text)
    before, after = loaded.text.splitlines(), saved.splitlines()
    ops = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    removed = [line for tag, i1, i2, _, _ in ops if tag != "equal" for line in before[i1:i2]]
    assert removed == ["    status: active", "  channel: in person, or video on Fridays"]

"""The conventions of the click world: usage errors exit 2, JSON a script can rely on,
and help pages that read well and paste well in an 80-column terminal."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SLUG, Result

CLI = Callable[..., Result]


def help_pages() -> list[list[str]]:
    import typer

    from revmentor.cli import app

    root = typer.main.get_command(app)
    pages: list[list[str]] = [[]]
    for name in root.list_commands(None):
        command = root.get_command(None, name)
        pages.append([name])
        if hasattr(command, "list_commands"):
            pages.extend([name, sub] for sub in command.list_commands(None))
    return pages


@pytest.mark.parametrize("page", help_pages(), ids=lambda p: " ".join(p) or "revmentor")
def test_help_at_80_columns_has_no_orphan_word_and_no_broken_example(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, page: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    r = cli(*page, "--help")
    assert r.code == 0, r.err
    lines = r.out.splitlines()
    assert len(lines) > 3
    for i, line in enumerate(lines):
        assert len(line) <= 80, line
        words = line.split()
        if i and lines[i - 1].strip() and len(words) == 1:
            assert words[0].endswith(":"), f"orphan word {words[0]!r} after {lines[i - 1]!r}"
        # An example given in a sentence ("Example: revmentor list --json") ends its line.
        if re.match(r"\s*Examples?: \S", line):
            assert i + 1 == len(lines) or not lines[i + 1].strip(), line
        # An example on lines of its own goes on with a backslash, or is whole.
        if line.strip().startswith("revmentor ") and i + 1 < len(lines):
            continued = lines[i + 1].startswith(" " * (len(line) - len(line.lstrip()) + 1))
            assert line.endswith("\\") or not continued, (line, lines[i + 1])


def test_a_help_paragraph_is_rewrapped_without_an_orphan() -> None:
    from revmentor.cli._help import balanced

    text = "one two three four five six seven eight nine ten eleven"
    lines = balanced(text, 20)
    assert all(len(line) <= 20 for line in lines)
    assert len(lines[-1].split()) >= 2
    assert " ".join(lines) == text
    assert balanced("Examples: revmentor status maya-chen · revmentor status --json", 40) == [
        "Examples: revmentor status maya-chen",
        "· revmentor status --json",
    ]


USAGE = [
    (["goals", "add", EXAMPLE_SLUG, "--text", "Learn budgets", "--id", "Bad Id"], "--id"),
    (["wrap-up", EXAMPLE_SLUG, "--decision", "extend", "--weeks", "99", "--yes"], "--weeks"),
    (["log-session", EXAMPLE_SLUG, "--progress", "nope=3", "--yes"], "--progress"),
    (["goals", "review", EXAMPLE_SLUG, "--goal", "nope", "--rating", "3", "--yes"], "--goal"),
    (["self-check", "--answer", "empathy=3"], "'--answer'"),
    (["check-goal", "--pairing", "Bad Slug", "Learn budgets"], "'--pairing'"),
    (["start", "--defaults", "--partner", "Sam", "--name", "Bad Name"], "'--name'"),
    (["import", "--into", "Bad Slug", "bundle.yaml"], "'--into'"),
    (["export", EXAMPLE_SLUG, "-f", "ics", "--remind", "soon"], "'--remind'"),
    (["export", EXAMPLE_SLUG, "-f", "ics", "--tz", "Mars/Base"], "'--tz'"),
]


@pytest.mark.parametrize(("args", "flag"), USAGE, ids=lambda a: " ".join(a)[:40])
def test_an_invalid_option_value_is_a_usage_error(
    cli: CLI, example_home: Path, args: list[str], flag: str
) -> None:
    before = sorted(p.read_bytes() for p in (example_home / "pairings").glob("*.yaml"))
    r = cli(*args)
    assert r.code == 2, r.err
    first = r.err.splitlines()[0]
    assert first.startswith("Error: ") and flag in first
    assert "Traceback" not in r.err
    assert sorted(p.read_bytes() for p in (example_home / "pairings").glob("*.yaml")) == before


def test_status_json_with_several_pairings_is_a_list(cli: CLI, example_home: Path) -> None:
    pairings = example_home / "pairings"
    single = json.loads(cli("status", "--json").out)
    assert isinstance(single, dict) and single["slug"] == EXAMPLE_SLUG
    shutil.copy(pairings / f"{EXAMPLE_SLUG}.yaml", pairings / "second.yaml")
    (pairings / "broken.yaml").write_text("partner: [\n", encoding="utf-8")
    r = cli("status", "--json")
    assert r.code == 0, r.err
    many = json.loads(r.out)
    assert [item["slug"] for item in many] == ["broken", EXAMPLE_SLUG, "second"]
    assert set(many[0]) == {"slug", "error"}
    # Each pairing's object is the single-pairing shape.
    assert many[1] == single
    assert many[2] == {**single, "slug": "second"}
    # Naming one still gives that one alone.
    assert json.loads(cli("status", EXAMPLE_SLUG, "--json").out) == single

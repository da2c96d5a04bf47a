"""The README stays true: its example is the real example file, its quick start is intact."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def test_readme_example_is_the_example_file() -> None:
    script = ROOT / "scripts" / "build_readme_example.py"
    done = subprocess.run([sys.executable, str(script), "--check"], check=False)
    assert done.returncode == 0, "run: python scripts/build_readme_example.py"


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in quick.strip().splitlines() if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_the_same_tests() -> None:
    lines = _quick_start()
    assert len(lines) == 2
    first, second = lines
    # A fresh machine has no copy yet: the first command fetches it and goes into it.
    assert first.startswith("git clone ")
    assert "&& cd revmentor &&" in first
    assert first.endswith("revmentor start")
    test_command = re.search(r"(\S*python -m pytest)$", second)
    assert test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    run_lines = [line.strip() for line in ci.splitlines() if "pytest" in line]
    assert "python -m pytest" in run_lines


def test_readme_is_about_using_revmentor() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Python 3.10 or newer" in readme.split("```sh", 1)[0]
    headings = re.findall(r"^## (.+)$", readme, flags=re.MULTILINE)
    for internal in ("Performance", "Reliability", "Development"):
        assert internal not in headings
    for wanted in (
        "A tour",
        "Where your data lives",
        "The pairing file",
        "Marking the ask",
        "How goal ids are made",
    ):
        assert wanted in headings
    assert "benchmarks/run.py" not in readme
    assert "docs/contributing.md" in readme
    contributing = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    assert "benchmarks/run.py" in contributing
    assert "## The cache" in contributing
    # The tour shows every command a person uses, not only the first ones.
    tour = readme.split("## A tour", 1)[1].split("\n## ", 1)[0]
    from revmentor.cli import COMMANDS

    missing = [n for n in COMMANDS if f"revmentor {n}" not in tour and f"`{n}`" not in tour]
    assert missing == [], f"the tour does not show: {missing}"


def test_goal_id_rule_in_the_readme_is_the_programs() -> None:
    from revmentor.coach.goals import new_goal_id
    from revmentor.model import Pairing

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How goal ids are made", 1)[1].split("\n## ", 1)[0]
    said = re.search(r'"([^"]+)" becomes `([a-z0-9-]+)`', section)
    assert said
    empty = Pairing.model_validate(
        {
            "schema": 1,
            "created": "2026-09-01",
            "horizon": {"start": "2026-09-07", "end": "2026-12-07"},
        }
    )
    assert new_goal_id(empty, said.group(1)) == said.group(2)

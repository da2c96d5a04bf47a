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


def test_quick_start_is_two_commands_and_ci_runs_the_same_tests() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    lines = [line for line in quick.strip().splitlines() if line.strip()]
    assert len(lines) == 2
    assert lines[0].endswith("revmentor start")
    test_command = re.search(r"(\S*python -m pytest)$", lines[1])
    assert test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in ci

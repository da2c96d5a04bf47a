"""`revmentor export`: choosing a format, writing files safely, errors that help."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SLUG, Result

CLI = Callable[..., Result]


def test_markdown_to_stdout_by_default_and_with_dash(cli: CLI, example_home: Path) -> None:
    plain = cli("export")
    assert plain.code == 0, plain.err
    assert plain.out.startswith("# Reverse-mentoring plan: Helen Okafor and Sam Rivera\n")
    dash = cli("export", EXAMPLE_SLUG, "--output", "-")
    assert dash.out == plain.out


def test_output_file_is_private_and_matches_stdout(
    cli: CLI, example_home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.md"
    r = cli("export", "--section", "plan", "-o", str(target))
    assert r.code == 0, r.err
    assert r.out == f"Wrote {target} (Markdown).\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8") == cli("export", "--section", "plan").out


def test_existing_file_is_left_alone_without_force(
    cli: CLI, example_home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("mine, keep it\n", encoding="utf-8")
    os.chmod(target, 0o644)
    before = target.stat()
    r = cli("export", "-o", str(target))
    assert r.code == 1
    assert r.err.startswith(f"Error: {target} already exists; it was left as it is\n")
    assert "--force" in r.err
    assert target.read_text(encoding="utf-8") == "mine, keep it\n"
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    r = cli("export", "-o", str(target), "--force")
    assert r.code == 0, r.err
    assert target.read_text(encoding="utf-8").startswith("# Reverse-mentoring plan")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize(("fmt", "ext"), [("markdown", "md"), ("ics", "ics"), ("json", "json")])
def test_a_folder_gets_slug_dot_extension(
    cli: CLI, example_home: Path, tmp_path: Path, fmt: str, ext: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    r = cli("export", "--format", fmt, "--output", str(folder))
    assert r.code == 0, r.err
    assert sorted(p.name for p in folder.iterdir()) == [f"{EXAMPLE_SLUG}.{ext}"]
    again = cli("export", "--format", fmt, "--output", str(folder))
    assert again.code == 1
    assert "already exists" in again.err


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("cal.ics", "BEGIN:VCALENDAR"),
        ("data.json", "{"),
        ("notes.md", "# Reverse"),
        ("notes.txt", "# Reverse"),
    ],
)
def test_the_format_follows_the_output_extension(
    cli: CLI, example_home: Path, tmp_path: Path, name: str, first_line: str
) -> None:
    r = cli("export", "-o", str(tmp_path / name))
    assert r.code == 0, r.err
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(first_line)


def test_format_accepts_the_extension_as_a_name(cli: CLI, example_home: Path) -> None:
    assert cli("export", "-f", "md").out == cli("export", "-f", "markdown").out
    assert cli("export", "-f", "ICS").out.startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--section", "plan"], "--section applies to --format markdown"),
        (["--format", "json", "--template", "x.j2"], "--template applies to --format markdown"),
        (["--time", "10:00"], "--time applies to --format ics only"),
        (["--tz", "Europe/London"], "--tz applies to --format ics only"),
        (["-o", "/nonexistent-folder/x.md"], "the folder /nonexistent-folder does not exist"),
        (["nobody"], "no pairing called 'nobody'"),
    ],
)
def test_bad_options_are_clear_errors(
    cli: CLI, example_home: Path, args: list[str], message: str
) -> None:
    r = cli("export", *args)
    assert r.code == 1, r
    assert r.out == ""
    assert r.err.startswith("Error: ")
    assert message in r.err.splitlines()[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "pdf"], "'--format' / '-f': unknown format 'pdf'. Choose one of: markdown, ics"),
        (["--section", "goals"], "'--section': 'goals' is not one of 'plan', 'all'."),
    ],
)
def test_an_unknown_format_or_section_is_a_usage_error(
    cli: CLI, example_home: Path, args: list[str], message: str
) -> None:
    r = cli("export", *args)
    assert r.code == 2, r
    assert r.out == ""
    assert r.err.splitlines()[0].startswith(f"Error: Invalid value for {message}")
    assert "Try 'revmentor export --help' for help." in r.err


def test_no_pairings_is_a_clear_error(cli: CLI) -> None:
    r = cli("export")
    assert r.code == 1
    assert "you have no pairings yet" in r.err


def test_a_child_process_exports_without_a_terminal(
    proc: Callable[..., Result], example_home: Path
) -> None:
    r = proc("export", "-f", "ics", "--tz", "UTC")
    assert r.code == 0, r.err
    assert r.out.startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize(
    ("fmt", "absent"),
    [("markdown", "icalendar"), ("ics", "jinja2"), ("json", "jinja2")],
)
def test_each_format_loads_only_its_own_libraries(
    example_home: Path, fmt: str, absent: str
) -> None:
    import subprocess

    code = (
        "import sys; from revmentor.cli import run; "
        f"rc = run(['export', '-f', '{fmt}', '-o', '{example_home.parent}/x']); "
        f"assert rc == 0, rc; assert '{absent}' not in sys.modules, '{absent} loaded'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, timeout=60
    )
    assert done.returncode == 0, done.stderr

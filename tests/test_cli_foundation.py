"""The commands of the foundation: --help, paths, list, show, edit, doctor, errors."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from revmentor.cli import COMMANDS
from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, EXAMPLES, Result


def test_help_lists_every_command_with_a_summary(proc: Callable[..., Result]) -> None:
    result = proc("--help")
    assert result.code == 0
    for name, (_, summary) in COMMANDS.items():
        assert f"  {name}" in result.out
        assert summary.split()[0] in result.out
    assert "--home PATH" in result.out


def test_python_dash_m_matches_the_console_script(proc: Callable[..., Result]) -> None:
    assert proc("--version").out.startswith("revmentor ")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(cli: Callable[..., Result], name: str) -> None:
    args = [*name.split(), "--help"]
    result = cli(*args)
    assert result.code == 0, result.output
    assert "Usage:" in result.out
    # Flags and names carry no "<bool>" or "<str>" label; values keep their metavar.
    assert "<bool>" not in result.out and "<str>" not in result.out, result.out


@pytest.mark.parametrize("name", ["goals review", "goals add", "goals list"])
def test_every_subcommand_has_help_without_type_labels(
    cli: Callable[..., Result], name: str
) -> None:
    result = cli(*name.split(), "--help")
    assert result.code == 0, result.output
    assert "<bool>" not in result.out and "<str>" not in result.out, result.out


def test_paths_follow_revmentor_home_and_home_option(
    cli: Callable[..., Result], home: Path, tmp_path: Path
) -> None:
    out = cli("paths").out
    assert f"data:       {home}" in out
    assert f"pairings:   {home / 'pairings'}" in out
    assert f"backups:    {home / 'backups'}" in out
    assert f"drafts:     {home / 'drafts'}" in out
    assert f"self-check: {home / 'self-check.yaml'}" in out
    other = tmp_path / "elsewhere"
    data = json.loads(cli("--home", str(other), "paths", "--json").out)
    assert data == {
        "data": str(other),
        "pairings": str(other / "pairings"),
        "backups": str(other / "backups"),
        "cache": str(other / "cache"),
        "drafts": str(other / "drafts"),
        "self-check": str(other / "self-check.yaml"),
    }


def test_examples_load_through_the_real_store() -> None:
    st = Store(EXAMPLES)
    assert st.slugs() == [EXAMPLE_SLUG]
    for slug in st.slugs():
        p = st.read(slug)
        assert p.sessions and p.reviews and p.goals


def test_list_and_show(cli: Callable[..., Result], example_home: Path) -> None:
    listed = cli("list")
    assert listed.code == 0
    assert "helen-sam" in listed.out and "Sam Rivera" in listed.out
    rows = json.loads(cli("list", "--json").out)
    assert rows == [
        {
            "slug": "helen-sam",
            "partner": "Sam Rivera",
            "kind": "reverse-mentoring",
            "state": "active",
            "start": "2026-09-07",
            "end": "2026-12-07",
            "sessions": 5,
        }
    ]
    shown = cli("show")
    assert shown.code == 0
    assert "Helen Okafor" in shown.out and "genai-for-ops" in shown.out
    data = json.loads(cli("show", "helen-sam", "--json").out)
    assert data["schema"] == 1
    assert data["partner"]["name"] == "Sam Rivera"
    assert data["sessions"][1]["private_note"].startswith("I was nervous")


def test_list_when_empty(cli: Callable[..., Result]) -> None:
    result = cli("list")
    assert result.code == 0
    assert "revmentor start" in result.out
    assert json.loads(cli("list", "--json").out) == []


def test_several_pairings_without_a_terminal_name_the_slugs(
    proc: Callable[..., Result], example_home: Path
) -> None:
    src = example_home / "pairings" / "helen-sam.yaml"
    (example_home / "pairings" / "second.yaml").write_text(src.read_text())
    result = proc("show")
    assert result.code == 1
    assert result.err.startswith("Error: you have 2 pairings; name one: helen-sam, second")
    assert "Traceback" not in result.err


@pytest.mark.parametrize("slug", ["../x", "/etc/passwd", ".hidden", "UPPER"])
def test_slugs_that_leave_the_folder_are_refused(
    cli: Callable[..., Result], example_home: Path, slug: str
) -> None:
    result = cli("show", slug)
    assert result.code == 1
    assert "is not a pairing name" in result.err


def test_unknown_pairing_and_unknown_command(
    cli: Callable[..., Result], example_home: Path
) -> None:
    missing = cli("show", "nobody")
    assert missing.code == 1
    assert "no pairing called 'nobody'" in missing.err
    assert "helen-sam" in missing.err
    typo = cli("stauts")
    assert typo.code == 2
    assert "Did you mean 'status'" in typo.err


def test_invalid_file_is_reported_and_untouched(
    cli: Callable[..., Result], example_home: Path
) -> None:
    path = example_home / "pairings" / "helen-sam.yaml"
    broken = path.read_text().replace("frequency: fortnightly", "frequency: daily")
    path.write_text(broken)
    result = cli("show")
    assert result.code == 1
    first = result.err.splitlines()[0]
    assert first.startswith(f"Error: {path}:")
    assert "ground_rules.frequency" in first
    assert path.read_text() == broken


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-editor.py"
    script.write_text(f"import sys, pathlib\np = pathlib.Path(sys.argv[1])\n{body}\n")
    return f"{sys.executable} {script}"


def test_edit_saves_a_valid_change_and_keeps_a_backup(
    proc: Callable[..., Result], example_home: Path, tmp_path: Path
) -> None:
    editor = _editor(
        tmp_path, "p.write_text(p.read_text().replace('Data Analyst', 'Senior Analyst'))"
    )
    result = proc("edit", env={"EDITOR": editor})
    assert result.code == 0, result.output
    st = Store(example_home)
    assert st.read(EXAMPLE_SLUG).partner.role == "Senior Analyst"
    assert "# Helen, a chief operating officer" in st.path_for(EXAMPLE_SLUG).read_text()
    assert len(st.backups(EXAMPLE_SLUG)) == 1


def test_edit_that_breaks_the_file_is_discarded(
    proc: Callable[..., Result], example_home: Path, tmp_path: Path
) -> None:
    path = example_home / "pairings" / "helen-sam.yaml"
    before = path.read_bytes()
    editor = _editor(tmp_path, "p.write_text(p.read_text().replace('trust: 5', 'trust: 11'))")
    result = proc("edit", "helen-sam", env={"EDITOR": editor})
    assert result.code == 1
    assert "trust" in result.out
    assert "discarded" in result.err
    assert path.read_bytes() == before


def test_edit_without_an_editor(cli: Callable[..., Result], example_home: Path) -> None:
    result = cli("edit")
    assert result.code == 1
    assert "no editor is set" in result.err


def test_doctor(cli: Callable[..., Result], example_home: Path) -> None:
    pairings = example_home / "pairings"
    for folder in (example_home, pairings):
        os.chmod(folder, 0o700)
    os.chmod(pairings / "helen-sam.yaml", 0o600)
    healthy = cli("doctor")
    assert healthy.code == 0, healthy.output
    assert "All good" in healthy.out
    os.chmod(pairings / "helen-sam.yaml", 0o644)
    (pairings / "bad.yaml").write_text("schema: 1\ncreated: 2026-01-01\n")
    sick = cli("doctor")
    assert sick.code == 1
    assert "can be read by others" in sick.out
    assert "chmod 600" in sick.out
    assert "horizon" in sick.out
    assert stat.S_IMODE((pairings / "helen-sam.yaml").stat().st_mode) == 0o644  # only reports


def test_doctor_checks_the_cache_folder(
    cli: Callable[..., Result], proc: Callable[..., Result], example_home: Path
) -> None:
    # The cache holds each pairing's data too; a loosened folder is reported like the rest.
    for folder in (example_home, example_home / "pairings"):
        os.chmod(folder, 0o700)
    os.chmod(example_home / "pairings" / "helen-sam.yaml", 0o600)
    assert cli("status", "helen-sam").code == 0  # fills the cache
    cache = example_home / "cache"
    assert cli("doctor").code == 0
    os.chmod(cache, 0o755)
    # The report names the folder in full. At the suite's 100 columns a long temporary path
    # (pytest --basetemp, macOS's /private/var/folders/...) would be wrapped mid-path, so the
    # report is read from a terminal wide enough for any path: every line is whole.
    width = str(len(str(cache)) + 200)
    sick = proc("doctor", env={"COLUMNS": width})
    assert sick.code == 1, sick.output
    lines = sick.out.splitlines()
    assert f"✗ {cache} can be read by others (mode 755)" in lines, sick.out
    assert f"  fix: chmod 700 '{cache}'" in lines, sick.out
    assert lines[-1] == "1 problem(s); 1 pairing file(s) checked."


def test_unexpected_errors_have_no_traceback_unless_debug(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, example_home: Path
) -> None:
    import revmentor.views.show as show_view

    def boom(*_: object) -> None:
        raise ZeroDivisionError("surprise")

    monkeypatch.setattr(show_view, "render_pairing", boom)
    result = cli("show")
    assert result.code == 1
    assert "unexpected ZeroDivisionError: surprise" in result.err
    assert "Traceback" not in result.err
    with pytest.raises(ZeroDivisionError):
        cli("--debug", "show")


@pytest.mark.parametrize("args", [("status", "helen-sam"), ("show", "helen-sam")], ids=" ".join)
def test_a_terminal_that_cannot_show_the_text_gets_question_marks_and_a_hint(
    example_home: Path, args: tuple[str, ...]
) -> None:
    import subprocess

    env = {**os.environ, "REVMENTOR_HOME": str(example_home), "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "revmentor", *args], capture_output=True, env=env, check=False
    )
    err = done.stderr.decode("ascii")
    assert done.returncode == 0
    assert "Traceback" not in err
    assert "PYTHONIOENCODING=utf-8" in err
    assert "?" in done.stdout.decode("ascii")

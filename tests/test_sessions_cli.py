"""`revmentor sessions`: list, show, edit and remove one session by number or date."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result
from tests.helpers_faults import Snapshot

Cli = Callable[..., Result]
ENV = {"REVMENTOR_TODAY": "2026-11-21"}


@pytest.fixture(autouse=True)
def _today(today: Callable[[str], None]) -> None:
    today("2026-11-21")


def fake_editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "fake-editor.py"
    script.write_text(f"import sys, pathlib\np = pathlib.Path(sys.argv[1])\n{body}\n")
    return f"{sys.executable} {script}"


def test_the_list_numbers_them_by_date(example_home: Path, cli: Cli) -> None:
    r = cli("sessions")
    assert r.code == 0
    assert "5  2026-11-03   45  data privacy with AI tools; the automation pitch" in r.out
    data = json.loads(cli("sessions", EXAMPLE_SLUG, "--json").out)
    assert [(s["number"], s["date"]) for s in data["sessions"]][:2] == [
        (1, "2026-09-08"), (2, "2026-09-22")]
    assert set(data["sessions"][0]) == {"number", "date", "minutes", "topics"}


def test_a_session_logged_late_takes_its_place_by_date(example_home: Path, cli: Cli) -> None:
    assert cli("log-session", "--date", "2026-09-15", "--topic", "late entry").code == 0
    data = json.loads(cli("sessions", "--json").out)["sessions"]
    assert data[1] == {"number": 2, "date": "2026-09-15", "minutes": None,
                       "topics": ["late entry"]}
    shown = json.loads(cli("sessions", "show", "2", "--json").out)
    assert shown["topics"] == ["late entry"]


def test_show_by_number_or_date(example_home: Path, cli: Cli) -> None:
    by_number = cli("sessions", "show", EXAMPLE_SLUG, "5")
    assert by_number.code == 0, by_number.output
    assert "Session 5 of helen-sam: Tue 3 Nov 2026" in by_number.out
    # A goal is named by its words, with its id beside them.
    assert "(genai-for-ops)" in by_number.out
    assert cli("sessions", "show", "2026-11-03").out == by_number.out


def test_edit_saves_a_valid_change_with_a_backup(
    example_home: Path, proc: Callable[..., Result], tmp_path: Path
) -> None:
    editor = fake_editor(tmp_path, "p.write_text(p.read_text().replace('minutes: 45', "
                                   "'minutes: 40'))")
    r = proc("sessions", "edit", EXAMPLE_SLUG, "5", env={**ENV, "EDITOR": editor})
    assert r.code == 0, r.output
    p = Store().read(EXAMPLE_SLUG)
    assert p.sessions[4].minutes == 40 and p.sessions[0].minutes == 45
    assert len(Store().backups(EXAMPLE_SLUG)) == 1
    # The rest of the file, its comments included, is as it was.
    text = Store().path_for(EXAMPLE_SLUG).read_text(encoding="utf-8")
    assert "# Helen, a chief operating officer" in text


def test_an_invalid_edit_is_discarded(
    example_home: Path, proc: Callable[..., Result], tmp_path: Path
) -> None:
    before = Snapshot.of(example_home)
    editor = fake_editor(tmp_path, "p.write_text(p.read_text().replace('trust: 4', 'trust: 9'))")
    r = proc("sessions", "edit", "2", env={**ENV, "EDITOR": editor})
    assert r.code == 1
    assert "pulse.trust" in r.out and "discarded" in r.err
    assert Snapshot.of(example_home).changes(before) == []


def test_an_unchanged_edit_changes_nothing(
    example_home: Path, proc: Callable[..., Result], tmp_path: Path
) -> None:
    before = Snapshot.of(example_home)
    r = proc("sessions", "edit", "2", env={**ENV, "EDITOR": fake_editor(tmp_path, "")})
    assert r.code == 0 and "No changes." in r.out
    assert Snapshot.of(example_home).changes(before) == []


def test_remove_with_yes(example_home: Path, cli: Cli) -> None:
    r = cli("sessions", "remove", EXAMPLE_SLUG, "2026-09-22", "--yes")
    assert r.code == 0, r.output
    p = Store().read(EXAMPLE_SLUG)
    assert [s.date for s in p.sessions][:2] == [date(2026, 9, 8), date(2026, 10, 6)]
    assert len(Store().backups(EXAMPLE_SLUG)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "9"], "there is no session 9"),
        (["show", "someday"], "'someday' is neither a session number nor a date"),
        (["show", "2026-02-30"], "'2026-02-30' is neither a session number nor a date"),
        (["show", "2026-11-04"], "no session on 2026-11-04"),
        (["show"], "name one session"),
        (["edit", "nobody", "1"], "no pairing called 'nobody'"),
        (["remove", "3"], "removing session 3 of 'helen-sam' needs a yes"),
        (["remove", "0", "--yes"], "there is no session 0"),
        (["nobody"], "no pairing called 'nobody'"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    example_home: Path, cli: Cli, args: list[str], message: str
) -> None:
    before = Snapshot.of(example_home)
    r = cli("sessions", *args)
    assert r.code == 1, r.output
    assert r.err.startswith(f"Error: {message}"), r.err
    assert Snapshot.of(example_home).changes(before) == []


def test_two_sessions_on_one_day_are_named_by_number(example_home: Path, cli: Cli) -> None:
    assert cli("log-session", "--date", "2026-11-03", "--topic", "again").code == 0
    r = cli("sessions", "remove", "2026-11-03", "--yes")
    assert r.code == 1 and "2 sessions on 2026-11-03: numbers 5 and 6" in r.err


def test_help_has_examples(cli: Cli) -> None:
    for verb in ("", "list", "show", "edit", "remove"):
        r = cli("sessions", *([verb] if verb else []), "--help")
        assert r.code == 0 and "revmentor sessions" in r.out and "Example" in r.out, verb

"""The JSON export: the file's own keys, private notes only when asked, computed dates."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from revmentor.coach.horizon import planned_dates
from revmentor.model import Pairing
from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result

CLI = Callable[..., Result]


def test_json_has_the_files_keys_and_validates_back(
    cli: CLI, example_home: Path, today: Callable[[str], None]
) -> None:
    today("2026-11-21")
    r = cli("export", EXAMPLE_SLUG, "--format", "json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    computed = data.pop("computed")
    original = Store().read(EXAMPLE_SLUG)
    assert set(data) == set(original.to_data())
    assert data["schema"] == 1
    assert data["me"]["name"] == "Helen Okafor"
    again = Pairing.model_validate(data)
    assert again.goals == original.goals
    assert [s.private_note for s in again.sessions] == [None] * 5
    assert computed["slug"] == EXAMPLE_SLUG
    assert computed["exported_on"] == "2026-11-21"
    assert computed["planned_dates"] == [
        d.isoformat() for d in planned_dates(original.horizon, "fortnightly")
    ]
    assert computed["expected_by_today"] == 6
    assert computed["private_notes_included"] is False
    assert "I was nervous" not in r.out


def test_private_notes_with_include_private(cli: CLI, example_home: Path) -> None:
    r = cli("export", "-f", "json", "--include-private")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    notes = [s.get("private_note") for s in data["sessions"]]
    assert notes[1] == "I was nervous about looking out of date; Sam made that easy."
    assert data["computed"]["private_notes_included"] is True
    assert date.fromisoformat(data["horizon"]["start"]) == date(2026, 9, 7)


def test_json_keeps_unicode_as_written(cli: CLI, home: Path) -> None:
    from revmentor.model import Horizon, Person

    p = Pairing(
        created=date(2026, 9, 1),
        partner=Person(name="Zoë «No» 🙂"),
        horizon=Horizon(start=date(2026, 9, 7), end=date(2026, 12, 7)),
    )
    Store().create("zoe", p)
    r = cli("export", "zoe", "--format", "json")
    assert r.code == 0, r.err
    assert "Zoë «No» 🙂" in r.out
    assert json.loads(r.out)["partner"]["name"] == "Zoë «No» 🙂"

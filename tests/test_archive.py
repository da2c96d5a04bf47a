"""`revmentor archive` and `unarchive`: out of `list` and `status`, never out of reach."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from revmentor.store import Store
from tests.conftest import Result
from tests.helpers_faults import Snapshot, make_pairing

Cli = Callable[..., Result]


def slugs(result: Result) -> list[str]:
    assert result.code == 0, result.output
    return [row["slug"] for row in json.loads(result.out)]


def test_archive_hides_a_pairing_from_list_and_status(
    home: Path, cli: Cli, today: Callable[[str], None]
) -> None:
    today("2026-10-01")
    make_pairing(home, "sam")
    make_pairing(home, "kim")
    result = cli("archive", "kim")
    assert result.code == 0, result.output
    assert "list --all" in result.out
    assert Store(home).read("kim").archived is not None
    assert slugs(cli("list", "--json")) == ["sam"]
    assert "kim" not in cli("list").out
    listed = json.loads(cli("list", "--all", "--json").out)
    assert [(r["slug"], r.get("archived")) for r in listed] == [
        ("kim", "2026-10-01"), ("sam", None)
    ]
    assert "archived" in cli("list", "--all").out
    # With one pairing left in view, `revmentor` shows that one in full.
    assert "Sam Rivera" in cli().out
    assert cli("status", "kim").code == 0, "an archived pairing still opens by name"

    assert cli("unarchive", "kim").code == 0
    assert slugs(cli("list", "--json")) == ["kim", "sam"]
    assert Store(home).read("kim").archived is None


def test_a_concluded_pairing_can_be_archived(home: Path, cli: Cli) -> None:
    make_pairing(home, "done")
    assert cli("wrap-up", "done", "--decision", "conclude", "--yes").code == 0
    assert cli("archive", "done").code == 0
    assert Store(home).read("done").state == "concluded"


def test_every_pairing_archived(home: Path, cli: Cli) -> None:
    make_pairing(home, "sam")
    assert cli("archive", "sam").code == 0
    assert "Every pairing is archived" in cli("status").out


def test_archiving_twice_or_unarchiving_what_is_not_archived_changes_nothing(
    home: Path, cli: Cli
) -> None:
    make_pairing(home, "sam")
    before = Snapshot.of(home)
    result = cli("unarchive", "sam")
    assert result.code == 0 and "not archived" in result.out
    assert Snapshot.of(home) == before
    assert cli("archive", "sam").code == 0
    before = Snapshot.of(home)
    assert "already archived" in cli("archive", "sam").out
    assert Snapshot.of(home) == before


def test_unknown_pairing(home: Path, cli: Cli) -> None:
    make_pairing(home, "sam")
    before = Snapshot.of(home)
    for command in ("archive", "unarchive"):
        result = cli(command, "nobody")
        assert result.code == 1
        assert result.err.startswith("Error: no pairing called 'nobody'")
    assert Snapshot.of(home) == before


def test_the_partner_bundle_does_not_carry_the_archive_mark(home: Path, cli: Cli,
                                                            tmp_path: Path) -> None:
    make_pairing(home, "sam")
    assert cli("archive", "sam").code == 0
    bundle = tmp_path / "bundle.yaml"
    assert cli("share", "sam", "-o", str(bundle)).code == 0, "share works on archived pairings"
    assert "archived" not in bundle.read_text()


def test_a_command_without_a_name_leaves_archived_pairings_out_of_the_choice(
    home: Path, cli: Cli
) -> None:
    make_pairing(home, "sam")
    make_pairing(home, "kim")
    assert cli("prep").code == 1, "two pairings: name one"
    assert cli("archive", "kim").code == 0
    result = cli("status", "--json")
    assert result.code == 0, result.output
    assert json.loads(result.out)["slug"] == "sam"
    assert cli("prep").code == 0
    assert cli("archive", "sam").code == 0
    assert "kim, sam" in cli("prep").err, "every pairing archived: all of them to choose from"

"""`revmentor share` and `revmentor import` on the command line, with two partners each on
their own machine (two data folders), and everything a bundle can do wrong."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result
from tests.helpers_faults import Outcome, Snapshot, assert_clean_failure, make_pairing, run_cli

HELEN_SECRET = "HELEN-PRIVATE-0417"
SAM_SECRET = "SAM-PRIVATE-0923"

PLAN = """\
me: {name: Helen Okafor, role: Chief Operating Officer, side: mentee}
partner: {name: Sam Rivera, role: Data Analyst}
goals:
  - text: Learn to use generative AI on our weekly reports, by trying it on real ones
    owner: me
  - text: Learn how a budget case is built and defended, to pitch the automation project
    owner: partner
ground_rules: {frequency: weekly}
"""

# A pairing with another partner, and no name of one's own (`start` does not ask for it).
START_KIM = ["start", "--defaults", "--partner", "Kim Lee", "--name", "kim",
             "--goal", "Learn to write prompts for weekly reports by trying them"]  # fmt: skip

Cli = Callable[..., Result]


@pytest.fixture
def two(tmp_path: Path, cli: Cli, today: Callable[[str], None]) -> dict[str, Path]:
    """Helen's and Sam's data folders, and a place to pass files between them."""
    today("2026-11-02")
    folders = {"helen": tmp_path / "helen", "sam": tmp_path / "sam", "mail": tmp_path / "mail"}
    folders["mail"].mkdir()
    return folders


def at(cli: Cli, home: Path, *args: str) -> Result:
    result = cli("--home", str(home), *args)
    assert "Traceback" not in result.output
    return result


def ok(cli: Cli, home: Path, *args: str) -> Result:
    result = at(cli, home, *args)
    assert result.code == 0, result.output
    return result


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def log(cli: Cli, home: Path, slug: str, day: str, *flags: str) -> None:
    ok(cli, home, "log-session", slug, "--date", day, "--minutes", "45", "--yes", *flags)


def test_two_partners_share_and_import_until_both_hold_everything(
    cli: Cli, two: dict[str, Path], tmp_path: Path, today: Callable[[str], None]
) -> None:
    helen, sam, mail = two["helen"], two["sam"], two["mail"]
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    ok(
        cli,
        helen,
        "start",
        "--answers",
        str(plan),
        "--defaults",
        "--name",
        "helen-sam",
        "--start",
        "2026-11-02",
    )

    # Helen shares the plan; Sam, who has nothing yet, brings it in and sees it his way.
    first = mail / "from-helen.yaml"
    ok(cli, helen, "share", "helen-sam", "-o", str(first))
    shown = ok(cli, sam, "import", str(first), "--yes").out
    assert "A new pairing, 'helen-okafor', from your side: you mostly teach Helen Okafor." in shown
    assert "2 goals: 1 yours, 1 Helen Okafor's." in shown
    mirror = Store(sam).read("helen-okafor")
    assert (mirror.me.name, mirror.me.side, mirror.partner.name) == (
        "Sam Rivera",
        "mentor",
        "Helen Okafor",
    )
    assert [g.owner for g in mirror.goals] == ["partner", "me"]
    assert mirror.ground_rules.frequency == "weekly"
    assert mirror.horizon == Store(helen).read("helen-sam").horizon

    # Both log on their own machines: two sessions on the same days, with their own words.
    today("2026-11-20")
    log(
        cli,
        helen,
        "helen-sam",
        "2026-11-03",
        "--topic",
        "prompts",
        "--i-learned",
        "H: a template halves the editing",
        "--they-learned",
        "H: how the board reads risk",
        "--private-note",
        HELEN_SECRET,
    )
    log(cli, helen, "helen-sam", "2026-11-10", "--topic", "Helen only")
    log(
        cli,
        sam,
        "helen-okafor",
        "2026-11-03",
        "--topic",
        "prompts",
        "--topic",
        "risk",
        "--i-learned",
        "S: lead with the sponsor's risk",
        "--they-learned",
        "S: templates for the weekly report",
        "--private-note",
        SAM_SECRET,
    )
    log(
        cli,
        sam,
        "helen-okafor",
        "2026-11-17",
        "--topic",
        "Sam only",
        "--i-learned",
        "S: how a budget is signed off",
    )

    # They exchange bundles, and each brings in the other's.
    to_sam, to_helen = mail / "helen-2.yaml", mail / "sam-2.yaml"
    ok(cli, helen, "share", "-o", str(to_sam))
    ok(cli, sam, "share", "-o", str(to_helen))
    for bundle in (to_sam, to_helen):
        text = bundle.read_text(encoding="utf-8")
        assert HELEN_SECRET not in text and SAM_SECRET not in text
    report = ok(cli, helen, "import", str(to_helen), "--yes").out
    assert "Written differently: both texts kept, labelled by who wrote them" in report
    said = 'session 2026-11-03, what you learned: "S: templates for the weekly report" (Sam Rivera)'
    assert said in report
    ok(cli, sam, "import", str(to_sam), "--yes")

    days = ["2026-11-03", "2026-11-10", "2026-11-17"]
    for home, slug, me, partner in (
        (helen, "helen-sam", "H", "S"),
        (sam, "helen-okafor", "S", "H"),
    ):
        p = Store(home).read(slug)
        assert [s.date.isoformat() for s in p.sessions] == days
        day = p.sessions[0]
        assert day.i_learned.startswith(me) and day.they_learned.startswith(me)
        others = {(w.field, w.text[:1], w.by) for w in day.other_texts or []}
        name = "Sam Rivera" if partner == "S" else "Helen Okafor"
        assert others == {("i_learned", partner, name), ("they_learned", partner, name)}
        assert day.topics == ["prompts", "risk"]
    # No private note has crossed: not in the files, their backups or the cache.
    assert HELEN_SECRET.encode() not in every_byte(sam)
    assert SAM_SECRET.encode() not in every_byte(helen)
    assert Store(helen).read("helen-sam").sessions[0].private_note == HELEN_SECRET
    assert Store(sam).read("helen-okafor").sessions[0].private_note == SAM_SECRET

    # The next session is logged as usual, after the merge.
    log(cli, helen, "helen-sam", "2026-11-19", "--topic", "after the exchange")
    assert Store(helen).read("helen-sam").sessions[-1].topics == ["after the exchange"]

    # The same bundles again change nothing, byte for byte, and make no backup.
    for home, slug, bundle in ((helen, "helen-sam", to_helen), (sam, "helen-okafor", to_sam)):
        before = Snapshot.of(home)
        again = ok(cli, home, "import", str(bundle), "--yes").out
        assert f"Nothing new: '{slug}' already holds everything in it." in again
        assert Snapshot.of(home).changes(before) == []


def test_dry_run_shows_the_changes_and_writes_nothing(
    cli: Cli, example_home: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    ok(cli, example_home, "share", EXAMPLE_SLUG, "-o", str(tmp_path / "b.yaml"))
    ok(cli, other, "import", str(tmp_path / "b.yaml"), "--yes")
    ok(
        cli,
        other,
        "log-session",
        "helen-okafor",
        "--date",
        "2026-11-20",
        "--topic",
        "new",
        "--they-learned",
        "What a pilot needs",
        "--yes",
    )
    ok(cli, other, "share", "-o", str(tmp_path / "back.yaml"))
    before = Snapshot.of(example_home)
    shown = ok(cli, example_home, "import", str(tmp_path / "back.yaml"), "--dry-run").out
    assert "would change (nothing is written with --dry-run)" in shown
    assert "  - session 2026-11-20" in shown
    assert Snapshot.of(example_home).changes(before) == []
    # The real import keeps the previous version in backups.
    old = (example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml").read_bytes()
    ok(cli, example_home, "import", str(tmp_path / "back.yaml"), "--yes")
    backups = Store(example_home).backups(EXAMPLE_SLUG)
    assert backups and backups[-1].read_bytes() == old
    s = Store(example_home).read(EXAMPLE_SLUG).sessions[-1]
    assert (s.i_learned, s.written_by) == ("What a pilot needs", {"i_learned": "Sam Rivera"})


def test_a_dry_run_of_a_new_pairing_creates_nothing(
    cli: Cli, example_home: Path, tmp_path: Path
) -> None:
    ok(cli, example_home, "share", "-o", str(tmp_path / "b.yaml"))
    other = tmp_path / "other"
    shown = ok(cli, other, "import", str(tmp_path / "b.yaml"), "--dry-run").out
    assert "Nothing is written with --dry-run." in shown
    assert not (other / "pairings").exists() or not list((other / "pairings").iterdir())


def test_a_new_pairing_takes_the_name_asked_for(
    cli: Cli, example_home: Path, tmp_path: Path
) -> None:
    ok(cli, example_home, "share", "-o", str(tmp_path / "b.yaml"))
    other = tmp_path / "other"
    ok(cli, other, "import", str(tmp_path / "b.yaml"), "--name", "with-helen", "--yes")
    assert Store(other).slugs() == ["with-helen"]
    # Once it exists, the next bundle merges: a name for a new one is refused.
    again = at(cli, other, "import", str(tmp_path / "b.yaml"), "--name", "x", "--yes")
    assert again.code == 1 and "--name is for a new pairing" in again.err


def test_share_leaves_every_private_note_out(cli: Cli, example_home: Path, tmp_path: Path) -> None:
    ok(
        cli,
        example_home,
        "log-session",
        EXAMPLE_SLUG,
        "--date",
        "2026-11-20",
        "--private-note",
        HELEN_SECRET,
        "--yes",
    )
    result = ok(cli, example_home, "share", "-o", "-")
    assert HELEN_SECRET not in result.out and "nervous" not in result.out
    assert result.out.startswith("# revmentor partner bundle (schema 1): Helen Okafor's copy")
    data = yaml.safe_load(result.out)
    assert data["shared"]["by"] == "Helen Okafor"
    assert not any("private_note" in s for s in data["sessions"])
    written = ok(cli, example_home, "share", "-o", str(tmp_path))
    target = tmp_path / f"{EXAMPLE_SLUG}-shared.yaml"
    assert f"Wrote {target}:" in written.out
    assert "Private notes stay here: 2 left out." in written.out
    assert HELEN_SECRET not in target.read_text(encoding="utf-8")


def test_share_never_replaces_a_file_unasked(cli: Cli, example_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "b.yaml"
    target.write_text("mine", encoding="utf-8")
    result = at(cli, example_home, "share", "-o", str(target))
    assert result.code == 1 and "already exists" in result.err
    assert target.read_text(encoding="utf-8") == "mine"
    ok(cli, example_home, "share", "-o", str(target), "--force")
    assert target.read_text(encoding="utf-8").startswith("# revmentor partner bundle")


def test_share_needs_your_name(cli: Cli, home: Path, tmp_path: Path) -> None:
    ok(cli, home, *START_KIM)
    result = at(cli, home, "share", "-o", str(tmp_path / "b.yaml"))
    assert result.code == 1
    assert result.err.startswith("Error: the pairing does not say your name")
    assert "revmentor edit kim" in result.err
    assert not (tmp_path / "b.yaml").exists()


def test_without_a_terminal_import_asks_for_yes(home: Path, tmp_path: Path) -> None:
    make_pairing(home, "sam")
    other = tmp_path / "other"
    assert run_cli("share", "sam", "-o", str(tmp_path / "b.yaml"), home=home).code == 0
    for close in (False, True):
        result = run_cli("import", str(tmp_path / "b.yaml"), home=other, close_stdin=close)
        assert_clean_failure(result)
        assert "--yes" in result.err and "--dry-run" in result.err
        assert not (other / "pairings").exists() or Store(other).slugs() == []


def test_bundles_and_imports_are_private_under_umask_000(home: Path, tmp_path: Path) -> None:
    make_pairing(home, "sam")
    other = tmp_path / "other"
    bundle = tmp_path / "b.yaml"
    assert run_cli("share", "sam", "-o", str(bundle), home=home, umask=0).code == 0
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    assert run_cli("import", str(bundle), "--yes", home=other, umask=0).code == 0
    for path in [other, *other.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


# --- bad input: one line naming the file, exit 1, nothing changed ----------------------


def _bundle_text(home: Path, tmp_path: Path) -> str:
    assert run_cli("share", "sam", "-o", str(tmp_path / "good.yaml"), home=home).code == 0
    return (tmp_path / "good.yaml").read_text(encoding="utf-8")


BAD: list[tuple[str, Callable[[str], str | bytes]]] = [
    ("newer schema", lambda t: t.replace("schema: 1\n", "schema: 2\n", 1)),
    ("schema not a number", lambda t: t.replace("schema: 1\n", "schema: one\n", 1)),
    ("a Markdown export", lambda t: "# Helen and Sam\n\nA plan, in prose.\n"),
    ("a YAML list", lambda t: "- one\n- two\n"),
    ("an unrelated mapping", lambda t: "colour: blue\nsize: 3\n"),
    ("an empty file", lambda t: ""),
    ("not UTF-8", lambda t: b"\xff\xfe\x00bundle"),
    ("rating out of range", lambda t: t.replace("trust: 3", "trust: 9", 1)),
    ("unknown key", lambda t: t.replace("state: active", "state: active\nflavour: x", 1)),
    ("end before start", lambda t: t.replace("end: 2026-12-07", "end: 2026-09-01", 1)),
    ("goal id twice", lambda t: t.replace("id: gen-z-expectations", "id: genai-for-ops", 1)),
    ("newline in a name", lambda t: t.replace("name: Sam Rivera", 'name: "Sam\\nRivera"', 1)),
    ("escape sequence in a name", lambda t: t.replace("name: Sam Rivera", 'name: "Sam\\e[2J"', 1)),
    (
        "NUL in a note",
        lambda t: t.replace("i_learned: Giving", 'i_learned: "\\0Giving', 1).replace(
            "halves the editing.", 'halves the editing."', 1
        ),
    ),
    ("key given twice", lambda t: t + "sessions: []\n"),
    ("aliases", lambda t: t.replace("topics:\n", "topics: &t\n", 1) + "extra: *t\n"),
    ("nested too deep", lambda t: t + "deep: " + "[" * 200 + "]" * 200 + "\n"),
    ("over 16 MiB", lambda t: t + "# " + "x" * (17 * 1024 * 1024) + "\n"),
    ("signed by someone else", lambda t: t.replace("by: Helen Okafor", "by: Mallory", 1)),
]


@pytest.mark.parametrize("name,spoil", BAD, ids=[b[0] for b in BAD])
def test_a_bad_bundle_is_refused_in_one_line_and_changes_nothing(
    cli: Cli, home: Path, tmp_path: Path, name: str, spoil: Callable[[str], str | bytes]
) -> None:
    make_pairing(home, "sam")
    other = tmp_path / "other"
    good = _bundle_text(home, tmp_path)
    ok(cli, other, "import", str(tmp_path / "good.yaml"), "--yes")
    bad = tmp_path / "bundle (from Sam).yaml"
    spoilt = spoil(good)
    bad.write_bytes(spoilt if isinstance(spoilt, bytes) else spoilt.encode("utf-8"))
    # Refused the same way by the partner (a merge) and by the sharer (their own copy).
    for home_, extra in ((other, []), (home, ["--dry-run"])):
        before = Snapshot.of(home_)
        result = at(cli, home_, "import", str(bad), "--yes", *extra)
        assert_clean_failure(Outcome(result.code, result.out, result.err))
        first, *rest = result.err.splitlines()
        assert first.startswith(f"Error: {bad}"), first
        assert len(rest) == 1 and rest[0].startswith(("Nothing was imported", "(")), rest
        assert Snapshot.of(home_).changes(before) == []


def test_a_bundle_for_another_pair_is_refused_with_into(home: Path, tmp_path: Path) -> None:
    make_pairing(home, "sam")
    other = tmp_path / "other"
    _bundle_text(home, tmp_path)
    assert run_cli(*START_KIM, home=other).code == 0
    before = Snapshot.of(other)
    result = run_cli("import", str(tmp_path / "good.yaml"), "--into", "kim", "--yes", home=other)
    assert_clean_failure(result)
    assert result.err.splitlines()[0] == (
        f"Error: {tmp_path / 'good.yaml'}: it is the pairing of Helen Okafor and Sam Rivera; "
        "'kim' is yours with Kim Lee"
    )
    assert Snapshot.of(other).changes(before) == []


@pytest.mark.parametrize("what", ["missing", "folder", "fifo"])
def test_a_file_that_is_not_there_or_not_a_file(home: Path, tmp_path: Path, what: str) -> None:
    make_pairing(home, "sam")
    path = tmp_path / "bundle.yaml"
    if what == "folder":
        path.mkdir()
    elif what == "fifo":
        os.mkfifo(path)
    before = Snapshot.of(home)
    result = run_cli("import", str(path), "--yes", home=home, timeout=20)
    assert_clean_failure(result)
    assert result.err.splitlines()[0].startswith(f"Error: {path}")
    assert Snapshot.of(home).changes(before) == []


def test_importing_into_a_concluded_pairing_asks_to_reopen_it(
    cli: Cli, example_home: Path, tmp_path: Path
) -> None:
    ok(cli, example_home, "share", "-o", str(tmp_path / "b.yaml"))
    other = tmp_path / "other"
    ok(cli, other, "import", str(tmp_path / "b.yaml"), "--yes")
    ok(cli, other, "log-session", "helen-okafor", "--date", "2026-11-20", "--topic", "x", "--yes")
    ok(cli, other, "share", "-o", str(tmp_path / "back.yaml"))
    ok(cli, example_home, "wrap-up", EXAMPLE_SLUG, "--decision", "conclude", "--yes")
    before = Snapshot.of(example_home)
    result = at(cli, example_home, "import", str(tmp_path / "back.yaml"), "--yes")
    assert result.code == 1 and "revmentor reopen helen-sam" in result.err
    assert Snapshot.of(example_home).changes(before) == []


def test_share_and_import_open_no_socket(home: Path, tmp_path: Path) -> None:
    from tests.test_privacy import NO_SOCKETS

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(NO_SOCKETS)
    env = {"PYTHONPATH": str(site)}
    make_pairing(home, "sam")
    bundle = str(tmp_path / "b.yaml")
    for args, where in (
        (["share", "sam", "-o", bundle], home),
        (["import", bundle, "--yes"], tmp_path / "other"),
        (["import", bundle, "--yes"], home),
    ):
        result = run_cli(*args, home=where, env=env)
        assert result.code == 0, result.output
        assert "blocked by the privacy test" not in result.output


@pytest.mark.parametrize(
    "path,label",
    [
        ("i_learned", "what you learned"),
        ("progress.genai-for-ops", "progress on genai-for-ops"),
        ("pulse.open_mind", "open mind in the pulse"),
        ("ground_rules.channel", "ground rules: channel"),
        ("me.offers", "you: offers"),
        ("scan.gaps", "scan: gaps"),
        ("pulse", "the pulse"),
        ("ground_rules", "ground rules"),
    ],
)
def test_fields_are_named_in_words(path: str, label: str) -> None:
    from revmentor.views.exchange import field_label

    assert field_label(path) == label

"""The store: round trips, hand edits kept, YAML edge cases, errors with lines, safety."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from revmentor.errors import AlreadyExists, BadInput, Concluded, InvalidFile, NotFound
from revmentor.model import Goal, Horizon, Pairing, Person, Session
from revmentor.store import KEEP_BACKUPS, Store, check_slug, slugify
from tests.strategies import pairings, sessions


def minimal(**kw: object) -> Pairing:
    base: dict[str, object] = {
        "created": date(2026, 9, 1),
        "horizon": Horizon(start=date(2026, 9, 7), end=date(2026, 12, 7)),
        "partner": Person(name="Sam"),
    }
    base.update(kw)
    return Pairing.model_validate(base)


def test_create_then_load_gives_the_same_pairing(home: Path) -> None:
    st = Store()
    p = minimal(goals=[Goal(id="g1", text="Learn prompt writing", baseline=2)])
    path = st.create("sam", p)
    assert path == home / "pairings" / "sam.yaml"
    assert st.read("sam") == p
    assert st.slugs() == ["sam"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(p=pairings(), extra=sessions)
def test_every_model_round_trips_through_the_store(home: Path, p: Pairing, extra: Session) -> None:
    st = Store()
    slug = f"p{abs(hash((p.created, len(p.sessions), p.partner.name))) % 10**9}"
    if st.exists(slug):
        st.path_for(slug).unlink()
    st.create(slug, p)
    assert st.read(slug) == p
    with st.update(slug) as q:
        q.sessions.append(extra)
        q.partner.name = q.partner.name + "!"
    again = st.read(slug)
    assert again.sessions == [*p.sessions, extra]
    assert again.partner.name == p.partner.name + "!"


EDGE = """\
# written by hand
schema: 1
created: 2026-09-01
partner:
  name: No          # a partner really called No
  role: yes
horizon: {start: 2026-09-07, end: 2026-12-07}
goals:
  - id: 1e3
    text: null
sessions:
  - date: 2026-09-08
    topics: [9:30, yes, off, 0x1F, "null"]
    i_learned: مرحبا بالعالم 🙂
    private_note: 'null'
"""


def test_yaml_edge_cases_come_back_as_written(home: Path) -> None:
    st = Store()
    st.pairings_dir.mkdir(parents=True)
    st.path_for("edge").write_text(EDGE, encoding="utf-8")
    with pytest.raises(InvalidFile) as bad:
        st.read("edge")
    # a goal text written as bare null is "no text": refused, with its line
    assert ":10: goals.0.text:" in str(bad.value)
    st.path_for("edge").write_text(EDGE.replace("text: null", "text: null and void"))
    p = st.read("edge")
    assert p.partner.name == "No"
    assert p.partner.role == "yes"
    assert p.goals[0].id == "1e3"
    assert p.sessions[0].topics == ["9:30", "yes", "off", "0x1F", "null"]
    assert p.sessions[0].private_note == "null"
    assert p.sessions[0].i_learned == "مرحبا بالعالم 🙂"


def test_edge_values_survive_a_save_by_the_tool(home: Path) -> None:
    st = Store()
    p = minimal(
        partner=Person(name="No", role="9:30"),
        goals=[Goal(id="1e3", text="yes")],
        sessions=[
            Session(
                date=date(2026, 9, 8),
                topics=["off", "null", "~", "1e3", "🙂 שלום"],
                private_note="null",
            )
        ],
    )
    st.create("edge", p)
    text = st.path_for("edge").read_text()
    import yaml

    # Even a YAML 1.1 reader (PyYAML's default) reads the file's values as text.
    plain = yaml.safe_load(text)
    assert plain["partner"]["name"] == "No"
    assert plain["partner"]["role"] == "9:30"
    assert plain["goals"][0]["id"] == "1e3"
    assert plain["sessions"][0]["private_note"] == "null"
    assert st.read("edge") == p


HAND = """\
# Our pairing. Reviewed by hand on Fridays.
schema: 1
kind: reverse-mentoring
horizon:            # dates agreed in the first meeting
  end: 2026-12-07
  start: 2026-09-07
created: 2026-09-01
partner:
  role: Analyst   # role first, name second: my order
  name: Sam
sessions:
  # first one was great
  - date: 2026-09-08
    topics: [prompts]   # flow style kept
"""


def test_comments_and_key_order_survive_a_save(home: Path) -> None:
    st = Store()
    st.pairings_dir.mkdir(parents=True)
    st.path_for("hand").write_text(HAND)
    with st.update("hand") as p:
        p.sessions.append(Session(date=date(2026, 9, 22), topics=["agents"]))
        p.partner.role = "Senior Analyst"
    text = st.path_for("hand").read_text()
    for kept in (
        "# Our pairing. Reviewed by hand on Fridays.",
        "horizon:            # dates agreed in the first meeting",
        "  # first one was great",
        "topics: [prompts]   # flow style kept",
    ):
        assert kept in text
    role_line = next(line for line in text.splitlines() if "role:" in line)
    assert "Senior Analyst" in role_line and "# role first, name second: my order" in role_line
    assert text.index("  end: 2026-12-07") < text.index("  start: 2026-09-07")
    assert text.index("role:") < text.index("name: Sam")
    assert st.read("hand").sessions[-1].topics == ["agents"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "schema: 1\ncreated: 2026-09-01\nhorizon: {start: 2026-09-07, end: 2026-12-07}\n"
            "partner:\n  name: Sam\n  nmae: typo\n",
            ":6: partner.nmae: unknown key",
        ),
        (
            "schema: 1\ncreated: 2026-09-01\nhorizon: {start: 2026-09-07, end: 2026-12-07}\n"
            "ground_rules:\n  frequency: daily\n",
            ":5: ground_rules.frequency:",
        ),
        (
            "schema: 1\ncreated: not a date\nhorizon: {start: 2026-09-07, end: 2026-12-07}\n",
            ":2: created:",
        ),
        ("schema: 1\ncreated: 2026-09-01\n", ":1: horizon: required but missing"),
        (
            "schema: 1\ncreated: 2026-09-01\nhorizon: {start: 2026-09-07, end: 2026-12-07}\n"
            "sessions:\n  - date: 2026-09-08\n    pulse: {trust: 7}\n",
            ":6: sessions.0.pulse.trust:",
        ),
        ("schema: 9\ncreated: 2026-09-01\n", "newer than this revmentor"),
        ("key: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        ("a: &x [1]\nb: *x\n", "aliases"),
    ],
)
def test_invalid_files_are_reported_with_lines_and_left_untouched(
    home: Path, content: str, expected: str
) -> None:
    st = Store()
    st.pairings_dir.mkdir(parents=True)
    path = st.path_for("bad")
    path.write_text(content)
    before = path.stat()
    with pytest.raises(InvalidFile) as exc:
        st.read("bad")
    assert expected in str(exc.value)
    assert str(exc.value).startswith(str(path))
    with pytest.raises(InvalidFile), st.update("bad"):
        pass
    assert path.read_text() == content
    assert path.stat().st_mtime_ns == before.st_mtime_ns


@pytest.mark.parametrize(
    "slug",
    [
        "../x",
        "/etc/passwd",
        "",
        ".hidden",
        "a/b",
        "UPPER",
        "x..y/..",
        "-lead",
        "trail-",
        "a" * 80,
        "sp ace",
        "é",
    ],
)
def test_slugs_that_could_escape_are_refused(slug: str) -> None:
    with pytest.raises(BadInput):
        check_slug(slug)
    with pytest.raises(BadInput):
        Store().path_for(slug)


def test_slugify_makes_safe_names() -> None:
    assert slugify("Sam Rivera") == "sam-rivera"
    assert slugify("  Zoë O'Brien!! ") == "zoe-o-brien"
    assert slugify("../../etc") == "etc"
    assert slugify("🙂") == "pairing"
    check_slug(slugify("x" * 200))


def test_permissions_are_private_even_under_a_loose_umask(home: Path) -> None:
    old = os.umask(0)
    try:
        st = Store()
        st.create("sam", minimal())
        with st.update("sam") as p:
            p.partner.role = "Analyst"
    finally:
        os.umask(old)
    assert stat.S_IMODE(st.path_for("sam").stat().st_mode) == 0o600
    for folder in (st.home, st.pairings_dir, st.backups_dir, st.backups_dir / "sam"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for backup in st.backups("sam"):
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_backups_keep_the_previous_versions(home: Path) -> None:
    st = Store()
    st.create("sam", minimal())
    for i in range(KEEP_BACKUPS + 5):
        with st.update("sam") as p:
            p.partner.role = f"role {i}"
    backups = st.backups("sam")
    assert len(backups) == KEEP_BACKUPS
    assert "role 23" in backups[-1].read_text()
    assert "role 22" in backups[-2].read_text()


def test_an_unchanged_update_writes_nothing(home: Path) -> None:
    st = Store()
    st.create("sam", minimal())
    before = st.path_for("sam").stat().st_mtime_ns
    with st.update("sam"):
        pass
    assert st.path_for("sam").stat().st_mtime_ns == before
    assert st.backups("sam") == []


def test_an_error_inside_an_update_saves_nothing(home: Path) -> None:
    st = Store()
    st.create("sam", minimal())
    text = st.path_for("sam").read_text()
    with pytest.raises(RuntimeError), st.update("sam") as p:
        p.partner.name = "Changed"
        raise RuntimeError("boom")
    assert st.path_for("sam").read_text() == text


def test_an_update_reuses_the_pairing_read_only_while_it_is_the_latest(home: Path) -> None:
    st = Store()
    st.create("sam", minimal())
    read = st.read("sam")
    with st.update("sam", reuse=read) as p:
        assert p is read  # unchanged file, unchanged pairing: not built again
        p.partner.role = "Analyst"
    assert Store().read("sam").partner.role == "Analyst"

    # Changed on disk since it was read: the latest version is read instead.
    read = st.read("sam")
    with Store().update("sam") as other:
        other.partner.name = "Samira"
    with st.update("sam", reuse=read) as p:
        assert p is not read and p.partner.name == "Samira"
        p.partner.role = "Lead"
    assert Store().read("sam").partner.name == "Samira"

    # Changed in memory since it was read: not trusted as the file's content.
    read = st.read("sam")
    read.partner.name = "Typo"
    with st.update("sam", reuse=read) as p:
        assert p is not read and p.partner.name == "Samira"
    assert Store().read("sam").partner.name == "Samira"


def test_an_append_reuses_the_pairing_read_and_leaves_it_as_it_was(home: Path) -> None:
    st = Store()
    st.create("sam", minimal(sessions=[Session(date=date(2026, 9, 8))]))
    read = st.read("sam")
    seen: list[Pairing] = []
    saved = st.append("sam", "sessions", Session(date=date(2026, 9, 15)), seen.append, reuse=read)
    assert seen == [read] and seen[0] is read
    assert len(read.sessions) == 1 and len(saved.sessions) == 2
    assert [s.date for s in Store().read("sam").sessions] == [date(2026, 9, 8), date(2026, 9, 15)]


def test_create_never_overwrites(home: Path) -> None:
    st = Store()
    st.create("sam", minimal())
    with pytest.raises(AlreadyExists):
        st.create("sam", minimal(partner=Person(name="Other")))
    assert st.read("sam").partner.name == "Sam"


def test_missing_and_concluded(home: Path) -> None:
    st = Store()
    with pytest.raises(NotFound):
        st.read("nobody")
    st.create("done", minimal(state="concluded"))
    with pytest.raises(Concluded, match="revmentor reopen done"), st.update("done"):
        pass
    with st.update("done", allow_concluded=True) as p:
        p.state = "active"
    assert st.read("done").state == "active"

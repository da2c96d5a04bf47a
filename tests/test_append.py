"""Adding a session by adding its lines to the file: the splice, the checks, the fallback."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revmentor import yamlio
from revmentor.coach import sessions as cs
from revmentor.errors import BadInput, Concluded
from revmentor.model import Pairing, Session
from revmentor.store import FILE_HEADER, Store, parse
from tests.helpers_faults import make_pairing, pairing_data
from tests.strategies import pairings, sessions

NEW = {
    "date": date(2026, 11, 21),
    "topics": ["prompt patterns"],
    "i_learned": "x: y",
    "they_learned": "'quoted'",
    "progress": {"genai-for-ops": 4},
    "pulse": {"trust": 5},
    "next_steps": ["do it"],
}


def appended(text: str, item: dict[str, Any]) -> Any:
    """What `text` should load to once `item` is added to its sessions."""
    data = yamlio.load(text)
    data["sessions"] = [*data["sessions"], *yamlio.as_loaded([item])]
    return data


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairings(), sessions, st.booleans())
def test_a_spliced_session_reads_back_as_the_old_file_plus_the_session(
    p: Pairing, session: Session, round_trip: bool
) -> None:
    if not p.sessions:
        p = p.model_copy(update={"sessions": [session]})
    text = yamlio.dump_new(p.to_data(), FILE_HEADER)
    if round_trip:
        # As the comment-keeping writer leaves a file after some other change.
        changed = p.model_copy(update={"state": "concluded"}).to_data()
        text = yamlio.dump_update(text, p.to_data(), changed, lambda t: True)
    item = session.model_dump(mode="python", exclude_none=True)
    result = yamlio.append_items(text, "sessions", [item])
    if result is None:
        # Refusing is always safe; it must be for a reason the docstring gives.
        assert any(s.style in ("|", ">") for s in _scalars(text)), text[-400:]
        return
    assert result.startswith(text[: len(text) // 2])
    assert yamlio.load(result) == appended(text, item)
    _, again = parse(result, Path("x.yaml"))
    assert again.sessions[-1] == session


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairings(), sessions, sessions)
def test_finding_the_last_entry_by_its_dash_writes_what_walking_every_entry_writes(
    p: Pairing, first: Session, second: Session
) -> None:
    p = p.model_copy(update={"sessions": [*p.sessions, first, second]})
    text = yamlio.dump_new(p.to_data(), FILE_HEADER)
    item = second.model_dump(mode="python", exclude_none=True)
    walked = yamlio._append_to_list(text, "sessions", [item])
    assert yamlio.append_items(text, "sessions", [item]) == walked


def test_a_dash_inside_a_quoted_value_is_not_taken_for_an_entry() -> None:
    text = (
        'schema: 1\nsessions:\n  - date: 2026-10-01\n  - date: 2026-10-08\n'
        '    i_learned: "one\n  - two: three"\nz: 1\n'
    )
    result = yamlio.append_items(text, "sessions", [NEW])
    assert result is not None and yamlio.load(result) == appended(text, NEW)


def _scalars(text: str) -> list[Any]:
    import yaml

    return [e for e in yaml.parse(text) if isinstance(e, yaml.ScalarEvent)]


LAYOUTS = {
    "indentless dashes": (
        "schema: 1\nsessions:\n- date: 2026-10-01\n  topics: [a, b]\nreviews: []\n"
    ),
    "comments after the last session": (
        "schema: 1\nsessions:\n  - date: 2026-10-01\n    i_learned: x  # mine\n"
        "  # next time: bring the report\n\n# reviews follow\nreviews: []\n"
    ),
    "sessions last, no final newline": "schema: 1\nsessions:\n  - date: 2026-10-01",
    "a flow mapping item": "schema: 1\nsessions:\n  - {date: 2026-10-01, topics: [a]}\nx: 1\n",
    "deeper dashes": "schema: 1\nsessions:\n    -   date: 2026-10-01\n        minutes: 30\n",
    "a multi-line quoted scalar": (
        'schema: 1\nsessions:\n  - date: 2026-10-01\n    i_learned: "one\n  - two"\nz: 1\n'
    ),
    "a plain scalar over two lines": (
        "schema: 1\nsessions:\n  - date: 2026-10-01\n    i_learned: one\n      two\nz: 1\n"
    ),
    "block scalar, clipped": (
        "schema: 1\nsessions:\n  - date: 2026-10-01\n    i_learned: |\n      one\n\n\nz: 1\n"
    ),
    "windows line ends": "schema: 1\r\nsessions:\r\n  - date: 2026-10-01\r\n",
    "block scalar, kept": (
        "schema: 1\nsessions:\n  - date: 2026-10-01\n    i_learned: |+\n      one\n\n\nz: 1\n"
    ),
}

REFUSED = {
    "empty flow list": "schema: 1\nsessions: []\n",
    "flow list": "schema: 1\nsessions: [{date: 2026-10-01}]\n",
    "no sessions key": "schema: 1\nreviews: []\n",
    "sessions only nested": "schema: 1\nother:\n  sessions:\n    - date: 2026-10-01\n",
    "quoted key": "schema: 1\n'sessions':\n  - date: 2026-10-01\n",
    "an anchor": "schema: 1\nsessions:\n  - &a\n    date: 2026-10-01\n",
    "flow root": "{schema: 1, sessions: [{date: 2026-10-01}]}\n",
}


@pytest.mark.parametrize("text", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_hand_made_layouts_get_the_session_or_are_left_to_the_slow_path(text: str) -> None:
    result = yamlio.append_items(text, "sessions", [NEW])
    if result is not None:
        assert yamlio.load(result) == appended(text, NEW)


def test_most_hand_made_layouts_are_spliced() -> None:
    done = [k for k, t in LAYOUTS.items() if yamlio.append_items(t, "sessions", [NEW])]
    assert len(done) >= 6, done


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_layouts_it_does_not_handle_are_refused(text: str) -> None:
    assert yamlio.append_items(text, "sessions", [NEW]) is None


@pytest.mark.parametrize("text", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_grown_list_found_by_its_key_line_is_written_as_section_by_section(text: str) -> None:
    old = yamlio.load(text)
    new = {**old, "sessions": [*old["sessions"], yamlio.as_loaded(NEW)]}
    found = yamlio._grown_list(text, old, new)
    if found is not None:
        assert found == yamlio._by_sections(text, old, new)
        assert yamlio.load(found) == new


def test_most_layouts_of_a_grown_list_are_found_by_its_key_line() -> None:
    def taken(text: str) -> bool:
        old = yamlio.load(text)
        new = {**old, "sessions": [*old["sessions"], yamlio.as_loaded(NEW)]}
        return yamlio._grown_list(text, old, new) is not None

    assert sum(map(taken, LAYOUTS.values())) >= 7


def test_a_grown_list_is_only_taken_when_nothing_else_changed_and_its_key_is_plain() -> None:
    text = "schema: 1\nsessions:\n  - date: 2026-10-01\nreviews: []\n"
    old = yamlio.load(text)
    grown = [*old["sessions"], yamlio.as_loaded(NEW)]
    assert yamlio._grown_list(text, old, {**old, "sessions": grown}) is not None
    assert yamlio._grown_list(text, old, {**old, "sessions": grown, "schema": "2"}) is None
    assert yamlio._grown_list(text, old, {**old, "sessions": grown[1:]}) is None
    # The key's words at the left margin inside a quoted value: which line is the key's
    # is not guessed.
    quoted = 'note: "one\nsessions: two"\n' + text
    old = yamlio.load(quoted)
    new = {**old, "sessions": [*old["sessions"], yamlio.as_loaded(NEW)]}
    assert yamlio._grown_list(quoted, old, new) is None
    assert yamlio.load(yamlio.dump_update(quoted, old, new, lambda t: yamlio.load(t) == new)) == new


# --- a new session is checked by the file format ---------------------------------------


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ({"topics": ["bell\x07"]}, "topics.0"),
        ({"topics": ["two\nlines"]}, "topics.0"),
        ({"i_learned": "caf\udce9"}, "i_learned"),
        ({"minutes": 0}, "minutes"),
        ({"progress": {"goal": 6}}, "progress.goal"),
        ({"pulse": {"trust": 0}}, "pulse.trust"),
    ],
)
def test_a_session_the_file_format_refuses_is_a_bad_input_naming_the_field(
    extra: dict[str, Any], where: str
) -> None:
    answers = cs.Answers(date=date(2026, 11, 21), **extra)
    with pytest.raises(BadInput) as err:
        cs.build_session(answers)
    assert err.value.message.startswith(f"{where}: "), err.value.message


def test_a_new_session_is_the_model_itself() -> None:
    answers = cs.Answers(date=date(2026, 11, 21), topics=[" a ", ""], i_learned=" x ")
    session = cs.build_session(answers)
    assert isinstance(session, Session)
    assert session.topics == ["a"] and session.i_learned == "x"


# --- through the store ------------------------------------------------------------------


def _item(**extra: Any) -> Session:
    answers = cs.Answers(date=date(2026, 11, 21), topics=["prompts"], **extra)
    return cs.build_session(answers)


def test_append_saves_keeps_a_backup_and_refreshes_the_cache(home: Path) -> None:
    path = make_pairing(home, "sam")
    st_ = Store(home)
    before = path.read_text(encoding="utf-8")
    st_.read("sam")  # fills the cache, as any earlier command would
    saved = st_.append("sam", "sessions", _item())
    assert len(saved.sessions) == 6
    assert path.read_text(encoding="utf-8").startswith(before.rstrip("\n").rsplit("\n", 3)[0])
    assert st_.backups("sam")[-1].read_text(encoding="utf-8") == before
    _, model = parse(path.read_text(encoding="utf-8"), path)
    assert model.sessions[-1].topics == ["prompts"]
    assert st_.read("sam") == model


def test_append_falls_back_to_a_full_save_when_it_cannot_splice(home: Path) -> None:
    make_pairing(home, "sam", n_sessions=0)
    st_ = Store(home)
    assert "sessions: []" in st_.path_for("sam").read_text(encoding="utf-8")
    saved = st_.append("sam", "sessions", _item())
    _, model = parse(st_.read_text("sam"), st_.path_for("sam"))
    assert [s.topics for s in model.sessions] == [["prompts"]]
    assert len(saved.sessions) == 1


def test_append_without_a_cache_falls_back_too(home: Path) -> None:
    make_pairing(home, "sam")
    st_ = Store(home)
    st_.cache_path("sam").unlink(missing_ok=True)
    st_.append("sam", "sessions", _item())
    _, model = parse(st_.read_text("sam"), st_.path_for("sam"))
    assert len(model.sessions) == 6


@pytest.mark.parametrize("cached", [True, False], ids=["cached", "not cached"])
def test_append_lets_the_check_cancel_and_refuses_concluded(home: Path, cached: bool) -> None:
    path = make_pairing(home, "sam")
    st_ = Store(home)
    if not cached:
        st_.cache_path("sam").unlink(missing_ok=True)
    else:
        st_.read("sam")
    before = path.read_bytes()

    def cancel(p: Pairing) -> None:
        assert len(p.sessions) == 5
        raise BadInput("no thanks")

    with pytest.raises(BadInput):
        st_.append("sam", "sessions", _item(), cancel)
    assert path.read_bytes() == before
    with st_.update("sam") as p:
        p.state = "concluded"
    before = path.read_bytes()
    if not cached:
        st_.cache_path("sam").unlink(missing_ok=True)
    with pytest.raises(Concluded):
        st_.append("sam", "sessions", _item())
    assert path.read_bytes() == before


def test_a_change_that_only_adds_to_a_list_keeps_the_rest_of_it_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p = Pairing.model_validate(pairing_data(3))
    text = yamlio.dump_new(p.to_data(), FILE_HEADER)
    text = text.replace("sessions:\n", "sessions:  # kept by hand\n", 1)
    first = text.index("  - date:", text.index("# kept by hand"))
    text = text[:first] + "  # the first one was late\n" + text[first:]
    session = p.sessions[0].model_copy(update={"date": date(2026, 12, 1)})
    new = p.model_copy(update={"sessions": [*p.sessions, session]}).to_data()

    def no_round_trip(*args: object) -> str:
        raise AssertionError("the whole list went through the round trip")

    monkeypatch.setattr(yamlio, "_round_trip", no_round_trip)
    result = yamlio.dump_update(text, p.to_data(), new, lambda t: True)
    cut = text.index("reviews: []")
    assert result.startswith(text[:cut].rstrip("\n")) and result.endswith(text[cut:])
    assert "# the first one was late" in result and "# kept by hand" in result
    _, again = parse(result, Path("x.yaml"))
    assert again.sessions[-1] == session
    assert again.sessions[:-1] == p.sessions

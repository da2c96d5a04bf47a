"""Adding to a top-level list checked by reading only its last entry and the new lines.

`yamlio.append_at_tail` may only say yes when a full parse of the new text gives exactly
the old data with the items added: these tests hold it to that on hand-made layouts
chosen to reach across the cut (anchors, directives, quoted values over several lines,
block scalars, what follows the list) and on thousands of random hand-written layouts.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from revmentor import yamlio
from revmentor.model import Pairing, Session
from revmentor.store import Store, parse
from tests.helpers_faults import make_pairing, report, scale
from tests.layouts import AWKWARD, render
from tests.test_save_fuzz import _data

ITEM = {"date": "2026-11-21", "topics": ["prompt patterns"], "i_learned": "x: y"}


def tails_of(text: str) -> yamlio.Tails:
    tails: yamlio.Tails = {}
    yamlio.load(text, tails)
    return tails


def check(text: str, key: str, items: list[Any]) -> str | None:
    """append_at_tail's answer, held to a full parse of what it returns."""
    got = yamlio.append_at_tail(text, key, items, tails_of(text))
    if got is None:
        return None
    new_text, new_tails = got
    expected = yamlio.load(text)
    expected[key] = [*expected[key], *yamlio.as_loaded(items)]
    assert yamlio.load(new_text) == expected
    assert new_tails == tails_of(new_text)
    return new_text


TAKEN = {
    "indented dashes": "a: 1\nsessions:\n  - date: 1\n  - date: 2\n    x: y\nz: 1\n",
    "indentless dashes": "a: 1\nsessions:\n- date: 1\n- date: 2\nz: 1\n",
    "list last, no final newline": "a: 1\nsessions:\n  - date: 1\n  - date: 2",
    "comments after the list": "sessions:\n  - date: 1\n  # after\n\n# above z\nz: 1\n",
    "a quoted value over two lines ending the list": (
        'sessions:\n  - date: 1\n  - date: 2\n    i: "one\n  - date: 3"\nz: 1\n'
    ),
    "a multi-line flow list in the last entry": (
        "sessions:\n  - date: 1\n    topics: [a,\n      b]\nz: [1, 2]\n"
    ),
    "wide dashes": "sessions:\n    -   date: 1\n    -   date: 2\nz: 1\n",
    "non-ASCII before the cut": "me: Zoë 🎉\nsessions:\n  - date: 1\n    i: ünï\nz: 1\n",
    "a scalar after the list over lines": "sessions:\n  - date: 1\nz: one\n  two\n",
}

DECLINED = {
    "an alias below to an anchor above": (
        "a: &n Sam\nsessions:\n  - date: 1\n  - date: 2\nz: *n\n"
    ),
    "a tag directive": (
        "%TAG !e! tag:yaml.org,2002:\n---\nsessions:\n  - date: 1\n  - x: !e!str 2\n"
    ),
    "windows line ends": "sessions:\r\n  - date: 1\r\n  - date: 2\r\n",
    "a line separator": "sessions:\n  - date: 1\n  - date: 2\u2028    x: 3\nz: 1\n",
    "a next-line character": "a: b\x85sessions:\n  - date: 1\n  - date: 2\n",
    "a byte-order mark": "\ufeffsessions:\n  - date: 1\n  - date: 2\n",
    "a flow list": "sessions: [{date: 1}, {date: 2}]\nz: 1\n",
    "an empty list": "sessions: []\nz: 1\n",
    "a lone dash above its entry": "sessions:\n  -\n    date: 1\n  -\n    date: 2\n",
    "a flow list over lines after the list": "sessions:\n  - date: 1\nz: [1,\n  2]\n",
    "a kept block scalar ending the list": (
        "sessions:\n  - date: 1\n    i: |+\n      one\n\nz: 1\n"
    ),
}


@pytest.mark.parametrize("text", TAKEN.values(), ids=TAKEN.keys())
def test_layouts_it_takes_read_back_whole_as_the_old_data_plus_the_items(text: str) -> None:
    once = check(text, "sessions", [ITEM])
    assert once is not None
    # The new tails serve the next addition, as the cache hands them on.
    assert check(once, "sessions", [ITEM, {"date": "2026-11-28"}]) is not None


@pytest.mark.parametrize("text", DECLINED.values(), ids=DECLINED.keys())
def test_layouts_where_the_cut_could_mislead_are_left_to_the_whole_file(text: str) -> None:
    assert check(text, "sessions", [ITEM]) is None


def test_an_addition_that_would_take_the_file_past_its_size_limit_is_declined() -> None:
    from revmentor.vocab import MAX_FILE_BYTES

    head = "k:\n- a\nc: "
    text = head + "x" * (MAX_FILE_BYTES - len(head) - 1) + "\n"
    assert yamlio.append_at_tail(text, "k", ["b" * 30], tails_of(text)) is None
    assert yamlio.append_at_tail(text[:-40] + "\n", "k", ["b"], tails_of(text[:-40] + "\n"))


def test_tails_from_another_text_are_never_taken_at_their_word() -> None:
    text = TAKEN["indented dashes"]
    other = "sessions:\n  - date: 9\nz: 1\n"
    # Positions found in another text point into the middle of this one's lines.
    assert yamlio.append_at_tail(text, "sessions", [ITEM], tails_of(other)) is None
    assert yamlio.append_at_tail(text, "sessions", [ITEM], {"sessions": (3, 7)}) is None


def test_thousands_of_random_layouts_take_the_short_check_only_when_the_whole_agrees() -> None:
    rng = random.Random(int("7" * 3))
    ways: Counter[str] = Counter()
    for _ in range(scale(1500, 15000)):
        layout = render(_data(rng), rng)
        key = "sessions"  # the generator always writes some
        item = {"date": "2026-11-21", "i_learned": rng.choice(AWKWARD)}
        style = layout.style
        plain = not (style.crlf or style.bom)
        taken = check(layout.text, key, [item]) is not None
        ways[f"{'taken' if taken else 'declined'}{'' if plain else ' (CRLF or BOM)'}"] += 1
    report("append at tail", **{k.replace(" ", "_"): v for k, v in sorted(ways.items())})
    # Most plain layouts with a non-empty block list are taken.
    assert ways["taken"] > ways["declined"], ways


# --- through the store ------------------------------------------------------------------


def _session() -> Session:
    return Session(date=date(2026, 11, 21), topics=["prompts"])


def test_a_cached_pairing_gets_a_session_without_its_file_being_read_again(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_pairing(home, "sam", n_sessions=40)
    st_ = Store(home)
    st_.read("sam")
    big = len(st_.read_text("sam"))
    loads: list[int] = []
    real = yamlio.load
    monkeypatch.setattr(yamlio, "load", lambda t, *a: loads.append(len(t)) or real(t, *a))
    saved = st_.append("sam", "sessions", _session())
    assert loads and max(loads) < big / 4, loads
    _, model = parse(st_.read_text("sam"), st_.path_for("sam"))
    assert model == saved and len(model.sessions) == 41
    # A second one in another process: the tails came through the cache.
    loads.clear()
    Store(home).append("sam", "sessions", _session())
    assert max(loads) < big / 4, loads
    assert len(parse(st_.read_text("sam"), st_.path_for("sam"))[1].sessions) == 42


def test_a_session_the_file_format_refuses_is_not_written(home: Path) -> None:
    from pydantic import ValidationError

    path = make_pairing(home, "sam", n_sessions=3)
    st_ = Store(home)
    st_.read("sam")
    before = path.read_bytes()
    # Built without validation: its lines are checked as the file would hold them.
    bad = _session().model_copy(update={"done_steps": ["never one of its next steps"]})
    with pytest.raises(ValidationError, match="done_steps"):
        st_.append("sam", "sessions", bad)
    assert path.read_bytes() == before


def test_a_cache_entry_with_tails_from_elsewhere_still_saves_the_right_file(home: Path) -> None:
    make_pairing(home, "sam", n_sessions=5)
    st_ = Store(home)
    st_.read("sam")
    entry = json.loads(st_.cache_path("sam").read_text(encoding="utf-8"))
    entry["data"]["tails"] = {"sessions": [10, 20], "reviews": "nonsense"}
    st_.cache_path("sam").write_text(json.dumps(entry), encoding="utf-8")
    saved = Store(home).append("sam", "sessions", _session())
    _, model = parse(st_.read_text("sam"), st_.path_for("sam"))
    assert model == saved and len(model.sessions) == 6


def test_a_review_goes_the_same_way(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from revmentor.model import Review

    make_pairing(home, "sam", n_sessions=40)
    st_ = Store(home)
    with st_.update("sam") as p:
        p.reviews.append(Review(date=date(2026, 11, 1), entries=[]))
    big = len(st_.read_text("sam"))
    loads: list[int] = []
    real = yamlio.load
    monkeypatch.setattr(yamlio, "load", lambda t, *a: loads.append(len(t)) or real(t, *a))
    with Store(home).update("sam") as p:
        p.reviews.append(Review(date=date(2026, 11, 21), entries=[]))
    assert loads and max(loads) < big / 4, loads
    again: Pairing = parse(st_.read_text("sam"), st_.path_for("sam"))[1]
    assert [r.date for r in again.reviews] == [date(2026, 11, 1), date(2026, 11, 21)]

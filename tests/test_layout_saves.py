"""The layouts the issue names, each saved every way the store saves: what a person wrote
(comments, the header above `---`, the note after `...`, CRLF, a BOM, tabs before
comments, 4-space indents) is still there afterwards, and the file reads back."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from revmentor.model import Ask, Session
from revmentor.store import Store, parse

BASE = """schema: 1
created: 2026-09-01
me:
  name: Helen  # me
  side: mentee
partner:
  name: Sam
goals:
  - id: genai-for-ops
    text: Use AI on the weekly report
horizon:
  start: 2026-09-07
  end: 2026-12-07
sessions:
  - date: 2026-09-08
    topics: [a, b]
"""

FOUR = """schema: 1
created: 2026-09-01
me:
    name: Helen  # me
    side: mentee
goals:
    -   id: genai-for-ops
        text: Use AI on the weekly report
horizon:
    start: 2026-09-07
    end: 2026-12-07
sessions:
    -   date: 2026-09-08
        topics:
            -   a
"""

LAYOUTS = {
    "tab before a comment": BASE.replace("name: Sam", "name: Sam\t# tabbed"),
    "BOM": "\ufeff" + BASE,
    "header above ---": "# header one\n# header two\n---\n" + BASE,
    "note after ...": BASE + "...\n# a note after the end\n",
    "ask: ~ with a comment": BASE + "ask: ~  # not asked yet\n",
    "comments in a multi-line flow list": BASE.replace(
        "topics: [a, b]", "topics: [\n      a,  # first\n      b,  # second\n    ]"),
    "CRLF": BASE.replace("\n", "\r\n"),
    "4-space indents": FOUR,
    "everything at once": "\ufeff# header\r\n---\r\n" + FOUR.replace(
        "name: Helen  # me", "name: Helen\t# me").replace("\n", "\r\n") + "...\r\n# end\r\n",
}


def _append(st: Store) -> None:
    st.append("x", "sessions", Session(date=date(2026, 10, 1), topics=["new"]))


def _update(change: Callable[..., None]) -> Callable[[Store], None]:
    def save(st: Store) -> None:
        with st.update("x") as p:
            change(p)

    return save


SAVES: dict[str, Callable[[Store], None]] = {
    "fast append": _append,
    "a new key": _update(lambda p: setattr(p, "ask", Ask(topic="hello"))),
    "a nested value": _update(lambda p: setattr(p.me, "role", "COO")),
    "inside the list": _update(lambda p: setattr(p.sessions[0], "i_learned", "lots")),
    "an item removed": _update(lambda p: p.sessions.pop()),
}


def _comments(text: str) -> list[str]:
    return re.findall(r"#[^\r\n]*", text)


@pytest.mark.parametrize("save", list(SAVES))
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_save_keeps_what_the_person_wrote(home: Path, layout: str, save: str) -> None:
    text = LAYOUTS[layout]
    st = Store(home)
    st.pairings_dir.mkdir(parents=True, mode=0o700)
    path = st.path_for("x")
    path.write_bytes(text.encode("utf-8"))
    SAVES[save](st)
    saved = path.read_bytes().decode("utf-8")
    parse(saved, path)
    assert sorted(_comments(saved)) == sorted(_comments(text)), saved
    assert saved.startswith("\ufeff") == text.startswith("\ufeff")
    if "\r\n" in text:
        assert not re.search(r"(?<!\r)\n", saved), "every line ends CRLF"
    else:
        assert "\r" not in saved
    body = saved.removeprefix("\ufeff")
    original = text.removeprefix("\ufeff")
    if "---" in original:
        assert body.startswith(original[: original.index("---") + 3])
    if "..." in original:
        assert body.endswith(original[original.index("..."):])
    if text.startswith(("schema: 1\ncreated: 2026-09-01\nme:\n    ", "\ufeff# header")):
        indents = {len(m) for m in re.findall(r"^( *)[a-z_]+:", body, re.MULTILINE)}
        assert all(i % 4 == 0 for i in indents), ("4-space indents are kept", saved)

"""Hostile values for every flag that takes text, a date or a number.

Each is refused with a one-line message before anything is written (exit 1, or 2 for a
usage error), or accepted and saved so that the file reads back holding exactly it. Text
that is not UTF-8 (a lone surrogate, which is what Python makes of such bytes in argv)
and line breaks in one-line fields (names, topics, ids) are always refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.helpers_faults import Snapshot, Tally, make_pairing

NOT_UTF8 = ["caf\udce9 chat", "\ud800", "ok\udcff"]
BREAKS = ["Sam\nBEGIN:VEVENT", "Sam\rX", "Sam\u2028X", "Sam\u2029X", "Sam\r\nX"]
CONTROLS = ["a\x00b", "bell\x07", "\x1b]8;;http://x\x07link", "x\x9b2J"]

# (command before the flag, the flag, whether the field is one line)
TEXT_FLAGS: list[tuple[str, str, bool]] = [
    ("log-session sam --yes", "--topic", True),
    ("log-session sam --yes", "--i-learned", False),
    ("log-session sam --yes", "--they-learned", False),
    ("log-session sam --yes", "--next-step", False),
    ("log-session sam --yes", "--private-note", False),
    ("goals review sam --goal genai-for-ops --decision retire --yes", "--reason", False),
    ("goals review sam --goal genai-for-ops --decision keep --yes", "--note", False),
    ("goals review sam --goal genai-for-ops --decision reword --yes", "--text", False),
    ("goals add sam", "--text", False),
    ("goals add sam --text Learn-prompting", "--why", False),
    ("goals add sam --text Learn-prompting", "--id", True),
    ("start --defaults --goal Learn-prompting --name kim", "--partner", True),
    ("start --defaults --partner Kim", "--name", True),
    ("start --defaults --partner Kim --name kim", "--goal", False),
    ("wrap-up sam --decision conclude --yes", "--worked", False),
    ("wrap-up sam --decision conclude --yes", "--awkward", False),
    ("self-check", "--answer", True),
    ("log-session sam --yes", "--progress", True),
    ("log-session sam --yes", "--pulse", True),
]

DATE_FLAGS = [("log-session sam --yes", "--date"),
              ("start --defaults --partner Kim --goal Learn-prompting --name kim", "--start"),
              ("ask sam", "--sent"),
              ("ask sam --response accepted", "--on")]
BAD_DATES = ["9999-12-31", "0001-01-01", "3000-01-01", "1899-12-31", "0", "-1", "1700000000",
             "2026-02-30", "99999999999 days ago", "1000000 weeks ago", "2026-11-21T09:00",
             "\ud800", "2026\n-11-21"]

NUMBER_FLAGS = [("log-session sam --yes", "--minutes", "{}"),
                ("goals review sam --goal genai-for-ops --decision keep --yes", "--rating", "{}"),
                ("goals add sam --text Learn-prompting", "--baseline", "{}"),
                ("wrap-up sam --decision extend --yes", "--weeks", "{}"),
                ("log-session sam --yes", "--progress", "genai-for-ops={}"),
                ("log-session sam --yes", "--pulse", "trust={}"),
                ("self-check", "--answer", "listening={}"),
                ("export sam -f ics -o -", "--time", "{}")]
BAD_NUMBERS = ["0", "-1", "99999999999999999999", "1e3", "nan", "inf", "\u0663", "3.5",
               "", "\ud800", "0x10"]


def _cases() -> Iterator[tuple[str, str, list[str], str]]:
    """(category, expectation, arguments, value) for every hostile value of every flag."""
    for base, flag, one_line in TEXT_FLAGS:
        wrap = (lambda v: f"genai-for-ops{v}=3") if flag == "--progress" else (
            (lambda v: f"trust{v}=3") if flag == "--pulse" else (
                (lambda v: f"listening{v}=3") if flag == "--answer" else (lambda v: v)))
        for value in NOT_UTF8:
            yield "text: not UTF-8", "refused", [*base.split(), flag, wrap(value)], value
        for value in CONTROLS:
            yield "text: control characters", "refused", [*base.split(), flag, wrap(value)], value
        for value in BREAKS:
            # A carriage return is a control character even in free text.
            expect = "refused" if one_line or "\r" in value else "kept"
            yield f"text: line breaks ({expect})", expect, [*base.split(), flag, wrap(value)], value
    for base, flag in DATE_FLAGS:
        for value in BAD_DATES:
            yield "dates", "refused", [*base.split(), flag, value], value
    for base, flag, form in NUMBER_FLAGS:
        for value in BAD_NUMBERS:
            yield "numbers", "refused", [*base.split(), flag, form.format(value)], value


CASES = list(_cases())
TALLY = Tally("hostile flags")


@pytest.fixture(scope="module", autouse=True)
def _count() -> Iterator[None]:
    yield
    TALLY.report()


def _holds(data: object, value: str) -> bool:
    """Whether some text in `data` holds `value` whole."""
    if isinstance(data, dict):
        return any(_holds(v, value) for v in data.values())
    if isinstance(data, list):
        return any(_holds(v, value) for v in data)
    return isinstance(data, str) and value in data


def _ids() -> list[str]:
    return [f"{i}-{c[2][0]}-{c[2][-2]}" for i, c in enumerate(CASES)]


@pytest.mark.parametrize("category,expect,args,value", CASES, ids=_ids())
def test_a_hostile_flag_value_is_refused_or_kept_exactly(
    home: Path, cli: Callable[..., Result], today: Callable[[str], None], category: str,
    expect: str, args: list[str], value: str,
) -> None:
    from revmentor.store import Store, parse

    today("2026-11-21")
    make_pairing(home, "sam")
    before = Snapshot.of(home)
    TALLY.start(category)
    result = cli(*[a.replace("Learn-prompting", "Learn prompting by March") for a in args])
    assert "Traceback" not in result.output
    assert "unexpected" not in result.err, result.err
    assert "\x1b" not in result.output
    if expect == "refused" and result.code != 0:
        assert result.code in (1, 2), result.output
        assert result.err.splitlines()[0].startswith("Error: "), result.err
        assert before.changes(Snapshot.of(home)) == [], "a refusal writes nothing"
    elif expect == "refused":
        pytest.fail(f"accepted: {args}")
    else:
        assert result.code == 0, result.output
    st = Store(home)
    for slug in st.slugs():
        path = st.path_for(slug)
        raw = path.read_bytes()
        text = raw.decode("utf-8")  # never a file revmentor cannot read back
        parse(text, path)
        assert "\\uDC" not in text.upper() or "\\uDC" in value.upper()
    if expect == "kept":
        assert any(_holds(st.read(s).to_json(), value) for s in st.slugs()), value
    TALLY.passed(category)


def test_bytes_that_are_not_utf8_from_a_real_shell_are_refused(home: Path) -> None:
    """The bytes a shell passes for $'caf\\xe9' reach revmentor as argv, not as a str."""
    import os
    import subprocess
    import sys

    make_pairing(home, "sam")
    before = Snapshot.of(home)
    for flag in (b"--topic", b"--i-learned", b"--next-step"):
        proc = subprocess.run(
            [sys.executable.encode(), b"-m", b"revmentor", b"log-session", b"sam", b"--yes",
             flag, b"caf\xe9 chat"],
            capture_output=True, env={**os.environ, "REVMENTOR_HOME": str(home)}, check=False,
        )
        err = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 1, err
        assert err.startswith("Error: ") and "not UTF-8" in err.splitlines()[0], err
        assert "Traceback" not in err
    assert before.changes(Snapshot.of(home)) == []


def test_a_failure_after_the_save_never_says_nothing_was_saved(
    home: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    from revmentor.store import Store

    make_pairing(home, "sam")

    def broken(*_args: object) -> None:
        raise RuntimeError("the read cache went away")

    keep = Store._keep
    monkeypatch.setattr(Store, "_keep", broken)
    result = cli("log-session", "sam", "--yes", "--topic", "saved, then a failure")
    assert result.code == 1
    assert "Nothing was saved" not in result.err
    assert "The change was saved" in result.err and "sam.yaml" in result.err
    assert "saved, then a failure" in (home / "pairings" / "sam.yaml").read_text()
    # A refusal by the file format, where nothing was written, does say so.
    monkeypatch.setattr(Store, "_keep", keep)
    refused = cli("wrap-up", "sam", "--decision", "conclude", "--yes", "--worked", "x\udce9")
    assert refused.code == 1 and "Nothing was saved." in refused.err, refused.err

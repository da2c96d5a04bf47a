"""Bad input at the command line: each a clear message and exit 1, nothing written, and no
escape sequence reaching the terminal raw."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import Result
from tests.helpers_faults import Outcome, Snapshot, assert_clean_failure, make_pairing, report

ESC = "\x1b[31mRED\x1b[2J"
LONG = "a" * 200_000
COUNT = {"cases": 0}

CASES: list[tuple[str, list[str]]] = [
    # dates
    ("impossible date", ["log-session", "sam", "--yes", "--date", "2026-02-30"]),
    ("not a date", ["log-session", "sam", "--yes", "--date", "someday soon"]),
    ("date with escapes", ["log-session", "sam", "--yes", "--date", ESC]),
    ("start date", ["start", "--partner", "Kim", "--goal", "Learn AI", "--defaults",
                    "--start", "2026-13-01", "--name", "kim"]),
    # ratings
    ("progress above 5", ["log-session", "sam", "--yes", "--progress", "genai-for-ops=9"]),
    ("progress zero", ["log-session", "sam", "--yes", "--progress", "genai-for-ops=0"]),
    ("progress not a number", ["log-session", "sam", "--yes", "--progress", "genai-for-ops=x"]),
    ("pulse out of range", ["log-session", "sam", "--yes", "--pulse", "trust=6"]),
    ("pulse unknown principle", ["log-session", "sam", "--yes", "--pulse", "luck=3"]),
    ("review rating 7", ["goals", "review", "sam", "--goal", "genai-for-ops", "--rating", "7",
                         "--decision", "keep", "--yes"]),
    ("baseline 0", ["goals", "add", "sam", "--text", "Learn to code", "--baseline", "0"]),
    ("minutes negative", ["log-session", "sam", "--yes", "--minutes", "-5"]),
    ("self-check answer 9", ["self-check", "--answer", "listen=9"]),
    # unknown ids and names
    ("unknown goal in progress", ["log-session", "sam", "--yes", "--progress", "nope=3"]),
    ("unknown goal in review", ["goals", "review", "sam", "--goal", "nope", "--rating", "3",
                                "--decision", "keep", "--yes"]),
    ("unknown decision", ["goals", "review", "sam", "--goal", "genai-for-ops",
                          "--decision", "maybe", "--yes"]),
    ("unknown slug: show", ["show", "nobody"]),
    ("unknown slug: status", ["status", "nobody"]),
    ("unknown slug: log-session", ["log-session", "nobody", "--yes"]),
    ("unknown slug: export", ["export", "nobody", "-o", "-"]),
    ("unknown slug: wrap-up", ["wrap-up", "nobody", "--decision", "conclude", "--yes"]),
    ("unknown slug: reopen", ["reopen", "nobody"]),
    ("unknown export format", ["export", "sam", "--format", "pdf", "-o", "-"]),
    # names that try to leave the data folder
    ("dotdot", ["show", "../sam"]),
    ("absolute", ["show", "/etc/passwd"]),
    ("nested", ["log-session", "../../etc/x", "--yes"]),
    ("hidden", ["status", ".sam"]),
    ("start --name escaping", ["start", "--partner", "Kim", "--goal", "Learn AI", "--defaults",
                               "--name", "../../outside"]),
    ("slug with escapes", ["show", ESC]),
    # text: empty, very long, control characters
    ("empty goal", ["goals", "add", "sam", "--text", ""]),
    ("blank goal", ["goals", "add", "sam", "--text", "   "]),
    ("escape in goal", ["goals", "add", "sam", "--text", f"Learn {ESC}"]),
    ("escape in partner", ["start", "--partner", f"Kim{ESC}", "--goal", "Learn AI",
                           "--defaults", "--name", "kim"]),
    ("NUL in topic", ["log-session", "sam", "--yes", "--topic", "a\x00b"]),
    ("bell in note", ["log-session", "sam", "--yes", "--private-note", "ding\x07"]),
    ("escape in learned", ["log-session", "sam", "--yes", "--i-learned", ESC]),
    ("C1 control in next step", ["log-session", "sam", "--yes", "--next-step", "x\x9b2J"]),
    ("empty partner", ["start", "--partner", "", "--goal", "Learn AI", "--defaults",
                       "--name", "kim"]),
    ("wrap-up weeks 0", ["wrap-up", "sam", "--decision", "extend", "--weeks", "0", "--yes"]),
    ("check-goal escape only", ["check-goal", ESC]),
]


@pytest.fixture(scope="module", autouse=True)
def _count() -> object:
    yield
    report("bad input", cases=COUNT["cases"])


@pytest.mark.parametrize("name,args", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_refused_cleanly(
    home: Path, cli: Callable[..., Result], today: Callable[[str], None], name: str,
    args: list[str],
) -> None:
    today("2026-11-21")
    make_pairing(home, "sam")
    before = Snapshot.of(home)
    result = cli(*args)
    COUNT["cases"] += 1
    outcome = Outcome(result.code, result.out, result.err)
    if name == "check-goal escape only" and result.code == 0:
        # Checking wording writes nothing; it may judge any text, as long as it is shown safely.
        assert "\x1b" not in result.output
    else:
        assert_clean_failure(outcome, code=2 if result.code == 2 else 1)
        assert result.err.splitlines()[0].strip(), "the first line says what is wrong"
    assert before.changes(Snapshot.of(home)) == [], "nothing may be written"
    assert not (home.parent / "outside.yaml").exists()


LONG_CASES: list[tuple[str, list[str], str, str, object]] = [
    # (id, arguments, list the command adds to, field, the value it must hold in full)
    ("goal text of 200,000 characters", ["goals", "add", "sam", "--text", LONG],
     "goals", "text", LONG),
    ("learned of 200,000 characters",
     ["log-session", "sam", "--yes", "--date", "2026-11-20", "--i-learned", LONG],
     "sessions", "i_learned", LONG),
    ("topic of 5,000 characters",
     ["log-session", "sam", "--yes", "--date", "2026-11-19", "--topic", LONG[:5000]],
     "sessions", "topics", [LONG[:5000]]),
]


@pytest.mark.parametrize("name,args,where,key,value", LONG_CASES,
                         ids=[c[0] for c in LONG_CASES])
def test_very_long_text_is_kept_in_full(
    home: Path, cli: Callable[..., Result], today: Callable[[str], None], name: str,
    args: list[str], where: str, key: str, value: object,
) -> None:
    # No length limit is documented, so very long text is accepted: the command says so in
    # its usual words, warns of nothing, and the file gains exactly that one entry, text
    # whole. A crash anywhere in the command (exit 1, "unexpected ...") fails here.
    today("2026-11-21")
    path = make_pairing(home, "sam")
    before_data = yaml.safe_load(path.read_text(encoding="utf-8"))
    before = Snapshot.of(home)
    result = cli(*args)
    COUNT["cases"] += 1
    assert (result.code, result.err) == (0, ""), (result.code, result.output[-500:])
    after_data = yaml.safe_load(path.read_text(encoding="utf-8"))
    added = after_data[where][-1]
    first = result.out.splitlines()[0]
    if where == "goals":
        assert first == f"Added goal '{added['id']}' to sam."
    else:
        assert first == f"Logged the session of {args[args.index('--date') + 1]} in sam."
    assert added[key] == value, "the text is stored whole, not cut"
    assert after_data[where][:-1] == before_data[where], "only one entry is added"
    assert {k: v for k, v in after_data.items() if k != where} == {
        k: v for k, v in before_data.items() if k != where
    }, "nothing else in the file changes"
    changed = before.changes(Snapshot.of(home))
    assert [n for n in changed if not n.startswith("backups/")] == ["pairings/sam.yaml"]


def test_escape_sequences_in_a_hand_edited_file_never_reach_the_terminal(
    home: Path, cli: Callable[..., Result], today: Callable[[str], None]
) -> None:
    today("2026-11-21")
    make_pairing(home, "sam")
    path = home / "pairings" / "sam.yaml"
    text = path.read_text().replace("name: Sam Rivera", 'name: "Sam\\e[2J\\e]0;pwned\\a"')
    path.write_text(text)
    before = Snapshot.of(home)
    for args in (["show", "sam"], ["status"], ["status", "sam"], ["list"], ["doctor"],
                 ["export", "sam", "-o", "-"], ["prep", "sam"], ["log-session", "sam", "--yes"]):
        result = cli(*args)
        COUNT["cases"] += 1
        assert "\x1b" not in result.output and "\x07" not in result.output, args
        assert "Traceback" not in result.output
    assert before.changes(Snapshot.of(home)) == []


def test_usage_errors_exit_2_without_a_traceback(cli: Callable[..., Result]) -> None:
    for args in (["no-such-command"], ["show", "--bogus"], ["wrap-up", "--weeks", "many"]):
        result = cli(*args)
        COUNT["cases"] += 1
        assert result.code == 2, (args, result.output)
        assert "Traceback" not in result.output

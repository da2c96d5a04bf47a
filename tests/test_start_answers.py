"""`revmentor start` without a terminal: answers file, flags, --defaults, drafts, names."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from revmentor import yamlio
from revmentor.store import Store
from revmentor.wizard import drafts
from tests.conftest import EXAMPLES, Result

Cli = Callable[..., Result]

GOAL = (
    "Learn to use generative AI tools myself so I can judge where they could speed up "
    "our operations reporting, by trying them on real weekly reports"
)

PARTIAL = f"""\
me:
  name: Helen Okafor
  side: mentee
  offers:
    - how budget decisions get made
partner:
  name: No
goals:
  - {GOAL}
ground_rules:
  channel: 9:30 video call
"""

COMPLETE = f"""\
me:
  side: mentee
  name: Helen Okafor
  role: Chief Operating Officer
  generation: Gen X
  background: operations and logistics
  offers: [career guidance]
partner:
  name: Sam Rivera
  role: Data Analyst
  generation: Gen Z
  background: start-up data work
  offers: [hands-on generative AI]
goals:
  - text: {GOAL}
    why: The board expects an AI plan from operations.
    baseline: 1
ground_rules:
  frequency: weekly
  session_minutes: 30
  channel: video
  between_sessions: chat
  confidentiality: Between us.
  feedback: Candid, both ways.
  scheduling: Helen books.
horizon:
  start: 2026-12-07
"""


@pytest.fixture(autouse=True)
def frozen(today: Callable[[str], None]) -> None:
    today("2026-11-21")


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def saved(home: Path, slug: str) -> dict[str, object]:
    data = yamlio.load((home / "pairings" / f"{slug}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_partial_answers_with_defaults(cli: Cli, home: Path, tmp_path: Path) -> None:
    result = cli("start", "--answers", str(write(tmp_path, PARTIAL)), "--defaults")
    assert result.code == 0, result.err
    path = home / "pairings" / "no.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    p = Store(home).read("no")
    assert p.partner.name == "No"  # a YAML 1.1 boolean stays a name
    assert p.ground_rules.channel == "9:30 video call"
    assert p.ground_rules.frequency == "fortnightly"
    assert (p.horizon.start, p.horizon.end) == (date(2026, 11, 23), date(2027, 2, 23))
    assert p.goals[0].id == "use-generative-ai"
    assert p.goals[0].real.learning_based is True
    assert p.goals[0].history[0].event == "created"
    assert p.ask is not None and "reverse-mentoring relationship" in p.ask.wording
    assert "how budget decisions get made" in p.ask.wording
    assert "revmentor log-session no" in result.out
    assert "Send your ask to No" in result.out


def test_complete_answers_without_defaults(cli: Cli, home: Path, tmp_path: Path) -> None:
    result = cli("start", "--answers", str(write(tmp_path, COMPLETE)))
    assert result.code == 0, result.err
    p = Store(home).read("sam-rivera")
    assert p.ground_rules.frequency == "weekly"
    assert p.horizon.start == date(2026, 12, 7)
    assert p.goals[0].baseline == 1
    assert p.goals[0].why.startswith("The board")
    assert "13 planned sessions (weekly): 7 Dec, 14 Dec" in result.out


def test_missing_answers_without_a_terminal_are_listed(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    result = cli("start", "--answers", str(write(tmp_path, PARTIAL)))
    assert result.code == 1
    first = result.err.splitlines()[0]
    assert first.startswith("Error: 14 answers are missing: me.role, me.generation")
    for key in ("partner.offers", "ground_rules.frequency", "horizon.start"):
        assert key in first
    assert "me.name" not in first and "goals" not in first
    assert "--frequency" in result.err and "--start DATE" in result.err
    assert "--defaults" in result.err
    assert not (home / "pairings").exists() or not list((home / "pairings").glob("*.yaml"))


def test_nothing_given_names_the_flags(proc: Callable[..., Result], home: Path) -> None:
    result = proc("start", "--defaults", env={"REVMENTOR_TODAY": "2026-11-21"})
    assert result.code == 1
    assert "Error: 2 answers are missing: goals, partner.name" in result.err
    assert "--partner NAME" in result.err and "--goal TEXT" in result.err
    assert "Or add --defaults" not in result.err, "--defaults was given already"
    assert "Traceback" not in result.err


def test_flags_alone(cli: Cli, home: Path) -> None:
    result = cli(
        "start",
        "--defaults",
        "--partner",
        "Sam Rivera",
        "--goal",
        GOAL,
        "--side",
        "mentee",
        "--frequency",
        "monthly",
        "--start",
        "2027-01-31",
        "--name",
        "sam",
    )
    assert result.code == 0, result.err
    p = Store(home).read("sam")
    assert p.me.side == "mentee"
    assert p.ground_rules.frequency == "monthly"
    assert p.horizon.end == date(2027, 4, 30)
    assert p.ask is not None and p.ask.wording.startswith("Hi Sam, I would like")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--frequency", "daily"], "'daily' is not one of 'weekly', 'fortnightly', 'monthly'."),
        (["--side", "boss"], "'boss' is not one of 'mentee', 'mentor', 'mutual'."),
        (["--start", "next week"], "'next week' is not a date; write it as YYYY-MM-DD"),
        (["--kind", "coaching"], "'coaching' is not one of 'reverse-mentoring', 'on-the-job'."),
    ],
)
def test_a_value_its_flag_cannot_take_is_a_usage_error(
    cli: Cli, home: Path, args: list[str], message: str
) -> None:
    result = cli("start", "--defaults", "--partner", "Sam", "--goal", GOAL, *args)
    assert result.code == 2
    assert result.err.startswith(f"Error: Invalid value for '{args[0]}': {message}")
    assert not (home / "pairings").exists() or not list((home / "pairings").glob("*.yaml"))


def test_a_name_that_cannot_be_a_file_is_refused(cli: Cli, home: Path) -> None:
    result = cli("start", "--defaults", "--partner", "Sam", "--goal", GOAL, "--name", "Bad Name")
    assert result.code == 2
    assert "'Bad Name' is not a pairing name" in result.err
    assert not (home / "pairings").exists() or not list((home / "pairings").glob("*.yaml"))


def test_a_saved_pairing_is_a_valid_answers_file(cli: Cli, home: Path) -> None:
    source = EXAMPLES / "pairings" / "helen-sam.yaml"
    result = cli("start", "--answers", str(source), "--name", "helen-again")
    assert result.code == 0, result.err
    assert "not copied" in result.out
    p = Store(home).read("helen-again")
    original = Store(EXAMPLES).read("helen-sam")
    assert p.sessions == [] and p.reviews == []
    assert [g.id for g in p.goals] == [g.id for g in original.goals]
    assert p.goals[2].real == original.goals[2].real  # given flags are kept as they are
    assert p.ask == original.ask
    assert p.horizon == original.horizon


def test_bad_answers_point_at_the_line(cli: Cli, home: Path, tmp_path: Path) -> None:
    text = PARTIAL.replace(f"  - {GOAL}\n", f"  - text: {GOAL}\n    baseline: 9\n")
    path = write(tmp_path, text)
    result = cli("start", "--answers", str(path), "--defaults")
    assert result.code == 1
    assert f"Error: {path}:10: goals.0.baseline:" in result.err
    assert "less than or equal to 5" in result.err


def test_unknown_key_is_named(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, PARTIAL + "partnr:\n  name: Sam\n")
    result = cli("start", "--answers", str(path), "--defaults")
    assert result.code == 1
    assert "partnr: unknown key" in result.err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just\n- a list\n", "the answers must be a mapping"),
        ("me: [unclosed\n", "not valid YAML"),
    ],
)
def test_unreadable_answers(cli: Cli, tmp_path: Path, text: str, message: str) -> None:
    result = cli("start", "--answers", str(write(tmp_path, text)), "--defaults")
    assert result.code == 1
    assert message in result.err


def test_missing_answers_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("start", "--answers", str(tmp_path / "nope.yaml"))
    assert result.code == 1
    assert "no answers file at" in result.err


def test_an_existing_pairing_is_never_overwritten(cli: Cli, home: Path, tmp_path: Path) -> None:
    path = write(tmp_path, PARTIAL)
    assert cli("start", "--answers", str(path), "--defaults").code == 0
    before = (home / "pairings" / "no.yaml").read_text()
    again = cli("start", "--answers", str(path), "--defaults")
    assert again.code == 1
    assert "a pairing called 'no' already exists" in again.err
    assert "--name" in again.err
    named = cli("start", "--answers", str(path), "--defaults", "--name", "no")
    assert named.code == 1 and "already exists" in named.err
    assert (home / "pairings" / "no.yaml").read_text() == before
    assert cli("start", "--answers", str(path), "--defaults", "--name", "no-2").code == 0


def test_resume_needs_a_draft(cli: Cli) -> None:
    result = cli("start", "--resume")
    assert result.code == 1
    assert "no unfinished plan to resume" in result.err


def test_resume_a_draft_without_a_terminal(cli: Cli, home: Path) -> None:
    st = Store(home)
    drafts.save(
        st,
        drafts.Draft(
            "reverse-mentoring",
            {"partner": {"name": "Sam"}, "goals": [{"text": GOAL, "owner": "me"}]},
            done=["goals"],
            name="from-draft",
        ),
    )
    assert stat.S_IMODE(drafts.path(st).stat().st_mode) == 0o600
    assert stat.S_IMODE(drafts.path(st).parent.stat().st_mode) == 0o700
    result = cli("start", "--resume", "--defaults")
    assert result.code == 0, result.err
    assert st.read("from-draft").partner.name == "Sam"
    assert not drafts.exists(st)


def test_a_draft_is_left_alone_by_an_unrelated_run(cli: Cli, home: Path) -> None:
    st = Store(home)
    drafts.save(st, drafts.Draft("reverse-mentoring", {"me": {"name": "Helen"}}))
    result = cli("start", "--defaults", "--partner", "Sam", "--goal", GOAL)
    assert result.code == 0, result.err
    assert drafts.load(st).answers == {"me": {"name": "Helen"}}


def test_resume_refuses_another_kind(cli: Cli, home: Path) -> None:
    drafts.save(Store(home), drafts.Draft("reverse-mentoring", {}))
    result = cli("start", "--resume", "--kind", "on-the-job")
    assert result.code == 1
    assert "the unfinished plan is reverse-mentoring" in result.err


def test_a_goal_short_of_real_gets_a_next_step(cli: Cli, home: Path) -> None:
    result = cli(
        "start", "--defaults", "--partner", "Kim Lee", "--goal", "Get better", "--goal", GOAL,
        "--name", "kim",
    )
    assert result.code == 0, result.err
    out = " ".join(result.out.split())
    p = Store(home).read("kim")
    weak, strong = p.goals
    missing = [k for k, v in weak.real.model_dump().items() if not v]
    assert missing, "the vague goal should fall short of REAL"
    assert f"Goal {weak.id} meets {4 - len(missing)} of the 4 REAL tests" in out
    assert f"Goal {strong.id} meets" not in out
    assert "revmentor check-goal" in out

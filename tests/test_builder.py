"""The goal builder: three answers (five for on-the-job) make one goal that meets the check."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revmentor.coach.builder import MAX_ANSWER, BuildAnswers, build_real, build_smart
from revmentor.coach.smart import SmartContext
from revmentor.errors import BadInput
from revmentor.store import Store
from tests.conftest import EXAMPLE_SLUG, Result

Run = Callable[..., Result]

# Answers as people give them: bare verbs and noun phrases, lead-ins, asides, several
# sentences, "so that" and "because", and domains beyond technology.
CAN = [
    "use Power BI dashboards for our monthly figures",
    "I want to be able to run a retro with AI summaries",
    "Be able to give honest feedback to an executive",
    "present to the board without notes",
    "presenting our data story to senior leaders",
    "Excel pivot tables",
    "the basics of SQL",
    "how our budget committee weighs margin",
    "understand how Gen Z colleagues want feedback",
    "write prompts that get useful answers from ChatGPT",
    "I'd like to chair a hybrid meeting where remote people speak as much as those in the room.",
    "read a P&L",
    "coach a new starter through their first month",
    "to build a simple automation in Power Automate",
    "talk about inclusion with my team without getting defensive",
    "get better at networking across departments",
    "explain our strategy in plain words",
    "negotiate a budget with finance",
    "Use Teams channels instead of email",
    "public health data",
    "manage my career moves more deliberately",
    "By the end of the three months, I want to sketch a TikTok campaign",
    "design a survey",
    "mentor someone from another generation",
]
WHO = [
    "my team can spot budget drift before month-end",
    "my team",
    "The finance team, because we keep missing overspends",
    "so that our clients get answers faster",
    "Our department - we'd spend less time in meetings",
    "because the organisation is moving to hybrid work",
    "it helps my team keep its graduates",
    "the graduates in my unit",
    "Helen and the leadership team, who want to hear younger voices",
    "for the whole organisation",
    "our customers would get clearer letters",
    "to help our public health unit reach young people",
    "My manager and my colleagues",
    "the company: it connects to our digital strategy",
    "We'll make decisions faster as a team",
    "so my colleagues stop asking me to fix their spreadsheets",
    "The board gets clearer reports",
    "the hospital ward I run",
]
TRY = [
    "build one dashboard for the March report and see if the team uses it",
    "I'll try it on our Monday stand-up and check whether people read the notes",
    "Share one honest observation with Helen. I'll know it worked if she asks for more.",
    "one real report",
    "by running the next retro with AI notes and asking the team how it felt",
    "presenting a five-minute update and asking for feedback",
    "First I will draft three prompts and compare the answers",
    "on the next board paper",
    "a pilot with two colleagues, and it worked if they keep using it",
    "Sit in on one committee meeting and write down what surprised me",
    "with Sam on the quarterly numbers; if I can explain them back it worked",
    "Run one workshop - it worked if people ask for a second",
    "rewrite one customer letter and see whether complaints drop",
    "Shadowing Sam for a week then doing it myself",
]
JOB_CAN = [
    "reconcile supplier invoices in SAP",
    "run the month-end close",
    "answer customer calls about billing",
    "I want to be able to prepare the weekly payroll check",
    "write a discharge summary",
    "the supplier onboarding checklist",
    "plan the rota for the ward",
]
MEASURE = [
    "on my own three times in a row",
    "without help, with no more than one error a month",
    "signed off by Lena",
    "with fewer than two corrections per report",
    "I'll measure it by five calls handled alone",
]
BY = ["2027-03-31", "the end of week 6", "by 15 January", "31 March"]


def _dressed(answer: str, style: int) -> str:
    """The same answer typed another way: case, spaces, a full stop."""
    if style == 1:
        return answer.upper() if len(answer) < 20 else answer.lower()
    if style == 2:
        return f"  {answer}.  "
    if style == 3:
        return answer[:1].upper() + answer[1:] + "!"
    return answer


STYLES = st.integers(min_value=0, max_value=3)


def _lead_in_words() -> set[str]:
    from revmentor import content

    leads = content.load("builder.yaml")["lead_ins"]
    return {w for phrases in leads.values() for p in phrases for w in str(p).split()}


def _keeps(goal: str, answer: str) -> bool:
    """Each long word of the answer is in the goal (the person's words are kept), except
    the words of an opening that only leads into the answer."""
    leads = _lead_in_words()
    words = [w for w in re.findall(r"[A-Za-z]{6,}", answer) if w.lower() not in leads]
    return all(w.lower() in goal.lower() for w in words)


def _one_sentence(goal: str) -> bool:
    return goal[:1].isupper() and not re.search(r"[.!?]\s+\S", goal)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CAN), st.sampled_from(WHO), st.sampled_from(TRY), STYLES, STYLES)
def test_any_reasonable_answers_make_a_goal_that_meets_real(
    can: str, who: str, first: str, style: int, other: int
) -> None:
    verdict = build_real(BuildAnswers(_dressed(can, style), _dressed(who, other), first))
    assert verdict.passed, (verdict.text, verdict.failed())
    assert verdict.rewrite is None
    assert _one_sentence(verdict.text), verdict.text
    for answer in (can, who, first):
        assert _keeps(verdict.text, answer), (answer, verdict.text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(JOB_CAN),
    st.sampled_from(WHO),
    st.sampled_from(TRY),
    st.sampled_from(MEASURE),
    st.sampled_from(BY),
    st.booleans(),
)
def test_on_the_job_answers_make_a_goal_that_meets_smart(
    can: str, who: str, first: str, measure: str, by: str, with_scan: bool
) -> None:
    context = SmartContext(gaps=("Month-end close in SAP",)) if with_scan else None
    verdict = build_smart(BuildAnswers(can, who, first, measure, by), context)
    assert verdict.passed, (verdict.text, verdict.failed())
    assert _one_sentence(verdict.text), verdict.text
    assert _keeps(verdict.text, can)


def test_the_sentence_reads_naturally() -> None:
    verdict = build_real(
        BuildAnswers(
            "I want to be able to use Power BI dashboards",
            "my team can spot budget drift",
            "Build one dashboard for the March report. I'll know it worked if it is used.",
        )
    )
    assert verdict.text == (
        "Learn to use Power BI dashboards so that my team can spot budget drift, trying "
        "first to build one dashboard for the March report, and I'll know it worked if it is used"
    )


def test_a_count_as_the_measure_is_said_after_what_is_tried() -> None:
    answers = BuildAnswers("run the month-end close", "my team", "one real close",
                           "I'll measure it by 90% accuracy", "2027-03-31")
    assert build_smart(answers).text == (
        "Learn to run the month-end close by 31 March 2027 to help my team, trying it first"
        " on one real close, measured by 90% accuracy"
    )


def test_an_iso_date_is_written_out() -> None:
    verdict = build_smart(
        BuildAnswers("run the close", "my team", "one real close", "on my own", "2027-03-31")
    )
    assert "by 31 March 2027" in verdict.text


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        (BuildAnswers("", "my team", "one report"), "can"),
        (BuildAnswers("use SQL", "   ", "one report"), "who"),
        (BuildAnswers("use SQL", "my team", "\x00\x07\x1b"), "try"),
    ],
    ids=["empty", "spaces", "control-only"],
)
def test_an_empty_answer_is_named(answers: BuildAnswers, field: str) -> None:
    with pytest.raises(BadInput) as caught:
        build_real(answers)
    assert caught.value.field == field


def test_smart_needs_its_measure_and_date() -> None:
    with pytest.raises(BadInput) as caught:
        build_smart(BuildAnswers("run the close", "my team", "one close"))
    assert caught.value.field == "measure"


def test_a_very_long_answer_is_refused() -> None:
    with pytest.raises(BadInput) as caught:
        build_real(BuildAnswers("use SQL " + "really " * 2000, "my team", "one report"))
    assert caught.value.field == "can"
    assert "is 14,007 characters long; a short answer is at most 300" in caught.value.problem
    assert build_real(BuildAnswers("a" * MAX_ANSWER, "my team", "one report")).text


def test_control_characters_go() -> None:
    verdict = build_real(BuildAnswers("use SQL \x1b[31mwell", "my\tteam", "one\nreport"))
    assert "use SQL well" in verdict.text and "31m" not in verdict.text
    assert "\x1b" not in verdict.text and "\n" not in verdict.text and "\t" not in verdict.text


# --- through the command line -----------------------------------------------------------

BUILD = (
    "--build-can",
    "use Power BI dashboards",
    "--build-who",
    "my team can spot budget drift",
    "--build-try",
    "build one dashboard for the March report and see if it is used",
)
BUILT = (
    "Learn to use Power BI dashboards so that my team can spot budget drift, trying first "
    "to build one dashboard for the March report and see if it is used"
)


def test_goals_add_builds_from_flags(cli: Run, example_home: Path) -> None:
    r = cli("goals", "add", EXAMPLE_SLUG, *BUILD)
    assert r.code == 0, r.output
    assert "✓ Relevant" in r.out and "✗" not in r.out
    goal = Store().read(EXAMPLE_SLUG).goals[-1]
    assert goal.text == BUILT
    assert goal.real.relevant and goal.real.experimental and goal.real.learning_based


def test_goals_review_rewords_from_flags(cli: Run, example_home: Path) -> None:
    r = cli(
        "goals", "review", EXAMPLE_SLUG, "--goal", "sam-strategy", "--decision", "reword", *BUILD
    )
    assert r.code == 0, r.output
    assert "✓ Experimental" in r.out  # the verdict of the new wording
    goal = Store().read(EXAMPLE_SLUG).goal("sam-strategy")
    assert goal is not None and goal.text == BUILT


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--build-can", "use SQL"), "--build-who: the answer to 'Who gains"),
        (("--text", "Learn SQL", *BUILD), "--text and --build-… both give"),
        ((*BUILD, "--build-by", "2027-01-01"), "--build-measure and --build-by are for on-the-job"),
        (("--build-can", "", "--build-who", "a", "--build-try", "b"), "--build-can: the answer"),
    ],
    ids=["missing", "with-text", "smart-only", "empty"],
)
def test_builder_flags_refuse_bad_input(
    cli: Run, example_home: Path, args: tuple[str, ...], message: str
) -> None:
    path = example_home / "pairings" / f"{EXAMPLE_SLUG}.yaml"
    before = path.read_bytes()
    r = cli("goals", "add", EXAMPLE_SLUG, *args)
    assert r.code == 1
    assert r.err.startswith(f"Error: {message}"), r.err
    assert "Traceback" not in r.output
    assert path.read_bytes() == before


def test_review_build_needs_reword(cli: Run, example_home: Path) -> None:
    r = cli("goals", "review", EXAMPLE_SLUG, "--goal", "sam-strategy", *BUILD)
    assert r.code == 1
    assert "goes with --decision reword" in r.err


def test_start_builds_goals_from_an_answers_file(cli: Run, home: Path, tmp_path: Path) -> None:
    answers = tmp_path / "plan.yaml"
    answers.write_text(
        "partner: {name: Lee}\n"
        "goals:\n"
        "  - build:\n"
        "      can: use Power BI dashboards\n"
        "      who: my team can spot budget drift\n"
        "      try: build one dashboard for the March report and see if it is used\n",
        encoding="utf-8",
    )
    r = cli("start", "--answers", str(answers), "--defaults", "--name", "lee")
    assert r.code == 0, r.output
    assert Store().read("lee").goals[0].text == BUILT


def test_start_builds_a_smart_goal_from_an_answers_file(
    cli: Run, home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "plan.yaml"
    answers.write_text(
        "kind: on-the-job\n"
        "partner: {name: Lena}\n"
        "scan: {gaps: [{text: Month-end close in SAP}]}\n"
        "goals:\n"
        "  - build: {can: run the month-end close, who: the finance team, try: one real close,"
        " measure: on my own three times in a row, by: 2027-02-26}\n",
        encoding="utf-8",
    )
    r = cli("start", "--answers", str(answers), "--defaults", "--name", "lena")
    assert r.code == 0, r.output
    text = Store().read("lena").goals[0].text
    assert text.startswith("Learn to run the month-end close on my own three times in a row")
    assert "by 26 February 2027" in text


@pytest.mark.parametrize(
    ("build", "message"),
    [
        ("{can: x}", "goals[0].build.who: the answer"),
        ("{can: x, who: y, try: z, colour: red}", "goals[0].build: unknown key colour"),
        ("[a, b]", "goals[0].build: must be a mapping"),
        ("{can: [a], who: y, try: z}", "goals[0].build.can: must be a sentence"),
    ],
)
def test_start_refuses_bad_build_answers(
    cli: Run, home: Path, tmp_path: Path, build: str, message: str
) -> None:
    answers = tmp_path / "plan.yaml"
    answers.write_text(f"partner: {{name: Lee}}\ngoals:\n  - build: {build}\n", encoding="utf-8")
    r = cli("start", "--answers", str(answers), "--defaults", "--name", "lee")
    assert r.code == 1
    assert r.err.startswith(f"Error: {message}"), r.err
    assert not (home / "pairings" / "lee.yaml").exists()


def test_goals_add_builds_a_smart_goal_for_an_on_the_job_plan(
    cli: Run, home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "job.yaml"
    answers.write_text(
        "kind: on-the-job\npartner: {name: Lena}\n"
        "scan: {gaps: [{text: Month-end close in SAP}]}\n"
        "goals: [{text: Close the month in SAP on my own by 26 February 2027}]\n",
        encoding="utf-8",
    )
    assert cli("start", "--answers", str(answers), "--defaults", "--name", "lena").code == 0
    r = cli("goals", "add", "lena", "--build-can", "reconcile supplier invoices in SAP",
            "--build-who", "the finance team can close on time", "--build-try",
            "last month's invoices", "--build-measure", "three times in a row without help",
            "--build-by", "2027-02-26")  # fmt: skip
    assert r.code == 0, r.output
    goal = Store().read("lena").goals[-1]
    assert goal.text.startswith(
        "Learn to reconcile supplier invoices in SAP three times in a row without help by "
        "26 February 2027 so that the finance team can close on time"
    )
    missing = cli("goals", "add", "lena", *BUILD)
    assert missing.code == 1 and missing.err.startswith("Error: --build-measure: the answer")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.text(max_size=60), st.text(max_size=60), st.booleans())
def test_any_text_gives_a_goal_or_names_the_answer_at_fault(
    can: str, who: str, first: str, smart: bool
) -> None:
    answers = BuildAnswers(can, who, first, "on my own twice", "2027-03-31")
    try:
        verdict = build_smart(answers) if smart else build_real(answers)
    except BadInput as exc:
        assert exc.field in ("can", "who", "try")
        return
    assert verdict.text and "\n" not in verdict.text

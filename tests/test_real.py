"""The REAL goal check, on goal wordings from the obvious to the subtle.

Each case gives the expected result per criterion, in the order
Relevant, Experimental, Aspirational, Learning-based ("1" = met, "0" = not met).
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from revmentor.coach import wording
from revmentor.coach.real import KEYS, RULES, check_real
from revmentor.coach.verdict import Check, Verdict

REAL_CASES: list[tuple[str, str]] = [
    # The example pairing's goals, which their owners judged REAL (the third is not
    # experimental by their own assessment either).
    (
        "Learn to use generative AI tools myself so I can judge where they could speed up "
        "our operations reporting, by trying them on real weekly reports",
        "1111",
    ),
    (
        "Understand how younger colleagues want feedback and flexibility, so I can "
        "experiment with how my team runs its meetings",
        "1111",
    ),
    (
        "Learn how a budget case is built and defended at executive level, so Sam can "
        "pitch the reporting automation project next year",
        "1011",
    ),
    # Tasks and outcomes, not learning.
    ("Finish the Q3 report", "0000"),
    ("Automate the weekly sales report", "0000"),
    ("Try to finish the migration on time", "0000"),
    ("Use ChatGPT every day", "0000"),
    ("Set up my out of office", "0000"),
    ("Win the Henderson account", "0000"),
    ("Increase sales by 10%", "0000"),
    ("Write a blog post about AI", "0000"),
    ("Read five books about AI", "0000"),
    ("Improve our onboarding process", "1000"),
    ("Help my team adopt AI", "1010"),
    ("Develop a strategy for using AI in HR", "1010"),
    # Courses are a means: finishing one is a task.
    ("Take the company AI course", "0000"),
    ("Pass the AWS certification exam", "0000"),
    ("Complete the online data-literacy course so I can support my team's dashboards", "1000"),
    # Vague, trivial or too short.
    ("Get better at stuff", "0001"),
    ("Learn Excel shortcuts", "0001"),
    ("learn python", "0001"),
    ("Learn about AI", "0001"),
    ("Learn. Excel. Now.", "0001"),
    ("Learn what ChatGPT is", "0001"),
    ("Find out what an API is so I can follow our developers' conversations", "1001"),
    ("Learn how to mute myself on Teams so that meetings go smoothly", "1001"),
    # Rote learning: no room to get it wrong, and no stretch.
    ("Memorise the steps of the month-end procedure", "0001"),
    ("Learn to follow the new expense procedure exactly, for my team's audits", "1011"),
    # Out of reach in three months, or beyond the cycle.
    ("Become an expert in machine learning so our team can use it", "1001"),
    ("Become fluent in Python by trying small scripts for my team", "1101"),
    ("Master all of Microsoft 365 so I can help my team", "1001"),
    ("Know everything about crypto", "0001"),
    ("Learn everything there is to know about blockchain in a week", "0001"),
    ("Develop my leadership skills over the next five years", "0001"),
    ("Be the best presenter in the company", "1000"),
    # Personal, with no link to work.
    ("Learn TikTok dances for fun", "0011"),
    ("Learn to code for fun in my spare time by building small games", "0111"),
    # Good goals, worded in many ways.
    (
        "I'd like to try different prompts in ChatGPT to see what works for my team's "
        "weekly updates",
        "1111",
    ),
    ("Explore how TikTok could help us reach younger customers", "1111"),
    ("Pilot Copilot on our weekly status emails to learn where it saves time", "1111"),
    ("Learn to give feedback to Gen Z colleagues by practising in our sessions", "1111"),
    (
        "Learn what AI is capable of in our claims process, by testing it on old cases",
        "1111",
    ),
    (
        "Learn to build simple dashboards in Power BI by experimenting with our sales data, "
        "so the board sees trends sooner",
        "1111",
    ),
    (
        "I wanna get to grips with Power Query - I'll test it on the messy supplier data "
        "our finance team sends, so month-end gets quicker",
        "1111",
    ),
    (
        "Grow as a leader of a hybrid team by trying new meeting formats and asking my team "
        "what works",
        "1111",
    ),
    (
        "Learn to negotiate with suppliers so our margins hold, rehearsing different "
        "openings with my mentor before real calls",
        "1111",
    ),
    (
        "Understand why my younger colleagues don't pick up the phone, and try messaging "
        "first with two of them",
        "1111",
    ),
    (
        "Work out how to run hybrid meetings that don't leave remote people out, testing a "
        "new format each fortnight",
        "1111",
    ),
    (
        "Figure out which AI tools are worth paying for, trialling three with the ops team",
        "1111",
    ),
    (
        "I’d like to understand how the board makes budget decisions, so I can pitch ideas "
        "better – I’ll practise a pitch with Helen",
        "1111",
    ),
    (
        "Build confidence speaking at all-hands meetings by volunteering for a 5-minute "
        "slot each month",
        "0111",
    ),
    # Subtler: learning named, but something missing.
    ("I want to stop being scared of spreadsheets", "0011"),
    ("Get my head around data privacy rules so we don't get fined", "1011"),
    ("Sam will teach me Canva so I can make my own slides", "1011"),
    ("Get comfortable with Slack so I stop emailing my team for everything", "1011"),
    ("Learn the new CRM because my manager said so", "1011"),
    ("Get up to speed with our new HR system", "1011"),
    (
        "Learn SQL joins well enough to pull my own numbers instead of waiting for analysts",
        "1011",
    ),
    (
        "Learn to write prompts that get usable first drafts of customer letters, comparing "
        "a few approaches with Priya",
        "0111",
    ),
    # Case does not matter.
    ("LEARN TO USE CHATGPT FOR MY TEAM'S REPORTS BY TRYING IT WEEKLY", "1111"),
    ("learn to use chatgpt for my team's reports by trying it weekly", "1111"),
]


def _expected(flags: str) -> dict[str, bool]:
    return {key: flag == "1" for key, flag in zip(KEYS, flags, strict=True)}


def _explain(v: Verdict) -> str:
    return "\n".join(f"{k}: {c.ok} ({c.why})" for k, c in v.checks.items())


def test_at_least_forty_phrasings() -> None:
    assert len(REAL_CASES) >= 40
    assert len({text for text, _ in REAL_CASES}) == len(REAL_CASES)


@pytest.mark.parametrize(("text", "flags"), REAL_CASES, ids=[t[:40] for t, _ in REAL_CASES])
def test_real_phrasings(text: str, flags: str) -> None:
    verdict = check_real(text)
    got = {key: check.ok for key, check in verdict.checks.items()}
    assert got == _expected(flags), _explain(verdict)


def test_every_criterion_is_seen_passing_and_failing() -> None:
    for i, key in enumerate(KEYS):
        seen = {flags[i] for _, flags in REAL_CASES}
        assert seen == {"0", "1"}, key


def test_every_rule_decides_some_case_and_stands_aside_for_others() -> None:
    """Each rule of real_rules.yaml fires on at least one phrasing and not on another."""
    ruleset = wording.rules(RULES)
    decided: dict[str, set[str]] = defaultdict(set)
    for text, _ in REAL_CASES:
        for key, (rule_id, _check) in wording.decide(ruleset, text).items():
            decided[key].add(rule_id)
    for key, chain in ruleset.checks.items():
        ids = {rule.id for rule in chain}
        assert ids <= decided[key], f"{key}: never decided by {sorted(ids - decided[key])}"
        assert len(decided[key]) > 1, key


def test_verdict_keys_in_order_and_failing_checks_carry_a_suggestion() -> None:
    for text, _ in REAL_CASES:
        verdict = check_real(text)
        assert tuple(verdict.checks) == KEYS
        for check in verdict.checks.values():
            assert check.why
            assert bool(check.suggestion) is not check.ok


def test_reasons_quote_the_goal_s_own_words() -> None:
    verdict = check_real("Complete the Q3 board pack by Friday so the CFO gets it early")
    assert "“Complete”" in verdict.checks["learning_based"].why
    assert "“so the CFO gets”" in verdict.checks["relevant"].why
    # Possessives and curly apostrophes come back as typed.
    verdict = check_real("Try new prompts for my team’s weekly notes")
    assert "“my team’s”" in verdict.checks["relevant"].why


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "?!...", "— –"])
def test_empty_wording_fails_every_check_clearly(text: str) -> None:
    verdict = check_real(text)
    assert verdict.text == text
    assert tuple(verdict.checks) == KEYS
    assert verdict.failed() == list(KEYS)
    assert all("no wording" in c.why for c in verdict.checks.values())
    assert verdict.suggestion.startswith("Write the goal")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "I can't see how AI helps our team, so I'll try it",
            "I cannot see how AI helps our team, so I will try it",
        ),
        (
            "I’d like to explore Copilot for our reports",
            "I would like to explore Copilot for our reports",
        ),
        (
            "LEARN HOW OUR CLIENTS USE TIKTOK, TESTING IDEAS",
            "learn how our clients use tiktok, testing ideas",
        ),
        (
            "Learn, by trying, how our clients use TikTok!",
            "Learn by trying how our clients use TikTok",
        ),
    ],
)
def test_case_punctuation_and_contractions_do_not_change_the_verdict(a: str, b: str) -> None:
    ok = {k: c.ok for k, c in check_real(a).checks.items()}
    assert ok == {k: c.ok for k, c in check_real(b).checks.items()}


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        # "try" means experimenting, "try to" means effort.
        ("Learn Excel models by trying them on our budget", "experimental", True),
        ("Learn Excel models and try to use them on our budget", "experimental", False),
        # "test" as experimenting, not as an exam.
        ("Learn prompt writing, testing it on our FAQs", "experimental", True),
        ("Learn prompt writing to pass the test for our team", "experimental", False),
        # "machine learning" is a subject, not the act of learning.
        ("Use machine learning tools in our forecasts", "learning_based", False),
        ("Learn how machine learning tools could help our forecasts", "learning_based", True),
        # "so much" is not a reason; "so I can" is.
        ("Learn Python, there is so much to learn", "relevant", False),
        ("Learn Python so I can clean our data", "relevant", True),
        # "the company" as a noun in its own right vs as part of "the company course".
        ("Understand what the company expects from hybrid work", "relevant", True),
        ("Understand the company intranet", "relevant", False),
        # "expert" is out of reach; learning from experts is fine.
        ("Become an expert in Power BI for our team", "aspirational", False),
        (
            "Learn Power BI from experts in our data team, trying it on real data",
            "aspirational",
            True,
        ),
        # "more fluent" is reachable; "fluent" in three months is not.
        ("Become more fluent with Excel formulas for our reporting", "aspirational", True),
        ("Become fluent in Spanish for our Madrid clients", "aspirational", False),
        # "what X is" is a definition; "what X is capable of" is a real question.
        ("Learn what an LLM is so our team can talk about it", "aspirational", False),
        ("Learn what an LLM is capable of for our team", "aspirational", True),
    ],
)
def test_look_alikes(text: str, key: str, expected: bool) -> None:
    verdict = check_real(text)
    assert verdict.checks[key].ok is expected, _explain(verdict)


def test_deterministic() -> None:
    text = REAL_CASES[0][0]
    assert check_real(text) == check_real(text)


def test_verdict_properties_and_json_shape() -> None:
    verdict = check_real("Finish the Q3 report so the board has it")
    assert not verdict.passed
    assert verdict.failed() == ["experimental", "aspirational", "learning_based"]
    # The most useful hint first: a task must become learning before anything else.
    assert verdict.suggestion == verdict.checks["learning_based"].suggestion
    data = verdict.to_json()
    assert list(data) == ["text", "checks", "suggestion"]
    assert data["text"] == "Finish the Q3 report so the board has it"
    checks = data["checks"]
    assert isinstance(checks, dict)
    assert list(checks) == list(KEYS)
    for value in checks.values():
        assert set(value) == {"ok", "why"}
        assert isinstance(value["ok"], bool)
        assert isinstance(value["why"], str) and value["why"]
    assert data["suggestion"] == verdict.suggestion

    passing = check_real(REAL_CASES[0][0])
    assert passing.passed and passing.failed() == [] and passing.suggestion == ""
    assert passing.to_json()["suggestion"] == ""


def test_suggestion_falls_back_to_dict_order_for_unknown_keys() -> None:
    v = Verdict("x", {"b": Check(False, "no b", "fix b"), "a": Check(False, "no a", "fix a")})
    assert v.suggestion == "fix b"


def test_rules_file_is_checked_when_loaded() -> None:
    empty = {"why": "e", "suggestion": "s"}
    fires = {"id": "a", "when": {"any": ["word"]}, "ok": True, "why": "found {match}"}
    fallback = {"id": "b", "ok": False, "why": "w", "suggestion": "s"}
    terms = {"word": {"match": ["hel+o"], "except": ["hello there"]}}
    built = wording.build({"empty": empty, "terms": terms, "checks": {"k": [fires, fallback]}}, "t")
    assert wording.decide(built, "Well, HELLO!")["k"] == ("a", Check(True, "found HELLO", ""))
    assert wording.decide(built, "hello there")["k"][0] == "b"
    assert wording.decide(built, "bye")["k"][0] == "b"

    typo = {**fires, "when": {"any": ["wrod"]}}
    with pytest.raises(ValueError, match="unknown term 'wrod'"):
        wording.build({"empty": empty, "terms": terms, "checks": {"k": [typo, fallback]}}, "t")
    with pytest.raises(ValueError, match="must end with a rule without `when`"):
        wording.build({"empty": empty, "terms": terms, "checks": {"k": [fires]}}, "t")
    with pytest.raises(ValueError, match="bad pattern"):
        wording.build({"empty": empty, "terms": {"word": ["(unclosed"]}, "checks": {}}, "t")
    with pytest.raises(ValueError, match="unknown sections"):
        wording.build({"empty": empty, "term": terms, "checks": {}}, "t")

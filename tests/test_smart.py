"""The SMART goal check of on-the-job learning plans, on many real phrasings.

Each case gives the expected result per criterion, in the order
Specific, Measurable, Achievable, Relevant, Time-bound ("1" = met, "0" = not met).
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from revmentor.coach import wording
from revmentor.coach.smart import KEYS, RULES, check_smart
from revmentor.coach.verdict import Verdict

SMART_CASES: list[tuple[str, str]] = [
    # Complete on-the-job goals, worded many ways.
    (
        "Reconcile supplier invoices in SAP without help by 31 March, so I can cover Ana's "
        "accounts during her leave",
        "11111",
    ),
    (
        "Prepare the monthly management accounts pack on my own by the end of February, as "
        "Tom hands over his portfolio",
        "11111",
    ),
    (
        "Run three customer discovery calls with Priya watching, within 6 weeks, to close my "
        "gap in client-facing work",
        "11111",
    ),
    (
        "Write 5 test cases for the checkout flow each sprint, reviewed by Ola, starting in "
        "week 2 of my onboarding",
        "11111",
    ),
    (
        "Build the weekly stock dashboard in Power BI so the warehouse team stops asking me "
        "for spreadsheets, signed off by Jo by 15 January",
        "11111",
    ),
    (
        "Cut the time to close the month from 5 days to 3 days by June, so the finance team "
        "can report earlier",
        "11111",
    ),
    ("Answer 90% of customer emails within 24 hours by the end of my probation", "11111"),
    (
        "Shadow Maria on two supplier negotiations, then lead one myself with her feedback, "
        "before she retires in April",
        "11111",
    ),
    ("Pass the internal audit checklist for my area on my own by week 8", "11111"),
    (
        "Present the quarterly forecast to the leadership team without notes by 30 September",
        "11111",
    ),
    (
        "Take over the supplier onboarding workflow from Ahmed, running it unaided for two "
        "cycles by mid-July",
        "11111",
    ),
    (
        "Triage incoming IT tickets in ServiceNow independently within the first 4 weeks of "
        "my reassignment",
        "11111",
    ),
    (
        "Understand how the trading desk hedges FX risk, explaining it back to Ruth without "
        "notes by the mid-point review",
        "11111",
    ),
    (
        "Complete three practice tax returns in TaxCalc that Ben signs off before the January "
        "peak, so I can cover clients during his paternity leave",
        "11111",
    ),
    # Vague, with nothing to count and no date.
    ("Get better at stuff", "00100"),
    ("Learn the job", "00110"),
    ("Learn the ropes", "00100"),
    ("Know the basics", "00100"),
    ("Be more confident at work", "00110"),
    ("Improve my presentation skills", "10100"),
    ("Get better at SQL", "10100"),
    ("Answer customer emails faster", "10100"),
    ("Close the books on time", "10100"),
    ("Be ready for the audit", "10100"),
    ("I want to be able to do Dave's job when he retires", "00111"),
    # Not a date: someday, ASAP, eventually, in the future.
    ("Master everything about payroll someday", "10000"),
    ("Understand the procurement process eventually", "10100"),
    ("Learn to use the new rota tool ASAP", "10100"),
    ("Learn to code well in the future", "00100"),
    # Out of reach: mastery, perfection, overnight, five goals in one.
    ("Become an expert in Power BI by next Friday", "10001"),
    ("Learn Excel, SQL, Python, Tableau and Power BI by March for my new role", "10011"),
    ("Learn SAP overnight so I can start on Monday", "10011"),
    ("Learn to do payroll perfectly for my new team by 1 May", "10011"),
    ("Do 100% of the bank reconciliations with zero errors by Friday", "11001"),
    # Measures and dates that are not what they seem.
    ("Learn Python 3 by next month", "10101"),
    ("Learn about AI in the next 3 months", "00101"),
    ("Get up to speed on the Henderson account within my first month", "10101"),
    ("Get trained on forklift safety by Friday", "10101"),
    # One part missing.
    (
        "Handle all tier-1 support tickets in Zendesk with fewer than 2 escalations a week "
        "by the end of Q1",
        "11101",
    ),
    ("Improve response times on the helpdesk by 20% this quarter", "11101"),
    ("Shadow the night shift twice before taking it over", "11101"),
    ("Run the Monday stand-up alone from week 3", "11101"),
    ("Get comfortable with our CRM", "10110"),
    ("Learn to use Copilot in Outlook to draft replies for fun", "10100"),
    (
        "Learn how our grant applications are scored, drafting one section a week for Lena "
        "to mark, so I can lead the autumn round",
        "11110",
    ),
]


def _explain(v: Verdict) -> str:
    return "\n".join(f"{k}: {c.ok} ({c.why})" for k, c in v.checks.items())


def test_at_least_thirty_phrasings() -> None:
    assert len(SMART_CASES) >= 30
    assert len({text for text, _ in SMART_CASES}) == len(SMART_CASES)


@pytest.mark.parametrize(("text", "flags"), SMART_CASES, ids=[t[:40] for t, _ in SMART_CASES])
def test_smart_phrasings(text: str, flags: str) -> None:
    verdict = check_smart(text)
    got = {key: check.ok for key, check in verdict.checks.items()}
    expected = {key: flag == "1" for key, flag in zip(KEYS, flags, strict=True)}
    assert got == expected, _explain(verdict)


def test_every_criterion_is_seen_passing_and_failing() -> None:
    for i, key in enumerate(KEYS):
        assert {flags[i] for _, flags in SMART_CASES} == {"0", "1"}, key


def test_every_rule_decides_some_case_and_stands_aside_for_others() -> None:
    ruleset = wording.rules(RULES)
    decided: dict[str, set[str]] = defaultdict(set)
    for text, _ in SMART_CASES:
        for key, (rule_id, _check) in wording.decide(ruleset, text).items():
            decided[key].add(rule_id)
    for key, chain in ruleset.checks.items():
        ids = {rule.id for rule in chain}
        assert ids <= decided[key], f"{key}: never decided by {sorted(ids - decided[key])}"
        assert len(decided[key]) > 1, key


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        # Dates are not measures: "31 March" and "6 weeks" count nothing.
        ("Reconcile invoices in SAP by 31 March", "measurable", False),
        ("Reconcile 40 invoices in SAP by 31 March", "measurable", True),
        ("Learn Power BI within 6 weeks", "measurable", False),
        ("Build 2 Power BI reports within 6 weeks", "measurable", True),
        # A time span is a time limit; "a few weeks" is not.
        ("Build a Power BI report within a few weeks", "time_bound", False),
        ("Build a Power BI report within three weeks", "time_bound", True),
        # "May" the month, not the verb.
        ("Build our stock report in Power BI so I may help the team", "time_bound", False),
        ("Build our stock report in Power BI by May", "time_bound", True),
        # A person's name says who, not what; a tool's name says what.
        ("Do what Dave does, with help from Priya", "specific", False),
        ("Do what Dave does in Xero", "specific", True),
        # Title Case hides which words are names.
        ("Get Better At Things By June", "specific", False),
        # "expert" is out of reach; checking with experts is not.
        ("Become an expert in VAT returns by June", "achievable", False),
        ("Prepare VAT returns with our tax experts by June", "achievable", True),
        # Several goals in one.
        ("Learn Excel, SQL and Python by June for my role", "achievable", True),
        ("Learn Excel, SQL, Python and Tableau by June for my role", "achievable", False),
    ],
)
def test_look_alikes(text: str, key: str, expected: bool) -> None:
    verdict = check_smart(text)
    assert verdict.checks[key].ok is expected, _explain(verdict)


@pytest.mark.parametrize("text", ["", "  \n", "!!!"])
def test_empty_wording_fails_every_check(text: str) -> None:
    verdict = check_smart(text)
    assert tuple(verdict.checks) == KEYS
    assert verdict.failed() == list(KEYS)
    assert all(c.why == "There is no wording to check." for c in verdict.checks.values())
    assert verdict.suggestion


def test_failing_checks_carry_a_suggestion_and_passing_ones_do_not() -> None:
    for text, _ in SMART_CASES:
        for check in check_smart(text).checks.values():
            assert check.why
            assert bool(check.suggestion) is not check.ok


def test_json_shape_and_suggestion_order() -> None:
    verdict = check_smart("Get better at stuff")
    data = verdict.to_json()
    assert list(data) == ["text", "checks", "suggestion"]
    checks = data["checks"]
    assert isinstance(checks, dict)
    assert list(checks) == ["specific", "measurable", "achievable", "relevant", "time_bound"]
    assert all(set(v) == {"ok", "why"} for v in checks.values())
    # Say what it is about before counting it or dating it.
    assert data["suggestion"] == verdict.checks["specific"].suggestion
    assert "“stuff”" in verdict.checks["specific"].why
    assert "“better”" in verdict.checks["measurable"].why


def test_case_and_contractions() -> None:
    a = check_smart("I'll reconcile our supplier invoices in SAP without help by 31 March")
    b = check_smart("I WILL RECONCILE OUR SUPPLIER INVOICES IN SAP WITHOUT HELP BY 31 MARCH")
    assert {k: c.ok for k, c in a.checks.items()} == {k: c.ok for k, c in b.checks.items()}
    assert a.passed

"""Building a pairing from answers: defaults, computed parts, missing keys, similarity."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from revmentor import yamlio
from revmentor.coach import plan
from revmentor.errors import BadInput, NeedsTerminal
from revmentor.model import Person

TODAY = date(2026, 11, 21)  # a Saturday
GOOD_GOAL = (
    "Learn to use generative AI tools myself so I can judge where they could speed up "
    "our operations reporting, by trying them on real weekly reports"
)
TASK_GOAL = "Finish the Q3 report"


def minimal(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"partner": {"name": "Sam Rivera"}, "goals": [GOOD_GOAL]}
    data.update(extra)
    return data


def test_defaults_fill_everything_but_goals_and_partner() -> None:
    p = plan.build(minimal(), "reverse-mentoring", TODAY, use_defaults=True)
    assert p.created == TODAY
    assert p.horizon.start == date(2026, 11, 23)
    assert p.horizon.end == date(2027, 2, 23)
    assert p.horizon.midpoint_review == date(2027, 1, 8)
    assert p.ground_rules.frequency == "fortnightly"
    assert p.ground_rules.session_minutes == 45
    assert "stays between us" in p.ground_rules.confidentiality
    assert p.me.side == "mutual"
    assert p.kind == "reverse-mentoring"


def test_computed_goal_parts() -> None:
    p = plan.build(
        minimal(goals=[GOOD_GOAL, TASK_GOAL, {"text": TASK_GOAL, "owner": "partner"}]),
        "reverse-mentoring",
        TODAY,
        use_defaults=True,
    )
    ids = [g.id for g in p.goals]
    assert ids[0] == "use-generative-ai"
    assert ids[1] == "finish-q3-report"
    assert ids[2] == "finish-q3-report-2"
    first, task = p.goals[0], p.goals[1]
    assert first.real.model_dump() == dict.fromkeys(plan.REAL_KEYS, True)
    assert task.real.learning_based is False
    assert [(h.date, h.event) for h in first.history] == [(TODAY, "created")]
    assert p.goals[2].owner == "partner"


def test_given_real_flags_are_kept_and_partial_ones_completed() -> None:
    goals = [{"text": TASK_GOAL, "real": {"learning_based": "true"}}]
    p = plan.build(minimal(goals=goals), "reverse-mentoring", TODAY, use_defaults=True)
    assert p.goals[0].real.learning_based is True  # the user's own answer wins
    assert p.goals[0].real.experimental is False  # the rest from the wording check


def test_ask_is_drafted_from_the_first_goal_of_mine() -> None:
    answers = minimal(me={"side": "mentee", "offers": ["career guidance"]})
    p = plan.build(answers, "reverse-mentoring", TODAY, use_defaults=True)
    assert p.ask is not None
    assert p.ask.topic == "how to use generative AI tools myself"
    assert p.ask.wording.startswith("Hi Sam,")
    assert "reverse-mentoring relationship" in p.ask.wording
    assert "career guidance" in p.ask.wording
    assert p.ask.response == "pending"
    assert p.ask.asked_on is None


def test_given_ask_wording_is_kept() -> None:
    answers = minimal(ask={"wording": "Sam, fancy a coffee every other Friday?"})
    p = plan.build(answers, "reverse-mentoring", TODAY, use_defaults=True)
    assert p.ask is not None
    assert p.ask.wording == "Sam, fancy a coffee every other Friday?"


def test_end_and_midpoint_follow_a_given_start() -> None:
    answers = minimal(horizon={"start": "2027-01-31"})
    p = plan.build(answers, "reverse-mentoring", TODAY, use_defaults=True)
    assert p.horizon.end == date(2027, 4, 30)
    assert p.horizon.start < p.horizon.midpoint_review < p.horizon.end  # type: ignore[operator]


def test_missing_without_defaults_lists_every_key_and_no_flag() -> None:
    with pytest.raises(NeedsTerminal) as info:
        plan.build({}, "reverse-mentoring", TODAY, use_defaults=False)
    exc = info.value
    assert isinstance(exc, plan.MissingAnswers)
    assert exc.keys == list(plan.QUESTIONS["reverse-mentoring"])
    assert "partner.name" in exc.message and "horizon.start" in exc.message
    assert exc.defaults_used is False
    # How to give the answers (flags, --defaults) is for the command to say.
    assert exc.hint is None


def test_missing_with_defaults_is_only_what_has_no_default() -> None:
    with pytest.raises(plan.MissingAnswers) as info:
        plan.build({"me": {"name": "Helen"}}, "reverse-mentoring", TODAY, use_defaults=True)
    assert info.value.keys == ["goals", "partner.name"]
    assert info.value.defaults_used is True


def test_an_empty_goal_list_is_missing() -> None:
    assert "goals" in plan.missing({"goals": []}, "reverse-mentoring")


def test_a_goal_of_my_own_is_required() -> None:
    answers = minimal(goals=[{"text": GOOD_GOAL, "owner": "partner"}])
    with pytest.raises(BadInput, match="at least one goal must be yours"):
        plan.build(answers, "reverse-mentoring", TODAY, use_defaults=True)


def test_bad_shapes_and_dates_name_the_key() -> None:
    with pytest.raises(BadInput, match=r"^goals: must be a list"):
        plan.build(minimal(goals="learn"), "reverse-mentoring", TODAY, use_defaults=True)
    with pytest.raises(BadInput, match=r"^horizon.start: 'soon' is not a date"):
        plan.build(
            minimal(horizon={"start": "soon"}), "reverse-mentoring", TODAY, use_defaults=True
        )
    with pytest.raises(BadInput, match=r"^me: must be a mapping"):
        plan.build(minimal(me="Helen"), "reverse-mentoring", TODAY, use_defaults=True)


def test_log_of_a_saved_pairing_is_not_copied() -> None:
    answers = minimal(sessions=[{"date": "2026-09-08"}], state="concluded")
    p = plan.build(answers, "reverse-mentoring", TODAY, use_defaults=True)
    assert p.sessions == []
    assert p.state == "active"


def test_no_date_object_is_shared_so_the_file_has_no_yaml_aliases() -> None:
    answers = minimal(ask={"asked_on": TODAY}, created=TODAY)
    p = plan.build(answers, "reverse-mentoring", TODAY, use_defaults=True)
    text = yamlio.dump_new(p.to_data())
    assert "&id" not in text and "*id" not in text


def test_goal_id_is_short_unique_and_a_slug() -> None:
    long = "Learn " + "very " * 30 + "much"
    slug = plan.goal_id(long, [])
    assert len(slug) <= 40 and not slug.endswith("-")
    assert plan.goal_id("Écrire mieux", ["ecrire-mieux"]) == "ecrire-mieux-2"
    assert plan.goal_id("日本語", []) == "goal"


def test_partner_goal_suggestion_from_what_i_offer() -> None:
    text = plan.suggest_partner_goal(["  ", "career guidance."])
    assert text is not None and "career guidance" in text
    assert plan.suggest_partner_goal([]) is None
    assert plan.real_flags(text) == dict.fromkeys(plan.REAL_KEYS, True)


@pytest.mark.parametrize(
    ("mine", "theirs", "same"),
    [
        (("Gen Z", "marketing at a start-up"), ("gen-z", "Marketing at a start-up"), True),
        (("Millennial", "finance"), ("Gen Y", "10 years in finance"), True),
        (("Gen X", "operations"), ("Gen Z", "operations"), False),
        (("Gen Z", "marketing"), ("Gen Z", "software engineering"), False),
        (("", "finance"), ("", "finance"), False),
        (("Gen Z", ""), ("Gen Z", ""), False),
        (("Boomers", "sales in retail"), ("baby boomer", "retail sales"), True),
    ],
)
def test_same_world(mine: tuple[str, str], theirs: tuple[str, str], same: bool) -> None:
    me = Person(generation=mine[0], background=mine[1])
    partner = Person(generation=theirs[0], background=theirs[1])
    assert plan.same_world(me, partner) is same


def test_dotted_paths() -> None:
    data: dict[str, Any] = {}
    plan.put(data, "a.b.c", 1)
    assert plan.get(data, "a.b.c") == 1 and plan.has(data, "a.b")
    assert plan.get(data, "a.x", "none") == "none"
    plan.drop(data, "a.b.c")
    assert data == {"a": {"b": {}}}


def test_on_the_job_build() -> None:
    answers = {
        "me": {"side": "mentor", "name": "Ana"},
        "partner": {"name": "Tom"},
        "context": {"situation": "handover"},
        "scan": {
            "gaps": ["Run the payroll close", {"text": "Vendor contracts", "priority": "high"}]
        },
        "goals": [
            {
                "text": "Prepare and present the weekly sales report to the team without help "
                "by the end of February, checked by Ana",
                "gap": "run the payroll close",
            }
        ],
    }
    p = plan.build(answers, "on-the-job", TODAY, use_defaults=True)
    assert p.ask is None
    assert p.scan is not None and [g.id for g in p.scan.gaps] == [
        "run-payroll-close",
        "vendor-contracts",
    ]
    goal = p.goals[0]
    assert goal.gap == "run-payroll-close"
    assert goal.owner == "partner"  # I am the mentor: the goal is the learner's
    assert goal.smart is not None and goal.smart.specific
    assert goal.target_date == p.horizon.end
    assert goal.feedback_from == "Ana"
    assert p.ground_rules.frequency == "weekly"
    assert p.context is not None and p.context.situation == "handover"

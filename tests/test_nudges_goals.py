"""The nudges about goals and learning: weak goals, open gaps, one-way learning, reviews."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from revmentor.coach.status import status_report
from tests.conftest import EXAMPLE_SLUG, Result
from tests.test_nudges import calm, fired, otj, six
from tests.test_status import TODAY, make, session

ALL_REAL = {"relevant": True, "experimental": True, "aspirational": True, "learning_based": True}


def real(*met: str) -> dict[str, bool]:
    return {k: k in met for k in ALL_REAL}


def test_a_healthy_pairing_and_plan_stay_quiet() -> None:
    assert fired(calm()) == {}
    assert fired(otj()) == {}


# --- goal-weak -----------------------------------------------------------------------


def goal(gid: str, flags: dict[str, bool], **kw: Any) -> dict[str, Any]:
    return {"id": gid, "text": "Learn something", "real": flags, **kw}


def test_goal_weak_fires_for_a_goal_meeting_two_criteria_or_fewer() -> None:
    p = calm(goals=[goal("ai", ALL_REAL), goal("excel", real("relevant", "learning_based"))])
    n = fired(p)["goal-weak"]
    assert n.text.startswith("The goal 'excel' meets 2 of the 4 REAL criteria")
    assert "(Experimental, Aspirational not yet)" in n.text
    assert "Build it with me" in n.text and n.tied_to == "REAL goals"


def test_goal_weak_names_the_weakest_goal() -> None:
    p = calm(goals=[goal("b", real("relevant", "learning_based")), goal("a", real())])
    assert "'a' meets 0 of the 4" in fired(p)["goal-weak"].text


def test_goal_weak_quiet_at_three_criteria_and_for_goals_no_longer_active() -> None:
    three = calm(goals=[goal("ai", real("relevant", "experimental", "learning_based"))])
    assert "goal-weak" not in fired(three)
    retired = calm(goals=[goal("ai", ALL_REAL), goal("old", real(), status="retired")])
    assert "goal-weak" not in fired(retired)


def test_goal_weak_on_the_job_counts_smart() -> None:
    smart = {"specific": True, "measurable": True, "achievable": False, "relevant": False,
             "time_bound": False}  # fmt: skip
    base = otj().model_dump(mode="json")["goals"]
    base[0]["smart"] = smart
    n = fired(otj(goals=base))["goal-weak"]
    assert "meets 2 of the 5 SMART criteria" in n.text and n.tied_to == "SMART goals"
    base[0]["smart"] = dict(smart, achievable=True)
    assert "goal-weak" not in fired(otj(goals=base))


# --- gap-without-goal ----------------------------------------------------------------

SQL_GOAL = {"id": "sql-goal", "text": "Write the weekly query alone", "gap": "sql"}


def test_a_gap_without_a_goal_fires() -> None:
    n = fired(otj(goals=[SQL_GOAL]))["gap-without-goal"]
    assert n.text.startswith("The learning gap 'Board slides' (low priority) has no goal yet")
    assert n.tied_to == "learning gaps"


def test_several_open_gaps_are_counted() -> None:
    scan = {"gaps": [{"id": "sql", "text": "Querying the warehouse", "priority": "high"},
                     {"id": "slides", "text": "Board slides", "priority": "low"},
                     {"id": "vendors", "text": "Vendor terms", "priority": "medium"}]}  # fmt: skip
    n = fired(otj(goals=[SQL_GOAL], scan=scan))["gap-without-goal"]
    assert "'Board slides' (low priority) and 1 other(s) have no goal yet" in n.text


def test_an_open_high_priority_gap_is_left_to_its_own_nudge() -> None:
    got = fired(otj(goals=[]))
    assert "gap-uncovered" in got and "gap-without-goal" not in got


def test_gap_without_goal_is_for_on_the_job_plans_only() -> None:
    p = calm(scan={"gaps": [{"id": "x", "text": "Something", "priority": "low"}]})
    assert "gap-without-goal" not in fired(p)


# --- one-way learning ----------------------------------------------------------------


def test_only_the_partners_learning_asks_what_you_took_away() -> None:
    p = calm(sessions=six(**{f"d{i}": {"i_learned": ""} for i in (3, 4, 5, 6)}))
    n = fired(p)["one-way-learning"]
    assert n.text.startswith("For 4 sessions in a row only Sam's learning was written down")
    assert "not yours" in n.text and "What did you take away?" in n.text


def test_only_your_learning_asks_what_the_partner_took_away() -> None:
    p = calm(sessions=six(**{f"d{i}": {"they_learned": ""} for i in (4, 5, 6)}))
    n = fired(p)["one-way-learning"]
    assert n.text.startswith("For 3 sessions in a row only your learning was written down")
    assert "ask Sam what they took away" in n.text


def test_the_count_is_the_run_not_a_window() -> None:
    sessions = [session(f"2026-08-{d:02d}", i_learned="x") for d in (3, 10, 17, 24, 31)]
    p = calm(sessions=sessions + six(**{f"d{i}": {"they_learned": ""} for i in range(1, 7)}))
    assert "For 11 sessions in a row" in fired(p)["one-way-learning"].text


def test_a_mutual_session_or_the_other_side_ends_the_run() -> None:
    broken = six(d3={"they_learned": ""}, d4={"they_learned": ""}, d6={"they_learned": ""})
    assert "one-way-learning" not in fired(calm(sessions=broken))
    swapped = six(d4={"they_learned": ""}, d5={"i_learned": ""}, d6={"they_learned": ""})
    assert "one-way-learning" not in fired(calm(sessions=swapped))
    blank = {"i_learned": "", "they_learned": ""}
    # Sessions with no learning written at all neither count nor break the run.
    gaps = six(d3={"they_learned": ""}, d4=blank, d5={"they_learned": ""}, d6={"they_learned": ""})
    assert "For 3 sessions in a row" in fired(calm(sessions=gaps))["one-way-learning"].text


def test_one_way_on_the_job_asks_what_you_picked_up() -> None:
    sessions = six(**{f"d{i}": {"i_learned": ""} for i in (4, 5, 6)})
    sessions[-1]["progress"] = {"sql-goal": 3, "slides-goal": 3}
    n = fired(otj(sessions=sessions))["one-way-learning"]
    assert "For 3 check-ins in a row only Sam's learning" in n.text
    assert "What did you pick up yourself?" in n.text


# --- review-due ----------------------------------------------------------------------


def weekly(**kw: Any) -> Any:
    return calm(
        ground_rules={"frequency": "weekly"},
        reviews=[{"date": "2026-10-01"}],
        horizon={"start": "2026-09-07", "end": "2027-03-01"},
        **kw,
    )


def test_ratings_at_sessions_count_as_a_look_at_the_goals() -> None:
    rated = six(d6={"progress": {"ai": 3}})  # rated on 16 Nov
    assert "review-due" not in fired(weekly(sessions=rated))
    n = fired(weekly(sessions=six()))["review-due"]  # nothing rated since the review
    assert "last looked at 51 days ago" in n.text
    # A month after the last rating, it is due again, counted from the rating.
    later = fired(weekly(sessions=rated), date(2026, 12, 15))["review-due"]
    assert "last looked at 29 days ago" in later.text


def test_the_stale_reminder_defers_to_the_midpoint_review() -> None:
    h = {"start": "2026-09-07", "end": "2027-03-01", "midpoint_review": "2026-12-01"}
    p = calm(ground_rules={"frequency": "weekly"}, reviews=[], horizon=h, sessions=six())
    assert "review-due" not in fired(p)  # 75 days without a look, but the mid-point is set
    n = fired(p, date(2026, 12, 2))["review-due"]
    assert "past the mid-point (1 Dec)" in n.text


def test_a_rating_does_not_stand_in_for_the_midpoint_review() -> None:
    p = calm(reviews=[], sessions=six(d6={"progress": {"ai": 3}}))
    assert "past the mid-point" in fired(p)["review-due"].text


# --- status --json keeps its shape ---------------------------------------------------

JSON_KEYS = {
    "kind", "state", "concluded_on", "today", "me", "partner", "situation", "context",
    "frequency", "interval_days", "start", "end", "midpoint", "week", "total_weeks",
    "progress", "days_left", "planned_total", "expected", "held", "held_all",
    "last_session", "days_since_last", "next_planned", "session_overdue", "goals",
    "last_review", "review_due", "pulse", "mutual", "mutual_of", "recent_mutual",
    "recent_of", "one_sided", "ask", "gaps", "next_steps", "next_steps_from", "slug",
    "behind", "nudges",
}  # fmt: skip


def test_status_json_keeps_its_keys(cli: Any, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r: Result = cli("status", EXAMPLE_SLUG, "--json")
    data = json.loads(r.out)
    assert set(data) == JSON_KEYS
    assert set(data["nudges"][0]) == {"id", "tie", "tied_to", "text", "key"}


def test_status_shows_the_weak_goal_nudge(cli: Any, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("goals", "add", EXAMPLE_SLUG, "--text", "Finish the Q3 report")
    assert r.code == 0, r.output
    data = json.loads(cli("status", EXAMPLE_SLUG, "--json").out)
    assert [n["id"] for n in data["nudges"]] == ["horizon-ending", "goal-unrated", "goal-weak"]
    assert "'finish-q3-report' meets" in data["nudges"][2]["text"]
    shown = cli("status", EXAMPLE_SLUG).out
    assert "finish-q3-report' meets" in " ".join(shown.split())


def test_the_report_of_a_pairing_with_good_goals_has_no_weak_goal() -> None:
    assert status_report(make(), TODAY).weak_goals == ()

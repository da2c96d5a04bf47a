"""Every coaching nudge, firing and staying silent, on a frozen date."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from revmentor.coach.nudges import Nudge, nudges, rules
from revmentor.coach.status import status_report
from revmentor.model import Pairing
from tests.test_status import (
    TODAY,
    load_example,
    make,
    mutual,
    session,
    weekly_behind,
    weekly_on_track,
)


def fired(p: Pairing, today: date = TODAY) -> dict[str, Nudge]:
    return {n.id: n for n in nudges(status_report(p, today), every=True)}


def shown(p: Pairing, today: date = TODAY) -> list[str]:
    return [n.id for n in nudges(status_report(p, today))]


# A pairing where nothing calls for a nudge on TODAY: on rhythm, mutual, steady pulse,
# goals rated recently, reviewed after the mid-point, the ask answered.
DAYS = ("2026-09-07", "2026-09-21", "2026-10-05", "2026-10-19", "2026-11-02", "2026-11-16")


def six(**by_day: dict[str, Any]) -> list[dict[str, Any]]:
    """Sessions on the six fortnightly dates up to TODAY, mutual unless overridden.

    Keyed by 'd1'..'d6'; a given dict replaces that session's fields.
    """
    out = []
    for i, day in enumerate(DAYS, start=1):
        fields: dict[str, Any] = {"i_learned": "x", "they_learned": "y"}
        fields.update(by_day.get(f"d{i}", {}))
        out.append(session(day, **fields))
    return out


def calm(**kw: Any) -> Pairing:
    base: dict[str, Any] = {
        "ask": {"topic": "AI", "asked_on": "2026-09-01", "response": "accepted"},
        "reviews": [{"date": "2026-11-05"}],
        "horizon": {"start": "2026-09-07", "end": "2027-01-04", "midpoint_review": "2026-11-05"},
        "sessions": six(
            **{
                f"d{i}": {"pulse": {"trust": 4, "respect": 4}, "progress": {"ai": 3}}
                for i in range(1, 7)
            }
        ),
    }
    base.update(kw)
    return make(**base)


def test_a_calm_pairing_gets_no_nudge() -> None:
    assert fired(calm()) == {}


# --- sessions slipping ---------------------------------------------------------------


def test_slipping_fires_three_weeks_behind_a_weekly_rhythm() -> None:
    n = fired(weekly_behind())["sessions-slipping"]
    assert (n.tie, n.tied_to) == ("ground rule", "rhythm")
    assert "met 4 times" in n.text and "implies 7" in n.text and "26 days" in n.text
    assert n.text.startswith("You have met")


def test_slipping_silent_when_on_rhythm() -> None:
    assert "sessions-slipping" not in fired(weekly_on_track())


def test_slipping_silent_one_session_behind() -> None:
    # The example: 5 held of 6 due, 18 days since the last on a 14-day rhythm.
    assert "sessions-slipping" not in fired(load_example())


def test_slipping_fires_on_a_long_silence_even_when_not_far_behind() -> None:
    p = calm(
        sessions=[
            mutual("2026-09-07"),
            mutual("2026-09-08"),
            mutual("2026-09-09"),
            mutual("2026-09-10"),
            mutual("2026-09-11"),
            mutual("2026-10-20"),
        ]
    )
    # 6 held of 6 due, but 32 days without a session on a 14-day rhythm.
    assert "sessions-slipping" in fired(p)
    assert "sessions-slipping" not in fired(p, date(2026, 11, 17))  # 28 days: not yet


def test_slipping_with_no_session_at_all() -> None:
    n = fired(make(), date(2026, 9, 30))["sessions-slipping"]
    assert "No session is logged yet" in n.text and "23 days ago" in n.text
    assert "sessions-slipping" not in fired(make(), date(2026, 9, 10))


def test_slipping_silent_before_the_start_and_after_the_end() -> None:
    assert "sessions-slipping" not in fired(make(), date(2026, 9, 1))
    assert "sessions-slipping" not in fired(make(), date(2026, 12, 20))


# --- one-way learning ----------------------------------------------------------------


def only_i_learned() -> Pairing:
    return calm(sessions=[session(d, i_learned="a lot", progress={"ai": 3}) for d in DAYS])


def test_one_way_fires_when_only_one_side_ever_records_learning() -> None:
    n = fired(only_i_learned())["one-way-learning"]
    assert (n.tie, n.tied_to) == ("principle", "open mind")
    assert "For 6 sessions in a row only your learning was written down, not Sam's" in n.text
    assert "ask Sam what they took away" in n.text


def test_one_way_names_the_partner_when_only_their_side_is_recorded() -> None:
    p = calm(sessions=six(**{f"d{i}": {"i_learned": ""} for i in (4, 5, 6)}))
    assert "only Sam's learning" in fired(p)["one-way-learning"].text


def test_one_way_silent_when_both_learn_or_too_few_sessions() -> None:
    assert "one-way-learning" not in fired(calm())
    blank = {"i_learned": "", "they_learned": ""}
    two = calm(
        sessions=six(
            d1=blank, d2=blank, d3=blank, d4=blank, d5={"they_learned": ""}, d6={"they_learned": ""}
        )
    )
    assert "one-way-learning" not in fired(two)
    # Half the recent sessions mutual is enough.
    half = calm(sessions=six(d4={"they_learned": ""}, d6={"they_learned": ""}))
    assert "one-way-learning" not in fired(half)
    three = calm(
        sessions=six(d4={"they_learned": ""}, d5={"they_learned": ""}, d6={"they_learned": ""})
    )
    assert "one-way-learning" in fired(three)


def test_one_way_looks_at_recent_sessions() -> None:
    early_mutual = [mutual(f"2026-09-{d:02d}") for d in (8, 9, 10, 11, 12)]
    recent = six(d4={"they_learned": ""}, d5={"they_learned": ""}, d6={"they_learned": ""})
    p = calm(sessions=early_mutual + recent)
    r = status_report(p, TODAY)
    assert (r.mutual, r.mutual_of) == (8, 11)  # mostly mutual over all...
    assert "one-way-learning" in fired(p)  # ...but not lately


# --- falling pulse -------------------------------------------------------------------


def with_trust(*values: int) -> Pairing:
    """The last len(values) sessions carry these trust ratings; earlier ones none."""
    start = 7 - len(values)
    return calm(
        sessions=six(
            **{f"d{start + i}": {"pulse": {"trust": v, "respect": 4}} for i, v in enumerate(values)}
        )
    )


def test_pulse_falling_from_five_to_two_fires() -> None:
    n = fired(with_trust(5, 5, 2))["pulse-falling"]
    assert (n.tie, n.tied_to, n.key) == ("principle", "trust", "trust")
    assert n.text.startswith("Trust fell from 5 to 2 in your last session")
    assert "promise" in n.text  # the trust-specific tip


@pytest.mark.parametrize("values", [(5, 4), (2, 3, 4), (3, 3, 3), (5,), (5, 2, 4)])
def test_pulse_falling_silent(values: tuple[int, ...]) -> None:
    assert "pulse-falling" not in fired(with_trust(*values))


def test_pulse_falling_compares_with_the_recent_best() -> None:
    # 5 four sessions back is outside the window of three; 4 -> 3 is a drop of one.
    assert "pulse-falling" not in fired(with_trust(5, 4, 4, 4, 3))
    assert "pulse-falling" in fired(with_trust(4, 5, 4, 3))


def test_pulse_falling_picks_the_biggest_drop_then_the_first_principle() -> None:
    sessions = six(
        d5={"pulse": {"open_mind": 5, "respect": 5, "authenticity": 5}},
        d6={"pulse": {"open_mind": 3, "respect": 2, "authenticity": 2}},
    )
    assert fired(calm(sessions=sessions))["pulse-falling"].key == "respect"


def test_pulse_skipped_values_do_not_count_as_a_fall() -> None:
    sessions = six(d5={"pulse": {"trust": 5}}, d6={"pulse": {"respect": 4}})
    assert "pulse-falling" not in fired(calm(sessions=sessions))


# --- a goal unrated for a month ------------------------------------------------------


def test_goal_unrated_for_a_month_fires() -> None:
    sessions = six(d3={"progress": {"ai": 3}})  # rated on 5 Oct only
    n = fired(calm(sessions=sessions))["goal-unrated"]
    assert (n.tie, n.tied_to) == ("principle", "REAL goals")
    # The goal by its words, with its id beside them.
    assert re.search(r"Nobody has rated '[^']+' \(ai\) for 47 days", n.text), n.text


def test_goal_unrated_silent_within_the_month_and_for_closed_goals() -> None:
    sessions = six(d4={"progress": {"ai": 3}})  # rated on 19 Oct
    assert "goal-unrated" not in fired(calm(sessions=sessions), date(2026, 11, 17))  # 29 days
    assert "goal-unrated" in fired(calm(sessions=sessions), date(2026, 11, 18))  # 30 days
    retired = [{"id": "ai", "text": "Learn AI", "status": "retired"}]
    assert "goal-unrated" not in fired(calm(goals=retired, sessions=sessions))


def test_a_never_rated_goal_counts_from_the_start() -> None:
    p = calm(goals=[{"id": "ai", "text": "x"}, {"id": "fresh", "text": "y"}])
    n = fired(p)["goal-unrated"]
    assert "'y' (fresh)" in n.text and "75 days" in n.text  # since 7 Sep


def test_on_the_job_goals_are_smart_goals() -> None:
    sessions = six(d1={"progress": {"ai": 3}})
    n = fired(calm(kind="on-the-job", ask=None, sessions=sessions))["goal-unrated"]
    assert n.tied_to == "SMART goals"


# --- the ask -------------------------------------------------------------------------


def test_no_reply_to_the_ask_after_two_weeks_fires() -> None:
    p = calm(ask={"topic": "AI", "asked_on": "2026-11-07", "response": "pending"})
    n = fired(p)["ask-unanswered"]
    assert (n.tie, n.tied_to) == ("principle", "respect")
    assert n.text.startswith("Sam has not replied to your ask, sent 14 days ago")
    assert "revmentor ask --response" in n.text and "revmentor edit" not in n.text


@pytest.mark.parametrize(
    "ask",
    [
        {"topic": "AI", "asked_on": "2026-11-08", "response": "pending"},  # 13 days
        {"topic": "AI", "asked_on": "2026-10-01", "response": "accepted"},
        {"topic": "AI", "asked_on": "2026-10-01", "response": "declined"},
        {"topic": "AI", "response": "pending"},  # not sent yet
        None,
    ],
)
def test_ask_silent(ask: dict[str, str] | None) -> None:
    assert "ask-unanswered" not in fired(calm(ask=ask))


def test_ask_rule_does_not_apply_on_the_job() -> None:
    p = calm(kind="on-the-job", ask={"topic": "x", "asked_on": "2026-10-01"})
    assert "ask-unanswered" not in fired(p)


# --- review due ----------------------------------------------------------------------


def test_review_due_at_the_midpoint_fires() -> None:
    n = fired(calm(reviews=[]))["review-due"]
    assert "past the mid-point (5 Nov)" in n.text and "revmentor goals review" in n.text
    assert n.tied_to == "REAL goals"


def test_review_due_when_stale_fires() -> None:
    p = calm(
        ground_rules={"frequency": "weekly"},
        reviews=[{"date": "2026-11-06"}],
        horizon={"start": "2026-09-07", "end": "2027-03-01"},
        sessions=six(),  # no goal rated at any session
    )
    assert "review-due" not in fired(p)
    n = fired(p, date(2026, 12, 5))["review-due"]
    assert "last looked at 29 days ago" in n.text


def test_review_due_silent_without_active_goals() -> None:
    assert "review-due" not in fired(calm(reviews=[], goals=[]))


def test_review_due_at_the_end_leaves_it_to_the_wrap_up() -> None:
    p = calm(horizon={"start": "2026-09-07", "end": "2026-11-21"}, reviews=[])
    assert "cycle has ended" in fired(p)["review-due"].text  # on the last day itself
    after = fired(p, date(2026, 11, 25))
    assert "review-due" not in after and "horizon-ending" in after


# --- horizon ending ------------------------------------------------------------------


def test_horizon_ending_fires_three_weeks_before() -> None:
    p = calm(horizon={"start": "2026-09-07", "end": "2026-12-12", "midpoint_review": "2026-10-19"})
    n = fired(p)["horizon-ending"]
    assert (n.tie, n.tied_to) == ("ground rule", "three-month horizon")
    assert n.text.startswith("21 days remain of this cycle, ending 12 Dec")
    assert "revmentor wrap-up" in n.text
    assert "horizon-ending" not in fired(p, date(2026, 11, 20))


def test_horizon_past_suggests_the_wrap_up() -> None:
    n = fired(make(), date(2026, 12, 20))["horizon-ending"]
    assert n.text.startswith("The horizon ended on 7 Dec")


# --- on-the-job rules ----------------------------------------------------------------


def otj(**kw: Any) -> Pairing:
    base: dict[str, Any] = {
        "kind": "on-the-job",
        "context": {"situation": "onboarding", "description": "New analyst"},
        "scan": {
            "gaps": [
                {"id": "sql", "text": "Querying the warehouse", "priority": "high"},
                {"id": "slides", "text": "Board slides", "priority": "low"},
            ]
        },
        "goals": [
            {
                "id": "sql-goal",
                "text": "Write the weekly query alone by 1 Dec",
                "gap": "sql",
                "target_date": "2026-12-01",
            },
            {"id": "slides-goal", "text": "Draft two board slides alone", "gap": "slides"},
        ],
        "ask": None,
        "sessions": six(d6={"progress": {"sql-goal": 3, "slides-goal": 3}}),
    }
    base.update(kw)
    return calm(**base)


def test_on_the_job_calm_plan_gets_no_nudge() -> None:
    assert fired(otj()) == {}


def test_target_date_passed_fires() -> None:
    n = fired(otj(), date(2026, 12, 2))["target-passed"]
    assert "'Write the weekly query alone by 1 Dec' (sql-goal) was 1 Dec" in n.text
    assert n.tied_to == "SMART goals"


def test_uncovered_high_priority_gap_fires() -> None:
    p = otj(goals=[{"id": "slides-goal", "text": "x", "gap": "slides"}])
    n = fired(p)["gap-uncovered"]
    assert "'Querying the warehouse'" in n.text and n.tied_to == "learning gaps"


def test_one_way_wording_fits_on_the_job() -> None:
    sessions = six(
        d4={"they_learned": ""},
        d5={"they_learned": ""},
        d6={"they_learned": "", "progress": {"sql-goal": 3}},
    )
    n = fired(otj(sessions=sessions))["one-way-learning"]
    assert "Feedback flows best both ways" in n.text
    assert "Reverse mentoring" not in n.text


# --- limits, order, wording ----------------------------------------------------------


def everything_wrong() -> Pairing:
    return make(
        ask={"topic": "AI", "asked_on": "2026-10-01", "response": "pending"},
        horizon={"start": "2026-09-07", "end": "2026-12-01", "midpoint_review": "2026-10-19"},
        sessions=[
            session("2026-09-08", i_learned="x", pulse={"trust": 5}),
            session("2026-09-09", i_learned="x", pulse={"trust": 5}),
            session("2026-09-10", i_learned="x", pulse={"trust": 2}),
        ],
    )


def test_at_most_three_in_priority_order() -> None:
    every = fired(everything_wrong())
    assert set(every) == {
        "ask-unanswered",
        "sessions-slipping",
        "pulse-falling",
        "one-way-learning",
        "horizon-ending",
        "review-due",
        "goal-unrated",
    }
    assert shown(everything_wrong()) == ["ask-unanswered", "sessions-slipping", "pulse-falling"]
    order = [r["id"] for r in rules()["rules"]]
    assert [i for i in order if i in every] == list(every)


def test_nudges_are_deterministic() -> None:
    first = nudges(status_report(everything_wrong(), TODAY), every=True)
    assert all(
        first == nudges(status_report(everything_wrong(), TODAY), every=True) for _ in range(3)
    )


def test_order_and_limit_come_from_the_data() -> None:
    data = dict(rules())
    data["rules"] = list(reversed(data["rules"]))
    data["max_shown"] = 2
    got = [n.id for n in nudges(status_report(everything_wrong(), TODAY), data)]
    assert got == ["goal-unrated", "review-due"]


def test_concluded_pairings_get_no_nudges() -> None:
    assert fired(make(state="concluded", ask=everything_wrong().ask)) == {}


def test_every_nudge_is_a_filled_in_suggestion_tied_to_something() -> None:
    pairings = [
        everything_wrong(),
        otj(),
        only_i_learned(),
        otj(goals=[{"id": "slides-goal", "text": "x", "gap": "slides"}]),
        calm(ask={"topic": "AI", "response": "pending"}, sessions=[]),
        make(goals=[{"id": "ai", "text": "Finish the report"}]),  # meets none of REAL
        otj(goals=[{"id": "sql-goal", "text": "x", "gap": "sql"}]),  # a low gap left open
    ]
    days = [TODAY, date(2026, 12, 2), date(2026, 12, 20)]
    seen: set[str] = set()
    for p in pairings:
        for day in days:
            for n in nudges(status_report(p, day), every=True):
                seen.add(n.id)
                assert "{" not in n.text and "}" not in n.text, n.text
                assert n.text[0].isupper() or n.text[0].isdigit()
                assert n.tie in ("principle", "ground rule") and n.tied_to
                assert "must" not in n.text.lower().split()
    assert seen == {r["id"] for r in rules()["rules"]}


def test_partner_without_a_name() -> None:
    p = calm(partner={"name": ""}, ask={"topic": "AI", "asked_on": "2026-10-01"})
    assert fired(p)["ask-unanswered"].text.startswith("Your partner has not replied")


def test_an_ask_never_sent_is_a_nudge_until_the_first_session() -> None:
    unsent = {"topic": "AI", "response": "pending"}
    n = fired(calm(ask=unsent, sessions=[]))["ask-unsent"]
    assert (n.tie, n.tied_to) == ("ground rule", "the ask")
    assert n.text.startswith("Your ask to Sam is written but not marked as sent")
    assert "revmentor ask --sent" in n.text and "revmentor edit" not in n.text
    # Once a session is logged, or the ask is marked sent or answered, it goes quiet.
    assert "ask-unsent" not in fired(calm(ask=unsent))
    for ask in (
        {"topic": "AI", "asked_on": "2026-11-20", "response": "pending"},
        {"topic": "AI", "response": "accepted"},
        None,
    ):
        assert "ask-unsent" not in fired(calm(ask=ask, sessions=[]))
    on_the_job = calm(kind="on-the-job", ask=unsent, sessions=[])
    assert "ask-unsent" not in fired(on_the_job)

"""The SMART check of on-the-job goals reads the sentence and the plan's scan.

Each case is one thing a coach would call clearly; the labelled corpus
(tests/test_goal_corpus.py) measures the check as a whole.
"""

from __future__ import annotations

import pytest

from revmentor.coach.smart import KEYS, SmartContext, check_smart, judge
from revmentor.coach.verdict import Verdict

CLAIMS = SmartContext(gaps=("Motor claims triage", "Fraud red flags"), weeks=12)


def _explain(v: Verdict) -> str:
    return "\n".join(f"{k}: {c.ok} [{c.cause}] {c.why}" for k, c in v.checks.items())


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        # Specific: a named task or tool, not "stuff" or a deadline word.
        ("ASAP", "specific", False),
        ("Get up to speed ASAP", "specific", False),
        ("Take over all of Jane's stuff before she leaves", "specific", False),
        ("Feel more confident in the role by the end of the quarter", "specific", False),
        ("excel pivot tables", "specific", True),
        # Measurable: a standard or a check, not "more" or "better".
        ("Draft NDAs that Priya signs off with no more than one round of edits", "measurable",
         True),
        ("Triage motor claims three in a row without help", "measurable", True),
        ("Close 5/5 P3 billing tickets without escalating", "measurable", True),
        ("Make more site visits with the environmental health team", "measurable", False),
        ("Learn how to do the night audit properly", "measurable", False),
        ("Set up the lecture theatre without Omar's help by half term", "measurable", True),
        ("Get my French to B1 by the end of the secondment", "measurable", True),
        ("Understand the basics of IFRS 16 reasonably well", "measurable", False),
        # Achievable: the size of the ask against its own time frame.
        ("Clear the three-year backlog of 12,000 claims on my own in my first week",
         "achievable", False),
        ("Master everything about the claims role by Friday", "achievable", False),
        ("Renovate the bathroom, start a podcast and run a half marathon, all before Priya leaves",
         "achievable", False),
        ("Get my CIPD Level 7 done in the first month", "achievable", False),
        ("Handle 10 routine motor claims a week on my own by the end of month two",
         "achievable", True),
        # The time frame in its other shapes, against every one of many.
        ("Reconcile all 30 cost centres on my own by week 3", "achievable", False),
        ("Reconcile all 30 cost centres on my own by my third week", "achievable", False),
        ("Reconcile all 30 cost centres on my own in my first 10 days", "achievable", False),
        ("Reconcile all 30 cost centres on my own within a fortnight", "achievable", False),
        ("Reconcile all 30 cost centres on my own by the end of month five", "achievable",
         True),
        # A record without a slip: too much when due soon, or never due at all.
        ("Key the supplier invoices with zero errors by week two", "achievable", False),
        ("Key the supplier invoices without mistakes, ever", "achievable", False),
        ("Key the supplier invoices with zero errors in 20 by the end of month three",
         "achievable", True),
        # Time-bound: a date or deadline, not "soon" or the past.
        ("Run the payroll check in iTrent by 30 April", "time_bound", True),
        ("Run the payroll check before Sue leaves on 15 March", "time_bound", True),
        ("Run the payroll check soon", "time_bound", False),
        ("With 27 years in the job, I want to triage referrals three in a row without help",
         "time_bound", False),
        ("My first week was hard. I want to run the replenishment report without help",
         "time_bound", False),
        ("Close 5/5 P3 billing tickets without escalating, sprint 14", "time_bound", True),
        # Dates the word lists cannot spell: a day and a month, or numbers after "by".
        ("Record all 35 plots, checked by Rosa, before the certifier comes on 15 May",
         "time_bound", True),
        ("Weld the trailer, Steve checking my welds, before the TT on 26 May", "time_bound", True),
        ("Leave Rocio ten paragraphs on the problem schools by 30/06", "time_bound", True),
        ("File the VAT returns by 12.3. with no rejections", "time_bound", True),
        ("File the VAT returns by May 2nd", "time_bound", True),
        # A time of day, a score and a past date are not when a goal is due.
        ("Set up the breakfast buffet for 120 covers by 6.30", "time_bound", False),
        ("Score 18/20 on the product quiz", "time_bound", False),
        ("Town Meeting Day was March 5 and I survived it", "time_bound", False),
        # Events and stretches of the year's work.
        ("Explain the rainfall index to 3 cooperative boards before the harvest",
         "time_bound", True),
        ("Plan my wedding budget in Excel with pivot tables by Carnival", "time_bound", True),
        ("Test provisioning on one bank's file, two rounds of comments max, before Dashain",
         "time_bound", True),
        ("Get zero complaints about our decisions for the rest of the year", "time_bound", True),
        ("Not panic on payday while Kim's out", "time_bound", True),
        # Dates as people write them in other languages and formats.
        ("Log 10 dives by 30-06", "time_bound", True),
        ("Send the tender out latest 2025-03-14", "time_bound", True),
        ("Explain the heating bills, 9 of 10 calls checked, before 1. oktober", "time_bound",
         True),
        ("Do the hydrant round with the checklist, till KW 20", "time_bound", True),
        ("Fix the app's bugs before Tsagaan Sar", "time_bound", True),
        ("Keep the models ticking over till she's back", "time_bound", True),
        ("be much better at the month end closing stuff", "time_bound", False),
        # Words that look like a date but say how, where or how often.
        ("Balance the till at close with zero discrepancies", "time_bound", False),
        ("Milk the mares by hand every two hours", "time_bound", False),
        ("feel less bored in the kiosk on night shifts", "time_bound", False),
        ("I'd like to fish more in the lagoon after my shift at the mill", "time_bound", False),
        ("Do contact tracing visits for every new TB patient within 7 days of diagnosis",
         "time_bound", False),
        # After the close is when it starts, not when it is due.
        ("After the year-end close, draft one consolidated cash flow statement myself",
         "time_bound", False),
        # A number that names a place, a year or a setting counts nothing.
        ("Greenhouse 4. I just want it to be better than when I came", "measurable", False),
        ("be more disciplined, like the dabbawalas have been since 1890", "measurable", False),
        ("understand why we hold the fermentation room at 4 degrees", "measurable", False),
        # Working alone is how the work is done, not how anyone knows it was done well.
        ("Run the unit 7 control desk alone on night shift", "measurable", False),
        ("check inheritance transfer files by myself, hopefully properly", "measurable", False),
        ("Triage motor claims on my own, three in a row with no corrections", "measurable", True),
        # Handing over is no test passed.
        ("Pass on what I know to the team before I leave", "measurable", False),
        ("Pass the forklift test at the first attempt", "measurable", True),
        # A multiple of where it stands is a measure; a year that names a cohort counts nothing.
        ("Double our RAJAR listening figures by the next quarterly release", "measurable", True),
        ("Process the 2025 undergraduate scholarship shortlists", "measurable", False),
        # Someone's work named by its owner names no task.
        ("cover Chloe's job", "specific", False),
        ("Pete's whole job, by Friday", "specific", False),
    ],
)  # fmt: skip
def test_the_check_reads_the_sentence(text: str, key: str, expected: bool) -> None:
    verdict = check_smart(text, CLAIMS)
    assert verdict.checks[key].ok is expected, _explain(verdict)


# The rules alone: the weight of the words overturns the first two (coach/weighing.py) and
# is tested in tests/test_weighing.py.
@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("Get more confident on the counterbalance forklift", "specific", True),
        ("Pick 120 lines an hour in the chilled zone within six weeks", "achievable", True),
        # Alone within a fortnight is more than someone new can carry...
        ("Groom 40 dogs a day by myself by the end of week 2", "achievable", False),
        ("Carry out post-mortem inspection at full line speed, unsupervised from week 2",
         "achievable", False),
        ("Issue a tsunami warning on my own in my first fortnight on shift", "achievable", False),
        ("tap 500 trees a day by myself in my frist week with no bark damage", "achievable", False),
        # ...but not with someone alongside first, or with a plan's weeks to get there.
        ("Take 2 bloods a shift under supervision for the first fortnight, then 5 unsupervised"
         " by week 8", "achievable", True),
        ("Run the Tuesday toddler rhyme time solo, after co-leading three sessions with Hannah",
         "achievable", True),
        ("Run the weekly fire alarm test on my own by week 6", "achievable", True),
        # Becoming someone is a career; becoming a better colleague is not a profession.
        ("Become a wildlife vet", "achievable", False),
        ("Become a big name as a streamer by the end of my first season here", "achievable", False),
        ("Become a good colleague in the new team", "achievable", True),
        ("Become a qualified first aider for the warehouse by week 3", "achievable", True),
        # A veteran's pace, and a language from nothing.
        ("Hand-pack sardines as fast as Dona Rosa by the end of week two", "achievable", False),
        ("Separate the stigmas from 10 kg of flowers a morning, as fast as the ladies do",
         "achievable", False),
        ("I'd like to do the egg picking myself, two trays a morning", "achievable", True),
        ("Learn Finnish from zero to B1 by the end of the 12 weeks", "achievable", False),
        ("Pass on 27 years of know-how on political risk before I retire", "achievable", False),
        ("Get the art schedules for the fall 2026 picture books into one tracker by 1 August",
         "achievable", True),
        # A day linked to its month, an end of week, a season's rush are dates.
        ("Sit the IELTS exam on the 3rd of March", "time_bound", True),
        ("Publish three stories using my own analysis by 15 de diciembre", "time_bound", True),
        ("Be able to brief the partners on PDPA by EOW", "time_bound", True),
        ("Learn the snow-loading rota before the build-up", "time_bound", True),
        # A grade or award held or not is its own measure.
        ("Get my BJJ blue belt by the end of the plan", "measurable", True),
        ("Get my PADI Open Water before the October trip", "measurable", True),
        ("IELTS 7.5 by March", "measurable", True),
        ("Get my surf instructor level 1 this summer", "measurable", True),
        # How things turn out, or someone's world, names no task...
        ("Make sure the handover goes well", "specific", False),
        ("Understand Margaret's world properly", "specific", False),
        ("cover Shaz's supervisor job for 3 weeks", "specific", False),
        ("Read more", "specific", False),
        # ...and a phrase for learning names nothing itself: what it is about decides.
        ("Get my head round the tachograph rules", "specific", True),
        ("Make sure someone knows how to do the hall bookings when I go at Easter", "specific",
         True),
    ],
)  # fmt: skip
def test_the_rules_read_the_sentence(text: str, key: str, expected: bool) -> None:
    verdict = judge(text, CLAIMS, weighed=False)
    assert verdict.checks[key].ok is expected, _explain(verdict)


def test_a_personal_goal_is_not_relevant_however_it_is_dated() -> None:
    verdict = check_smart("Get my diving licence by the end of my onboarding", CLAIMS)
    assert not verdict.checks["relevant"].ok
    assert verdict.checks["relevant"].cause == "personal"
    assert verdict.checks["time_bound"].ok


def test_a_work_goal_is_relevant_without_saying_so_that() -> None:
    verdict = check_smart("Reconcile the supplier ledger in Xero by the 10th", SmartContext())
    assert verdict.checks["relevant"].ok, _explain(verdict)


def test_a_goal_that_closes_a_scanned_gap_is_relevant() -> None:
    linked = SmartContext(gaps=("Fraud red flags",), linked_gap="Fraud red flags")
    assert check_smart("Spot the usual warning signs in ten files", linked).checks["relevant"].ok
    # The same words link to a gap by what they share with it, even without the link.
    shared = SmartContext(gaps=("Motor claims triage",))
    assert check_smart("Get quicker at triage", shared).checks["relevant"].ok


def test_the_plan_s_own_words_for_its_stretches_do_not_make_a_goal_relevant() -> None:
    verdict = check_smart("Read 100 novels during the 4-week handover", SmartContext(weeks=4))
    assert not verdict.checks["relevant"].ok


def test_a_mastery_word_the_scan_used_names_the_role_s_work() -> None:
    text = "Load vendor master data on my own three times in a row by week 10"
    scanned = SmartContext(gaps=("Vendor master data",), weeks=12)
    assert check_smart(text, scanned).checks["achievable"].ok, _explain(check_smart(text, scanned))
    # Without the scan's words the rules read "master" as mastery; the weight of the
    # words (coach/weighing.py) reads it as within reach, as a coach would.
    assert not judge(text, CLAIMS, weighed=False).checks["achievable"].ok
    assert check_smart(text, CLAIMS).checks["achievable"].ok


def test_a_number_the_scan_uses_names_a_thing() -> None:
    rating = SmartContext(gaps=("787 type rating",), linked_gap="787 type rating", weeks=26)
    verdict = check_smart("Get my 787 type rating signed off by the end of the plan", rating)
    assert verdict.checks["achievable"].ok, _explain(verdict)


def test_a_goal_that_falls_short_gets_a_rewrite_that_meets_every_criterion() -> None:
    for text in (
        "learn the systems",
        "Get up to speed ASAP",
        "Know how everything works in claims",
    ):
        verdict = check_smart(text, CLAIMS)
        assert not verdict.passed and verdict.rewrite is not None
        again = judge(verdict.rewrite, CLAIMS)
        assert again.passed, f"{verdict.rewrite}\n{_explain(again)}"
    kept = check_smart("Triage motor claims on my own without help", CLAIMS)
    assert kept.rewrite is not None
    assert kept.rewrite.startswith("Triage motor claims on my own without help")
    assert "by [the end of week 12]" in kept.rewrite


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_wording_fails_every_check(text: str) -> None:
    verdict = check_smart(text)
    assert verdict.failed() == list(KEYS)
    assert verdict.rewrite is None


def test_json_shape() -> None:
    data = check_smart("ASAP", CLAIMS).to_json()
    assert list(data) == ["text", "checks", "suggestion", "rewrite"]
    assert list(data["checks"]) == list(KEYS)  # type: ignore[call-overload]


# --- Achievable: outcomes others decide, moves many times over, steps of one job ------


@pytest.mark.parametrize(
    "text",
    [
        "Get my first podcast episode to go viral",
        "Make sure our bid is shortlisted by the council",
        "Land three grants for the youth project this quarter",
        "Guarantee no late payments this quarter",
        "Reduce smoking rates across the city",
        "Change the culture of the finance team",
        "Win the regional cup with the under-12s",
        "End loneliness among the residents of the estate",
        "Get everyone in the office to trust the new rota",
    ],
)
def test_an_outcome_others_decide_is_not_achievable(text: str) -> None:
    check = check_smart(text, SmartContext(weeks=26)).checks["achievable"]
    assert not check.ok and check.cause == "out_of_hands", check.why


def test_a_result_in_the_person_s_own_hands_stays_achievable() -> None:
    for text in (
        "Write the first draft of the grant application with Ana checking it by week 8",
        "Run two culture workshops for the finance team by the end of the plan",
    ):
        verdict = check_smart(text, SmartContext(weeks=12))
        assert verdict.checks["achievable"].ok, _explain(verdict)


def test_a_rate_moved_many_times_over_within_a_plan_is_too_much() -> None:
    assert not check_smart(
        "Bring the error rate on returns from 12% to 3% in my first month", SmartContext()
    ).checks["achievable"].ok
    assert not check_smart(
        "Take picking from 60 to 150 lines an hour by week 8", SmartContext()
    ).checks["achievable"].ok
    # A modest move, or a long plan, is a sized step.
    assert check_smart(
        "Take picking from 90 to 110 lines an hour by week 8", SmartContext()
    ).checks["achievable"].ok
    assert judge(  # the rules; the weight of the words (coach/weighing.py) overturns it
        "Take picking from 60 to 150 lines an hour over the year", SmartContext(weeks=52),
        weighed=False,
    ).checks["achievable"].ok


def test_a_percentage_moved_close_to_100_shrinks_what_falls_short_many_times() -> None:
    ctx = SmartContext(weeks=8)
    steep = "Lift first-time fix rates on my patch from 70% to 96% by week 8"
    assert not check_smart(steep, ctx).checks["achievable"].ok
    # A shortfall halved, or nearly held, is a sized step.
    for text in ("Lift first-time fix rates on my patch from 90% to 95% by week 8",
                 "Keep label accuracy from 98.5% to 99% by week 8"):
        assert check_smart(text, ctx).checks["achievable"].ok, text


def test_qualifying_as_a_profession_takes_longer_than_half_a_year() -> None:
    for text, weeks in (
        ("Become a fully qualified quantity surveyor by the end of my 20-week secondment", 20),
        ("Qualify as an actuary in my first six months", 26),
        ("I'd like to be a chartered engineer before the plan ends", 16),
    ):
        check = check_smart(text, SmartContext(weeks=weeks)).checks["achievable"]
        assert not check.ok and check.cause == "too_much", text
    # A short course's certificate, a plan made for the qualification, or a long plan.
    for text, ctx in (
        ("Become a qualified first aider for the warehouse by week 3", SmartContext(weeks=12)),
        ("Qualify as a loss adjuster by the end of the plan", SmartContext(weeks=104)),
        ("Become a registered loss adjuster by the end of the plan",
         SmartContext(weeks=20, gaps=("Loss adjuster registration exams",),
                      linked_gap="Loss adjuster registration exams")),
    ):
        # The rules; the weight of the words overturns the first aider and the loss adjuster
        # over two years (coach/weighing.py).
        assert judge(text, ctx, weighed=False).checks["achievable"].ok, text


def test_stepping_into_a_role_that_leads_others_within_weeks_is_too_much() -> None:
    for text in ("Be the night shift supervisor at the sorting centre by week 4",
                 "Take over as head of the maths department in my first month",
                 "Work the late shift as team leader from next week"):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "too_much", text
    # The role the writer already holds, a longer plan, or someone alongside.
    assert check_smart(
        "Cover as duty manager for one Saturday by week 4, with Jo shadowing me",
        SmartContext(weeks=20),
    ).checks["achievable"].ok
    # The rules; the weight of the words overturns these (coach/weighing.py).
    for held in ("Sign off the weekly rota myself within my first month as team leader",
                 "Be the night shift supervisor at the sorting centre by the end of the plan"):
        assert judge(held, SmartContext(weeks=20), weighed=False).checks["achievable"].ok


def test_outcomes_a_board_a_child_or_everyone_decides_are_out_of_hands() -> None:
    for text in ("Get the cabinet to sign off the parking strategy by March",
                 "Make sure no tenant ever waits more than a day for a repair",
                 "Get our toddler sleeping in her own room before I go back"):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "out_of_hands", text


def test_a_record_kept_for_the_rest_of_the_year_is_a_record_without_end() -> None:
    for text in ("Have zero late deliveries for the rest of the year",
                 "Never lose a parcel again"):
        assert not check_smart(text, SmartContext(weeks=12)).checks["achievable"].ok, text


def test_a_move_to_nothing_and_amounts_of_money_are_read_as_moves() -> None:
    steep = "Bring the debt on my accounts down from £80k to zero by week 10"
    assert not check_smart(steep, SmartContext(weeks=12)).checks["achievable"].ok
    modest = "Bring the debt on my accounts down from £80k to £70k by week 10"
    assert check_smart(modest, SmartContext(weeks=12)).checks["achievable"].ok


def test_a_fun_run_and_the_size_of_a_rate_are_not_counts_to_get_through() -> None:
    for text in ("Walk a 5k fun run with the team by the end of my 8 weeks",
                 "Mark 30 scripts a day with fewer than 2 slips per 1,000 marks by week 6"):
        assert check_smart(text, SmartContext(weeks=8)).checks["achievable"].ok, text


def test_never_having_had_a_lesson_makes_a_licence_in_weeks_too_much() -> None:
    text = "Get my HGV licence by the end of the quarter, though I haven't had a lesson yet"
    assert not check_smart(text, SmartContext(weeks=12)).checks["achievable"].ok


def test_every_one_of_so_many_per_week_is_too_much_at_any_length() -> None:
    many = "Visit all 400 branches in the region within 10 weeks"
    assert not check_smart(many, SmartContext(weeks=10)).checks["achievable"].ok
    few = "Visit all 12 branches in the region within 10 weeks"
    # The rules; the weight of the words overturns this one (coach/weighing.py).
    assert judge(few, SmartContext(weeks=10), weighed=False).checks["achievable"].ok


def test_a_perfect_record_from_the_first_day_or_from_now_on_is_too_much() -> None:
    for text in (
        "Zero dispensing errors from my very first day on the counter",
        "Never miss a delivery slot again, from now on",
        "Be a perfect line manager from the first shift",
    ):
        assert not check_smart(text, SmartContext()).checks["achievable"].ok, text


def test_steps_of_one_job_with_someone_checking_are_one_goal() -> None:
    steps = "Plan the route, brief the drivers, run the first shift with Kemi watching, by week 6"
    assert check_smart(steps, SmartContext()).checks["achievable"].ok
    things = "Learn Sage, Xero, QuickBooks and payroll by week 6"
    assert check_smart(things, SmartContext()).checks["achievable"].cause == "several"


def test_words_that_only_look_like_a_feat_or_a_short_time() -> None:
    verdict = check_smart("Run a half marathon with the staff running club by June")
    assert "marathon" not in verdict.checks["achievable"].why
    rota = "Build the weekend rota myself three times with Sam checking it, by week 10"
    assert check_smart(rota, SmartContext()).checks["achievable"].ok


def test_the_rewrite_of_an_outcome_others_decide_keeps_the_person_s_part() -> None:
    verdict = check_smart("Draft the tender and make sure it gets selected", SmartContext())
    assert verdict.rewrite is not None and verdict.rewrite.startswith("Draft the tender")
    assert "selected" not in verdict.rewrite
    assert judge(verdict.rewrite, SmartContext()).passed


def test_body_weight_lost_faster_than_a_safe_pace_is_too_much() -> None:
    for text, weeks in (
        ("Lose 15 kg before the summer works outing", 8),
        ("drop 12kg over my first month on site", 12),
        ("Shed three stone by week 6", 12),
    ):
        check = check_smart(text, SmartContext(weeks=weeks)).checks["achievable"]
        assert not check.ok and check.cause == "too_much", text
        assert any(verb in check.why.lower() for verb in ("lose", "drop", "shed")), check.why
    for text in ("Lose 6 kg over the twelve weeks by cycling to the depot",
                 "lose 10 lbs by the end of the plan"):
        assert check_smart(text, SmartContext(weeks=12)).checks["achievable"].ok, text


def test_a_business_of_your_own_or_an_upper_language_level_takes_more_than_a_plan() -> None:
    for text in (
        "Open my own bakery by the end of the secondment",
        "Launch two new dental practices in the region this quarter",
        "Reach C1 in Portuguese before the handover to the Lisbon office",
        "Get my private pilot licence by week 10",
    ):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "too_much", text
    for text in ("Open the bakery on my own three mornings by week 6, with Ana checking",
                 "Reach A2 in Portuguese by the end of the plan, with weekly lessons"):
        assert check_smart(text, SmartContext(weeks=12)).checks["achievable"].ok, text


def test_a_list_of_longer_names_is_still_several_goals() -> None:
    text = ("Learn the new booking system, the shift swap app, the fault logging tool "
            "and the stores ordering process by week 2")
    assert check_smart(text, SmartContext()).checks["achievable"].cause == "several"


def test_a_setting_word_is_the_role_s_workplace_when_the_goal_closes_a_gap() -> None:
    gym = SmartContext(gaps=("Gym floor inductions", "Membership sales"),
                       linked_gap="Gym floor inductions", weeks=8)
    text = "Run 4 gym floor inductions a week on my own by week 6, with Lee watching the first two"
    assert check_smart(text, gym).checks["relevant"].ok
    # Unlinked, the same setting word reads as the person's own life...
    assert not check_smart("Get to the gym 4 times a week by week 6", SmartContext()).checks[
        "relevant"].ok
    # ...and a purpose said outright stays personal even when a gap is linked.
    mine = "Train at the gym 4 times a week for my own fitness, just for me, by week 6"
    assert not check_smart(mine, gym).checks["relevant"].ok


def test_an_outcome_granted_or_not_is_its_own_measure() -> None:
    for text in ("Get my gas safe registration status confirmed by the end of March",
                 "Win the regional apprentice of the year award in June",
                 "Sign the new cleaning contract with the hospital trust by 30 April"):
        assert check_smart(text, SmartContext()).checks["measurable"].ok, text
    assert not check_smart("Get a feel for the depot by March", SmartContext()).checks[
        "measurable"].ok


def test_outcomes_a_body_or_a_panel_decides_are_out_of_hands() -> None:
    for text in ("Get the new kitchen approved by the environmental health authority by week 3",
                 "Be promoted to crew manager before my probation ends",
                 "Win the county young chef competition this spring",
                 "Get our short film commissioned by a streaming service by June",
                 "Make our first cookbook a bestseller by Christmas"):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "out_of_hands", text


def test_a_status_a_professional_body_grants_takes_more_than_a_plan() -> None:
    for text in ("Gain chartered environmentalist status by the end of my 12 weeks",
                 "Become a fellow of the institute during my onboarding",
                 "Get my licence as a lift inspector by week 10"):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "too_much", text


def test_doubling_a_figure_or_matching_the_seniors_within_a_plan_is_too_much() -> None:
    for text in ("Double our repeat bookings by the end of the quarter",
                 "Halve the repairs backlog in my first 8 weeks",
                 "Quote jobs as accurately as the senior estimators do by week 6",
                 "Draft and agree the 10-year maintenance strategy during the handover"):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "too_much", text
    shift = "Work a double shift on the tills with Mo checking, by week 3"
    assert check_smart(shift, SmartContext(weeks=12)).checks["achievable"].ok


def test_the_whole_of_a_stretch_of_time_is_not_the_whole_of_the_work() -> None:
    text = "Swim 3 times a week for the whole 12 weeks to keep up with the night shifts"
    assert check_smart(text, SmartContext(weeks=12)).checks["achievable"].ok
    archive = "Scan the entire 20-year paper archive onto the new system in my first fortnight"
    assert not check_smart(archive, SmartContext(weeks=12)).checks["achievable"].ok


def test_steps_after_a_colon_belong_to_the_one_job_they_follow() -> None:
    text = ("Run the depot's parts ordering for March: set up the supplier list, check it "
            "with Dee each Friday, and place every order by the 28th")
    assert check_smart(text, SmartContext()).checks["achievable"].cause != "several"


def test_a_place_to_know_better_is_no_particular_task() -> None:
    for text in ("Understand the depot better by the end of the 8 weeks",
                 "Know the kitchen better by Easter",
                 "Fix the problems on the line somehow"):
        assert not check_smart(text, SmartContext()).checks["specific"].ok, text
    tool = "understand Tableau better by week 6"
    assert check_smart(tool, SmartContext()).checks["specific"].ok


def test_a_contract_a_vote_or_a_sign_off_others_give_is_out_of_hands() -> None:
    for text in ("Win the county cleaning contract renewal before Mo retires",
                 "Get elected to the parish council in May",
                 "Get the regional director to approve my new rota by week 2"):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "out_of_hands", text


def test_expert_level_or_full_registration_in_weeks_is_too_much() -> None:
    for text in ("Reach specialist level in hand therapy by the end of my 10-week rotation",
                 "Gain full HCPC registration by week 8, as a new trainee"):
        check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
        assert not check.ok and check.cause == "too_much", text


def test_a_standard_met_on_every_line_or_a_distance_already_run_is_no_sweep() -> None:
    for text in ("Get Dev to tick every line of the handover checklist before he leaves on 3 May",
                 "Run the Bristol half in under 2 hours by June (I already run 10k in 58 minutes)"):
        assert check_smart(text, SmartContext()).checks["achievable"].ok, text


def test_a_job_elsewhere_or_a_boat_of_your_own_is_personal() -> None:
    for text in ("Send applications to two other councils before my probation review",
                 "Service the engine on my narrowboat by week 6",
                 "Launch my own dog walking business by the end of the plan"):
        assert not check_smart(text, SmartContext()).checks["relevant"].ok, text


def test_a_name_is_not_a_pet_and_a_perk_is_personal() -> None:
    signed = "Draft three new window displays, signed off by Pete by 30 June"
    assert check_smart(signed, SmartContext()).checks["relevant"].ok
    for text in ("Use the staff discount to kit out my own flat by the summer",
                 "Not for work, just a bucket list thing: learn to sail by September"):
        assert not check_smart(text, SmartContext()).checks["relevant"].ok, text


def test_three_qualifications_listed_before_a_time_clause_are_several_goals() -> None:
    text = ("Get my HGV licence, the transport manager's certificate and full institute "
            "membership during the 10-week reassignment")
    assert check_smart(text, SmartContext(weeks=10)).checks["achievable"].cause == "several"


def test_a_verdict_a_court_or_a_client_gives_is_out_of_hands_and_measurable() -> None:
    for text in ("See the fly-tipper prosecuted before my handover ends",
                 "Get the Hartley account to renew with us for three years by June"):
        verdict = check_smart(text, SmartContext(weeks=12))
        assert verdict.checks["achievable"].cause == "out_of_hands", text
        assert verdict.checks["measurable"].ok, text


def test_full_speed_unsupervised_from_the_second_week_is_too_much() -> None:
    text = "Pack at full line speed, unsupervised, by the end of week 1"
    check = check_smart(text, SmartContext(weeks=12)).checks["achievable"]
    assert not check.ok and check.cause == "too_much"


def test_a_perk_or_a_side_line_is_personal_whatever_work_words_it_uses() -> None:
    for text in ("Use my trade discount to fit my own kitchen by the end of the plan",
                 "Make 4 cheese boards from the offcut bin as Christmas presents by 15 December",
                 "Get my forklift ticket through work, then do removals on the side from June",
                 "Top the leaderboard on the staff quiz machine by the end of month one"):
        assert not check_smart(text, SmartContext()).checks["relevant"].ok, text
    duty = "Lock up the site each night of my duty weeks, with the duty manager checking, by week 4"
    assert check_smart(duty, SmartContext()).checks["specific"].ok


def test_the_end_of_the_year_is_a_date_not_an_award() -> None:
    text = "Service 30 boilers on my own, with Ray checking each one, by the end of the year"
    assert check_smart(text, SmartContext(weeks=26)).checks["achievable"].ok
    award = "Get named apprentice of the year at the county awards"
    assert check_smart(award, SmartContext()).checks["achievable"].cause == "out_of_hands"


def test_a_whole_place_running_smoothly_names_no_particular_task() -> None:
    for text in ("Have the whole yard running smoothly by September",
                 "Turn the depot around by Easter",
                 "Fix the rota problems once and for all before the summer"):
        assert not check_smart(text, SmartContext()).checks["specific"].ok, text


def test_a_plan_a_plate_or_a_play_is_its_own_word_not_a_slip_for_place() -> None:
    # "the place" forgives a slip; "plan", "plate" and "play" are English words of their own.
    for text in ("Sign off 12 site diaries with Wes checking each, by the end of the plan",
                 "Submit 8 householder drawings on the planning portal by 30 May, none sent back",
                 "Plate 40 covers a service on the pass with Ana checking by week 10"):
        assert check_smart(text, SmartContext()).checks["specific"].ok, text
    assert not check_smart("get to know the plaec", SmartContext()).checks["specific"].ok


def test_ways_to_be_and_leisure_wishes_name_no_task() -> None:
    for text in ("be more patient with people", "Be the best picker in the warehouse by May",
                 "make new friends in Leeds", "have more fun at the weekends"):
        assert not check_smart(text, SmartContext()).checks["specific"].ok, text
    # The rules read the named desk; the weight of the words, fitted on 58 files, leans on
    # "more patient" and overturns it (coach/weighing.py), as the corpus's coaches mostly
    # read "be more patient" goals.
    text = "Be more patient on the refunds desk with Jo checking"
    assert judge(text, SmartContext(), weighed=False).checks["specific"].ok


def test_a_holiday_that_says_when_is_not_a_personal_purpose() -> None:
    text = "Balance the lock flight water levels on my own before the May bank holiday"
    assert check_smart(text, SmartContext(gaps=("Lock flight water levels",))).checks[
        "relevant"].ok
    assert not check_smart("Book my summer holidays with the rota tool", SmartContext()).checks[
        "relevant"].ok


def test_family_diet_and_step_counts_are_personal() -> None:
    for text in ("Knit a jumper for my grandad in the breaks by March",
                 "Go vegan for the length of the placement",
                 "Walk 15,000 steps a day on the site by June"):
        assert check_smart(text, SmartContext()).checks["relevant"].cause == "personal", text


def test_a_site_a_licensing_team_or_a_turnaround_plan_is_no_measure() -> None:
    for text in ("Understand the new site in my first month",
                 "Get to know the licensing side after years in enforcement",
                 "Help with the turnaround planning"):
        assert not check_smart(text, SmartContext()).checks["measurable"].ok, text
    assert check_smart("Cut the turnaround time to 2 days by June",
                       SmartContext()).checks["measurable"].ok


def test_a_year_something_began_is_no_count() -> None:
    text = "I've worked the press since 2016 and want to carry on as I am"
    assert not check_smart(text, SmartContext()).checks["measurable"].ok


def test_the_last_week_of_someone_s_time_is_still_to_come() -> None:
    for text in ("Take over all of Ravi's pricing files in his last week",
                 "Walk through the till routine with Jo inside my first 5 weeks",
                 "Serve 30 covers a night on my own by opening day"):
        assert check_smart(text, SmartContext()).checks["time_bound"].ok, text
    assert not check_smart("My last week was chaos on the pass", SmartContext()).checks[
        "time_bound"].ok


def test_top_performer_a_convicted_case_or_a_degree_level_are_too_much() -> None:
    for text in ("Be the top performer in the call centre by week 6",
                 "Take 20 fly-tipping cases to conviction by August",
                 "Get to level 7 in project management by the end of the plan",
                 "Be as good as her at the estimates by Easter"):
        assert not check_smart(text, SmartContext()).checks["achievable"].ok, text


def test_a_side_of_the_work_a_desk_or_a_call_rota_is_the_role() -> None:
    for text in ("Get on top of the invoicing side of things by week 8",
                 "Handle the overnight calls on the sports desk on my own by May",
                 "Cover the weekend on call for the north patch by the end of the plan"):
        assert check_smart(text, SmartContext()).checks["relevant"].ok, text


def test_a_shop_of_my_own_a_diet_a_bad_back_or_a_book_about_me_is_personal() -> None:
    for text in ("Open my own studio in Leeds by December",
                 "Eat better on nights, 5 days a week by March",
                 "Swim twice a week for my back by June",
                 "Finish a book about my years on the rigs by spring",
                 "Order food in Polish without help by the end of the placement"):
        assert not check_smart(text, SmartContext()).checks["relevant"].ok, text


def test_feeling_more_enjoying_more_or_being_the_next_someone_names_no_task() -> None:
    for text in ("Feel more settled at the depot by week 4",
                 "Enjoy the night shifts more by the end of the plan",
                 "Be the go-to for every tenancy question by March",
                 "Be the next Delia Smith by summer"):
        assert not check_smart(text, SmartContext()).checks["specific"].ok, text
    # The rules read the named skill; the weight of the words now overturns it, as the
    # corpus's coaches mostly read "the go-to" goals (coach/weighing.py).
    expert = "Be the go-to expert on chest physio for the ward by the end of the rotation"
    assert judge(expert, SmartContext(), weighed=False).checks["specific"].ok


def test_command_a_title_or_fame_is_too_much_and_a_master_is_a_person() -> None:
    for text in ("Take command of the tug fleet on my own within 12 weeks",
                 "Take over as head of all four kitchens by week 10",
                 "Be the most famous glassblower in Murano by the end of the year",
                 "Write a bestselling novel about the ward by June"):
        assert not check_smart(text, SmartContext(weeks=12)).checks["achievable"].ok, text
    watched = "Stand 4 harbour watches with the master observing, signed off by week 10"
    assert check_smart(watched, SmartContext(weeks=12)).checks["achievable"].ok


def test_a_start_with_no_end_is_not_a_deadline() -> None:
    for text in ("Issue the tsunami bulletins on my own from next week",
                 "Reply to every enquiry within 48 hours, starting this week",
                 "Review every flagged transaction in the queue from day one"):
        assert not check_smart(text, SmartContext()).checks["time_bound"].ok, text
    for text in ("Issue the tsunami bulletins on my own from next week until the end of May",
                 "Starting this week, reply to every enquiry within 48 hours by 30 June"):
        assert check_smart(text, SmartContext()).checks["time_bound"].ok, text


def test_a_weekday_that_recurs_is_not_a_deadline_of_one_week() -> None:
    # "The Tuesday round" happens every week; "by Friday" gives the goal a week.
    round_ = "Take the water samples on the Tuesday round on my own"
    friday = "Take the water samples on my own by Friday"
    assert judge(round_, SmartContext(weeks=12), weighed=False).checks["achievable"].ok
    assert not judge(friday, SmartContext(weeks=12), weighed=False).checks["achievable"].ok


def test_the_rewrite_of_a_goal_too_big_for_its_time_keeps_one_deadline() -> None:
    ctx = SmartContext(gaps=("Control desk",), linked_gap="Control desk", weeks=12)
    for text in (
        "Run the unit 7 control desk alone on night shift from week 2",
        "Teach the whole GCSE chemistry syllabus to my Year 11s in the four weeks before mocks",
        "Load a Panamax on my own as shift foreman in my first week",
    ):
        rewrite = check_smart(text, ctx).rewrite
        assert rewrite is not None
        assert judge(rewrite, ctx).passed, rewrite
        without_plan_end = rewrite.replace(", by [the end of week 12]", "")
        # Either the goal's own date or the plan's end, not both.
        assert without_plan_end == rewrite or not judge(without_plan_end, ctx).checks[
            "time_bound"
        ].ok, rewrite
    rewrite = check_smart("Run the unit 7 control desk alone on night shift from week 2", ctx)
    assert rewrite.rewrite is not None
    # Working alone goes from the task: the rewrite says who checks instead. "From week 2"
    # is when it starts, so the rewrite keeps it and adds when it is judged.
    assert rewrite.rewrite.startswith("Run the unit 7 control desk on night shift from week 2, ")
    assert "alone" not in rewrite.rewrite
    assert rewrite.rewrite.endswith("by [the end of week 12]")


def test_the_rewrite_of_becoming_someone_is_a_first_step() -> None:
    rewrite = check_smart("Become a wildlife vet", SmartContext(weeks=12)).rewrite
    assert rewrite is not None and rewrite.startswith("Take [a first step] towards being a")

"""The wrap-up coach and the success story: pure functions, fixed dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from revmentor import yamlio
from revmentor.coach import story as st
from revmentor.coach import wrapup
from revmentor.errors import BadInput
from revmentor.model import Goal, HistoryEntry, Pairing, Person, Review, ReviewEntry, Session
from revmentor.store import parse

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "pairings" / "helen-sam.yaml"
TODAY = date(2026, 11, 21)


@pytest.fixture
def p() -> Pairing:
    return parse(EXAMPLE.read_text(encoding="utf-8"), EXAMPLE)[1]


# --- the look back ---------------------------------------------------------------


def test_goals_baseline_final_and_change(p: Pairing) -> None:
    retro = wrapup.retrospective(p, TODAY)
    rows = {g.id: (g.baseline, g.final, g.change) for g in retro.goals}
    assert rows == {
        "genai-for-ops": (1, 3, 2),
        "gen-z-expectations": (2, 3, 1),
        "sam-strategy": (2, 4, 2),
    }


def test_learned_lists_skip_blank_entries(p: Pairing) -> None:
    retro = wrapup.retrospective(p, TODAY)
    assert len(retro.i_learned) == 5
    assert [x.date for x in retro.they_learned] == [
        date(2026, 9, 8),
        date(2026, 9, 22),
        date(2026, 10, 6),
        date(2026, 10, 20),
    ]  # the 3 November session left it empty
    assert retro.they_learned[1].text == "Why the board cares more about risk than speed."
    assert retro.sessions == 5
    assert retro.minutes == 245


def test_pulse_first_and_last(p: Pairing) -> None:
    moves = {m.principle: (m.first, m.last, m.change) for m in wrapup.retrospective(p, TODAY).pulse}
    assert moves == {
        "open_mind": (4, 4, 0),
        "respect": (4, 5, 1),
        "trust": (3, 5, 2),
        "authenticity": (3, 4, 1),
    }


def test_pulse_uses_first_session_that_rated_the_principle(p: Pairing) -> None:
    p.sessions[0].pulse.trust = None
    p.sessions[-1].pulse.trust = None
    move = next(m for m in wrapup.retrospective(p, TODAY).pulse if m.principle == "trust")
    assert (move.first, move.last) == (4, 5)


def test_final_rating_is_the_latest_of_sessions_reviews_and_history(p: Pairing) -> None:
    goal = p.goal("genai-for-ops")
    assert goal is not None
    p.reviews.append(
        Review(date=date(2026, 11, 10), entries=[ReviewEntry(goal="genai-for-ops", rating=4)])
    )
    assert wrapup.look_at_goal(p, goal).final == 4
    goal.history.append(HistoryEntry(date=date(2026, 11, 12), event="rated", rating=5))
    assert wrapup.look_at_goal(p, goal).final == 5
    p.sessions.append(Session(date=date(2026, 11, 17), progress={"genai-for-ops": 2}))
    assert wrapup.look_at_goal(p, goal).final == 2


def test_goal_never_rated_has_no_change(p: Pairing) -> None:
    p.goals.append(Goal(id="new-one", text="Something new", baseline=2))
    look = next(g for g in wrapup.retrospective(p, TODAY).goals if g.id == "new-one")
    assert (look.baseline, look.final, look.change) == (2, None, None)


def test_early_and_days_left(p: Pairing) -> None:
    retro = wrapup.retrospective(p, TODAY)
    assert retro.early and retro.days_left == 16
    late = wrapup.retrospective(p, date(2026, 12, 7))
    assert not late.early and late.days_left == 0


# --- renew -------------------------------------------------------------------------


def test_renew_starts_the_day_after_the_old_end(p: Pairing) -> None:
    out = wrapup.renew(p, TODAY)
    assert out.horizon.start == date(2026, 12, 8)
    assert out.horizon.end == date(2027, 3, 8)
    assert out.horizon.midpoint_review is not None
    assert out.horizon.start < out.horizon.midpoint_review < out.horizon.end
    assert p.horizon.start == date(2026, 9, 7)  # the input is left alone


def test_renew_after_the_end_starts_today(p: Pairing) -> None:
    later = date(2027, 1, 15)
    out = wrapup.renew(p, later)
    assert out.horizon.start == later
    assert out.horizon.end == date(2027, 4, 15)


def test_renew_keeps_history_sessions_and_reviews(p: Pairing) -> None:
    out = wrapup.renew(p, TODAY, worked="the rhythm", awkward="first feedback")
    assert out.sessions == p.sessions
    assert out.reviews == p.reviews
    for old, new in zip(p.goals, out.goals, strict=True):
        assert new.history[: len(old.history)] == old.history
        assert new.history[-1].event == "carried-over"
        assert new.status == "active"
        assert new.baseline == old.baseline
    carried = {g.id: g.history[-1].rating for g in out.goals}
    assert carried == {"genai-for-ops": 3, "gen-z-expectations": 3, "sam-strategy": 4}
    record = out.wrap_ups[-1]
    assert (record.date, record.decision, record.worked, record.awkward) == (
        TODAY,
        "renew",
        "the rhythm",
        "first feedback",
    )
    assert record.previous_horizon == p.horizon
    assert out.state == "active"


def test_renew_carries_some_and_retires_the_rest(p: Pairing) -> None:
    out = wrapup.renew(p, TODAY, ["sam-strategy"])
    status = {g.id: (g.status, g.history[-1].event) for g in out.goals}
    assert status == {
        "genai-for-ops": ("retired", "retired"),
        "gen-z-expectations": ("retired", "retired"),
        "sam-strategy": ("active", "carried-over"),
    }


def test_renew_with_no_goals_carried(p: Pairing) -> None:
    out = wrapup.renew(p, TODAY, [])
    assert out.active_goals() == []


def test_renew_refuses_unknown_and_inactive_goals(p: Pairing) -> None:
    with pytest.raises(BadInput, match="no goal 'nope'"):
        wrapup.renew(p, TODAY, ["nope"])
    p.goals[0].status = "achieved"
    with pytest.raises(BadInput, match="is achieved"):
        wrapup.renew(p, TODAY, ["genai-for-ops"])


def test_next_cycle_looks_back_only_at_itself(p: Pairing) -> None:
    out = wrapup.renew(p, TODAY, ["genai-for-ops"])
    out.sessions.append(
        Session(date=date(2026, 12, 15), i_learned="new", progress={"genai-for-ops": 4})
    )
    retro = wrapup.retrospective(out, date(2027, 3, 8))
    assert retro.sessions == 1
    assert [x.text for x in retro.i_learned] == ["new"]
    # Goals retired at the renewal belong to the previous cycle's story.
    assert [(g.id, g.baseline, g.final, g.carried_over) for g in retro.goals] == [
        ("genai-for-ops", 3, 4, True)
    ]


def test_decisions_share_no_date_objects_so_the_file_has_no_aliases(p: Pairing) -> None:
    for out in (
        wrapup.renew(p, TODAY, ["genai-for-ops"]),
        wrapup.extend(p, TODAY, 2),
        wrapup.conclude(p, TODAY),
        wrapup.renew(p, date(2027, 1, 15)),
    ):
        text = yamlio.dump_new(out.to_data())
        assert "&id" not in text and "*id" not in text
        assert parse(text, EXAMPLE)[1] == out


# --- extend, conclude, reopen ---------------------------------------------------------


def test_extend_moves_only_the_end(p: Pairing) -> None:
    out = wrapup.extend(p, TODAY, 4, worked="w")
    assert out.horizon.start == p.horizon.start
    assert out.horizon.midpoint_review == p.horizon.midpoint_review
    assert out.horizon.end == date(2027, 1, 4)
    assert out.wrap_ups[-1].weeks == 4
    assert out.wrap_ups[-1].previous_horizon == p.horizon
    assert out.state == "active"


@pytest.mark.parametrize("weeks", [None, 0, -1, 53])
def test_extend_refuses_bad_weeks(p: Pairing, weeks: int | None) -> None:
    with pytest.raises(BadInput, match="week"):
        wrapup.decide(p, TODAY, "extend", weeks=weeks)


def test_conclude_and_reopen(p: Pairing) -> None:
    out = wrapup.conclude(p, TODAY, awkward="timing")
    assert out.state == "concluded"
    assert out.horizon == p.horizon
    assert out.wrap_ups[-1].decision == "conclude"
    back = wrapup.reopen(out)
    assert back.state == "active"
    assert back.wrap_ups == out.wrap_ups
    with pytest.raises(BadInput, match="not concluded"):
        wrapup.reopen(back)


# --- the story --------------------------------------------------------------------


NAMES = ("Helen", "Okafor", "Sam", "Rivera", "HELEN", "SAM")


def _story(p: Pairing, **kw: bool) -> str:
    out = wrapup.renew(
        p,
        TODAY,
        worked="Sam was patient with Helen. Helen's questions got sharper.",
        awkward="SAM RIVERA and I both found the first feedback round hard.",
    )
    return st.story(p, wrapup.retrospective(p, TODAY), out.wrap_ups[-1], **kw)


def test_story_leaves_names_out(p: Pairing) -> None:
    text = _story(p)
    for name in NAMES:
        assert name not in text, name
    assert "to November 2026, my partner and I met fortnightly" in text
    for role in ("Chief Operating Officer", "Data Analyst", "Gen X", "Gen Z"):
        assert role not in text, role
    assert "so my partner can pitch" in text
    assert "My partner was patient with me. My questions got sharper." in text
    assert "My partner and I both found" in text
    assert "nervous" not in text  # private notes never travel
    assert text.startswith("# A reverse-mentoring story\n")


def test_story_keeps_roles_when_asked(p: Pairing) -> None:
    text = _story(p, with_roles=True)
    assert "a Chief Operating Officer (Gen X) and a Data Analyst (Gen Z) met" in text
    assert "Helen" not in text and "Sam" not in text


def test_story_keeps_names_when_asked(p: Pairing) -> None:
    assert "2026, Helen Okafor and Sam Rivera met" in _story(p, with_names=True)
    text = _story(p, with_names=True, with_roles=True)
    assert "Helen Okafor (Chief Operating Officer, Gen X)" in text
    assert "Sam Rivera (Data Analyst, Gen Z)" in text
    assert "Sam was patient with Helen." in text


def test_story_is_markdown_with_the_sections(p: Pairing) -> None:
    from markdown_it import MarkdownIt

    text = _story(p)
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "A reverse-mentoring story",
        "What we set out to learn",
        "What I learned",
        "What my partner learned",
        "How it felt",
        "What worked",
        "What felt awkward",
        "What happens next",
    ]
    assert "- Trust: from 3 to 5 out of 5" in text
    assert "(from 1 to 3 out of 5)" in text
    assert "\n\n\n" not in text


def test_anonymiser_respects_word_boundaries_and_lowercase_words() -> None:
    p = Pairing.model_validate(
        {
            "created": "2026-01-05",
            "horizon": {"start": "2026-01-05", "end": "2026-04-05"},
            "me": {"name": "Will Grant"},
            "partner": {"name": "Frank Samson"},
        }
    )
    words = {
        "me": "I",
        "me_object": "me",
        "me_possessive": "my",
        "partner": "my partner",
        "partner_possessive": "my partner's",
    }
    anon = st.anonymiser(p, words)
    assert anon("Frank gave frank feedback; I will ask Will.") == (
        "My partner gave frank feedback; I will ask me."
    )
    assert anon("Samsonite and Grants stay; Grant's plan") == "Samsonite and Grants stay; my plan"
    assert anon("Notes from Frank Samson") == "Notes from my partner"


def test_story_without_any_names_or_roles() -> None:
    p = Pairing.model_validate(
        {"created": "2026-01-05", "horizon": {"start": "2026-01-05", "end": "2026-04-05"}}
    )
    p.partner = Person()
    text = st.story(p, wrapup.retrospective(p, date(2026, 1, 20)), None)
    assert "In January 2026, my partner and I met fortnightly: 0 sessions." in text
    with_roles = st.story(p, wrapup.retrospective(p, date(2026, 1, 20)), None, with_roles=True)
    assert "In January 2026, my partner and I met" in with_roles
    assert "What happens next" not in text


def test_on_the_job_story_has_its_own_title(p: Pairing) -> None:
    p.kind = "on-the-job"
    text = st.story(p, wrapup.retrospective(p, TODAY), None)
    assert text.startswith("# An on-the-job learning story\n")

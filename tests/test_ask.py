"""The drafted ask: its shape (topic first, then the reverse-mentoring invitation) and variants."""

from __future__ import annotations

import pytest

from revmentor.coach.ask import (
    VARIANT_FOR_SIDE,
    VARIANTS,
    default_wording,
    drafts,
    join_offers,
    topic_from_goal,
)

TOPIC = "how to use generative AI tools"


@pytest.mark.parametrize("side", ["mentee", "mentor", "mutual"])
def test_three_variants_with_the_fitting_one_first(side: str) -> None:
    result = drafts(TOPIC, partner="Sam Rivera", offers=["career guidance"], side=side)  # type: ignore[arg-type]
    assert result[0].variant == VARIANT_FOR_SIDE[side]
    assert sorted(d.variant for d in result) == sorted(VARIANTS)
    assert len({d.text for d in result}) == 3
    assert len({d.label for d in result}) == 3


def test_senior_asks_junior_when_i_am_the_mentee() -> None:
    first = drafts(TOPIC, partner="Sam", side="mentee")[0]
    assert first.variant == "senior-to-junior"
    assert "closer to it than I am" in first.text


def test_junior_proposes_to_senior_when_i_am_the_mentor() -> None:
    first = drafts("how budget cases are built", partner="Helen", side="mentor")[0]
    assert first.variant == "junior-to-senior"


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_names_the_topic_then_asks_for_regular_exchange(variant: str) -> None:
    text = next(
        d.text
        for d in drafts(TOPIC, partner="Sam Rivera", offers=["budget know-how"])
        if d.variant == variant
    )
    assert text.startswith("Hi Sam,")
    topic_at = text.index(TOPIC)
    question_at = text.index("Would you be open to a reverse-mentoring relationship")
    assert topic_at < question_at
    after = text[question_at:]
    assert "regular" in after
    assert "exchange" in after
    assert "budget know-how" in text


def test_no_offers_leaves_no_dangling_sentence() -> None:
    for draft in drafts(TOPIC, partner="Sam"):
        assert draft.text.rstrip().endswith("?")
        assert "{" not in draft.text
        assert "  " not in draft.text


def test_no_partner_name_greets_plainly() -> None:
    text = default_wording(TOPIC)
    assert text.startswith("Hi, ")


def test_offers_are_joined_as_a_sentence() -> None:
    assert join_offers([]) == ""
    assert join_offers(["a"]) == "a"
    assert join_offers(["a", "b."]) == "a and b"
    assert join_offers(["a", " ", "b", "c"]) == "a, b and c"


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        (
            "Learn to use generative AI tools myself so I can judge where they help",
            "how to use generative AI tools myself",
        ),
        (
            "Understand how younger colleagues want feedback, so I can adapt my meetings",
            "how younger colleagues want feedback",
        ),
        (
            "Learn how a budget case is built, by shadowing two reviews",
            "how a budget case is built",
        ),
        ("I want to learn about prompt design by trying it weekly", "prompt design"),
        ("Get better at TikTok for recruiting", "TikTok for recruiting"),
        ("Learn more about hybrid work; try two formats", "hybrid work"),
        ("The way my team uses Slack", "the way my team uses Slack"),
        ("Generative AI for ops reporting.", "Generative AI for ops reporting"),
    ],
)
def test_topic_from_goal(goal: str, topic: str) -> None:
    assert topic_from_goal(goal) == topic


def test_topic_never_empty() -> None:
    assert topic_from_goal("Learn") == "Learn"

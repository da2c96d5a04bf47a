"""Masks the word lists declare apply wherever a list is read, and name real lists."""

from __future__ import annotations

from typing import Any

import pytest

from revmentor.coach import reading
from revmentor.coach.reading import read


def test_a_masked_phrase_is_not_found_by_any_reader() -> None:
    # "bank holiday" masks "holiday": the goal says when, so no reader sees a personal word.
    r = read("Balance the water levels on my own before the May bank holiday")
    assert r.hits("personal", negated=None) == []
    assert r.personal() == []
    unmasked = r.sentence.find_all(r.words["personal"], negated=None)
    assert unmasked, "the phrase is there to be masked"


def test_a_mask_only_covers_its_own_words() -> None:
    r = read("Book my holiday before the August bank holiday")
    quotes = [h.quote.lower() for h in r.personal()]
    assert any("holiday" in q for q in quotes)


def test_the_past_is_masked_where_the_last_stretch_is_still_to_come() -> None:
    to_come = read("Take over the pricing files in her last week")
    assert to_come.hits("past_time", negated=None) == []
    assert read("My last week was chaos").hits("past_time", negated=None) != []


def test_every_declared_mask_names_a_list() -> None:
    masks = reading._masks()
    words = reading._lexicons()
    assert masks, "the word lists declare masks"
    for name, covers in masks.items():
        assert name in words
        assert all(c in words for c in covers)


@pytest.mark.parametrize(
    "masks",
    [{"personal": ["no_such_list"]}, {"no_such_list": ["personal"]}],
)
def test_a_mask_naming_no_list_is_refused(masks: dict[str, Any]) -> None:
    data = {"negators": ["not"], "personal": ["holiday"], "masks": masks}
    with pytest.raises(ValueError, match="no_such_list"):
        reading._prepare(data)

"""`revmentor search`: every pairing's texts, case and accents aside, private notes on ask."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revmentor.coach.search import fold, search, spans
from revmentor.model import Pairing
from tests.conftest import Result
from tests.helpers_faults import Snapshot, make_pairing, pairing_data

Cli = Callable[..., Result]
SECRET = "worried about the deadline"


def pairing(**changes: object) -> Pairing:
    data = pairing_data(2, private=SECRET)
    data.update(changes)
    return Pairing.model_validate(data)


def test_case_and_accents_do_not_matter_and_spans_point_at_the_original() -> None:
    line = "Rédiger un RÉSUMÉ, puis un résumé"
    found = spans(line, fold("resume")[0])
    assert [line[a:b] for a, b in found] == ["RÉSUMÉ", "résumé"]
    assert spans("Straße", fold("STRASSE")[0]) == ((0, 6),)
    # Decomposed accents (e + combining acute) read the same as composed ones.
    assert spans("Cafe\u0301 talk", fold("café")[0]) == ((0, 5),)


@settings(max_examples=60)
@given(st.text(min_size=1, max_size=30), st.text(max_size=15), st.text(max_size=15))
def test_any_text_is_found_inside_any_line(needle: str, before: str, after: str) -> None:
    query = fold(needle)[0]
    line = before + needle + after
    if not query:
        return
    found = spans(line, query)
    assert found, "what is in the line is found"
    for a, b in found:
        assert 0 <= a < b <= len(line)
        assert fold(line[a:b])[0] == query or query in fold(line[a:b])[0]


def test_fields_searched_and_where_each_hit_is() -> None:
    p = pairing()
    hits = search([("sam", p)], "template")
    assert [(h.field, h.date) for h in hits] == [
        ("session.i_learned", date(2026, 9, 8)),
        ("session.i_learned", date(2026, 9, 22)),
    ]
    goal_hits = search([("sam", p)], "weekly reports")
    assert [(h.field, h.goal) for h in goal_hits] == [("goal.text", "genai-for-ops")]
    assert [h.field for h in search([("sam", p)], "try it")] == ["session.next_steps"] * 2
    assert [h.field for h in search([("sam", p)], "topic 1")] == ["session.topics"]


def test_private_notes_only_when_asked() -> None:
    p = pairing()
    assert search([("sam", p)], "deadline") == []
    found = search([("sam", p)], "deadline", include_private=True)
    assert [h.field for h in found] == ["session.private_note"]


def test_reviews_and_wrap_ups_are_searched() -> None:
    p = pairing(
        reviews=[{"date": "2026-10-20", "note": "Halfway: more hands-on time",
                  "entries": [{"goal": "genai-for-ops", "rating": 3,
                               "reason": "Hands-on sessions helped"}]}],
        wrap_ups=[{"date": "2026-12-07", "decision": "renew", "worked": "The hands-on rhythm",
                   "awkward": ""}],
    )
    found = search([("sam", p)], "HANDS-ON")
    assert [(h.field, h.goal) for h in found] == [
        ("review.note", None), ("review.reason", "genai-for-ops"), ("wrap_up.worked", None)
    ]


def test_a_multi_line_text_shows_only_its_matching_line() -> None:
    p = pairing()
    p.sessions[0].i_learned = "First line\n  second line with a NEEDLE\nthird"
    (hit,) = search([("sam", p)], "needle")
    assert hit.line == "second line with a NEEDLE"
    assert hit.line[hit.spans[0][0]:hit.spans[0][1]] == "NEEDLE"


def test_the_command_over_every_pairing(home: Path, cli: Cli) -> None:
    make_pairing(home, "sam", private=SECRET)
    make_pairing(home, "kim", n_sessions=1)
    result = cli("search", "Template")
    assert result.code == 0, result.output
    lines = result.out.splitlines()
    assert lines[0].split() == ["pairing", "date", "field", "line"]
    assert any(ln.startswith("kim") and "2026-09-08" in ln and "what I learned" in ln
               for ln in lines)
    assert "6 matches in 2 pairings." in result.out
    only = json.loads(cli("search", "template", "--pairing", "kim", "--json").out)
    assert {h["pairing"] for h in only} == {"kim"} and len(only) == 1
    row = only[0]
    assert row["line"][row["matches"][0][0]:row["matches"][0][1]] == "template"
    assert SECRET not in cli("search", "deadline").out
    assert "--include-private" in cli("search", "deadline").out
    private = cli("search", "deadline", "--include-private")
    assert "private note" in private.out and "worried" in private.out


def test_the_match_is_highlighted_in_a_terminal(home: Path, pty: Callable[..., object]) -> None:
    make_pairing(home, "sam", n_sessions=1)
    child = pty("search", "template", env={"NO_COLOR": ""})
    child.expect_exact("Giving the model a ")  # type: ignore[attr-defined]
    child.expect(r"\x1b\[[0-9;]*m")  # type: ignore[attr-defined]
    child.expect_exact("template")  # type: ignore[attr-defined]


def test_an_unreadable_pairing_is_named_and_the_rest_searched(home: Path, cli: Cli) -> None:
    make_pairing(home, "sam")
    (home / "pairings" / "bad.yaml").write_text("goals: [\n")
    result = cli("search", "template")
    assert result.code == 0
    assert "'bad' was not searched" in result.err
    assert "sam" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "x", "--pairing", "nobody"], "Error: no pairing called 'nobody'"),
        (["search", "x", "--pairing", "bad"], "Error: "),
        (["search", "  "], "Error: give some text to look for"),
    ],
)
def test_bad_input(home: Path, cli: Cli, args: list[str], message: str) -> None:
    make_pairing(home, "sam")
    (home / "pairings" / "bad.yaml").write_text("goals: [\n")
    before = Snapshot.of(home)
    result = cli(*args)
    assert result.code == 1
    assert result.err.startswith(message)
    assert Snapshot.of(home) == before

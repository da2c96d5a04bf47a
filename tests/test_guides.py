"""`revmentor guide`: every guide for every reader, the fit of the moment, and ticking."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from revmentor.coach import guides as cg
from revmentor.coach.agenda import agenda
from revmentor.model import Pairing
from revmentor.store import Store
from revmentor.views.console import to_stream
from revmentor.views.guides import render, render_list, render_markdown
from revmentor.views.prep import md, render_text
from revmentor.vocab import PRINCIPLES
from tests.conftest import EXAMPLE_SLUG, Result
from tests.helpers_faults import Snapshot
from tests.test_nudges import calm, otj, six
from tests.test_status import TODAY, load_example, make, session

Cli = Callable[..., Result]
DATA = cg.load()
NAMES = cg.names(DATA)
# A classic terminal: 80 columns, 24 rows.
COLUMNS, ROWS = 80, 24
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
SIDES = ("mentor", "mentee", "mutual")


def pairing_for(kind: str, side: str, **kw: Any) -> Pairing:
    build = otj if kind == "on-the-job" else calm
    people: dict[str, Any] = {
        "me": {"name": "Helen Okafor", "side": side},
        "partner": {"name": "Sam Rivera"},
    }
    return build(**{**people, **kw})


def readers() -> list[tuple[str, cg.Reader | None]]:
    out: list[tuple[str, cg.Reader | None]] = [("anyone", None)]
    for kind in ("reverse-mentoring", "on-the-job"):
        for side in SIDES:
            out.append((f"{kind}/{side}", cg.reader("pair", pairing_for(kind, side), TODAY)))
    return out


READERS = readers()


def shown(guide: cg.Filled, width: int = COLUMNS) -> str:
    buf = io.StringIO()
    render(guide, to_stream(buf, width=width))
    return buf.getvalue()


def example_path(home: Path) -> Path:
    return home / "pairings" / f"{EXAMPLE_SLUG}.yaml"


# --- the content -------------------------------------------------------------------


def test_the_toolkit_covers_every_moment_the_issue_names() -> None:
    wanted = {
        "first-meeting", "feedback-upward", "receiving-feedback", "mid-point", "closing",
        "open-mind", "real-goals", "respect", "trust", "authenticity",
        "onboarding", "handover", "parental-leave",
    }  # fmt: skip
    assert wanted <= set(NAMES)
    assert len(NAMES) == len(set(NAMES))
    # One guide per principle, the pulse's four and REAL goals.
    principles = {g.get("principle") for g in DATA["guides"]} - {None}
    assert principles == {*PRINCIPLES, "real_goals"}
    groups = {g["id"] for g in DATA["groups"]}
    assert {g["group"] for g in DATA["guides"]} == groups
    assert set(DATA["fit"]["situations"].values()) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_checklist_ids_are_unique_and_variants_name_known_tags(name: str) -> None:
    known = {"reverse-mentoring", "on-the-job", *SIDES, "junior", "senior", "both"}
    guide = cg.spec(name, DATA)
    for key, body in {"": guide, **(guide.get("variants") or {})}.items():
        assert set(key.split()) <= known, key
        ids = [item["id"] for item in body.get("checklist", [])]
        assert len(ids) == len(set(ids)), (key, ids)
        assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)


def test_the_guides_are_written_in_british_spelling() -> None:
    text = (Path(cg.__file__).parent.parent / "content" / "guides.yaml").read_text("utf-8")
    for american in ("behavior", "organization", "candor", "practicing ", "program "):
        assert american not in text.lower()


# --- every guide, for every reader ---------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("who", "rd"), READERS, ids=[w for w, _ in READERS])
def test_every_guide_fits_one_screen_filled_in(name: str, who: str, rd: cg.Reader | None) -> None:
    text = shown(cg.fill(name, rd))
    lines = text.splitlines()
    assert not PLACEHOLDER.search(text), text
    assert max(len(line) for line in lines) <= COLUMNS, text
    assert len(lines) <= ROWS, f"{len(lines)} lines:\n{text}"
    assert all(line == line.rstrip() for line in lines)
    if rd is not None:
        assert "pair with Sam Rivera" in text
        assert f"week {rd.report.week} of {rd.report.total_weeks}" in text
        assert "every two weeks" in text  # the pairing's rhythm
        assert "your partner" not in text  # the partner's name is used instead
    else:
        assert "Written for" in text and "revmentor guide " + name + " PAIRING" in text


@pytest.mark.parametrize("name", NAMES)
def test_the_reader_shapes_the_guide(name: str) -> None:
    """Side-aware where it matters: at least the two positions or the two kinds differ."""
    texts = {who: shown(cg.fill(name, rd)) for who, rd in READERS if rd is not None}
    assert len(set(texts.values())) >= 2, name


def test_feedback_upward_speaks_to_the_junior_and_to_the_senior() -> None:
    junior = cg.fill("feedback-upward", dict(READERS)["reverse-mentoring/mentor"])
    senior = cg.fill("feedback-upward", dict(READERS)["reverse-mentoring/mentee"])
    assert "nervous" in " ".join(junior.blocks[0].lines)
    assert senior.intro.startswith("This one is written for Sam Rivera")
    assert [i.id for i in senior.checklist] != [i.id for i in junior.checklist]


def test_on_the_job_readers_get_smart_goals_and_the_map() -> None:
    rd = dict(READERS)["on-the-job/mentor"]
    assert cg.fill("real-goals", rd).title == "SMART goals, when they drift"
    mid = cg.fill("mid-point", rd)
    assert "Specific:" in mid.blocks[0].lines[0]  # no SMART self-assessment: in turn
    assert any(i.id == "scan" for i in cg.fill("first-meeting", rd).checklist)


def test_the_mid_point_asks_each_goal_its_weakest_real_question() -> None:
    goals = [
        {"id": "all-met", "text": "a", "baseline": 1, "real": dict.fromkeys(cg.REAL_ORDER, True)},
        {"id": "not-aspiring", "text": "b", "baseline": 2,
         "real": {"relevant": True, "experimental": True}},
    ]  # fmt: skip
    p = calm(goals=goals, sessions=six(d6={"progress": {"all-met": 3}}))
    block = cg.fill("mid-point", cg.reader("pair", p, TODAY)).blocks[0]
    assert block.lines[0].startswith("all-met (1 → 3) · Relevant: ")
    assert block.lines[1].startswith("not-aspiring (2 → -) · Aspirational: ")
    assert "by 4 Jan 2027" in block.lines[1]  # {end} filled in


def test_many_goals_are_summed_up_in_a_last_line() -> None:
    goals = [{"id": f"g{i}", "text": "x", "baseline": 2} for i in range(5)]
    lines = cg.fill("closing", cg.reader("pair", calm(goals=goals), TODAY)).blocks[0].lines
    assert lines == (
        "g0: 2 at the start, not rated since",
        "g1: 2 at the start, not rated since",
        "and 3 more: revmentor goals list",
    )


def test_a_wide_terminal_still_gets_an_80_column_card() -> None:
    text = shown(cg.fill("respect", dict(READERS)["reverse-mentoring/mentee"]), width=160)
    assert max(len(line) for line in text.splitlines()) <= COLUMNS


def test_names_print_as_typed_never_as_markup() -> None:
    p = calm(partner={"name": "[bold]Sam[/bold] \u202emaS"})
    text = shown(cg.fill("trust", cg.reader("pair", p, TODAY), escape=_clean()))
    assert "[bold]Sam[/bold] \\u202emaS" in text and "\u202e" not in text


def _clean() -> Callable[[str], str]:
    from revmentor.views.text import clean

    return clean


# --- Markdown ------------------------------------------------------------------------


def md_tokens(text: str) -> list[Any]:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").parse(text)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("who", "rd"), READERS[:4], ids=[w for w, _ in READERS[:4]])
def test_markdown_parses_as_headings_and_lists(name: str, who: str, rd: cg.Reader | None) -> None:
    guide = cg.fill(name, rd, escape=md)
    tokens = md_tokens(render_markdown(guide))
    heads = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert heads[0] == guide.title
    assert heads[1:-1] == [b.title for b in guide.blocks]
    assert heads[-1].startswith("Checklist")
    bullets = sum(t.type == "bullet_list_open" for t in tokens)
    numbered = [t for t in tokens if t.type == "ordered_list_open"]
    assert bullets == len(guide.blocks) and len(numbered) == 1
    items = sum(t.type == "list_item_open" for t in tokens)
    assert items == sum(len(b.lines) for b in guide.blocks) + len(guide.checklist)
    assert not PLACEHOLDER.search(render_markdown(guide))


def test_markdown_keeps_names_inert_and_shows_ticks() -> None:
    p = calm(
        partner={"name": "*Sam* [x](http://a.b)"},
        checklists={"trust": {"admit": "2026-11-20"}},
    )
    text = render_markdown(cg.fill("trust", cg.reader("pair", p, TODAY), escape=md))
    tokens = md_tokens(text)
    about = next(t for t in tokens if t.type == "inline" and "Sam" in t.content)
    assert not any(c.type in ("em_open", "link_open") for c in about.children or [])
    assert "*Sam* [x](http://a.b)" in "".join(c.content for c in about.children or [])
    assert "2. [x] Each of you admits one thing you don't know. (20 Nov)" in text
    assert "1. [ ] Keep one small promise" in text
    assert "## Checklist (1/4 done)" in text


# --- which guide fits the moment -----------------------------------------------------


def fit_of(p: Pairing, today: date = TODAY) -> str | None:
    found = cg.fitting(cg.reader("pair", p, today))
    return None if found is None else found.name


def test_no_session_yet_is_the_first_meeting() -> None:
    assert fit_of(make()) == "first-meeting"


def test_on_the_job_first_sessions_get_the_situations_guide() -> None:
    assert fit_of(otj(sessions=[])) == "onboarding"
    assert fit_of(otj(sessions=[], context={"situation": "parental-leave"})) == "parental-leave"
    assert fit_of(otj(sessions=[], context={"situation": "departure"})) == "handover"
    assert fit_of(otj(sessions=[], context={"situation": "other"})) == "first-meeting"


def test_the_close_comes_near_the_end() -> None:
    found = cg.fitting(cg.reader("pair", load_example(), TODAY))
    assert found is not None
    assert (found.name, found.why) == ("closing", "the end of the cycle is near")
    assert fit_of(load_example(), date(2027, 1, 10)) == "closing"


def test_a_falling_principle_gets_its_own_guide() -> None:
    sessions = six(d5={"pulse": {"trust": 5}}, d6={"pulse": {"trust": 2}})
    found = cg.fitting(cg.reader("pair", calm(sessions=sessions), TODAY))
    assert found is not None and (found.name, found.why) == ("trust", "trust has fallen")
    sessions = six(d5={"pulse": {"respect": 5}}, d6={"pulse": {"respect": 3}})
    assert fit_of(calm(sessions=sessions)) == "respect"


def test_learning_one_way_calls_for_an_open_mind() -> None:
    one_way = six(**{f"d{i}": {"they_learned": ""} for i in range(3, 7)})
    assert fit_of(calm(sessions=one_way)) == "open-mind"


def test_the_mid_point_review_when_it_is_due() -> None:
    p = calm(reviews=[], horizon={"start": "2026-09-07", "end": "2027-01-04",
                                  "midpoint_review": "2026-11-05"})  # fmt: skip
    assert fit_of(p) == "mid-point"


def test_feedback_every_third_session_for_the_right_side() -> None:
    held_five = six(**{f"d{i}": {"progress": {"ai": 3}} for i in range(1, 6)})[:5]
    reviewed = [{"date": "2026-10-19"}]
    p = calm(sessions=held_five, reviews=reviewed)
    assert fit_of(p, date(2026, 11, 3)) == "receiving-feedback"  # Helen is the mentee
    mentor = calm(sessions=held_five, reviews=reviewed, me={"name": "Sam", "side": "mentor"})
    assert fit_of(mentor, date(2026, 11, 3)) == "feedback-upward"
    assert fit_of(calm(), TODAY) is None  # seven sessions next: nothing stands out


def test_a_concluded_pairing_needs_no_guide() -> None:
    assert fit_of(calm(state="concluded")) is None


def test_prep_names_the_guide_for_the_moment(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("prep", EXAMPLE_SLUG)
    assert r.code == 0, r.err
    assert "A guide for this moment (the end of the cycle is near):\n" in r.out
    assert r.out.endswith("  revmentor guide closing helen-sam\n")
    markdown = cli("prep", "--markdown").out
    assert markdown.rstrip().endswith("`revmentor guide closing helen-sam`")


def test_prep_without_a_fitting_guide_has_no_guide_line() -> None:
    assert "revmentor guide" not in render_text(agenda(calm(), TODAY, slug="pair"))


def test_the_falling_pulse_nudge_points_to_its_guide() -> None:
    from revmentor.coach.nudges import nudges
    from revmentor.coach.status import status_report

    for principle in PRINCIPLES:
        sessions = six(d5={"pulse": {principle: 5}}, d6={"pulse": {principle: 2}})
        found = [n for n in nudges(status_report(calm(sessions=sessions), TODAY), every=True)]
        falling = next(n for n in found if n.id == "pulse-falling")
        assert f"`revmentor guide {principle.replace('_', '-')}`" in falling.text


def test_the_self_checks_toolkit_advice_points_to_the_guides() -> None:
    from revmentor.coach import selfcheck as sc

    toolkit = next(p for p in sc.load_parts() if p.id == "toolkit")
    steps = {q.id: q.step for q in toolkit.questions}
    assert "`revmentor guide`" in steps["guides"]
    assert "`revmentor guide onboarding`" in steps["checklists"]


# --- the list --------------------------------------------------------------------------


def test_the_list_groups_every_guide(cli: Cli) -> None:
    r = cli("guide")
    assert r.code == 0, r.err
    for group in DATA["groups"]:
        assert f"\n{group['title']}\n" in r.out
    for name in NAMES:
        assert re.search(rf"^  {name}  ", r.out, re.M), name
    assert "done" not in r.out and "← now" not in r.out  # no pairing, no progress
    assert max(len(line) for line in r.out.splitlines()) <= COLUMNS


def test_the_list_for_a_pairing_shows_progress_and_the_guide_for_now(
    cli: Cli, example_home: Path, today: Any
) -> None:
    today("2026-11-21")
    assert cli("guide", "closing", EXAMPLE_SLUG, "--tick", "1").code == 0
    for args in ((), (EXAMPLE_SLUG,)):
        r = cli("guide", *args)
        assert r.code == 0, r.err
        assert "helen-sam with Sam Rivera" in r.out
        assert re.search(r"^  closing .*1/5 done ← now$", r.out, re.M), r.out
        assert re.search(r"^  trust .*0/4 done$", r.out, re.M)


def test_the_list_as_json(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    data = json.loads(cli("guide", "--json").out)
    assert data["pairing"] == EXAMPLE_SLUG
    assert [g["name"] for g in data["guides"]] == NAMES
    assert set(data["guides"][0]) == {"name", "title", "moment", "group", "items", "done", "now"}
    assert [g["name"] for g in data["guides"] if g["now"]] == ["closing"]
    assert all(g["done"] == 0 for g in data["guides"])


def test_the_list_as_json_without_a_pairing(cli: Cli) -> None:
    data = json.loads(cli("guide", "--json").out)
    assert data["pairing"] is None
    assert all(g["done"] is None and g["now"] is False for g in data["guides"])


def test_list_view_at_80_columns() -> None:
    buf = io.StringIO()
    render_list(cg.listing(dict(READERS)["on-the-job/mentee"]), to_stream(buf, width=COLUMNS))
    lines = buf.getvalue().splitlines()
    assert max(len(line) for line in lines) <= COLUMNS
    assert any("SMART goals, when they drift" in line for line in lines)


# --- showing one -----------------------------------------------------------------------


def test_show_one_filled_in_for_the_only_pairing(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("guide", "mid-point")
    assert r.code == 0, r.err
    assert r.out.startswith("The mid-point review  ·  around halfway")
    assert "helen-sam with Sam Rivera · week 11 of 13, near the close · every two weeks" in r.out
    assert "genai-for-ops (1 → 3) · Relevant:" in r.out
    assert "revmentor guide mid-point helen-sam --tick N" in r.out


def test_with_several_pairings_a_guide_is_shown_for_anyone(
    cli: Cli, example_home: Path, today: Any
) -> None:
    (example_home / "pairings" / "other.yaml").write_text(
        example_path(example_home).read_text("utf-8"), "utf-8"
    )
    r = cli("guide", "trust")
    assert r.code == 0, r.err
    assert "Written for both of you" in r.out and "Sam Rivera" not in r.out
    assert "revmentor guide trust PAIRING" in r.out
    # Ticking needs one: without a terminal the error names them.
    ticked = cli("guide", "trust", "--tick", "1")
    assert ticked.code == 1 and "you have 2 pairings" in ticked.err


def test_one_guide_as_json(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    cli("guide", "trust", EXAMPLE_SLUG, "--tick", "3")
    data = json.loads(cli("guide", "trust", EXAMPLE_SLUG, "--json").out)
    assert data["pairing"] == EXAMPLE_SLUG
    assert data["checklist"][2] == {
        "n": 3,
        "id": "intent",
        "text": "Assume good intent; ask about a puzzling moment rather than guess.",
        "done": "2026-11-21",
    }
    assert data["checklist"][0]["done"] is None


def test_markdown_through_the_command(cli: Cli, example_home: Path, today: Any) -> None:
    today("2026-11-21")
    r = cli("guide", "first-meeting", EXAMPLE_SLUG, "--markdown")
    assert r.code == 0, r.err
    assert r.out.startswith("# The first meeting\n\n*Before or at your first session*\n")
    assert "1. [ ] Each of you says what you want to learn" in r.out


# --- ticking ---------------------------------------------------------------------------


def test_ticks_are_kept_in_the_pairing_file_and_shown_as_done(
    cli: Cli, example_home: Path, today: Any
) -> None:
    today("2026-11-20")
    path = example_path(example_home)
    comments = [line for line in path.read_text("utf-8").splitlines() if "#" in line]
    r = cli("guide", "first-meeting", EXAMPLE_SLUG, "--tick", "2", "--tick", "4")
    assert r.code == 0, r.err
    assert " ".join(r.out.split()) == (
        "Ticked 2: Settle the rhythm (every two weeks, 45 minutes) and who books each slot. "
        "Ticked 4: Agree what stays between you, in words you could both repeat. "
        "2 of 6 done on first-meeting for helen-sam."
    )
    data = yaml.safe_load(path.read_text("utf-8"))
    assert data["checklists"] == {
        "first-meeting": {"rhythm": date(2026, 11, 20), "confidentiality": date(2026, 11, 20)}
    }
    text = path.read_text("utf-8")
    assert all(c in text for c in comments)  # the hand-written comments stay
    assert len(Store().backups(EXAMPLE_SLUG)) == 1

    today("2026-11-21")
    shown_now = cli("guide", "first-meeting", EXAMPLE_SLUG).out
    assert " 2. [x] Settle the rhythm (every two weeks, 45 minutes) and who books each" in shown_now
    assert "(20 Nov)" in shown_now and " 1. [ ] Each of you" in shown_now
    assert "Checklist  2/6 done" in shown_now


def test_untick_and_the_last_untick_leaves_no_trace(
    cli: Cli, example_home: Path, today: Any
) -> None:
    today("2026-11-21")
    path = example_path(example_home)
    original = path.read_text("utf-8")
    cli("guide", "trust", EXAMPLE_SLUG, "--tick", "1")
    r = cli("guide", "trust", EXAMPLE_SLUG, "--untick", "1", "--untick", "2")
    assert r.code == 0, r.err
    assert r.out.splitlines() == [
        "Unticked 1: Keep one small promise before the next session.",
        "2 was not ticked: Each of you admits one thing you don't know.",
        "0 of 4 done on trust for helen-sam.",
    ]
    assert path.read_text("utf-8") == original


def test_ticking_twice_changes_nothing_the_second_time(
    cli: Cli, example_home: Path, today: Any
) -> None:
    today("2026-11-21")
    cli("guide", "trust", EXAMPLE_SLUG, "--tick", "1")
    before = Snapshot.of(example_home)
    r = cli("guide", "trust", EXAMPLE_SLUG, "--tick", "1")
    assert r.code == 0 and r.out.startswith("1 was already ticked: Keep one small promise")
    assert before.changes(Snapshot.of(example_home)) == []


def test_every_guide_can_be_ticked_through_the_store(home: Path, today: Any) -> None:
    from revmentor.wizard import guides as service

    st = Store(home)
    for kind in ("reverse-mentoring", "on-the-job"):
        for side in ("mentor", "mentee"):
            slug = f"{kind}-{side}"
            st.create(slug, pairing_for(kind, side))
            for name in NAMES:
                total = len(cg.fill(name, cg.reader(slug, st.read(slug), TODAY)).checklist)
                done = service.tick(st, name, slug, TODAY, ["1", str(total)], [])
                assert done.guide.done == 2, (slug, name)
            assert set(st.read(slug).checklists or {}) == set(NAMES)


def test_an_old_file_without_ticks_reads_and_a_bad_hand_edit_is_reported(
    cli: Cli, example_home: Path
) -> None:
    path = example_path(example_home)
    assert Store().read(EXAMPLE_SLUG).checklists is None
    path.write_text(path.read_text("utf-8") + "checklists:\n  trust:\n    Admit: 2026-11-20\n")
    before = Snapshot.of(example_home)
    r = cli("guide", "trust", EXAMPLE_SLUG, "--tick", "1")
    assert r.code == 1
    assert re.match(r"Error: .*helen-sam\.yaml:\d+: checklists\.trust\.Admit", r.err), r.err
    assert before.changes(Snapshot.of(example_home)) == []


BAD = [
    (["guide", "nosuch", EXAMPLE_SLUG], "no guide called 'nosuch'"),
    (["guide", "trusst", EXAMPLE_SLUG, "--tick", "1"], "no guide called 'trusst'"),
    (["guide", "trust", "nobody", "--tick", "1"], "no pairing called 'nobody'"),
    (["guide", "trust", "Not A Slug"], "'Not A Slug' is not a pairing name"),
    (["guide", "trust", EXAMPLE_SLUG, "--tick", "0"], "--tick 0: there is no item 0"),
    (["guide", "trust", EXAMPLE_SLUG, "--tick", "5"], "--tick 5: there is no item 5"),
    (["guide", "trust", EXAMPLE_SLUG, "--tick", "two"], "--tick two: not an item number"),
    (["guide", "trust", EXAMPLE_SLUG, "--tick", "-1"], "--tick -1: not an item number"),
    (["guide", "trust", EXAMPLE_SLUG, "--untick", "1.5"], "--untick 1.5: not an item number"),
    (["guide", "trust", EXAMPLE_SLUG, "--tick", "1", "--tick", "9"], "--tick 9: there is no"),
    (["guide", "trust", EXAMPLE_SLUG, "--tick", "2", "--untick", "2"], "both --tick and --untick"),
    (["guide", "trust", EXAMPLE_SLUG, "-i"], "choosing items to tick needs a terminal"),
    (["guide", "trust", EXAMPLE_SLUG, "-i", "--tick", "1"], "choose --interactive, or --tick"),
    (["guide", "--tick", "1"], "--tick needs a guide"),
    (["guide", "--markdown"], "--markdown needs a guide"),
    (["guide", "trust", "--markdown", "--json"], "choose one of --markdown and --json"),
    (["guide", "trust", EXAMPLE_SLUG, "--json", "--tick", "1"], "--json shows a guide"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a[1:]) for a, _ in BAD])
def test_bad_input_is_one_line_exit_1_and_no_change(
    cli: Cli, example_home: Path, args: list[str], message: str
) -> None:
    before = Snapshot.of(example_home)
    r = cli(*args)
    assert r.code == 1, r.output
    first = r.err.splitlines()[0]
    assert first.startswith("Error: ") and message in first, r.err
    assert "Traceback" not in r.output and r.out == ""
    assert before.changes(Snapshot.of(example_home)) == []


def test_an_unknown_guide_suggests_the_nearest(cli: Cli) -> None:
    r = cli("guide", "trusst")
    assert r.code == 1 and "Did you mean 'trust'?" in r.err


def test_a_concluded_pairing_is_read_only(cli: Cli, example_home: Path) -> None:
    path = example_path(example_home)
    path.write_text(path.read_text("utf-8").replace("state: active", "state: concluded"))
    before = Snapshot.of(example_home)
    r = cli("guide", "closing", EXAMPLE_SLUG, "--tick", "1")
    assert r.code == 1 and "is concluded, so it is read-only" in r.err
    assert before.changes(Snapshot.of(example_home)) == []
    assert cli("guide", "closing", EXAMPLE_SLUG).code == 0  # reading is still fine


def test_help_has_examples(cli: Cli) -> None:
    r = cli("guide", "--help")
    assert r.code == 0
    assert "revmentor guide first-meeting helen-sam --tick 2" in r.out
    assert "--interactive" in r.out and "--markdown" in r.out and "--json" in r.out


def test_a_session_logged_ahead_is_not_held_yet() -> None:
    p = make(sessions=[session("2026-12-01")])
    assert fit_of(p, date(2026, 11, 21)) == "first-meeting"

"""The Markdown export: valid CommonMark, escaped user text, sections, golden copy.

The golden copy examples/helen-sam.md is the example pairing exported on 2026-11-21.
When the export changes on purpose, refresh it with:

    REVMENTOR_UPDATE_GOLDEN=1 /work/venv/bin/python -m pytest tests/test_export_markdown.py

and read the diff before keeping it.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from revmentor.coach.learned import learned_so_far
from revmentor.model import Context, Gap, Goal, Horizon, Pairing, Person, Scan
from revmentor.store import parse
from revmentor.views.exporters import Options, find
from revmentor.views.exporters import markdown as markdown_mod
from revmentor.views.exporters.markdown import CheckRow, md, md_quote
from tests.conftest import EXAMPLE_SLUG, EXAMPLES, ROOT, Result
from tests.strategies import pairings

GOLDEN = ROOT / "examples" / "helen-sam.md"
TODAY = date(2026, 11, 21)
EXAMPLE_FILE = EXAMPLES / "pairings" / f"{EXAMPLE_SLUG}.yaml"

CLI = Callable[..., Result]


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def example() -> Pairing:
    return parse(EXAMPLE_FILE.read_text(encoding="utf-8"), EXAMPLE_FILE)[1]


def render(p: Pairing, **kw: Any) -> str:
    return find("markdown").render(p, EXAMPLE_SLUG, Options(today=TODAY, **kw))


def plain(inline: Token) -> str:
    """What a reader sees of an inline token: its text, escapes resolved."""
    return "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [
        (tok.tag, plain(tokens[i + 1]))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def flat(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        out.append(tok)
        if tok.children:
            out.extend(flat(tok.children))
    return out


def shape(text: str) -> Counter[str]:
    """Every structural token, counted; text itself does not count."""
    return Counter(
        f"{t.type}:{t.tag}"
        for t in flat(parser().parse(text))
        if t.type not in ("text", "softbreak", "inline")
    )


# --- golden copy and CommonMark structure -----------------------------------------


def test_golden_copy_of_the_example_is_current(
    cli: CLI, example_home: Path, today: Callable[[str], None]
) -> None:
    today(TODAY.isoformat())
    r = cli("export", EXAMPLE_SLUG)
    assert r.code == 0, r.err
    if os.environ.get("REVMENTOR_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(r.out, encoding="utf-8")
    assert GOLDEN.exists(), "run with REVMENTOR_UPDATE_GOLDEN=1 to create the golden copy"
    assert r.out == GOLDEN.read_text(encoding="utf-8"), (
        "examples/helen-sam.md is out of date: if the change is intended, rerun with "
        "REVMENTOR_UPDATE_GOLDEN=1 and review the diff"
    )


def test_a_single_session_is_counted_in_the_singular() -> None:
    p = example()
    one = p.model_copy(update={"sessions": p.sessions[:1]})
    assert "; 1 session logged" in render(one)
    assert f"; {len(p.sessions)} sessions logged" in render(p)


def test_full_export_has_every_section_as_commonmark_headings() -> None:
    tokens = parser().parse(render(example()))
    found = headings(tokens)
    assert found[0] == ("h1", "Reverse-mentoring plan: Helen Okafor and Sam Rivera")
    h2 = [text for tag, text in found if tag == "h2"]
    assert h2 == [
        "At a glance",
        "Goals",
        "The ask",
        "Ground rules",
        "Timeline",
        "Session log",
        "Goal reviews",
        "What we have learned so far",
    ]
    sessions = [text for tag, text in found if tag == "h3" and text.startswith("2026-")]
    assert sessions == [
        "2026-09-08 · 45 minutes",
        "2026-09-22 · 50 minutes",
        "2026-10-06 · 45 minutes",
        "2026-10-20 · 60 minutes",
        "2026-11-03 · 45 minutes",
    ]


def table_rows(tokens: list[Token]) -> list[list[list[str]]]:
    """Each table as rows of cell texts (header row first)."""
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            tables.append([])
        elif tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            row.append(plain(tokens[i + 1]) if tokens[i + 1].type == "inline" else "")
        elif tok.type == "tr_close":
            tables[-1].append(row)
    return tables


def test_tables_parse_with_the_expected_columns_and_rows() -> None:
    tables = table_rows(parser().parse(render(example())))
    glance, goals, timeline, review = tables
    assert glance[0] == ["", "Helen Okafor", "Sam Rivera"]
    assert [r[0] for r in glance[1:]] == ["Role", "Generation", "Background", "Offers"]
    assert goals[0] == ["#", "Goal", "Owner", "REAL", "Baseline", "Latest", "Status"]
    assert len(goals) == 4
    # Latest rating comes from the last session that rated the goal.
    assert goals[1][4:] == ["1", "3 (session 2026-11-03)", "active"]
    assert goals[3][5] == "4 (session 2026-11-03)"
    assert timeline[0] == ["Date", "Week", "What"]
    assert [r[0][:10] for r in timeline[1:]] == [
        "2026-09-07",
        "2026-09-21",
        "2026-10-05",
        "2026-10-19",
        "2026-11-02",
        "2026-11-16",
        "2026-11-30",
        "2026-12-07",
    ]
    assert timeline[4][2] == "Session 4; mid-point review"
    assert timeline[-1][2] == "horizon end: wrap up"
    assert review[0] == ["Goal", "Rating", "Decision", "Detail"]
    assert [r[2] for r in review[1:]] == ["keep", "reword", "keep"]


def test_latest_rating_falls_back_to_the_review_when_no_session_rated_the_goal() -> None:
    p = example()
    for s in p.sessions:
        s.progress = {}
    goals = table_rows(parser().parse(render(p)))[1]
    assert goals[1][5] == "3 (review 2026-10-20)"


def test_goal_checks_show_the_real_verdict_and_its_suggestions() -> None:
    from revmentor.coach.real import check_real

    p = example()
    text = render(p)
    for goal in p.goals:
        if goal.owner == "partner":
            # Coaching on the partner's own wording is not for a shared document.
            assert f"Try: {md(check_real(goal.text).checks['experimental'].suggestion)}" not in text
            continue
        verdict = check_real(goal.text)
        words = "; ".join(
            f"{markdown_mod.check_label(k)} {'yes' if c.ok else 'not yet'}"
            for k, c in verdict.checks.items()
        )
        assert f"- **REAL check:** {words}\n" in text
        for check in verdict.checks.values():
            if not check.ok:
                assert f"{md(check.why)} Try: {md(check.suggestion)}" in text
    assert "Relevant yes" in text


# --- sections and privacy ------------------------------------------------------------


def test_plan_section_leaves_out_the_log_reviews_and_summary() -> None:
    text = render(example(), section="plan")
    h2 = [t for tag, t in headings(parser().parse(text)) if tag == "h2"]
    assert h2 == ["At a glance", "Goals", "The ask", "Ground rules", "Timeline"]
    assert "makes up numbers" not in text
    assert "The plan for the pairing" in text


def test_private_notes_only_with_include_private() -> None:
    note = "I was nervous about looking out of date"
    assert note not in render(example())
    assert note in render(example(), include_private=True)
    assert note not in render(example(), section="plan", include_private=True)


def on_the_job() -> Pairing:
    return Pairing(
        kind="on-the-job",
        created=date(2026, 9, 1),
        partner=Person(name="Ravi"),
        horizon=Horizon(start=date(2026, 9, 7), end=date(2026, 12, 7)),
        context=Context(situation="handover", description="Ravi retires in March"),
        scan=Scan(
            role_requirements=["run the supplier review"],
            current_skills=["contract basics"],
            gaps=[Gap(id="suppliers", text="Supplier negotiation", priority="high")],
        ),
        goals=[
            Goal(
                id="negotiate",
                text="Lead two supplier reviews by January with Ravi observing",
                gap="Supplier negotiation",
                practice=["prepare the agenda", "lead the pricing part"],
                feedback_from="Ravi",
                feedback_when="right after each review",
                target_date=date(2027, 1, 31),
            )
        ],
    )


def test_on_the_job_plan_shows_context_gaps_and_practice_instead_of_the_ask() -> None:
    text = render(on_the_job(), section="plan")
    h2 = [t for tag, t in headings(parser().parse(text)) if tag == "h2"]
    assert h2 == ["At a glance", "Context", "Learning gaps", "Goals", "Ground rules", "Timeline"]
    assert text.startswith("# On-the-job learning plan")
    assert "| Supplier negotiation | high |" in text
    assert "**Practice:** prepare the agenda; lead the pricing part" in text
    assert "\n- **Feedback:** Ravi (right after each review)\n" in text
    assert "\n- **Target date:** 2027-01-31\n" in text
    assert "| Details | not written down yet | not written down yet |" in text
    assert "- **Sides:** mutual: both learn and both teach.\n" in text
    # The plan is for both people: no coaching verdicts, no internal ids.
    assert "SMART" not in text
    assert "negotiate" not in text
    assert "SMART check" in render(on_the_job())


# --- escaping --------------------------------------------------------------------------

NASTY = [
    "Sam | Rivera | #1",
    "# Not a heading",
    "<script>alert('x')</script>",
    "`code` and ``more``",
    "*bold* and _it_ and __strong__",
    "[a link](http://example.com) ![img](x.png)",
    "line one\nline two\n# heading\n| a | b |\n|---|---|",
    "> quoted\n- listed\n1. numbered\n---\n===",
    "    indented code",
    "&amp; &#35; &copy; \\ trailing\\",
    "~~struck~~ <b>bold</b> <http://auto.link>",
    "1) first",
    "+ plus",
    "Ends with #",
]

FREE_TEXT = {
    "name", "role", "generation", "background", "offers", "text", "why", "topic",
    "wording", "channel", "between_sessions", "confidentiality", "feedback", "scheduling",
    "topics", "i_learned", "they_learned", "next_steps", "private_note", "note", "reason",
    "added", "description", "worked", "awkward", "practice", "feedback_from",
    "feedback_when", "previous", "role_requirements", "current_skills",
}  # fmt: skip
# Fields the file format keeps to one line: their hostile text has no line breaks.
ONE_LINE = {"name", "role", "generation", "background", "offers", "topic", "topics", "added"}


def replace_text(data: Any, make: Callable[[], str], key: str = "") -> Any:
    if isinstance(data, dict):
        return {k: replace_text(v, make, k) for k, v in data.items()}
    if isinstance(data, list):
        return [replace_text(v, make, key) for v in data]
    if isinstance(data, str) and key in FREE_TEXT:
        return make().replace("\n", " ") if key in ONE_LINE else make()
    return data


def rewritten(p: Pairing, words: list[str]) -> Pairing:
    counter = iter(range(10**6))

    def make() -> str:
        return words[next(counter) % len(words)]

    return Pairing.model_validate(replace_text(p.to_data(), make))


@pytest.mark.parametrize("maker", [example, on_the_job], ids=["example", "on-the-job"])
def test_hostile_text_cannot_change_the_document_structure(
    maker: Callable[[], Pairing], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The goal check's verdict depends on the wording; hold it fixed, quoting the
    # wording back, so only escaping can make the two documents differ.
    def fixed(p: Pairing, goal: Goal) -> tuple[str, list[CheckRow]]:
        return "REAL", [CheckRow("Relevant", False, f"“{goal.text}”", goal.text)]

    monkeypatch.setattr(markdown_mod, "_checks", fixed)
    benign = render(rewritten(maker(), ["plain words"]), include_private=True)
    hostile = render(rewritten(maker(), NASTY), include_private=True)
    assert shape(hostile) == shape(benign)
    html = parser().render(hostile)
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_hostile_names_appear_as_typed() -> None:
    p = example()
    p.partner.name = "Sam | #1 <b>"
    tokens = parser().parse(render(p))
    assert table_rows(tokens)[0][0] == ["", "Helen Okafor", "Sam | #1 <b>"]


def test_md_escapes_each_special_character() -> None:
    assert md("a|b") == "a\\|b"
    assert md("# x") == "\\# x"
    assert md("x #") == "x \\#"
    assert md("C#") == "C#"
    assert md("<script>") == "&lt;script>"
    assert md("~~x~~") == "&#126;&#126;x&#126;&#126;"
    assert md("{: .x}") == "\\{: .x\\}"
    assert md("= x") == "&#61; x"
    assert md("`x`") == "\\`x\\`"
    assert md("*x* _y_") == "\\*x\\* \\_y\\_"
    assert md("[a](b)") == "\\[a\\](b)"
    assert md("one\ntwo") == "one two"
    assert md("- item") == "\\- item"
    assert md("12. item") == "12\\. item"
    assert md("&amp;") == "&amp;amp;"
    assert md("R&D") == "R&D"
    assert md(None) == ""
    assert md_quote("a\n\n# b") == "> a\n>\n> \\# b"


def inline_text(text: str, in_table: bool) -> str:
    source = f"| h |\n| --- |\n| {text} |\n" if in_table else text
    tokens = parser().parse(source)
    inline = [t for t in tokens if t.type == "inline"][-1 if in_table else 0]
    children = inline.children or []
    assert {c.type for c in children} <= {"text", "softbreak"}, children
    return "".join(c.content for c in children)


printable = st.text(
    st.characters(
        min_codepoint=32,
        max_codepoint=0x2FFF,
        # Bidirectional controls are shown as visible codes on purpose (see
        # test_export_trust), so they do not read back as typed.
        blacklist_categories=("Cs", "Cc"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")


@settings(max_examples=300, deadline=None)
@given(s=printable)
def test_escaped_text_reads_back_as_typed_in_a_paragraph_and_a_cell(s: str) -> None:
    expected = " ".join(s.split())
    assert inline_text(md(s), in_table=False) == expected
    assert inline_text(md(s), in_table=True) == expected


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(p=pairings())
def test_any_valid_pairing_exports_as_parseable_markdown(p: Pairing) -> None:
    text = render(p, include_private=True)
    tokens = parser().parse(text)
    h2 = [t for tag, t in headings(tokens) if tag == "h2"]
    assert h2[:2] == ["At a glance", "Goals"] or h2[:2] == ["At a glance", "Context"]
    assert "Session log" in h2
    assert not [t for t in flat(tokens) if t.type in ("html_block", "html_inline")]


# --- templates --------------------------------------------------------------------------


def test_a_users_template_sees_the_pairing_and_the_filters(
    cli: CLI, example_home: Path, tmp_path: Path
) -> None:
    tpl = tmp_path / "mine.md.j2"
    tpl.write_text(
        "# {{ partner_name|md }}\n{{ sessions|length }} sessions, {{ planned }} planned\n",
        encoding="utf-8",
    )
    r = cli("export", "--template", str(tpl))
    assert r.code == 0, r.err
    assert r.out == "# Sam Rivera\n5 sessions, 7 planned\n"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{% if %}", "mine.md.j2:1: template error"),
        ("{{ nothing_here }}", "template error"),
        ("{{ p.__class__.__mro__ }}", "template error"),
    ],
)
def test_a_broken_template_is_a_clear_error(
    cli: CLI, example_home: Path, tmp_path: Path, source: str, message: str
) -> None:
    tpl = tmp_path / "mine.md.j2"
    tpl.write_text(source, encoding="utf-8")
    r = cli("export", "--template", str(tpl))
    assert r.code == 1
    assert r.err.startswith("Error: ")
    assert message in r.err
    assert "Traceback" not in r.err


def test_a_missing_template_is_a_clear_error(cli: CLI, example_home: Path) -> None:
    r = cli("export", "--template", "/nonexistent/x.j2")
    assert r.code == 1
    assert "no template at /nonexistent/x.j2" in r.err


# --- what we have learned so far, and speed ----------------------------------------------


def test_learned_so_far_counts_both_sides_and_topics() -> None:
    p = example()
    p.sessions[1].topics.append("Ground  RULES")  # same topic, other spelling
    learned = learned_so_far(p)
    assert learned.sessions == 5
    assert len(learned.i_learned) == 5
    assert len(learned.they_learned) == 4
    assert (learned.both, learned.only_me, learned.only_partner, learned.neither) == (4, 1, 0, 0)
    assert learned.mutuality == "mutual"
    assert learned.topics[0].text == "ground rules"
    assert learned.topics[0].count == 2
    assert learned.topics[0].first == date(2026, 9, 8)
    assert learned_so_far(p, since=date(2026, 10, 1)).sessions == 3


def test_learned_so_far_notices_one_way_learning() -> None:
    p = example()
    for s in p.sessions:
        s.they_learned = ""
    assert learned_so_far(p).mutuality == "mostly-me"
    text = render(p)
    assert "Learning runs mostly one way" in text
    for s in p.sessions:
        s.i_learned = ""
    assert learned_so_far(p).mutuality == "not-yet"


def test_a_500_session_pairing_exports_quickly() -> None:
    p = example()
    base = p.sessions[-1]
    start = date(2020, 1, 6)
    p.sessions = [
        base.model_copy(update={"date": start + timedelta(days=7 * i)}) for i in range(500)
    ]
    render(p)  # the first render pays for compiling the template
    began = time.perf_counter()
    text = render(p)
    elapsed = time.perf_counter() - began
    assert text.count("\n### 20") == 500
    assert elapsed < 1.0, f"took {elapsed:.2f}s"

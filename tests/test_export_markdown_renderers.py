"""The Markdown export as the programs that publish it read it.

markdown-it-py (CommonMark with GFM tables, as GitHub and most editors read it) and
Python-Markdown (MkDocs, Pelican; with the tables and attr_list extensions MkDocs sites
turn on) must agree: the same headings, lists nested the same way, the same table cells,
every piece of user text shown as typed and none of it turned into a tag.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt

from revmentor.model import Goal, HistoryEntry, Review, ReviewEntry
from revmentor.views.exporters.markdown import md
from tests.test_export_markdown import NASTY, example, printable, render, rewritten


def by_markdown_it(text: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def by_python_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list"])


RENDERERS = [by_markdown_it, by_python_markdown]


class Outline(HTMLParser):
    """What a reader sees: the element tree (tags, nesting) and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.depth = 0
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(f"{'.' * self.depth}{tag}")
        self.attrs.extend(attrs)
        if tag not in ("br", "hr"):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def outline(html: str) -> Outline:
    found = Outline()
    found.feed(html)
    found.close()
    return found


def cell_text(render_html: str) -> str:
    return " ".join("".join(outline(render_html).text).split())


@pytest.mark.parametrize("render_with", RENDERERS, ids=lambda f: f.__name__)
def test_hostile_text_keeps_the_document_shape_in_every_renderer(render_with: object) -> None:
    benign = outline(render_with(render(rewritten(example(), ["plain words"]))))  # type: ignore[operator]
    hostile_html = render_with(render(rewritten(example(), NASTY)))  # type: ignore[operator]
    hostile = outline(hostile_html)
    assert hostile.tags == benign.tags
    assert "<script" not in hostile_html
    assert "<b>" not in hostile_html
    assert hostile.attrs == benign.attrs == []


def test_the_two_renderers_build_the_same_outline() -> None:
    text = render(example())
    a, b = (outline(f(text)) for f in RENDERERS)
    # Python-Markdown wraps no <p> in a tight list item either; only whitespace differs.
    assert a.tags == b.tags


@pytest.mark.parametrize("render_with", RENDERERS, ids=lambda f: f.__name__)
def test_learned_lately_lists_stay_nested(render_with: object) -> None:
    tags = outline(render_with(render(example()))).tags  # type: ignore[operator]
    nested = [t for t in tags if t.endswith("li") and t.startswith("...")]
    assert len(nested) == 6


@settings(max_examples=150, deadline=None)
@given(s=printable.map(lambda s: s[:30]))
def test_escaped_text_reads_as_typed_in_both_renderers(s: str) -> None:
    expected = " ".join(s.split())
    for render_with in RENDERERS:
        paragraph = render_with(f"Text: {md(s)}")
        assert cell_text(paragraph) == f"Text: {expected}", render_with.__name__
        table = render_with(f"| h | i |\n| --- | --- |\n| {md(s)} | x |\n")
        cells = outline(table)
        assert cells.tags.count("...td") == 2, (render_with.__name__, table)
        assert cell_text(table) == f"h i {expected} x", render_with.__name__


def test_the_plan_for_the_partner_has_no_ids_and_no_coaching_on_their_goal() -> None:
    p = example()
    text = render(p, section="plan")
    for goal in p.goals:
        assert goal.id not in text
    assert "REAL" not in text
    assert "not yet" not in text
    assert "Try:" not in text
    # Whose goal each is, by name, as a document for two people says it.
    assert "| 1 | Learn to use generative AI tools" in text
    assert "| Helen Okafor |" in text and "| Sam Rivera |" in text


def test_reviews_show_the_wording_a_goal_had_then() -> None:
    p = example()
    goal = Goal(
        id="ask-better",
        text="Ask Sam three open questions in every session, and note what I learn",
        history=[
            HistoryEntry(date=date(2026, 9, 7), event="created"),
            HistoryEntry(
                date=date(2026, 10, 20),
                event="reworded",
                previous="Ask better questions",
                text="Ask open questions in every session",
            ),
            HistoryEntry(
                date=date(2026, 11, 3),
                event="reworded",
                previous="Ask open questions in every session",
                text="Ask Sam three open questions in every session, and note what I learn",
            ),
        ],
    )
    p.goals.append(goal)
    p.reviews = [
        Review(date=date(2026, 10, 1), entries=[ReviewEntry(goal="ask-better", rating=2)]),
        Review(
            date=date(2026, 10, 20),
            entries=[
                ReviewEntry(
                    goal="ask-better",
                    decision="reword",
                    text="Ask open questions in every session",
                )
            ],
        ),
        Review(date=date(2026, 11, 10), entries=[ReviewEntry(goal="ask-better", rating=4)]),
    ]
    text = render(p)
    reviews = text[text.index("## Goal reviews") :]
    rows = [line for line in reviews.splitlines() if line.startswith("| Ask")]
    assert rows[0].startswith("| Ask better questions | 2 | keep |")
    assert rows[1].startswith("| Ask better questions | - | reword | New wording: Ask open")
    assert rows[2].startswith("| Ask Sam three open questions in every session, and note")

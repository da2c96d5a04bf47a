"""The results of `revmentor search`: one row per matching line, the match highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.content import load
from revmentor.views.console import err, out
from revmentor.views.text import clean

if TYPE_CHECKING:
    from rich.text import Text

    from revmentor.coach.search import Hit

HIGHLIGHT = "bold reverse"


def _words() -> dict[str, dict[str, str]]:
    words: dict[str, dict[str, str]] = load("search.yaml")
    return words


def label(hit: Hit) -> str:
    name = _words()["fields"].get(hit.field, hit.field)
    return f"{name} [{hit.goal}]" if hit.goal else name


def marked(hit: Hit) -> Text:
    """The line, with each match in the highlight style."""
    from rich.text import Text

    line = Text(clean(hit.line))
    for start, end in hit.spans:
        line.stylize(HIGHLIGHT, start, end)
    return line


def render_hits(text: str, hits: list[Hit], *, include_private: bool) -> None:
    con = out()
    shown = _words()["shown"]
    if not hits:
        key = "none" if include_private else "none_private"
        con.print(shown[key].format(text=clean(text.strip())), markup=False)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in ("pairing", "date", "field", "line"):
        table.add_column(col, overflow="fold")
    for hit in hits:
        table.add_row(clean(hit.pairing), hit.date.isoformat(), clean(label(hit)), marked(hit))
    con.print(table)
    pairings = len({h.pairing for h in hits})
    counted = shown["count"].format(hits=_many(len(hits), "match", "matches"),
                                    pairings=_many(pairings, "pairing", "pairings"))
    con.print(counted, markup=False)


def _many(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def json_rows(hits: list[Hit]) -> list[dict[str, object]]:
    return [
        {
            "pairing": h.pairing,
            "date": h.date.isoformat(),
            "field": h.field,
            "label": label(h),
            "goal": h.goal,
            "line": h.line,
            "matches": [list(s) for s in h.spans],
        }
        for h in hits
    ]


def render_unreadable(slugs: list[str]) -> None:
    for slug in slugs:
        err().print(_words()["shown"]["unreadable"].format(slug=clean(slug)), markup=False)

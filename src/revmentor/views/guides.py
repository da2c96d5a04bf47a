"""Conversation guides in the terminal (through rich) and as Markdown.

A guide is a card: at most 80 columns wide however wide the terminal, so it reads the
same on every screen and prints cleanly. Every piece of text goes in as a rich `Text`,
never as markup, so a name like `[bold]` prints as typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.coach.status import short_date

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from revmentor.coach.guides import Change, Filled, Item, Listing

WIDTH = 80


def _console(console: Console | None) -> Console:
    if console is not None:
        return console
    from revmentor.views.console import out

    return out()


def _width(con: Console) -> int:
    return min(con.width, WIDTH)


def _rows(rows: list[tuple[str, str]], *, indent: int = 2) -> RenderableType:
    """Marker and text side by side, the text wrapping under itself."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold", ratio=1)
    for mark, text in rows:
        table.add_row(Text(mark, style="dim"), Text(text))
    return Padding(table, (0, 0, 0, indent))


def _mark(item: Item) -> str:
    return f"{item.n:>2}. [{'x' if item.done else ' '}]"


def _done_on(item: Item, guide: Filled) -> str:
    if item.done is None or guide.today is None:
        return ""
    return f" ({short_date(item.done, guide.today)})"


def render(guide: Filled, console: Console | None = None) -> None:
    """The guide as a card; the caller filled it with user text passed through `clean`."""
    from rich.text import Text

    from revmentor.coach.guides import load

    con = _console(console)
    width = _width(con)
    sections = load()["sections"]

    def show(renderable: RenderableType) -> None:
        con.print(renderable, width=width)

    title = Text(guide.title, style="bold")
    moment = f"  ·  {guide.moment}"
    if title.cell_len + Text(moment).cell_len <= width:
        title.append(moment, style="dim")
        show(title)
    else:
        show(title)
        show(Text(guide.moment[:1].upper() + guide.moment[1:], style="dim"))
    show(Text(guide.about, style="dim"))
    show(Text(""))
    show(Text(guide.intro))
    for block in guide.blocks:
        show(Text(""))
        show(Text(block.title, style="bold"))
        show(_rows([("-", f"“{line}”" if block.said else line) for line in block.lines]))
    show(Text(""))
    head = Text(sections["checklist"], style="bold")
    if guide.pairing is not None:
        head.append(f"  {guide.done}/{len(guide.checklist)} done", style="dim")
    show(head)
    show(_rows([(_mark(i), i.text + _done_on(i, guide)) for i in guide.checklist], indent=0))
    show(Text(""))
    show(Text(guide.footer, style="dim"))


def render_markdown(guide: Filled) -> str:
    """The guide as Markdown; the caller filled it with user text escaped for Markdown."""
    from revmentor.coach.guides import load

    sections = load()["sections"]
    moment = guide.moment[:1].upper() + guide.moment[1:]
    out = [f"# {guide.title}", "", f"*{moment}*", "", guide.about, "", guide.intro]
    for block in guide.blocks:
        out += ["", f"## {block.title}", ""]
        out += [f"- “{line}”" if block.said else f"- {line}" for line in block.lines]
    head = sections["checklist"]
    if guide.pairing is not None:
        head += f" ({guide.done}/{len(guide.checklist)} done)"
    out += ["", f"## {head}", ""]
    out += [
        f"{i.n}. [{'x' if i.done else ' '}] {i.text}{_done_on(i, guide)}" for i in guide.checklist
    ]
    return "\n".join(out) + "\n"


def render_list(listing: Listing, console: Console | None = None) -> None:
    """Every guide by group, with progress and the one for now when a pairing is known."""
    from rich.table import Table
    from rich.text import Text

    from revmentor.coach.guides import load

    con = _console(console)
    width = _width(con)
    words = load()["words"]
    head = Text(words["listing_title"], style="bold")
    if listing.about:
        head.append(f"  ·  {listing.about}", style="dim")
    con.print(head, width=width)
    for group in listing.groups:
        con.print(Text(""), width=width)
        con.print(Text(group.title, style="bold"), width=width)
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold", ratio=1)
        table.add_column(no_wrap=True)
        for e in group.entries:
            state = Text("")
            if e.done is not None:
                state.append(words["done"].format(done=e.done, total=e.items), style="dim")
            if e.now:
                state.append(f" {words['now']}", style="bold magenta")
            table.add_row(Text(f"  {e.name}"), Text(e.title), state)
        con.print(table, width=width)
    con.print(Text(""), width=width)
    con.print(Text(words["listing_hint"], style="dim"), width=width)


def listing_json(listing: Listing) -> str:
    """The list for scripts: one object per guide; `done` is null without a pairing."""
    import json

    rows = [
        {
            "name": e.name,
            "title": e.title,
            "moment": e.moment,
            "group": e.group,
            "items": e.items,
            "done": e.done,
            "now": e.now,
        }
        for g in listing.groups
        for e in g.entries
    ]
    return json.dumps({"pairing": listing.pairing, "guides": rows}, indent=2, ensure_ascii=False)


def guide_json(guide: Filled) -> str:
    import json

    data = {
        "name": guide.name,
        "title": guide.title,
        "moment": guide.moment,
        "pairing": guide.pairing,
        "checklist": [
            {
                "n": i.n,
                "id": i.id,
                "text": i.text,
                "done": None if i.done is None else i.done.isoformat(),
            }
            for i in guide.checklist
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def render_ticked(
    guide: Filled, changes: tuple[Change, ...], console: Console | None = None
) -> None:
    from rich.text import Text

    from revmentor.coach.guides import load

    con = _console(console)
    width = _width(con)
    words = load()["words"]
    for change in changes:
        line = words[change.what].format(n=change.item.n, text=change.item.text)
        con.print(Text(line), width=width)
    summary = words["progress"].format(
        done=guide.done, total=len(guide.checklist), name=guide.name, pairing=guide.pairing
    )
    con.print(Text(summary, style="bold"), width=width)

"""`revmentor guide`: which guide and pairing are meant, and ticking a checklist.

Ticks are saved through the store: under the pairing's lock, from its latest version,
so two changes at once never undo each other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from revmentor.coach import guides as cg
from revmentor.errors import BadInput, NeedsTerminal
from revmentor.store import Store, check_slug

COMMAND = "revmentor guide"

Format = Literal["text", "markdown", "json"]


def _markdown(text: str) -> str:
    from revmentor.views.prep import md

    return md(text)


def _terminal(text: str) -> str:
    from revmentor.views.text import clean

    return clean(text)


def _as_is(text: str) -> str:
    return text


# How text from the pairing is made safe in each format (JSON escapes for itself).
ESCAPES: dict[str, cg.Escape] = {"text": _terminal, "markdown": _markdown, "json": _as_is}

# Item numbers to tick and untick, worked out from the guide as it stands under the lock.
Choose = Callable[[cg.Filled], tuple[list[int], list[int]]]


@dataclass(frozen=True)
class Request:
    """What `revmentor guide [NAME] [PAIRING]` was asked, flags included."""

    name: str | None = None
    pairing: str | None = None
    fmt: Format = "text"
    tick: tuple[str, ...] = ()
    untick: tuple[str, ...] = ()
    choose: bool = False  # tick from a list in the terminal

    @property
    def changes(self) -> bool:
        return bool(self.tick or self.untick or self.choose)


@dataclass(frozen=True)
class Shown:
    guide: cg.Filled
    fmt: Format


@dataclass(frozen=True)
class Ticked:
    guide: cg.Filled  # as saved
    changes: tuple[cg.Change, ...]


@dataclass(frozen=True)
class Listed:
    listing: cg.Listing
    fmt: Format


def run(st: Store, req: Request, today: date, *, tty: bool) -> Listed | Shown | Ticked:
    """The list, one guide filled in, or a checklist ticked, as the request asks."""
    _check_flags(req)
    guide, slug = _meant(st, req.name, req.pairing)
    if guide is None:
        if req.changes or req.fmt == "markdown":
            flag = "--markdown" if req.fmt == "markdown" else "--tick"
            if req.choose:
                flag = "--interactive"
            raise BadInput(f"{flag} needs a guide: {COMMAND} NAME [PAIRING] {flag}")
        rd = reader(st, slug, today)
        return Listed(cg.listing(rd, escape=ESCAPES[req.fmt]), req.fmt)
    rd = reader(st, slug, today, required=req.changes, tty=tty)
    if not req.changes:
        return Shown(cg.fill(guide, rd, escape=ESCAPES[req.fmt]), req.fmt)
    if rd is None:  # `required` gives a pairing or raises
        raise RuntimeError("a guide with changes was read without its pairing")
    if req.choose:
        return tick_interactively(st, guide, rd.slug, today, tty=tty)
    return tick(st, guide, rd.slug, today, req.tick, req.untick)


def _check_flags(req: Request) -> None:
    if req.choose and (req.tick or req.untick):
        raise BadInput("choose --interactive, or --tick and --untick, not both")
    if req.changes and req.fmt != "text":
        raise BadInput(f"--{req.fmt} shows a guide; tick without it, then show it again")


def _meant(st: Store, name: str | None, pairing: str | None) -> tuple[str | None, str | None]:
    """(guide, pairing) meant; NAME may be a pairing, for the list as it stands for it."""
    if name is None:
        return None, pairing
    data = cg.load()
    if name not in cg.names(data) and pairing is None and _is_pairing(st, name):
        return None, name
    cg.spec(name, data)  # an unknown guide is reported before any pairing is read
    return name, pairing


def _is_pairing(st: Store, name: str) -> bool:
    try:
        return st.exists(check_slug(name))
    except BadInput:
        return False


def reader(
    st: Store, slug: str | None, today: date, *, required: bool = False, tty: bool = False
) -> cg.Reader | None:
    """The pairing a guide is filled in for: as named, or the only one there is.

    With several pairings and none named, a guide is shown for anyone, unless a pairing
    is `required` (to tick), when one is picked in a terminal or the error names them.
    """
    from revmentor.wizard.pairing import pick

    if slug is None and not required:
        slugs = st.slugs()
        if len(slugs) != 1:
            return None
        slug = slugs[0]
    slug = pick(st, slug, command=COMMAND, tty=tty)
    return cg.reader(slug, st.read(slug), today)


def _current(st: Store, name: str, slug: str, today: date) -> cg.Filled:
    """The guide as it stands for the pairing, refused before any lock when concluded."""
    from revmentor.errors import Concluded

    p = st.read(slug)
    if p.state == "concluded":
        raise Concluded.read_only(slug)
    return cg.fill(name, cg.reader(slug, p, today))


def _save(st: Store, slug: str, name: str, today: date, choose: Choose) -> Ticked:
    with st.update(slug) as p:
        guide = cg.fill(name, cg.reader(slug, p, today))
        on, off = choose(guide)
        ticks, changes = cg.apply(guide, cg.ticked(p, name), on, off, today)
        kept = dict(p.checklists or {})
        if ticks:
            kept[name] = ticks
        else:
            kept.pop(name, None)
        # Left out of the file altogether once nothing is ticked.
        p.checklists = kept or None
    return Ticked(cg.fill(name, cg.reader(slug, p, today)), tuple(changes))


def tick(
    st: Store,
    name: str,
    slug: str,
    today: date,
    on: Sequence[str],
    off: Sequence[str],
) -> Ticked:
    """Tick and untick items by number (as typed after --tick and --untick)."""
    cg.parse_numbers(_current(st, name, slug, today), on, off)  # bad numbers touch nothing
    return _save(st, slug, name, today, lambda guide: cg.parse_numbers(guide, on, off))


def tick_interactively(st: Store, name: str, slug: str, today: date, *, tty: bool) -> Ticked:
    """Offer the checklist in a terminal, then save what was ticked and unticked."""
    if not tty:
        raise NeedsTerminal(
            "choosing items to tick needs a terminal",
            f"Use --tick N or --untick N instead, e.g. {COMMAND} {name} {slug} --tick 1",
        )
    from revmentor import prompts

    shown = _current(st, name, slug, today)
    words = cg.load()["words"]
    chosen = set(
        prompts.checkbox(
            words["choose"].format(title=shown.title),
            [(item.id, f"{item.n}. {item.text}") for item in shown.checklist],
            checked=[item.id for item in shown.checklist if item.done is not None],
            instruction=words["choose_keys"],
        )
    )
    was_done = {item.id for item in shown.checklist if item.done is not None}

    def choose(guide: cg.Filled) -> tuple[list[int], list[int]]:
        # By id, so the choice holds even if the file changed while the list was open.
        on = [i.n for i in guide.checklist if i.id in chosen and i.id not in was_done]
        off = [i.n for i in guide.checklist if i.id in was_done and i.id not in chosen]
        return on, off

    return _save(st, slug, name, today, choose)

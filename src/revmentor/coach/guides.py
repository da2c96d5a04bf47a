"""Conversation guides (`revmentor guide`): which one fits, and each filled for its reader.

Pure: the words come from content/guides.yaml, the facts from a pairing and a day.
A guide is shaped by who reads it (see the tags in guides.yaml): the kind of pairing,
the reader's side, and whether that makes them the junior or the senior of the two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from revmentor.coach.status import StatusReport, short_date, status_report
from revmentor.errors import BadInput, NotFound

if TYPE_CHECKING:
    from revmentor.model import Goal, Pairing, RealFlags, SmartFlags

Escape = Callable[[str], str]
Data = Mapping[str, Any]

REAL_ORDER = ("relevant", "experimental", "aspirational", "learning_based")
SMART_ORDER = ("specific", "measurable", "achievable", "relevant", "time_bound")


def _as_is(text: str) -> str:
    return text


def load() -> dict[str, Any]:
    from revmentor import content

    data: dict[str, Any] = content.load("guides.yaml")
    return data


# --- who reads it ----------------------------------------------------------------------


def position(p: Pairing) -> str:
    """'junior', 'senior' or 'both': where the reader stands in the pairing."""
    side = p.me.side
    if side == "mutual":
        return "both"
    # In reverse mentoring the junior teaches; on the job the experienced colleague does.
    teaches_junior = p.kind != "on-the-job"
    return "junior" if (side == "mentor") == teaches_junior else "senior"


def tags(p: Pairing) -> frozenset[str]:
    return frozenset({p.kind, p.me.side, position(p)})


@dataclass(frozen=True)
class Reader:
    """A pairing as a guide sees it on a given day."""

    slug: str
    pairing: Pairing
    report: StatusReport
    stage: str  # 'early', 'mid-point' or 'wrap-up'
    stage_label: str
    tags: frozenset[str]


def reader(slug: str, p: Pairing, today: date) -> Reader:
    from revmentor import content

    return reader_of(slug, p, status_report(p, today), content.load("starters.yaml"))


def reader_of(slug: str, p: Pairing, r: StatusReport, starters: Data) -> Reader:
    """The reader of `p`, whose report `r` is at hand; `starters` sets the stages."""
    # agenda imports this module, so its stage rule is imported when first needed.
    from revmentor.coach.agenda import stage

    where = stage(r, starters)
    return Reader(slug, p, r, where, load()["stages"][where], tags(p))


# --- the guides as written ---------------------------------------------------------------


def names(data: Data) -> list[str]:
    return [g["name"] for g in data["guides"]]


def spec(name: str, data: Data) -> Mapping[str, Any]:
    for g in data["guides"]:
        if g["name"] == name:
            found: Mapping[str, Any] = g
            return found
    from difflib import get_close_matches

    close = get_close_matches(name, names(data), n=1)
    shown = name if name.isprintable() else repr(name)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    raise NotFound(f"no guide called '{shown}'", f"{hint}See `revmentor guide` for the list.")


def resolve(guide: Mapping[str, Any], reader_tags: frozenset[str]) -> dict[str, Any]:
    """The guide's fields for a reader with these tags: its variants applied, fewest
    tags first, so the most specific one has the last word."""
    fields = {k: v for k, v in guide.items() if k != "variants"}
    variants = guide.get("variants") or {}
    matching = [
        (len(key.split()), order, dict(body))
        for order, (key, body) in enumerate(variants.items())
        if set(key.split()) <= reader_tags
    ]
    for _, _, body in sorted(matching, key=lambda m: (m[0], m[1])):
        fields.update(body)
    return fields


# --- filling it in ---------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    n: int
    id: str
    text: str
    done: date | None


@dataclass(frozen=True)
class Block:
    title: str
    lines: tuple[str, ...]
    said: bool = False  # words to say aloud, shown as quotes


@dataclass(frozen=True)
class Filled:
    name: str
    title: str
    moment: str
    pairing: str | None
    about: str  # the pairing, its week, stage and rhythm; or who it is written for
    intro: str
    blocks: tuple[Block, ...]
    checklist: tuple[Item, ...]
    footer: str
    today: date | None  # the day it was filled for; None without a pairing

    @property
    def done(self) -> int:
        return sum(1 for item in self.checklist if item.done is not None)


def _values(rd: Reader | None, data: Data, escape: Escape) -> dict[str, str]:
    generic = data["generic"]
    if rd is None:
        return dict(generic)
    p, r = rd.pairing, rd.report
    return {
        "partner": escape(p.partner.name.strip()) or generic["partner"],
        "rhythm": data["rhythm"][p.ground_rules.frequency],
        "length": f"{p.ground_rules.session_minutes} minutes",
        "end": short_date(p.horizon.end, r.today),
    }


def _fill(text: str, values: Mapping[str, str], *, capital: bool = True) -> str:
    """Content text with its placeholders filled; an unknown one is a KeyError."""
    filled = " ".join(str(text).format_map(values).split())
    return filled[:1].upper() + filled[1:] if capital else filled


def _who(rd: Reader, data: Data, escape: Escape) -> str:
    partner = escape(rd.pairing.partner.name.strip()) or data["generic"]["partner"]
    return str(data["words"]["with"].format(pairing=rd.slug, partner=partner))


def _about(rd: Reader | None, fields: Mapping[str, Any], data: Data, escape: Escape) -> str:
    """Whose guide this is and where the pairing stands, or who it is written for."""
    words = data["words"]
    if rd is None:
        return str(words["written_for"].format(position=data["positions"][fields["written_for"]]))
    p, r = rd.pairing, rd.report
    where = words["where"].format(
        week=min(max(r.week, 1), r.total_weeks),
        weeks=r.total_weeks,
        stage=rd.stage_label,
        rhythm=data["rhythm"][p.ground_rules.frequency],
    )
    return f"{_who(rd, data, escape)} · {where}"


def _question(goal: Goal, index: int, kind: str) -> str:
    """The criterion a goal's mid-point conversation starts on."""
    flags: RealFlags | SmartFlags | None = goal.real
    order: tuple[str, ...] = REAL_ORDER
    if kind == "on-the-job":
        flags, order = goal.smart, SMART_ORDER
    if flags is not None:
        unmet = [c for c in order if not getattr(flags, c)]
        if unmet:
            return unmet[0]
    return order[index % len(order)]


def _goal_block(
    mode: str, rd: Reader | None, data: Data, values: Mapping[str, str], escape: Escape
) -> Block | None:
    """The pairing's goals, each with the question it starts on (or where it got to)."""
    sections, q = data["sections"], data["questions"]
    kind = rd.pairing.kind if rd is not None else "reverse-mentoring"
    asked = q[kind]
    generic = tuple(_fill(f"{q['labels'][c]}: {text}", values) for c, text in asked.items())
    active = rd.pairing.active_goals() if rd is not None else []
    if not active:
        if mode == "look-back":
            return None  # nothing to look back on
        return Block(sections["goals_generic"], generic if rd is None else (*generic, q["none"]))
    if rd is None:
        raise RuntimeError("goals with no pairing to read them from")
    lines_by_id = {line.id: line for line in rd.report.goals}
    # At most `goals_shown` lines, the last saying how many more there are.
    room = q["goals_shown"]
    shown = active if len(active) <= room else active[: room - 1]
    out: list[str] = []
    for i, goal in enumerate(shown):
        line = lines_by_id[goal.id]
        start = "-" if line.baseline is None else str(line.baseline)
        if mode == "look-back":
            said = q["look_back"] if line.latest is not None else q["look_back_unrated"]
            out.append(f"{escape(goal.id)}: " + said.format(start=start, now=line.latest))
            continue
        now = "-" if line.latest is None else str(line.latest)
        criterion = _question(goal, i, kind)
        ask = _fill(asked[criterion], values)
        out.append(f"{escape(goal.id)} ({start} → {now}) · {q['labels'][criterion]}: {ask}")
    if len(active) > len(shown):
        out.append(q["more"].format(count=len(active) - len(shown)))
    title = sections["goals_look_back" if mode == "look-back" else "goals_review"]
    return Block(title, tuple(out))


def ticked(p: Pairing | None, name: str) -> dict[str, date]:
    if p is None or not p.checklists:
        return {}
    return dict(p.checklists.get(name, {}))


def fill(name: str, rd: Reader | None, data: Data | None = None, escape: Escape = _as_is) -> Filled:
    """Guide `name` for this reader (or for anyone, without one).

    `escape` is applied to every piece of text taken from the pairing, so a view can
    make names and goals safe for its format; the guide's own words pass unchanged.
    """
    data = load() if data is None else data
    fields = resolve(spec(name, data), rd.tags if rd is not None else frozenset())
    values = _values(rd, data, escape)
    sections = data["sections"]
    blocks: list[Block] = []
    if fields.get("signs"):
        blocks.append(Block(sections["signs"], tuple(_fill(s, values) for s in fields["signs"])))
    goals = _goal_block(fields["goals"], rd, data, values, escape) if fields.get("goals") else None
    if goals is not None:
        blocks.append(goals)
    for key in ("phrases", "repair"):
        if fields.get(key):
            said = tuple(_fill(s, values) for s in fields[key])
            blocks.append(Block(sections[key], said, said=True))
    done = ticked(rd.pairing if rd is not None else None, name)
    items = tuple(
        Item(n, it["id"], _fill(it["text"], values), done.get(it["id"]))
        for n, it in enumerate(fields["checklist"], start=1)
    )
    words = data["words"]
    if rd is None:
        footer = words["fill_hint"].format(name=name)
    elif all(i.done is not None for i in items):
        footer = words["all_done"]
    else:
        footer = words["tick_hint"].format(name=name, pairing=rd.slug)
    return Filled(
        name=name,
        title=_fill(fields["title"], values),
        moment=_fill(fields["moment"], values, capital=False),
        pairing=rd.slug if rd is not None else None,
        about=_about(rd, fields, data, escape),
        intro=_fill(fields["intro"], values),
        blocks=tuple(blocks),
        checklist=items,
        footer=footer,
        today=rd.report.today if rd is not None else None,
    )


# --- which guide fits the moment -------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    name: str
    title: str
    why: str
    pairing: str

    @property
    def command(self) -> str:
        return " ".join(x for x in ("revmentor guide", self.name, self.pairing) if x)


def _principle_guide(principle: str, data: Data) -> str:
    return next(str(g["name"]) for g in data["guides"] if g.get("principle") == principle)


def _fit_name(rd: Reader, data: Data) -> tuple[str, str] | None:
    """(guide, why) for the moment the pairing is at, or None when no guide stands out."""
    from revmentor.coach.nudges import nudges, rules

    r, fit = rd.report, data["fit"]
    why = fit["why"]
    situation = fit["situations"].get(r.situation or "") if r.on_the_job else None
    if r.concluded:
        return None
    if r.held_all == 0:
        return (situation or "first-meeting"), why["first"]
    if rd.stage == "wrap-up":
        return "closing", why["closed" if r.ended else "close"]
    fired = {n.id: n for n in nudges(r, every=True)}
    falling = fired.get("pulse-falling")
    if falling is not None:
        label = rules()["principles"][falling.key]
        return _principle_guide(falling.key, data), why["pulse"].format(label=label)
    if "one-way-learning" in fired:
        return _principle_guide("open_mind", data), why["one_way"]
    due = r.review_due
    if due is not None and due.reason == "midpoint":
        return "mid-point", why["midpoint"]
    if (due is not None and due.reason == "stale") or "goal-unrated" in fired:
        return _principle_guide("real_goals", data), why["goals"]
    if situation and (r.today - r.start).days < fit["first_days"]:
        return situation, why["situation"]
    if (r.held + 1) % fit["feedback_every"] == 0:
        name = "feedback-upward" if position(rd.pairing) == "junior" else "receiving-feedback"
        return name, why["feedback"]
    return None


def fitting(rd: Reader, data: Data | None = None) -> Fit | None:
    """The guide that fits where the pairing is now, and why, in a few words."""
    data = load() if data is None else data
    found = _fit_name(rd, data)
    if found is None:
        return None
    name, why = found
    fields = resolve(spec(name, data), rd.tags)
    return Fit(name, " ".join(str(fields["title"]).split()), why, rd.slug)


# --- the list --------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    name: str
    title: str
    moment: str
    group: str
    items: int
    done: int | None  # None without a pairing
    now: bool


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Listing:
    pairing: str | None
    about: str  # whose progress is shown, or '' without a pairing
    groups: tuple[Group, ...]


def listing(rd: Reader | None, data: Data | None = None, escape: Escape = _as_is) -> Listing:
    data = load() if data is None else data
    fit = fitting(rd, data) if rd is not None else None
    groups = []
    for group in data["groups"]:
        entries = []
        for g in data["guides"]:
            if g["group"] != group["id"]:
                continue
            guide = fill(g["name"], rd, data)
            entries.append(
                Entry(
                    name=guide.name,
                    title=guide.title,
                    moment=guide.moment,
                    group=group["id"],
                    items=len(guide.checklist),
                    done=guide.done if rd is not None else None,
                    now=fit is not None and fit.name == guide.name,
                )
            )
        groups.append(Group(group["id"], group["title"], tuple(entries)))
    about = _who(rd, data, escape) if rd is not None else ""
    return Listing(rd.slug if rd is not None else None, about, tuple(groups))


# --- ticking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    what: str  # 'ticked', 'unticked', 'already_ticked' or 'not_ticked'
    item: Item


def _number(raw: str, flag: str, guide: Filled) -> int:
    total = len(guide.checklist)
    shown = raw if raw.isprintable() else repr(raw)
    text = raw.strip()
    hint = f"The checklist of {guide.name} has {total} items: use a number from 1 to {total}."
    if not text.isdigit() or not text.isascii():
        raise BadInput(f"{flag} {shown}: not an item number", hint)
    n = int(text)
    if not 1 <= n <= total:
        raise BadInput(f"{flag} {shown}: there is no item {n}", hint)
    return n


def parse_numbers(
    guide: Filled, tick: Sequence[str], untick: Sequence[str]
) -> tuple[list[int], list[int]]:
    """Item numbers from --tick and --untick, checked against the guide's checklist."""
    on = [_number(raw, "--tick", guide) for raw in tick]
    off = [_number(raw, "--untick", guide) for raw in untick]
    both = sorted(set(on) & set(off))
    if both:
        raise BadInput(f"item {both[0]} is given to both --tick and --untick; choose one")
    return list(dict.fromkeys(on)), list(dict.fromkeys(off))


def apply(
    guide: Filled,
    current: Mapping[str, date],
    on: Sequence[int],
    off: Sequence[int],
    today: date,
) -> tuple[dict[str, date], list[Change]]:
    """The ticks after ticking `on` and unticking `off` (item numbers), and what changed.

    Ticks of items this reader's checklist does not show are kept as they are.
    """
    by_n = {item.n: item for item in guide.checklist}
    new = dict(current)
    changes: list[Change] = []
    for n in on:
        item = by_n[n]
        if item.id in new:
            changes.append(Change("already_ticked", item))
        else:
            new[item.id] = today
            changes.append(Change("ticked", item))
    for n in off:
        item = by_n[n]
        if new.pop(item.id, None) is None:
            changes.append(Change("not_ticked", item))
        else:
            changes.append(Change("unticked", item))
    return new, changes

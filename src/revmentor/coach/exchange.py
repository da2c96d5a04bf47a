"""Two copies of one pairing: what a partner bundle holds, its mirror, and where it goes.

A pairing file is written from one person's side: `me` and `partner`, what "I" learned
and what "they" learned. The partner's copy of the same pairing says all of that the
other way round. Pure functions, no disk: the bundle comes in as a validated Pairing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel

from revmentor.errors import BadInput
from revmentor.model import Horizon, Pairing, Shared
from revmentor.vocab import Owner, Side

M = TypeVar("M", bound=BaseModel)

FLIP_SIDE: dict[Side, Side] = {"mentee": "mentor", "mentor": "mentee", "mutual": "mutual"}
FLIP_OWNER: dict[Owner, Owner] = {"me": "partner", "partner": "me", "shared": "shared"}
# A session's texts that say who learned: swapped in the partner's copy.
SWAPPED = {"i_learned": "they_learned", "they_learned": "i_learned"}
SESSION_TEXTS = ("i_learned", "they_learned")


def norm(name: str) -> str:
    """A name as compared: case and spacing do not make two people."""
    return " ".join(name.casefold().split())


def same_name(a: str, b: str) -> bool:
    return bool(norm(a)) and norm(a) == norm(b)


# --- private fields -----------------------------------------------------------------


def is_private(field: str) -> bool:
    """Whether a field (a name or a dotted path) holds something for its writer only."""
    last = field.rsplit(".", 1)[-1]
    return last == "private" or last.startswith("private_")


def without_private(model: M) -> M:
    """`model` with every private field emptied, at any depth, and any second text or
    authorship kept for one: private notes never leave the machine they were written on.

    Found by field name, so a private field added to the file format later is covered.
    """
    updates: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if is_private(name):
            if value is not None and value != info.get_default(call_default_factory=True):
                updates[name] = info.get_default(call_default_factory=True)
            continue
        if name == "written_by" and isinstance(value, dict):
            kept = {k: v for k, v in value.items() if not is_private(k)}
            if kept != value:
                updates[name] = kept or None
            continue
        if name == "other_texts" and isinstance(value, list):
            texts = [w for w in value if not is_private(w.field)]
            if texts != value:
                updates[name] = texts or None
            continue
        stripped = _strip(value)
        if stripped is not value:
            updates[name] = stripped
    return model.model_copy(update=updates) if updates else model


def _strip(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return without_private(value)
    if isinstance(value, list):
        items = [_strip(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


# --- the bundle -----------------------------------------------------------------------


class NeedsName(BadInput):
    """The pairing has no name for its writer, and a bundle must say who shared it."""


def bundle(p: Pairing, on: date) -> Pairing:
    """The partner bundle of `p`: the pairing without its private notes, signed and dated.

    Guide checklists stay behind too: they track the sharer's own preparation; so does
    whether the sharer archived it.
    """
    if not p.me.name.strip():
        raise NeedsName("the pairing does not say your name, and the bundle must say who shared it")
    shareable = without_private(p)
    return shareable.model_copy(
        update={"shared": Shared(by=p.me.name, on=on), "checklists": None, "archived": None}
    )


def check_bundle(b: Pairing) -> None:
    """Refuse a bundle whose signature does not match the plan inside it."""
    if b.shared is not None and not same_name(b.shared.by, b.me.name):
        owner = b.me.name or "nobody"
        raise BadInput(f"it says it was shared by {b.shared.by}, but the plan in it is {owner}'s")


# --- the mirror -----------------------------------------------------------------------


def mirror(b: Pairing) -> Pairing:
    """The pairing as the other partner sees it.

    `me` and `partner` change places; the side flips (mentee and mentor; mutual stays);
    goal owners swap; what "I" and "they" learned swap. Ground rules, the ask and the
    horizon are the same for both. Every session text is labelled with the name of the
    person who wrote it, and private notes are left out.
    """
    author = b.me.name
    data = without_private(b).to_data()
    data.pop("shared", None)
    me = dict(data["me"])
    side: Side = me.pop("side", "mutual")
    data["me"] = {**data["partner"], "side": FLIP_SIDE[side]}
    data["partner"] = me
    reader = data["me"].get("name", "")
    for goal in data["goals"]:
        goal["owner"] = FLIP_OWNER[goal.get("owner", "me")]
    data["sessions"] = [_mirror_session(s, author, reader) for s in data["sessions"]]
    if data.get("other_texts"):
        data["other_texts"] = [
            {**w, "field": _mirror_path(w["field"])} for w in data["other_texts"]
        ]
    return Pairing.model_validate(data)


def _mirror_session(s: dict[str, Any], author: str, reader: str) -> dict[str, Any]:
    out = dict(s)
    written: dict[str, str] = dict(s.get("written_by") or {})
    for field in SESSION_TEXTS:
        if str(s.get(field, "")).strip() and field not in written:
            written[field] = author
    for field, other in SWAPPED.items():
        out[other] = s.get(field, "")
    swapped = {SWAPPED.get(k, k): v for k, v in written.items() if not same_name(v, reader)}
    out["written_by"] = swapped or None
    if s.get("other_texts"):
        out["other_texts"] = [
            {**w, "field": SWAPPED.get(w["field"], w["field"])} for w in s["other_texts"]
        ]
    return {k: v for k, v in out.items() if v is not None}


def _mirror_path(path: str) -> str:
    head, dot, rest = path.partition(".")
    swapped = {"me": "partner", "partner": "me"}.get(head)
    return f"{swapped}{dot}{rest}" if swapped else path


# --- where a bundle goes --------------------------------------------------------------


@dataclass(frozen=True)
class Incoming:
    """A bundle turned to this side's point of view.

    `author` wrote the texts it holds that carry no label; `mine` says it is a copy of
    this person's own pairing (a synced folder's conflicted copy), not the partner's.
    """

    pairing: Pairing
    author: str
    mine: bool


def as_mine(b: Pairing) -> Incoming:
    data = b.to_data()
    data.pop("shared", None)
    return Incoming(Pairing.model_validate(data), b.me.name, mine=True)


def as_partners(b: Pairing) -> Incoming:
    return Incoming(mirror(b), b.me.name, mine=False)


def same_people(a: Pairing, b: Pairing) -> bool:
    """Whether two pairings, both seen from one side, are about the same two people.

    A blank name of one's own does not count against a match: `start` does not ask for it.
    """
    if not same_name(a.partner.name, b.partner.name):
        return False
    mine, theirs = norm(a.me.name), norm(b.me.name)
    return not mine or not theirs or mine == theirs


def overlaps(a: Horizon, b: Horizon) -> bool:
    return a.start <= b.end and b.start <= a.end


def people(p: Pairing) -> str:
    return f"{p.me.name or 'you'} and {p.partner.name or 'a partner'}"


@dataclass(frozen=True)
class Destination:
    """Where an import goes: into the pairing `slug`, or a new one when it is None."""

    slug: str | None
    incoming: Incoming


def destination(b: Pairing, pairings: Mapping[str, Pairing], into: str | None) -> Destination:
    """Which pairing `b` merges into, turned which way; a new pairing when none matches.

    A bundle shared by the partner is read as theirs first; a plain pairing file (one a
    file-sync tool left as a conflicted copy, say) as this person's own. A match is the
    same two people over overlapping months, or the pairing named by `into`.
    """
    check_bundle(b)
    views = [as_partners(b), as_mine(b)]
    if b.shared is None:
        views.reverse()
    if into is not None:
        target = pairings[into]
        for view in views:
            if same_people(target, view.pairing):
                return Destination(into, view)
        raise BadInput(
            f"it is the pairing of {people(b)}; '{into}' is yours with "
            f"{target.partner.name or 'a partner with no name'}",
            "Nothing was imported. Check the file, or leave out --into.",
        )
    for view in views:
        found = [
            slug
            for slug, p in pairings.items()
            if same_people(p, view.pairing) and overlaps(p.horizon, view.pairing.horizon)
        ]
        if len(found) > 1:
            raise BadInput(
                f"it could go into any of {', '.join(found)}",
                f"Name the one it belongs to: --into {found[0]}",
            )
        if found:
            return Destination(found[0], view)
    if b.shared is None:
        raise BadInput(
            "it is a pairing file, not a partner bundle, and matches none of your pairings",
            "Ask your partner to send one made with `revmentor share`, or name the pairing "
            "it belongs to with --into.",
        )
    return Destination(None, views[0])

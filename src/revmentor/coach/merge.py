"""Merging another copy of a pairing into this one: nothing lost, nothing overwritten.

Sessions are matched by date (two on one day, in their order), goals by id or wording.
What only one copy holds is taken. Where both wrote a different text for the same field,
this copy's stays and the other is kept beside it in `other_texts`, with who wrote it.
Other differences (a rating, a choice, a date) keep this copy's value; each is reported.
Merging the same copy twice changes nothing the second time. Pure: no disk, no clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal, TypeVar, get_origin

from pydantic import BaseModel, ValidationError

from revmentor.coach.exchange import Incoming, norm, same_name
from revmentor.model import Goal, Pairing, Review, Session, Written

ChangeKind = Literal["added", "filled", "updated", "both", "kept"]
Item = Literal["session", "goal", "review", "wrap-up", "plan"]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

# Values that mean "not written yet", beside the empty ones.
_UNSET: dict[tuple[str, str], object] = {("Ask", "response"): "pending"}
# Kept as this copy has them, without a word: the file's format, when it was created.
_SILENT = frozenset({"schema_version", "created", "shared"})
SESSION_TEXTS = ("i_learned", "they_learned")
# Two private notes are joined into the one field, which every export already leaves out;
# kept in `other_texts`, the second would travel with the rest.
NOTES_JOINED = "\n\n"


@dataclass(frozen=True)
class Change:
    """One thing a merge did, or one difference it left as it was (`kept`).

    `key` is the session's date or the goal's id; `field` a dotted path inside the item;
    `value` the other copy's text or value, shown for `both` and `kept`; `by` who wrote
    the text kept beside this copy's.
    """

    kind: ChangeKind
    item: Item
    key: str = ""
    field: str = ""
    value: str = ""
    by: str = ""


@dataclass
class Merged:
    """The merged pairing, what the merge did, and whether that changed anything at all."""

    pairing: Pairing
    changes: list[Change]
    changed: bool

    def of(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]


def merge(ours: Pairing, incoming: Incoming) -> Merged:
    """`ours` with everything of `incoming` it lacks; the other copy's texts kept beside."""
    return _Merge(ours, incoming).run()


@cache
def _default(cls: type[BaseModel]) -> BaseModel | None:
    try:
        return cls()
    except ValidationError:
        return None


def _is_choice(cls: type[BaseModel], name: str) -> bool:
    return get_origin(cls.model_fields[name].annotation) is Literal


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(_shown(v) for v in value)
    if isinstance(value, BaseModel):
        data = value.model_dump(exclude_none=True)
        return ", ".join(f"{k}: {_shown(v)}" for k, v in data.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _same(a: str, b: str) -> bool:
    return norm(a) == norm(b)


def _placed(items: list[T], added: list[T], when: Callable[[T], date]) -> list[T]:
    """`items` with `added` in date order when `items` are in date order; else at the end."""
    dates = [when(i) for i in items]
    if dates == sorted(dates):
        return sorted([*items, *added], key=when)
    return [*items, *added]


class _Merge:
    def __init__(self, ours: Pairing, incoming: Incoming) -> None:
        self.ours = ours
        self.theirs = incoming.pairing
        self.author = incoming.author
        self.me = ours.me.name or self.theirs.me.name
        self.changes: list[Change] = []

    def note(self, kind: ChangeKind, item: Item, key: str = "", fld: str = "", **kw: str) -> None:
        self.changes.append(Change(kind, item, key, fld, **kw))

    def is_me(self, name: str) -> bool:
        return same_name(name, self.me)

    def run(self) -> Merged:
        o, t = self.ours, self.theirs
        goals, ids = self.goals(o.goals, t.goals)
        plan_texts = list(o.other_texts or [])
        updates: dict[str, Any] = {"goals": goals}
        for name in ("me", "partner", "ask", "ground_rules", "context", "scan"):
            merged = self.part(getattr(o, name), getattr(t, name), name, plan_texts)
            if merged is not getattr(o, name):
                updates[name] = merged
        for name in ("kind", "state"):
            if getattr(o, name) != getattr(t, name):
                self.note("kept", "plan", "", name, value=str(getattr(t, name)))
        if o.horizon != t.horizon:
            h = t.horizon
            self.note("kept", "plan", "", "horizon", value=f"{h.start} to {h.end}")
        theirs_ids = {g.id for g in t.goals}
        sessions = [self.renamed_progress(s, ids, theirs_ids) for s in t.sessions]
        updates["sessions"] = self.sessions(o.sessions, sessions)
        reviews = [self.renamed_review(r, ids) for r in t.reviews]
        updates["reviews"] = self.added(o.reviews, reviews, "review", lambda r: r.date)
        updates["wrap_ups"] = self.added(o.wrap_ups, t.wrap_ups, "wrap-up", lambda w: w.date)
        self.union_texts(plan_texts, t.other_texts, o.model_copy(update=updates))
        if plan_texts != (o.other_texts or []):
            updates["other_texts"] = plan_texts
        data = o.model_copy(update=updates).to_data()
        return Merged(Pairing.model_validate(data), self.changes, data != o.to_data())

    # --- texts -----------------------------------------------------------------------

    def keep_text(
        self, texts: list[Written], fld: str, text: str, by: str, item: Item, key: str
    ) -> None:
        """Keep `text` beside this copy's own, unless it is already there."""
        if any(w.field == fld and _same(w.text, text) for w in texts):
            return
        texts.append(Written(field=fld, by=by, text=text))
        self.note("both", item, key, fld, value=text, by=by)

    @staticmethod
    def union_texts(
        texts: list[Written], theirs: Sequence[Written] | None, current: BaseModel
    ) -> None:
        """The other copy's second texts this copy lacks, where `current` (the item as
        merged) does not already hold them as its own."""
        for w in theirs or []:
            if any(x.field == w.field and _same(x.text, w.text) for x in texts):
                continue
            if not _same(str(_value_at(current, w.field) or ""), w.text):
                texts.append(w)

    # --- any part of the plan ----------------------------------------------------------

    def part(self, o: Any, t: Any, path: str, texts: list[Written]) -> Any:
        """A section of the plan (`me`, `ground_rules`...) merged; texts kept in `texts`."""
        if t is None or o == t:
            return o
        if o is None:
            self.note("filled", "plan", "", path)
            return t
        return self.fields(o, t, "plan", "", f"{path}.", texts, skip=frozenset())

    def fields(
        self,
        o: M,
        t: M,
        item: Item,
        key: str,
        prefix: str,
        texts: list[Written],
        skip: frozenset[str],
    ) -> M:
        """`o` with what only `t` holds, field by field; differing texts go to `texts`."""
        cls = type(o)
        if _default(cls) == o:
            self.note("filled", item, key, prefix.rstrip("."))
            return t
        updates: dict[str, Any] = {}
        for name in cls.model_fields:
            if name in skip or name in _SILENT or name in ("other_texts", "written_by"):
                continue
            ov, tv = getattr(o, name), getattr(t, name)
            fld = prefix + name
            if ov == tv or self.blank(cls, name, tv):
                continue
            if self.blank(cls, name, ov):
                updates[name] = tv
                self.note("filled", item, key, fld)
            elif isinstance(ov, BaseModel) and isinstance(tv, BaseModel):
                updates[name] = self.fields(ov, tv, item, key, f"{fld}.", texts, frozenset())
            elif isinstance(ov, list) and isinstance(tv, list):
                updates[name] = self.listed(ov, tv, item, key, fld, texts)
            elif isinstance(ov, dict) and isinstance(tv, dict):
                updates[name] = self.mapped(ov, tv, item, key, fld)
            elif isinstance(ov, str) and not _is_choice(cls, name):
                self.keep_text(texts, fld, tv, self.author, item, key)
            else:
                self.note("kept", item, key, fld, value=_shown(tv))
        return o.model_copy(update=updates) if updates else o

    @staticmethod
    def blank(cls: type[BaseModel], name: str, value: object) -> bool:
        if value is None or value == "" or value == [] or value == {}:
            return True
        return _UNSET.get((cls.__name__, name), object()) == value

    def listed(
        self, o: list[Any], t: list[Any], item: Item, key: str, fld: str, texts: list[Written]
    ) -> list[Any]:
        """A list merged: items this copy lacks are added; models with an id are merged."""
        out = list(o)
        new: list[Any] = []
        for value in t:
            if isinstance(value, BaseModel) and hasattr(value, "id"):
                same = (i for i, x in enumerate(out) if getattr(x, "id", None) == value.id)
                at = next(same, None)
                if at is not None:
                    prefix = f"{fld}.{value.id}."
                    out[at] = self.fields(out[at], value, item, key, prefix, texts, frozenset())
                    continue
            if not any(_equal(value, x) for x in out):
                out.append(value)
                new.append(value)
        if new:
            self.note("filled", item, key, fld, value=_shown(new))
        return out

    def mapped(self, o: dict[str, Any], t: dict[str, Any], item: Item, key: str, fld: str) -> Any:
        out = dict(o)
        for name, value in t.items():
            if name not in out:
                out[name] = value
                self.note("filled", item, key, f"{fld}.{name}")
            elif out[name] != value:
                self.note("kept", item, key, f"{fld}.{name}", value=_shown(value))
        return out

    # --- goals ------------------------------------------------------------------------

    def goals(self, ours: list[Goal], theirs: list[Goal]) -> tuple[list[Goal], dict[str, str]]:
        """The goals merged, and what each of the other copy's goal ids is called here."""
        mine = {g.id for g in ours}
        ids = {g.id: g.id for g in theirs if g.id in mine}
        taken = set(ids.values())
        for g in theirs:
            if g.id in ids:
                continue
            match = next((x for x in ours if x.id not in taken and _same(x.text, g.text)), None)
            if match is not None:
                ids[g.id] = match.id
                taken.add(match.id)
        out = list(ours)
        where = {g.id: i for i, g in enumerate(ours)}
        for g in theirs:
            if g.id in ids:
                at = where[ids[g.id]]
                out[at] = self.goal(out[at], g)
            else:
                out.append(g)
                self.note("added", "goal", g.id, value=g.text)
        return out, ids

    def goal(self, o: Goal, t: Goal) -> Goal:
        texts = list(o.other_texts or [])
        updates: dict[str, Any] = {}
        if not _same(o.text, t.text):
            if _reworded(t, o.text):
                updates["text"] = t.text
                self.note("updated", "goal", o.id, "text", value=t.text, by=self.author)
            elif not _reworded(o, t.text):
                self.keep_text(texts, "text", t.text, self.author, "goal", o.id)
        history = [h for h in t.history if h not in o.history]
        if history:
            updates["history"] = _placed(list(o.history), history, lambda h: h.date)
            self.note("filled", "goal", o.id, "history", value=str(len(history)))
        skip = frozenset({"id", "text", "history"})
        merged = self.fields(o, t, "goal", o.id, "", texts, skip)
        self.union_texts(texts, t.other_texts, merged.model_copy(update=updates))
        if texts != (o.other_texts or []):
            updates["other_texts"] = texts
        return merged.model_copy(update=updates) if updates else merged

    # --- sessions ----------------------------------------------------------------------

    def sessions(self, ours: list[Session], theirs: list[Session]) -> list[Session]:
        at: dict[date, list[int]] = {}
        for i, s in enumerate(ours):
            at.setdefault(s.date, []).append(i)
        out = list(ours)
        added: list[Session] = []
        count: dict[date, int] = {}
        for s in theirs:
            n = count.get(s.date, 0)
            count[s.date] = n + 1
            same_day = at.get(s.date, [])
            if n < len(same_day):
                out[same_day[n]] = self.session(out[same_day[n]], s)
            else:
                added.append(s)
                self.note("added", "session", s.date.isoformat())
        return _placed(out, added, lambda s: s.date) if added else out

    def session(self, o: Session, t: Session) -> Session:
        key = o.date.isoformat()
        written = dict(o.written_by or {})
        texts = list(o.other_texts or [])
        updates: dict[str, Any] = {}
        for fld in SESSION_TEXTS:
            own = (getattr(o, fld) or "").strip()
            incoming = self.session_texts(t, fld)
            if not own and incoming:
                by, text = incoming.pop(0)
                updates[fld] = text
                if self.is_me(by):
                    written.pop(fld, None)
                else:
                    written[fld] = by
                self.note("filled", "session", key, fld)
            for by, text in incoming:
                if own and _same(text, own):
                    continue
                if fld in updates and _same(text, updates[fld]):
                    continue
                self.keep_text(texts, fld, text, by, "session", key)
        note = self.private_note(o.private_note, t.private_note, key)
        if note != o.private_note:
            updates["private_note"] = note
        skip = frozenset({"date", "private_note", *SESSION_TEXTS})
        merged = self.fields(o, t, "session", key, "", texts, skip)
        if written != (o.written_by or {}):
            updates["written_by"] = written or None
        if texts != (o.other_texts or []):
            updates["other_texts"] = texts
        return merged.model_copy(update=updates) if updates else merged

    def private_note(self, own: str | None, other: str | None, key: str) -> str | None:
        """Two copies' private notes of a session (both this person's) as one note.

        A note that holds the other whole stays; otherwise the other is added under it.
        """
        if not other or not other.strip() or (own and _same(own, other)):
            return own
        if not own or not own.strip() or norm(own) in norm(other):
            self.note("filled", "session", key, "private_note")
            return other
        if norm(other) in norm(own):
            return own
        self.note("both", "session", key, "private_note", value=other, by=self.author)
        return f"{own.rstrip()}{NOTES_JOINED}{other.strip()}"

    def session_texts(self, s: Session, fld: str) -> list[tuple[str, str]]:
        """Every text `s` holds for `fld`, its own first, each with who wrote it."""
        out = []
        own = getattr(s, fld) or ""
        if own.strip():
            out.append(((s.written_by or {}).get(fld) or self.author, own))
        out += [(w.by, w.text) for w in s.other_texts or [] if w.field == fld]
        return out

    @staticmethod
    def renamed_progress(s: Session, ids: dict[str, str], theirs: set[str]) -> Session:
        """`s`'s progress under this copy's goal ids. A rating of a goal the other copy does
        not hold is left out where its id is what one of the other copy's own goals is
        called here: kept, each exchange would hand it to a different goal."""
        taken = set(ids.values())
        progress = {
            ids.get(g, g): n for g, n in s.progress.items() if g in theirs or g not in taken
        }
        if progress == s.progress:
            return s
        return s.model_copy(update={"progress": progress})

    @staticmethod
    def renamed_review(r: Review, ids: dict[str, str]) -> Review:
        entries = [e.model_copy(update={"goal": ids.get(e.goal, e.goal)}) for e in r.entries]
        return r.model_copy(update={"entries": entries, "added": [ids.get(g, g) for g in r.added]})

    def added(
        self, ours: list[Any], theirs: list[Any], item: Item, when: Callable[[Any], date]
    ) -> list[Any]:
        """Dated records (reviews, wrap-ups) of the other copy that this one lacks."""
        new = [x for x in theirs if not any(_equal(x, y) for y in ours)]
        for x in new:
            self.note("added", item, when(x).isoformat())
        return _placed(list(ours), new, when) if new else list(ours)


def _value_at(model: BaseModel, path: str) -> object:
    """The value at a dotted path (`ground_rules.channel`, `scan.gaps.<id>.text`), or None."""
    value: object = model
    for part in path.split("."):
        if isinstance(value, list):
            value = next((x for x in value if getattr(x, "id", None) == part), None)
        elif isinstance(value, BaseModel) and part in type(value).model_fields:
            value = getattr(value, part)
        else:
            return None
    return value


def _equal(a: object, b: object) -> bool:
    if isinstance(a, BaseModel) and isinstance(b, BaseModel):
        return a.model_dump() == b.model_dump()
    if isinstance(a, str) and isinstance(b, str):
        return _same(a, b)
    return a == b


def _reworded(g: Goal, previous: str) -> bool:
    """Whether `g`'s history shows it reworded away from `previous` (so it is newer)."""
    return any(
        h.event == "reworded" and h.previous is not None and _same(h.previous, previous)
        for h in g.history
    )

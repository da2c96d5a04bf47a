"""What `revmentor share` and `revmentor import` say: the bundle, the mirror, the merge."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.plural import plural, singular_ones
from revmentor.views.console import out
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.coach.merge import Change, ChangeKind, Merged
    from revmentor.model import Pairing

KINDS: tuple[ChangeKind, ...] = ("added", "updated", "filled", "both", "kept")


def _words() -> dict[str, dict[str, str]]:
    from revmentor.wizard.exchange import words

    return words()


def _shown() -> dict[str, str]:
    return _words()["shown"]


def render_shared(target: Path, slug: str, p: Pairing) -> None:
    shown = _shown()
    partner = p.partner.name or "your partner"
    con = out()
    sessions = plural(len(p.sessions), "session")
    wrote = shown["shared"].format(file=target, sessions=sessions, slug=slug, partner=partner)
    con.print(esc(wrote), soft_wrap=True)
    private = sum(1 for s in p.sessions if s.private_note)
    if private:
        con.print(esc(shown["shared_private"].format(count=private)))
    con.print(esc(shown["shared_next"].format(partner=partner, name=target.name)))


def render_source(path: Path, b: Pairing, mine: bool) -> None:
    shown = _shown()
    if b.shared is not None and not mine:
        line = shown["source_bundle"].format(file=path, by=b.shared.by, on=b.shared.on)
    else:
        line = shown["source_copy"].format(file=path, partner=b.partner.name or "your partner")
    out().print(esc(line), soft_wrap=True)


def render_new(slug: str, p: Pairing, *, dry_run: bool) -> None:
    words = _words()
    shown = words["shown"]
    partner = p.partner.name or "your partner"
    con = out()
    who = words["side"][p.me.side].format(partner=partner)
    con.print(esc(shown["new"].format(slug=slug, who=who)))
    owners: list[str] = [g.owner for g in p.goals]
    counts = {"yours": "me", "theirs": "partner", "shared": "shared"}
    parts = [
        words["goal_owners"][key].format(count=owners.count(owner), partner=partner)
        for key, owner in counts.items()
        if owners.count(owner)
    ]
    count = plural(len(owners), "goal")
    goals = shown["new_goals"].format(count=count, owners=", ".join(parts)) if parts else count
    con.print(esc(f"  {goals}"))
    if p.sessions:
        dates = sorted(s.date for s in p.sessions)
        held = singular_ones(
            shown["new_sessions"].format(count=len(dates), first=dates[0], last=dates[-1])
        )
        con.print(esc(f"  {held}"))
    h = p.horizon
    con.print(esc("  " + shown["new_horizon"].format(start=h.start, end=h.end)))
    if dry_run:
        con.print(esc(shown["new_would"]))


def render_created(slug: str, path: Path) -> None:
    out().print(esc(_shown()["created"].format(slug=slug, path=path)), soft_wrap=True)


def field_label(path: str) -> str:
    """A field's dotted path as the report names it: `pulse.trust` is "pulse: trust"."""
    fields = _words()["fields"]
    if path in fields:
        return fields[path]
    head, _, rest = path.partition(".")
    tail = fields.get(rest, rest.replace("_", " ").replace(".", ", "))
    within = _words()["within"]
    if head in within:
        return within[head].format(name=tail)
    return f"{fields.get(head, head.replace('_', ' '))}: {tail}"


def change_line(change: Change) -> str:
    items = _words()["items"]
    where = items[change.item].format(key=change.key)
    if change.field:
        where += f", {field_label(change.field)}"
    if change.kind in ("both", "updated"):
        return f'{where}: "{change.value}" ({change.by})'
    return f"{where}: {change.value}" if change.value else where


def render_merge(slug: str, merged: Merged, *, dry_run: bool, copy: Path | None) -> None:
    """The changes a merge makes, by kind; with none, that nothing is new, and the
    differences left as they are. `copy`: a synced folder's copy, merged and now spare."""
    shown = _words()["shown"]
    con = out()
    if merged.changed:
        con.print(esc(shown["merge_would" if dry_run else "merge_title"].format(slug=slug)))
    else:
        con.print(esc(shown["nothing_new"].format(slug=slug)))
    for kind in KINDS:
        changes = merged.of(kind)
        if changes:
            con.print(f"[bold]{esc(_words()['kinds'][kind])}[/]")
        for change in changes:
            con.print(f"  - {esc(change_line(change))}")
    if copy is not None and not merged.changed:
        con.print(esc(shown["copy_done"].format(file=copy, slug=slug)), soft_wrap=True)


def render_merged(slug: str, backups: Sequence[Path], copy: Path | None) -> None:
    con = out()
    where = backups[-1] if backups else "backups"
    con.print(esc(_shown()["merged"].format(slug=slug, backup=where)), soft_wrap=True)
    if copy is not None:
        con.print(esc(_shown()["copy_done"].format(file=copy, slug=slug)), soft_wrap=True)


def render_unchanged() -> None:
    out().print(esc(_shown()["unchanged"]))

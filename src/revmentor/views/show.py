"""The whole plan, readable in a terminal (`revmentor show`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.views.console import out
from revmentor.views.plan_summary import bullet, field, ground_rule_notes, indented
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.model import Pairing, Person

REAL_KEYS = ("relevant", "experimental", "aspirational", "learning_based")


def _person(label: str, person: Person, side: str | None = None) -> None:
    bits = [esc(b) for b in (person.role, person.generation, person.background) if b]
    head = esc(person.name or "-")
    if side:
        head += f" ({side})"
    if bits:
        head += " · " + " · ".join(bits)
    field(f"[bold]{label}[/]", head)
    if person.offers:
        field("offers", "; ".join(esc(o) for o in person.offers), 4)


def render_pairing(slug: str, p: Pairing) -> None:
    """The plan, each line's continuation kept under its own text at any width."""
    con = out()
    title = "On-the-job learning plan" if p.kind == "on-the-job" else "Reverse-mentoring pairing"
    state = " [dim](concluded)[/]" if p.state == "concluded" else ""
    con.print(f"[bold underline]{title}: {esc(slug)}[/]{state}")
    _person("Me", p.me, p.me.side)
    _person("Partner", p.partner)
    h = p.horizon
    mid = f", mid-point review {h.midpoint_review}" if h.midpoint_review else ""
    field("[bold]Horizon[/]", f"{h.start} → {h.end}{mid}")
    if p.context:
        field("[bold]Context[/]", f"{p.context.situation} · {esc(p.context.description)}")
    if p.scan and p.scan.gaps:
        con.print("[bold]Learning gaps[/]:")
        for gap in p.scan.gaps:
            bullet(f"\\[{gap.priority}] {esc(gap.text)}", 2)
    con.print("[bold]Goals[/]:")
    if not p.goals:
        con.print("  (none yet: revmentor goals add)")
    owners = {"me": esc(p.me.name or "me"), "partner": esc(p.partner.name or "partner")}
    for g in p.goals:
        met = sum(1 for k in REAL_KEYS if getattr(g.real, k))
        base = f" baseline {g.baseline}" if g.baseline else ""
        owner = owners.get(g.owner, "both")
        bullet(
            f"\\[{g.status}] {esc(g.id)}: {esc(g.text)} (owner {owner}, REAL {met}/4{base})", 2
        )
        if g.why:
            field("why", esc(g.why), 6)
    if p.ask:
        sent = f"sent {p.ask.asked_on}" if p.ask.asked_on else "not sent yet"
        con.print(f"[bold]The ask[/] ({sent}, answer: {p.ask.response}):")
        indented(esc(p.ask.wording or p.ask.topic or "-"), 2)
    gr = p.ground_rules
    rules = f"{gr.frequency}, {gr.session_minutes} min"
    field("[bold]Ground rules[/]", rules + (f"; channel: {esc(gr.channel)}" if gr.channel else ""))
    for line in ground_rule_notes(gr):
        label, _, value = line.partition(": ")
        field(label, value, 2)
    con.print(f"[bold]Sessions[/]: {len(p.sessions)} logged")
    for s in p.sessions[-5:]:
        field(f"  {s.date}", "; ".join(esc(t) for t in s.topics) or "-")
    if p.reviews:
        field("[bold]Goal reviews[/]", ", ".join(str(r.date) for r in p.reviews))

"""The whole plan, readable in a terminal (`revmentor show`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor.views.console import out
from revmentor.views.plan_summary import ground_rule_notes, indented
from revmentor.views.text import esc

if TYPE_CHECKING:
    from revmentor.model import Pairing, Person

REAL_KEYS = ("relevant", "experimental", "aspirational", "learning_based")


def _person(label: str, person: Person, side: str | None = None) -> str:
    bits = [esc(b) for b in (person.role, person.generation, person.background) if b]
    head = f"[bold]{label}[/]: {esc(person.name or '-')}"
    if side:
        head += f" ({side})"
    if bits:
        head += " · " + " · ".join(bits)
    if person.offers:
        head += "\n    offers: " + "; ".join(esc(o) for o in person.offers)
    return head


def render_pairing(slug: str, p: Pairing) -> None:
    con = out()
    title = "On-the-job learning plan" if p.kind == "on-the-job" else "Reverse-mentoring pairing"
    state = " [dim](concluded)[/]" if p.state == "concluded" else ""
    con.print(f"[bold underline]{title}: {esc(slug)}[/]{state}")
    con.print(_person("Me", p.me, p.me.side))
    con.print(_person("Partner", p.partner))
    h = p.horizon
    mid = f", mid-point review {h.midpoint_review}" if h.midpoint_review else ""
    con.print(f"[bold]Horizon[/]: {h.start} → {h.end}{mid}")
    if p.context:
        con.print(f"[bold]Context[/]: {p.context.situation} · {esc(p.context.description)}")
    if p.scan and p.scan.gaps:
        con.print("[bold]Learning gaps[/]:")
        for gap in p.scan.gaps:
            con.print(f"  - \\[{gap.priority}] {esc(gap.text)}")
    con.print("[bold]Goals[/]:")
    if not p.goals:
        con.print("  (none yet: revmentor goals add)")
    for g in p.goals:
        met = sum(1 for k in REAL_KEYS if getattr(g.real, k))
        flags = f"{met}/4"
        base = f" baseline {g.baseline}" if g.baseline else ""
        con.print(
            f"  - \\[{g.status}] {esc(g.id)}: {esc(g.text)} (owner {g.owner}, REAL {flags}{base})"
        )
        if g.why:
            con.print(f"      why: {esc(g.why)}")
    if p.ask:
        sent = f"sent {p.ask.asked_on}" if p.ask.asked_on else "not sent yet"
        con.print(f"[bold]The ask[/] ({sent}, answer: {p.ask.response}):")
        con.print(f"  {esc(p.ask.wording or p.ask.topic or '-')}")
    gr = p.ground_rules
    con.print(
        f"[bold]Ground rules[/]: {gr.frequency}, {gr.session_minutes} min"
        + (f"; channel: {esc(gr.channel)}" if gr.channel else "")
    )
    for line in ground_rule_notes(gr):
        indented(line, 2)
    con.print(f"[bold]Sessions[/]: {len(p.sessions)} logged")
    for s in p.sessions[-5:]:
        topics = "; ".join(esc(t) for t in s.topics) or "-"
        con.print(f"  {s.date}: {topics}")
    if p.reviews:
        con.print(f"[bold]Goal reviews[/]: {', '.join(str(r.date) for r in p.reviews)}")

"""A short success story, in Markdown, that a pairing could share to encourage others.

Names are left out unless asked for: not only the two names at the top, but every
mention of them inside goals and notes (see `anonymise`), since the story is meant to
travel further than the people in it. Job titles and generations, which can tell who
someone is in a small organisation, are left out unless asked for too. Private notes
never appear.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from revmentor.coach.anonymise import anonymiser

if TYPE_CHECKING:
    from revmentor.coach.wrapup import Retrospective
    from revmentor.model import Pairing, Person, WrapUp


def _describe(person: Person, *, named: bool) -> str:
    role, generation = person.role.strip(), person.generation.strip()
    if named:
        return ", ".join(b for b in (role, generation) if b)
    if role and generation:
        return f"{role} ({generation})"
    return role or generation


def _article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def _move(baseline: int | None, final: int | None) -> str:
    if baseline is not None and final is not None and final != baseline:
        return f"from {baseline} to {final} out of 5"
    if final is not None:
        return f"{final} out of 5"
    return ""


def _pair(
    p: Pairing, clean: Callable[[str], str], *, named: bool, roles: bool, words: dict[str, Any]
) -> str:
    """The two people as the story's first sentence names them."""

    def who(person: Person) -> str | None:
        if named and person.name.strip():
            name = clean(person.name)
            described = clean(_describe(person, named=True)) if roles else ""
            return f"{name} ({described})" if described else name
        described = clean(_describe(person, named=False)) if roles else ""
        return _article(described) if described else None

    me, partner = who(p.me), who(p.partner)
    if me is None and partner is None:
        return str(words["pair"])
    fallback = words["person_fallback"]
    return f"{me or fallback} and {partner or fallback}"


def story_context(
    p: Pairing,
    retro: Retrospective,
    record: WrapUp | None,
    *,
    with_names: bool,
    words: dict[str, Any],
    with_roles: bool = False,
) -> dict[str, Any]:
    """What the story template needs, every piece of user text already made shareable."""
    clean: Callable[[str], str] = (lambda t: t) if with_names else anonymiser(p, words["anonymous"])

    minutes = retro.minutes
    hours = f", about {round(minutes / 60)} hours in all" if minutes >= 60 else ""
    sessions = f"{retro.sessions} session{'s' if retro.sessions != 1 else ''}"
    first, last = retro.horizon.start, min(retro.today, retro.horizon.end)
    when = (
        f"In {first:%B %Y}"
        if (first.year, first.month) >= (last.year, last.month)
        else f"From {first:%B %Y} to {last:%B %Y}"
    )
    pair = _pair(p, clean, named=with_names, roles=with_roles, words=words["anonymous"])
    intro = f"{when}, {pair} met {p.ground_rules.frequency}: {sessions}{hours}."
    labels = words["principles"]
    pulse = [
        f"{labels[m.principle]}: from {m.first} to {m.last} out of 5"
        if m.first != m.last
        else f"{labels[m.principle]}: steady at {m.last} out of 5"
        for m in retro.pulse
        if m.first is not None and m.last is not None
    ]
    return {
        "title": words["story"]["title"][p.kind],
        "intro": intro,
        "goals": [
            {"text": clean(" ".join(g.text.split())), "move": _move(g.baseline, g.final)}
            for g in retro.goals
            if g.status != "retired"
        ],
        "i_learned": [clean(x.text) for x in retro.i_learned],
        "they_learned": [clean(x.text) for x in retro.they_learned],
        "pulse": pulse,
        "worked": clean(record.worked) if record else "",
        "awkward": clean(record.awkward) if record else "",
        "decision": words["decisions"][record.decision]["story"] if record else "",
        "closing": " ".join(words["story"]["closing"].split()),
    }


def render_story(context: dict[str, Any], template: str) -> str:
    from jinja2 import Environment

    # Markdown, not HTML: nothing to escape, and people's own words stay as they wrote them.
    env = Environment(
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False
    )
    return env.from_string(template).render(**context)


def story(
    p: Pairing,
    retro: Retrospective,
    record: WrapUp | None,
    *,
    with_names: bool = False,
    with_roles: bool = False,
    words: dict[str, Any] | None = None,
    template: str | None = None,
) -> str:
    """The Markdown story. `words` and `template` default to the packaged ones."""
    from revmentor import content

    words = words if words is not None else content.load("wrapup.yaml")
    template = template if template is not None else content.text("story.md.j2")
    return render_story(
        story_context(p, retro, record, with_names=with_names, with_roles=with_roles, words=words),
        template,
    )

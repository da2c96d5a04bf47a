"""A short success story, in Markdown, that a pairing could share to encourage others.

Names are left out unless asked for: not only the two names at the top, but every
mention of them inside goals and notes, since the story is meant to travel further than
the people in it. Private notes never appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revmentor.coach.wrapup import Retrospective
    from revmentor.model import Pairing, Person, WrapUp

_SENTENCE_END = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
# After these words a name is the object of the sentence: "patient with me", not "with I".
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|to|for|about|from|at|by|of|than|like|gave|give|told|tell|asked|ask|showed|"
    r"show|taught|teach|helped|help|let|made|make|thanked|thank|invited|invite)\s+$",
    re.IGNORECASE,
)


def _variants(token: str) -> list[str]:
    """The spellings of a name that count as the name (not the word it may also be).

    Lower-case forms are left alone on purpose: a partner called Frank or Will must not
    turn 'frank feedback' or 'I will' into something else.
    """
    return sorted({token, token[:1].upper() + token[1:], token.upper()}, key=len, reverse=True)


def _tokens(name: str) -> list[str]:
    name = " ".join(name.split())
    if not name:
        return []
    parts = [name, *re.split(r"[\s]+", name)]
    parts += [bit for part in parts for bit in part.split("-")]
    return [p for p in dict.fromkeys(parts) if len(p.strip(".'’")) >= 2]


def anonymiser(p: Pairing, words: dict[str, str]) -> Callable[[str], str]:
    """A function that swaps both people's names for neutral words in a piece of text."""
    table: list[tuple[str, tuple[str, str, str]]] = []
    for person, forms in (
        (p.me, (words["me"], words["me_object"], words["me_possessive"])),
        (p.partner, (words["partner"], words["partner"], words["partner_possessive"])),
    ):
        table += [(v, forms) for t in _tokens(person.name) for v in _variants(t)]
    if not table:
        return lambda text: text
    # Longest first, so 'Sam Rivera' goes as one before 'Sam' alone is considered.
    table.sort(key=lambda row: len(row[0]), reverse=True)
    lookup = dict(table)
    pattern = re.compile(
        r"(?<![\w])(" + "|".join(re.escape(v) for v, _ in table) + r")(['’]s)?(?![\w])"
    )

    def replace(match: re.Match[str]) -> str:
        subject, obj, possessive = lookup[match.group(1)]
        before = match.string[: match.start()]
        if match.group(2):
            word = possessive
        elif _OBJECT_BEFORE.search(before):
            word = obj
        else:
            word = subject
        if _SENTENCE_END.search(before):
            word = word[:1].upper() + word[1:]
        return word

    return lambda text: pattern.sub(replace, text)


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


def story_context(
    p: Pairing,
    retro: Retrospective,
    record: WrapUp | None,
    *,
    with_names: bool,
    words: dict[str, Any],
) -> dict[str, Any]:
    """What the story template needs, every piece of user text already made shareable."""
    anon = anonymiser(p, words["anonymous"])
    clean: Callable[[str], str] = (lambda t: t) if with_names else anon
    fallback = words["anonymous"]["person_fallback"]

    def who(person: Person) -> str:
        if with_names and person.name.strip():
            described = _describe(person, named=True)
            return f"{person.name} ({described})" if described else person.name
        described = clean(_describe(person, named=False))
        return _article(described) if described else fallback

    minutes = retro.minutes
    hours = f", about {round(minutes / 60)} hours in all" if minutes >= 60 else ""
    sessions = f"{retro.sessions} session{'s' if retro.sessions != 1 else ''}"
    first, last = retro.horizon.start, min(retro.today, retro.horizon.end)
    when = (
        f"In {first:%B %Y}"
        if (first.year, first.month) >= (last.year, last.month)
        else f"From {first:%B %Y} to {last:%B %Y}"
    )
    intro = (
        f"{when}, {who(p.me)} and {who(p.partner)} met {p.ground_rules.frequency}: "
        f"{sessions}{hours}."
    )
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
    words: dict[str, Any] | None = None,
    template: str | None = None,
) -> str:
    """The Markdown story. `words` and `template` default to the packaged ones."""
    from revmentor import content

    words = words if words is not None else content.load("wrapup.yaml")
    template = template if template is not None else content.text("story.md.j2")
    return render_story(
        story_context(p, retro, record, with_names=with_names, words=words), template
    )

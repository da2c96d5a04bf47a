"""`revmentor steps`: list the open next steps; mark them done or open again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from revmentor.coach import steps as cst
from revmentor.errors import BadInput, Concluded
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.store import Store

ALL = "all"


def show(
    st: Store,
    pairing: str | None,
    *,
    include_done: bool,
    as_json: bool,
    tty: bool,
    today: date,
) -> None:
    from revmentor.views.records import render_steps, steps_json

    slug = pick(st, pairing, command="revmentor steps", tty=tty and not as_json)
    found = cst.steps(st.read(slug))
    shown = found if include_done else [s for s in found if not s.done]
    if as_json:
        steps_json(slug, shown)
        return
    render_steps(slug, shown, today, include_done=include_done)


def split(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """`[PAIRING] N...`: a first word that is not a number (nor `all`) names the pairing."""
    if args and not (args[0].isdigit() or args[0].lower() == ALL):
        return args[0], list(args[1:])
    return None, list(args)


def numbers(words: Sequence[str], every: Sequence[cst.Step]) -> list[int]:
    if any(w.lower() == ALL for w in words):
        return [s.number for s in every]
    out = []
    for word in words:
        if not word.isdigit():
            raise BadInput(
                f"'{word}' is not a step number",
                "Give the numbers `revmentor steps` shows, e.g. revmentor steps done 1 2.",
            )
        out.append(int(word))
    return out


def change(st: Store, args: Sequence[str], *, done: bool, tty: bool) -> None:
    """Mark the steps named in `args` done (or open); in a terminal, none named: ask."""
    from revmentor.views.records import render_marked

    verb = "done" if done else "reopen"
    name, words = split(args)
    slug = pick(st, name, command=f"revmentor steps {verb}", tty=tty)
    p = st.read(slug)
    every = cst.steps(p)
    # The ones that can change: open steps to close, or done ones to open again.
    candidates = [s for s in every if s.done != done]
    if words:
        chosen = cst.pick(p, numbers(words, candidates))
    elif tty:
        if p.state == "concluded":
            raise Concluded.read_only(slug)
        chosen = ask_which(candidates, done=done)
    else:
        raise BadInput(
            "name the steps by number: there is no terminal to ask which",
            f"For example: revmentor steps {verb} {slug} 1 (or all); "
            f"see `revmentor steps {verb} --help`.",
        )
    changed = 0
    if chosen:
        with st.update(slug) as fresh:
            changed = cst.mark(fresh, [s.key for s in chosen], done)
    render_marked(slug, chosen, changed, done=done)


def ask_which(
    candidates: Sequence[cst.Step], *, done: bool, carried: bool = False
) -> list[cst.Step]:
    from revmentor import prompts
    from revmentor.views.records import words

    q = words()["steps"]["questions"]
    if not candidates:
        return []
    ticked = prompts.checkbox(
        q["carried_done" if carried else "which_done" if done else "which_open"],
        [(str(s.number), f"{s.number}. {s.text}") for s in candidates],
        instruction=q["tick_hint"],
    )
    return [s for s in candidates if str(s.number) in ticked]

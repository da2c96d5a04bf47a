"""`revmentor wrap-up`: settle every answer (flags first, questions for the rest), then save.

Questions are all asked before the pairing is locked, so a person thinking over an
answer never blocks another revmentor process; the decision is then applied to the
freshest copy of the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revmentor.coach import wrapup
from revmentor.coach.goal_ids import PROMPT_ROOM, goal_label
from revmentor.errors import BadInput, Concluded, NeedsTerminal
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.model import Pairing
    from revmentor.store import Store
    from revmentor.vocab import WrapDecision

COMMAND = "revmentor wrap-up"
DEFAULT_STORY = "mentoring-story.md"
FLAGS = {"weeks": "--weeks"}


@dataclass
class Plan:
    decision: WrapDecision
    weeks: int | None = None
    carry_over: list[str] | None = None
    worked: str = ""
    awkward: str = ""
    story: Path | None = None
    with_names: bool = False
    with_roles: bool = False
    force: bool = False


@dataclass
class Given:
    """What came from flags; None means the flag was not given.

    `carry_over` None with `carry_over_given` means every active goal carries over.
    """

    pairing: str | None = None
    decision: WrapDecision | None = None
    weeks: int | None = None
    carry_over: Sequence[str] | None = None
    carry_over_given: bool = False
    worked: str | None = None
    awkward: str | None = None
    story: Path | None = None
    with_names: bool = False
    with_roles: bool = False
    force: bool = False
    yes: bool = False
    # The data folder, which no story may be written into (set by `run`).
    home: Path | None = None


def _carried(given: Given, p: Pairing) -> Given:
    """`given` with the goals to carry over named and checked against the pairing."""
    if not given.carry_over_given:
        return given
    if given.carry_over is None:
        return replace(given, carry_over=[g.id for g in p.active_goals()])
    return replace(given, carry_over=wrapup.check_carry_over(p, given.carry_over))


def check_story_path(path: Path, force: bool, home: Path | None) -> Path:
    if path.is_dir():
        raise BadInput(f"{path} is a folder; give a file name for the story, e.g. {DEFAULT_STORY}")
    if home is not None:
        from revmentor.wizard.output_file import check_target

        check_target(path, home)
    if path.exists() and not force:
        raise BadInput(
            f"{path} already exists, so the story was not written over it",
            "Choose another file, or add --force to replace it.",
        )
    if not path.parent.is_dir():
        raise BadInput(f"the folder {path.parent} does not exist")
    return path


def check_given(given: Given) -> None:
    """Flag combinations that cannot work, refused before any question is asked."""
    d = given.decision
    if given.weeks is not None and d not in (None, "extend"):
        raise BadInput("--weeks goes with --decision extend")
    if given.carry_over_given and d not in (None, "renew"):
        raise BadInput("--carry-over goes with --decision renew")
    if d == "extend" or given.weeks is not None:
        try:
            wrapup.check_weeks(given.weeks)
        except BadInput as exc:
            raise exc.named(FLAGS) from None
    if given.story is not None:
        check_story_path(given.story, given.force, given.home)


def check_ready(given: Given, *, ask: bool, terminal: bool) -> None:
    """Refuse what cannot work before anything is shown or asked."""
    check_given(given)
    if given.decision is None and not ask:
        if not terminal:
            raise NeedsTerminal(
                "the wrap-up needs a decision, and there is no terminal to ask for it",
                "Give it with --decision renew|conclude|extend (extend also takes --weeks N).",
            )
        raise BadInput(
            "--yes skips the questions, so the decision must come from --decision",
            "Add --decision renew|conclude|extend (extend also takes --weeks N).",
        )


def _ask_weeks(words: dict[str, Any]) -> int:
    from revmentor import prompts

    def check(value: str) -> str | None:
        if not value.strip().isdigit() or not 1 <= int(value) <= wrapup.MAX_WEEKS:
            return f"A whole number of weeks from 1 to {wrapup.MAX_WEEKS}."
        return None

    return int(prompts.text(words["questions"]["weeks"], "4", check=check))


def _ask_story(words: dict[str, Any], force: bool, home: Path | None) -> Path | None:
    from revmentor import prompts

    if not prompts.confirm(words["questions"]["story"], default=False):
        return None

    def check(value: str) -> str | None:
        try:
            check_story_path(Path(value or DEFAULT_STORY).expanduser(), force, home)
        except BadInput as exc:
            return exc.message
        return None

    answer = prompts.text(words["questions"]["story_path"], DEFAULT_STORY, check=check)
    return Path(answer or DEFAULT_STORY).expanduser()


def settle(
    p: Pairing,
    retro: wrapup.Retrospective,
    given: Given,
    words: dict[str, Any],
    *,
    ask: bool,
    terminal: bool,
) -> Plan | None:
    """Every answer the wrap-up needs; None when the person decides not to wrap up yet.

    `ask` is False under --yes or without a terminal: then only flags count, and the
    decision must be among them.
    """
    check_ready(given, ask=ask, terminal=terminal)
    q = words["questions"]
    if ask and retro.early:
        from revmentor import prompts

        end = str(retro.horizon.end)
        if not prompts.confirm(q["early"].format(end=end, days=retro.days_left), default=False):
            return None
    worked, awkward = given.worked, given.awkward
    decision, weeks = given.decision, given.weeks
    carry = list(given.carry_over) if given.carry_over is not None else None
    story, with_names = given.story, given.with_names
    with_roles = given.with_roles
    if ask:
        from revmentor import prompts

        if worked is None:
            worked = prompts.text(q["worked"])
        if awkward is None:
            awkward = prompts.text(q["awkward"])
        if decision is None:
            choices = [(d, words["decisions"][d]["label"]) for d in wrapup.DECISIONS]
            picked = prompts.select(q["decision"], choices)
            decision = next(d for d in wrapup.DECISIONS if d == picked)
        if decision == "extend" and weeks is None:
            weeks = _ask_weeks(words)
        active = [g.id for g in p.active_goals()]
        if decision == "renew" and not given.carry_over_given and active:
            goals = [(g.id, goal_label(g.text, g.id, PROMPT_ROOM)) for g in p.active_goals()]
            carry = prompts.checkbox(q["carry_over"], goals, checked=active)
        if story is None:
            story = _ask_story(words, given.force, given.home)
        if story is not None and not with_roles:
            with_roles = prompts.confirm(q["with_roles"], default=False)
        if story is not None and not with_names:
            with_names = prompts.confirm(q["with_names"], default=False)
    if decision is None:  # settled above, from a flag or asked; never guessed
        raise RuntimeError("wrap-up reached its plan without a decision")
    return Plan(
        decision=decision,
        weeks=weeks,
        carry_over=carry,
        worked=worked or "",
        awkward=awkward or "",
        story=story,
        with_names=with_names,
        with_roles=with_roles,
        force=given.force,
    )


def apply(p: Pairing, plan: Plan, today: date) -> Pairing:
    return wrapup.decide(
        p,
        today,
        plan.decision,
        weeks=plan.weeks,
        carry_over=plan.carry_over,
        worked=plan.worked,
        awkward=plan.awkward,
    )


def save(st: Store, slug: str, plan: Plan, today: date, words: dict[str, Any]) -> Pairing:
    """Apply the plan to the latest file under its lock; write the story if asked.

    The story is written before the pairing is saved, so a story that cannot be written
    leaves the pairing as it was.
    """
    with st.update(slug) as fresh:
        changed = apply(fresh, plan, today)
        if plan.story is not None:
            from revmentor.coach.story import story
            from revmentor.files import atomic_write
            from revmentor.views.text import clean

            # Control characters and bidi overrides shown as codes, as on the terminal.
            text = clean(
                story(
                    fresh,
                    wrapup.retrospective(fresh, today),
                    changed.wrap_ups[-1],
                    with_names=plan.with_names,
                    with_roles=plan.with_roles,
                    words=words,
                )
            )
            # Checked again: the file may have appeared while the questions were asked.
            atomic_write(check_story_path(plan.story, plan.force, st.home), text)
        for name in type(changed).model_fields:
            setattr(fresh, name, getattr(changed, name))
    return changed


def run(st: Store, given: Given, *, tty: bool, today: date) -> None:
    """The look back, the answers still missing, then the decision saved."""
    from revmentor import content
    from revmentor.views.wrapup import render_decision, render_retrospective, render_story_written

    slug = pick(st, given.pairing, command=COMMAND, tty=tty)
    p = st.read(slug)
    if p.state == "concluded":
        raise Concluded.read_only(slug)
    words = content.load("wrapup.yaml")
    given = replace(_carried(given, p), home=st.home)
    retro = wrapup.retrospective(p, today)
    ask = tty and not given.yes
    check_ready(given, ask=ask, terminal=tty)
    render_retrospective(slug, retro, words)
    plan = settle(p, retro, given, words, ask=ask, terminal=tty)
    if plan is None:
        from revmentor.views.console import out

        out().print(words["hints"]["nothing"])
        return
    changed = save(st, slug, plan, today, words)
    render_decision(slug, changed, changed.wrap_ups[-1], words)
    if plan.story is not None:
        render_story_written(str(plan.story), plan.with_names, plan.with_roles)

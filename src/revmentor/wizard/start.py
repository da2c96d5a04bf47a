"""`revmentor start`: gather the answers (draft, answers file, flags, questions), show
the plan, let the user go back to any step, then save it under a name of its own."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from revmentor.coach import plan
from revmentor.errors import AlreadyExists, BadInput, NotFound
from revmentor.store import Store, check_slug, slugify
from revmentor.vocab import Frequency, Kind, Side
from revmentor.wizard import answers as answers_mod
from revmentor.wizard import drafts
from revmentor.wizard.start_steps import State, Step

if TYPE_CHECKING:
    from revmentor.model import Pairing

# Keys whose lists are built one item at a time: given up front, they are not extended.
LIST_KEYS = ("goals", "scan.gaps")


# What a missing answer's flag is, when it has one.
FLAGS: dict[str, str] = {
    "partner.name": "--partner NAME",
    "goals": "--goal TEXT",
    "me.side": "--side",
    "ground_rules.frequency": "--frequency",
    "horizon.start": "--start DATE",
}


@dataclass
class Options:
    answers: Path | None = None
    use_defaults: bool = False
    name: str | None = None
    resume: bool = False
    kind: Kind | None = None
    partner: str | None = None
    goals: list[str] = field(default_factory=list)
    side: Side | None = None
    start: date | None = None
    frequency: Frequency | None = None


def steps_for(kind: Kind) -> list[tuple[str, str, Step]]:
    if kind == "on-the-job":
        from revmentor.wizard.on_the_job import STEPS as JOB_STEPS

        return JOB_STEPS
    from revmentor.wizard.start_steps import STEPS

    return STEPS


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """`top` over `base`, key by key inside mappings; lists are replaced whole."""
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _kind(value: Any, where: str) -> Kind:
    if value not in answers_mod.KINDS:
        raise BadInput(
            f"{where} must be reverse-mentoring or on-the-job, not '{value}'",
        )
    return cast(Kind, value)


def _how_to_answer(missing: plan.MissingAnswers) -> str:
    """Where the missing answers can come from: an answers file, flags, --defaults."""
    lines = [
        "There is no terminal to ask them in. Give them in an answers file"
        " (--answers FILE: the keys of a pairing file, dotted here)."
    ]
    flagged = [f"{k}: {FLAGS[k]}" for k in missing.keys if k in FLAGS]
    if flagged:
        lines.append("Or with flags: " + "; ".join(flagged) + ".")
    if not missing.defaults_used and any(k not in plan.NO_DEFAULT for k in missing.keys):
        lines.append(
            "Or add --defaults to take the default answer for everything except "
            + " and ".join(sorted(plan.NO_DEFAULT))
            + "."
        )
    return "\n".join(lines)


def _build(state: State, source: answers_mod.Source, *, use_defaults: bool) -> Pairing:
    from pydantic import ValidationError

    try:
        return plan.build(state.answers, state.kind, state.today, use_defaults=use_defaults)
    except ValidationError as exc:
        raise answers_mod.explain(exc, source) from None
    except plan.MissingAnswers as exc:
        raise plan.MissingAnswers(
            exc.keys, defaults_used=exc.defaults_used, hint=_how_to_answer(exc)
        ) from None
    except BadInput as exc:
        if exc.field == "goals" and exc.hint is None:
            raise BadInput(
                exc.problem, "Add one with --goal TEXT, or in the answers file.", field="goals"
            ) from None
        raise


def _precheck(state: State, source: answers_mod.Source) -> None:
    """Report a bad answers file before asking anything, with the line of each problem."""
    trial = State(state.kind, state.today, copy.deepcopy(state.answers))
    if not plan.has(trial.answers, "partner.name"):
        trial.set("partner.name", "someone")
    if not plan.has(trial.answers, "goals"):
        trial.answers["goals"] = [{"text": "learn something new", "owner": "me"}]
    _build(trial, source, use_defaults=True)


def _choose_slug(st: Store, name: str | None, pairing: Pairing, *, tty: bool) -> str:
    slug = name or slugify(pairing.partner.name)
    while st.exists(slug):
        if not tty:
            raise AlreadyExists(
                f"a pairing called '{slug}' already exists, and it is never overwritten",
                "Choose another name with --name SLUG.",
            )
        from revmentor import prompts

        def check(value: str) -> str | None:
            try:
                check_slug(value.strip())
            except BadInput as exc:
                return exc.message
            return f"'{value}' is taken too." if st.exists(value.strip()) else None

        slug = prompts.text(
            f"A pairing called '{slug}' already exists. A name for this one:",
            f"{slug}-2",
            check=check,
        ).strip()
    return slug


def _summary_loop(state: State, source: answers_mod.Source) -> Pairing:
    from revmentor import prompts
    from revmentor.views.plan_summary import render_summary

    steps = steps_for(state.kind)
    while True:
        pairing = _build(state, source, use_defaults=state.use_defaults)
        render_summary(pairing, None)
        if state.use_defaults:
            return pairing
        choices = [("save", "Save the plan")] + [
            (key, f"Go back to step {n}: {title}") for n, (key, title, _) in enumerate(steps, 1)
        ]
        refreshed = _ask_with_rhythm(pairing)
        if refreshed is not None:
            rhythm = pairing.ground_rules.frequency
            choices.insert(1, ("rhythm", f"Say in the ask that you will meet {rhythm}"))
        choice = prompts.select(
            "Save this plan, or go back and change a step?", choices, default="save"
        )
        if choice == "save":
            return pairing
        if choice == "rhythm" and refreshed is not None:
            state.set("ask.wording", refreshed)
            continue
        step = next(func for key, _, func in steps if key == choice)
        state.redo = True
        try:
            step(state)
        finally:
            state.redo = False


def _ask_with_rhythm(pairing: Pairing) -> str | None:
    """The ask's draft naming the rhythm, while the wording is still a draft without it.

    The ask is worded before the ground rules are agreed; once they are, a draft that
    says "regularly" can say "every two weeks" instead.
    """
    from revmentor.coach.ask import drafts

    ask = pairing.ask
    if pairing.kind != "reverse-mentoring" or ask is None or not ask.wording:
        return None
    me = pairing.me
    plain = drafts(ask.topic, partner=pairing.partner.name, offers=me.offers, side=me.side)
    rhythm = drafts(
        ask.topic,
        partner=pairing.partner.name,
        offers=me.offers,
        side=me.side,
        frequency=pairing.ground_rules.frequency,
    )
    same = " ".join(ask.wording.split())
    pairs = zip(plain, rhythm, strict=True)
    return next((r.text for d, r in pairs if " ".join(d.text.split()) == same), None)


def _next_steps(pairing: Pairing, slug: str) -> list[str]:
    from revmentor import content

    lines = content.load("start.yaml")["next_steps"][pairing.kind]
    partner = pairing.partner.name or "your partner"
    if pairing.kind == "reverse-mentoring" and pairing.ask and pairing.ask.asked_on:
        lines = lines[1:]  # already sent
    steps = [line.format(partner=partner, slug=slug, start=pairing.horizon.start) for line in lines]
    if pairing.kind == "reverse-mentoring":
        steps += _weak_goals(pairing, content.load("start.yaml")["weak_goal"], partner)
    return steps


def _weak_goals(pairing: Pairing, template: str, partner: str) -> list[str]:
    """A step per goal that falls short of REAL, as the owner assessed it."""
    from revmentor.coach.real import KEYS
    from revmentor.views.verdict import criterion_name

    steps = []
    for goal in pairing.goals:
        missing = [criterion_name(key) for key in KEYS if not getattr(goal.real, key)]
        if missing:
            steps.append(
                template.format(
                    goal=goal.id, met=4 - len(missing), missing=", ".join(missing), partner=partner
                )
            )
    return steps


def _resolve_draft(st: Store, opts: Options, tty: bool) -> tuple[drafts.Draft | None, bool]:
    """The draft to resume, if any, and whether it is to go once this plan saves."""
    if opts.resume:
        if not drafts.exists(st):
            raise NotFound(
                "there is no unfinished plan to resume",
                "Start a new one with: revmentor start",
            )
        return drafts.load(st), True
    if not (tty and opts.answers is None and drafts.exists(st)):
        return None, False
    from revmentor import prompts
    from revmentor.views.text import clean

    draft = drafts.load(st)
    partner = plan.get(draft.answers, "partner.name")
    with_whom = f" with {clean(str(partner))}" if partner else ""
    when = f" (saved {draft.saved})" if draft.saved else ""
    choice = prompts.select(
        f"You have an unfinished plan{with_whom}{when}. Resume it?",
        [
            ("resume", "Resume it"),
            ("keep", "Start a new plan, and keep the unfinished one for later"),
            ("discard", "Start a new plan, and discard the unfinished one"),
        ],
        default="resume",
    )
    if choice == "resume":
        return draft, True
    if choice == "discard":
        drafts.delete(st)
    return None, False


def _stopped(st: Store, draft: drafts.Draft, *, resumed: bool) -> None:
    from revmentor.views.console import err

    where = drafts.keep(st, draft, continues=resumed)
    if where is not None:
        said = (
            f"\nStopped. Your answers so far are saved in {where}.\n"
            "Run `revmentor start` to pick up where you left off (or `revmentor start "
            "--resume`)."
        )
    elif drafts.exists(st):
        said = (
            "\nStopped. Your earlier unfinished plan, which has more in it, is kept as it "
            "was: `revmentor start --resume` picks it up."
        )
    else:
        said = "\nStopped. Nothing was answered yet, so nothing was saved."
    err().print(said, markup=False)


def run(st: Store, opts: Options, *, tty: bool, today: date) -> int:
    """The whole command; returns its exit code (130 when interrupted, after saving a draft)."""
    from revmentor.views.plan_summary import render_note, render_saved, render_summary

    if opts.name is not None:
        check_slug(opts.name)
        if st.exists(opts.name) and not tty:
            raise AlreadyExists(
                f"a pairing called '{opts.name}' already exists, and it is never overwritten",
                "Choose another name with --name SLUG.",
            )
    kind_flag = opts.kind

    draft, drop_draft = _resolve_draft(st, opts, tty)
    source = answers_mod.Source()
    if opts.answers is not None:
        source = answers_mod.read(opts.answers)
    file_kind = source.answers.get("kind")
    kind: Kind = kind_flag or "reverse-mentoring"
    if draft is not None:
        kind = _kind(draft.kind, "the draft's kind")
        if kind_flag and kind_flag != kind:
            raise BadInput(
                f"the unfinished plan is {kind}, not {kind_flag}",
                "Resume it without --kind, or start afresh without --resume.",
            )
    elif file_kind is not None and kind_flag is None:
        kind = _kind(file_kind, f"{opts.answers}: kind")

    state = State(kind, today, use_defaults=opts.use_defaults)
    name = opts.name
    if draft is not None:
        state.answers = draft.answers
        state.done = list(draft.done)
        state.fixed = set(draft.fixed)
        name = name or draft.name
    state.answers = _merge(state.answers, source.answers)
    state.fixed |= {k for k in LIST_KEYS if plan.has(source.answers, k)}
    flagged = answers_mod.apply_flags(
        state.answers,
        partner=opts.partner,
        goals=opts.goals,
        side=opts.side,
        start=opts.start,
        frequency=opts.frequency,
    )
    state.fixed |= {k for k in LIST_KEYS if k in flagged}
    answers_mod.build_goals(state.answers, kind)
    for note in source.notes:
        render_note(note)
    if tty and source.path is not None:
        _precheck(state, source)

    if tty:
        try:
            for key, _, step in steps_for(kind):
                if key not in state.done:
                    step(state)
                    state.done.append(key)
            if plan.missing(state.answers, kind) and not state.use_defaults:
                # A draft or answers file can leave gaps in steps marked done: each
                # step asks only what is still unanswered.
                for _, _, step in steps_for(kind):
                    step(state)
            pairing = _summary_loop(state, source)
            slug = _choose_slug(st, name, pairing, tty=True)
        except KeyboardInterrupt:
            now = drafts.Draft(kind, state.answers, state.done, sorted(state.fixed), name)
            _stopped(st, now, resumed=draft is not None)
            return 130
    else:
        pairing = _build(state, source, use_defaults=opts.use_defaults)
        slug = _choose_slug(st, name, pairing, tty=False)
        render_summary(pairing, slug)
        # Asked about in the wizard; here there is no one to ask, so it is said.
        similar = plan.similar_partner_note(pairing)
        if similar:
            render_note(similar)

    path = st.create(slug, pairing)
    if drop_draft:
        drafts.delete(st)
    render_saved(str(path), _next_steps(pairing, slug))
    return 0

"""`revmentor goals add`: a goal from flags, or asked for in a terminal, then saved."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from revmentor.coach import goals as cg
from revmentor.errors import BadInput, Concluded, NeedsTerminal
from revmentor.vocab import Owner
from revmentor.wizard.goal_builder import BuildFlags
from revmentor.wizard.goal_ids import ask_goal_id
from revmentor.wizard.goals_review import NewGoal, ask_new_goal, check_wording, real_of
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.coach.verdict import Verdict
    from revmentor.model import Pairing, RealFlags
    from revmentor.store import Store

COMMAND = "revmentor goals add"
FLAGS = {"text": "--text", "owner": "--owner", "baseline": "--baseline", "id": "--id"}


@dataclass
class AddRequest:
    """What the command line gave; `text` None means the goal is to be asked for."""

    pairing: str | None = None
    text: str | None = None
    owner: Owner = "me"
    why: str = ""
    baseline: int | None = None
    goal_id: str | None = None
    # The REAL criteria the person judges the goal meets; None leaves it to the check.
    real: Collection[str] | None = None
    # The builder's answers, instead of `text`.
    build: BuildFlags = field(default_factory=BuildFlags)


def _own_real(met: Collection[str]) -> RealFlags:
    from revmentor.model import RealFlags

    return RealFlags(**{key: True for key in met})


def _built(p: Pairing, request: AddRequest) -> str:
    """The goal the --build-* answers make, for this pairing's kind of goal."""
    from revmentor.coach.goal_check import smart_context
    from revmentor.wizard.goal_builder import from_flags

    if request.text is not None:
        raise BadInput(
            "--text and --build-… both give the goal's wording",
            "Give either the wording with --text, or the builder's answers with --build-….",
        )
    smart = p.kind == "on-the-job"
    return from_flags(request.build, smart=smart, context=smart_context(p) if smart else None).text


def add(st: Store, request: AddRequest, *, tty: bool, today: date) -> None:
    """Add one goal; a bad id, wording or baseline is refused before anything is asked."""
    slug = pick(st, request.pairing, command=COMMAND, tty=tty)
    p = st.read(slug)
    own_real = _own_real(request.real) if request.real is not None else None
    goal_id = request.goal_id
    if request.build.given:
        request.text = _built(p, request)
    if request.text is not None:
        if not request.text.strip():
            raise BadInput("--text: the goal's wording is empty")
        spec = NewGoal(request.text, request.owner, request.why, request.baseline)
        try:
            # A dry run on a copy refuses a bad id, wording or baseline before any write.
            cg.add_goal(
                p.model_copy(deep=True),
                spec.text,
                today,
                owner=spec.owner,
                why=spec.why,
                baseline=spec.baseline,
                goal_id=goal_id,
            )
        except BadInput as exc:
            raise exc.named(FLAGS) from None
        verdict: Verdict | None = check_wording(spec.text, p)
        assert verdict is not None
        if tty and not verdict.passed and p.state != "concluded":
            # In a terminal, a wording that falls short can be reworded before it is saved.
            from revmentor.wizard.start_steps import settle_wording

            settled = settle_wording(spec.text, lambda text: check_wording(text, p))
            if settled is None:
                from revmentor.views.goals import render_nothing_added

                render_nothing_added()
                return
            spec.text, verdict = settled, None
            spec.real = own_real or real_of(check_wording(settled, p))
        else:
            spec.real = own_real or real_of(verdict)
    elif tty:
        if p.state == "concluded":
            raise Concluded.read_only(slug)
        spec = ask_new_goal(p)
        verdict = None  # already shown while the goal was being written
        if goal_id is None:
            goal_id = ask_goal_id(spec.text, [g.id for g in p.goals])
        if own_real is not None:
            spec.real = own_real
    else:
        raise NeedsTerminal(
            "goals add needs answers, and there is no terminal to ask them in",
            "Give them with --text, or build the goal with --build-can, --build-who and "
            "--build-try (and optionally --owner, --why, --baseline).",
        )

    with st.update(slug) as fresh:
        try:
            new = cg.add_goal(
                fresh,
                spec.text,
                today,
                owner=spec.owner,
                why=spec.why,
                baseline=spec.baseline,
                goal_id=goal_id,
                real=spec.real,
            )
        except BadInput as exc:
            raise exc.named(FLAGS) from None
        if fresh.kind == "on-the-job":
            # An on-the-job goal keeps its SMART verdict, as one set in `start` does.
            from revmentor.model import SmartFlags

            checks = check_wording(new.text, fresh).checks
            new.smart = SmartFlags(
                **{k: c.ok for k, c in checks.items() if k in SmartFlags.model_fields}
            )

    from revmentor.views.goals import render_goal_added

    render_goal_added(slug, new, verdict)

"""`revmentor goals review`: decisions from flags or questions, applied under the lock.

The questions here (a goal's decision, a new goal) are also those of `goals add` without
flags. The wizard only gathers decisions; the coach applies them to the latest file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from revmentor import prompts
from revmentor.coach import goals as cg
from revmentor.coach.goal_ids import PROMPT_ROOM, goal_label, resolve
from revmentor.errors import BadInput, Concluded, NeedsTerminal
from revmentor.vocab import Decision, Owner
from revmentor.wizard.goal_builder import BuildFlags
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.coach.verdict import Verdict
    from revmentor.model import Goal, Pairing, RealFlags
    from revmentor.store import Store

COMMAND = "revmentor goals review"
FLAGS = {"goal": "--goal", "rating": "--rating", "text": "--text", "reason": "--reason"}


@dataclass
class ReviewRequest:
    """What the command line gave; None means the flag was not given."""

    pairing: str | None = None
    goal: str | None = None
    rating: int | None = None
    decision: Decision | None = None
    text: str | None = None
    reason: str | None = None
    note: str | None = None
    yes: bool = False
    # The builder's answers, instead of `text`, for a reword.
    build: BuildFlags = field(default_factory=BuildFlags)


@dataclass
class NewGoal:
    text: str
    owner: Owner = "me"
    why: str = ""
    baseline: int | None = None
    real: RealFlags | None = None


@dataclass
class ReviewAnswers:
    decisions: list[cg.GoalDecision] = field(default_factory=list)
    real: dict[str, RealFlags] = field(default_factory=dict)
    new_goals: list[NewGoal] = field(default_factory=list)
    note: str | None = None


def _words() -> Any:
    from revmentor import content

    return content.load("goals.yaml")


def check_wording(text: str, pairing: Pairing | None = None, gap: str | None = None) -> Verdict:
    """The verdict of a wording, checked the way its pairing checks goals: REAL, or SMART
    with the scan for an on-the-job plan (the checker loads only when a goal is checked)."""
    if pairing is not None and pairing.kind == "on-the-job":
        from revmentor.coach.goal_check import verdict_for

        return verdict_for(pairing, text, gap)
    from revmentor.coach.real import check_real

    return check_real(text)


def real_of(verdict: Verdict) -> RealFlags:
    """The REAL flags a verdict earns; a SMART verdict earns none (its plan uses SMART)."""
    from revmentor.model import RealFlags

    return cg.real_flags(verdict.checks) if "learning_based" in verdict.checks else RealFlags()


def _build(pairing: Pairing | None, goal: Goal | None = None) -> str:
    """Build a wording with the person, with SMART's two questions for an on-the-job plan."""
    from revmentor.wizard.goal_builder import ask_built

    if pairing is None or pairing.kind != "on-the-job":
        return ask_built()
    from revmentor.coach.goal_check import smart_context

    gap = goal.gap if goal is not None else None
    by = goal.target_date if goal is not None and goal.target_date else pairing.horizon.end
    return ask_built(smart=True, context=smart_context(pairing, gap), by=str(by))


def _new_wording(goal: Goal, pairing: Pairing | None = None) -> tuple[str, RealFlags]:
    """Ask for a new wording until the user accepts it, having seen its verdict."""
    from revmentor.views.goals import render_new_wording
    from revmentor.wizard.goal_builder import wants_builder

    q = _words()["questions"]
    draft = goal.text
    before = check_wording(goal.text, pairing, goal.gap).met()
    while True:
        if wants_builder():
            draft = _build(pairing, goal)
        else:
            draft = prompts.text(
                q["new_text"],
                draft,
                check=lambda v: None if v.strip() else "Please type the new wording.",
            )
        if draft.strip() == goal.text.strip():
            continue
        verdict = check_wording(draft, pairing, goal.gap)
        render_new_wording(verdict)
        # A wording that meets fewer criteria than the old one is kept only on purpose.
        if prompts.confirm(q["use_wording"], default=verdict.met() >= before):
            return draft, real_of(verdict)


def decide(
    pairing: Pairing, goal: Goal, index: int, total: int
) -> tuple[cg.GoalDecision, RealFlags | None]:
    """Show one goal and ask for its rating and decision (and the REAL flags of a rewording)."""
    from revmentor.views.goals import render_goal_card

    words = _words()
    q = words["questions"]
    verdict = check_wording(goal.text, pairing, goal.gap)
    render_goal_card(index, total, goal, cg.ratings(pairing, goal.id), verdict)
    rating = prompts.rating(q["rating"].format(goal=goal_label(goal.text, goal.id, PROMPT_ROOM)))
    choices = [(d, words["decisions"][d]) for d in cg.DECISIONS]
    decision = prompts.select(q["decision"], choices, default="keep")
    d = cg.GoalDecision(goal_id=goal.id, rating=rating)
    real: RealFlags | None = None
    if decision == "reword":
        d.decision = "reword"
        d.text, real = _new_wording(goal, pairing)
        d.reason = prompts.text(q["reword_reason"]) or None
    elif decision == "achieved":
        d.decision = "achieved"
        d.reason = prompts.text(q["achieved_reason"]) or None
    elif decision == "retire":
        d.decision = "retire"
        d.reason = prompts.required_text(q["retire_reason"])
    return d, real


def ask_new_goal(pairing: Pairing | None = None) -> NewGoal:
    """One new goal: wording (checked as its pairing checks goals), owner, why, baseline."""
    from revmentor.views.goals import render_new_wording
    from revmentor.wizard.goal_builder import wants_builder

    words = _words()
    q = words["questions"]
    text = _build(pairing) if wants_builder() else prompts.required_text(q["goal_text"])
    verdict = check_wording(text, pairing)
    render_new_wording(verdict)
    owners = [(o, words["owners"][o]) for o in cg.OWNERS]
    owner = cast(Owner, prompts.select(q["owner"], owners, default="me"))
    why = prompts.text(q["why"])
    baseline = prompts.rating(q["baseline"], default=1)
    return NewGoal(text, owner, why, baseline, real_of(verdict))


def ask_new_goals(pairing: Pairing | None = None) -> list[NewGoal]:
    q = _words()["questions"]
    added: list[NewGoal] = []
    while prompts.confirm(q["add_another"] if added else q["add"], default=False):
        added.append(ask_new_goal(pairing))
    return added


def review_goals(
    pairing: Pairing, goals: Sequence[Goal], answers: ReviewAnswers, *, ask_note: bool = True
) -> None:
    """Walk through `goals`, then offer new goals and a note on the review.

    `answers` fills up as the user goes, so what was decided survives a Ctrl-C.
    """
    for i, goal in enumerate(goals, start=1):
        d, real = decide(pairing, goal, i, len(goals))
        if real is not None:
            answers.real[goal.id] = real
        answers.decisions.append(d)
    answers.new_goals = ask_new_goals(pairing)
    if ask_note and (answers.decisions or answers.new_goals):
        answers.note = prompts.text(_words()["questions"]["note"]) or None


# --- the whole review ------------------------------------------------------------


def _built_text(p: Pairing, request: ReviewRequest) -> str | None:
    """The new wording the --build-* answers make, or --text when they are not given."""
    if not request.build.given:
        return request.text
    if request.text is not None:
        raise BadInput(
            "--text and --build-… both give the new wording",
            "Give either the wording with --text, or the builder's answers with --build-….",
        )
    if request.decision != "reword":
        raise BadInput("--build-… gives a new wording: it goes with --decision reword")
    from revmentor.coach.goal_check import smart_context
    from revmentor.wizard.goal_builder import from_flags

    smart = p.kind == "on-the-job"
    return from_flags(request.build, smart=smart, context=smart_context(p) if smart else None).text


def _flagged(
    p: Pairing, request: ReviewRequest, *, tty: bool = False
) -> tuple[list[cg.GoalDecision], dict[str, RealFlags]]:
    """The one decision the flags make (if any), checked against the pairing."""
    if request.goal is None:
        flags = (
            ("--rating", request.rating),
            ("--decision", request.decision),
            ("--text", request.text),
            ("--reason", request.reason),
            ("--build-…", True if request.build.given else None),
        )
        for flag, value in flags:
            if value is not None:
                raise BadInput(f"{flag} needs --goal to say which goal it is about")
        return [], {}
    try:
        goal_id = resolve(request.goal, [g.id for g in p.goals], field="goal")
    except BadInput as exc:
        raise exc.named(FLAGS) from None
    d = cg.GoalDecision(
        goal_id=goal_id,
        decision=request.decision or "keep",
        rating=request.rating,
        text=_built_text(p, request),
        reason=request.reason,
    )
    try:
        cg.check_decision(p, d)
    except BadInput as exc:
        raise exc.named(FLAGS) from None
    real: dict[str, RealFlags] = {}
    if d.decision == "reword" and d.text:
        gap = next((g.gap for g in p.goals if g.id == d.goal_id), None)

        def check(text: str) -> Verdict:
            return check_wording(text, p, gap)

        verdict = check(d.text)
        if tty and not verdict.passed and p.state != "concluded":
            # In a terminal, a new wording that falls short can be reworded once more.
            from revmentor.wizard.start_steps import settle_wording

            settled = settle_wording(d.text, check)
            if settled is None:
                raise BadInput("the new wording was dropped; nothing was saved")
            d.text, verdict = settled, check(settled)
        else:
            from revmentor.views.goals import render_new_wording

            render_new_wording(verdict)
        real[d.goal_id] = real_of(verdict)
    return [d], real


def review(st: Store, request: ReviewRequest, *, tty: bool, today: date) -> None:
    """Decide on one goal from flags, on the rest in a terminal (or keep them with --yes)."""
    slug = pick(st, request.pairing, command=COMMAND, tty=tty)
    p = st.read(slug)
    decisions, real = _flagged(p, request, tty=tty)
    note = request.note
    rest = [g for g in p.active_goals() if not decisions or g.id != decisions[0].goal_id]
    new_goals: list[NewGoal] = []
    if request.yes:
        decisions += [cg.GoalDecision(goal_id=g.id) for g in rest]
    elif tty:
        if p.state == "concluded":
            raise Concluded.read_only(slug)
        from revmentor.views.goals import render_intro, render_unsaved

        if rest:
            render_intro(slug, len(rest))
        answers = ReviewAnswers()
        try:
            review_goals(p, rest, answers, ask_note=note is None)
        except KeyboardInterrupt:
            # What was decided is handed back as commands rather than lost.
            made = [*decisions, *answers.decisions]
            render_unsaved([decision_command(slug, d) for d in made])
            raise
        decisions += answers.decisions
        real.update(answers.real)
        new_goals = answers.new_goals
        note = note if note is not None else answers.note
    elif not decisions:
        raise NeedsTerminal(
            "goals review needs answers, and there is no terminal to ask them in",
            "Give them with --goal ID --decision keep|reword|achieved|retire, or --yes.",
        )

    if not decisions and not new_goals:
        from revmentor.views.goals import render_nothing_to_review

        render_nothing_to_review(has_active=bool(p.active_goals()))
        return

    with st.update(slug, reuse=p) as fresh:
        added = [
            cg.add_goal(
                fresh, g.text, today, owner=g.owner, why=g.why, baseline=g.baseline, real=g.real
            ).id
            for g in new_goals
        ]
        saved = cg.apply_review(fresh, decisions, today, added=added, note=note, real=real)

    from revmentor.views.goals import render_review_saved

    render_review_saved(slug, saved)


def decision_command(slug: str, d: cg.GoalDecision) -> list[str]:
    """The command line that records decision `d` again, for a review cut short."""
    args = [*COMMAND.split(), slug, "--goal", d.goal_id, "--decision", d.decision]
    if d.rating is not None:
        args += ["--rating", str(d.rating)]
    if d.text:
        args += ["--text", d.text]
    if d.reason:
        args += ["--reason", d.reason]
    return args

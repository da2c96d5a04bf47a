"""`revmentor goals review`, `goals add`, `goals list`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import typer

from revmentor.cli._common import interactive, need_terminal, pick_pairing, store
from revmentor.errors import BadInput, Concluded

if TYPE_CHECKING:
    from revmentor.model import RealFlags

app = typer.Typer(
    help="Review, add and list goals: `goals review`, `goals add`, `goals list`.",
    no_args_is_help=True,
    add_completion=False,
)

PAIRING_HELP = "The pairing's name (optional if you have one)."


def _rating(value: str | None, flag: str) -> int | None:
    from revmentor.coach.sessions import parse_rating

    return None if value is None else parse_rating(value, flag)


@app.command()
def review(
    pairing: str = typer.Argument(None, help=PAIRING_HELP),
    goal: str = typer.Option(None, "--goal", metavar="ID", help="The goal to decide on."),
    rating: str = typer.Option(None, "--rating", metavar="N", help="Its rating now, 1-5."),
    decision: str = typer.Option(
        None, "--decision", metavar="DECISION", help="keep, reword, achieved or retire."
    ),
    text: str = typer.Option(
        None, "--text", metavar="TEXT", help="The new wording (with --decision reword)."
    ),
    reason: str = typer.Option(
        None, "--reason", metavar="TEXT", help="Why (required with --decision retire)."
    ),
    note: str = typer.Option(
        None, "--note", metavar="TEXT", help="A note on the review as a whole."
    ),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Ask nothing; every other active goal is kept."
    ),
) -> None:
    """Rate each active goal, then keep, reword, mark achieved or retire it.

    In a terminal, each goal is shown with its baseline, its ratings so far
    and the REAL check of its wording; new goals can be added at the end.
    With flags, decide on one goal per run; --yes keeps the others.

    Examples:
      revmentor goals review helen-sam
      revmentor goals review --goal genai-for-ops --rating 4 --decision keep --yes
      revmentor goals review --goal sam-strategy --decision retire \\
        --reason "Sam moved team"
    """
    from revmentor import clock
    from revmentor.coach import goals as cg
    from revmentor.wizard.goals_review import NewGoal

    st = store()
    slug = pick_pairing(st, pairing)
    p = st.read(slug)
    today = clock.today()

    decisions: list[cg.GoalDecision] = []
    real: dict[str, RealFlags] = {}
    if goal is None:
        flags = {"--rating": rating, "--decision": decision, "--text": text, "--reason": reason}
        for flag, value in flags.items():
            if value is not None:
                raise BadInput(f"{flag} needs --goal to say which goal it is about")
    else:
        chosen = (decision or "keep").strip().lower()
        if chosen not in cg.DECISIONS:
            raise BadInput(
                f"--decision: '{decision}' is not a decision",
                f"Use one of: {', '.join(cg.DECISIONS)}.",
            )
        d = cg.GoalDecision(
            goal_id=goal.strip(),
            decision=chosen,
            rating=_rating(rating, "--rating"),
            text=text,
            reason=reason,
        )
        cg.check_decision(p, d)
        if d.decision == "reword" and d.text:
            from revmentor.wizard.goals_review import check_wording

            real[d.goal_id] = cg.real_flags(check_wording(d.text).checks)
        decisions.append(d)

    rest = [g for g in p.active_goals() if not decisions or g.id != decisions[0].goal_id]
    new_goals: list[NewGoal] = []
    if yes:
        decisions += [cg.GoalDecision(goal_id=g.id) for g in rest]
    elif interactive():
        if p.state == "concluded":
            raise Concluded.read_only(slug)
        from revmentor.views.goals import render_intro, render_unsaved
        from revmentor.wizard.goals_review import ReviewAnswers, review_goals

        if rest:
            render_intro(slug, len(rest))
        answers = ReviewAnswers()
        try:
            review_goals(p, rest, answers, ask_note=note is None)
        except KeyboardInterrupt:
            # What was decided is handed back as commands rather than lost.
            made = [*decisions, *answers.decisions]
            render_unsaved([cg.decision_flags(slug, d) for d in made])
            raise
        decisions += answers.decisions
        real.update(answers.real)
        new_goals = answers.new_goals
        note = note if note is not None else answers.note
    elif goal is None:
        raise need_terminal(
            "goals review", "--goal ID --decision keep|reword|achieved|retire, or --yes"
        )

    if not decisions and not new_goals:
        from revmentor.views.goals import words

        typer.echo(words()["shown"]["no_active" if not p.active_goals() else "nothing"])
        return

    with st.update(slug) as fresh:
        added = [
            cg.add_goal(
                fresh, g.text, today, owner=g.owner, why=g.why, baseline=g.baseline, real=g.real
            ).id
            for g in new_goals
        ]
        saved = cg.apply_review(fresh, decisions, today, added=added, note=note, real=real)

    from revmentor.views.goals import render_review_saved

    render_review_saved(slug, saved)


@app.command()
def add(
    pairing: str = typer.Argument(None, help=PAIRING_HELP),
    text: str = typer.Option(None, "--text", metavar="TEXT", help="The goal, in a sentence."),
    owner: str = typer.Option(
        "me", "--owner", metavar="OWNER", help="Whose goal: me, partner or shared."
    ),
    why: str = typer.Option("", "--why", metavar="TEXT", help="Why it matters."),
    baseline: str = typer.Option(None, "--baseline", metavar="N", help="Where you are, 1-5."),
    goal_id: str = typer.Option(
        None, "--id", metavar="ID", help="Its id (default: made from the text)."
    ),
    real_flags: str = typer.Option(
        None,
        "--real",
        metavar="CHECKS",
        help="The REAL checks you judge it meets, e.g. 'relevant,learning-based', 'RL', "
        "'all' or 'none' (default: the automatic check's verdict).",
    ),
) -> None:
    """Add a goal, and see how its wording fares against REAL.

    Without --text, in a terminal, the goal is asked for.

    Example:
      revmentor goals add helen-sam --owner shared --baseline 2 \\
        --text "Learn to run retros with AI summaries, trying it on two real ones"
    """
    from revmentor import clock
    from revmentor.coach import goals as cg
    from revmentor.wizard.goals_review import NewGoal, check_wording

    st = store()
    slug = pick_pairing(st, pairing)
    p = st.read(slug)
    today = clock.today()

    chosen_owner = owner.strip().lower()
    if chosen_owner not in cg.OWNERS:
        raise BadInput(f"--owner: '{owner}' is not an owner", "Use me, partner or shared.")
    own_real = cg.parse_real(real_flags) if real_flags is not None else None
    if text is not None:
        if not text.strip():
            raise BadInput("--text: the goal's wording is empty")
        spec = NewGoal(text, chosen_owner, why, _rating(baseline, "--baseline"))
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
        verdict = check_wording(spec.text)
        spec.real = own_real or cg.real_flags(verdict.checks)
    elif interactive():
        if p.state == "concluded":
            raise Concluded.read_only(slug)
        from revmentor.wizard.goals_review import ask_new_goal

        spec = ask_new_goal()
        verdict = None  # already shown while the goal was being written
        if own_real is not None:
            spec.real = own_real
    else:
        raise need_terminal("goals add", "--text (and optionally --owner, --why, --baseline)")

    with st.update(slug) as fresh:
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

    from revmentor.views.goals import render_goal_added

    render_goal_added(slug, new, verdict)


@app.command("list")
def list_goals(
    pairing: str = typer.Argument(None, help=PAIRING_HELP),
    show_all: bool = typer.Option(False, "--all", help="Include achieved and retired goals."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """List goals: id, owner, status, baseline, latest rating and wording.

    Example: revmentor goals list helen-sam --all
    """
    from revmentor.coach.ratings import latest_rating

    st = store()
    slug = pick_pairing(st, pairing)
    p = st.read(slug)
    goals = p.goals if show_all else p.active_goals()
    latest = {g.id: latest_rating(p, g.id) for g in goals}
    if as_json:
        rows = [
            {
                "id": g.id,
                "owner": g.owner,
                "status": g.status,
                "baseline": g.baseline,
                "latest_rating": latest[g.id],
                "text": g.text,
                "real": g.real.model_dump(),
            }
            for g in goals
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from revmentor.views.goals import render_goal_table

    render_goal_table(goals, latest, hidden=len(p.goals) - len(goals))

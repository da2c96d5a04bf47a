"""`revmentor start --kind on-the-job`: the Mentoring Plan Map, step by step.

Context, then the Scan (what the role needs against what is there, giving the learning
gaps), SMART goals from the gaps, and a plan of practice and feedback per goal with a
check-in rhythm. Same answers-file shape and drafts as the reverse-mentoring wizard.
"""

from __future__ import annotations

from typing import Any

from revmentor.coach import plan
from revmentor.wizard.start_steps import (
    FREQUENCY_CHOICES,
    State,
    Step,
    ask,
    ask_horizon,
    ask_id,
    ask_items,
    ask_minutes,
    ask_select,
    ask_text,
    goal_list,
    intro,
    note,
    prompt_date,
    review_goals,
    settle_wording,
    show_planned,
)

SIDE_CHOICES = [
    ("mentor", "I guide a colleague who is learning the job"),
    ("mentee", "I am the one learning the job"),
]
SITUATION_CHOICES = [
    ("onboarding", "Onboarding a newcomer, intern or young professional"),
    ("reassignment", "Reassignment, to learn a new role"),
    ("parental-leave", "Covering a parental leave"),
    ("handover", "A partial handover of work"),
    ("departure", "An anticipated departure (retirement, resignation)"),
    ("receiving", "Receiving someone from another organisation"),
    ("other", "Something else"),
]
PRIORITY_CHOICES = [("high", "High"), ("medium", "Medium"), ("low", "Low")]
_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _learner(st: State) -> str:
    return "you" if st.get("me.side") == "mentee" else str(st.get("partner.name") or "they")


def _smart_check(text: str) -> Any:
    from revmentor.coach.smart import check_smart

    return check_smart(text)


def step_context(st: State) -> None:
    intro(st.kind, "context")
    ask_select(st, "me.side", "Which side are you on?", SIDE_CHOICES)
    ask_text(st, "me.name", "Your name:")
    ask_text(st, "me.role", "Your role:")
    mentee = st.get("me.side") == "mentee"
    who = "your mentor" if mentee else "the person you are guiding"
    ask_text(st, "partner.name", f"The name of {who}:", required=True)
    ask_text(st, "partner.role", "Their role:")
    ask_select(st, "context.situation", "What is the situation?", SITUATION_CHOICES)
    ask_text(
        st,
        "context.description",
        "In a sentence or two: what is happening, and what must the learner be able to do?",
    )


def _gap_list(st: State) -> list[dict[str, Any]]:
    gaps = st.get("scan.gaps")
    if not isinstance(gaps, list):
        gaps = []
    gaps = [g if isinstance(g, dict) else {"text": str(g)} for g in gaps]
    st.set("scan.gaps", gaps)
    return gaps


def step_scan(st: State) -> None:
    intro(st.kind, "scan")
    learner = _learner(st)
    ask_items(
        st, "scan.role_requirements", "What does the role require? (tasks, skills, knowledge)"
    )
    ask_items(st, "scan.current_skills", f"What can {learner} already do well?")
    if not st.redo and ("scan.gaps" in st.fixed or st.use_defaults):
        st.needs("scan.gaps")  # with --defaults, no gaps listed is the default
        return
    gaps = _gap_list(st)
    if gaps and st.redo:
        note("Learning gaps: " + "; ".join(str(g.get("text", "")) for g in gaps))
        if not ask().confirm("Keep these gaps?", default=True):
            gaps.clear()
    while True:
        label = "A learning gap: something the role needs that is not there yet"
        if gaps:
            label = "Another learning gap (Enter when done)"
        text = ask().text(label)
        if not text:
            if gaps:
                return
            note("Name at least one gap: the goals are built from them.")
            continue
        gap: dict[str, Any] = {"text": text}
        gaps.append(gap)
        gap["priority"] = ask().select("Its priority:", PRIORITY_CHOICES, default="high")


def _add_goal(
    st: State, goals: list[dict[str, Any]], message: str, gap: str | None, default: str = ""
) -> None:
    from revmentor.coach.horizon import add_months
    from revmentor.coach.smart import SmartContext
    from revmentor.wizard.goal_builder import wording

    ask()  # the step's intro comes before the first question
    gaps = tuple(str(g.get("text", "")) for g in _gap_list(st))
    end = st.date_value("horizon.end") or add_months(
        st.date_value("horizon.start") or st.fallback["horizon.start"], 3
    )
    context = SmartContext(gaps=gaps, linked_gap=gap)
    text = wording(message, default, smart=True, context=context, by=str(end), required=False)
    if not text:
        return
    settled = settle_wording(text, _smart_check)
    if settled is None:
        return
    goal: dict[str, Any] = {"text": settled}
    if gap:
        goal["gap"] = gap
    goals.append(goal)
    baseline = ask().rating("Where is the learner today on this? (baseline, 1-5)")
    if baseline is not None:
        goal["baseline"] = baseline
    ask_id(goal, goals)


def step_goals(st: State) -> None:
    intro(st.kind, "goals")
    if "goals" in st.fixed and not st.redo:
        return
    goals = goal_list(st)
    if st.redo:
        review_goals(st, _smart_check, ("smart",))
    covered = {str(g.get("gap", "")).strip().lower() for g in goals}
    gaps = sorted(_gap_list(st), key=lambda g: _PRIORITY_ORDER.get(str(g.get("priority")), 1))
    for gap in gaps:
        text = str(gap.get("text", ""))
        if text.strip().lower() in covered or str(gap.get("id", "")).lower() in covered:
            continue
        _add_goal(st, goals, f'A SMART goal for the gap "{text}" (Enter to skip it):', text)
    while True:
        if not goals:
            note("At least one goal is needed for a plan.")
            _add_goal(st, goals, "A SMART goal:", None)
            continue
        if not ask().confirm("Add another goal?", default=False):
            return
        _add_goal(st, goals, "Another SMART goal:", None)


def step_plan(st: State) -> None:
    from revmentor import content

    intro(st.kind, "plan")
    ask_select(st, "ground_rules.frequency", "How often do you check in?", FREQUENCY_CHOICES)
    ask_minutes(st, "ground_rules.session_minutes", "How long is a check-in, in minutes?")
    ask_horizon(st, "Start date (YYYY-MM-DD):")
    show_planned(st, "check-ins")
    if st.use_defaults and not st.redo:
        return  # practice, feedback and target dates take their defaults
    side = st.get("me.side")
    mentor = str(st.get("partner.name" if side == "mentee" else "me.name") or "")
    when_default = str(content.load("start.yaml")["on_the_job_feedback_when"])
    end = st.date_value("horizon.end")
    for goal in goal_list(st):
        if not st.redo and "practice" in goal and "target_date" in goal:
            continue
        note(f"\nPlan for: {goal.get('text', '')}")
        current = goal.get("practice")
        if st.redo and isinstance(current, list) and current:
            note("Practice: " + "; ".join(str(x) for x in current))
            if not ask().confirm("Keep this practice list?", default=True):
                goal["practice"] = ask().items("Bite-size practice on real tasks:")
        else:
            goal["practice"] = ask().items("Bite-size practice on real tasks:")
        goal["feedback_from"] = ask().text(
            "Who gives feedback?", str(goal.get("feedback_from") or mentor)
        )
        goal["feedback_when"] = ask().text(
            "When is feedback given?", str(goal.get("feedback_when") or when_default)
        )
        target = goal.get("target_date") or end
        if target is not None:
            goal["target_date"] = prompt_date(
                "Target date for this goal (YYYY-MM-DD):", plan.parse_date(target, "target_date")
            )


STEPS: list[tuple[str, str, Step]] = [
    ("context", "Context", step_context),
    ("scan", "Scan", step_scan),
    ("goals", "SMART goals", step_goals),
    ("plan", "The plan", step_plan),
]

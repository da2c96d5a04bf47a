"""The five steps of the reverse-mentoring wizard, and what every step shares.

Each step fills `State.answers`, which has the shape of a pairing file. A step asks only
what is not answered yet (so an answers file, a flag or a resumed draft skip their
questions), except when the user went back to it from the summary: then it asks
everything again, with the current answers as defaults.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType
from typing import Any, cast

from revmentor import prompts
from revmentor.coach import plan
from revmentor.vocab import FREQUENCY_DAYS, Frequency, Kind

# Worked out from other answers: with --defaults they are never asked.
COMPUTED = frozenset({"ask.topic", "ask.wording", "horizon.end", "horizon.midpoint_review"})
# Asked, but quietly defaulted: an ask not sent yet is the normal case.
QUIET_DEFAULTS: dict[str, Any] = {"ask.asked_on": None, "ask.response": "pending"}

SIDE_CHOICES = [
    ("mentee", "Mentee: I mostly learn (often the senior colleague)"),
    ("mentor", "Mentor: I mostly teach (often the junior colleague)"),
    ("mutual", "Mutual: we both learn as much as we teach"),
]
GENERATION_CHOICES = [
    ("Gen Z", "Gen Z (born 1997-2012)"),
    ("Millennial", "Millennial (born 1981-1996)"),
    ("Gen X", "Gen X (born 1965-1980)"),
    ("Baby boomer", "Baby boomer (born 1946-1964)"),
    ("", "Rather not say"),
]
FREQUENCY_CHOICES = [
    ("weekly", "Weekly"),
    ("fortnightly", "Every two weeks"),
    ("monthly", "Monthly"),
]
RESPONSE_CHOICES = [
    ("pending", "No answer yet"),
    ("accepted", "They said yes"),
    ("declined", "They said no"),
]


@dataclass
class State:
    """Everything the wizard knows so far; saved as the draft on Ctrl-C."""

    kind: Kind
    today: date
    answers: dict[str, Any] = field(default_factory=dict)
    use_defaults: bool = False
    fixed: set[str] = field(default_factory=set)
    done: list[str] = field(default_factory=list)
    redo: bool = False
    _fallback: dict[str, Any] | None = None

    @property
    def fallback(self) -> dict[str, Any]:
        if self._fallback is None:
            self._fallback = {**plan.defaults(self.kind, self.today), **QUIET_DEFAULTS}
        return self._fallback

    def get(self, key: str, default: Any = None) -> Any:
        return plan.get(self.answers, key, default)

    def set(self, key: str, value: Any) -> None:
        plan.put(self.answers, key, value)

    def needs(self, key: str) -> bool:
        """Whether to ask `key` now; with --defaults, a defaulted key is filled instead."""
        if self.redo:
            return True
        if plan.has(self.answers, key):
            return False
        if self.use_defaults:
            if key in self.fallback:
                self.set(key, self.fallback[key])
                return False
            if key in COMPUTED:
                return False
        return True

    def text_default(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            value = self.fallback.get(key)
        return "" if value is None else str(value)

    def list_value(self, key: str) -> list[str]:
        value = self.get(key)
        return [str(v) for v in value] if isinstance(value, list) else []

    def date_value(self, key: str) -> date | None:
        value = self.get(key)
        if value is None or value == "":
            return None
        try:
            return plan.parse_date(value, key)
        except ValueError:
            return None


Step = Callable[[State], None]


# --- shared helpers -----------------------------------------------------------------


# The intro of the step under way, shown just before its first question: a step whose
# answers all came from an answers file or a draft then passes silently.
_PENDING_INTRO: list[tuple[str, list[str]]] = []


def intro(kind: Kind, step: str) -> None:
    from revmentor import content

    data = content.load("start.yaml")
    spec = data["on_the_job"][step] if kind == "on-the-job" else data["steps"][step]
    _PENDING_INTRO[:] = [(spec["title"], list(spec["intro"]))]


def _flush_intro() -> None:
    if _PENDING_INTRO:
        from revmentor.views.plan_summary import render_intro

        title, lines = _PENDING_INTRO.pop()
        render_intro(title, lines)


def ask() -> ModuleType:
    """The prompts module, once the current step's intro has been shown."""
    _flush_intro()
    return prompts


def note(text: str) -> None:
    from revmentor.views.plan_summary import render_note

    _flush_intro()
    render_note(text)


def goals_so_far(goals: list[dict[str, Any]]) -> None:
    from revmentor.views.plan_summary import render_goals_so_far

    _flush_intro()
    render_goals_so_far(goals)


def ask_text(st: State, key: str, message: str, *, required: bool = False) -> None:
    if not st.needs(key):
        return
    if required:
        st.set(key, ask().required_text(message, st.text_default(key)))
    else:
        st.set(key, ask().text(message, st.text_default(key)))


def ask_select(st: State, key: str, message: str, choices: Sequence[tuple[str, str]]) -> None:
    if st.needs(key):
        st.set(key, ask().select(message, choices, default=st.text_default(key)))


def ask_items(st: State, key: str, message: str) -> None:
    """A list answered one line at a time; on a second pass the current list can stay."""
    if not st.needs(key):
        return
    current = st.list_value(key)
    if current:
        note(f"{message} Currently: " + "; ".join(current))
        if ask().confirm("Keep this list?", default=True):
            st.set(key, current)
            return
    st.set(key, ask().items(message))


def ask_minutes(st: State, key: str, message: str) -> None:
    if not st.needs(key):
        return

    def check(value: str) -> str | None:
        if value.strip().isdigit() and 5 <= int(value) <= 480:
            return None
        return "A number of minutes between 5 and 480, please."

    st.set(key, int(ask().text(message, st.text_default(key), check=check)))


def prompt_date(message: str, default: date, after: date | None = None) -> date:
    def parse(value: str) -> date:
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("Write the date as YYYY-MM-DD.") from None
        if after is not None and day <= after:
            raise ValueError(f"Pick a date after {after}.")
        return day

    return parse(ask().date(message, default.isoformat(), parse))


def ask_date(st: State, key: str, message: str, default: date, after: date | None = None) -> date:
    day = prompt_date(message, default, after)
    st.set(key, day)
    return day


def as_bool(value: Any, default: bool = False) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1")
    return default


def show_verdict(verdict: Any) -> None:
    from revmentor.views.verdict import render_verdict

    render_verdict(verdict)


def settle_wording(text: str, check: Callable[[str], Any], *, what: str = "goal") -> str | None:
    """Run the wording check at once; let the user reword, keep it anyway, or drop it."""
    while True:
        verdict = check(text)
        show_verdict(verdict)
        if verdict.passed:
            return text
        choice = ask().select(
            f"What would you like to do with this {what}?",
            [
                ("reword", "Reword it"),
                ("keep", "Keep it anyway"),
                ("drop", "Drop it"),
            ],
            default="reword",
        )
        if choice == "keep":
            return text
        if choice == "drop":
            return None
        text = ask().required_text("Your new wording:", text)


def _owner(goal: dict[str, Any]) -> str:
    return str(goal.get("owner") or "me")


def goal_list(st: State) -> list[dict[str, Any]]:
    goals = st.answers.get("goals")
    if not isinstance(goals, list):
        goals = []
    goals = [g if isinstance(g, dict) else {"text": str(g)} for g in goals]
    st.answers["goals"] = goals
    return goals


def review_goals(st: State, check: Callable[[str], Any], forget: Sequence[str]) -> None:
    """On a second pass: keep, reword or drop each goal already there."""
    goals = goal_list(st)
    for goal in list(goals):
        text = str(goal.get("text", ""))
        choice = ask().select(
            f"Goal: {text}",
            [("keep", "Keep it"), ("reword", "Reword it"), ("drop", "Drop it")],
            default="keep",
        )
        if choice == "drop":
            goals.remove(goal)
        elif choice == "reword":
            new = settle_wording(ask().required_text("Your new wording:", text), check)
            if new is None:
                goals.remove(goal)
                continue
            goal["text"] = new
            # Worked out again from the new wording when the plan is built.
            for key in ("id", *forget):
                goal.pop(key, None)


# --- step 1: goals ------------------------------------------------------------------


def ask_id(goal: dict[str, Any], goals: list[dict[str, Any]]) -> None:
    """Propose the goal's short id, for the person to keep or change."""
    from revmentor.wizard.goal_ids import ask_goal_id

    taken = [str(g["id"]) for g in goals if g is not goal and isinstance(g.get("id"), str)]
    goal["id"] = ask_goal_id(str(goal["text"]), taken)


def _real_check(text: str) -> Any:
    from revmentor.coach.real import check_real

    return check_real(text)


def _add_goal(st: State, goals: list[dict[str, Any]], message: str) -> None:
    from revmentor import content
    from revmentor.wizard.goal_builder import wording

    ask()  # the step's intro comes before the first question
    text = settle_wording(wording(message), _real_check)
    if text is None:
        return
    goal: dict[str, Any] = {"text": text, "owner": "me"}
    # Added now, filled in below, so Ctrl-C in the middle keeps what was typed.
    goals.append(goal)
    why = ask().text("Why does it matter, and to whom? (Enter to skip)")
    if why:
        goal["why"] = why
    computed = plan.real_flags(text)
    questions = content.load("start.yaml")["real_questions"]
    real: dict[str, bool] = {}
    goal["real"] = real
    for key in plan.REAL_KEYS:
        real[key] = ask().confirm(questions[key], default=computed.get(key, False))
    baseline = ask().rating("Where are you today on this goal? (baseline, 1-5)")
    if baseline is not None:
        goal["baseline"] = baseline
    ask_id(goal, goals)


def _partner_goal(st: State, goals: list[dict[str, Any]]) -> None:
    if any(_owner(g) == "partner" for g in goals):
        return
    suggestion = plan.suggest_partner_goal(st.list_value("me.offers"))
    if suggestion:
        message = "A goal for your partner, from what you offer (edit it, or clear it to skip):"
    else:
        message = "A goal for your partner, since learning flows both ways (Enter to skip):"
    text = ask().text(message, suggestion or "")
    if text:
        # The partner's goal gets the same check as yours, shown the same way.
        settled = settle_wording(text, _real_check, what="goal for your partner")
        if settled:
            goal = {"text": settled, "owner": "partner"}
            goals.append(goal)
            ask_id(goal, goals)


def step_goals(st: State) -> None:
    intro(st.kind, "goals")
    ask_select(st, "me.side", "Which side are you on?", SIDE_CHOICES)
    ask_text(st, "me.name", "Your name:")
    ask_text(st, "me.role", "Your role:")
    ask_select(st, "me.generation", "Your generation:", GENERATION_CHOICES)
    ask_text(st, "me.background", "Your background (field, years, where you come from):")
    ask_items(st, "me.offers", "What can you offer your partner in return?")
    if "goals" in st.fixed and not st.redo:
        return
    goals = goal_list(st)
    if st.redo:
        review_goals(st, _real_check, ("real",))
    elif goals:
        goals_so_far(goals)
    while True:
        mine = [g for g in goals if _owner(g) == "me"]
        if not mine:
            _add_goal(st, goals, "What do you want to learn? (one goal)")
            continue
        if not ask().confirm("Add another goal for you?", default=False):
            break
        _add_goal(st, goals, "Another goal you want to learn:")
    _partner_goal(st, goals)


# --- step 2: partner ----------------------------------------------------------------


def step_partner(st: State) -> None:
    from revmentor import content

    intro(st.kind, "partner")
    was = st.redo
    try:
        while True:
            ask_text(st, "partner.name", "Your partner's name:", required=True)
            ask_text(st, "partner.role", "Their role:")
            ask_select(st, "partner.generation", "Their generation:", GENERATION_CHOICES)
            ask_text(st, "partner.background", "Their background:")
            ask_items(st, "partner.offers", "What do they offer you?")
            if not plan.same_world_data(st.answers):
                return
            name = str(st.get("partner.name") or "your partner")
            note(
                content.load("start.yaml")["similar_partner"].format(
                    partner=name, generation=st.get("partner.generation")
                )
            )
            if ask().confirm(f"Continue with {name} anyway?", default=True):
                return
            st.redo = True  # ask about the partner again, with these answers as defaults
    finally:
        st.redo = was


# --- step 3: the ask ----------------------------------------------------------------


def step_ask(st: State) -> None:
    from revmentor.coach.ask import VARIANT_FOR_SIDE, drafts, topic_from_goal

    intro(st.kind, "ask")
    if not isinstance(st.answers.get("ask"), dict):
        st.answers["ask"] = {}
    mine = [g for g in goal_list(st) if _owner(g) == "me"]
    if st.needs("ask.topic"):
        guess = str(st.get("ask.topic") or "") or (
            topic_from_goal(str(mine[0].get("text", ""))) if mine else ""
        )
        st.set(
            "ask.topic",
            ask().required_text("The topic you want to learn about, in a few words:", guess),
        )
    if st.needs("ask.wording"):
        side = st.get("me.side")
        options = drafts(
            str(st.get("ask.topic") or ""),
            partner=str(st.get("partner.name") or ""),
            offers=st.list_value("me.offers"),
            side=side if side in VARIANT_FOR_SIDE else "mutual",
        )
        for draft in options:
            note(f"\n{draft.label}:\n   {draft.text}")
        choices = [(d.variant, d.label) for d in options]
        current = str(st.get("ask.wording") or "")
        if current:
            choices.insert(0, ("current", "Keep the wording I have"))
        picked = ask().select("Which draft fits best?", choices, default=choices[0][0])
        text = (
            current if picked == "current" else next(d.text for d in options if d.variant == picked)
        )
        st.set("ask.wording", ask().required_text("Edit the ask in place (Enter keeps it):", text))
    if st.needs("ask.asked_on"):
        sent_before = st.get("ask.asked_on") not in (None, "")
        if ask().confirm("Have you sent it yet?", default=sent_before):
            when = st.date_value("ask.asked_on") or st.today
            ask_date(st, "ask.asked_on", "When did you send it? (YYYY-MM-DD)", when)
        else:
            st.set("ask.asked_on", None)
            st.set("ask.response", "pending")
    if st.get("ask.asked_on") is not None and st.needs("ask.response"):
        ask_select(st, "ask.response", "Their answer so far:", RESPONSE_CHOICES)


# --- step 4: ground rules -----------------------------------------------------------


def step_ground_rules(st: State) -> None:
    intro(st.kind, "ground_rules")
    ask_select(st, "ground_rules.frequency", "How often will you meet?", FREQUENCY_CHOICES)
    ask_minutes(st, "ground_rules.session_minutes", "How long is a session, in minutes?")
    ask_text(st, "ground_rules.channel", "Where or how do you meet?")
    ask_text(st, "ground_rules.between_sessions", "How do you reach each other in between?")
    ask_text(st, "ground_rules.confidentiality", "Confidentiality (edit if you like):")
    ask_text(st, "ground_rules.feedback", "How is feedback given?")
    ask_text(st, "ground_rules.scheduling", "Who schedules the sessions?")


# --- step 5: commit and launch ------------------------------------------------------


def ask_horizon(st: State, start_message: str) -> None:
    """Start (next Monday by default), end (three months on) and the mid-point review."""
    from revmentor.coach.horizon import add_months, midpoint

    old_start = st.date_value("horizon.start")
    if st.needs("horizon.start"):
        ask_date(st, "horizon.start", start_message, old_start or st.fallback["horizon.start"])
    start = st.date_value("horizon.start")
    if start is None:
        return
    end = st.date_value("horizon.end")
    if st.needs("horizon.end"):
        moved = old_start is not None and start != old_start
        default_end = end if end and not moved and end > start else add_months(start, 3)
        end = ask_date(
            st, "horizon.end", "End of this first cycle (YYYY-MM-DD):", default_end, after=start
        )
    if end is None or end <= start:
        return
    mid = st.date_value("horizon.midpoint_review")
    if st.needs("horizon.midpoint_review"):
        default_mid = mid if mid and start <= mid <= end else midpoint(start, end)

        def parse(value: str) -> date:
            day = date.fromisoformat(value.strip())
            if not start <= day <= end:
                raise ValueError(f"Pick a date between {start} and {end}.")
            return day

        answer = ask().date(
            "Mid-point review, to adjust the goals (YYYY-MM-DD):", default_mid.isoformat(), parse
        )
        st.set("horizon.midpoint_review", date.fromisoformat(answer.strip()))


def show_planned(st: State, label: str) -> None:
    from revmentor.coach.horizon import planned_dates
    from revmentor.model import Horizon
    from revmentor.views.plan_summary import short_date

    start, end = st.date_value("horizon.start"), st.date_value("horizon.end")
    frequency = str(st.get("ground_rules.frequency") or st.fallback["ground_rules.frequency"])
    if start is None or end is None or end <= start or frequency not in FREQUENCY_DAYS:
        return
    dates = planned_dates(Horizon(start=start, end=end), cast(Frequency, frequency))
    note(f"{len(dates)} planned {label}: " + ", ".join(short_date(d) for d in dates))


def step_launch(st: State) -> None:
    intro(st.kind, "launch")
    ask_horizon(st, "Start date (YYYY-MM-DD; next Monday suits most pairs):")


STEPS: list[tuple[str, str, Step]] = [
    ("goals", "Goals", step_goals),
    ("partner", "Partner", step_partner),
    ("ask", "The ask", step_ask),
    ("ground_rules", "Ground rules", step_ground_rules),
    ("launch", "Commit and launch", step_launch),
]

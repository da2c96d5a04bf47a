"""`revmentor log-session`: the flags' answers, questions for the rest, then the append."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from revmentor import prompts
from revmentor.coach import sessions as cs
from revmentor.coach.dates import parse_when
from revmentor.coach.goal_ids import PROMPT_ROOM, goal_label, resolve_ratings
from revmentor.coach.ratings import latest_rating
from revmentor.coach.steps import mark, open_steps
from revmentor.errors import BadInput, Concluded
from revmentor.vocab import PRINCIPLES
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.model import Pairing
    from revmentor.store import Store

COMMAND = "revmentor log-session"
FLAGS = {"progress": "--progress"}


@dataclass
class Request:
    """What the command line gave; None (or empty) means the flag was not given."""

    pairing: str | None = None
    date: date | None = None
    minutes: int | None = None
    topics: list[str] = field(default_factory=list)
    i_learned: str | None = None
    they_learned: str | None = None
    progress: dict[str, int] = field(default_factory=dict)
    pulse: dict[str, int] = field(default_factory=dict)
    next_steps: list[str] = field(default_factory=list)
    private_note: str | None = None
    yes: bool = False


def _given(request: Request, today: date) -> tuple[cs.Answers, set[str]]:
    """The answers the flags give, and the names of those fields (the rest is asked)."""
    answers = cs.Answers(
        date=request.date or today,
        minutes=request.minutes,
        topics=list(request.topics),
        i_learned=request.i_learned or "",
        they_learned=request.they_learned or "",
        progress=dict(request.progress),
        pulse=dict(request.pulse),
        next_steps=list(request.next_steps),
        private_note=request.private_note,
    )
    given = {
        name
        for name, value in (
            ("date", request.date),
            ("minutes", request.minutes),
            ("i_learned", request.i_learned),
            ("they_learned", request.they_learned),
            ("private_note", request.private_note),
        )
        if value is not None
    }
    given |= {name for name in ("topics", "next_steps") if getattr(request, name)}
    return answers, given


def run(st: Store, request: Request, *, tty: bool, today: date) -> None:
    """Log one session: every flag is checked before anything is asked or written."""
    slug = pick(st, request.pairing, command=COMMAND, tty=tty)
    p = st.read(slug)
    answers, given = _given(request, today)
    try:
        answers.progress = resolve_ratings(answers.progress, p, field="progress")
        cs.check_progress(p, answers.progress)
    except BadInput as exc:
        raise exc.named(FLAGS) from None
    cs.build_session(answers)  # refuses control characters and the like, early

    if not tty and not request.yes and not (given or answers.progress or answers.pulse):
        # An empty entry logged by accident (a script, a pipe) would look like a real
        # session and push the open next steps aside.
        raise BadInput(
            "nothing to log: no answers were given and there is no terminal to ask",
            "Give them with flags (--topic, --i-learned, --they-learned, --progress, "
            "--pulse, --next-step, ...), or add --yes to log a session with only its date.",
        )
    if tty and not request.yes:
        if p.state == "concluded":
            # Said before the questions, so nobody answers them all for nothing.
            raise Concluded.read_only(slug)
        try:
            done_keys, carried = ask_steps_done(p)
            ask_missing(p, answers, given, today)
        except KeyboardInterrupt:
            # The answers so far are not lost: they are handed back as a command.
            from revmentor.views.session import render_unsaved

            render_unsaved(as_command(slug, answers))
            raise
    else:
        # Nobody to ask which are done: every open step stays open.
        done_keys, carried = [], [s.text for s in open_steps(p)]
    if answers.next_steps:
        # New steps supersede the old list, so the open ones travel with them.
        answers.next_steps = [*carried, *(t for t in answers.next_steps if t not in carried)]
    session = cs.build_session(answers)
    warns: list[str] = []

    def check(fresh: Pairing) -> None:
        # Against the latest version, read under the lock: a goal may have gone since.
        gone = sorted(set(session.progress) - {g.id for g in fresh.goals})
        if gone:
            raise BadInput(f"no goal with the id '{gone[0]}' any more", field="progress")
        warns[:] = cs.warnings(fresh, session.date, today)

    if done_keys:
        # The steps ticked done live in an earlier session: one save changes both.
        with st.update(slug) as saved:
            check(saved)
            mark(saved, done_keys, True)
            saved.sessions.append(session)
    else:
        saved = st.append(slug, "sessions", session, check, reuse=p)
    summary = cs.summarize(saved, today, logged=session.date)

    from revmentor.views.session import render_logged, render_warnings

    render_warnings(warns)
    render_logged(slug, session, summary, saved.ground_rules.frequency)


def ask_steps_done(p: Pairing) -> tuple[list[tuple[date, str]], list[str]]:
    """Which open steps are done (their keys), and the texts of those still open."""
    from revmentor.wizard.steps import ask_which

    still = open_steps(p)
    if not still:
        return [], []
    ticked = ask_which(still, done=True, carried=True)
    return [s.key for s in ticked], [s.text for s in still if s not in ticked]


def as_command(slug: str, answers: cs.Answers) -> list[str]:
    """The command line that logs `answers` again, for answers cut short by Ctrl-C."""
    args = [*COMMAND.split(), slug, "--date", answers.date.isoformat()]
    if answers.minutes is not None:
        args += ["--minutes", str(answers.minutes)]
    for flag, values in (("--topic", answers.topics), ("--next-step", answers.next_steps)):
        for value in values:
            if value.strip():
                args += [flag, value.strip()]
    for flag, text in (
        ("--i-learned", answers.i_learned),
        ("--they-learned", answers.they_learned),
        ("--private-note", answers.private_note or ""),
    ):
        if text.strip():
            args += [flag, text.strip()]
    args += [x for goal, n in answers.progress.items() for x in ("--progress", f"{goal}={n}")]
    args += [x for name, n in answers.pulse.items() for x in ("--pulse", f"{name}={n}")]
    return [*args, "--yes"]


# --- the questions -------------------------------------------------------------------


def _minutes_problem(value: str) -> str | None:
    if not value.strip():
        return None
    try:
        minutes = int(value)
    except ValueError:
        return "Type a number of minutes, or leave it empty."
    return cs.minutes_problem(minutes)


def _goal_label(pairing: Pairing, goal_id: str, template: str) -> str:
    goal = pairing.goal(goal_id)
    named = goal_label(goal.text, goal_id, PROMPT_ROOM) if goal is not None else goal_id
    text = template.format(goal=named, id=goal_id)
    bits = []
    if goal is not None and goal.baseline is not None:
        bits.append(f"baseline {goal.baseline}")
    last = latest_rating(pairing, goal_id)
    if last is not None:
        bits.append(f"last {last}")
    return f"{text} · {', '.join(bits)}" if bits else text


def ask_missing(
    pairing: Pairing, answers: cs.Answers, given: Collection[str], today: date
) -> cs.Answers:
    """Ask, in order, every question whose answer `given` does not name.

    `given` holds the Answers field names that came from flags; the rest is asked.
    Progress and pulse are asked only for the goals and principles not already rated.
    """
    from revmentor import content

    words: Any = content.load("log_session.yaml")
    q = words["questions"]
    if "date" not in given:
        typed = prompts.date(
            f"{q['date']} ({q['date_hint']})", "today", lambda v: parse_when(v, today)
        )
        answers.date = parse_when(typed, today)
    if "minutes" not in given:
        default = str(pairing.ground_rules.session_minutes)
        typed = prompts.text(q["minutes"], default, check=_minutes_problem)
        answers.minutes = int(typed) if typed else None
    if "topics" not in given:
        answers.topics = prompts.items(q["topics"])
    if "i_learned" not in given:
        answers.i_learned = prompts.text(q["i_learned"])
    if "they_learned" not in given:
        answers.they_learned = prompts.text(q["they_learned"])
    for goal in pairing.active_goals():
        if goal.id in answers.progress:
            continue
        value = prompts.rating(_goal_label(pairing, goal.id, q["progress"]))
        if value is not None:
            answers.progress[goal.id] = value
    missing = [p for p in PRINCIPLES if p not in answers.pulse]
    # A quick log should cost one keypress for the whole pulse, not four skips.
    if missing and (answers.pulse or prompts.confirm(q["pulse_offer"], default=True)):
        for principle in missing:
            value = prompts.rating(words["pulse"][principle], scale="pulse")
            if value is not None:
                answers.pulse[principle] = value
    if "next_steps" not in given:
        answers.next_steps = prompts.items(q["next_steps"])
    if "private_note" not in given:
        answers.private_note = prompts.text(
            q["private_note"], instruction=f"({q['private_note_hint']})"
        )
    return answers

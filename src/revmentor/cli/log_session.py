"""`revmentor log-session`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from revmentor.cli._common import interactive, pick_pairing, store

if TYPE_CHECKING:
    from revmentor.model import Pairing

app = typer.Typer(add_completion=False)


@app.command()
def log_session(
    pairing: str = typer.Argument(None, help="The pairing's name (optional if you have one)."),
    when: str = typer.Option(
        None, "--date", metavar="WHEN", help="YYYY-MM-DD, today, yesterday, friday, '3 days ago'."
    ),
    minutes: str = typer.Option(None, "--minutes", metavar="N", help="How long you met."),
    topic: list[str] = typer.Option(
        None, "--topic", metavar="TEXT", help="A topic discussed (repeatable)."
    ),
    i_learned: str = typer.Option(None, "--i-learned", metavar="TEXT", help="What you learned."),
    they_learned: str = typer.Option(
        None, "--they-learned", metavar="TEXT", help="What your partner learned from you."
    ),
    progress: list[str] = typer.Option(
        None, "--progress", metavar="GOAL_ID=N", help="A 1-5 rating for a goal (repeatable)."
    ),
    pulse: list[str] = typer.Option(
        None,
        "--pulse",
        metavar="PRINCIPLE=N",
        help="A 1-5 rating for open_mind, respect, trust or authenticity (repeatable).",
    ),
    next_step: list[str] = typer.Option(
        None, "--next-step", metavar="TEXT", help="Something to do before next time (repeatable)."
    ),
    private_note: str = typer.Option(
        None, "--private-note", metavar="TEXT", help="A note for you only; kept out of exports."
    ),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Ask nothing: what no flag gives is left empty."
    ),
) -> None:
    """Record a session: topics, what each of you learned, progress, the pulse.

    In a terminal, whatever the flags leave out is asked.
    Without a terminal (or with --yes), it is left empty.
    Ratings go from 1 (not yet) to 5 (confident).

    Example:
      revmentor log-session helen-sam --date yesterday --minutes 45 \\
        --topic "prompting for reports" --i-learned "templates help" \\
        --they-learned "how the board reads risk" \\
        --progress genai-for-ops=4 --pulse trust=5 --next-step "Sam sends prompts"
    """
    from revmentor import clock
    from revmentor.coach import sessions as cs
    from revmentor.coach.dates import parse_when
    from revmentor.errors import BadInput, Concluded

    st = store()
    slug = pick_pairing(st, pairing)
    p = st.read(slug)
    today = clock.today()

    # Every flag is checked before anything is asked or written.
    answers = cs.Answers(date=today)
    given: set[str] = set()
    if when is not None:
        try:
            answers.date = parse_when(when, today)
        except ValueError as exc:
            raise BadInput(f"--date: {exc}") from None
        given.add("date")
    if minutes is not None:
        try:
            answers.minutes = cs.check_minutes(int(minutes.strip()))
        except ValueError:
            raise BadInput(f"--minutes: '{minutes}' is not a whole number of minutes") from None
        given.add("minutes")
    for name, value in (
        ("topics", topic),
        ("next_steps", next_step),
    ):
        if value:
            setattr(answers, name, list(value))
            given.add(name)
    for name, text in (
        ("i_learned", i_learned),
        ("they_learned", they_learned),
    ):
        if text is not None:
            setattr(answers, name, text)
            given.add(name)
    if private_note is not None:
        answers.private_note = private_note
        given.add("private_note")
    answers.progress = cs.parse_progress(progress or [], p)
    answers.pulse = cs.parse_pulse(pulse or [])
    cs.build_session(answers)  # refuses control characters and the like, early

    nothing_given = not (given or answers.progress or answers.pulse.values())
    if not yes and not interactive() and nothing_given:
        # An empty entry logged by accident (a script, a pipe) would look like a real
        # session and push the open next steps aside.
        raise BadInput(
            "nothing to log: no answers were given and there is no terminal to ask",
            "Give them with flags (--topic, --i-learned, --they-learned, --progress, "
            "--pulse, --next-step, ...), or add --yes to log a session with only its date.",
        )
    if not yes and interactive():
        if p.state == "concluded":
            # Said before the questions, so nobody answers them all for nothing.
            raise Concluded.read_only(slug)
        from revmentor.wizard.log_session import ask_missing

        try:
            ask_missing(p, answers, given, today)
        except KeyboardInterrupt:
            # The answers so far are not lost: they are handed back as a command.
            from revmentor.views.session import render_unsaved

            render_unsaved(cs.as_flags(slug, answers))
            raise
    session = cs.build_session(answers)
    warns: list[str] = []

    def check(fresh: Pairing) -> None:
        # Against the latest version, read under the lock: a goal may have gone since.
        gone = sorted(set(session.progress) - {g.id for g in fresh.goals})
        if gone:
            raise BadInput(f"--progress: no goal with the id '{gone[0]}' any more")
        warns[:] = cs.warnings(fresh, session.date, today)

    saved = st.append(slug, "sessions", session, check)
    summary = cs.summarize(saved, today)
    frequency = saved.ground_rules.frequency

    from revmentor.views.session import render_logged, render_warnings

    render_warnings(warns)
    render_logged(slug, session, summary, frequency)

"""`revmentor log-session`."""

from __future__ import annotations

from datetime import date

import typer

from revmentor.cli import _values
from revmentor.cli._complete import goal_ratings
from revmentor.cli._complete import pairings as complete_pairings
from revmentor.cli._help import Command, commands
from revmentor.cli._values import Rated
from revmentor.vocab import SESSION_MINUTES_MAX

app = commands()


@app.command(cls=Command)
def log_session(
    pairing: str | None = typer.Argument(
        None, metavar="PAIRING", help="The pairing's name (optional if you have one).",
        autocompletion=complete_pairings,
    ),
    when: date | None = typer.Option(
        None,
        "--date",
        metavar="WHEN",
        parser=_values.when,
        help="YYYY-MM-DD, today, yesterday, friday, '3 days ago'.",
    ),
    minutes: int | None = typer.Option(
        None, "--minutes", metavar="N", min=1, max=SESSION_MINUTES_MAX, help="How long you met."
    ),
    topic: list[str] = typer.Option(
        [], "--topic", metavar="TEXT", help="A topic discussed (repeatable)."
    ),
    i_learned: str | None = typer.Option(
        None, "--i-learned", metavar="TEXT", help="What you learned."
    ),
    they_learned: str | None = typer.Option(
        None, "--they-learned", metavar="TEXT", help="What your partner learned from you."
    ),
    progress: list[Rated] = typer.Option(
        [],
        "--progress",
        metavar="GOAL_ID=N",
        parser=_values.goal_rating,
        callback=_values.once_each,
        help="A 1-5 rating for a goal (repeatable).",
        autocompletion=goal_ratings,
    ),
    pulse: list[Rated] = typer.Option(
        [],
        "--pulse",
        metavar="PRINCIPLE=N",
        parser=_values.pulse_rating,
        callback=_values.once_each,
        help="A 1-5 rating for open_mind, respect, trust or authenticity (repeatable).",
    ),
    next_step: list[str] = typer.Option(
        [], "--next-step", metavar="TEXT", help="Something to do before next time (repeatable)."
    ),
    private_note: str | None = typer.Option(
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
    Next steps still open from last time carry over into this session's next steps;
    in a terminal you are asked first which are done (or run `revmentor steps done`).

    \b
    Example:
      revmentor log-session helen-sam --date yesterday --minutes 45 \\
        --topic "prompting for reports" --i-learned "templates help" \\
        --they-learned "how the board reads risk" \\
        --progress genai-for-ops=4 --pulse trust=5 --next-step "Sam sends prompts"
    """
    from revmentor import clock
    from revmentor.cli._common import interactive, store
    from revmentor.wizard.log_session import Request, run

    request = Request(
        pairing=pairing,
        date=when,
        minutes=minutes,
        topics=list(topic),
        i_learned=i_learned,
        they_learned=they_learned,
        progress=_values.by_name(progress),
        pulse=_values.by_name(pulse),
        next_steps=list(next_step),
        private_note=private_note,
        yes=yes,
    )
    run(store(), request, tty=interactive(), today=clock.today())

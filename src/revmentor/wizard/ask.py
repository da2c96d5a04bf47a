"""`revmentor ask`: record when the ask went out and what the answer was."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from revmentor.coach import ask as ca
from revmentor.coach.dates import parse_when
from revmentor.errors import BadInput, Concluded
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.model import Pairing
    from revmentor.store import Store
    from revmentor.vocab import Response

COMMAND = "revmentor ask"
FLAGS = {"sent": "--sent", "on": "--on"}


@dataclass
class AskRequest:
    """What the command line gave; None means the flag was not given."""

    pairing: str | None = None
    sent: str | None = None
    response: Response | None = None
    on: str | None = None


def words() -> Any:
    from revmentor import content

    return content.load("records.yaml")["ask"]


def day_of(text: str, today: date, flag: str) -> date:
    """A date as typed after `flag`; one that is not a date is a BadInput (exit 1)."""
    from revmentor.vocab import DATE_MAX, DATE_MIN

    try:
        day = parse_when(text, today)
    except (ValueError, OverflowError) as exc:
        raise BadInput(f"{flag}: {exc}") from None
    if not DATE_MIN <= day <= DATE_MAX:
        raise BadInput(
            f"{flag}: {day.isoformat()} is outside the years {DATE_MIN.year} to "
            f"{DATE_MAX.year} that a pairing may use"
        )
    return day


@dataclass(frozen=True)
class Answers:
    """What to record: `unsent` takes back a sent date noted by mistake."""

    sent: date | None = None
    response: Response | None = None
    on: date | None = None
    unsent: bool = False


def _apply(p: Pairing, a: Answers, today: date) -> None:
    try:
        if a.unsent:
            ca.record_unsent(p)
        if a.sent is not None:
            ca.record_sent(p, a.sent, today)
        if a.response is not None:
            ca.record_response(p, a.response, a.on, today)
    except BadInput as exc:
        raise exc.named(FLAGS) from None


def run(st: Store, request: AskRequest, *, tty: bool, today: date) -> None:
    """Record from the flags; with none, ask in a terminal, or show the ask without one."""
    from revmentor.views.records import render_ask

    slug = pick(st, request.pairing, command=COMMAND, tty=tty)
    p = st.read(slug)
    if request.on is not None and request.response is None:
        raise BadInput("--on: the day an answer came goes with --response")
    answers = Answers(
        sent=day_of(request.sent, today, "--sent") if request.sent is not None else None,
        response=request.response,
        on=day_of(request.on, today, "--on") if request.on is not None else None,
    )
    if answers.sent is None and answers.response is None:
        if not tty:
            render_ask(slug, p.ask, today)
            return
        if p.state == "concluded":
            raise Concluded.read_only(slug)
        _apply(p.model_copy(deep=True), answers, today)  # on-the-job: refused before asking
        answers = ask_all(p, today)
    # A dry run on a copy: a refused value changes nothing and takes no lock.
    _apply(p.model_copy(deep=True), answers, today)
    with st.update(slug) as fresh:
        _apply(fresh, answers, today)
    render_ask(slug, fresh.ask, today, saved=True, advise=not fresh.sessions)


def ask_all(p: Pairing, today: date) -> Answers:
    """The questions: has it gone out and when, then the answer and when it came."""
    from revmentor import prompts

    q = words()["questions"]
    current = p.ask
    sent_on = current.asked_on if current else None
    hint = f" ({q['date_hint']})"
    sent: date | None = None
    went = prompts.select(
        q["sent"],
        [("yes", q["sent_yes"]), ("no", q["sent_not"])],
        default="yes" if sent_on else None,
    )
    if went == "yes":
        default = sent_on.isoformat() if sent_on else "today"
        sent = parse_when(
            prompts.date(q["sent_on"] + hint, default, lambda v: parse_when(v, today)), today
        )
    partner = p.partner.name.strip().split(" ")[0] or "your partner"
    labels = words()["responses"]
    response = cast(
        "Response",
        prompts.select(
            q["response"].format(partner=partner),
            [(key, labels[key]) for key in ("pending", "accepted", "declined")],
            default=current.response if current else "pending",
        ),
    )
    on: date | None = None
    if response != "pending":
        answered = current.answered_on if current else None
        default = answered.isoformat() if answered else "today"
        on = parse_when(
            prompts.date(q["answered_on"] + hint, default, lambda v: parse_when(v, today)), today
        )
    return Answers(sent, response, on, unsent=went == "no" and sent_on is not None)

"""What flag values parse to, for the options whose values are more than plain text.

Each parser gets the text as typed and returns a typed value, or raises
`typer.BadParameter`, which Typer names with the flag and which exits with 2 like any
other usage error. Parsers run only for flags that were given, so what they import is
paid for only then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

import typer

from revmentor.vocab import RATING_MAX, RATING_MIN

if TYPE_CHECKING:
    from revmentor.errors import BadInput
    from revmentor.views.exporters import Exporter


@dataclass(frozen=True)
class Rated:
    """One `NAME=N` flag: a goal, a principle or a question, and its 1-5 rating."""

    name: str
    rating: int


@dataclass(frozen=True)
class RealChecks:
    """The REAL criteria a person judges their goal meets, as given by `--real`."""

    met: frozenset[str]


@dataclass(frozen=True)
class CarryOver:
    """`--carry-over`: `ids` None means every active goal."""

    ids: tuple[str, ...] | None


def _refused(exc: BadInput) -> typer.BadParameter:
    return typer.BadParameter(f"{exc.message}. {exc.hint}" if exc.hint else exc.message)


def _on_the_calendar(day: date) -> date:
    """Refuse a date so far out that a horizon counted from it would leave the calendar
    (the file format's range), before anything is worked out from it."""
    from revmentor.vocab import DATE_MAX, DATE_MIN

    if not DATE_MIN <= day <= DATE_MAX:
        raise typer.BadParameter(
            f"{day.isoformat()} is outside the years {DATE_MIN.year} to {DATE_MAX.year} "
            "that a pairing may use"
        )
    return day


def when(value: str) -> date:
    """`--date` as people type it: a date, `yesterday`, `friday`, `3 days ago`."""
    from revmentor import clock
    from revmentor.coach.dates import parse_when

    try:
        day = parse_when(value, clock.today())
    except (ValueError, OverflowError) as exc:
        raise typer.BadParameter(str(exc)) from None
    return _on_the_calendar(day)


def iso_date(value: str) -> date:
    """A calendar date written YYYY-MM-DD."""
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-23"
        ) from None
    return _on_the_calendar(day)


def _rated(value: str, example: str) -> Rated:
    name, sep, number = value.partition("=")
    if not sep or not name.strip() or not number.strip():
        raise typer.BadParameter(f"'{value}' is not in the form NAME=N, e.g. {example}")
    try:
        # int() would also read other scripts' digits ("٣"); a rating is written 1-5.
        if not number.strip().isascii():
            raise ValueError(number)
        rating = int(number.strip())
    except ValueError:
        raise typer.BadParameter(
            f"'{value}': '{number.strip()}' is not a number from {RATING_MIN} to {RATING_MAX}"
        ) from None
    if not RATING_MIN <= rating <= RATING_MAX:
        raise typer.BadParameter(f"'{value}': {rating} is outside {RATING_MIN} to {RATING_MAX}")
    return Rated(name.strip(), rating)


def goal_rating(value: str) -> Rated:
    """`GOAL_ID=N`; whether the goal exists is for the pairing to say."""
    return _rated(value, "genai-for-ops=3")


def pulse_rating(value: str) -> Rated:
    """`PRINCIPLE=N`, the principle as the file names it (`open-mind` becomes `open_mind`)."""
    from revmentor.coach.sessions import principle_name
    from revmentor.vocab import PRINCIPLES

    rated = _rated(value, "trust=4")
    key = principle_name(rated.name)
    if key is None:
        raise typer.BadParameter(
            f"'{rated.name}' is not one of the principles: "
            + ", ".join(PRINCIPLES)
            + " (open-mind works too)"
        )
    return Rated(key, rated.rating)


def answer_rating(value: str) -> Rated:
    """`QUESTION_ID=N` for the self-check, the question one of the self-check's own."""
    from revmentor.coach import selfcheck as sc

    rated = _rated(value, "listening=4")
    known = sc.question_ids(sc.load_parts())
    if rated.name not in known:
        raise typer.BadParameter(
            f"'{rated.name}' is not a question of the self-check; they are: {', '.join(known)}"
        )
    return rated


def slug(value: str) -> str:
    """A pairing's name as revmentor writes it: lowercase letters, digits and hyphens."""
    from revmentor.errors import BadInput
    from revmentor.store import check_slug

    try:
        return check_slug(value)
    except BadInput as exc:
        raise _refused(exc) from None


def once_each(value: Sequence[Rated]) -> Sequence[Rated]:
    """Refuse a goal, principle or question rated twice in one command."""
    seen: set[str] = set()
    for item in value:
        if item.name in seen:
            raise typer.BadParameter(f"'{item.name}' is rated twice")
        seen.add(item.name)
    return value


def by_name(items: Sequence[Rated]) -> dict[str, int]:
    return {item.name: item.rating for item in items}


def real_checks(value: str) -> RealChecks:
    """`--real` as typed: names (`relevant,learning-based`), letters (`RAL`), `all` or `none`."""
    from revmentor.coach.real import KEYS

    text = value.strip().lower()
    if text in ("", "none", "-"):
        return RealChecks(frozenset())
    if text == "all":
        return RealChecks(frozenset(KEYS))
    letters = {key[0]: key for key in KEYS}
    if "," not in text and text.isalpha() and set(text) <= set(letters):
        return RealChecks(frozenset(letters[c] for c in text))
    met: set[str] = set()
    for part in text.split(","):
        key = part.strip().replace("-", "_").replace(" ", "_")
        if key not in KEYS:
            raise typer.BadParameter(
                f"'{part.strip()}' is not one of relevant, experimental, aspirational, "
                "learning-based; for example: --real relevant,learning-based (or RL, all, none)"
            )
        met.add(key)
    return RealChecks(frozenset(met))


def carry_over(value: str) -> CarryOver:
    """`all`, `none`, or goal ids separated by commas."""
    word = value.strip().lower()
    if word == "all":
        return CarryOver(None)
    if word == "none":
        return CarryOver(())
    ids = tuple(part.strip() for part in value.split(",") if part.strip())
    if not ids:
        raise typer.BadParameter("give all, none, or goal ids separated by commas")
    return CarryOver(ids)


def export_format(value: str) -> Exporter:
    """An export format by name or file extension (`markdown`, `md`, `ics`, `json`)."""
    from revmentor.errors import BadInput
    from revmentor.views.exporters import find

    try:
        return find(value)
    except BadInput as exc:
        raise _refused(exc) from None


def clock_time(value: str) -> time:
    """`HH:MM` on a 24-hour clock."""
    from revmentor.errors import BadInput
    from revmentor.views.exporters.ics import parse_time

    try:
        return parse_time(value)
    except BadInput as exc:
        raise _refused(exc) from None


def time_zone(value: str) -> str:
    """An IANA time zone name such as Europe/London, checked against the zone database."""
    from revmentor.errors import BadInput
    from revmentor.views.exporters.ics import check_zone

    try:
        return check_zone(value)
    except BadInput as exc:
        raise _refused(exc) from None


def reminder(value: str) -> timedelta:
    """`--remind` as typed: `15m`, `2h` or `1d` before an event."""
    from revmentor.errors import BadInput
    from revmentor.views.exporters.ics import parse_remind

    try:
        return parse_remind(value)
    except BadInput as exc:
        raise _refused(exc) from None

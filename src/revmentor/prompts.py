"""Every question revmentor asks in a terminal, behind small functions.

The only module that imports questionary, and only when a question is actually asked.
Ctrl-C raises KeyboardInterrupt (the wizards save a draft on it); a closed input raises
NeedsTerminal, which names the flags to use instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from revmentor.errors import NeedsTerminal

T = TypeVar("T")

SKIP = "skip"


def _ask(question: Any) -> Any:
    try:
        return question.unsafe_ask()
    except EOFError:
        raise NeedsTerminal(
            "the input closed before the question was answered",
            "Run the command with its flags instead (see --help).",
        ) from None


def _q() -> Any:
    import questionary

    return questionary


def _validator(check: Callable[[str], str | None] | None) -> Callable[[str], bool | str] | None:
    if check is None:
        return None

    def validate(value: str) -> bool | str:
        problem = check(value)
        return True if problem is None else problem

    return validate


def text(
    message: str,
    default: str = "",
    *,
    check: Callable[[str], str | None] | None = None,
    instruction: str | None = None,
    multiline: bool = False,
) -> str:
    """A line of text; `check` returns a problem to show, or None when the answer is fine."""
    q = _q().text(
        message,
        default=default,
        validate=_validator(check),
        instruction=instruction,
        multiline=multiline,
    )
    return str(_ask(q)).strip()


def required_text(message: str, default: str = "", instruction: str | None = None) -> str:
    return text(
        message,
        default,
        check=lambda v: None if v.strip() else "Please type an answer.",
        instruction=instruction,
    )


def confirm(message: str, default: bool = True) -> bool:
    # Without auto_enter, "y" then Enter answers this question only; with it, the Enter
    # a person types out of habit would answer the next question too.
    return bool(_ask(_q().confirm(message, default=default, auto_enter=False)))


def select(
    message: str,
    choices: Sequence[str] | Sequence[tuple[str, str]],
    default: str | None = None,
    instruction: str | None = None,
) -> str:
    """One choice from a list; choices may be (value, label) pairs."""
    qy = _q()
    items = [
        qy.Choice(title=c[1], value=c[0]) if isinstance(c, tuple) else qy.Choice(c, value=c)
        for c in choices
    ]
    values = [getattr(i, "value", None) for i in items]
    q = qy.select(
        message,
        choices=items,
        default=default if default in values else None,
        instruction=instruction,
        use_shortcuts=len(items) <= 9,
    )
    return str(_ask(q))


def checkbox(
    message: str,
    choices: Sequence[str] | Sequence[tuple[str, str]],
    checked: Sequence[str] = (),
    instruction: str | None = None,
) -> list[str]:
    """Any number of choices, ticked with the space bar; choices may be (value, label) pairs."""
    qy = _q()
    pairs = [c if isinstance(c, tuple) else (c, c) for c in choices]
    items = [qy.Choice(title=label, value=v, checked=v in checked) for v, label in pairs]
    return list(_ask(qy.checkbox(message, choices=items, instruction=instruction)))


SCALES: dict[str, tuple[str, ...]] = {
    "progress": ("not yet", "a little", "getting there", "well on the way", "confident"),
    "pulse": ("hardly", "a little", "partly", "mostly", "fully"),
    "agree": ("not like me", "rarely", "sometimes", "often", "very much like me"),
}


def rating(
    message: str,
    default: int | None = None,
    *,
    skippable: bool = True,
    scale: str = "progress",
) -> int | None:
    """A 1-5 rating; returns None when skipped. The number keys pick a rating directly."""
    words = SCALES[scale]
    choices: list[tuple[str, str]] = [(str(n), words[n - 1]) for n in range(1, 6)]
    if skippable:
        choices.append((SKIP, "skip"))
    start = str(default) if default is not None else (SKIP if skippable else "3")
    answer = select(message, choices, default=start)
    return None if answer == SKIP else int(answer)


def items(message: str, *, instruction: str = "one per line; empty line to finish") -> list[str]:
    """Several short answers, asked one at a time until an empty answer."""
    out: list[str] = []
    while True:
        label = message if not out else f"{message} (another, or Enter to finish)"
        value = text(label, instruction=instruction if not out else None)
        if not value:
            return out
        out.append(value)


def date(message: str, default: str, parse: Callable[[str], object]) -> str:
    """A date typed as text and checked with `parse` (which raises ValueError if bad)."""

    def check(value: str) -> str | None:
        try:
            parse(value or default)
        except ValueError as exc:
            return str(exc)
        return None

    return text(message, default, check=check) or default

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


# --- fitting questions and answers to the terminal -----------------------------------
#
# prompt_toolkit wraps a line that is too long at the last column, in the middle of a
# word. Questions are wrapped here between words instead, and each question is erased
# once answered and written again, question and answer wrapped the same way. A default
# answer too long for the line is shown over several lines, still sent with Enter.

_PREFIX = "? "
_INDENT = "  "
# prompt_toolkit's own bindings: the open-in-editor key in its default (Emacs) mode.
EDITOR_KEYS = "Ctrl-X Ctrl-E"


def _width() -> int:
    import os
    import shutil
    import sys

    # The terminal's own width, which prompt_toolkit wraps at (COLUMNS only without one).
    try:
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    except (AttributeError, OSError, ValueError):
        columns = shutil.get_terminal_size().columns
    # Two columns spare: questionary adds a space after the question, and a line that
    # fills the last column makes some terminals wrap early.
    return max(20, columns - 2)


def _lines(text: str, width: int, first: str = _PREFIX) -> list[str]:
    import textwrap

    return textwrap.wrap(
        " ".join(text.split()),
        width,
        initial_indent=first,
        subsequent_indent=_INDENT,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def fit(message: str, tail: str = "") -> str:
    """`message` with line breaks between words, leaving room for `tail` after it.

    questionary writes "? " before the message and `tail` (its instruction or the
    answer being typed) after it, so the last line keeps space for that.
    """
    width = _width()
    plain = " ".join(message.split())
    if tail and len(_PREFIX) + len(plain) <= width < len(_PREFIX) + len(plain) + 1 + len(tail):
        # The question fits on its line: keep it whole, the hint goes on the next one.
        return plain + "\n "
    marker = "\x00" * max(1, len(tail))
    lines = _lines(f"{message} {marker}", width)
    text = "\n".join(lines)[len(_PREFIX) :]
    return text[: text.index(marker)].rstrip(" ")


def echo(message: str, answer: str) -> None:
    """The answered question, as it stays on screen: wrapped between words."""
    import sys

    shown = " ".join(answer.split())
    lines = _lines(f"{message} {shown}" if shown else message, _width())
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def _answered(message: str, question: Any, shown: Callable[[Any], str]) -> Any:
    answer = _ask(question)
    echo(message, shown(answer))
    return answer


def _validator(check: Callable[[str], str | None] | None) -> Callable[[str], bool | str] | None:
    if check is None:
        return None

    def validate(value: str) -> bool | str:
        problem = check(value.replace("\n", " "))
        return True if problem is None else problem

    return validate


def _enter_sends() -> Any:
    """Key bindings for a multi-line default: the keys work as they do on one line."""
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @keys.add("enter")
    def _send(event: Any) -> None:
        event.current_buffer.validate_and_handle()

    # Ctrl-U empties the answer up to the cursor, as it does on one line: the line
    # breaks are only how a long default is shown.
    @keys.add("c-u")
    def _clear(event: Any) -> None:
        buffer = event.current_buffer
        buffer.delete_before_cursor(len(buffer.document.text_before_cursor))

    return keys


def text(
    message: str,
    default: str = "",
    *,
    check: Callable[[str], str | None] | None = None,
    instruction: str | None = None,
    multiline: bool = False,
) -> str:
    """A line of text; `check` returns a problem to show, or None when the answer is fine.

    A default too long for the line is shown wrapped over several lines; Enter still
    sends it, and the editor key opens it in $VISUAL or $EDITOR.
    """
    width = _width()
    long = not multiline and len(_PREFIX) + len(message) + 1 + len(default) > width
    extra: dict[str, Any] = {"erase_when_done": True}
    shown_default = default
    if long:
        hint = f"(Enter keeps it; {EDITOR_KEYS} opens your editor)"
        instruction = f"{instruction} {hint}" if instruction else hint
        shown_default = "\n".join(line.strip() for line in _lines(default, width - 2, ""))
        extra.update(
            multiline=True,
            key_bindings=_enter_sends(),
            enable_open_in_editor=True,
            prompt_continuation=_INDENT,
        )
    else:
        extra["multiline"] = multiline
    asked = fit(f"{message} {instruction}" if instruction else message)
    if long:
        asked += "\n "  # the default starts on a line of its own, indented like the rest
    q = _q().text(
        asked,
        default=shown_default,
        validate=_validator(check),
        instruction="",  # said in `asked` already, wrapped with the message
        **extra,
    )
    answer = str(_ask(q))
    if long:
        answer = answer.replace("\n", " ")
    answer = answer.strip()
    echo(message, answer)
    return answer


def required_text(message: str, default: str = "", instruction: str | None = None) -> str:
    return text(
        message,
        default,
        check=lambda v: None if v.strip() else "Please type an answer.",
        instruction=instruction,
    )


def confirm(message: str, default: bool = True) -> bool:
    hint = "(Y/n)" if default else "(y/N)"
    # Without auto_enter, "y" then Enter answers this question only; with it, the Enter
    # a person types out of habit would answer the next question too.
    q = _q().confirm(
        fit(message, hint + " Yes"),
        default=default,
        auto_enter=False,
        instruction=hint + " ",
        erase_when_done=True,
    )
    return bool(_answered(message, q, lambda yes: "Yes" if yes else "No"))


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
    labels = {getattr(i, "value", None): str(i.title) for i in items}
    shortcuts = len(items) <= 9
    hint = instruction or ("(Use shortcuts or arrow keys)" if shortcuts else "(Use arrow keys)")
    q = qy.select(
        fit(message, hint),
        choices=items,
        default=default if default in values else None,
        instruction=hint,
        use_shortcuts=shortcuts,
        erase_when_done=True,
    )
    return str(_answered(message, q, lambda value: labels.get(value, str(value))))


def checkbox(
    message: str,
    choices: Sequence[str] | Sequence[tuple[str, str]],
    checked: Sequence[str] = (),
    instruction: str | None = None,
) -> list[str]:
    """Any number of choices, ticked with the space bar; choices may be (value, label) pairs."""
    qy = _q()
    pairs = [c if isinstance(c, tuple) else (c, c) for c in choices]
    labels = dict(pairs)
    items = [qy.Choice(title=label, value=v, checked=v in checked) for v, label in pairs]
    hint = instruction or "(Use arrow keys to move, <space> to select, <a> to toggle)"
    q = qy.checkbox(fit(message, hint), choices=items, instruction=hint, erase_when_done=True)
    picked = list(_answered(message, q, lambda values: "; ".join(labels[v] for v in values)))
    return picked


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

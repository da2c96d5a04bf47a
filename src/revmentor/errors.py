"""The project's own errors: each carries a message for the user and an exit code."""

from __future__ import annotations

from collections.abc import Mapping

USAGE_EXIT = 2  # what click exits with for a usage error


class RevmentorError(Exception):
    """An error the user can act on. The first line says what went wrong."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class InvalidFile(RevmentorError):
    """A pairing file that does not parse or validate; it is left exactly as it is."""

    def __init__(self, path: str, problems: list[str], hint: str | None = None) -> None:
        self.path = path
        self.problems = problems
        first = problems[0] if problems else f"{path}: invalid"
        more = "\n".join(problems[1:])
        super().__init__(first, "\n".join(x for x in (more, hint) if x) or None)


class SaveError(RevmentorError):
    """A file could not be written (disk full, permissions...); nothing was changed."""


class Conflict(RevmentorError):
    """The file changed under a change that was made to an older version of it."""


class NotFound(RevmentorError):
    pass


class AlreadyExists(RevmentorError):
    pass


class BadInput(RevmentorError):
    """A value given on the command line or in an answers file that cannot be used.

    `field` names the answer at fault (`progress`, `reason`) when there is one: the
    coach knows answers, not flags, so a caller that took the value from a flag names
    the flag instead with `named`.
    """

    def __init__(self, message: str, hint: str | None = None, *, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message, hint)
        self.field = field
        self.problem = message

    def named(self, flags: Mapping[str, str]) -> BadInput:
        """The same problem, told in terms of the flag that gave the value (if it is in `flags`).

        A flag's value that cannot be used is a usage error, and exits 2 as click's own do.
        """
        flag = flags.get(self.field or "")
        if flag is None:
            return self
        named = BadInput(f"{flag}: {self.problem}", self.hint)
        named.exit_code = USAGE_EXIT
        return named


class Concluded(RevmentorError):
    """A concluded pairing is read-only until it is reopened."""

    @classmethod
    def read_only(cls, slug: str) -> Concluded:
        return cls(
            f"'{slug}' is concluded, so it is read-only",
            f"Reopen it first with `revmentor reopen {slug}`.",
        )


class NeedsTerminal(RevmentorError):
    """A question had to be asked but there is no terminal to ask it in."""


class Cancelled(RevmentorError):
    """Ctrl-C: the command stopped, and showed whatever it had to hand back."""

    exit_code = 130

"""The self-check history: <home>/self-check.yaml, readable by its owner only.

Same rules as pairing files: a file that does not parse is reported and left alone,
writes are atomic, and comments someone added by hand survive a save.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from revmentor import yamlio
from revmentor.errors import InvalidFile, SaveError
from revmentor.files import atomic_write, locked, read_regular_file
from revmentor.model import SelfCheckLog, SelfCheckResult
from revmentor.store import Store

FILE_NAME = "self-check.yaml"
HEADER = (
    "revmentor self-check history (schema 1): one entry per `revmentor self-check`.\n"
    "Answers are 1-5 per question id; scores are the average per part."
)


def path(home: Path | None = None) -> Path:
    return (home if home is not None else Store().home) / FILE_NAME


def _parse(text: str, where: Path) -> SelfCheckLog:
    from pydantic import ValidationError

    try:
        data = yamlio.load(text)
    except yamlio.YAMLProblem as exc:
        raise InvalidFile(str(where), [f"{where}:{exc.line or 1}: {exc.message}"]) from None
    if data is None:
        return SelfCheckLog()
    hint = "The file was left as it is; fix it by hand, or move it aside to start afresh."
    try:
        return SelfCheckLog.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            line = yamlio.line_of(text, loc) or 1
            field = ".".join(str(p) for p in loc) or "(top level)"
            msg = str(err["msg"]).removeprefix("Value error, ")
            problems.append(f"{where}:{line}: {field}: {msg}")
        raise InvalidFile(str(where), problems, hint) from None


def _reads_back(text: str, where: Path, intended: dict[str, Any]) -> bool:
    try:
        again = _parse(text, where)
    except InvalidFile:
        return False
    return again.model_dump(mode="python", by_alias=True, exclude_none=True) == intended


def _read(where: Path) -> tuple[str | None, SelfCheckLog]:
    try:
        text = read_regular_file(where)
    except FileNotFoundError:
        return None, SelfCheckLog()
    except UnicodeDecodeError as exc:
        raise InvalidFile(str(where), [f"{where}:1: not UTF-8 text ({exc.reason})"]) from None
    return text, _parse(text, where)


def load(home: Path | None = None) -> SelfCheckLog:
    """Every saved result, oldest first (an empty log when there is no file yet)."""
    return _read(path(home))[1]


def append(result: SelfCheckResult, home: Path | None = None) -> Path:
    """Add one result to the history and save it atomically."""
    home = home if home is not None else Store().home
    where = path(home)
    with locked(where):
        text, log = _read(where)
        old = log.model_dump(mode="python", by_alias=True, exclude_none=True)
        log.results.append(result)
        new = log.model_dump(mode="python", by_alias=True, exclude_none=True)
        try:
            out = (
                yamlio.dump_update(text, old, new, lambda t: _reads_back(t, where, new))
                if text
                else yamlio.dump_new(new, HEADER)
            )
        except yamlio.YAMLProblem as exc:
            raise SaveError(f"could not save {where}: {exc.message}") from None
        atomic_write(where, out)
    return where

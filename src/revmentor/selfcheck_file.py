"""The self-check history: <home>/self-check.yaml, readable by its owner only.

Same rules as pairing files: a file that does not parse is reported and left alone,
writes are atomic, and comments someone added by hand survive a save.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from revmentor import yamlio
from revmentor.errors import InvalidFile
from revmentor.model import SelfCheckLog, SelfCheckResult
from revmentor.store import Store, atomic_write, ensure_dir, file_lock

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
            problems.append(f"{where}:{line}: {field}: {err['msg']}")
        raise InvalidFile(str(where), problems, hint) from None


def _read(where: Path) -> tuple[str | None, SelfCheckLog]:
    try:
        text = where.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, SelfCheckLog()
    except UnicodeDecodeError as exc:
        raise InvalidFile(str(where), [f"{where}:1: not UTF-8 text ({exc.reason})"]) from None
    return text, _parse(text, where)


def load(home: Path | None = None) -> SelfCheckLog:
    """Every saved result, oldest first (an empty log when there is no file yet)."""
    return _read(path(home))[1]


@contextlib.contextmanager
def _locked(home: Path) -> Iterator[None]:
    ensure_dir(home)
    with file_lock(home / ".self-check.lock"):
        yield


def append(result: SelfCheckResult, home: Path | None = None) -> Path:
    """Add one result to the history and save it atomically."""
    home = home if home is not None else Store().home
    where = path(home)
    with _locked(home):
        text, log = _read(where)
        old = log.model_dump(mode="python", by_alias=True, exclude_none=True)
        log.results.append(result)
        new = log.model_dump(mode="python", by_alias=True, exclude_none=True)
        out = yamlio.dump_update(text, old, new) if text else yamlio.dump_new(new, HEADER)
        atomic_write(where, out)
    return where

"""Answers given before the wizard runs: an answers file, and the command's flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revmentor import yamlio
from revmentor.coach import plan
from revmentor.errors import BadInput, InvalidFile

if TYPE_CHECKING:
    from pydantic import ValidationError

    from revmentor.vocab import Frequency, Side

KINDS = ("reverse-mentoring", "on-the-job")


@dataclass
class Source:
    """Where answers came from, so an error can point at the line that caused it."""

    answers: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    text: str | None = None
    notes: list[str] = field(default_factory=list)


def load_yaml(path: Path) -> tuple[str, Any]:
    """The text and data of a YAML answers file; a missing or malformed one is a clear error."""
    from revmentor.files import read_regular_file

    try:
        # Not open() and read: a FIFO or a device given as the file must not hang.
        text = read_regular_file(path)
    except FileNotFoundError:
        raise BadInput(f"no answers file at {path}") from None
    except OSError as exc:
        raise BadInput(f"cannot read the answers file {path}: {exc.strerror}") from None
    try:
        return text, yamlio.load(text)
    except yamlio.YAMLProblem as exc:
        raise InvalidFile(str(path), [f"{path}:{exc.line or 1}: {exc.message}"]) from None


def read(path: Path) -> Source:
    """Load an answers file: any subset of a pairing file's keys."""
    text, data = load_yaml(path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InvalidFile(str(path), [f"{path}:1: the answers must be a mapping of keys to values"])
    notes = []
    dropped = [k for k in plan.LOG_KEYS if k in data and k != "state"]
    if dropped:
        notes.append(
            f"The {', '.join(dropped)} in {path.name} are not copied: a new pairing "
            "starts with an empty log."
        )
    return Source(data, path, text, notes)


def apply_flags(
    answers: dict[str, Any],
    *,
    partner: str | None,
    goals: list[str],
    side: Side | None,
    start: date | None,
    frequency: Frequency | None,
) -> list[str]:
    """Put the flags' values into `answers` (flags win); return the keys they set."""
    set_keys: list[str] = []
    if partner is not None:
        if not partner.strip():
            raise BadInput("--partner needs a name")
        plan.put(answers, "partner.name", partner.strip())
        set_keys.append("partner.name")
    if goals:
        existing = answers.get("goals")
        listed = list(existing) if isinstance(existing, list) else []
        listed.extend({"text": g.strip(), "owner": "me"} for g in goals if g.strip())
        answers["goals"] = listed
        set_keys.append("goals")
    for key, value in (
        ("me.side", side),
        ("horizon.start", start),
        ("ground_rules.frequency", frequency),
    ):
        if value is not None:
            plan.put(answers, key, value)
            set_keys.append(key)
    return set_keys


def build_goals(answers: dict[str, Any], kind: str) -> None:
    """Goals given as the builder's answers (`build: {can, who, try}`) turned into their
    wording, in place, before the plan is built from them."""
    goals = answers.get("goals")
    if not isinstance(goals, list):
        return
    smart = kind == "on-the-job"
    context = None
    if smart:
        from revmentor.coach.smart import SmartContext

        scan = answers.get("scan")
        gaps = scan.get("gaps") if isinstance(scan, dict) else None
        texts = [g.get("text") if isinstance(g, dict) else g for g in gaps or []]
        context = SmartContext(gaps=tuple(str(t) for t in texts if t))
    for i, goal in enumerate(goals):
        if not isinstance(goal, dict) or "build" not in goal:
            continue
        where = f"goals[{i}].build"
        spec = goal.pop("build")
        if not isinstance(spec, dict):
            raise BadInput(f"{where}: must be a mapping of the builder's answers (can, who, try)")
        if goal.get("text"):
            raise BadInput(f"goals[{i}]: give either its text or its build answers, not both")
        from revmentor.wizard.goal_builder import from_mapping

        goal["text"] = from_mapping(spec, where, smart=smart, context=context).text


def explain(exc: ValidationError, source: Source) -> InvalidFile:
    """A validation failure as `file:line: key: message` lines (or key alone)."""
    where = str(source.path) if source.path else "answers"
    problems = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        key = ".".join(str(p) for p in loc) or "(top level)"
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (check its spelling against the pairing file format)"
        elif err["type"] == "missing":
            msg = "required but missing"
        line = yamlio.line_of(source.text, loc) if source.text and loc else None
        prefix = f"{where}:{line}: " if line else (f"{where}: " if source.path else "")
        problems.append(f"{prefix}{key}: {msg}")
    return InvalidFile(where, problems, "Nothing was saved.")

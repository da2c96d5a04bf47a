"""The goal builder's questions ("Build it with me"), in `start`, `goals add` and the reword
step of `goals review`. The answers go to coach/builder.py; what it composes is shown and
edited by the person before it is used."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from revmentor import prompts
from revmentor.coach import builder
from revmentor.errors import BadInput

if TYPE_CHECKING:
    from revmentor.coach.smart import SmartContext
    from revmentor.coach.verdict import Verdict


@dataclass(frozen=True)
class BuildFlags:
    """The builder's answers as given on the command line; None when not given."""

    can: str | None = None
    who: str | None = None
    first: str | None = None
    measure: str | None = None
    by: str | None = None

    @property
    def given(self) -> bool:
        return any(v is not None for v in (self.can, self.who, self.first, self.measure, self.by))


FLAGS = {
    "can": "--build-can",
    "who": "--build-who",
    "try": "--build-try",
    "measure": "--build-measure",
    "by": "--build-by",
}


def _words() -> Any:
    from revmentor import content

    return content.load("builder.yaml")


def from_flags(flags: BuildFlags, *, smart: bool, context: SmartContext | None = None) -> Verdict:
    """The goal the flags' answers make, with its verdict; a missing answer names its flag."""
    if not smart and (flags.measure is not None or flags.by is not None):
        raise BadInput(
            "--build-measure and --build-by are for on-the-job plans (SMART goals)",
            "For a reverse-mentoring goal, give --build-can, --build-who and --build-try.",
        )
    answers = builder.BuildAnswers(
        flags.can or "", flags.who or "", flags.first or "", flags.measure or "", flags.by or ""
    )
    try:
        return builder.build(answers, context, smart=smart)
    except BadInput as exc:
        keys = (*builder.KEYS, *builder.SMART_KEYS) if smart else builder.KEYS
        hint = "The builder needs " + ", ".join(FLAGS[k] for k in keys) + "."
        raise BadInput(exc.named(FLAGS).message, hint) from None


def from_mapping(
    data: Mapping[str, Any], where: str, *, smart: bool, context: SmartContext | None = None
) -> Verdict:
    """The goal an answers file's `build:` mapping makes (keys can, who, try, measure, by)."""
    keys = (*builder.KEYS, *builder.SMART_KEYS) if smart else builder.KEYS
    unknown = sorted(str(k) for k in data if k not in keys)
    if unknown:
        raise BadInput(
            f"{where}: unknown key {unknown[0]} (the builder's answers are {', '.join(keys)})"
        )
    values = {k: data.get(k) for k in keys}
    for key, value in values.items():
        if value is not None and not isinstance(value, (str, int, float)):
            raise BadInput(f"{where}.{key}: must be a sentence, not a list or mapping")
    answers = builder.BuildAnswers(
        *(str(values.get(k) or "") for k in ("can", "who", "try", "measure", "by"))
    )
    try:
        return builder.build(answers, context, smart=smart)
    except BadInput as exc:
        raise BadInput(f"{where}.{exc.field}: {exc.problem}") from None


def wants_builder() -> bool:
    """Ask whether to write the goal or build it together."""
    choice = _words()["choice"]
    picked = prompts.select(
        choice["question"], [("write", choice["write"]), ("build", choice["build"])], "write"
    )
    return picked == "build"


def _check_answer(value: str) -> str | None:
    problem = builder.answer_problem(value)
    if problem is None:
        return None
    return "Please type an answer." if problem == "is empty" else f"This answer {problem}."


def _answer(key: str, default: str = "") -> str:
    words = _words()
    return prompts.text(
        words["questions"][key],
        default,
        check=_check_answer,
        instruction=words["examples"].get(key),
    )


def ask_built(*, smart: bool = False, context: SmartContext | None = None, by: str = "") -> str:
    """Ask the builder's questions, show the goal they make, and let the person edit it."""
    from revmentor.views.builder import render_built

    can = _answer("can_on_the_job" if smart else "can")
    who = _answer("who")
    first = _answer("try")
    measure = _answer("measure") if smart else ""
    deadline = _answer("by", by) if smart else ""
    verdict = builder.build(
        builder.BuildAnswers(can, who, first, measure, deadline), context, smart=smart
    )
    render_built(verdict.text)
    return prompts.required_text(_words()["shown"]["edit"], verdict.text)


def wording(
    message: str,
    default: str = "",
    *,
    smart: bool = False,
    context: SmartContext | None = None,
    by: str = "",
    required: bool = True,
) -> str:
    """A goal's wording, written by the person or built with them; "" only when not
    `required` and left empty."""
    if wants_builder():
        return ask_built(smart=smart, context=context, by=by)
    if required:
        return prompts.required_text(message, default)
    return prompts.text(message, default)

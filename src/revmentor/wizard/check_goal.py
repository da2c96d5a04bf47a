"""`revmentor check-goal`: one wording checked the way its pairing would check it."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from revmentor.errors import BadInput

if TYPE_CHECKING:
    from revmentor.coach.verdict import Verdict


@dataclass(frozen=True)
class CheckRequest:
    text: str
    smart: bool = False
    pairing: str | None = None
    gap: str | None = None


def verdict_of(request: CheckRequest) -> tuple[str, Verdict]:
    """The framework's name and the verdict for the request's wording."""
    wording = request.text.strip()
    if not wording:
        raise BadInput(
            "the goal to check is empty",
            'Give its wording in quotes, e.g. revmentor check-goal "Learn to …"',
        )
    from revmentor.coach.goal_check import input_problem, readable

    problem = input_problem(wording)
    if problem is not None:
        raise BadInput(*problem)
    if request.gap and not request.pairing:
        raise BadInput("--gap needs --pairing to say whose scan it is in")
    framework, verdict = _checked(request, readable(wording))
    # The verdict shows the wording as it was typed; the check read it without controls.
    return framework, replace(verdict, text=wording)


def _checked(request: CheckRequest, wording: str) -> tuple[str, Verdict]:
    if request.pairing is not None:
        from revmentor.cli._common import store
        from revmentor.coach.goal_check import verdict_for
        from revmentor.wizard.pairing import pick

        st = store()
        slug = pick(st, request.pairing, command="revmentor check-goal --pairing", tty=False)
        p = st.read(slug)
        gaps = {g.id for g in p.scan.gaps} if p.scan is not None else set()
        if request.gap and request.gap not in gaps:
            known = ", ".join(sorted(gaps)) or "none"
            raise BadInput(f"'{slug}' has no scanned gap '{request.gap}'", f"Its gaps: {known}.")
        name = "SMART" if p.kind == "on-the-job" else "REAL"
        return name, verdict_for(p, wording, request.gap)
    if request.smart:
        from revmentor.coach.smart import check_smart

        return "SMART", check_smart(wording)
    from revmentor.coach.real import check_real

    return "REAL", check_real(wording)


def run(request: CheckRequest, as_json: bool) -> None:
    framework, verdict = verdict_of(request)
    if as_json:
        print(json.dumps(verdict.to_json(), indent=2, ensure_ascii=False))
        return
    from revmentor.coach.goal_check import other_language_note
    from revmentor.views.verdict import render_check

    render_check(framework, verdict, other_language_note(verdict.text))

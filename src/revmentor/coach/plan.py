"""Turning answers into a pairing plan: what is asked, what defaults, what is computed.

Answers have the shape of a pairing file (a saved pairing is itself a valid set of
answers), possibly partial, with values as typed (strings from YAML, or proper types
from the wizard). `build` fills the defaults and the computed parts (goal ids, REAL or
SMART flags from the wording checks, the ask, the horizon dates) and validates the
result through the model. Pure: no I/O beyond the packaged coaching text, no prompts.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from revmentor.errors import BadInput, NeedsTerminal

if TYPE_CHECKING:
    # The models are imported where a plan is built, so that a wizard can ask its first
    # questions before pydantic builds them.
    from revmentor.model import Pairing, Person
    from revmentor.vocab import Kind

# What the wizard asks, per kind, as dotted paths into the pairing file. Without a
# terminal each of these must come from the answers file, a flag or the defaults.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "reverse-mentoring": (
        "me.side",
        "me.name",
        "me.role",
        "me.generation",
        "me.background",
        "me.offers",
        "goals",
        "partner.name",
        "partner.role",
        "partner.generation",
        "partner.background",
        "partner.offers",
        "ground_rules.frequency",
        "ground_rules.session_minutes",
        "ground_rules.channel",
        "ground_rules.between_sessions",
        "ground_rules.confidentiality",
        "ground_rules.feedback",
        "ground_rules.scheduling",
        "horizon.start",
    ),
    "on-the-job": (
        "me.side",
        "me.name",
        "me.role",
        "partner.name",
        "partner.role",
        "context.situation",
        "context.description",
        "scan.role_requirements",
        "scan.current_skills",
        "scan.gaps",
        "goals",
        "ground_rules.frequency",
        "ground_rules.session_minutes",
        "horizon.start",
    ),
}

# Nothing sensible can stand in for these: taking the defaults does not fill them.
NO_DEFAULT: frozenset[str] = frozenset({"goals", "partner.name"})

# A new pairing starts with an empty log, even when a saved pairing is the answers file.
LOG_KEYS: tuple[str, ...] = ("sessions", "reviews", "wrap_ups", "state")

REAL_KEYS: tuple[str, ...] = ("relevant", "experimental", "aspirational", "learning_based")
SMART_KEYS: tuple[str, ...] = ("specific", "measurable", "achievable", "relevant", "time_bound")

_MISSING = object()


# --- dotted paths -------------------------------------------------------------------


def get(data: dict[str, Any], key: str, default: Any = None) -> Any:
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return default
        node = node[part]
    return node


def has(data: dict[str, Any], key: str) -> bool:
    """True when `key` holds an answer; an empty goal list is no answer."""
    value = get(data, key, _MISSING)
    if value is _MISSING:
        return False
    return not (key == "goals" and not value)


def put(data: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    node = data
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value


def drop(data: dict[str, Any], key: str) -> None:
    parts = key.split(".")
    parent = get(data, ".".join(parts[:-1])) if len(parts) > 1 else data
    if isinstance(parent, dict):
        parent.pop(parts[-1], None)


# --- defaults -----------------------------------------------------------------------


def defaults(kind: Kind, today: date) -> dict[str, Any]:
    """The default answer of every question that has one, by dotted key."""
    from revmentor import content
    from revmentor.coach.horizon import next_monday

    text = content.load("start.yaml")
    out: dict[str, Any] = {"horizon.start": next_monday(today)}
    if kind == "on-the-job":
        rules = text["on_the_job_ground_rules"]
        out.update(
            {
                "me.side": "mentor",
                "me.name": "",
                "me.role": "",
                "partner.role": "",
                "context.situation": "onboarding",
                "context.description": "",
                "scan.role_requirements": [],
                "scan.current_skills": [],
                "scan.gaps": [],
                "ground_rules.frequency": rules["frequency"],
                "ground_rules.session_minutes": int(rules["session_minutes"]),
            }
        )
        return out
    out.update({f"{who}.{k}": "" for who in ("me", "partner") for k in _PERSON_TEXT})
    out.update({"me.side": "mutual", "me.offers": [], "partner.offers": []})
    del out["partner.name"]
    for key, value in text["ground_rules"].items():
        out[f"ground_rules.{key}"] = int(value) if key == "session_minutes" else value
    return out


_PERSON_TEXT = ("name", "role", "generation", "background")


class MissingAnswers(NeedsTerminal):
    """Answers the wizard would ask for, with no terminal to ask them in.

    It names the keys; how to give them (a file, flags) is for the command to say.
    """

    def __init__(self, keys: list[str], *, defaults_used: bool, hint: str | None = None) -> None:
        self.keys = keys
        self.defaults_used = defaults_used
        count = f"{len(keys)} answer{'s are' if len(keys) != 1 else ' is'} missing"
        super().__init__(f"{count}: {', '.join(keys)}", hint)


def missing(answers: dict[str, Any], kind: Kind) -> list[str]:
    return [k for k in QUESTIONS[kind] if not has(answers, k)]


# --- similarity of the two people (step 2) ------------------------------------------

_GENERATIONS = {
    "genalpha": "gen alpha",
    "alpha": "gen alpha",
    "genz": "gen z",
    "generationz": "gen z",
    "z": "gen z",
    "zoomer": "gen z",
    "zoomers": "gen z",
    "zennial": "gen z",
    "millennial": "millennial",
    "millennials": "millennial",
    "geny": "millennial",
    "generationy": "millennial",
    "y": "millennial",
    "genx": "gen x",
    "generationx": "gen x",
    "x": "gen x",
    "babyboomer": "boomer",
    "babyboomers": "boomer",
    "boomer": "boomer",
    "boomers": "boomer",
}

_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "years",
        "year",
        "yrs",
        "ago",
        "about",
        "as",
        "by",
        "my",
        "our",
        "their",
        "his",
        "her",
        "since",
        "then",
        "now",
        "very",
        "long",
    ]
)


def generation_key(text: str) -> str:
    squashed = re.sub(r"[^a-z0-9]", "", text.lower())
    return _GENERATIONS.get(squashed, squashed)


def _words(text: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if len(word) < 3 or word in _STOP:
            continue
        words.add(word[:-1] if word.endswith("s") and len(word) > 3 else word)
    return words


def similar_background(mine: str, theirs: str) -> bool:
    a, b = _words(mine), _words(theirs)
    if not a or not b:
        return False
    if a <= b or b <= a:
        return True
    return len(a & b) / len(a | b) >= 0.6


def same_world(me: Person, partner: Person) -> bool:
    """Same generation AND a similar background: the pairing may teach little."""
    gen = generation_key(me.generation)
    if not gen or gen != generation_key(partner.generation):
        return False
    return similar_background(me.background, partner.background)


def same_world_data(answers: dict[str, Any]) -> bool:
    from revmentor.model import Person

    def person(who: str) -> Person:
        return Person(
            generation=str(get(answers, f"{who}.generation") or ""),
            background=str(get(answers, f"{who}.background") or ""),
        )

    return same_world(person("me"), person("partner"))


# --- computed parts -----------------------------------------------------------------


def goal_id(text: str, taken: Iterable[str]) -> str:
    """A short slug for a goal, unique among `taken`."""
    from revmentor.coach.goal_ids import propose

    return propose(text, taken)


def suggest_partner_goal(offers: list[str]) -> str | None:
    """A goal for the partner, from the first thing I offer."""
    from revmentor import content

    first = next((o.strip().rstrip(".") for o in offers if o.strip()), None)
    if first is None:
        return None
    template: str = content.load("start.yaml")["partner_goal"]
    return template.format(offer=first)


def real_flags(text: str) -> dict[str, bool]:
    from revmentor.coach.real import check_real

    verdict = check_real(text)
    return {k: bool(verdict.checks[k].ok) for k in REAL_KEYS if k in verdict.checks}


def smart_flags(text: str) -> dict[str, bool]:
    from revmentor.coach.smart import check_smart

    verdict = check_smart(text)
    return {k: bool(verdict.checks[k].ok) for k in SMART_KEYS if k in verdict.checks}


def parse_date(value: Any, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise BadInput(
            f"{key}: '{value}' is not a date", "Write dates as YYYY-MM-DD, e.g. 2026-11-23."
        ) from None


def _as_dicts(data: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
    """A list of items given as mappings or, for short, as their text alone."""
    items = get(data, key)
    if items is None:
        return []
    if not isinstance(items, list):
        raise BadInput(f"{key}: must be a list of {what}", f"Write one '- ' line per {what[:-1]}.")
    out: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict):
            raise BadInput(f"{key}.{i}: must be a {what[:-1]} (its text, or a mapping)")
        out.append(item)
    put(data, key, out)
    return out


def _check_sections(data: dict[str, Any]) -> None:
    for key in ("me", "partner", "ground_rules", "horizon", "context", "scan", "ask"):
        value = data.get(key)
        if value is not None and not isinstance(value, dict):
            raise BadInput(f"{key}: must be a mapping of keys to values")


def _fill_goals(data: dict[str, Any], kind: Kind, created: date, end: date) -> None:
    goals = _as_dicts(data, "goals", "goals")
    gaps = _as_dicts(data, "scan.gaps", "gaps")
    taken = {g["id"] for g in gaps if isinstance(g.get("id"), str)}
    for gap in gaps:
        if "id" not in gap and isinstance(gap.get("text"), str) and gap["text"].strip():
            gap["id"] = goal_id(gap["text"], taken)
            taken.add(gap["id"])
    gap_by_text = {str(g.get("text", "")).strip().lower(): g.get("id") for g in gaps if g.get("id")}
    side = get(data, "me.side")
    mentor_name = get(data, "me.name" if side != "mentee" else "partner.name") or ""
    taken = {g["id"] for g in goals if isinstance(g.get("id"), str)}
    for goal in goals:
        text = goal.get("text")
        if not isinstance(text, str) or not text.strip():
            continue  # the model reports the missing wording with its place
        if "id" not in goal:
            goal["id"] = goal_id(text, taken)
            taken.add(goal["id"])
        goal.setdefault("history", [{"date": created, "event": "created"}])
        if kind == "on-the-job":
            goal.setdefault("owner", "me" if side == "mentee" else "partner")
            _fill_flags(goal, "smart", SMART_KEYS, smart_flags, text)
            gap_ref = goal.get("gap")
            if isinstance(gap_ref, str) and gap_ref.strip().lower() in gap_by_text:
                goal["gap"] = gap_by_text[gap_ref.strip().lower()]
            goal.setdefault("target_date", end)
            if mentor_name:
                goal.setdefault("feedback_from", mentor_name)
            goal.setdefault("feedback_when", _feedback_when())
        else:
            goal.setdefault("owner", "me")
            _fill_flags(goal, "real", REAL_KEYS, real_flags, text)


def _feedback_when() -> str:
    from revmentor import content

    return str(content.load("start.yaml")["on_the_job_feedback_when"])


def _fill_flags(
    goal: dict[str, Any], field: str, keys: tuple[str, ...], check: Any, text: str
) -> None:
    flags = goal.get(field)
    if flags is None:
        flags = {}
    if not isinstance(flags, dict):
        return  # the model reports the wrong shape
    if all(k in flags for k in keys):
        return
    computed = check(text)
    for k in keys:
        flags.setdefault(k, computed.get(k, False))
    goal[field] = flags


def _fill_ask(data: dict[str, Any]) -> None:
    from revmentor.coach.ask import VARIANT_FOR_SIDE, default_wording, topic_from_goal

    ask = data.get("ask") or {}
    mine = [g for g in data.get("goals") or [] if g.get("owner", "me") == "me"]
    if not ask.get("topic") and mine and isinstance(mine[0].get("text"), str):
        ask["topic"] = topic_from_goal(mine[0]["text"])
    if not ask.get("wording") and ask.get("topic"):
        side = get(data, "me.side")
        offers = get(data, "me.offers") or []
        ask["wording"] = default_wording(
            str(ask["topic"]),
            partner=str(get(data, "partner.name") or ""),
            offers=[str(o) for o in offers] if isinstance(offers, list) else [],
            side=side if side in VARIANT_FOR_SIDE else "mutual",
        )
    data["ask"] = ask


def build(answers: dict[str, Any], kind: Kind, today: date, *, use_defaults: bool) -> Pairing:
    """The complete pairing from `answers`; raises MissingAnswers or BadInput.

    Pydantic's ValidationError passes through so the caller can point at the line of
    the answers file it came from (locations match the answers' own keys).
    """
    data = copy.deepcopy(answers)
    _check_sections(data)
    data["kind"] = kind
    for key in LOG_KEYS:
        data.pop(key, None)
    todo = missing(data, kind)
    if use_defaults:
        fallback = defaults(kind, today)
        for key in todo:
            if key in fallback:
                put(data, key, copy.deepcopy(fallback[key]))
    still = [k for k in todo if not has(data, k)]
    if still:
        raise MissingAnswers(still, defaults_used=use_defaults)

    created = parse_date(data.get("created") or today, "created")
    data["created"] = created
    start = parse_date(get(data, "horizon.start"), "horizon.start")
    end_raw = get(data, "horizon.end")
    end = parse_date(end_raw, "horizon.end") if end_raw is not None else None
    if end is None:
        from revmentor.coach.horizon import add_months

        end = add_months(start, 3)
        put(data, "horizon.end", end)
    if get(data, "horizon.midpoint_review") is None and end > start:
        from revmentor.coach.horizon import midpoint

        put(data, "horizon.midpoint_review", midpoint(start, end))

    _fill_goals(data, kind, created, end)
    if kind == "reverse-mentoring":
        if not any(g.get("owner", "me") == "me" for g in data["goals"]):
            raise BadInput("at least one goal must be yours (owner: me)", field="goals")
        _fill_ask(data)
    from revmentor.model import Pairing

    return Pairing.model_validate(_unshare(data))


def _unshare(value: Any) -> Any:
    """A copy in which no date object appears twice.

    The YAML writer would otherwise tie equal dates together with an anchor and alias
    (`&id001`, `*id001`), which reads badly in a file meant to be edited by hand.
    """
    if isinstance(value, dict):
        return {k: _unshare(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unshare(v) for v in value]
    if isinstance(value, date):
        return date.fromordinal(value.toordinal())
    return value

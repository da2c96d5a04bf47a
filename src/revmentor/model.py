"""The pairing file format, schema 1: the single source of truth for what a file may hold.

Every model forbids unknown keys, so a typo in a hand edit is reported instead of being
silently dropped on the next save.

The models are built on first use (`defer_build`): commands that only read get their
pairing from the read cache through `from_validated`, which needs no validator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from revmentor.vocab import (
    DATE_MAX,
    DATE_MIN,
    PRINCIPLES,
    RATING_MAX,
    RATING_MIN,
    SCHEMA_VERSION,
    SESSION_MINUTES_MAX,
    SLUG_PATTERN,
    Decision,
    Frequency,
    GoalStatus,
    HistoryEvent,
    Kind,
    Owner,
    PairingState,
    Priority,
    Response,
    Side,
    Situation,
    WrapDecision,
    line_problem,
    text_problem,
)


def _text(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _line(value: str) -> str:
    problem = line_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _day(value: object) -> date:
    # Only a date as written in the file (YYYY-MM-DD): pydantic would also take a number
    # as a Unix time stamp, so `date: 0` would quietly become 1 January 1970.
    if isinstance(value, datetime):
        raise ValueError("must be a date written YYYY-MM-DD, without a time")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date on the calendar") from None
    if not isinstance(value, date):
        raise ValueError("must be a date written YYYY-MM-DD")
    if not DATE_MIN <= value <= DATE_MAX:
        raise ValueError(f"must fall between {DATE_MIN.year} and {DATE_MAX.year}")
    return value


# Free text: anything printable, line breaks included. A line: one line of it, for names,
# roles, topics and ids, which go into one-line places (a calendar's fields, a table row).
Text = Annotated[str, AfterValidator(_text)]
Line = Annotated[str, AfterValidator(_line)]
Day = Annotated[date, BeforeValidator(_day)]
Rating = Annotated[int, Field(ge=RATING_MIN, le=RATING_MAX)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]


class Strict(BaseModel):
    """Base for every part of the file: unknown keys are errors, names stay as written."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, populate_by_name=True, defer_build=True
    )


class Person(Strict):
    name: Line = ""
    role: Line = ""
    generation: Line = ""
    background: Line = ""
    offers: list[Line] = Field(default_factory=list)


class Me(Person):
    side: Side = "mutual"


class RealFlags(Strict):
    """The user's own yes/no REAL self-assessment of a goal."""

    relevant: bool = False
    experimental: bool = False
    aspirational: bool = False
    learning_based: bool = False


class SmartFlags(Strict):
    """The SMART self-assessment used by on-the-job learning plans."""

    specific: bool = False
    measurable: bool = False
    achievable: bool = False
    relevant: bool = False
    time_bound: bool = False


class HistoryEntry(Strict):
    date: Day
    event: HistoryEvent
    text: Text | None = None
    previous: Text | None = None
    rating: Rating | None = None
    reason: Text | None = None


class Goal(Strict):
    id: Slug
    text: Text = Field(min_length=1)
    owner: Owner = "me"
    why: Text = ""
    real: RealFlags = Field(default_factory=RealFlags)
    smart: SmartFlags | None = None
    baseline: Rating | None = None
    status: GoalStatus = "active"
    history: list[HistoryEntry] = Field(default_factory=list)
    # On-the-job plans: the gap a goal closes and how it is practised.
    gap: Text | None = None
    practice: list[Text] = Field(default_factory=list)
    feedback_from: Text | None = None
    feedback_when: Text | None = None
    target_date: Day | None = None
    other_texts: list[Written] | None = None


class Ask(Strict):
    topic: Line = ""
    wording: Text = ""
    asked_on: Day | None = None
    response: Response = "pending"
    # When the answer came (`revmentor ask --response ... --on DATE`).
    answered_on: Day | None = None


class GroundRules(Strict):
    frequency: Frequency = "fortnightly"
    session_minutes: int = Field(default=45, ge=5, le=480)
    channel: Text = ""
    between_sessions: Text = ""
    confidentiality: Text = ""
    feedback: Text = ""
    scheduling: Text = ""


class Horizon(Strict):
    start: Day
    end: Day
    midpoint_review: Day | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Horizon:
        if self.end <= self.start:
            raise ValueError("end must come after start")
        mid = self.midpoint_review
        if mid is not None and not self.start <= mid <= self.end:
            raise ValueError("midpoint_review must fall between start and end")
        return self


class Pulse(Strict):
    """How the five principles felt in a session, 1-5 each; blank when skipped."""

    open_mind: Rating | None = None
    respect: Rating | None = None
    trust: Rating | None = None
    authenticity: Rating | None = None

    def values(self) -> dict[str, int]:
        """The principles rated, left out when skipped."""
        return {p: v for p in PRINCIPLES if (v := getattr(self, p)) is not None}


class Written(Strict):
    """A second text for one field, kept when two copies of a pairing said different things.

    `by` names who wrote it, so neither partner's words are silently replaced.
    """

    field: Line
    by: Line
    text: Text


class Session(Strict):
    date: Day
    minutes: int | None = Field(default=None, ge=1, le=SESSION_MINUTES_MAX)
    topics: list[Line] = Field(default_factory=list)
    i_learned: Text = ""
    they_learned: Text = ""
    progress: dict[Line, Rating] = Field(default_factory=dict)
    pulse: Pulse = Field(default_factory=Pulse)
    next_steps: list[Text] = Field(default_factory=list)
    private_note: Text | None = None
    # Texts taken from the partner's copy: field -> who wrote it (blank: written here).
    written_by: dict[Line, Line] | None = None
    other_texts: list[Written] | None = None
    # The next steps of this session that are done (`revmentor steps done`), as written
    # under next_steps; the others stay open and come back in `prep`.
    done_steps: list[Text] | None = None

    @model_validator(mode="after")
    def _done_are_steps(self) -> Session:
        for step in self.done_steps or ():
            if step not in self.next_steps:
                raise ValueError(f"done_steps: {step!r} is not one of this session's next_steps")
        return self


class ReviewEntry(Strict):
    goal: Line
    rating: Rating | None = None
    decision: Decision = "keep"
    text: Text | None = None
    reason: Text | None = None


class Review(Strict):
    date: Day
    entries: list[ReviewEntry] = Field(default_factory=list)
    added: list[Line] = Field(default_factory=list)
    note: Text | None = None


class Context(Strict):
    """Why an on-the-job learning plan exists."""

    situation: Situation = "onboarding"
    description: Text = ""


class Gap(Strict):
    id: Slug
    text: Line = Field(min_length=1)
    priority: Priority = "medium"


class Scan(Strict):
    role_requirements: list[Text] = Field(default_factory=list)
    current_skills: list[Text] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)


class WrapUp(Strict):
    date: Day
    decision: WrapDecision
    weeks: int | None = Field(default=None, ge=1, le=52)
    worked: Text = ""
    awkward: Text = ""
    previous_horizon: Horizon | None = None


class Shared(Strict):
    """Who shared a partner bundle, and when; only bundles carry it, never a pairing file."""

    by: Line = Field(min_length=1)
    on: Day


class Pairing(Strict):
    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    kind: Kind = "reverse-mentoring"
    created: Day
    state: PairingState = "active"
    me: Me = Field(default_factory=Me)
    partner: Person = Field(default_factory=Person)
    goals: list[Goal] = Field(default_factory=list)
    ask: Ask | None = None
    ground_rules: GroundRules = Field(default_factory=GroundRules)
    horizon: Horizon
    sessions: list[Session] = Field(default_factory=list)
    reviews: list[Review] = Field(default_factory=list)
    wrap_ups: list[WrapUp] = Field(default_factory=list)
    context: Context | None = None
    scan: Scan | None = None
    # Ticked checklist items of the conversation guides (`revmentor guide`):
    # guide name -> item id -> the day it was ticked. Left out of the file until used.
    checklists: dict[Slug, dict[Slug, Day]] | None = None
    # Plan texts the two copies wrote differently; `field` is a dotted path, e.g.
    # "ground_rules.channel".
    other_texts: list[Written] | None = None
    shared: Shared | None = None
    # The day `revmentor archive` hid the pairing from `list` and `status`; left out of
    # the file while it is not archived.
    archived: Day | None = None

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, v: int) -> int:
        if v < 1:
            raise ValueError("schema must be 1 or more")
        return v

    @model_validator(mode="after")
    def _unique_goal_ids(self) -> Pairing:
        seen: set[str] = set()
        for goal in self.goals:
            if goal.id in seen:
                raise ValueError(f"goal id {goal.id!r} is used twice")
            seen.add(goal.id)
        return self

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def active_goals(self) -> list[Goal]:
        return [g for g in self.goals if g.status == "active"]

    def to_json(self) -> dict[str, Any]:
        """The pairing as JSON-ready data with the file's own key names."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

    def to_data(self) -> dict[str, Any]:
        """The pairing as plain Python data with the file's own key names.

        Dates stay dates so the YAML writer emits them unquoted; blank optional values
        are left out so files stay short.
        """
        return self.model_dump(mode="python", by_alias=True, exclude_none=True)


class SelfCheckResult(Strict):
    """One run of the mentor self-check (stored in <home>/self-check.yaml)."""

    date: Day
    answers: dict[Line, Rating] = Field(default_factory=dict)
    scores: dict[Line, float] = Field(default_factory=dict)
    next_step: Text = ""


class SelfCheckLog(Strict):
    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    results: list[SelfCheckResult] = Field(default_factory=list)


# --- building models from data the schema has already validated ---------------------

M = TypeVar("M", bound=BaseModel)


def checked(cls: type[M], data: Mapping[str, Any], what: str = "") -> M:
    """`data` validated as `cls`; the first thing the file format refuses is a BadInput.

    For values a person gave (flags, answers, prompts), so the message names the field.
    """
    from pydantic import ValidationError

    from revmentor.errors import BadInput

    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise BadInput(first_problem(exc, what)) from None


def first_problem(exc: Any, what: str = "") -> str:
    """The first error of a pydantic ValidationError as `where: why`."""
    first = exc.errors()[0]
    loc = [str(p) for p in first["loc"] if not str(p).startswith("function-")]
    where = " ".join(x for x in (what, ".".join(loc)) if x)
    msg = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {msg}" if where else msg
_Convert = Callable[[Any], Any]


def from_validated(cls: type[M], data: Mapping[str, Any]) -> M:
    """`cls` made from `data`, its `model_dump(mode="json")`, without validating again.

    Only for data this schema validated: the read cache, which is keyed by a digest of
    the schema so that any change to it validates afresh. Nested parts become models
    too, and dates become dates, so the result is the same as `model_validate` gives.
    """
    built: M = _builder(cls)(data)
    return built


@cache
def _builder(cls: type[BaseModel]) -> _Convert:
    convert = {name: _converter(f.annotation) for name, f in cls.model_fields.items()}

    def build(data: Mapping[str, Any]) -> BaseModel:
        values = {}
        for name, value in data.items():
            change = convert[name]
            values[name] = value if change is None or value is None else change(value)
        return cls.model_construct(**values)

    return build


def _converter(annotation: Any) -> _Convert | None:
    """How to turn a JSON value of `annotation` back into its Python value; None: as is."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _converter(get_args(annotation)[0])
    if annotation is date:
        return date.fromisoformat
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _builder(annotation)
    if origin is list:
        item = _converter(get_args(annotation)[0])
        return None if item is None else (lambda v: [item(x) for x in v])
    if origin is dict:
        value = _converter(get_args(annotation)[1])
        return None if value is None else (lambda v: {k: value(x) for k, x in v.items()})
    if origin is Union or type(annotation).__name__ == "UnionType":
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) == 1:
            return _converter(options[0])
        if any(_converter(a) is not None for a in options):
            raise TypeError(f"cannot rebuild a value of {annotation!r}")
    return None

"""The pairing file format, schema 1: the single source of truth for what a file may hold.

Every model forbids unknown keys, so a typo in a hand edit is reported instead of being
silently dropped on the next save.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from revmentor import records
from revmentor.vocab import (
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
    control_problem,
)


def _no_control(value: str) -> str:
    problem = control_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Text = Annotated[str, AfterValidator(_no_control)]
Rating = Annotated[int, Field(ge=RATING_MIN, le=RATING_MAX)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]


class Strict(BaseModel):
    """Base for every part of the file: unknown keys are errors, names stay as written."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, populate_by_name=True)


class Person(Strict):
    name: Text = ""
    role: Text = ""
    generation: Text = ""
    background: Text = ""
    offers: list[Text] = Field(default_factory=list)


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
    date: date
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
    target_date: date | None = None


class Ask(Strict):
    topic: Text = ""
    wording: Text = ""
    asked_on: date | None = None
    response: Response = "pending"


class GroundRules(Strict):
    frequency: Frequency = "fortnightly"
    session_minutes: int = Field(default=45, ge=5, le=480)
    channel: Text = ""
    between_sessions: Text = ""
    confidentiality: Text = ""
    feedback: Text = ""
    scheduling: Text = ""


class Horizon(Strict):
    start: date
    end: date
    midpoint_review: date | None = None

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
        return records.rated(self.__dict__)


class Session(Strict):
    date: date
    minutes: int | None = Field(default=None, ge=1, le=SESSION_MINUTES_MAX)
    topics: list[Text] = Field(default_factory=list)
    i_learned: Text = ""
    they_learned: Text = ""
    progress: dict[Text, Rating] = Field(default_factory=dict)
    pulse: Pulse = Field(default_factory=Pulse)
    next_steps: list[Text] = Field(default_factory=list)
    private_note: Text | None = None


class ReviewEntry(Strict):
    goal: Text
    rating: Rating | None = None
    decision: Decision = "keep"
    text: Text | None = None
    reason: Text | None = None


class Review(Strict):
    date: date
    entries: list[ReviewEntry] = Field(default_factory=list)
    added: list[Text] = Field(default_factory=list)
    note: Text | None = None


class Context(Strict):
    """Why an on-the-job learning plan exists."""

    situation: Situation = "onboarding"
    description: Text = ""


class Gap(Strict):
    id: Slug
    text: Text = Field(min_length=1)
    priority: Priority = "medium"


class Scan(Strict):
    role_requirements: list[Text] = Field(default_factory=list)
    current_skills: list[Text] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)


class WrapUp(Strict):
    date: date
    decision: WrapDecision
    weeks: int | None = Field(default=None, ge=1, le=52)
    worked: Text = ""
    awkward: Text = ""
    previous_horizon: Horizon | None = None


class Pairing(Strict):
    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    kind: Kind = "reverse-mentoring"
    created: date
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
        found: Goal | None = records.find_goal(self, goal_id)
        return found

    def active_goals(self) -> list[Goal]:
        return records.active_goals(self)

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

    date: date
    answers: dict[Text, Rating] = Field(default_factory=dict)
    scores: dict[Text, float] = Field(default_factory=dict)
    next_step: Text = ""


class SelfCheckLog(Strict):
    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    results: list[SelfCheckResult] = Field(default_factory=list)

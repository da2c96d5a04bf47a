"""Read-only views of pairing data that the model has already validated.

Commands that only read (status, prep, export, show, list) work on these rather than on
the pydantic models, because building the models takes longer than such a command's
whole run may. A view wraps the model's own dump of a validated pairing (every field
present, defaults filled in), as kept in the read cache, and answers each attribute the
way the model would: dates as dates, nested parts as views, lists as lists. A test
compares views and models field by field over generated pairings.

The few methods the models carry are defined here once and shared with `model.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, cast

from revmentor.vocab import DATE_FIELDS, MAPPING_FIELDS, PRINCIPLES

if TYPE_CHECKING:
    from revmentor.model import Pairing


class _HasGoals(Protocol):
    @property
    def goals(self) -> Any: ...


def find_goal(pairing: _HasGoals, goal_id: str) -> Any:
    """The goal with `goal_id`, or None."""
    return next((g for g in pairing.goals if g.id == goal_id), None)


def active_goals(pairing: _HasGoals) -> list[Any]:
    return [g for g in pairing.goals if g.status == "active"]


def rated(pulse: Mapping[str, Any]) -> dict[str, int]:
    """The principles rated in a pulse's values, left out when skipped."""
    return {p: v for p in PRINCIPLES if (v := pulse.get(p)) is not None}


def file_form(data: Any, name: str = "", *, dates: bool = True) -> Any:
    """JSON-form data as a file holds it: blanks left out and, with `dates`, dates as dates."""
    if isinstance(data, dict):
        if name in MAPPING_FIELDS:
            return dict(data)
        return {k: file_form(v, k, dates=dates) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [file_form(v, name, dates=dates) for v in data]
    if dates and name in DATE_FIELDS and isinstance(data, str):
        return date.fromisoformat(data)
    return data


class Record:
    """One part of a validated pairing, read through attributes."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not seen yet: each value is converted once and then
        # kept as an ordinary attribute, which later reads find without coming here.
        try:
            raw = self._data[name]
        except KeyError:
            raise AttributeError(name) from None
        value = _view(name, raw)
        self.__dict__[name] = value
        return value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and type(other) is type(self) and other._data == self._data

    __hash__ = None  # type: ignore[assignment]  # equal by value, like the models: unhashable

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self._data)!r})"


class PulseRecord(Record):
    def values(self) -> dict[str, int]:
        # Straight from the data: status asks this of every session.
        return rated(self._data)


class PairingRecord(Record):
    def goal(self, goal_id: str) -> Any:
        return find_goal(self, goal_id)

    def active_goals(self) -> list[Any]:
        return active_goals(self)

    def to_json(self) -> dict[str, Any]:
        """The pairing as JSON-ready data with the file's own key names."""
        out = file_form(dict(self._data), dates=False)
        return {("schema" if k == "schema_version" else k): v for k, v in out.items()}


def data_of(record: object) -> Mapping[str, Any]:
    """The validated data behind a view (in the model's JSON form)."""
    assert isinstance(record, Record)
    return record._data


# Parts with methods of their own, by the field that holds them.
_KINDS: dict[str, type[Record]] = {"pulse": PulseRecord}


def _view(name: str, raw: Any) -> Any:
    if raw is None:
        return None
    if name in DATE_FIELDS:
        return date.fromisoformat(raw)
    if isinstance(raw, dict):
        return raw if name in MAPPING_FIELDS else _KINDS.get(name, Record)(raw)
    if isinstance(raw, list):
        return [Record(v) if isinstance(v, dict) else v for v in raw]
    return raw


def pairing_view(dump: Mapping[str, Any]) -> Pairing:
    """`dump` (a validated pairing's `model_dump(mode="json")`) seen as a Pairing.

    The view has every attribute and method a reader uses, so it stands in for the model
    wherever a pairing is only read.
    """
    return cast("Pairing", PairingRecord(dump))

"""A read-only view answers every attribute exactly as the validated model does."""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel

from revmentor import model, records
from revmentor.model import Pairing
from revmentor.store import Store
from revmentor.vocab import DATE_FIELDS, MAPPING_FIELDS
from tests.helpers_faults import make_pairing
from tests.strategies import pairings


def same(view: Any, real: Any, where: str = "pairing") -> int:
    """Assert `view` reads like `real`, field by field; return how many values were compared."""
    if isinstance(real, BaseModel):
        assert isinstance(view, records.Record), where
        compared = 0
        for name in type(real).model_fields:
            compared += same(getattr(view, name), getattr(real, name), f"{where}.{name}")
        return compared
    if isinstance(real, list):
        assert isinstance(view, list) and len(view) == len(real), where
        pairs = enumerate(zip(view, real, strict=True))
        return sum(same(v, r, f"{where}[{i}]") for i, (v, r) in pairs)
    assert type(view) is type(real), f"{where}: {type(view).__name__} != {type(real).__name__}"
    assert view == real, where
    return 1


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(pairings())
def test_a_view_reads_like_the_model(p: Pairing) -> None:
    view = records.pairing_view(p.model_dump(mode="json"))
    assert same(view, p) > 10
    assert view.to_json() == p.to_json()
    assert [g.id for g in view.active_goals()] == [g.id for g in p.active_goals()]
    for g in p.goals:
        found = view.goal(g.id)
        assert found is not None and found.text == g.text
    assert view.goal("no-such-goal") is None
    for v, s in zip(view.sessions, p.sessions, strict=True):
        assert v.pulse.values() == s.pulse.values()


def test_views_are_read_only_copies_that_compare_by_value() -> None:
    data = {"a": 1, "when": None}
    one, two = records.Record(dict(data)), records.Record(dict(data))
    assert one == two and one != records.Record({"a": 2})
    with pytest.raises(AttributeError):
        _ = one.missing
    with pytest.raises(TypeError):
        hash(one)


def _fields_by_kind() -> tuple[set[str], set[str]]:
    dates: set[str] = set()
    mappings: set[str] = set()
    for obj in vars(model).values():
        if not (isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel):
            continue
        for name, info in obj.model_fields.items():
            ann = info.annotation
            args = typing.get_args(ann) if isinstance(ann, types.UnionType) else (ann,)
            if dt.date in args:
                dates.add(name)
            if any(typing.get_origin(a) is dict for a in args):
                mappings.add(name)
    return dates, mappings


def test_the_vocabulary_names_every_date_and_mapping_field() -> None:
    # A view converts by field name; a new date or mapping field must be listed.
    dates, mappings = _fields_by_kind()
    assert dates == set(DATE_FIELDS)
    assert mappings == set(MAPPING_FIELDS)
    assert not dates & mappings


def test_read_gives_a_view_and_load_a_model_of_the_same_pairing(home: Path) -> None:
    make_pairing(home, "sam", n_sessions=3)
    st = Store(home)
    view, real = st.read("sam"), st.load("sam")
    assert isinstance(view, records.PairingRecord)
    assert isinstance(real, Pairing)
    assert same(view, real) > 10
    # Read again from the cache this time: still the same answers.
    assert same(Store(home).read("sam"), real) > 10

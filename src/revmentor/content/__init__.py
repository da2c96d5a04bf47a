"""Coaching text shipped as data, loaded on demand."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed YAML file `name` from this package (e.g. 'real_rules.yaml')."""
    import yaml

    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")

"""Coaching text shipped as data, loaded on demand.

Each `<name>.yaml` here is the one source of its text; it is read as it is, with
libyaml's parser, the first time a command needs it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> Any:
    """The data of the YAML file `name` in this package (e.g. 'real_rules.yaml')."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((HERE / name).read_text(encoding="utf-8"), Loader=loader)


def text(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")

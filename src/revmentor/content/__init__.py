"""Coaching text shipped as data, loaded on demand.

Each `<name>.yaml` here is the file to edit; `scripts/build_content.py` writes the JSON
copy beside it that the program reads (a test fails when a copy is out of date), because
loading a YAML parser costs more than a `status` run may take.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> Any:
    """The data of the YAML file `name` in this package (e.g. 'real_rules.yaml')."""
    import json

    return json.loads((HERE / name).with_suffix(".json").read_text(encoding="utf-8"))


def text(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")

"""The JSON copies of the coaching text match the YAML files people edit."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from revmentor import content
from tests.helpers_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "src" / "revmentor" / "content").glob("*.yaml"))


def _builder() -> ModuleType:
    return load_script("build_content")


def test_there_is_content_to_check() -> None:
    assert len(SOURCES) >= 9


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_each_json_copy_is_current(source: Path) -> None:
    copy = source.with_suffix(".json")
    assert copy.exists(), f"run: python scripts/build_content.py (no {copy.name})"
    expected = _builder().as_json(source)
    assert copy.read_text(encoding="utf-8") == expected, (
        f"{copy.name} is out of date; run: python scripts/build_content.py"
    )


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_program_reads_what_the_yaml_says(source: Path) -> None:
    from_yaml = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert content.load(source.name) == from_yaml
    assert json.loads(source.with_suffix(".json").read_text(encoding="utf-8")) == from_yaml


def test_a_stale_copy_is_noticed(tmp_path: Path) -> None:
    source = tmp_path / "x.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    before = _builder().as_json(source)
    source.write_text("a: 2\n", encoding="utf-8")
    assert _builder().as_json(source) != before

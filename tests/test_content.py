"""The coaching text is read from its YAML files, the one place it is written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from revmentor import content

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "src" / "revmentor" / "content").glob("*.yaml"))


def test_there_is_content_to_check() -> None:
    assert len(SOURCES) >= 9
    copies = [p for p in SOURCES[0].parent.glob("*.json") if p.with_suffix(".yaml").exists()]
    assert not copies, "no generated copies beside the text"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_the_program_reads_what_the_yaml_says(source: Path) -> None:
    from_yaml = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert from_yaml, f"{source.name} is empty"
    assert content.load(source.name) == from_yaml

"""docs/status.svg, the README's picture of `revmentor status`, must never go stale."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers_scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "render_status.py"
SVG = ROOT / "docs" / "status.svg"


def script() -> ModuleType:
    return load_script("render_status")


def test_committed_svg_is_what_the_script_renders_now() -> None:
    assert SVG.read_text(encoding="utf-8") == script().render(), (
        "docs/status.svg is stale: run python scripts/render_status.py"
    )


def test_rendering_ignores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    first = script().render()
    for name, value in (
        ("COLUMNS", "40"),
        ("NO_COLOR", "1"),
        ("TERM", "dumb"),
        ("REVMENTOR_TODAY", "2030-01-01"),
        ("FORCE_COLOR", ""),
    ):
        monkeypatch.setenv(name, value)
    assert script().render() == first


def test_svg_shows_the_status_and_fetches_nothing() -> None:
    svg = SVG.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    text = svg.replace("&#160;", " ")
    for expected in ("Week 11 of 13", "Suggestions", "genai-for-ops", "▅▆▆██", "●", "◆"):
        assert expected in text
    assert not re.search(r"url\(\"?https?:", svg)
    assert "<script" not in svg


def test_check_mode_reports_staleness(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = script()
    monkeypatch.setattr(mod, "OUTPUT", tmp_path / "status.svg")
    assert mod.main(["--check"]) == 1
    assert mod.main([]) == 0
    assert mod.main(["--check"]) == 0

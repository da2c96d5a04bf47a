"""What an export may hold and where it may go: private notes, escapes, odd targets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

CLI = Callable[..., Result]
NOTE = "I was nervous about looking out of date"

# --- a template of one's own gets what the packaged one gets -------------------------

PRYING_TEMPLATES = [
    "{% for s in p.sessions %}{{ s.private_note }}\n{% endfor %}",
    "{% for s in sessions %}{{ s.private_note or '' }}\n{% endfor %}",
    "{{ sessions|map(attribute='private_note')|join(' ') }}",
    "{{ p.sessions }}",
    "{{ p }}",
    "{{ p.to_json() }}",
    "{{ p.to_data() }}",
    "{{ p.model_dump() }}",
    "{% for s in sessions %}{{ s.written_by }} {{ s.other_texts }}\n{% endfor %}",
]


@pytest.mark.parametrize("source", PRYING_TEMPLATES)
def test_a_template_sees_no_private_note_without_include_private(
    cli: CLI, example_home: Path, tmp_path: Path, source: str
) -> None:
    tpl = tmp_path / "prying.md.j2"
    tpl.write_text(source, encoding="utf-8")
    r = cli("export", "--template", str(tpl))
    assert r.code == 0, r.err
    assert NOTE not in r.out
    assert "nervous" not in r.out


def test_a_template_sees_private_notes_with_include_private(
    cli: CLI, example_home: Path, tmp_path: Path
) -> None:
    tpl = tmp_path / "mine.md.j2"
    tpl.write_text(PRYING_TEMPLATES[0], encoding="utf-8")
    r = cli("export", "--template", str(tpl), "--include-private")
    assert r.code == 0, r.err
    assert NOTE in r.out


def test_json_export_leaves_private_notes_out(cli: CLI, example_home: Path) -> None:
    r = cli("export", "--format", "json")
    assert r.code == 0, r.err
    assert NOTE not in r.out
    assert NOTE in cli("export", "--format", "json", "--include-private").out

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


# --- escape sequences never reach the terminal raw ------------------------------------

OSC = [
    "\x1b]0;a new title\x07",
    "\x1b]8;;https://example.com\x07click\x1b]8;;\x07",
    "\x1b]52;c;cHduZWQ=\x1b\\",
    "\x9d0;eight-bit\x9c",
    "\x1b[2J\x1b[H",
]
RAW = ("\x1b", "\x07", "\x9d", "\x9c")


def _echoing(value: str, tmp_path: Path) -> list[list[str]]:
    """Commands that echo `value` back in what they print, one way or another."""
    in_name = value.replace("/", "_")
    existing = tmp_path / f"exists{in_name}.md"
    existing.write_text("mine\n", encoding="utf-8")
    return [
        ["wrap-up", "--decision", value, "--yes"],
        ["wrap-up", "--decision", f"renew{value}", "--yes"],
        ["wrap-up", "--decision", "extend", "--weeks", "1", "--story", str(existing), "--yes"],
        ["export", value],
        ["export", "--format", value],
        ["export", "--section", value],
        ["export", "--format", "ics", "--tz", value],
        ["export", "--format", "ics", "--time", value],
        ["export", "--template", str(tmp_path / f"none{in_name}.j2")],
        ["export", "-o", str(existing)],
        ["export", "-o", f"{tmp_path}/missing{in_name}/"],
        ["log-session", "--date", value, "--yes"],
        ["log-session", "--topic", f"prompts{value}", "--yes"],
        ["check-goal", f"Learn prompt writing{value} by May"],
        ["show", value],
        ["status", value],
    ]


@pytest.mark.parametrize("value", OSC, ids=["title", "hyperlink", "clipboard", "c1", "csi"])
def test_no_echoed_value_reaches_the_terminal_raw(
    cli: CLI, example_home: Path, tmp_path: Path, value: str
) -> None:
    for args in _echoing(value, tmp_path):
        r = cli(*args)
        for raw in RAW:
            assert raw not in r.out and raw not in r.err, (args, r.output)
        assert "Traceback" not in r.err, args


# --- the Markdown export shows bidirectional controls as codes ------------------------

BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069"]


def test_bidi_controls_never_reach_the_markdown_export(cli: CLI, example_home: Path) -> None:
    path = example_home / "pairings" / "helen-sam.yaml"
    text = path.read_text(encoding="utf-8")
    hidden = "".join(BIDI)
    text = text.replace("name: Sam Rivera", f"name: Sam {hidden}Rivera", 1)
    text = text.replace(
        "i_learned: A chat assistant", f"i_learned: {hidden}txt.exe A chat assistant", 1
    )
    path.write_text(text, encoding="utf-8")
    r = cli("export")
    assert r.code == 0, r.err
    for ch in BIDI:
        assert ch not in r.out, hex(ord(ch))
    assert "Sam \\\\u202e" in r.out  # a visible code, its backslash escaped for Markdown
    assert "txt.exe A chat assistant" in r.out


def test_a_template_printing_raw_fields_still_shows_bidi_as_codes(
    cli: CLI, example_home: Path, tmp_path: Path
) -> None:
    path = example_home / "pairings" / "helen-sam.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Sam Rivera", "name: Sam \u202eRivera", 1), "utf-8")
    tpl = tmp_path / "raw.md.j2"
    tpl.write_text(
        "{{ p.partner.name }}|{{ partner_name }}|{{ [p.partner.name]|join }}|{{ p.partner }}\n",
        encoding="utf-8",
    )
    r = cli("export", "--template", str(tpl))
    assert r.code == 0, r.err
    assert "\u202e" not in r.out
    assert r.out.count("\\u202e") == 4, r.out


def test_json_export_escapes_bidi_controls_and_keeps_the_data(
    cli: CLI, example_home: Path
) -> None:
    import json

    path = example_home / "pairings" / "helen-sam.yaml"
    hidden = "".join(BIDI)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Sam Rivera", f"name: Sam {hidden}Rivera", 1), "utf-8")
    r = cli("export", "--format", "json")
    assert r.code == 0, r.err
    for ch in BIDI:
        assert ch not in r.out
    assert json.loads(r.out)["partner"]["name"] == f"Sam {hidden}Rivera"


# --- -o never replaces revmentor's own files, nor what is not a regular file ---------


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_export_onto_a_pairing_file_is_refused(
    cli: CLI, example_home: Path, force: list[str]
) -> None:
    pairing = example_home / "pairings" / "helen-sam.yaml"
    before = pairing.read_bytes()
    for fmt in ("markdown", "json", "ics"):
        r = cli("export", "--format", fmt, "-o", str(pairing), *force)
        assert r.code == 1, r.output
        assert "inside revmentor's data folder" in r.err.splitlines()[0]
        assert pairing.read_bytes() == before
    assert list((example_home / "backups").glob("*/*")) == []


def test_nothing_is_written_anywhere_in_the_data_folder(
    cli: CLI, example_home: Path, tmp_path: Path
) -> None:
    pairing = example_home / "pairings" / "helen-sam.yaml"
    link = tmp_path / "looks-harmless.md"
    link.symlink_to(pairing)
    before = pairing.read_bytes()
    targets = [
        str(example_home) + "/",
        str(example_home / "pairings") + "/",
        str(example_home / "new.md"),
        str(example_home / "cache" / "x.json"),
        str(link),
    ]
    (example_home / "cache").mkdir(exist_ok=True)
    for target in targets:
        for command in (["export"], ["share"]):
            r = cli(*command, "-o", target, "--force")
            assert r.code == 1, (command, target, r.output)
            assert "data folder" in r.err, (command, target, r.err)
    assert pairing.read_bytes() == before
    assert link.is_symlink()
    assert not (example_home / "new.md").exists()
    assert not (example_home / "helen-sam.md").exists()


def test_a_story_onto_a_pairing_file_is_refused_and_nothing_is_saved(
    cli: CLI, example_home: Path
) -> None:
    pairing = example_home / "pairings" / "helen-sam.yaml"
    before = pairing.read_bytes()
    r = cli("wrap-up", "--decision", "conclude", "--story", str(pairing), "--force", "--yes")
    assert r.code == 1, r.output
    assert "data folder" in r.err
    assert pairing.read_bytes() == before


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_named_pipe_or_a_device_is_never_replaced(
    cli: CLI, example_home: Path, tmp_path: Path, force: list[str]
) -> None:
    import os
    import stat

    fifo = tmp_path / "plan.md"
    os.mkfifo(fifo)
    for target, kind in ((fifo, "a named pipe"), (Path("/dev/null"), "a device")):
        for args in (
            ["export", "-o", str(target)],
            ["export", "--format", "json", "-o", str(target)],
            ["share", "-o", str(target)],
            ["wrap-up", "--decision", "conclude", "--story", str(target), "--yes"],
        ):
            r = cli(*args, *force)
            assert r.code == 1, (args, r.output)
            assert f"is {kind}, not a regular file" in r.err, (args, r.err)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert Path("/dev/null").read_bytes() == b""

"""`revmentor --help` stays cheap: no heavy module is imported and no pairing file is read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers_faults import make_pairing

HEAVY = ("questionary", "rich", "pydantic", "ruamel", "jinja2", "icalendar", "prompt_toolkit")

PROBE = r"""
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.append(args[0])
sys.addaudithook(hook)
import revmentor.yamlio as yamlio
parsed = []
_load = yamlio.load
def counting_load(text, *rest):
    parsed.append(len(text))
    return _load(text, *rest)
yamlio.load = counting_load
from revmentor.cli import run
code = run(sys.argv[1:])
sys.stdout.flush()
model = sys.modules.get("revmentor.model")
validator = model is not None and model.Pairing.__pydantic_complete__
sys.stderr.write("\n@@" + json.dumps({"code": code, "modules": sorted(sys.modules),
                                      "opened": opened, "validator": validator,
                                      "parsed": len(parsed)}) + "\n")
"""


def probe(home: Path, *args: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "REVMENTOR_HOME": str(home)},
        timeout=60,
        check=False,
    )
    marker = proc.stderr.rsplit("@@", 1)
    assert len(marker) == 2, proc.stderr
    result: dict[str, object] = json.loads(marker[1])
    result["stdout"] = proc.stdout
    return result


def heavy_in(modules: object) -> list[str]:
    assert isinstance(modules, list)
    return sorted({m for m in modules if m.split(".")[0] in HEAVY})


def test_help_imports_nothing_heavy_and_reads_no_pairing(home: Path) -> None:
    make_pairing(home, "sam")
    result = probe(home, "--help")
    assert result["code"] == 0
    assert "log-session" in str(result["stdout"])
    assert heavy_in(result["modules"]) == []
    modules = result["modules"]
    assert isinstance(modules, list)
    # Helpers shared by the commands start with an underscore; commands do not.
    command_modules = [
        m for m in modules if m.startswith("revmentor.cli.") and not m.startswith("revmentor.cli._")
    ]
    assert command_modules == [], "no command module is needed to list the commands"
    opened = [p for p in result["opened"] if str(home) in p]  # type: ignore[union-attr]
    assert opened == [], f"--help read {opened}"


def test_version_is_as_cheap_as_help(home: Path) -> None:
    result = probe(home, "--version")
    assert result["code"] == 0
    assert heavy_in(result["modules"]) == []


def test_a_read_command_does_not_load_the_writing_or_prompt_machinery(home: Path) -> None:
    # ruamel (the comment-keeping writer) and questionary (prompts) are for commands that
    # write or ask.
    make_pairing(home, "sam")
    result = probe(home, "status", "sam")
    assert result["code"] == 0
    loaded = heavy_in(result["modules"])
    assert not [m for m in loaded if m.startswith(("ruamel", "questionary", "prompt_toolkit"))]


READS = [
    ("status",),
    ("status", "sam"),
    ("status", "sam", "--json"),
    ("prep", "sam"),
    ("export", "sam"),
    ("export", "sam", "--format", "ics"),
    ("show", "sam"),
    ("list",),
]


def _without_stamps(out: object) -> list[str]:
    """The output less a calendar's DTSTAMP lines, which hold the moment of export."""
    assert isinstance(out, str)
    return [line for line in out.splitlines() if not line.startswith("DTSTAMP")]


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_reading_an_unchanged_pairing_parses_no_yaml_and_validates_nothing(
    home: Path, args: tuple[str, ...]
) -> None:
    # The first read validates the file and fills the cache; later reads of the same
    # text build the models from the cached, validated data, without the validator.
    make_pairing(home, "sam")
    make_pairing(home, "kim")
    shutil.rmtree(home / "cache")
    first = probe(home, *args)
    assert first["code"] == 0, first
    assert first["validator"] is True
    again = probe(home, *args)
    assert again["code"] == 0
    assert _without_stamps(again["stdout"]) == _without_stamps(first["stdout"])
    modules = again["modules"]
    assert isinstance(modules, list)
    assert not [m for m in modules if m.startswith("ruamel")]
    assert again["parsed"] == 0, "no pairing file was parsed"
    assert again["validator"] is False


def test_an_edited_file_is_read_afresh_not_from_the_cache(home: Path) -> None:
    path = make_pairing(home, "sam")
    probe(home, "show", "sam")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Sam Rivera", "name: Sam Riviera", 1), encoding="utf-8")
    result = probe(home, "show", "sam")
    assert "Sam Riviera" in str(result["stdout"])
    assert result["validator"] is True
    assert result["parsed"] == 1


def test_adding_a_session_does_not_need_ruamel(home: Path) -> None:
    # The common save (a session appended) is spliced into the text; ruamel's round trip
    # is only the fallback for unusual changes.
    make_pairing(home, "sam")
    result = probe(home, "log-session", "sam", "--yes", "--topic", "prompts")
    assert result["code"] == 0
    assert not [m for m in heavy_in(result["modules"]) if m.startswith("ruamel")]


@pytest.mark.parametrize("args", [(), ("status",), ("status", "sam"), ("status", "kim")], ids=repr)
def test_status_loads_rich_and_nothing_else_heavy(home: Path, args: tuple[str, ...]) -> None:
    # status is the command run most: it prints through rich like every other view, and
    # loads neither the prompts, the writer, the templates nor rich's syntax or Markdown.
    make_pairing(home, "sam")
    if args != ():
        make_pairing(home, "kim")
    probe(home, *args)
    result = probe(home, *args)
    assert result["code"] == 0
    assert str(result["stdout"]).strip()
    modules = result["modules"]
    assert isinstance(modules, list)
    assert "rich.console" in modules
    assert [m for m in heavy_in(modules) if not m.startswith(("rich", "pydantic"))] == []
    assert not [m for m in modules if m.split(".")[0] in ("pygments", "markdown_it")]


START_PROBE = r"""
import json, os, sys
import revmentor.cli._common as common
import revmentor.prompts as prompts
common.interactive = lambda: True  # as in a terminal, without needing one
def first_question(message, *args, **kwargs):
    sys.stdout.flush()
    sys.stderr.write("\n@@" + json.dumps({"question": message, "modules": sorted(sys.modules)}))
    sys.stderr.flush()
    os._exit(0)
for name in ("select", "text", "confirm", "rating", "items", "required_text", "checkbox", "date"):
    setattr(prompts, name, first_question)
from revmentor.cli import run
run(["start"])
"""


def test_start_asks_its_first_question_before_loading_the_models(home: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", START_PROBE],
        capture_output=True,
        text=True,
        env={**os.environ, "REVMENTOR_HOME": str(home)},
        timeout=60,
        check=False,
    )
    marker = proc.stderr.rsplit("@@", 1)
    assert len(marker) == 2, proc.stderr
    seen = json.loads(marker[1])
    assert seen["question"] == "Which side are you on?"
    assert "Step 1 of 5" in proc.stdout, "the step's intro comes first"
    modules = seen["modules"]
    assert "revmentor.model" not in modules
    assert not [m for m in heavy_in(modules) if m.startswith(("questionary", "prompt_toolkit"))]
    assert not [m for m in heavy_in(modules) if m.startswith(("ruamel", "jinja2", "icalendar"))]


def test_a_second_status_reads_its_words_without_a_yaml_parser(home: Path) -> None:
    # The coaching words are YAML in the package; once read they come from the cache,
    # keyed by the file's bytes, so editing a words file is seen at once.
    make_pairing(home, "sam")
    code = (
        "import sys; from revmentor.cli import run; run(sys.argv[1:]); print(sorted(sys.modules))"
    )
    env = {**os.environ, "REVMENTOR_HOME": str(home)}
    runs = [
        subprocess.run([sys.executable, "-c", code, "status", "sam"], capture_output=True,
                       text=True, env=env, timeout=60, check=True).stdout
        for _ in range(2)
    ]
    assert "'yaml'" in runs[0]
    assert "'yaml'" not in runs[1]
    assert runs[0].rsplit("\n", 2)[0] == runs[1].rsplit("\n", 2)[0]
    assert list((home / "cache" / "content").glob("nudges-*.json"))

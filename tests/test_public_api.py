"""revmentor uses its libraries through their public APIs: no private module or name."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "revmentor"
LIBRARIES = {
    "typer", "click", "rich", "pydantic", "pydantic_core", "questionary", "prompt_toolkit",
    "ruamel", "yaml", "jinja2", "icalendar", "platformdirs", "filelock", "dateutil",
}  # fmt: skip


def _private(dotted: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in dotted.split("."))


def problems(tree: ast.AST) -> list[str]:
    """Private modules imported, private names imported, private attributes of a library."""
    found: list[str] = []
    libraries: set[str] = set()  # local names bound to a library module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in LIBRARIES:
                    if _private(alias.name):
                        found.append(f"import {alias.name}")
                    libraries.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] not in LIBRARIES:
                continue
            if _private(node.module):
                found.append(f"from {node.module} import ...")
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"from {node.module} import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and _private(node.attr)
            and isinstance(node.value, ast.Name | ast.Attribute)
            and ast.unparse(node.value).split(".")[0] in libraries
        ):
            found.append(ast.unparse(node))
    return found


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_private_api_of_a_library(path: Path) -> None:
    assert problems(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "code",
    [
        "from typer import _click as click",
        "from typer._click.globals import get_current_context",
        "import typer._coercion",
        "import typer\ntyper.main._click",
        "import rich.console\nrich.console._null_highlighter",
    ],
)
def test_the_check_finds_private_use(code: str) -> None:
    assert problems(ast.parse(code)) != []

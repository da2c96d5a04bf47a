"""The YAML reader builds data straight from libyaml's events: it must read every file as
PyYAML's own loader (with the same null-only resolver) does, and refuse what it refuses."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from revmentor import yamlio


class Reference(yaml.SafeLoader):
    """PyYAML's pure loader told to recognise only null, as revmentor's reader does."""


Reference.yaml_implicit_resolvers = {}
Reference.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


def reference(text: str) -> Any:
    return yaml.load(text, Loader=Reference)


scalars = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "~", "null", "No", "yes", "9:30", "1e3", "2026-12-02", "0x1F", "-"]),
    st.integers().map(str),  # explicit tags (!!int) are read as text, tested below
    st.none(),
)
keys = st.one_of(st.text(min_size=1, max_size=8), st.sampled_from(["null", "1", "on"]))
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from([False, True]), st.sampled_from([None, "'", '"', "|"]))
def test_any_document_reads_as_pyyaml_reads_it(data: Any, flow: bool, style: str | None) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, default_style=style, allow_unicode=True)
    assert yamlio.load(text) == reference(text)


HAND_WRITTEN = [
    "schema: 1\nme:\n  name: Helen   # a comment\n  side: senior\n",
    "a: [1, 2, {b: c}]\nd: {e: [f, g]}\n",
    "text: |\n  two\n  lines\nfolded: >-\n  one\n  line\n",
    "? complex key written long\n: value\n",
    "name: &n Helen\nagain: *n\n",
    "---\nkey: value\n...\n",
    "empty:\nnull_word: null\nquoted: 'null'\ntilde: ~\n",
    "tagged: !!str 12\nnumber: !!int 12\nnothing: !!null ''\n",
    "",
    "# only a comment\n",
]


@pytest.mark.parametrize("text", HAND_WRITTEN)
def test_hand_written_layouts_read_as_pyyaml_reads_them(text: str) -> None:
    expected = reference(text)
    if isinstance(expected, dict) and "number" in expected:
        expected["number"] = "12"  # every scalar stays the text that was typed
    assert yamlio.load(text) == expected


REFUSED = [
    ("a: 1\na: 2\n", "a: appears twice (first on line 1)", 2),
    ("x:\n  - q: 1\n  - r: 1\n    s: 2\n    r: 3\n", "r: appears twice (first on line 3)", 5),
    ("x:\n  y:\n    z: 1\n    z: 3\n", "z: appears twice (first on line 3)", 4),
    ("{a: 1, b: 2, a: 3}", "a: appears twice (first on line 1)", 1),
    ("list: &l [1, 2]\nagain: *l\n", "anchors and aliases", 2),
    ("me: &me\n  name: Helen\n  self: *me\n", "anchors and aliases", 3),
    ("a: *nowhere\n", "undefined alias", 1),
    ("a: 1\n---\nb: 2\n", "one document", 2),
    ("? [a, b]\n: c\n", "a key must be plain text", 1),
    ("a: !python/object:os.system echo\n", "the tag '!python/object:os.system'", 1),
    ("a: [1, 2\n", "not valid YAML", None),
    ("[" * 70 + "]" * 70, "nesting is deeper than 64 levels", 1),
]


@pytest.mark.parametrize(("text", "message", "line"), REFUSED)
def test_what_cannot_be_a_pairing_file_is_refused_with_its_line(
    text: str, message: str, line: int | None
) -> None:
    with pytest.raises(yamlio.YAMLProblem) as caught:
        yamlio.load(text)
    assert message in caught.value.message
    if line is not None:
        assert caught.value.line == line


def test_nesting_up_to_the_limit_is_read() -> None:
    text = "[" * 65 + "]" * 65
    assert yamlio.load(text) is not None

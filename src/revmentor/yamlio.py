"""YAML in and out, tuned for hand-edited files.

Reading uses PyYAML's C parser with a resolver that recognises only `null`: every other
plain scalar stays the string the person typed, and the pydantic model turns it into a
number, date or boolean where the field asks for one. So a partner called `No`, a time
`9:30`, an id `1e3` all come back exactly as written, whatever YAML version the person
had in mind.

Writing goes through ruamel.yaml's round-trip mode, which keeps comments and key order;
only the values that changed are replaced.
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64

_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")

# libyaml's parser lives in yaml.cyaml; `yaml.CParser` does not exist, and looking for it
# there silently fell back to the pure-Python parser, five times slower.
_CParser: Any
try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None


class YAMLProblem(ValueError):
    """A file that is not YAML we can read; `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _loader_class() -> type:
    if _CParser is not None:

        class FastLoader(
            _CParser,
            yaml.constructor.SafeConstructor,
            yaml.resolver.BaseResolver,
        ):
            def __init__(self, stream: Any) -> None:
                _CParser.__init__(self, stream)
                yaml.constructor.SafeConstructor.__init__(self)
                yaml.resolver.BaseResolver.__init__(self)

    else:  # pragma: no cover - PyYAML built without libyaml

        class FastLoader(  # type: ignore[no-redef]
            yaml.reader.Reader,
            yaml.scanner.Scanner,
            yaml.parser.Parser,
            yaml.composer.Composer,
            yaml.constructor.SafeConstructor,
            yaml.resolver.BaseResolver,
        ):
            def __init__(self, stream: Any) -> None:
                yaml.reader.Reader.__init__(self, stream)
                yaml.scanner.Scanner.__init__(self)
                yaml.parser.Parser.__init__(self)
                yaml.composer.Composer.__init__(self)
                yaml.constructor.SafeConstructor.__init__(self)
                yaml.resolver.BaseResolver.__init__(self)

    FastLoader.yaml_implicit_resolvers = {}
    FastLoader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL_RE, ["~", "n", "N", ""])
    return FastLoader


_LOADER = _loader_class()


def _check_shape(data: Any) -> None:
    """Refuse aliases (shared or cyclic nodes) and absurd nesting.

    Aliases let a few lines expand into billions of values once validated, and a
    pairing file never needs them.
    """
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_DEPTH:
                raise YAMLProblem(f"nesting is deeper than {MAX_DEPTH} levels")
            if id(node) in seen:
                raise YAMLProblem("YAML anchors and aliases (&, *) are not supported here")
            seen.add(id(node))
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)


def _mark_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def load(text: str) -> Any:
    """Parse one YAML document; scalars other than null stay strings."""
    if len(text) > MAX_BYTES:
        raise YAMLProblem(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YAMLProblem(f"not valid YAML: {problem}", _mark_line(exc)) from None
    except RecursionError:
        raise YAMLProblem(f"nesting is deeper than {MAX_DEPTH} levels") from None
    _check_shape(data)
    return data


def line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the value at `loc` (keys and list indexes), or its parent."""
    try:
        node: Any = yaml.compose(text, Loader=_LOADER)
    except (yaml.YAMLError, RecursionError):
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if node is None:
            break
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    child = value
                    line = key.start_mark.line + 1
                    break
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
            line = child.start_mark.line + 1
        node = child
    return line


# --- writing ----------------------------------------------------------------------


def _rt() -> Any:
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 88
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


_YAML11 = yaml.resolver.Resolver()


def _needs_quotes(value: str) -> bool:
    # Quote what a YAML 1.1 reader (PyYAML, many editors' tools) would not take for a
    # string, so a partner called `No` or a time `9:30` means the same everywhere.
    tag = _YAML11.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return bool(_NULL_RE.match(value)) or tag != "tag:yaml.org,2002:str"


def _plain(value: Any) -> Any:
    """Data ready for ruamel: strings that would read as something else are quoted."""
    if isinstance(value, str) and _needs_quotes(value):
        from ruamel.yaml.scalarstring import SingleQuotedScalarString

        return SingleQuotedScalarString(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _merge(node: Any, old: Any, new: Any) -> Any:
    """Apply `new` onto the round-trip `node`, touching only what differs from `old`."""
    if old == new and type(old) is type(new):
        return node
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, dict) and isinstance(node, CommentedMap) and isinstance(old, dict):
        for key in [k for k in node if k not in new]:
            del node[key]
        for key, value in new.items():
            if key in node:
                node[key] = _merge(node[key], old.get(key), value)
            elif key not in old or old[key] != value:
                # Defaults the file never spelled out stay unwritten until they change.
                node[key] = _plain(value)
        return node
    if isinstance(new, list) and isinstance(node, CommentedSeq) and isinstance(old, list):
        for i, value in enumerate(new):
            if i < len(node):
                node[i] = _merge(node[i], old[i] if i < len(old) else None, value)
            else:
                node.append(_plain(value))
        del node[len(new) :]
        return node
    return _plain(new)


def dump_new(data: dict[str, Any], header: str | None = None) -> str:
    """A fresh file for `data`, keys in the order given."""
    out = io.StringIO()
    if header:
        out.write("".join(f"# {line}\n".replace("# \n", "#\n") for line in header.splitlines()))
    _rt().dump(_plain(data), out)
    return out.getvalue()


def dump_update(text: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    """`text` with `new` applied, keeping the comments and key order a person wrote.

    `old` is the validated data `text` held; only values that differ from it change.
    """
    rt = _rt()
    node = rt.load(text)
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(node, CommentedMap):
        return dump_new(new)
    _merge(node, old, new)
    out = io.StringIO()
    rt.dump(node, out)
    return out.getvalue()

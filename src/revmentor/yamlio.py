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
from datetime import date, datetime
from typing import Any

import yaml

from revmentor.vocab import MAX_FILE_BYTES

MAX_DEPTH = 64

_NULL_RE = re.compile(r"^(?:~|null|Null|NULL|)$")

# libyaml's parser lives in yaml.cyaml; `yaml.CParser` does not exist, and looking for it
# there silently fell back to the pure-Python parser, five times slower.
_CParser: Any
try:
    from yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
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
            _CParser,  # type: ignore[misc]
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
    # The parser asks for every node's tag; answering directly, without the generic
    # resolver's lookups, saves a tenth of the parse.
    FastLoader.resolve = _resolve  # type: ignore[method-assign]
    return FastLoader


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_STR, _NULL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null"
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _resolve(self: Any, kind: Any, value: Any, implicit: Any) -> str:
    if kind is yaml.ScalarNode:
        return _NULL if implicit[0] and value in _NULLS else _STR
    return _SEQ if kind is yaml.SequenceNode else _MAP


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
    if len(text) > MAX_FILE_BYTES:
        raise YAMLProblem(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
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
    # A wide line limit: re-wrapping lines nobody changed would churn hand-kept files.
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)
    # The same date object used twice must not become an anchor: the reader refuses them.
    rt.representer.ignore_aliases = lambda _data: True
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
    The common changes (items added at the end of lists, scalar values changed) are
    spliced into the text directly; anything else goes through ruamel's round trip.
    """
    spliced = splice_update(text, old, new)
    if spliced is not None:
        return spliced
    rt = _rt()
    node = rt.load(text)
    from ruamel.yaml.comments import CommentedMap

    if not isinstance(node, CommentedMap):
        return dump_new(new)
    _merge(node, old, new)
    out = io.StringIO()
    rt.dump(node, out)
    return out.getvalue()


# --- the fast path: splicing changes into the text -----------------------------------
#
# ruamel's round trip re-emits the whole file, which takes about a second for a pairing
# of 500 sessions. Most saves add a session or a review, or change a value or two, so
# they are done as text edits at positions found with libyaml's node marks. The result
# is parsed again and compared with what the change should give; when anything is off,
# or the change is of another kind, the caller falls back to the round trip.


class _CannotSplice(Exception):
    """This change is not one the fast path handles; use the round trip."""


class _BlockDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with sequence dashes indented under their key as ruamel's
    `indent(mapping=2, sequence=4, offset=2)` writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_REPRESENTER = yaml.representer.SafeRepresenter()
# Strings written bare: letters, digits and a few harmless marks, starting with a letter
# or digit, never ending in a space. Everything else is quoted.
_PLAIN_OK = re.compile(r"^[^\W_][\w .;()'/+?!%&=~-]*(?<! )$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _as_loaded(value: Any) -> Any:
    """`value` as `load` gives it back once written: scalars other than null are text."""
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise _CannotSplice("non-text key")
        return {k: _as_loaded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_loaded(v) for v in value]
    if value is None or isinstance(value, str):
        return value
    return _scalar_text(value)


def _quoted(value: str) -> str:
    if value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def _scalar_text(value: Any) -> str:
    """One scalar as YAML text that reads back the same in block or flow context."""
    if isinstance(value, str):
        if _PLAIN_OK.match(value) and not _needs_quotes(value):
            return value
        return _quoted(value)
    if isinstance(value, bool | int | float | date) and not isinstance(value, datetime):
        node = _REPRESENTER.represent_data(value)
        if isinstance(node, yaml.ScalarNode) and node.value:
            return str(node.value)
    raise _CannotSplice(f"cannot write {type(value).__name__}")


def _block_items(items: list[Any], indent: int) -> str:
    """`items` as block sequence entries whose dashes sit at column `indent`."""
    text = yaml.dump(
        items,
        Dumper=_BlockDumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=max(40, 88 - indent),
        indent=2,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _content_end(text: str, node: yaml.Node) -> int:
    """Where the last character of `node` (and everything nested in it) is."""
    end = 0
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) or getattr(current, "flow_style", False):
            end = max(end, current.end_mark.index)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
        else:
            stack.extend(current.value)
    return _before_breaks(text, end)


def _before_breaks(text: str, end: int) -> int:
    """`end` moved back over spaces and line breaks: block scalars (| and >) end after
    their trailing line breaks, and the content proper ends before them."""
    while end > 0 and text[end - 1] in " \n":
        end -= 1
    return end


class _Splicer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[tuple[int, int, str]] = []

    def walk(self, node: yaml.Node, cur: Any, old: Any, new: Any, key: yaml.Node | None) -> Any:
        """Plan the edits that turn `old` into `new` at `node`; return what should load."""
        if old == new and type(old) is type(new):
            return cur
        if isinstance(new, dict):
            if not (isinstance(old, dict) and isinstance(cur, dict)
                    and isinstance(node, yaml.MappingNode)):
                raise _CannotSplice("mapping changed shape")
            if any(k not in new for k in cur):
                raise _CannotSplice("key removed")
            children = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            for name, value in new.items():
                if name in children and name in cur:
                    knode, vnode = children[name]
                    cur[name] = self.walk(vnode, cur[name], old.get(name), value, knode)
                elif not (name in old and old[name] == value):
                    raise _CannotSplice("key added")
            return cur
        if isinstance(new, list):
            if not (isinstance(old, list) and isinstance(cur, list)
                    and isinstance(node, yaml.SequenceNode)):
                raise _CannotSplice("sequence changed shape")
            if not len(old) == len(cur) == len(node.value) <= len(new):
                raise _CannotSplice("items removed")
            for i, item in enumerate(node.value):
                cur[i] = self.walk(item, cur[i], old[i], new[i], None)
            extra = new[len(old):]
            if extra:
                self.append(node, key, extra)
                cur.extend(_as_loaded(extra))
            return cur
        if isinstance(old, dict | list) or not isinstance(node, yaml.ScalarNode):
            raise _CannotSplice("scalar replaces a collection")
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">") or self.text[start:start + 1] in ("!", "&", "*"):
            raise _CannotSplice("block scalar, tag or anchor")
        self.edits.append((start, end, _scalar_text(new)))
        return _as_loaded(new)

    def append(self, node: yaml.SequenceNode, key: yaml.Node | None, extra: list[Any]) -> None:
        text = self.text
        if node.value and not node.flow_style:
            dash = node.start_mark.index
            if text[dash:dash + 1] != "-":
                raise _CannotSplice("sequence without a dash")
            at = _content_end(text, node.value[-1])
            eol = text.find("\n", at)
            block = _block_items(extra, node.start_mark.column)
            if eol < 0:
                self.edits.append((len(text), len(text), "\n" + block))
            else:
                self.edits.append((eol + 1, eol + 1, block))
            return
        # `key: []` becomes a block sequence under the key, as ruamel writes it.
        if node.value or key is None or text[node.start_mark.index:node.end_mark.index] != "[]":
            raise _CannotSplice("flow sequence")
        start, end = node.start_mark.index, node.end_mark.index
        eol = text.find("\n", end)
        eol = len(text) if eol < 0 else eol
        rest = text[end:eol].strip()
        if rest and not rest.startswith("#"):
            raise _CannotSplice("something follows []")
        while start > 0 and text[start - 1] == " ":
            start -= 1
        comment = f"  {rest}" if rest else ""
        block = _block_items(extra, key.start_mark.column + 2)
        self.edits.append((start, eol, comment + "\n" + block.rstrip("\n")))

    def result(self) -> str:
        out = self.text
        last = len(out) + 1
        for start, end, new in sorted(self.edits, reverse=True):
            if end > last:
                raise _CannotSplice("overlapping edits")
            out = out[:start] + new + out[end:]
            last = start
        return out


def splice_update(text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """`text` changed from `old` to `new` by editing the text in place, or None.

    None means the change is not one this handles (keys added or removed, items removed,
    block scalars rewritten...) or the result did not read back as intended.
    """
    if "\r" in text or text.startswith("\ufeff"):
        return None
    try:
        loader = _LOADER(text)
        try:
            root = loader.get_single_node()
            if not isinstance(root, yaml.MappingNode) or root.flow_style:
                return None
            cur = loader.construct_document(root)
        finally:
            loader.dispose()
        splicer = _Splicer(text)
        expected = splicer.walk(root, cur, old, new, None)
        if not splicer.edits:
            return None
        result = splicer.result()
        if load(result) != expected:
            return None
        return result
    except (_CannotSplice, yaml.YAMLError, YAMLProblem, RecursionError):
        return None


# --- the fastest path: items added at the end of a top-level list ------------------
#
# Logging a session only appends to `sessions`. Where to put it is found from libyaml's
# event stream, several times cheaper than building nodes or data, and the result needs
# no second parse: the new lines go right after the last item's last character, at the
# list's own indentation, where the original parse shows nothing but comments and blank
# lines before the list ends. Lines placed there can only add an entry to that list, and
# the entry is checked by reading the new lines back on their own.


def _skip(get: Any, event: Any) -> list[Any]:
    """The events of the node that starts with `event`, pulled from the parser by `get`."""
    taken = [event]
    if isinstance(event, yaml.CollectionStartEvent):
        depth = 1
        while depth:
            event = get()
            taken.append(event)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    return taken


def _list_tail(text: str, key: str) -> tuple[Any, list[Any], Any] | None:
    """For the block list under top-level `key`: its first dash, the events of its last
    entry, and the event that ends it. None when there is no such non-empty list.

    One pass over libyaml's events, keeping only the entry being read.
    """
    loader = _LOADER(text)
    try:
        get = loader.get_event
        if not isinstance(get(), yaml.StreamStartEvent):
            return None
        if not isinstance(get(), yaml.DocumentStartEvent):
            return None
        root = get()
        if not isinstance(root, yaml.MappingStartEvent) or root.flow_style:
            return None
        while True:
            head = get()
            if isinstance(head, yaml.MappingEndEvent):
                return None
            if isinstance(head, yaml.ScalarEvent) and not head.style and head.value == key:
                seq = get()
                if not isinstance(seq, yaml.SequenceStartEvent) or seq.flow_style:
                    return None
                last: list[Any] = []
                while True:
                    event = get()
                    if isinstance(event, yaml.SequenceEndEvent):
                        return (seq.start_mark, last, event) if last else None
                    last = _skip(get, event)
            _skip(get, head)
            _skip(get, get())
    finally:
        loader.dispose()


def _content_end_of(text: str, events: list[Any]) -> tuple[int, int]:
    """Where the content of `events` ends: (last character + 1, end of the last token).

    They differ when a block scalar (| or >) ends the content: its token runs on over the
    line breaks that follow it.
    """
    end = 0
    flow = 0
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _CannotSplice("anchor or alias")
        mark = event.end_mark
        if isinstance(event, yaml.CollectionStartEvent) and event.flow_style:
            flow += 1
        elif isinstance(event, yaml.CollectionEndEvent) and flow:
            flow -= 1
            end = max(end, mark.index)
        elif isinstance(event, yaml.ScalarEvent):
            end = max(end, mark.index)
    return _before_breaks(text, end), end


def append_items(text: str, key: str, items: list[Any]) -> str | None:
    """`text` with `items` added at the end of the non-empty block list under top-level `key`.

    None when the file is not laid out that way (no such list, an empty `[]`, flow style,
    a block scalar or anchor ending the last entry...) or when the new lines do not read
    back as `items`; the caller then saves the whole pairing the slower way.
    """
    if not items or "\r" in text or text.startswith("\ufeff"):
        return None
    try:
        found = _list_tail(text, key)
        if found is None:
            return None
        dash, last, closing = found
        if dash is None or text[dash.index:dash.index + 1] != "-":
            return None
        content, token_end = _content_end_of(text, last)
        eol = text.find("\n", content)
        at = len(text) if eol < 0 else eol + 1
        if token_end > at:
            return None  # a block scalar whose trailing lines belong to it
        # The original parse shows the list ending after `at` with nothing but comments
        # and blank lines between: the next token starts left of the dashes, or the text
        # ends. The same holds for an indentless list (dashes under the key) only when
        # that token is not a dash, which the parse also guarantees.
        nxt = closing.start_mark
        if nxt is not None and nxt.index < at:
            return None
        block = _block_items(items, dash.column)
        if load(block) != _as_loaded(items):
            return None
        return text[:at] + ("" if eol >= 0 else "\n") + block + text[at:]
    except (_CannotSplice, yaml.YAMLError, YAMLProblem, RecursionError):
        return None

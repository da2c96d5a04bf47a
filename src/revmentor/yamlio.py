"""YAML in and out, tuned for hand-edited files.

Reading builds the data from the events of PyYAML's C parser and recognises only `null`:
every other scalar stays the string the person typed, and the pydantic model turns it into a
number, date or boolean where the field asks for one. So a partner called `No`, a time
`9:30`, an id `1e3` all come back exactly as written, whatever YAML version the person
had in mind.

Writing keeps what a person wrote: the sections whose data changed go through
ruamel.yaml's round trip, which keeps comments and key order, and the rest of the text
is kept as it was. A new session is appended to the text directly.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
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
            yaml.resolver.BaseResolver,
        ):
            def __init__(self, stream: Any) -> None:
                _CParser.__init__(self, stream)
                yaml.resolver.BaseResolver.__init__(self)

    else:  # pragma: no cover - PyYAML built without libyaml

        class FastLoader(  # type: ignore[no-redef]
            yaml.reader.Reader,
            yaml.scanner.Scanner,
            yaml.parser.Parser,
            yaml.composer.Composer,
            yaml.resolver.BaseResolver,
        ):
            def __init__(self, stream: Any) -> None:
                yaml.reader.Reader.__init__(self, stream)
                yaml.scanner.Scanner.__init__(self)
                yaml.parser.Parser.__init__(self)
                yaml.composer.Composer.__init__(self)
                yaml.resolver.BaseResolver.__init__(self)

    # Composing (`line_of`) asks for every node's tag: only null is recognised, as
    # `load` does, and answering directly skips the generic resolver's lookups.
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


def _mark_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


# Per top-level block list, found by a parse of the whole file: where its last entry's
# content starts, and where the token after the list starts (the next top-level key, or
# the end of the text). Only ever read alongside the exact text it was found in.
Tails = dict[str, tuple[int, int]]


def load(text: str, tails: Tails | None = None) -> Any:
    """Parse one YAML document; scalars other than null stay strings.

    With `tails`, where each top-level list ends is noted in it too (see `Tails`).
    """
    if len(text) > MAX_FILE_BYTES:
        raise YAMLProblem(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    loader = _LOADER(text)
    try:
        return _from_events(loader.get_event, tails)
    except _DuplicateKey as dup:
        first = line_of(text, dup.loc)
        raise YAMLProblem(
            f"{dup.key}: appears twice (first on line {first or '?'})", dup.line
        ) from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YAMLProblem(f"not valid YAML: {problem}", _mark_line(exc)) from None
    finally:
        loader.dispose()


_NO_KEY = object()


class _DuplicateKey(Exception):
    """A key given twice in one mapping, at `loc` (the keys and indexes leading to it)."""

    def __init__(self, key: str, loc: tuple[int | str, ...], line: int) -> None:
        super().__init__(key)
        self.key, self.loc, self.line = key, loc, line
_PLAIN_TAGS = frozenset((None, "!"))
_STANDARD_TAG = "tag:yaml.org,2002:"


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _from_events(get: Callable[[], Any], tails: Tails | None = None) -> Any:
    """The single document's data, built straight from the parser's events.

    PyYAML's own loader first composes a graph of every node with its marks, about 30
    times the file's size in memory, before building anything; a long pairing is read
    at every save. Building from the events keeps only the data. Anchors and aliases are
    refused on lists and mappings, where a few lines could expand into billions of
    values once validated; a pairing file never needs them.
    """
    get()  # the stream's start
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return None
    if event.tags or event.version:
        tails = None  # directives change how the text reads; no shortcut relies on them
    anchors: dict[str, Any] = {}
    # One frame per open list or mapping: [container, key awaiting its value] for a
    # mapping, [container, its last entry's first event] for a list.
    frames: list[list[Any]] = []
    root: Any = None
    while True:
        event = get()
        kind = type(event)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            top = frames.pop()
            if tails is not None and len(frames) == 1 and kind is yaml.SequenceEndEvent:
                _note_tail(tails, frames[0][0], top[1], event)
            continue
        if kind is yaml.DocumentEndEvent:
            following = get()
            if not isinstance(following, yaml.StreamEndEvent):
                raise YAMLProblem(
                    "not valid YAML: a file holds one document; another starts here",
                    _line(following),
                )
            return root
        tag = getattr(event, "tag", None)
        if tag not in _PLAIN_TAGS and not str(tag).startswith(_STANDARD_TAG):
            raise YAMLProblem(f"not valid YAML: the tag '{tag}' is not supported", _line(event))
        container: dict[Any, Any] | list[Any] | None = None
        if kind is yaml.ScalarEvent:
            plain_null = event.implicit[0] and event.value in _NULLS
            value: Any = None if plain_null or tag == _NULL else event.value
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                raise YAMLProblem("not valid YAML: found undefined alias", _line(event))
            value = anchors[event.anchor]
            if isinstance(value, dict | list):
                raise YAMLProblem(
                    "YAML anchors and aliases (&, *) are not supported here", _line(event)
                )
        else:  # the start of a mapping or a list
            if len(frames) > MAX_DEPTH:
                raise YAMLProblem(f"nesting is deeper than {MAX_DEPTH} levels", _line(event))
            value = container = {} if kind is yaml.MappingStartEvent else []
        if kind is not yaml.AliasEvent and event.anchor is not None:
            anchors[event.anchor] = value
        if not frames:
            root = value
        else:
            top = frames[-1]
            parent = top[0]
            if type(parent) is list:
                parent.append(value)
                top[1] = event
            elif top[1] is _NO_KEY:
                if container is not None:
                    raise YAMLProblem(
                        "not valid YAML: a key must be plain text, not a list or mapping",
                        _line(event),
                    )
                # Every earlier key already holds its value, so a repeat is in `parent`;
                # where the first one was is only looked up when it happens.
                if value in parent:
                    raise _DuplicateKey(str(value), (*_loc(frames), value), _line(event))
                top[1] = value
            else:
                parent[top[1]] = value
                top[1] = _NO_KEY
        if container is not None:
            frames.append([container, _NO_KEY])


def _note_tail(tails: Tails, root: Any, last: Any, end: Any) -> None:
    """Note where the list just closed under a top-level key ends (see `Tails`)."""
    if type(root) is dict and last is not _NO_KEY:
        # The list is the value the root mapping received last.
        tails[next(reversed(root))] = (last.start_mark.index, end.start_mark.index)


def _loc(frames: list[list[Any]]) -> tuple[int | str, ...]:
    """The keys and indexes leading to the innermost open container."""
    # Each open container is the last value its parent received.
    return tuple(
        len(top[0]) - 1 if type(top[0]) is list else next(reversed(top[0]))
        for top in frames[:-1]
    )


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
#
# A save keeps the person's file as it was wherever the data did not change: comments,
# key order, quoting, indentation, line endings and a byte-order mark. The text is split
# into its top-level sections (a key with its value, and the comment lines above it);
# the sections whose value is unchanged are kept byte for byte, and only the changed ones
# go through ruamel.yaml's round trip, which keeps their comments too. A comment the
# round trip cannot keep (one inside a flow list, say) is put back above its section.


class Layout:
    """What a file's text has beyond its YAML: a byte-order mark and its line endings."""

    def __init__(self, text: str) -> None:
        self.bom = text.startswith("\ufeff")
        body = text[1:] if self.bom else text
        self.crlf = "\r\n" in body
        self.body = body.replace("\r\n", "\n") if self.crlf else body

    def restore(self, body: str) -> str:
        if self.crlf:
            body = body.replace("\n", "\r\n")
        return ("\ufeff" if self.bom else "") + body


def _rt(indent: tuple[int, int, int] = (2, 4, 2)) -> Any:
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    # A wide line limit: re-wrapping lines nobody changed would churn hand-kept files.
    rt.width = 4096
    mapping, sequence, offset = indent
    rt.indent(mapping=mapping, sequence=sequence, offset=offset)
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
    if isinstance(value, str) and (value[:1] in (" ", "\t", "\n") or value != value.rstrip(" \t")):
        # A value set where a `|` block was takes that style from ruamel, which then
        # writes a leading space or line break one indent too deep; quoted, it cannot.
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        return DoubleQuotedScalarString(value)
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
            if key in node and value in ([], {}) and node[key] not in ([], {}, None):
                # A collection emptied: its comments (kept on this key and on its items)
                # would land after `[]`; they go back above the section instead.
                node.ca.items.pop(key, None)
                node[key] = _plain(value)
            elif key in node:
                node[key] = _merge(node[key], old.get(key), value)
            elif key not in old or old[key] != value:
                # Defaults the file never spelled out stay unwritten until they change.
                node[key] = _plain(value)
        return node
    if isinstance(new, list) and isinstance(node, CommentedSeq) and isinstance(old, list):
        if not new:
            # An emptied block list keeps the comments of its items, which ruamel then
            # writes after `[]`, into the next line; the comments are put back above it.
            return []
        gone = _removed(old, new)
        if gone is not None:
            # Items taken out: the others keep their own nodes, and their comments.
            for i in reversed(gone):
                del node[i]
            return node
        for i, value in enumerate(new):
            if i < len(node):
                node[i] = _merge(node[i], old[i] if i < len(old) else None, value)
            else:
                node.append(_plain(value))
        del node[len(new) :]
        return node
    return _plain(new)


def _removed(old: list[Any], new: list[Any]) -> list[int] | None:
    """The indexes of `old` whose removal leaves `new`, when that is all that changed."""
    if len(new) >= len(old):
        return None
    gone = []
    j = 0
    for i, item in enumerate(old):
        if j < len(new) and new[j] == item and type(new[j]) is type(item):
            j += 1
        else:
            gone.append(i)
    return gone if j == len(new) else None


def dump_new(data: dict[str, Any], header: str | None = None) -> str:
    """A fresh file for `data`, keys in the order given."""
    out = io.StringIO()
    if header:
        out.write("".join(f"# {line}\n".replace("# \n", "#\n") for line in header.splitlines()))
    _rt().dump(_plain(data), out)
    return out.getvalue()


class _Section:
    """One top-level key of a file: its text (comment lines above it included)."""

    def __init__(self, key: str, start: int, end: int) -> None:
        self.key = key
        self.start = start
        self.end = end


# What a walk over events needs to know of each; an alias (or anything else) is not listed.
_SCALAR, _OPENS, _CLOSES = 0, 1, 2
_EVENT_KINDS: dict[type, int] = {
    yaml.ScalarEvent: _SCALAR,
    yaml.MappingStartEvent: _OPENS,
    yaml.SequenceStartEvent: _OPENS,
    yaml.MappingEndEvent: _CLOSES,
    yaml.SequenceEndEvent: _CLOSES,
}


class _Map:
    """The top-level sections of a one-document block mapping, found from libyaml's events.

    `ok` is False for any other layout (flow style, several documents, an indented root,
    anchors): such a file is saved through the round trip as a whole.
    """

    def __init__(self, body: str) -> None:
        self.body = body
        self.sections: list[_Section] = []
        self.mapping: int | None = None
        self.sequence: tuple[int, int] | None = None
        self.tail = 0
        try:
            self.ok = self._read()
        except (yaml.YAMLError, _CannotSplice, RecursionError):
            self.ok = False

    def _read(self) -> bool:
        body = self.body
        loader = _LOADER(body)
        try:
            get = loader.get_event
            if not isinstance(get(), yaml.StreamStartEvent):
                return False
            if not isinstance(get(), yaml.DocumentStartEvent):
                return False
            root = get()
            if not isinstance(root, yaml.MappingStartEvent) or root.flow_style:
                return False
            if root.anchor or _start(root).column != 0:
                return False
            found: list[tuple[str, int, int]] = []
            while True:
                head = get()
                if isinstance(head, yaml.MappingEndEvent):
                    break
                if not isinstance(head, yaml.ScalarEvent) or _start(head).column != 0:
                    return False
                content = self._read_value(head, get)
                line_start = body.rfind("\n", 0, _start(head).index) + 1
                found.append((head.value, line_start, content))
            if not isinstance(get(), yaml.DocumentEndEvent):
                return False
            if not isinstance(get(), yaml.StreamEndEvent):
                return False
        finally:
            loader.dispose()
        if not found:
            return False
        # A section runs from the end of the line where the previous value ends to the
        # end of the line where its own value ends, so comments above a key go with it.
        # Lines above the first key are the file's header and are never rewritten.
        previous = found[0][1]
        for key, _, content in found:
            end = self._line_end(content)
            self.sections.append(_Section(key, previous, end))
            previous = end
        self.tail = previous
        return True

    def _read_value(self, head: Any, get: Callable[[], Any]) -> int:
        """Read the value under `head` from the parser; where its content ends.

        Event by event, keeping none: a list of 5,000 sessions is a quarter of a million
        events, far more memory than the data they describe.
        """
        if head.anchor:
            raise _CannotSplice("anchor or alias")
        first = get()
        end, second = _node_end(get, first)
        self._note_indent(first, second)
        return _before_breaks(self.body, max(end, head.end_mark.index))

    def scalars(self, section: _Section) -> list[tuple[int, int]]:
        """Every scalar's span in `section`'s text, counted from its start, to tell its
        comments; read only for the sections a save rewrites. A section is a top-level
        key and its value, so its text parses on its own exactly as it does in place."""
        spans = _scalar_spans(self.body[section.start : section.end])
        if spans is None:
            raise _CannotSplice("a section that does not parse on its own")
        return spans

    def _line_end(self, index: int) -> int:
        eol = self.body.find("\n", index)
        return len(self.body) if eol < 0 else eol + 1

    def _note_indent(self, first: Any, second: Any | None) -> None:
        """The file's own indentation, from the first block mapping and list under a key
        (`first` and `second`: the first two events of a value)."""
        if isinstance(first, yaml.MappingStartEvent) and not first.flow_style:
            if self.mapping is None and second is not None:
                self.mapping = _start(second).column
        elif isinstance(first, yaml.SequenceStartEvent) and not first.flow_style:
            dash = _start(first)
            if self.sequence is None and self.body[dash.index : dash.index + 1] == "-":
                after = dash.index + 1
                while after < len(self.body) and self.body[after] == " ":
                    after += 1
                # ruamel counts a list's indent to the item's text, and its offset to the dash.
                self.sequence = (dash.column + after - dash.index, dash.column)

    @property
    def indent(self) -> tuple[int, int, int]:
        sequence, offset = self.sequence or (4, 2)
        mapping = self.mapping or (offset if offset >= 2 else 2)
        return mapping, max(sequence, offset + 2), offset


def _start(event: Any) -> Any:
    """Where `event` starts (libyaml always gives the marks the stubs call optional)."""
    return event.start_mark


def _end(event: Any) -> Any:
    return event.end_mark


def _span(text: str, event: Any) -> tuple[int, int]:
    """Where a scalar's text lies. A block scalar (| or >) starts on the line after its
    indicator: a comment on the indicator's line (`|-  # note`) is a comment."""
    start, end = _start(event).index, _end(event).index
    if text[start : start + 1] in ("|", ">"):
        eol = text.find("\n", start)
        if 0 <= eol < end:
            return eol, end
    return start, end


def _comment_starts(text: str, scalars: list[tuple[int, int]]) -> list[int]:
    """Where the comments of `text` start: a '#' after a space or at a line's start,
    outside every scalar (whose spans libyaml gave)."""
    out = []
    spans = sorted(scalars)
    j = 0
    for m in re.finditer(r"(?:^|(?<=[ \t]))#", text, re.MULTILINE):
        at = m.start()
        while j < len(spans) and spans[j][1] <= at:
            j += 1
        if j < len(spans) and spans[j][0] <= at < spans[j][1]:
            continue
        out.append(at)
    return out


def _comments(text: str, scalars: list[tuple[int, int]]) -> list[str]:
    return [
        text[at : (text.find("\n", at) + 1 or len(text) + 1) - 1].rstrip()
        for at in _comment_starts(text, scalars)
    ]


def _scalar_spans(text: str) -> list[tuple[int, int]] | None:
    loader = _LOADER(text)
    spans = []
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent):
                spans.append(_span(text, event))
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return spans


def _untab_comments(text: str, scalars: list[tuple[int, int]]) -> str:
    """Tabs before an end-of-line comment, as spaces: ruamel's scanner refuses them."""
    out = text
    for at in reversed(_comment_starts(text, scalars)):
        start = at
        while start > 0 and out[start - 1] in " \t":
            start -= 1
        gap = out[start:at]
        if "\t" in gap:
            out = out[:start] + gap.replace("\t", "  ") + out[at:]
    return out


def _round_trip(
    text: str, old: dict[str, Any], new: dict[str, Any], indent: tuple[int, int, int]
) -> str:
    """`text` (a block mapping) with `new` applied through ruamel's round trip."""
    from ruamel.yaml.comments import CommentedMap

    rt = _rt(indent)
    node = rt.load(text)
    if not isinstance(node, CommentedMap):
        raise YAMLProblem("the file is not a mapping of keys to values")
    _merge(node, old, new)
    out = io.StringIO()
    rt.dump(node, out)
    return out.getvalue()


def _keep_comments(before: str, after: str, before_scalars: list[tuple[int, int]]) -> str:
    """`after`, with any comment of `before` it lost put back as a line at its top."""
    spans = _scalar_spans(after)
    if spans is None:
        return after
    missing = list(_comments(before, before_scalars))
    for comment in _comments(after, spans):
        if comment in missing:
            missing.remove(comment)
    if not missing:
        return after
    return "".join(f"{c}\n" for c in missing) + after


def dump_update(
    text: str, old: dict[str, Any], new: dict[str, Any], reads_back: Callable[[str], bool]
) -> str:
    """`text` with `new` applied, keeping everything a person wrote where data is unchanged.

    `old` is the validated data `text` held; only values that differ from it change.
    `reads_back` says whether a candidate text holds exactly `new` once read and validated
    (defaults a file leaves unwritten included). When the section by section save does
    not, the whole file goes through the round trip; when that does not either,
    YAMLProblem is raised and nothing should be written.
    """
    from ruamel.yaml.error import YAMLError as RoundTripError

    layout = Layout(text)
    for attempt in (_grown_list, _by_sections, _whole):
        try:
            result = attempt(layout.body, old, new)
        except (RoundTripError, YAMLProblem, _CannotSplice, RecursionError):
            continue
        if result is not None and reads_back(layout.restore(result)):
            return layout.restore(result)
    raise YAMLProblem("the change could not be written so that the file reads back as intended")


# A line at the left margin that starts the next top-level key (or a document marker):
# not blank, not a comment, not a dash of a list written under its key.
_NEXT_TOP = re.compile(r"\n(?![ \t\r\n#]|-[ \t\r\n])")
# What follows a key's name on its line.
_KEY_AFTER = re.compile(r"[ \t]*:(?:[ \t]|$)", re.MULTILINE)


def _top_section(body: str, key: str) -> tuple[int, int, int] | None:
    """Where the line of top-level `key` starts, where the line after it starts, and where
    the next top-level key's line starts (or the text ends), found by the text alone; None
    unless exactly one line at the left margin starts with the key."""
    found = [0] if body.startswith(key) else []
    at = body.find("\n" + key)
    while at >= 0:
        found.append(at + 1)
        at = body.find("\n" + key, at + 1)
    heads = [i for i in found if _KEY_AFTER.match(body, i + len(key))]
    if len(heads) != 1:
        return None
    start = heads[0]
    eol = body.find("\n", start)
    if eol < 0:
        return None
    following = _NEXT_TOP.search(body, eol)
    return start, eol + 1, following.start() + 1 if following else len(body)



def added_items(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """The top-level key and the items, when all that changed from `old` to `new` is
    items added at the end of that one list (a review, a wrap-up)."""
    changed = [k for k in {*old, *new} if k not in old or k not in new or old[k] != new[k]]
    if len(changed) != 1:
        return None
    key = changed[0]
    before, after = old.get(key), new.get(key)
    if not (isinstance(before, list) and isinstance(after, list)):
        return None
    if len(after) <= len(before) or after[: len(before)] != before:
        return None
    return key, after[len(before) :]


def _grown_list(body: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """`body` with `new` applied when all that changed is items added at the end of one
    top-level list. The list's key is found by its line at the left margin, so the rest
    of a long file is not walked; the caller reads the result back, and any other layout
    goes section by section instead."""
    added = added_items(old, new)
    section = _top_section(body, added[0]) if added is not None else None
    if added is None or section is None:
        return None
    start, _, end = section
    grown = append_items(body[start:end], added[0], added[1])
    return None if grown is None else body[:start] + grown + body[end:]


def _whole(body: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    spans = _scalar_spans(body) or []
    source = _untab_comments(body, spans)
    indent = _Map(body).indent
    return _keep_comments(body, _round_trip(source, old, new, indent), spans)


def _by_sections(body: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    doc = _Map(body)
    if not doc.ok:
        return None
    pieces = [body[: doc.sections[0].start]]
    seen = set()
    for section in doc.sections:
        key = section.key
        seen.add(key)
        part = body[section.start : section.end]
        if key in new and key in old and old[key] == new[key] and type(old[key]) is type(new[key]):
            pieces.append(part)
            continue
        grown = _appended_to(part, key, old.get(key), new.get(key))
        if grown is not None:
            pieces.append(grown)
            continue
        # Only for the sections rewritten: a long list's spans are tens of MiB.
        scalars = doc.scalars(section)
        if key not in new:
            # The value goes; comments above it stay, as the round trip would keep them.
            pieces.append("".join(f"{c}\n" for c in _comments(part, scalars)))
            continue
        source = _untab_comments(part, scalars)
        # Blank lines above the section are kept as they are; ruamel would drop them.
        blank = re.match(r"(?:[ \t]*\n)*", source)
        lead = blank.group() if blank else ""
        changed = _round_trip(source[len(lead) :], {key: old.get(key)}, {key: new[key]}, doc.indent)
        pieces.append(lead + _keep_comments(part, changed, scalars))
    added = {k: v for k, v in new.items() if k not in seen}
    if added:
        block = io.StringIO()
        _rt(doc.indent).dump(_plain(added), block)
        pieces.append(block.getvalue())
    tail = body[doc.tail :]
    if tail and not "".join(pieces).endswith("\n"):
        pieces.append("\n")
    pieces.append(tail)
    return "".join(pieces)


def _appended_to(part: str, key: str, before: Any, after: Any) -> str | None:
    """`part` (the section of `key`) with the items `after` adds at the end of `before`.

    A review or a wrap-up adds to a list that may hold thousands of entries; writing the
    new entries after the last one costs a fraction of a round trip over the whole list.
    """
    added = added_items({key: before}, {key: after})
    return None if added is None else append_items(part, key, added[1])


# The appending path below writes items with PyYAML's dumper, laid out as ruamel would.


class _CannotSplice(Exception):
    """This change is not one the fast path handles; use the round trip."""


class _BlockDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, with sequence dashes indented under their key as ruamel's
    `indent(mapping=2, sequence=4, offset=2)` writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_REPRESENTER = yaml.representer.SafeRepresenter()


def as_loaded(value: Any) -> Any:
    """`value` as `load` gives it back once written: scalars other than null are text."""
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise _CannotSplice("non-text key")
        return {k: as_loaded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_loaded(v) for v in value]
    if value is None or isinstance(value, str):
        return value
    return _scalar_text(value)


def _scalar_text(value: Any) -> str:
    """One scalar as the YAML text that reads back as it."""
    if isinstance(value, bool | int | float | date) and not isinstance(value, datetime):
        node = _REPRESENTER.represent_data(value)
        if isinstance(node, yaml.ScalarNode) and node.value:
            return str(node.value)
    raise _CannotSplice(f"cannot write {type(value).__name__}")


def _block_items(items: list[Any], indent: int, step: int = 2) -> str:
    """`items` as block sequence entries whose dashes sit at column `indent`, their
    content `step` columns further in (`-   key` in a file of 4-space items)."""
    text = yaml.dump(
        items,
        Dumper=_BlockDumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=max(40, 88 - indent),
        indent=step if 2 <= step <= 9 else 2,
    )
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in text.splitlines(True))


def _before_breaks(text: str, end: int) -> int:
    """`end` moved back over spaces and line breaks: block scalars (| and >) end after
    their trailing line breaks, and the content proper ends before them."""
    while end > 0 and text[end - 1] in " \n":
        end -= 1
    return end


# --- the fastest path: items added at the end of a top-level list ------------------
#
# Logging a session only appends to `sessions`. Where to put it is found from libyaml's
# event stream, several times cheaper than building nodes or data, and the result needs
# no second parse: the new lines go right after the last item's last character, at the
# list's own indentation, where the original parse shows nothing but comments and blank
# lines before the list ends. Lines placed there can only add an entry to that list, and
# the entry is checked by reading the new lines back on their own.


def _skip(get: Any, event: Any) -> list[Any]:
    """The events of the node that starts with `event`, pulled from the parser by `get`.

    A plain loop: logging a session walks every earlier session's events this way.
    """
    out = [event]
    kinds = _EVENT_KINDS
    depth = 1 if kinds.get(type(event)) == _OPENS else 0
    while depth:
        event = get()
        out.append(event)
        kind = kinds.get(type(event))
        if kind == _OPENS:
            depth += 1
        elif kind == _CLOSES:
            depth -= 1
    return out


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
    """Where the content of one node's `events` ends: (last character + 1, end of the last
    token)."""
    end, _ = _node_end(iter(events[1:]).__next__, events[0])
    return _before_breaks(text, end), end


def _node_end(get: Callable[[], Any], event: Any) -> tuple[int, Any]:
    """Where the last token of the node that starts with `event` ends, pulling the rest of
    its events from `get`, and the node's second event (None for a scalar).

    The last character and the end of the last token differ when a block scalar (| or >)
    ends the content: its token runs on over the line breaks that follow it. One plain
    loop: every save of a long pairing runs it over every event of the file.
    """
    end = depth = flow = n = 0
    second = None
    kinds = _EVENT_KINDS
    while True:
        kind = kinds.get(type(event))
        if kind is None or (kind != _CLOSES and event.anchor):
            raise _CannotSplice("anchor or alias")
        if kind == _OPENS:
            depth += 1
            if event.flow_style:
                flow += 1
        elif kind == _CLOSES:
            depth -= 1
            if flow:
                flow -= 1
                end = max(end, event.end_mark.index)
        else:
            end = max(end, event.end_mark.index)
        if n == 1:
            second = event
        if not depth:
            return end, second
        event = get()
        n += 1


def append_items(text: str, key: str, items: list[Any]) -> str | None:
    """`text` with `items` added at the end of the non-empty block list under top-level `key`.

    None when the file is not laid out that way (no such list, an empty `[]`, flow style,
    a block scalar or anchor ending the last entry...) or when the new lines do not read
    back as `items`; the caller then saves the whole pairing the slower way.
    """
    if not items:
        return None
    layout = Layout(text)
    body = layout.body
    # The last entry alone first: finding it by its dash saves walking every earlier one.
    tail = _last_entry(body, key)
    if tail is not None:
        at, head = tail
        grown = _append_to_list(head + body[at:], key, items)
        if grown is not None:
            return layout.restore(body[:at] + grown[len(head) :])
    grown = _append_to_list(body, key, items)
    return None if grown is None else layout.restore(grown)


def _last_entry(body: str, key: str) -> tuple[int, str] | None:
    """Where the last entry of the list under top-level `key` seems to start, by the last
    dash at its first dash's indentation, and the key's line; None when there is one entry
    or no such line. A guess from the text alone: whatever it gets wrong (a dash inside a
    quoted value, say), the new entry's lines are then read back as part of the whole
    file, so a wrong guess costs a fallback, never a wrong save."""
    section = _top_section(body, key)
    if section is None:
        return None
    start, first_line, end = section
    first = _FIRST_DASH.match(body, first_line)
    if first is None or first.end() > end:
        return None
    dash = "\n" + first.group(1) + "-"
    at = body.rfind(dash, first.end(), end)
    while at >= 0 and body[at + len(dash) : at + len(dash) + 1] not in (" ", "\t", "\n"):
        at = body.rfind(dash, first.end(), at)
    if at < 0:
        return None
    return at + 1, body[start:first_line]


# The first entry's dash under a key, after any blank or comment lines.
_FIRST_DASH = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*([ \t]*)-(?=[ \t\n])")


def _append_to_list(text: str, key: str, items: list[Any]) -> str | None:
    """`append_items` on text without a byte-order mark and with plain line ends."""
    found = _insertion(text, key, items)
    if found is None:
        return None
    at, lines = found
    return text[:at] + lines + text[at:]


def _insertion(text: str, key: str, items: list[Any]) -> tuple[int, str] | None:
    """Where in `text` the lines of `items` go to end the list under `key`, and the lines."""
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
        # The last entry's first key shows how far in the file writes an entry's content.
        step = 2
        if len(last) > 1 and isinstance(last[0], yaml.MappingStartEvent) and not last[0].flow_style:
            step = _start(last[1]).column - dash.column
        block = _block_items(items, dash.column, step)
        if load(block) != as_loaded(items):
            return None
        return at, ("" if eol >= 0 else "\n") + block
    except (_CannotSplice, yaml.YAMLError, YAMLProblem, RecursionError):
        return None


# What libyaml also takes for the end of a line.
_OTHER_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
# The start of a list entry's line: its indentation and its dash.
_ENTRY_HEAD = re.compile(r"[ \t]*-[ \t]+")


def append_at_tail(
    text: str, key: str, items: list[Any], tails: Tails
) -> tuple[str, Tails] | None:
    """`text` with `items` added at the end of the block list under top-level `key`,
    checked without reading the whole text again, and the new text's `Tails`.

    `tails` must come from a parse of exactly `text`. The last entry, the new lines and
    the line that follows the list are read on their own, under a line that opens the
    list, and must read as that entry followed by `items`. That is enough: libyaml reads
    a block list entry by entry, and what it makes of the text from the last entry's
    dash onwards depends only on that text and on being inside a block list at that
    column, which this line recreates; what comes before the dash reads as it did, for
    the first line after it is unchanged. Anything that could reach across (an alias to
    an anchor further up, a directive, a byte-order mark, a line break other than "\n")
    makes this return None, and the caller reads the whole file back instead.
    """
    tail = tails.get(key)
    if tail is None or not items or text.startswith("\ufeff"):
        return None
    if any(brk in text for brk in _OTHER_BREAKS):
        return None  # lines are found by "\n" alone here
    first, after = tail
    line = text.rfind("\n", 0, first) + 1
    if not _ENTRY_HEAD.fullmatch(text, line, first) or not key.isidentifier():
        return None
    head = f"{key}:\n"
    eol = text.find("\n", after)
    following = text[after : len(text) if eol < 0 else eol + 1]
    window = head + text[line:after] + following
    found = _insertion(window, key, items)
    if found is None:
        return None
    at, lines = found
    if not len(head) <= at <= len(head) + after - line:
        return None
    if len(text) + len(lines) > MAX_FILE_BYTES:
        return None  # the whole file would no longer load: the one check it makes alone
    grown = window[:at] + lines + window[at:]
    try:
        before, now = load(window), load(grown)
        ends = _list_tail(grown, key)
    except (YAMLProblem, yaml.YAMLError, RecursionError):
        return None
    if not (isinstance(before, dict) and isinstance(now, dict) and ends is not None):
        return None
    if before.keys() != now.keys() or any(now[k] != v for k, v in before.items() if k != key):
        return None
    old_list = before[key]
    if not (isinstance(old_list, list) and len(old_list) == 1):
        return None
    if now[key] != [*old_list, *as_loaded(items)]:
        return None
    shift = line - len(head)  # a place in `grown` is this much further on in the new text
    last, closing = ends[1][0].start_mark.index, ends[2].start_mark.index
    if closing != len(grown) - len(following):
        return None
    where = at + shift
    moved: Tails = {
        k: (a + len(lines), b + len(lines)) if a >= where else (a, b)
        for k, (a, b) in tails.items()
    }
    moved[key] = (last + shift, closing + shift)
    return text[:where] + lines + text[where:], moved

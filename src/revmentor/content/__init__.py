"""Coaching text shipped as data, loaded on demand.

Each `<name>.yaml` here is the one source of its text; it is read as it is, with
libyaml's parser, the first time a command needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _parse(name: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((HERE / name).read_text(encoding="utf-8"), Loader=loader)


def _as_json(data: Any) -> Any:
    """`data` when JSON holds it exactly (text keys, no dates), else None."""
    import json

    try:
        return data if json.loads(json.dumps(data)) == data else None
    except (TypeError, ValueError):
        return None


@cache
def load(name: str) -> Any:
    """The data of the YAML file `name` in this package (e.g. 'nudges.yaml').

    Kept as JSON in the read cache, keyed by the file's exact bytes: a daily command
    reads its words back without loading a YAML parser. Data JSON cannot hold exactly
    is parsed from the YAML every time.
    """
    return compiled(name, _as_json, "as written", parse=_parse)


def text(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def compiled(
    name: str, build: Callable[[Any], Any], version: str, parse: Callable[[str], Any] = load
) -> Any:
    """`build(load(name))`, kept as JSON in the read cache between runs.

    For content that takes longer to prepare than to read back (the goal checks' word
    lists). The entry is keyed by the file's exact bytes and `version` (the preparing
    code's), so an edited file or a changed `build` is prepared afresh; what `build`
    returns must be JSON data, or None for data to be prepared afresh each time.
    """
    import hashlib

    from revmentor import readcache
    from revmentor.store import default_home

    source = (HERE / name).read_bytes()
    key = hashlib.blake2b(source + version.encode(), digest_size=20).hexdigest()
    tag = hashlib.blake2b(version.encode(), digest_size=4).hexdigest()
    cache_file = default_home() / "cache" / "content" / f"{Path(name).stem}-{tag}.json"
    found = readcache.read_cache(cache_file, key)
    if found is not None:
        return found["data"]
    source_data = parse(name)
    data = build(source_data)
    if data is None:
        return source_data
    readcache.write_cache(cache_file, key, {"data": data})
    return data

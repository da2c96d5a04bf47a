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


@cache
def load(name: str) -> Any:
    """The data of the YAML file `name` in this package (e.g. 'real_rules.yaml')."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((HERE / name).read_text(encoding="utf-8"), Loader=loader)


def text(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def compiled(name: str, build: Callable[[Any], Any], version: str) -> Any:
    """`build(load(name))`, kept as JSON in the read cache between runs.

    For content that takes longer to prepare than to read back (the goal checks' word
    lists). The entry is keyed by the file's exact bytes and `version` (the preparing
    code's), so an edited file or a changed `build` is prepared afresh; what `build`
    returns must be JSON data.
    """
    import hashlib

    from revmentor import readcache
    from revmentor.store import default_home

    source = (HERE / name).read_bytes()
    key = hashlib.blake2b(source + version.encode(), digest_size=20).hexdigest()
    cache_file = default_home() / "cache" / "content" / f"{Path(name).stem}.json"
    found = readcache.read_cache(cache_file, key)
    if found is not None:
        return found["data"]
    data = build(load(name))
    readcache.write_cache(cache_file, key, {"data": data})
    return data

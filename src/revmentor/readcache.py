"""The read cache: what a pairing file's exact text validated to, kept as JSON.

Parsing YAML and validating it cost more than a read command may take. Each entry is
keyed by a digest of the file's text together with a digest of the schema (the source
of the modules that define the file format, and the pydantic that applies it), so any
change to the file, a hand edit included, or to any rule of the format is read afresh.
The folder may be deleted at any time; a cache that cannot be read or written only makes
commands slower.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from revmentor.vocab import MAX_FILE_BYTES

# Raised when the layout of an entry changes.
CACHE_FORMAT = 4

# The modules whose source defines what a valid pairing file is, and how its text reads.
_SCHEMA_MODULES = ("model.py", "vocab.py", "yamlio.py")


@cache
def schema_digest() -> str:
    """A digest of everything that decides what validates: a change to any rule changes it."""
    import hashlib

    import pydantic_core

    from revmentor import __version__

    digest = hashlib.blake2b(digest_size=16)
    here = Path(__file__).resolve().parent
    for name in _SCHEMA_MODULES:
        digest.update((here / name).read_bytes())
    digest.update(f"{CACHE_FORMAT}|{__version__}|{pydantic_core.__version__}".encode())
    return digest.hexdigest()


def text_key(text: str) -> str:
    """The cache key of a file's `text` under the current schema."""
    import hashlib

    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20)
    digest.update(schema_digest().encode())
    return digest.hexdigest()


def read_cache(cache_file: Path, key: str) -> dict[str, Any] | None:
    """The validated data cached under `key`, or None."""
    from revmentor.files import read_regular_bytes

    # A FIFO or a link to a device put in its place must not hang a read command.
    raw = read_regular_bytes(cache_file, 4 * MAX_FILE_BYTES)
    if raw is None:
        return None
    try:
        entry = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if isinstance(entry, dict) and entry.get("key") == key:
        data = entry.get("data")
        if isinstance(data, dict):
            return data
    return None


def write_cache(cache_file: Path, key: str, data: dict[str, Any]) -> None:
    """Keep `data` for `key`; a cache that cannot be written only makes reads slower."""
    from revmentor.errors import SaveError
    from revmentor.files import atomic_write, make_dirs

    try:
        make_dirs(cache_file.parent)
        entry = {"key": key, "data": data}
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        atomic_write(cache_file, text, durable=False)
    except (SaveError, OSError, ValueError, TypeError, RecursionError):
        pass

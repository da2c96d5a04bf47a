"""The read cache: what a pairing file's exact text validated to, kept as JSON.

Parsing YAML and building the models cost more than a read command may take. Each entry
is keyed by a digest of the file's text and by the program's version, so any change to
the file (a hand edit included) or an upgrade is read afresh. The folder may be deleted
at any time; a cache that cannot be read or written only makes commands slower.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from revmentor.vocab import MAX_FILE_BYTES

CACHE_VERSION = 2


def text_key(text: str) -> str:
    """A digest of `text`: a cache entry answers only for the exact text it was made from."""
    try:
        # The digest alone, without hashlib loading OpenSSL (a few ms of every read).
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def read_cache(cache: Path, key: str, version: str) -> Any:
    """The data cached for `key` by this `version` of the program, or None."""
    import json

    try:
        if cache.stat().st_size > 4 * MAX_FILE_BYTES:
            return None
        entry = json.loads(cache.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if (
        isinstance(entry, dict)
        and entry.get("v") == CACHE_VERSION
        and entry.get("app") == version
        and entry.get("hash") == key
    ):
        return entry.get("data")
    return None


def write_cache(cache: Path, key: str, version: str, data: Any) -> None:
    """Keep `data` for `key`; a cache that cannot be written only makes reads slower."""
    import json
    import tempfile

    try:
        cache.parent.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{cache.name}.", suffix=".tmp", dir=cache.parent)
        try:
            os.fchmod(fd, 0o600)
            entry = {"v": CACHE_VERSION, "app": version, "hash": key, "data": data}
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
            os.replace(tmp, cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError, TypeError, RecursionError):
        pass

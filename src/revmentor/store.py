"""Every read and write of pairing files.

Writes take a per-pairing lock, keep the previous version in backups/, and replace the
file atomically, so a crash at any moment leaves either the old file or the new one.
A file that does not parse or validate is reported with its line and never written over.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revmentor import __version__, readcache
from revmentor.errors import AlreadyExists, BadInput, Concluded, InvalidFile, NotFound
from revmentor.vocab import MAX_FILE_BYTES, SCHEMA_VERSION, SLUG_RE

if TYPE_CHECKING:
    from revmentor.model import Pairing

ENV_HOME = "REVMENTOR_HOME"
KEEP_BACKUPS = 20
FILE_MODE = 0o600
DIR_MODE = 0o700

FILE_HEADER = (
    "revmentor pairing file (schema 1). You may edit it by hand: comments and key order\n"
    "are kept. `revmentor doctor` checks it; `revmentor show` reads it back."
)

# Each entry turns data of schema N into schema N + 1. None exist yet; when schema 2
# arrives, its upgrade goes here and every older file is migrated on read.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def default_home() -> Path:
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("revmentor", appauthor=False)


def check_slug(slug: str) -> str:
    """Refuse anything that is not a plain slug, so no name can leave the pairings folder."""
    if not slug or not SLUG_RE.match(slug):
        shown = slug if slug and slug.isprintable() else repr(slug)
        raise BadInput(
            f"'{shown}' is not a pairing name",
            "Names use lowercase letters, digits and hyphens, e.g. 'maya-chen'.",
        )
    return slug


def slugify(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = "".join(c if c.isalnum() else "-" for c in ascii_text.lower())
    slug = "-".join(part for part in out.split("-") if part)[:60].strip("-")
    return slug or "pairing"


@dataclass
class Loaded:
    """A pairing as read from disk, with what is needed to write it back faithfully."""

    slug: str
    path: Path
    text: str
    pairing: Pairing


def _problems(path: Path, text: str, exc: Exception) -> list[str]:
    from pydantic import ValidationError

    from revmentor import yamlio

    if not isinstance(exc, ValidationError):
        return [f"{path}: {exc}"]
    out = []
    for err in exc.errors():
        loc = tuple(
            p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        line = yamlio.line_of(text, loc)
        field = ".".join(str(p) for p in loc) or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown key (check its spelling against the file format in the README)"
        elif err["type"] == "missing":
            msg = "required but missing"
        out.append(f"{path}:{line or 1}: {field}: {msg}")
    return out


def parse(text: str, path: Path) -> tuple[dict[str, Any], Pairing]:
    """Parse and validate pairing text; raise InvalidFile naming path, line and field."""
    from pydantic import ValidationError

    from revmentor import yamlio
    from revmentor.model import Pairing

    try:
        data = yamlio.load(text)
    except yamlio.YAMLProblem as exc:
        raise InvalidFile(str(path), [f"{path}:{exc.line or 1}: {exc.message}"]) from None
    if not isinstance(data, dict):
        raise InvalidFile(str(path), [f"{path}:1: the file must be a mapping of keys to values"])
    data = _migrate(data, path)
    try:
        pairing = Pairing.model_validate(data)
    except ValidationError as exc:
        hint = "The file was left as it is. Fix it by hand, or run `revmentor edit`."
        raise InvalidFile(str(path), _problems(path, text, exc), hint) from None
    except (RecursionError, MemoryError):
        raise InvalidFile(str(path), [f"{path}:1: the file is too deeply nested"]) from None
    return data, pairing


def _migrate(data: dict[str, Any], path: Path) -> dict[str, Any]:
    raw = data.get("schema", SCHEMA_VERSION)
    try:
        version = int(raw)
    except (TypeError, ValueError):
        raise InvalidFile(str(path), [f"{path}:1: schema: must be a whole number"]) from None
    if version > SCHEMA_VERSION:
        raise InvalidFile(
            str(path),
            [f"{path}:1: schema: {version} is newer than this revmentor understands"],
            f"Upgrade revmentor (this one reads schema {SCHEMA_VERSION}) to open this file.",
        )
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise InvalidFile(str(path), [f"{path}:1: schema: {version} cannot be upgraded"])
        data = step(data)
        version += 1
        data["schema"] = version
    return data


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` so that a crash leaves the old file or the new, never half."""
    import tempfile  # only saves need it; reads start faster without

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def file_lock(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_path` (created 0600) for the duration."""
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def ensure_dir(path: Path) -> Path:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o777 != DIR_MODE:
        os.chmod(path, DIR_MODE)
    return path


class Store:
    """Pairing files under one data folder."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = (home or default_home()).expanduser()
        # The last text read per pairing and its validated data, so that reading the
        # same text again in this process (under a lock, say) costs nothing.
        self._seen: dict[str, tuple[str, dict[str, Any]]] = {}

    @property
    def pairings_dir(self) -> Path:
        return self.home / "pairings"

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"

    def path_for(self, slug: str) -> Path:
        return self.pairings_dir / f"{check_slug(slug)}.yaml"

    def slugs(self) -> list[str]:
        if not self.pairings_dir.is_dir():
            return []
        return sorted(
            p.stem for p in self.pairings_dir.glob("*.yaml") if SLUG_RE.match(p.stem)
        )

    def exists(self, slug: str) -> bool:
        return self.path_for(slug).exists()

    def read_text(self, slug: str) -> str:
        path = self.path_for(slug)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InvalidFile(
                    str(path),
                    [f"{path}:1: the file is {size // (1024 * 1024)} MiB, over the "
                     f"{MAX_FILE_BYTES // (1024 * 1024)} MiB a pairing may hold"],
                )
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NotFound(
                f"no pairing called '{slug}'",
                "See `revmentor list` for the pairings you have.",
            ) from None
        except UnicodeDecodeError as exc:
            raise InvalidFile(str(path), [f"{path}:1: not UTF-8 text ({exc.reason})"]) from None

    # --- reading --------------------------------------------------------------
    #
    # The cache holds, per pairing, the validated model's dump for the file's exact text
    # (keyed by a digest of it), so an unchanged file is neither parsed nor validated
    # again. Any change to the text, a hand edit included, misses the cache.

    def cache_path(self, slug: str) -> Path:
        return self.home / "cache" / f"{check_slug(slug)}.json"

    def _cached(self, slug: str, text: str) -> dict[str, Any] | None:
        seen = self._seen.get(slug)
        if seen is not None and seen[0] == text:
            return seen[1]
        found = readcache.read_cache(self.cache_path(slug), readcache.text_key(text), __version__)
        if not isinstance(found, dict):
            return None
        self._seen[slug] = (text, found)
        return found

    def _remember(self, slug: str, text: str, pairing: Pairing) -> dict[str, Any]:
        dump = pairing.model_dump(mode="json")
        self._keep(slug, text, dump)
        return dump

    def _keep(self, slug: str, text: str, dump: dict[str, Any]) -> None:
        self._seen[slug] = (text, dump)
        readcache.write_cache(self.cache_path(slug), readcache.text_key(text), __version__, dump)

    def load_full(self, slug: str) -> Loaded:
        """The pairing as a model that may be changed and saved."""
        from revmentor.model import Pairing

        text = self.read_text(slug)
        path = self.path_for(slug)
        dump = self._cached(slug, text)
        pairing = None
        if dump is not None:
            from pydantic import ValidationError

            with contextlib.suppress(ValidationError):
                pairing = Pairing.model_validate(dump)
        if pairing is None:
            _, pairing = parse(text, path)
            self._remember(slug, text, pairing)
        return Loaded(slug, path, text, pairing)

    def load(self, slug: str) -> Pairing:
        return self.load_full(slug).pairing

    def read(self, slug: str) -> Pairing:
        """The pairing for reading only: a view of its validated data, with no models built.

        Use it in commands that show or export; use `load` or `update` to change a pairing.
        """
        from revmentor.records import pairing_view

        text = self.read_text(slug)
        dump = self._cached(slug, text)
        if dump is None:
            _, pairing = parse(text, self.path_for(slug))
            dump = self._remember(slug, text, pairing)
        return pairing_view(dump)

    def read_all(self) -> list[tuple[str, Pairing | InvalidFile]]:
        """Every pairing for reading only, or the reason it could not be read."""
        out: list[tuple[str, Pairing | InvalidFile]] = []
        for slug in self.slugs():
            try:
                out.append((slug, self.read(slug)))
            except InvalidFile as exc:
                out.append((slug, exc))
        return out

    # --- writing --------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, slug: str) -> Iterator[None]:
        self._dir(self.pairings_dir)
        with file_lock(self.pairings_dir / f".{check_slug(slug)}.lock"):
            yield

    def _dir(self, path: Path) -> Path:
        """Create `path` and every folder of ours above it, private to the owner."""
        ensure_dir(self.home)
        for part in reversed(path.relative_to(self.home).parents[:-1]):
            ensure_dir(self.home / part)
        return ensure_dir(path)

    def _backup(self, slug: str, text: str) -> None:
        # A sequence number orders backups even when the clock stands still or jumps back;
        # the time stamp is there for people browsing the folder.
        folder = self._dir(self.backups_dir / slug)
        existing = self.backups(slug)
        seq = int(existing[-1].name.split("-", 1)[0]) + 1 if existing else 1
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        atomic_write(folder / f"{seq:06d}-{stamp}.yaml", text)
        for old in self.backups(slug)[:-KEEP_BACKUPS]:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()

    def backups(self, slug: str) -> list[Path]:
        """Backups of a pairing, oldest first."""
        folder = self.backups_dir / check_slug(slug)
        if not folder.is_dir():
            return []
        found = [p for p in folder.glob("*.yaml") if p.name.split("-", 1)[0].isdigit()]
        return sorted(found, key=lambda p: int(p.name.split("-", 1)[0]))

    def _write(self, loaded: Loaded, pairing: Pairing) -> None:
        new = pairing.to_data()
        old = loaded.pairing.to_data()
        if new == old:
            return
        from revmentor import yamlio

        text = yamlio.dump_update(loaded.text, old, new)
        self._backup(loaded.slug, loaded.text)
        atomic_write(loaded.path, text)
        self._remember(loaded.slug, text, pairing)

    @contextlib.contextmanager
    def update(self, slug: str, *, allow_concluded: bool = False) -> Iterator[Pairing]:
        """Lock, read the latest version, let the caller change it, then save it.

        Reading under the lock is what lets two processes each add a session without
        either overwriting the other's.
        """
        path = self.path_for(slug)
        if not path.exists():
            self.read_text(slug)  # raises the friendly NotFound
        with self.lock(slug):
            loaded = self.load_full(slug)
            if loaded.pairing.state == "concluded" and not allow_concluded:
                raise Concluded.read_only(slug)
            working = loaded.pairing.model_copy(deep=True)
            yield working
            validated = type(working).model_validate(working.to_data())
            self._write(loaded, validated)

    def append(
        self,
        slug: str,
        key: str,
        item: Mapping[str, Any],
        check: Callable[[Pairing], None] | None = None,
    ) -> Pairing:
        """Add `item` at the end of the top-level list `key`; return the pairing as saved.

        `item` is data already checked against the file format, in the model's JSON form.
        Under the lock the latest version is read, refused when concluded, and handed to
        `check`, which may raise to cancel. When the cache holds that version and the
        list is laid out as revmentor writes it, the item is spliced into the text with
        no model built; otherwise the save goes through `update`.
        """
        from revmentor.records import file_form, pairing_view

        path = self.path_for(slug)
        if not path.exists():
            self.read_text(slug)  # raises the friendly NotFound
        with self.lock(slug):
            text = self.read_text(slug)
            dump = self._cached(slug, text)
            if dump is not None and isinstance(dump.get(key), list):
                current = pairing_view(dump)
                if current.state == "concluded":
                    raise Concluded.read_only(slug)
                if check is not None:
                    check(current)
                from revmentor import yamlio

                new_text = yamlio.append_items(text, key, [file_form(item)])
                if new_text is not None:
                    new_dump = {**dump, key: [*dump[key], dict(item)]}
                    self._backup(slug, text)
                    atomic_write(path, new_text)
                    self._keep(slug, new_text, new_dump)
                    return pairing_view(new_dump)
        return self._append_slowly(slug, key, item, check)

    def _append_slowly(
        self,
        slug: str,
        key: str,
        item: Mapping[str, Any],
        check: Callable[[Pairing], None] | None,
    ) -> Pairing:
        import typing

        from revmentor.model import Pairing

        item_model = typing.get_args(Pairing.model_fields[key].annotation)[0]
        with self.update(slug) as fresh:
            if check is not None:
                check(fresh)
            getattr(fresh, key).append(item_model.model_validate(item))
        return fresh

    def create(self, slug: str, pairing: Pairing) -> Path:
        path = self.path_for(slug)
        with self.lock(slug):
            if path.exists():
                raise AlreadyExists(
                    f"a pairing called '{slug}' already exists",
                    "Choose another name with --name, or change it with `revmentor edit`.",
                )
            from revmentor import yamlio

            text = yamlio.dump_new(pairing.to_data(), FILE_HEADER)
            atomic_write(path, text)
            self._remember(slug, text, pairing)
        return path

    def replace_text(self, slug: str, text: str) -> Pairing:
        """Save hand-edited text after checking it; the old version goes to backups."""
        path = self.path_for(slug)
        _, pairing = parse(text, path)
        with self.lock(slug):
            if path.exists():
                self._backup(slug, path.read_text(encoding="utf-8"))
            atomic_write(path, text)
            self._remember(slug, text, pairing)
        return pairing

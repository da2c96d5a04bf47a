"""Every read and write of pairing files.

Writes take a per-pairing lock, keep the previous version in backups/, check that what
they are about to write reads back as the data intended, and replace the file
atomically, so a crash at any moment leaves either the old file or the new one. A file
that does not parse or validate is reported with its line and never written over.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from revmentor import readcache
from revmentor.errors import AlreadyExists, BadInput, Concluded, InvalidFile, NotFound, SaveError
from revmentor.files import (
    DIR_MODE,
    FILE_MODE,
    atomic_write,
    clean_folder_temp_files,
    clean_temp_files,
    locked,
    make_dirs,
    odd_file,
    read_regular_file,
    warn_once,
)
from revmentor.vocab import SCHEMA_VERSION, SLUG_RE

if TYPE_CHECKING:
    from pydantic import BaseModel

    from revmentor.model import Pairing
    from revmentor.yamlio import Tails

M = TypeVar("M", bound="BaseModel")

__all__ = ["DIR_MODE", "FILE_HEADER", "FILE_MODE", "Loaded", "Store", "parse"]

ENV_HOME = "REVMENTOR_HOME"
KEEP_BACKUPS = 20

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
    # The validated data in its JSON form, as the read cache keeps it.
    dump: dict[str, Any]
    # Where the text's top-level lists end, as a parse of exactly `text` found them.
    tails: Tails


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
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (check its spelling against the file format in the README)"
        elif err["type"] == "missing":
            msg = "required but missing"
        out.append(f"{path}:{line or 1}: {field}: {msg}")
    return out


def _mapping(text: str, path: Path, what: str, tails: Tails | None = None) -> dict[str, Any]:
    from revmentor import yamlio

    try:
        data = yamlio.load(text, tails)
    except yamlio.YAMLProblem as exc:
        raise InvalidFile(str(path), [f"{path}:{exc.line or 1}: {exc.message}"]) from None
    if not isinstance(data, dict):
        raise InvalidFile(str(path), [f"{path}:1: {what} must be a mapping of keys to values"])
    return data


def _validated(text: str, path: Path, cls: type[M], data: Any, hint: str | None = None) -> M:
    from pydantic import ValidationError

    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        raise InvalidFile(str(path), _problems(path, text, exc), hint) from None
    except (RecursionError, MemoryError):
        raise InvalidFile(str(path), [f"{path}:1: the file is too deeply nested"]) from None


def parse(text: str, path: Path, tails: Tails | None = None) -> tuple[dict[str, Any], Pairing]:
    """Parse and validate pairing text; raise InvalidFile naming path, line and field.
    With `tails`, where the text's top-level lists end is noted in it."""
    from revmentor.model import Pairing

    data = _migrate(_mapping(text, path, "the file", tails), path)
    hint = "The file was left as it is. Fix it by hand, or run `revmentor edit`."
    return data, _validated(text, path, Pairing, data, hint)


def parse_part(text: str, path: Path, cls: type[M]) -> M:
    """One part of a pairing (a session, say) written as YAML on its own, validated as
    `cls`; InvalidFile names the line and field, as `parse` does for a whole file."""
    return _validated(text, path, cls, _mapping(text, path, "it"))


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


def _reads_back(path: Path, text: str, intended: dict[str, Any], tails: Tails) -> bool:
    """Whether `text` reads and validates as exactly the pairing data `intended`; where
    its top-level lists end is noted in `tails`."""
    tails.clear()
    try:
        _, again = parse(text, path, tails)
    except InvalidFile:
        return False
    return again.to_data() == intended


def _tails(found: Any) -> Tails:
    """The tails a cache entry holds, or none when it holds something else."""
    if not isinstance(found, dict):
        return {}
    out: Tails = {}
    for key, where in found.items():
        if isinstance(where, list) and len(where) == 2 and all(type(i) is int for i in where):
            out[key] = (where[0], where[1])
    return out


def _unsaved(path: Path, why: str) -> SaveError:
    return SaveError(
        f"could not save {path}: {why}",
        "Nothing was changed. Run again with --debug and report it.",
    )


class Store:
    """Pairing files under one data folder."""

    def __init__(self, home: Path | None = None, *, command: str = "") -> None:
        self.home = (home or default_home()).expanduser()
        # The command making changes, named in the backups it leaves.
        self.command = command
        # The last text read per pairing and its validated data, so that reading the
        # same text again in this process (under a lock, say) costs nothing.
        self._seen: dict[str, tuple[str, dict[str, Any], Tails]] = {}

    @property
    def pairings_dir(self) -> Path:
        return self.home / "pairings"

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def path_for(self, slug: str) -> Path:
        return self.pairings_dir / f"{check_slug(slug)}.yaml"

    def slugs(self) -> list[str]:
        """The pairings in the folder; a FIFO, device, folder or broken link named like
        one is skipped with a warning (`doctor` lists it), so nothing waits on it."""
        if not self.pairings_dir.is_dir():
            return []
        found = []
        for path in self.pairings_dir.glob("*.yaml"):
            if not SLUG_RE.match(path.stem):
                continue
            why = odd_file(path)
            if why is not None:
                warn_once(f"skipped {path}: it is {why}")
                continue
            found.append(path.stem)
        return sorted(found)

    def exists(self, slug: str) -> bool:
        """Whether anything, even a broken link, holds the pairing's name."""
        return os.path.lexists(self.path_for(slug))

    def read_text(self, slug: str) -> str:
        path = self.path_for(slug)
        try:
            return read_regular_file(path)
        except FileNotFoundError:
            if os.path.islink(path):
                why = odd_file(path)
                raise InvalidFile(str(path), [f"{path}:1: {why}"], "Remove the link.") from None
            raise NotFound(
                f"no pairing called '{slug}'",
                "See `revmentor list` for the pairings you have.",
            ) from None
        except OSError as exc:
            raise InvalidFile(str(path), [f"{path}:1: cannot be read ({exc.strerror})"]) from None

    # --- reading --------------------------------------------------------------
    #
    # The cache holds, per pairing, the validated pairing's JSON dump for the file's exact
    # text under the current schema, so an unchanged file is neither parsed nor validated
    # again. Any change to the text, a hand edit included, misses the cache.

    def cache_path(self, slug: str) -> Path:
        return self.cache_dir / f"{check_slug(slug)}.json"

    def _cached(self, slug: str, text: str) -> tuple[dict[str, Any], Tails] | None:
        seen = self._seen.get(slug)
        if seen is not None and seen[0] == text:
            return seen[1], seen[2]
        found = readcache.read_cache(self.cache_path(slug), readcache.text_key(text))
        if found is None:
            return None
        dump, tails = found.get("pairing"), _tails(found.get("tails"))
        if not isinstance(dump, dict):
            return None
        self._seen[slug] = (text, dump, tails)
        return dump, tails

    def _keep(self, slug: str, text: str, dump: dict[str, Any], tails: Tails) -> None:
        self._seen[slug] = (text, dump, tails)
        entry = {"pairing": dump, "tails": tails}
        readcache.write_cache(self.cache_path(slug), readcache.text_key(text), entry)

    def _load(self, slug: str, reuse: Pairing | None = None) -> Loaded:
        """The pairing as its file holds it now. `reuse` is a pairing read earlier: when
        its data is still exactly the file's, it is used as it is rather than built again
        (a long pairing takes a while to build)."""
        from revmentor.model import Pairing, from_validated

        text = self.read_text(slug)
        path = self.path_for(slug)
        found = self._cached(slug, text)
        if found is not None:
            dump, tails = found
            if reuse is not None and reuse.model_dump(mode="json") == dump:
                return Loaded(slug, path, text, reuse, dump, tails)
            return Loaded(slug, path, text, from_validated(Pairing, dump), dump, tails)
        tails = {}
        _, pairing = parse(text, path, tails)
        dump = pairing.model_dump(mode="json")
        self._keep(slug, text, dump, tails)
        return Loaded(slug, path, text, pairing, dump, tails)

    def read(self, slug: str) -> Pairing:
        """The pairing as its file holds it now (validated, from the cache when unchanged)."""
        return self._load(slug).pairing

    def read_all(self) -> list[tuple[str, Pairing | InvalidFile]]:
        """Every pairing, or the reason it could not be read."""
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
        make_dirs(self.pairings_dir)
        with locked(self.path_for(slug)):
            yield

    def new_backup_path(self, slug: str) -> Path:
        """Where the next backup of `slug` goes (its folder is made if missing)."""
        # A sequence number orders backups even when the clock stands still or jumps back;
        # the time stamp and the command are there for people browsing the folder.
        folder = make_dirs(self.backups_dir / check_slug(slug))
        clean_folder_temp_files(folder)  # under the pairing's lock, like every backup
        existing = self.backups(slug)
        seq = int(existing[-1].name.split("-", 1)[0]) + 1 if existing else 1
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        command = f"-{self.command}" if self.command and SLUG_RE.match(self.command) else ""
        return folder / f"{seq:06d}-{stamp}{command}.yaml"

    def _backup(self, slug: str, text: str) -> None:
        atomic_write(self.new_backup_path(slug), text, change=False)
        for old in self.backups(slug)[:-KEEP_BACKUPS]:
            # An old backup that cannot be removed only means one more is kept.
            with contextlib.suppress(OSError):
                old.unlink()

    def backups(self, slug: str) -> list[Path]:
        """Backups of a pairing, oldest first."""
        folder = self.backups_dir / check_slug(slug)
        if not folder.is_dir():
            return []
        found = [p for p in folder.glob("*.yaml") if p.name.split("-", 1)[0].isdigit()]
        return sorted(found, key=lambda p: int(p.name.split("-", 1)[0]))

    def _replace(
        self, slug: str, old_text: str | None, text: str, dump: dict[str, Any], tails: Tails
    ) -> None:
        """Write checked `text` over the pairing (under its lock), keeping the old version."""
        path = self.path_for(slug)
        clean_temp_files(path)
        if old_text is not None:
            self._backup(slug, old_text)
        atomic_write(path, text)
        self._keep(slug, text, dump, tails)

    def _write(self, loaded: Loaded, old: dict[str, Any], pairing: Pairing) -> None:
        from revmentor import yamlio

        new = pairing.to_data()
        if new == old:
            return
        dump = pairing.model_dump(mode="json")
        tails: Tails = {}
        try:
            text = yamlio.dump_update(
                loaded.text, old, new, lambda t: _reads_back(loaded.path, t, new, tails)
            )
        except yamlio.YAMLProblem as exc:
            raise _unsaved(loaded.path, exc.message) from None
        self._replace(loaded.slug, loaded.text, text, dump, tails)

    def _append_checked(
        self, loaded: Loaded, key: str, items: list[Any], intended: dict[str, Any]
    ) -> Pairing | None:
        """Save `loaded` with `items` added at the end of its top-level list `key`, when
        the text allows it to be checked without reading the whole file again, and return
        the pairing saved; None, with nothing written, when it does not.

        The new text reads as the old text's data with the items' own lines added
        (`yamlio.append_at_tail` checks that), and the old data is what this schema
        validated the old text to, so the whole pairing is validated from those: the
        result must be exactly `intended`, the pairing's validated data with the items.
        """
        from pydantic import ValidationError

        from revmentor import yamlio
        from revmentor.model import Pairing

        if not isinstance(loaded.dump.get(key), list):
            return None
        grown = yamlio.append_at_tail(loaded.text, key, items, loaded.tails)
        if grown is None:
            return None
        text, tails = grown
        data = dict(loaded.dump)
        data[key] = [*data[key], *yamlio.as_loaded(items)]
        try:
            again = Pairing.model_validate(data)
        except ValidationError:
            return None
        if again.model_dump(mode="json") != intended:
            return None
        self._replace(loaded.slug, loaded.text, text, intended, tails)
        return again

    @contextlib.contextmanager
    def update(
        self, slug: str, *, allow_concluded: bool = False, reuse: Pairing | None = None
    ) -> Iterator[Pairing]:
        """Lock, read the latest version, let the caller change it, then save it.

        Reading under the lock is what lets two processes each add a session without
        either overwriting the other's. The changed pairing is validated as a whole
        before anything is written; an exception inside the block saves nothing.
        `reuse`: a pairing the caller read and is done with; when it is still the latest
        version, it is the one changed and saved.
        """
        from revmentor import yamlio
        from revmentor.model import Pairing

        path = self.path_for(slug)
        if not path.exists():
            self.read_text(slug)  # raises the friendly NotFound
        with self.lock(slug):
            loaded = self._load(slug, reuse)
            if loaded.pairing.state == "concluded" and not allow_concluded:
                raise Concluded.read_only(slug)
            old = loaded.pairing.to_data()
            yield loaded.pairing
            new = loaded.pairing.to_data()
            if new == old:
                return
            # Items added at the end of one list are checked as saved, the whole pairing
            # validated as the file holds it; any other change is validated first.
            added = yamlio.added_items(old, new)
            if added is not None:
                intended = loaded.pairing.model_dump(mode="json")
                if self._append_checked(loaded, *added, intended) is not None:
                    return
            self._write(loaded, old, Pairing.model_validate(new))

    def append(
        self,
        slug: str,
        key: str,
        item: BaseModel,
        check: Callable[[Pairing], None] | None = None,
        reuse: Pairing | None = None,
    ) -> Pairing:
        """Add `item` (a validated model) at the end of the top-level list `key`.

        Under the lock the latest version is read, refused when concluded, and handed to
        `check`, which may raise to cancel. When the list is laid out as a block list, the
        item's lines are added to the text, checked by `_append_checked` or else by
        reading the whole new text back, and compared with the old data plus the item;
        otherwise the save goes through `update`. Returns the
        pairing as saved. `reuse` is as for `update`; it is only read, never changed.
        """
        from revmentor import yamlio

        path = self.path_for(slug)
        if not path.exists():
            self.read_text(slug)  # raises the friendly NotFound
        with self.lock(slug):
            loaded = self._load(slug, reuse)
            current = loaded.pairing
            if current.state == "concluded":
                raise Concluded.read_only(slug)
            if check is not None:
                check(current)
            item_data = item.model_dump(mode="python", by_alias=True, exclude_none=True)
            dump = dict(loaded.dump)
            dump[key] = [*dump[key], item.model_dump(mode="json")]
            saved = self._append_checked(loaded, key, [item_data], dump)
            if saved is not None:
                return saved
            new_text = yamlio.append_items(loaded.text, key, [item_data])
            if new_text is not None:
                tails: Tails = {}
                saved = self._appended(loaded.path, new_text, dump, tails)
                if saved is not None:
                    self._replace(slug, loaded.text, new_text, dump, tails)
                    return saved
        # Laid out otherwise: the whole pairing is saved, from its latest version again.
        with self.update(slug) as fresh:
            if check is not None:
                check(fresh)
            getattr(fresh, key).append(item)
        return fresh

    @staticmethod
    def _appended(
        path: Path, new_text: str, intended: dict[str, Any], tails: Tails
    ) -> Pairing | None:
        """The pairing `new_text` holds when it reads and validates as exactly `intended`
        (the old pairing's validated data with the item added), else None: one parse of
        the new text, none of the old. Where its lists end is noted in `tails`."""
        try:
            _, again = parse(new_text, path, tails)
        except InvalidFile:
            return None
        return again if again.model_dump(mode="json") == intended else None

    def create(self, slug: str, pairing: Pairing) -> Path:
        from revmentor import yamlio

        path = self.path_for(slug)
        with self.lock(slug):
            if os.path.lexists(path):
                raise AlreadyExists(
                    f"a pairing called '{slug}' already exists",
                    "Choose another name with --name, or change it with `revmentor edit`.",
                )
            text = yamlio.dump_new(pairing.to_data(), FILE_HEADER)
            tails: Tails = {}
            if not _reads_back(path, text, pairing.to_data(), tails):
                raise _unsaved(path, "the new file would not read back as intended")
            self._replace(slug, None, text, pairing.model_dump(mode="json"), tails)
        return path

    def replace_text(self, slug: str, text: str, *, expected: str | None = None) -> Pairing:
        """Save hand-edited text after checking it; the old version goes to backups.

        With `expected`, the file must still hold exactly that text (what the editor was
        opened on), or nothing is written and Conflict is raised.
        """
        from revmentor.errors import Conflict

        path = self.path_for(slug)
        tails: Tails = {}
        _, pairing = parse(text, path, tails)
        with self.lock(slug):
            current = self.read_text(slug) if path.exists() else None
            if expected is not None and current != expected:
                raise Conflict(f"'{slug}' changed while you were editing it")
            self._replace(slug, current, text, pairing.model_dump(mode="json"), tails)
        return pairing

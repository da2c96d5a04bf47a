"""Writing files safely: one lock and one atomic replace for everything revmentor keeps.

Pairings, their backups, the start draft, the self-check history, the read cache and
exported files all go through `atomic_write`, so a process killed at any moment leaves
either the old file or the new one, never half of either. Folders revmentor creates are
private to their owner; folders someone else made are left as they are.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from revmentor.errors import InvalidFile, SaveError
from revmentor.vocab import MAX_FILE_BYTES

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"

POSIX = os.name == "posix"

# Files this process has replaced for good (the read cache aside), newest last, so an
# error after a save never claims that nothing was saved.
SAVED: list[Path] = []


def _why(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    return exc.strerror or type(exc).__name__


def save_error(path: Path, exc: OSError, what: str = "save") -> SaveError:
    """A sentence naming the file, for an OSError met while writing it."""
    return SaveError(
        f"could not {what} {path}: {_why(exc)}",
        "Nothing was changed. Free some space or fix the folder's permissions, then run "
        "the command again.",
    )


def make_dirs(path: Path) -> Path:
    """Create `path` and any missing parents, private to the owner.

    Only folders made here are made private: an existing folder keeps the mode its owner
    gave it (`doctor` reports one that others can read).
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        except OSError as exc:
            raise save_error(folder, exc, "create the folder") from None
        if POSIX:
            # mkdir's mode is reduced by the umask; this folder is ours to tighten.
            with contextlib.suppress(OSError):
                os.chmod(folder, DIR_MODE)
    if not path.is_dir():
        raise SaveError(f"{path} is not a folder", "Move the file aside, then run again.")
    if POSIX and not missing:
        _check_existing(path)
    return path


def _check_existing(folder: Path) -> None:
    """A folder someone else made keeps its mode: refused when its owner made it read-only
    (even for root, who could write there anyway), a warning when others can get in."""
    try:
        mode = stat.S_IMODE(os.stat(folder).st_mode)
    except OSError:
        return
    if not mode & stat.S_IWUSR:
        raise SaveError(
            f"{folder} is read-only (mode {mode:o}), so nothing was written there",
            f"Nothing was changed. Make it writable (chmod u+w '{folder}') if revmentor "
            "should save there, or use another --home.",
        )
    if mode & 0o077:
        warn_once(
            f"{folder} can be read by others (mode {mode:o}); revmentor leaves the folders "
            f"it did not make as they are (chmod {DIR_MODE:o} '{folder}' makes it private)"
        )


_WARNED: set[str] = set()


def warn_once(message: str) -> None:
    """Say `message` on stderr, once per process: a thing worth knowing, not an error."""
    import sys

    if message in _WARNED or sys.stderr is None:
        return
    _WARNED.add(message)
    shown = message.encode("utf-8", "backslashreplace").decode("utf-8")
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"Warning: {shown}\n")


def odd_file(path: Path) -> str | None:
    """Why `path` cannot be a file revmentor reads (a FIFO, a device, a folder, a link to
    nothing), or None for a regular file. Never opens it, so nothing can block."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            return f"a link to {os.readlink(path)}, which does not exist"
        return "missing"
    except OSError as exc:
        return f"not readable ({exc.strerror})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def temp_files(target: Path) -> list[Path]:
    """Copies a killed save may have left beside `target` (beside the file a link names)."""
    target = real_target(target)
    folder = target.parent
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f".{target.name}.*{TEMP_SUFFIX}"))


def _fsync_dir(folder: Path) -> None:
    # Windows cannot open a folder to fsync it; its file system journals the rename.
    if not POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def real_target(path: Path) -> Path:
    """Where a write to `path` should land: through a symlink, at the file it points to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def atomic_write(
    path: Path,
    text: str | bytes,
    *,
    mode: int = FILE_MODE,
    durable: bool = True,
    change: bool = True,
) -> None:
    """Replace `path` with `text` so that a crash leaves the old file or the new, never half.

    The new content goes to a temporary file in the same folder, is flushed to disk, and
    then renamed over the old one; the folder is flushed too, so the rename survives a
    power cut. A symlinked `path` keeps its link: the file it points to is replaced.
    `durable=False` skips the flushes, for copies that may be lost (the read cache);
    `change=False` marks a copy of an old version (a backup), which changes nothing.
    """
    import tempfile  # only writes need it; reads start faster without

    target = real_target(path)
    if target.exists() and not target.is_file():
        raise SaveError(
            f"{path} is not a regular file, so it was not replaced",
            "Choose another file name.",
        )
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
        )
    except OSError as exc:
        raise save_error(path, exc) from None
    try:
        # Windows has no fchmod (and only a read-only flag): the chmod below stands in.
        fchmod = getattr(os, "fchmod", None)
        if POSIX and fchmod is not None:
            fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if not POSIX or fchmod is None:
            os.chmod(tmp, stat.S_IREAD | stat.S_IWRITE)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise save_error(path, exc) from None
        raise
    if durable and change:
        SAVED.append(path)
    if durable:
        # If this fails the file is in place; only its surviving a power cut is less sure.
        with contextlib.suppress(OSError):
            _fsync_dir(target.parent)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the lock of `path` (a `.NAME.lock` file beside it) for the duration.

    Every writer of a file takes its lock, reads the latest version, and writes; so two
    processes never lose each other's change.
    """
    import warnings

    with warnings.catch_warnings():
        # Where fcntl is missing filelock falls back to its lock file alone, and says so
        # once, at import, to the person running the command: a note for developers.
        warnings.filterwarnings("ignore", "only soft file lock", UserWarning)
        from filelock import FileLock, Timeout

    make_dirs(path.parent)
    lock = FileLock(path.parent / f".{path.name}.lock", mode=FILE_MODE)
    try:
        lock.acquire(timeout=60)
    except Timeout:
        raise SaveError(
            f"{path} is locked by another revmentor that has not finished in a minute",
            "Wait for it to finish, then run the command again.",
        ) from None
    except OSError as exc:
        raise save_error(path, exc, "lock") from None
    try:
        yield
    finally:
        lock.release()


def remove_leftovers(folder: Path, lock: Path | None = None) -> list[Path]:
    """Remove the copies killed saves left in `folder`, each only when the lock of the file
    it was replacing (or `lock`, the one all writes there take) can be taken at once, so
    no save under way loses its copy."""
    from filelock import FileLock, Timeout

    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for leftover in sorted(folder.glob(f".*{TEMP_SUFFIX}")):
        # mkstemp's names are `.<file name>.<letters, digits, _>.tmp`.
        target = leftover.name[1:].rsplit(".", 2)[0]
        held = FileLock(lock or folder / f".{target}.lock", mode=FILE_MODE)
        try:
            held.acquire(timeout=0)
        except (Timeout, OSError):
            continue
        try:
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            pass
        finally:
            held.release()
    return removed


def clean_temp_files(target: Path) -> None:
    """Remove copies an interrupted save of `target` left; call it holding its lock."""
    _unlink_all(temp_files(target))


def clean_folder_temp_files(folder: Path) -> None:
    """Remove every copy interrupted saves left in `folder`, whose files are all written
    under one lock; call it holding that lock."""
    _unlink_all(sorted(folder.glob(f".*{TEMP_SUFFIX}")))


def _unlink_all(paths: list[Path]) -> None:
    for leftover in paths:
        with contextlib.suppress(OSError):
            leftover.unlink()


def is_readable_by_others(path: Path) -> bool:
    if not POSIX:
        return False
    return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def _read_capped(fd: int, limit: int) -> bytes | None:
    """What the open regular file `fd` holds, or None once it runs past `limit` bytes."""
    chunks = []
    size = 0
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None
    return b"".join(chunks)


def read_regular_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes | None:
    """The bytes of `path`, or None when it is not a regular file or is over `limit`.

    For files that may be lost (the read cache): never blocks on a FIFO, never reads on.
    """
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        return _read_capped(fd, limit) if stat.S_ISREG(os.fstat(fd).st_mode) else None
    except OSError:
        return None
    finally:
        os.close(fd)


def read_regular_file(path: Path) -> str:
    """The text of `path`, refusing what is not a regular file or is too large to be ours.

    Opened without blocking, so a FIFO or a device named `*.yaml` is reported rather than
    waited on, and read no further than the size limit (a link to /dev/zero ends there).
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            why = odd_file(path) or "not a regular file"
            raise InvalidFile(str(path), [f"{path}:1: {why}"], "Move it out of the folder.")
        data = _read_capped(fd, MAX_FILE_BYTES)
    finally:
        os.close(fd)
    if data is None:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise InvalidFile(
            str(path), [f"{path}:1: the file is over the {limit} MiB a pairing may hold"]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidFile(str(path), [f"{path}:1: not UTF-8 text ({exc.reason})"]) from None


def move(source: Path, target: Path) -> None:
    """Rename `source` to `target` in one step (a file or a folder), flushed to disk.

    `os.replace` is atomic: a process killed at any moment leaves it at one name or the
    other. The caller checks that `target` is free, under the locks concerned.
    """
    try:
        os.replace(source, target)
    except OSError as exc:
        raise save_error(target, exc, f"move {source} to") from None
    for folder in {source.parent, target.parent}:
        with contextlib.suppress(OSError):
            _fsync_dir(folder)

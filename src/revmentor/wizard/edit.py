"""Editing a pairing file by hand, safely: edit a copy, validate, then save."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from revmentor.errors import BadInput, Conflict, InvalidFile
from revmentor.store import Store, parse


def keep_edit(st: Store, slug: str, text: str) -> Path:
    """Keep an edit that could not be saved beside the start draft, private to the owner."""
    from datetime import datetime

    from revmentor.files import atomic_write, make_dirs

    folder = make_dirs(st.home / "drafts")
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    kept = folder / f"edit-{slug}-{stamp}.yaml"
    n = 1
    while kept.exists() or kept.is_symlink():
        n += 1
        kept = folder / f"edit-{slug}-{stamp}-{n}.yaml"
    atomic_write(kept, text)
    return kept


def save_edit(st: Store, slug: str, text: str, *, opened: str) -> None:
    """Save `text` over the pairing, unless the file no longer holds what was `opened`.

    Another revmentor may have saved the pairing while the editor was open; its change
    is kept, and the edit goes to a private copy the message names.
    """
    try:
        st.replace_text(slug, text, expected=opened)
    except Conflict:
        kept = keep_edit(st, slug, text)
        raise Conflict(
            f"'{slug}' changed while you were editing it, so your edit was not saved; "
            f"it is kept in {kept}",
            f"The pairing keeps the change saved meanwhile. Run `revmentor edit {slug}` "
            "again and carry your edit over from that copy.",
        ) from None


def _editor() -> list[str]:
    cmd = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not cmd:
        raise BadInput(
            "no editor is set",
            "Set $VISUAL or $EDITOR (e.g. export EDITOR=nano), or edit the file shown by "
            "`revmentor paths` directly and check it with `revmentor doctor`.",
        )
    return shlex.split(cmd)


def edit_until_valid(
    original: str, *, name: str, check: Callable[[str], None], ask: bool, what: str
) -> str | None:
    """Open a copy of `original` in the editor until `check` accepts it, or it is discarded.

    `check` raises InvalidFile for text it refuses; its problems are shown and, with
    `ask`, the editor can be opened again. Returns the accepted text, or None when the
    text came back unchanged. A discarded edit raises InvalidFile naming `what`.
    """
    from revmentor.views.console import out

    editor = _editor()
    fd, tmp_name = tempfile.mkstemp(prefix=f"{name}.", suffix=".yaml")
    tmp = Path(tmp_name)
    try:
        os.write(fd, original.encode("utf-8"))
        os.close(fd)
        while True:
            try:
                result = subprocess.run([*editor, str(tmp)], check=False)
            except OSError as exc:
                raise BadInput(
                    f"could not start the editor '{editor[0]}': {exc.strerror}",
                    "Check $VISUAL / $EDITOR (e.g. export EDITOR=nano).",
                ) from None
            if result.returncode != 0:
                raise BadInput(
                    f"the editor exited with code {result.returncode}; nothing was saved"
                )
            text = tmp.read_text(encoding="utf-8")
            if text == original:
                return None
            try:
                check(text)
            except InvalidFile as exc:
                from revmentor.views.text import esc

                for line in exc.problems:
                    out().print(f"[red]{esc(line)}[/]")
                if ask:
                    from revmentor import prompts

                    if prompts.confirm("Reopen the editor to fix it? (No discards your edit)"):
                        continue
                raise InvalidFile(
                    exc.path,
                    [f"your edit of {what} is not valid, so it was discarded"],
                    "The pairing file is unchanged.",
                ) from None
            return text
    finally:
        tmp.unlink(missing_ok=True)


def edit_pairing(st: Store, slug: str, *, ask: bool) -> None:
    """Open a copy in the editor until it validates or the user discards it."""
    from revmentor.views.console import out

    original = st.read_text(slug)
    path = st.path_for(slug)

    def check(text: str) -> None:
        parse(text, path)

    text = edit_until_valid(original, name=slug, check=check, ask=ask, what=f"'{slug}'")
    if text is None:
        out().print("No changes.")
        return
    save_edit(st, slug, text, opened=original)
    out().print(f"Saved {st.path_for(slug)} (the previous version is in backups).")

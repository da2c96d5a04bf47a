"""`revmentor sessions`: list, show, edit and remove logged sessions by number or date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.coach import session_list as sl
from revmentor.errors import BadInput, Concluded, Conflict
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.model import Pairing
    from revmentor.store import Store


def split(args: Sequence[str], verb: str) -> tuple[str | None, str]:
    """`[PAIRING] N|DATE` as typed: one word is the session, two are pairing and session."""
    if len(args) == 1:
        return None, args[0]
    if len(args) == 2:
        return args[0], args[1]
    raise BadInput(
        "name one session, by its number or its date" if not args else "too many arguments",
        f"For example: revmentor sessions {verb} helen-sam 3",
    )


def _chosen(
    st: Store, args: Sequence[str], verb: str, *, tty: bool, today: date
) -> tuple[str, Pairing, sl.Numbered]:
    name, ref = split(args, verb)
    slug = pick(st, name, command=f"revmentor sessions {verb}", tty=tty)
    p = st.read(slug)
    return slug, p, sl.find(p, ref, today)


def _again(fresh: Pairing, chosen: sl.Numbered, slug: str) -> int:
    """Where the chosen session sits in the latest version, which must still hold it."""
    index = chosen.index
    if index >= len(fresh.sessions) or fresh.sessions[index] != chosen.session:
        raise Conflict(
            f"session {chosen.number} of '{slug}' changed in the meantime; nothing was saved",
            "Look at it again with `revmentor sessions show`.",
        )
    return index


def list_sessions(st: Store, pairing: str | None, *, as_json: bool, tty: bool) -> None:
    from revmentor.views.sessions import render_list, sessions_json

    slug = pick(st, pairing, command="revmentor sessions", tty=tty and not as_json)
    every = sl.numbered(st.read(slug))
    if as_json:
        sessions_json(slug, every)
        return
    render_list(slug, every)


def show(st: Store, args: Sequence[str], *, as_json: bool, tty: bool, today: date) -> None:
    from revmentor.views.sessions import render_session, session_json

    slug, p, chosen = _chosen(st, args, "show", tty=tty and not as_json, today=today)
    if as_json:
        session_json(slug, chosen)
        return
    render_session(slug, p, chosen, today)


def edit(st: Store, args: Sequence[str], *, tty: bool, today: date) -> None:
    """That one session in the editor, checked as a session before anything is saved."""
    from revmentor.model import Session
    from revmentor.store import parse_part
    from revmentor.views.console import out
    from revmentor.views.sessions import session_text
    from revmentor.wizard.edit import edit_until_valid

    slug, p, chosen = _chosen(st, args, "edit", tty=tty, today=today)
    if p.state == "concluded":
        raise Concluded.read_only(slug)
    # Problems are named by line of the session as edited, not of the pairing file.
    path = Path(f"{slug}-session-{chosen.number}.yaml")
    where = f"session {chosen.number} of '{slug}'"

    def check(text: str) -> None:
        parse_part(text, path, Session)

    text = edit_until_valid(
        session_text(slug, chosen),
        name=f"{slug}-session-{chosen.number}",
        check=check,
        ask=tty,
        what=where,
    )
    if text is None:
        out().print("No changes.")
        return
    edited = parse_part(text, path, Session)
    with st.update(slug) as fresh:
        fresh.sessions[_again(fresh, chosen, slug)] = edited
    out().print(f"Saved {where} (the previous version is in backups).")


def remove(st: Store, args: Sequence[str], *, yes: bool, tty: bool, today: date) -> None:
    """Remove one session, once confirmed (or with --yes)."""
    from revmentor.views.console import out
    from revmentor.views.sessions import one_line

    slug, p, chosen = _chosen(st, args, "remove", tty=tty, today=today)
    if p.state == "concluded":
        raise Concluded.read_only(slug)
    where = f"session {chosen.number} of '{slug}'"
    if not yes:
        if not tty:
            raise BadInput(
                f"removing {where} needs a yes, and there is no terminal to ask",
                "Add --yes to remove it without asking.",
            )
        from revmentor import prompts

        out().print(one_line(chosen, today))
        if not prompts.confirm(f"Remove {where}?", default=False):
            out().print("Nothing removed.")
            return
    with st.update(slug) as fresh:
        del fresh.sessions[_again(fresh, chosen, slug)]
    out().print(f"Removed {where} (the previous version is in backups).")

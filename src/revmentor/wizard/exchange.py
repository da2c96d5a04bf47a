"""`revmentor share` and `revmentor import`: a pairing's two copies, kept in step by files.

Sharing writes a partner bundle; importing reads one (or a conflicted copy a file-sync
tool left), checks it whole before anything is asked or written, shows what it would
change, and saves through the store, which keeps the previous version in backups.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.errors import AlreadyExists, BadInput, Concluded, InvalidFile, NeedsTerminal
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.coach.exchange import Destination
    from revmentor.model import Pairing
    from revmentor.store import Store

SHARE = "revmentor share"
STDOUT = "-"


def words() -> dict[str, dict[str, str]]:
    from revmentor import content

    found: dict[str, dict[str, str]] = content.load("exchange.yaml")
    return found


# --- share ---------------------------------------------------------------------------


@dataclass
class ShareRequest:
    pairing: str | None = None
    output: str | None = None  # a file, a folder (to hold the default name) or "-"
    force: bool = False


def bundle_name(slug: str) -> str:
    return f"{slug}-shared"


def bundle_text(p: Pairing, on: date, file_name: str) -> str:
    """The bundle of `p` as a file: the pairing file's format, signed, no private notes."""
    from revmentor import yamlio
    from revmentor.coach.exchange import bundle

    b = bundle(p, on)
    data = b.to_data()
    # Who shared it, right under the format's version, where a person opening it looks.
    data = {"schema": data.pop("schema"), "shared": data.pop("shared"), **data}
    import shlex

    shown = shlex.quote(file_name) if file_name.isprintable() else "FILE"
    header = words()["bundle"]["header"].format(
        by=p.me.name, partner=p.partner.name or "your partner", on=on, file=shown
    )
    text = yamlio.dump_new(data, header)
    if read_bundle_text(text, Path(file_name)).to_data() != b.to_data():
        from revmentor.errors import SaveError

        raise SaveError(
            "the bundle would not read back as the pairing it holds, so it was not written",
            "Run again with --debug and report it.",
        )
    return text


def share(st: Store, request: ShareRequest, *, tty: bool, today: date) -> None:
    """Write the partner bundle of a pairing to a file (or standard output)."""
    from revmentor.coach.exchange import NeedsName
    from revmentor.views.exchange import render_shared

    slug = pick(st, request.pairing, command=SHARE, tty=tty)
    p = st.read(slug)
    to_stdout = request.output == STDOUT
    target = None
    if not to_stdout:
        from revmentor.wizard.export import _target, refuse_unsafe

        refuse_unsafe(request.output or ".", bundle_name(slug), "yaml", st.home)
        target = _target(request.output or ".", bundle_name(slug), "yaml", request.force)
    try:
        text = bundle_text(p, today, target.name if target else "FILE")
    except NeedsName as exc:
        raise BadInput(exc.message, words()["hints"]["needs_name"].format(slug=slug)) from None
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from revmentor.files import atomic_write

    atomic_write(target, text)
    render_shared(target, slug, p)


# --- reading a bundle --------------------------------------------------------------------


def read_bundle_text(text: str, path: Path) -> Pairing:
    """A bundle's text as a pairing; InvalidFile with the first problem, on one line."""
    from revmentor import yamlio
    from revmentor.model import Pairing
    from revmentor.store import parse
    from revmentor.vocab import SCHEMA_VERSION

    problems = words()["problems"]
    try:
        data = yamlio.load(text)
    except yamlio.YAMLProblem as exc:
        where = f"{path}:{exc.line or 1}"
        raise InvalidFile(str(path), [f"{where}: {exc.message}"], _nothing()) from None
    keys = {f.alias or name for name, f in Pairing.model_fields.items()}
    if not (isinstance(data, dict) and keys & set(data)):
        raise InvalidFile(str(path), [f"{path}: {problems['not_a_pairing']}"], _nothing())
    version = str(data.get("schema", SCHEMA_VERSION))
    if version.isdigit() and int(version) > SCHEMA_VERSION:
        newer = problems["newer"].format(version=version)
        hint = words()["hints"]["upgrade"].format(schema=SCHEMA_VERSION)
        raise InvalidFile(str(path), [f"{path}:1: {newer}"], hint)
    try:
        return parse(text, path)[1]
    except InvalidFile as exc:
        more = len(exc.problems) - 1
        extra = problems["more"].format(count=more) if more > 0 else ""
        raise InvalidFile(str(path), exc.problems[:1], f"{extra} {_nothing()}".strip()) from None


def _nothing() -> str:
    return words()["hints"]["nothing_imported"]


def read_bundle(path: Path) -> Pairing:
    from revmentor.files import read_regular_file

    try:
        text = read_regular_file(path)
    except InvalidFile as exc:
        raise InvalidFile(str(path), exc.problems[:1], _nothing()) from None
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file", _nothing()) from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})", _nothing()) from None
    b = read_bundle_text(text, path)
    from revmentor.coach.exchange import check_bundle

    try:
        check_bundle(b)
    except BadInput as exc:
        raise BadInput(f"{path}: {exc.message}", _nothing()) from None
    return b


# --- import --------------------------------------------------------------------------------


@dataclass
class ImportRequest:
    file: Path
    into: str | None = None
    name: str | None = None
    dry_run: bool = False
    yes: bool = False


def _where(st: Store, b: Pairing, request: ImportRequest) -> Destination:
    """Which pairing the bundle goes into (or None for a new one), turned which way."""
    from revmentor.coach.exchange import destination
    from revmentor.model import Pairing

    pairings = {s: p for s, p in st.read_all() if isinstance(p, Pairing)}
    if request.into is not None:
        pick(st, request.into, command="revmentor import", tty=False)
        pairings[request.into] = st.read(request.into)  # an invalid file says why here
    try:
        found = destination(b, pairings, request.into)
    except BadInput as exc:
        raise BadInput(f"{request.file}: {exc.message}", exc.hint) from None
    if found.slug is not None and request.name is not None:
        raise BadInput(
            f"--name is for a new pairing, and {request.file} goes into '{found.slug}'",
            "Drop --name to merge it there.",
        )
    return found


def _confirm(request: ImportRequest, question: str, *, tty: bool) -> bool:
    if request.yes:
        return True
    if not tty:
        raise NeedsTerminal(words()["problems"]["no_terminal"], words()["hints"]["no_terminal"])
    from revmentor import prompts

    return prompts.confirm(question, default=True)


def run_import(st: Store, request: ImportRequest, *, tty: bool) -> None:
    """Bring a bundle in: a new pairing from it, or merged into the one it belongs to."""
    from revmentor.views import exchange as view

    b = read_bundle(request.file)
    found = _where(st, b, request)
    view.render_source(request.file, b, found.incoming.mine)
    if found.slug is None:
        _create(st, request, found.incoming.pairing, tty=tty)
    else:
        _merge(st, request, found, tty=tty)


def _create(st: Store, request: ImportRequest, new: Pairing, *, tty: bool) -> None:
    from revmentor.store import check_slug, slugify
    from revmentor.views import exchange as view

    slug = check_slug(request.name) if request.name else slugify(new.partner.name)
    if st.exists(slug):
        raise AlreadyExists(
            f"a pairing called '{slug}' already exists, and it is not this one",
            f"Give the new one a name with --name, or merge into it with --into {slug}.",
        )
    view.render_new(slug, new, dry_run=request.dry_run)
    if request.dry_run:
        return
    if not _confirm(request, words()["questions"]["create"].format(slug=slug), tty=tty):
        view.render_unchanged()
        return
    st.create(slug, new)
    view.render_created(slug, st.path_for(slug))


def _merge(st: Store, request: ImportRequest, found: Destination, *, tty: bool) -> None:
    from revmentor.coach.merge import merge
    from revmentor.model import Pairing
    from revmentor.views import exchange as view

    slug = found.slug
    if slug is None:
        raise RuntimeError("an import reached its merge without a pairing")
    ours = st.read(slug)
    merged = merge(ours, found.incoming)
    in_folder = request.file.resolve().parent == st.pairings_dir.resolve()
    copy = request.file if in_folder else None
    view.render_merge(slug, merged, dry_run=request.dry_run, copy=copy)
    if not merged.changed or request.dry_run:
        return
    if ours.state == "concluded":
        raise Concluded.read_only(slug)
    if not _confirm(request, words()["questions"]["merge"].format(slug=slug), tty=tty):
        view.render_unchanged()
        return
    with st.update(slug) as p:
        # Merged again into the latest version, read under the lock.
        fresh = merge(p, found.incoming).pairing
        for name in Pairing.model_fields:
            if getattr(p, name) != getattr(fresh, name):
                setattr(p, name, getattr(fresh, name))
    view.render_merged(slug, st.backups(slug), copy)

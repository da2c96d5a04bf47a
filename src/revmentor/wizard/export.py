"""`revmentor export`: which format, which options, where the text goes."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from revmentor.errors import BadInput
from revmentor.views import exporters
from revmentor.wizard.pairing import pick

if TYPE_CHECKING:
    from revmentor.model import Pairing
    from revmentor.store import Store
    from revmentor.views.exporters.ics import Stamp

COMMAND = "revmentor export"
STDOUT = "-"


@dataclass
class ExportRequest:
    """What the command line gave; None means the flag was not given."""

    pairing: str | None = None
    exporter: exporters.Exporter | None = None
    section: exporters.Section | None = None
    include_private: bool = False
    template: Path | None = None
    at: time | None = None
    tz: str | None = None
    reminders: tuple[timedelta, ...] = ()
    output: str | None = None  # a file, a folder (to hold <pairing>.<ext>) or "-"
    force: bool = False


def _only_for(fmt: str, wanted: str, flags: dict[str, bool]) -> None:
    given = [flag for flag, used in flags.items() if used]
    if fmt != wanted and given:
        raise BadInput(
            f"{given[0]} applies to --format {wanted} only, not {fmt}",
            f"Drop {given[0]}, or add --format {wanted}.",
        )


def _chosen(request: ExportRequest, output: str | None) -> exporters.Exporter:
    """The format asked for, else the one the output file's extension names, else Markdown."""
    if request.exporter is not None:
        return request.exporter
    guessed = exporters.by_extension(Path(output).suffix) if output is not None else None
    return guessed or exporters.EXPORTERS["markdown"]


def _read_template(path: Path) -> str:
    try:
        return path.expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"no template at {path}", "Check the path given to --template.") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path} is not UTF-8 text", "A template is a text file.") from None
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None


def _where(output: str, slug: str, extension: str) -> Path:
    """The path given, or `<slug>.<ext>` inside a folder given."""
    path = Path(output).expanduser()
    if output.endswith(("/", "\\")) and not path.is_dir():
        raise BadInput(
            f"the folder {path} does not exist",
            "Create it first, or give a file name with --output.",
        )
    return path / f"{slug}.{extension}" if path.is_dir() else path


def refuse_unsafe(output: str | None, slug: str, extension: str, home: Path) -> None:
    """Refuse, whatever --force says, an output in the data folder or not a regular file."""
    from revmentor.wizard.output_file import check_target

    if output is not None:
        check_target(_where(output, slug, extension), home)


def _target(output: str, slug: str, extension: str, force: bool) -> Path:
    """Where to write: the path given, or `<slug>.<ext>` inside a folder given."""
    path = _where(output, slug, extension)
    if path.is_dir():
        raise BadInput(f"{path} is a folder", "Give a file name with --output.")
    if not path.parent.is_dir():
        raise BadInput(
            f"the folder {path.parent} does not exist",
            "Create it first, or choose another --output.",
        )
    if path.exists() and not force:
        raise BadInput(
            f"{path} already exists; it was left as it is",
            "Add --force to replace it, or choose another --output.",
        )
    return path


def _options(
    st: Store, request: ExportRequest, exporter: exporters.Exporter, today: date
) -> exporters.Options:
    """What the exporter is asked for; options of another format are refused."""
    _only_for(
        exporter.name,
        "markdown",
        {"--section": request.section is not None, "--template": request.template is not None},
    )
    _only_for(
        exporter.name,
        "ics",
        {
            "--time": request.at is not None,
            "--tz": request.tz is not None,
            "--remind": bool(request.reminders),
        },
    )
    if exporter.name == "ics" and request.include_private:
        raise BadInput("a calendar never holds private notes", "Drop --include-private.")
    options = exporters.Options(
        today=today,
        section=request.section or "all",
        include_private=request.include_private,
        cache_dir=st.home / "cache" / "templates",
    )
    if request.template is not None:
        options = replace(
            options,
            template=_read_template(request.template),
            template_name=str(request.template),
        )
    if exporter.name == "ics":
        from revmentor.views.exporters import ics

        options = replace(
            options,
            at=request.at or options.at,
            tz=request.tz if request.tz is not None else ics.local_zone(),
            reminders=request.reminders,
            now=datetime.now(timezone.utc),
        )
    return options


def _stamps_file(st: Store, slug: str) -> Path:
    return st.home / "calendar" / f"{slug}.json"


def _previous_stamps(st: Store, slug: str) -> dict[str, Stamp]:
    """What the last calendar export of `slug` said, event by event; nothing if unknown.

    Only the SEQUENCE numbers depend on it: a lost or unreadable file starts them at 0
    again, and the events themselves are the same.
    """
    import json

    from revmentor.views.exporters.ics import Stamp

    try:
        raw = json.loads(_stamps_file(st, slug).read_text(encoding="utf-8"))
        return {
            str(key): Stamp(str(value["digest"]), int(value["sequence"]))
            for key, value in raw.items()
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _keep_stamps(st: Store, slug: str, stamps: dict[str, Stamp]) -> None:
    """Remember each event's digest and SEQUENCE, beside the ones of earlier cycles."""
    import contextlib
    import json

    from revmentor.errors import SaveError
    from revmentor.files import atomic_write, locked, make_dirs

    path = _stamps_file(st, slug)
    # The calendar is written already; a memory that cannot be kept costs only the
    # next export's SEQUENCE, so it never fails the command.
    with contextlib.suppress(SaveError, OSError), locked(make_dirs(path.parent) / path.name):
        kept = {**_previous_stamps(st, slug), **stamps}
        data = {k: {"digest": v.digest, "sequence": v.sequence} for k, v in kept.items()}
        atomic_write(path, json.dumps(data, indent=1, sort_keys=True) + "\n", durable=False)


def _render(
    st: Store, exporter: exporters.Exporter, p: Pairing, slug: str, options: exporters.Options
) -> str:
    if exporter.name != "ics":
        return exporter.render(p, slug, options)
    from revmentor.views.exporters import ics

    previous = _previous_stamps(st, slug)
    text, stamps = ics.render_calendar(p, slug, replace(options, previous=previous))
    _keep_stamps(st, slug, stamps)
    return text


def export(st: Store, request: ExportRequest, *, tty: bool, today: date) -> None:
    """Render the pairing and write it to standard output or to a file."""
    output = request.output if request.output != STDOUT else None
    exporter = _chosen(request, output)
    options = _options(st, request, exporter, today)
    slug = pick(st, request.pairing, command=COMMAND, tty=tty)
    refuse_unsafe(output, slug, exporter.extension, st.home)
    p = st.read(slug)
    target = None if output is None else _target(output, slug, exporter.extension, request.force)
    text = _render(st, exporter, p, slug, options)
    from revmentor.views.export import render_calendar_times, render_written

    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        if exporter.name == "ics":
            render_calendar_times(options, given=request, stream=sys.stderr)
        return

    from revmentor.files import atomic_write

    try:
        atomic_write(target, text)
    except OSError as exc:
        raise BadInput(f"cannot write {target}: {exc.strerror}") from None
    render_written(target, exporter)
    if exporter.name == "ics":
        render_calendar_times(options, given=request, stream=sys.stdout)

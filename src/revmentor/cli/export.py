"""`revmentor export`: the plan as Markdown, a calendar file or JSON."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import typer

from revmentor.cli._common import pick_pairing, store
from revmentor.errors import BadInput

app = typer.Typer(add_completion=False)

STDOUT = "-"


def _only_for(fmt: str, wanted: str, flags: dict[str, bool]) -> None:
    given = [flag for flag, used in flags.items() if used]
    if fmt != wanted and given:
        raise BadInput(
            f"{given[0]} applies to --format {wanted} only, not {fmt}",
            f"Drop {given[0]}, or add --format {wanted}.",
        )


def _read_template(path: Path) -> str:
    try:
        return path.expanduser().read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(f"no template at {path}", "Check the path given to --template.") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path} is not UTF-8 text", "A template is a text file.") from None
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None


def _target(output: str, slug: str, extension: str, force: bool) -> Path:
    """Where to write: the path given, or `<slug>.<ext>` inside a folder given."""
    path = Path(output).expanduser()
    if output.endswith(("/", "\\")) and not path.is_dir():
        raise BadInput(
            f"the folder {path} does not exist",
            "Create it first, or give a file name with --output.",
        )
    if path.is_dir():
        path = path / f"{slug}.{extension}"
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


@app.command()
def export(
    pairing: str = typer.Argument(None, help="The pairing's name (optional if you have one)."),
    fmt: str = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help="markdown (default), ics (a calendar file) or json.",
    ),
    section: str = typer.Option(
        None,
        "--section",
        metavar="SECTION",
        help="Markdown: 'plan' for the plan only (to share before the first meeting), "
        "'all' for the full record (default).",
    ),
    include_private: bool = typer.Option(
        False, "--include-private", help="Include private session notes (left out by default)."
    ),
    template: str = typer.Option(
        None, "--template", metavar="FILE", help="Markdown: your own Jinja2 template."
    ),
    at: str = typer.Option(
        None, "--time", metavar="HH:MM", help="Calendar: the session start time (default 09:00)."
    ),
    tz: str = typer.Option(
        None,
        "--tz",
        metavar="AREA/CITY",
        help="Calendar: the time zone, like Europe/London (default: this machine's).",
    ),
    output: str = typer.Option(
        None,
        "--output",
        "-o",
        metavar="PATH",
        help="Write to a file (or into a folder as <pairing>.<ext>); '-' for standard output.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing output file."),
) -> None:
    """Write the plan as Markdown to share, a calendar file to import, or JSON.

    Examples:

      revmentor export helen-sam --section plan -o plan.md

      revmentor export helen-sam --format ics --time 14:30 --tz Europe/London -o ~/Desktop

      revmentor export helen-sam --format json | jq .computed.planned_dates
    """
    from revmentor import clock
    from revmentor.views import exporters

    to_file = output is not None and output != STDOUT
    if fmt is not None:
        exporter = exporters.find(fmt)
    else:
        guessed = exporters.by_extension(Path(output).suffix) if to_file else None
        exporter = guessed or exporters.EXPORTERS["markdown"]
    _only_for(
        exporter.name,
        "markdown",
        {
            "--section": section is not None,
            "--template": template is not None,
        },
    )
    _only_for(exporter.name, "ics", {"--time": at is not None, "--tz": tz is not None})
    if exporter.name == "ics" and include_private:
        raise BadInput("a calendar never holds private notes", "Drop --include-private.")

    st = store()
    options = exporters.Options(
        today=clock.today(),
        section=exporters.check_section(section) if section is not None else "all",
        include_private=include_private,
        cache_dir=st.home / "cache" / "templates",
    )
    if template is not None:
        options = replace(options, template=_read_template(Path(template)), template_name=template)
    if exporter.name == "ics":
        from revmentor.views.exporters import ics

        options = replace(
            options,
            at=ics.parse_time(at) if at is not None else options.at,
            tz=ics.check_zone(tz) if tz is not None else ics.local_zone(),
        )

    slug = pick_pairing(st, pairing)
    p = st.read(slug)
    target = _target(output, slug, exporter.extension, force) if to_file else None
    text = exporter.render(p, slug, options)
    if target is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return

    from revmentor.files import atomic_write
    from revmentor.views.text import clean

    try:
        atomic_write(target, text)
    except OSError as exc:
        raise BadInput(f"cannot write {target}: {exc.strerror}") from None
    typer.echo(clean(f"Wrote {target} ({exporter.label})."))
    if exporter.name == "ics":
        typer.echo("Import it into your calendar; a newer export updates the same events.")

"""The export formats: each a small module with `render(pairing, slug, options) -> str`.

The registry names them without importing them, so choosing a format loads only that
format's libraries (Jinja2 for Markdown, icalendar for calendars).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, cast

from revmentor.errors import BadInput

if TYPE_CHECKING:
    from revmentor.model import Pairing
    from revmentor.views.exporters.ics import Stamp

Section = Literal["plan", "all"]
SECTIONS: tuple[Section, ...] = ("plan", "all")


@dataclass(frozen=True)
class Options:
    """Everything an exporter may be asked for; each format uses the parts it needs."""

    today: date
    section: Section = "all"
    include_private: bool = False
    template: str | None = None  # the text of a user's own Markdown template
    template_name: str = "<template>"
    at: time = field(default_factory=lambda: time(9, 0))
    tz: str | None = None  # an IANA zone name; None means floating local time
    now: datetime | None = None  # the export's moment (a calendar's DTSTAMP)
    reminders: tuple[timedelta, ...] = ()  # calendar alarms, this long before each event
    previous: Mapping[str, Stamp] = field(default_factory=dict)  # the last calendar export
    cache_dir: Path | None = None  # where compiled templates may be kept between runs


class Render(Protocol):
    def __call__(self, pairing: Pairing, slug: str, options: Options) -> str: ...


@dataclass(frozen=True)
class Exporter:
    name: str
    extension: str
    module: str
    label: str

    def render(self, pairing: Pairing, slug: str, options: Options) -> str:
        mod = importlib.import_module(self.module)
        return cast(Render, mod.render)(pairing, slug, options)


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("markdown", "md", "revmentor.views.exporters.markdown", "Markdown"),
        Exporter("ics", "ics", "revmentor.views.exporters.ics", "calendar"),
        Exporter("json", "json", "revmentor.views.exporters.json_export", "JSON"),
    )
}


def find(name: str) -> Exporter:
    """The exporter called `name` (or whose file extension is `name`, like `md`)."""
    key = name.strip().lower().lstrip(".")
    for e in EXPORTERS.values():
        if key in (e.name, e.extension):
            return e
    raise BadInput(
        f"unknown format '{name}'",
        f"Choose one of: {', '.join(EXPORTERS)}.",
    )


def by_extension(suffix: str) -> Exporter | None:
    key = suffix.lower().lstrip(".")
    return next((e for e in EXPORTERS.values() if key and key == e.extension), None)


def check_section(name: str) -> Section:
    key = name.strip().lower()
    for s in SECTIONS:
        if key == s:
            return s
    raise BadInput(f"unknown section '{name}'", f"Choose one of: {', '.join(SECTIONS)}.")

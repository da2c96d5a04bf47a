"""The pairing as a Markdown document to share: rendered from a Jinja2 template.

Every piece of user text goes through the `md` filter (or `md_quote` for a block), which
escapes what Markdown or HTML would read as structure, so a name like `Sam | #1` or a
note holding `<script>` prints as typed and cannot add a heading, a table column or a tag;
control characters and bidirectional overrides are shown as visible codes.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revmentor.coach import horizon as hz
from revmentor.coach.learned import learned_so_far
from revmentor.coach.ratings import ratings_by_goal
from revmentor.errors import BadInput
from revmentor.plural import plural
from revmentor.views.text import clean

if TYPE_CHECKING:
    from jinja2 import Environment, Template

    from revmentor.model import Goal, Pairing
    from revmentor.views.exporters import Options

TEMPLATE = "export.md.j2"

# Escaped with a backslash: these both CommonMark (GFM) and Python-Markdown (MkDocs,
# Pelican, with its tables and attr_list extensions) read as the character itself.
_INLINE_RE = re.compile(r"[\\`*_\[\]{}|]")
# Escaped as HTML entities, the one form both read alike: Python-Markdown keeps a
# backslash before these, and would pass `\<script>` through as a tag.
_ENTITIES = {"<": "&lt;", "~": "&#126;"}
_ENTITY_CHARS_RE = re.compile("[<~]")
_AMP_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_HASH_RE = re.compile(r"(^|\s)#")
_LEAD_RE = re.compile(r"^(?:[>+-]|\d{1,9}(?=[.)]))")

CHECK_LABELS = {
    "learning_based": "Learning-based",
    "time_bound": "Time-bound",
}


def md(value: object) -> str:
    """User text made safe inline: one line, Markdown and HTML characters escaped."""
    if value is None:
        return ""
    # Controls and bidirectional overrides become visible codes, as on the terminal, so
    # the shared document reads as the text holds.
    return _md(clean(str(value)))


@lru_cache(maxsize=4096)
def _md(value: str) -> str:
    """The one place user text is escaped for Markdown.

    Topics and next steps repeat across hundreds of sessions: each is escaped once.
    """
    text = " ".join(value.split())
    text = _AMP_RE.sub("&amp;", text)
    text = _INLINE_RE.sub(r"\\\g<0>", text)
    text = _ENTITY_CHARS_RE.sub(lambda m: _ENTITIES[m.group()], text)
    text = _HASH_RE.sub(r"\1\\#", text)
    if text.startswith("="):
        # A line of = under a paragraph makes it a heading; Python-Markdown keeps `\=`.
        return "&#61;" + text[1:]
    m = _LEAD_RE.match(text)
    if m:
        end = m.end()
        text = text[:end] + "\\" + text[end:] if m.group()[0].isdigit() else "\\" + text
    return text


def md_quote(value: object) -> str:
    """User text as a block quote, its own line breaks kept, every line escaped."""
    if value is None:
        return ""
    lines = [md(line) for line in str(value).strip().splitlines()]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def check_label(key: str) -> str:
    key = key.replace("-", "_")
    return CHECK_LABELS.get(key, key.replace("_", " ").capitalize())


@dataclass(frozen=True)
class CheckRow:
    label: str
    ok: bool
    why: str
    suggestion: str


@dataclass(frozen=True)
class GoalRow:
    goal: Goal
    framework: str  # REAL or SMART
    checks: list[CheckRow]
    latest: int | None
    latest_on: date | None
    latest_from: str  # "session", "review" or ""

    @property
    def passed(self) -> int:
        return sum(1 for c in self.checks if c.ok)


@dataclass(frozen=True)
class TimelineRow:
    number: int | None
    date: date
    week: int
    session: bool
    midpoint: bool
    end: bool


def _checks(p: Pairing, goal: Goal) -> tuple[str, list[CheckRow]]:
    from revmentor.coach.goal_check import verdict_for

    framework = "SMART" if p.kind == "on-the-job" else "REAL"
    verdict = verdict_for(p, goal.text, goal.gap)
    rows = [CheckRow(check_label(k), c.ok, c.why, c.suggestion) for k, c in verdict.checks.items()]
    return framework, rows


def _latest_ratings(p: Pairing) -> dict[str, tuple[int, date, str]]:
    """Each goal's latest self-rating, with its date and where it was recorded."""
    found: dict[str, tuple[int, date, str]] = {}
    by_goal = ratings_by_goal(p)
    for goal in p.goals:
        points = by_goal.get(goal.id)
        if points:
            found[goal.id] = (points[-1].rating, points[-1].date, points[-1].source)
    return found


def _timeline(p: Pairing) -> list[TimelineRow]:
    h = p.horizon
    planned = hz.planned_dates(h, p.ground_rules.frequency)
    numbers = {d: i for i, d in enumerate(planned, start=1)}
    days = sorted({*planned, h.end, *([h.midpoint_review] if h.midpoint_review else [])})
    return [
        TimelineRow(
            number=numbers.get(d),
            date=d,
            week=hz.week_of(h, d),
            session=d in numbers,
            midpoint=d == h.midpoint_review,
            end=d == h.end,
        )
        for d in days
    ]


def wording_on(p: Pairing, goal_id: str, day: date) -> str:
    """A goal's wording as it read on `day`: before any rewording made that day or later."""
    goal = next((g for g in p.goals if g.id == goal_id), None)
    if goal is None:
        return goal_id
    text = goal.text
    # Newest first, and among one day's rewordings the later first: the oldest wins.
    for entry in reversed(sorted(goal.history, key=lambda h: h.date)):
        if entry.event == "reworded" and entry.date >= day and entry.previous:
            text = entry.previous
    return text


def context(p: Pairing, slug: str, options: Options) -> dict[str, Any]:
    """What the template sees; documented for people writing their own template."""
    on_the_job = p.kind == "on-the-job"
    sessions = sorted(p.sessions, key=lambda s: s.date)
    latest = _latest_ratings(p)
    goals = []
    for g in p.goals:
        framework, checks = _checks(p, g)
        rating, on, source = latest.get(g.id, (None, None, ""))
        goals.append(GoalRow(g, framework, checks, rating, on, source))
    h = p.horizon
    return {
        "p": p,
        "slug": slug,
        "today": options.today,
        "section": options.section,
        "full": options.section == "all",
        "include_private": options.include_private,
        "on_the_job": on_the_job,
        "me_name": p.me.name or "Me",
        "partner_name": p.partner.name or "My partner",
        "goals": goals,
        "goal_text": {g.id: g.text for g in p.goals},
        "wording_then": lambda goal_id, day: wording_on(p, goal_id, day),
        "owner_words": {
            "me": p.me.name or "Me",
            "partner": p.partner.name or "My partner",
            "shared": "both",
        },
        "timeline": _timeline(p),
        "planned": len(hz.planned_dates(h, p.ground_rules.frequency)),
        "expected": hz.expected_by(h, p.ground_rules.frequency, options.today),
        "week": hz.week_of(h, options.today),
        "total_weeks": hz.total_weeks(h),
        "sessions": sessions,
        "reviews": sorted(p.reviews, key=lambda r: r.date),
        "learned": learned_so_far(p),
    }


def _visible(value: object) -> object:
    """Each value a template prints, with controls shown as codes, `md` or not."""
    return clean(value) if isinstance(value, str) else value


@cache
def _environment(sandboxed: bool, cache_dir: Path | None = None) -> Environment:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    bytecode = None
    if cache_dir is not None:
        # Compiling the template took a third of an export; jinja keys the compiled
        # code by the template's checksum, so a changed template is compiled afresh.
        with contextlib.suppress(OSError):
            cache_dir.mkdir(mode=0o700, exist_ok=True)
            bytecode = jinja2.FileSystemBytecodeCache(str(cache_dir))
    env = cls(
        loader=jinja2.PackageLoader("revmentor", "content"),
        bytecode_cache=bytecode,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=_visible,
    )
    env.filters["md"] = md
    env.filters["md_quote"] = md_quote
    env.filters["plural"] = plural
    return env


@cache
def packaged_template(cache_dir: Path | None = None) -> Template:
    """The packaged template, compiled once per process (and kept in `cache_dir`)."""
    return _environment(False, cache_dir).get_template(TEMPLATE)


def _user_template(source: str, name: str) -> Template:
    import jinja2

    try:
        return _environment(True).from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise BadInput(
            f"{name}:{exc.lineno}: template error: {exc.message}",
            "See the packaged template for the names a template can use.",
        ) from None


def render(pairing: Pairing, slug: str, options: Options) -> str:
    import jinja2

    if not options.include_private:
        from revmentor.coach.exchange import without_private

        # Emptied before any template sees the pairing, so one of the user's own gets
        # exactly what the packaged one shows, whatever fields it prints.
        pairing = without_private(pairing)
    if options.template is not None:
        template = _user_template(options.template, options.template_name)
    else:
        template = packaged_template(options.cache_dir)
    try:
        text = template.render(context(pairing, slug, options))
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        if options.template is None:
            raise
        raise BadInput(
            f"{options.template_name}: template error: {exc}",
            "See the packaged template for the names a template can use.",
        ) from None
    return text if text.endswith("\n") else text + "\n"

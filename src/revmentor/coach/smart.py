"""The SMART check of a goal's wording: Specific, Measurable, Achievable, Relevant, Time-bound.

Used by on-the-job learning plans, where a goal also has a context: the gaps the plan's
scan found, the gap the goal is linked to, and how long the plan runs. Each criterion is
decided from what coach/reading.py finds, and quotes the words that decided it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from revmentor.coach import advice
from revmentor.coach.dates import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from revmentor.coach.language import Hit, Word, _close, stem
from revmentor.coach.reading import Reading, plain_words, read
from revmentor.coach.verdict import Check, Verdict, said

KEYS = ("specific", "measurable", "achievable", "relevant", "time_bound")

# Counts at least this large are a lot of work, and a great deal in a short time.
LARGE_COUNT = 100
HUGE_COUNT = 1000
# Due within this many weeks, every one of EVERY_COUNT things, or a record without a
# slip, is more than someone new can take on.
SOON_WEEKS = 4.5
EVERY_COUNT = 10
# All of so many per week of the time frame is too many at any length of plan.
EVERY_PER_WEEK = 25
# A rate moved this many times over ("from 18% to 5%", "from 80 to 200 an hour") within a
# plan of this many weeks is more than someone new to the role can bring about.
CHANGE_FACTOR = 1.8
CHANGE_WEEKS = 13
# A percentage near 100 moved so that what falls short of it shrinks this many times over.
SHORTFALL_FACTOR = 4
# Leading in a role is more than someone new to it can take on within this many weeks.
ROLE_WEEKS = 8
# A qualification needs longer than this many weeks, and qualifying as a profession
# longer than this.
CREDENTIAL_WEEKS = 6
PROFESSION_WEEKS = 26
# A goal of at most this many words of its own says little beyond a vague word in it.
FEW_WORDS = 6
# A time frame of at most this many weeks is short: passing a test or doing it all alone
# does not fit in it.
SHORT_WEEKS = 1
# Doing the work alone within this many weeks is too much for someone new to it.
ALONE_WEEKS = 2
# With someone checking, a sweeping scope fits a plan at least this long.
SUPPORTED_WEEKS = 4
# A second full load leaves no room for a new job in less than this.
LOADED_WEEKS = 4
# From nothing to working alone or qualified: more than this stretch of weeks can give.
NOVICE_WEEKS = 13
# Body weight lost faster than this many kilograms a week is more than a safe pace allows.
WEIGHT_KG_PER_WEEK = 1.0


@dataclass(frozen=True)
class SmartContext:
    """What an on-the-job plan knows about a goal beyond its wording."""

    gaps: Sequence[str] = ()  # what the plan's scan found missing for the role
    linked_gap: str | None = None  # the gap this goal is meant to close
    weeks: int = 12  # how long the plan runs


def check_smart(text: str, context: SmartContext | None = None) -> Verdict:
    """The SMART verdict of `text`, offline and deterministic; empty text fails every check.

    A wording that falls short comes with a rewrite that meets every criterion.
    """
    ctx = context or SmartContext()
    verdict = judge(text, ctx)
    if verdict.passed or all(c.cause == "empty" for c in verdict.checks.values()):
        return verdict
    return verdict.with_rewrite(advice.rewrite_smart(read(text), verdict, ctx))


def judge(text: str, context: SmartContext | None = None, *, weighed: bool = True) -> Verdict:
    """The SMART verdict of `text`, without a rewrite; `weighed=False` gives the rules'
    verdict alone, without the second reading by the weight of the words."""
    reading = read(text)
    if reading.empty:
        return Verdict.empty(text, KEYS)
    ctx = context or SmartContext()
    subject = advice.subject(reading)
    checks = {k: decide(reading, ctx, subject) for k, decide in DECIDERS.items()}
    if weighed:
        from revmentor.coach.weighing import reweigh

        checks = reweigh("smart", text, checks, subject, gap=bool(ctx.linked_gap))
    return Verdict(text, checks)


def _met(key: str, quote: str, which: str = "met") -> Check:
    return Check(True, said("smart", key, which, match=quote), "")


def _unmet(key: str, cause: str, subject: str, quote: str = "") -> Check:
    return Check(
        False,
        said("smart", key, cause, "why", match=quote),
        said("smart", key, cause, "hint", match=quote, subject=subject),
        cause,
    )


def specific(r: Reading, ctx: SmartContext, subject: str) -> Check:
    # Words the scan itself used ("harbour master duties") name the role's work.
    vague_hits = [
        h
        for h in r.outside("vague_subject", "not_vague", negated=None)
        if not _gap_words(r, h, ctx)
    ]
    vague = _main_clause(r, vague_hits)
    if vague is None and vague_hits and len(_own_words(r)) <= FEW_WORDS:
        vague = vague_hits[0]
    if vague is not None:
        return _unmet("specific", "vague", subject, vague.quote)
    plain = plain_words()
    if any(r.sentence.words[i].stem not in plain for i in _own_words(r)):
        return _met("specific", subject)
    return _unmet("specific", "none", subject)


def measurable(r: Reading, ctx: SmartContext, subject: str) -> Check:
    vague = r.hit("vague_measure", negated=None)
    found = next(
        (h for h in r.hits("measure", negated=None) if not _qualifies(r, h, vague)), None
    )
    count = _count(r)
    hits = [h for h in (found, count) if h is not None]
    if hits:
        first = min(hits, key=lambda h: h.first)
        return _met("measurable", r.phrase_around(first, after=3))
    if vague is not None:
        return _unmet("measurable", "vague", subject, vague.quote)
    done = _deliverable(r) or r.hit("decided")
    if done is not None:
        return _met("measurable", r.phrase_around(done, after=3))
    return _unmet("measurable", "none", subject)


# Verbs whose object is there at the end or not: a finished thing is its own measure.
_FINISHING = frozenset(
    stem(w)
    for w in (
        "finish complete deliver submit ship launch send publish file produce write prepare"
        " draft install build create open apply walk climb dig read paint train host hold"
        " organise organize book sell buy present renovate redecorate stop quit"
    ).split()
)
# Openings of an object that names one particular thing.
_PARTICULAR = frozenset("the my our a an his her their this all".split())
_LEAD_WORDS = frozenset("i i'd id would like want to love need hope plan be able".split())


def _deliverable(r: Reading) -> Hit | None:
    """A goal that opens by finishing one particular thing ("Dig over my allotment",
    "Apply for the senior analyst job"), unless what it names is vague."""
    words = r.sentence.words
    if r.hits("vague_subject", negated=None):
        return None
    i = 0
    while i < len(words) and words[i].low in _LEAD_WORDS:
        i += 1
    if i >= len(words) or words[i].stem not in _FINISHING:
        return None
    ahead = words[i + 1 : i + 4]
    if any(w.low in _PARTICULAR or w.low[:1].isdigit() or w.text[:1].isupper() for w in ahead):
        from revmentor.coach.language import compile_phrase

        return Hit(compile_phrase(words[i].low), i, i, False, words[i].text)
    return None


def _gap_words(r: Reading, hit: Hit, ctx: SmartContext) -> bool:
    """Whether every word of `hit` is a word of a scanned gap ("parish council minutes")."""
    role_words = {stem(w) for gap in ctx.gaps for w in re.findall(r"[^\W_]+", gap)}
    return {w.stem for w in r.sentence.words[hit.first : hit.last + 1]} <= role_words


def _qualifies(r: Reading, hit: Hit, vague: Hit | None) -> bool:
    """Whether a percentage only sizes a vague state ("100% up to speed")."""
    return (
        vague is not None
        and r.sentence.words[hit.first].low == "%"
        and 0 <= vague.first - hit.last <= 2
    )


def achievable(r: Reading, ctx: SmartContext, subject: str) -> Check:
    several = advice.several_jobs(r, 4) or _bundle(r)
    listed = advice.several(r, 3, longest=4)
    # Steps of one piece of work ("design primers, validate them, run a plate") with
    # someone checking are one goal; a list of things to take on is several.
    if listed and not (_steps(listed) and r.hit("support", negated=None) is not None):
        several = several or listed
    if several:
        return _unmet("achievable", "several", subject, several)
    hands = r.hit("out_of_hands")
    if hands is not None:
        return _unmet("achievable", "out_of_hands", subject, r.phrase_around(hands))
    for name in ("summit", "mastery", "feat"):
        found = r.hit(name)
        # "Vendor master data": words the scan itself used name the role's work.
        if found is not None and not _gap_words(r, found, ctx):
            return _unmet("achievable", "too_much", subject, r.phrase_around(found))
    weeks = 0.0 if r.hit("immediate") is not None else _frame_weeks(r, ctx)
    # Someone checking alongside, given a few weeks, makes a whole rota or menu a fair ask.
    supported = weeks >= SUPPORTED_WEEKS and r.hit("support", negated=None) is not None
    sweeping = None if supported else _scope(r)
    if sweeping is not None:
        return _unmet("achievable", "too_much", subject, r.phrase_around(sweeping))
    # A number the scan itself uses ("787 type rating") names a thing; it counts nothing.
    named = {n for gap in ctx.gaps for n in re.findall(r"\d[\d,]*", gap)}
    count = _count(r, totals=True, names=frozenset(named))
    if count is not None:
        value = _value(r, count)
        huge = value >= HUGE_COUNT and weeks <= 12 and not supported
        # "All 14 subsidiaries by my third week": every one of many, soon.
        every = count.first > 0 and r.sentence.words[count.first - 1].low in ("all", "every")
        many_soon = every and value >= EVERY_COUNT and weeks <= SOON_WEEKS and not supported
        # "All 282 Munros in 8 weeks": every one of so many that weeks do not hold them.
        many_soon = many_soon or (every and value >= EVERY_PER_WEEK * max(weeks, 0.5))
        if huge or many_soon or (value >= LARGE_COUNT and weeks <= 4):
            return _unmet("achievable", "too_much", subject, r.phrase_around(count))
    weight = _weight_loss(r)
    if weight is not None and weight[0] > WEIGHT_KG_PER_WEEK * max(weeks, 0.5):
        return _unmet("achievable", "too_much", subject, weight[1])
    flawless = r.hit("flawless", negated=None)
    if flawless is not None and (weeks <= SOON_WEEKS or r.hit("forever") is not None):
        return _unmet("achievable", "too_much", subject, r.phrase_around(flawless))
    # Someone new leading others, or answering for the whole, takes more than weeks.
    role = next(iter(r.outside("role_step", "role_held")), None)
    if role is not None and weeks <= ROLE_WEEKS and not supported:
        return _unmet("achievable", "too_much", subject, r.phrase_around(role))
    credential = _big(r, "credential")
    if credential is not None and _gap_words(r, credential, ctx):
        credential = None  # the plan was made for this qualification; its length is the plan's
    if credential is not None and weeks <= CREDENTIAL_WEEKS:
        return _unmet("achievable", "too_much", subject, r.phrase_around(credential))
    profession = next(iter(r.outside("profession_credential", "quick_credential")), None)
    if profession is not None and weeks <= PROFESSION_WEEKS and not _made_for_it(ctx):
        return _unmet("achievable", "too_much", subject, r.phrase_around(profession))
    # A qualification on top of a full load is too much at any length of plan.
    load = r.hit("double_load", negated=None)
    if load is not None and (credential is not None or weeks <= LOADED_WEEKS):
        return _unmet("achievable", "too_much", subject, r.phrase_around(load))
    novice = r.hit("novice", negated=None)
    if novice is not None and weeks <= NOVICE_WEEKS:
        big = _big(r, "big_in_short") or _big(r, "credential")
        if big is not None:
            return _unmet("achievable", "too_much", subject, r.phrase_around(big))
    become = r.hit("become")
    # A first aider's certificate is days; a plan made for the role, or years long, is not.
    if (
        become is not None
        and not _modest(r, become)
        and weeks <= PROFESSION_WEEKS
        and r.hit("quick_credential") is None
        and not _made_for_it(ctx)
    ):
        return _unmet("achievable", "too_much", subject, r.phrase_around(become))
    alone = r.hit("alone")
    if alone is not None and weeks <= ALONE_WEEKS and r.hit("support", negated=None) is None:
        return _unmet("achievable", "too_much", subject, r.phrase_around(alone))
    change = _change(r)
    if change is not None and weeks <= CHANGE_WEEKS and not supported:
        return _unmet("achievable", "too_much", subject, r.phrase_around(change))
    short = next(iter(r.outside("short_time", "not_short")), None)
    if short is not None and weeks <= SHORT_WEEKS:
        big = _big(r, "big_in_short")
        if big is not None:
            return _unmet("achievable", "too_much", subject, r.phrase_around(big))
    return _met("achievable", "")


def _modest(r: Reading, hit: Hit) -> bool:
    """Whether what follows "become a" is a way to be, not a profession ("a better")."""
    words = r.sentence.words
    return hit.last + 1 < len(words) and words[hit.last + 1].low in _MODEST


_MODEST = frozenset("better good real bit more useful valued trusted reliable".split())


def _made_for_it(ctx: SmartContext) -> bool:
    """Whether the gap the goal closes is a qualification: the plan was made for it."""
    gap = read(ctx.linked_gap) if ctx.linked_gap else None
    return gap is not None and bool(gap.hits("credential") or gap.hits("profession_credential"))


def _big(r: Reading, name: str) -> Hit | None:
    """The first hit of `name`, unless it is a certificate a short course gives."""
    return next(iter(r.outside(name, "quick_credential", negated=None)), None)


def relevant(r: Reading, ctx: SmartContext, subject: str) -> Check:
    # Words the scan itself uses for the role ("parish council minutes") are the job.
    personal = [h for h in r.personal() if not _title(r, h) and not _gap_words(r, h, ctx)]
    # Tied to a gap the scan found, a gym, a bench or a novel is where the role works;
    # only a purpose said outright ("just for me", "for my son") still makes it personal.
    if ctx.linked_gap and not r.hits("personal_purpose", negated=None):
        personal = []
    if personal:
        return _unmet("relevant", "personal", subject, personal[0].quote)
    if ctx.linked_gap:
        return _met("relevant", ctx.linked_gap, "gap")
    shared = _shared_gap(r, ctx.gaps)
    if shared:
        return _met("relevant", shared, "gap")
    # "By the end of my onboarding" says when, not that the goal serves the role.
    work = [h for h in r.outside("work", "deadline", negated=None) if not _when(r, h)]
    if work:
        return _met("relevant", r.phrase_around(work[0]))
    colleague = _colleague(r)
    if colleague:
        return _met("relevant", colleague)
    return _unmet("relevant", "none", subject)


def time_bound(r: Reading, ctx: SmartContext, subject: str) -> Check:
    found = deadlines(r)
    if found:
        return _met("time_bound", r.phrase_around(found[0], after=3))
    vague = r.hit("vague_time", negated=None)
    if vague is not None:
        return _unmet("time_bound", "vague", subject, vague.quote)
    past_hits = r.hits("past_time", negated=None)
    if past_hits:
        return _unmet("time_bound", "past", subject, past_hits[0].quote)
    return _unmet("time_bound", "none", subject)


def deadlines(r: Reading) -> list[Hit]:
    """The words that say when the goal is due, in the order they come."""
    # A clause that tells the past ("my first week was hard") sets no deadline.
    words = r.sentence.words
    past_clauses = {words[h.first].clause for h in r.hits("past_time", negated=None)}
    found = [
        h
        for h in r.hits("deadline", negated=None) + _numbered_periods(r)
        if words[h.first].clause not in past_clauses and not _start(r, h)
    ]
    return sorted(found, key=lambda h: h.first)


# --- what the wording holds ------------------------------------------------------------


# "Sprint 14", "week 6", "day 30": a numbered stretch of the plan is a date.
_PERIODS = frozenset("sprint week day month term quarter shift kw".split())


def _start(r: Reading, hit: Hit) -> bool:
    """Whether `hit` says when the goal starts, not when it ends: "after the year-end
    close", "from next week", "starting this month". A start with no end leaves the goal
    open ("from week 2 on my own", with nothing said of when it is judged)."""
    words = r.sentence.words
    span = {w.low for w in words[hit.first : hit.last + 1]}
    if span & _ENDS:
        return False
    i = hit.first
    if words[i].low in _STARTS or span & _STARTS_WITHIN:
        return True
    while i and words[i - 1].low in _DETERMINERS_BEFORE_DATE:
        i -= 1
    return bool(i) and words[i - 1].low in _STARTS


_STARTS = frozenset(["after", "from", "starting"])
# Inside a longer phrase these still open a start ("in the queue from day one"); "after"
# there can close a stretch ("in the first week after my return").
_STARTS_WITHIN = frozenset(["from", "starting"])
_ENDS = frozenset("until till to through by before within".split())
_DETERMINERS_BEFORE_DATE = frozenset("the my our this next".split())


def _numbered_periods(r: Reading) -> list[Hit]:
    """"Sprint 3", "14 March", "May 3rd", "by 12/3": dates the word lists cannot spell."""
    from revmentor.coach.language import compile_phrase

    words = r.sentence.words
    spans = [
        (i, i + 1)
        for i in range(len(words) - 1)
        if words[i].low in _PERIODS and words[i + 1].low.isdigit()
    ]
    for i in range(len(words) - 1):
        a, b = words[i].low, words[i + 1].low
        # "the 3rd of March", "15 de diciembre": a day, a linking word, a month.
        c = words[i + 2].low if i + 2 < len(words) else ""
        linked = _DAY.match(a) and b in _DAY_OF and c in _MONTH_NAMES
        if (_DAY.match(a) and b in _MONTH_NAMES) or (a in _MONTH_NAMES and _DAY.match(b)) or linked:
            # "Town Meeting Day was March 5", "since I started here on 2 February".
            before = {w.low for w in words[max(0, i - 4) : i] if w.clause == words[i].clause}
            if not before & _PAST_MARKERS:
                spans.append((i, i + 2 if linked else i + 1))
    # "By 30-06" and "latest 2025-03-14" arrive as numbers split at their hyphens.
    for i in range(1, len(words) - 1):
        if words[i - 1].low not in _DATE_PREPOSITIONS | {"latest"}:
            continue
        a, b = words[i].low, words[i + 1].low
        after = words[i + 2].low if i + 2 < len(words) else ""
        if not (a.isdigit() and b.isdigit()):
            continue
        if _YEAR_RE.match(a) and after.isdigit():
            if 1 <= int(b) <= 12 and 1 <= int(after) <= 31:
                spans.append((i - 1, i + 2))
            continue
        hyphen = "-" in r.text[words[i].end : words[i + 1].start]
        if hyphen and 1 <= int(a) <= 31 and 1 <= int(b) <= 12:
            spans.append((i - 1, i + 1))
    # "12/3" or "12.3" is a date only after a word that sets one: "18/20" is a score.
    spans += [
        (i - 1, i)
        for i in range(1, len(words))
        if _NUMERIC_DATE.match(words[i].low) and words[i - 1].low in _DATE_PREPOSITIONS
    ]
    phrase = compile_phrase("sprint")
    return [Hit(phrase, i, j, False, r.sentence.quote(i, j)) for i, j in sorted(spans)]


_DAY = re.compile(r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")
_DAY_OF = frozenset("of de di du".split())
# Months as written in other languages too, beside a day number ("1. oktober", "15 mai").
_MONTH_NAMES = frozenset(
    MONTHS
    + MONTH_ABBREVIATIONS
    + tuple(
        "januar februar märz maerz mai juni juli oktober dezember janvier février fevrier mars"
        " avril juin juillet août aout septembre octobre novembre décembre decembre enero"
        " febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre"
        " diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre"
        " januari februari maart mei augustus".split()
    )
)
# "12/3" either way round; "12.3." day first, so that "by 6.30" stays a time of day.
_NUMERIC_DATE = re.compile(
    r"^(?:(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])(?:/\d{2,4})?"
    r"|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?:\.\d{2,4})?)$"
)
_DATE_PREPOSITIONS = frozenset("by before until till on due".split())
_PAST_MARKERS = frozenset("was were since started joined began arrived happened did".split())


def _when(r: Reading, hit: Hit) -> bool:
    """Whether `hit` names a stretch of the plan right after a deadline ("...the handover")."""
    periods = r.hits("period", negated=None)
    if not any(p.first <= hit.first and hit.last <= p.last for p in periods):
        return False
    return any(0 < hit.first - d.last <= 2 for d in r.hits("deadline", negated=None))


def _main_clause(r: Reading, hits: Sequence[Hit]) -> Hit | None:
    """The first of `hits` in the clause of the goal's own verb (or the first clause)."""
    verb = r.hit("learning") or r.hit("task")
    clause = r.sentence.words[verb.first].clause if verb is not None else 0
    for h in hits:
        if r.sentence.words[h.first].clause in (clause, 0):
            return h
    return None


# Family words that are also titles at work ("Sister Okafor", "Brother Tom").
_TITLES = frozenset({"sister", "brother", "mother", "father"})


def _title(r: Reading, hit: Hit) -> bool:
    words = r.sentence.words
    if hit.first != hit.last or words[hit.first].low not in _TITLES:
        return False
    nxt = words[hit.last + 1] if hit.last + 1 < len(words) else None
    return nxt is not None and nxt.text[:1].isupper()


# Capitalised words that are not people.
_NOT_NAMES = frozenset(
    [
        *WEEKDAYS,
        *MONTHS,
        *"easter christmas i ramadan diwali eid new year term spring summer autumn winter".split(),
    ]
)
# A capitalised word after these, or before these, is a person the goal works with.
_WITH_PERSON = frozenset(
    [
        "from",
        "with",
        "by",
        "shadow",
        "shadowing",
        "for",
        "like",
        "as",
        "than",
        "until",
        "before",
        "after",
        "when",
        "help",
        "helping",
        "ask",
        "asking",
        "tell",
        "show",
    ]
)
_PERSON_DOES = frozenset(
    [
        "does",
        "did",
        "do",
        "leaves",
        "leaving",
        "retires",
        "retiring",
        "goes",
        "going",
        "moves",
        "signs",
        "checks",
        "observing",
        "watching",
        "is",
        "has",
        "hands",
        "handed",
        "covers",
        "reckons",
        "thinks",
        "says",
        "wants",
        "transfers",
    ]
)


def _colleague(r: Reading) -> str:
    """A colleague named in the goal ("Shadow Bev", "everything Priya does"), or ""."""
    words = r.sentence.words
    text = r.text
    if sum(w.text[:1].isupper() for w in words) > len(words) / 2:
        return ""  # Title Case or capitals: a capital says nothing here
    for i, w in enumerate(words):
        if i == 0 or not w.text[:1].isupper() or not w.text[1:].islower():
            continue  # not a name, or an acronym (SAP, QA)
        if w.low in _NOT_NAMES:
            continue
        if any(mark in text[words[i - 1].end : w.start] for mark in ".!?:"):
            continue  # the first word of a sentence
        before = words[i - 1].low
        after = words[i + 1].low if i + 1 < len(words) else ""
        possessive = w.text.endswith(("'s", "’s"))
        if before in _WITH_PERSON or after in _PERSON_DOES or possessive:
            return w.text
    return ""


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}  # fmt: skip
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
# A number after these names a thing (Year 8, Line 3, sprint 6), it does not count one.
_NAMING = frozenset(
    [
        "year",
        "line",
        "ward",
        "room",
        "level",
        "grade",
        "sprint",
        "week",
        "day",
        "month",
        "term",
        "q",
        "h",
        "version",
        "phase",
        "stage",
        "step",
        "tier",
        "band",
        "set",
        "class",
        "form",
        "bay",
        "gate",
        "lane",
        "unit",
        "floor",
        "zone",
        "page",
        "chapter",
        # Places and machines that go by number: "Greenhouse 4", "window 14", "Bog 7".
        "greenhouse",
        "bog",
        "window",
        "platform",
        "counter",
        "desk",
        "kiln",
        "tank",
        "hall",
        "berth",
        "hangar",
        "terminal",
        "pier",
        "quay",
        "wing",
        "plot",
        "station",
        "oven",
        "vat",
        "barn",
        "theatre",
        "lab",
        "cell",
        "rig",
    ]
)
_DISTANCE = frozenset("pb run race km mile miles degrees degree °c °f".split())
_RUNNING = frozenset("run ran running walk walked swim swam cycle cycled row rowed".split())
_NUMBER_RE = re.compile(r"^\d[\d,]*(?:\.\d+)?k?$|^\d+/\d+$")
_THRESHOLDS = frozenset(["under", "over", "below", "above", "than", "£", "$", "€", "within", "top"])
# "Save £30k": an amount to reach, so it counts.
_AMOUNTS = frozenset(["save", "raise", "earn", "make", "generate", "bring"])


def _count(r: Reading, *, totals: bool = False, names: frozenset[str] = frozenset()) -> Hit | None:
    """The first number that counts something (not a date, a duration or a name).

    With `totals`, a rate ("40 calls a week", "120 lines an hour") does not count; nor
    does a number in `names`.
    """
    from revmentor.coach.language import Hit as _Hit
    from revmentor.coach.language import compile_phrase

    words = r.sentence.words
    units = _time_units(r)
    months = _months()
    not_feat = {i for h in r.hits("not_feat", negated=None) for i in range(h.first, h.last + 1)}
    for i, w in enumerate(words):
        if not (_NUMBER_RE.match(w.low) or w.low in _NUMBER_WORDS) or w.low in names:
            continue
        if "/" in w.low:
            top, _, bottom = w.low.partition("/")
            if int(top) > int(bottom):
                continue  # 30/04 is a date; 5/5 a score
        before = words[i - 1].low if i else ""
        after = words[i + 1] if i + 1 < len(words) else None
        # "Ward 5" and "day one" are names; "for the ward five calls" counts calls.
        counted = (
            not w.low[0].isdigit() and after is not None and after.low.endswith("s")
            and after.low.isalpha() and after.stem not in units
        )
        named = before in _NAMING and not counted
        if named or (after is not None and after.stem in units):
            continue
        ran = w.low.endswith("k") and before in _RUNNING  # "I already run 10k"
        if ran or (after is not None and after.low in _DISTANCE) or {i, i + 1} & not_feat:
            continue  # "my 5k PB", "a 10k fun run": a distance, not so many to do
        if before == "per":
            continue  # "3 errors per 1,000 words": the 1,000 sizes the rate
        if i and words[i - 1].text.isupper() and words[i - 1].text.isalpha() and w.low[0].isdigit():
            continue  # IFRS 17, ISO 9001: a name, not a count ("in SAP five calls" counts)
        if not totals and before in _DESCRIBING:
            continue  # "the notes are 300 pages" tells the size of the job, not a target
        if after is not None and (_NUMBER_RE.match(after.low) or after.low in _NUMBER_WORDS):
            continue  # "twenty-two years": the last number decides
        earlier = words[i - 2].low if i > 1 else ""
        if totals and before in _THRESHOLDS and earlier not in _AMOUNTS:
            continue  # "claims under £2,000" sets a limit, it is not so much to do
        if (after is not None and after.low in months) or before in months:
            continue  # a date
        if _YEAR_RE.match(w.low) and before not in _THRESHOLDS | {"past", "to"} and (
            before in _YEAR_WORDS or after is None or not after.low.endswith("s")
        ):
            continue  # "since 2019", "the 2025 shortlists": a year ("2000 claims" counts)
        if w.low in ("one", "a") and after is not None and after.low in ("day", "of"):
            continue
        if totals and _is_rate(words, i, units):
            continue
        return _Hit(compile_phrase("#"), i, i, False, w.text)
    return None


_DESCRIBING = frozenset("is are was were has have had".split())
_YEAR_WORDS = frozenset("since in from until till before after during".split())
_YEAR_RE = re.compile(r"^(1[5-9]|20)\d\d$")


# "Every difference explained": a standard to meet, not everything to take on.
_STANDARD = frozenset(
    stem(w)
    for w in [
        "explained",
        "checked",
        "signed",
        "approved",
        "reviewed",
        "reconciled",
        "matched",
        "logged",
        "recorded",
        "filed",
        "answered",
        "coded",
        "scanned",
        "labelled",
        "tested",
        "ticked",
        "correct",
        "accurate",
    ]
)


def _scope(r: Reading) -> Hit | None:
    """The scope of what the goal takes on: "the whole", "everything", "all of"."""
    words = r.sentence.words
    units = _time_units(r)
    for hit in r.outside("sweeping", "frequency"):
        after = {w.stem for w in words[hit.last + 1 : hit.last + 6]}
        # "for the whole 12 weeks", "the entire month": how long, not how much (a
        # "15-year archive" is still a great deal).
        span = words[hit.last + 1 : hit.last + 3]
        counted = len(span) == 2 and span[1].stem in units and span[1].low.endswith("s")
        if span and (span[0].stem in units or counted):
            continue
        # "ticks every line": a standard met on each, not everything to take on.
        before = words[hit.first - 1].stem if hit.first else ""
        if not after & _STANDARD and before not in _STANDARD:
            return hit
    return None


def _steps(listed: str) -> bool:
    """Whether a list after the goal's verb is of steps, each opening with a doing word
    ("design primers, validate them, run my first plate"), not of things ("Sage, Xero and
    payroll", "the rota, the audit and my NVQ", "reports and dashboards")."""
    parts = [p.split() for p in re.split(r",|\band\b|\bthen\b", listed)]
    opening = [p[0] for p in parts[1:] if p]
    return len(opening) >= 2 and all(
        w.isalpha() and w.islower() and w not in _PARTICULAR and not w.endswith("s")
        for w in opening
    )


# "from 18% to 5%", "from £310k to zero": a number (or nothing) moved to another.
_AMOUNT = r"[£$€]?(\d+(?:\.\d+)?|zero|nil|nothing|none)\s*(?:k|m|bn)?\s*%?"
_FROM_TO = re.compile(
    rf"\bfrom\s+{_AMOUNT}\s+(?:down\s+|up\s+)?to\s+(?:under\s+|below\s+|over\s+|above\s+)?"
    rf"{_AMOUNT}(?![\w.])",
    re.I,
)


def _amount(text: str) -> float:
    return float(text) if text[:1].isdigit() else 0.0


def _change(r: Reading) -> Hit | None:
    """A rate or number the goal moves many times over: "from 6% to 0.5%", "from 80 to 200
    lines an hour"."""
    from revmentor.coach.language import compile_phrase

    words = r.sentence.words
    for m in _FROM_TO.finditer(r.text):
        low, high = sorted((_amount(m.group(1)), _amount(m.group(2))))
        inside = [i for i, w in enumerate(words) if m.start() <= w.start < m.end()]
        # Near 100%, what moves is the share that falls short: 62% to 95% cuts it 7-fold.
        share = "%" in m.group() and high < 100 and (100 - low) / (100 - high) >= SHORTFALL_FACTOR
        if inside and high and (low == 0 or high / low >= CHANGE_FACTOR or share):
            first, last = inside[0], inside[-1]
            return Hit(compile_phrase("#"), first, last, False, r.sentence.quote(first, last))
    for i, w in enumerate(words[:-1]):
        # "double our listening figures", "halve the backlog"; not "a double shift".
        if w.low in _MULTIPLY and words[i + 1].low in _WHOSE:
            last = min(i + 3, len(words) - 1)
            return Hit(compile_phrase("#"), i, last, False, r.sentence.quote(i, last))
    return None


_MULTIPLY = frozenset("double doubling triple tripling treble halve halving quadruple".split())
_WHOSE = frozenset("the our my its their your his her this".split())


def _bundle(r: Reading) -> str:
    """Several goals listed together and due together ("the rota, the audit and my NVQ, all
    by the end of month one"), as typed, or ""."""
    text = r.text
    parts = [p.strip() for p in re.split(r",|;|\band\b|\bplus\b|&", text, flags=re.I)]
    parts = [p for p in parts if len(re.findall(r"[^\W\d_]{3,}", p)) >= 1]
    bundled = re.search(r"\ball\s+(?:by|before|in|this|within|during|of it|at once)\b", text, re.I)
    if bundled:
        # "..., all by Friday" closes the list: it is not one of the goals in it.
        parts = [p for p in parts if not re.match(r"all\s", p, re.I)]
    if len(parts) >= 3 and bundled:
        return text[: bundled.start()].strip(" ,")
    return ""


# "lose 20 kg", "drop 10kg", "shed two stone": body weight to lose, in kilograms.
_WEIGHT_LOSS = re.compile(
    r"\b(?:lose|losing|lost|drop|dropping|shed|shedding)\s+(\d+(?:\.\d+)?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s*(kg|kgs|kilos?|kilograms?|lbs?|pounds|stones?|st)\b",
    re.I,
)
_POUND_KG, _STONE_KG = 0.4536, 6.35
_KG_PER_UNIT = {"lb": _POUND_KG, "lbs": _POUND_KG, "pounds": _POUND_KG}
_KG_PER_UNIT |= {"st": _STONE_KG, "stone": _STONE_KG, "stones": _STONE_KG}


def _weight_loss(r: Reading) -> tuple[float, str] | None:
    """Kilograms of body weight the goal sets out to lose, with the words that say so."""
    m = _WEIGHT_LOSS.search(r.text)
    if m is None:
        return None
    number, unit = m.group(1).lower(), m.group(2).lower()
    amount = _NUMBER_WORDS.get(number) or float(number)
    return amount * _KG_PER_UNIT.get(unit, 1.0), m.group()


def _time_units(r: Reading) -> set[str]:
    """The stems of the words for spans of time ("week", "month", "term")."""
    return {s for phrase in r.words["time_units"].phrases for s in phrase.stems()}


def _is_rate(words: Sequence[Word], i: int, units: set[str]) -> bool:
    """Whether the number at `i` is so many per hour, day or week."""
    for j in range(i + 1, min(i + 6, len(words) - 1)):
        if words[j].low in ("a", "an", "per", "each", "every") and words[j + 1].stem in units:
            return True
    return False


_WEEKDAYS = frozenset(WEEKDAYS)
_BY_WEEKDAY = frozenset("by before until till this next from starting on".split())
_WITHIN_DAYS = frozenset("first in within over next".split())
_BY_WEEKEND = frozenset("by before until till this next".split())


def _frame_weeks(r: Reading, ctx: SmartContext) -> float:
    """How many weeks the goal gives itself: its own words first, else the plan's length."""
    words = r.sentence.words
    for i, w in enumerate(words):
        nxt = words[i + 1].low if i + 1 < len(words) else ""
        before = words[i - 1].low if i else ""
        if w.low == "tomorrow" or (w.low in _WEEKDAYS and before in _BY_WEEKDAY):
            return 1.5 if nxt == "week" else 1  # "by Friday"; "the Tuesday round" recurs
        if w.low in ("week", "wk") and (nxt.isdigit() or nxt in _NUMBER_WORDS):
            return _NUMBER_WORDS.get(nxt) or float(nxt)  # "by week 2", "end of week two"
        if w.low in _ORDINALS and nxt.startswith("week"):
            return _ORDINALS[w.low]  # "by my third week"
        # "In my first 5 days"; "for 10 days running" and "on 5 days" are runs and counts.
        if (
            nxt.startswith("day")
            and (w.low.isdigit() or w.low in _NUMBER_WORDS)
            and before in _WITHIN_DAYS
        ):
            return (_NUMBER_WORDS.get(w.low) or float(w.low)) / 5  # "in my first 5 days"
        if w.low == "fortnight":
            return 2
        if w.low in ("first", "frist", "1st") and nxt in ("week", "day", "days", "fortnight"):
            return 1 if nxt != "fortnight" else 2
        if w.low == "weekend" and before in _BY_WEEKEND:
            return 0.5
        number = w.low.isdigit() or w.low in _NUMBER_WORDS
        if nxt.startswith(("week", "wk")) and number and before != "week":
            return _NUMBER_WORDS.get(w.low) or float(w.low)
        if nxt.startswith("month") and (w.low.isdigit() or w.low in _NUMBER_WORDS):
            return 4.3 * (_NUMBER_WORDS.get(w.low) or float(w.low))
        if w.low in ("month",) and i and words[i - 1].low in ("this", "first", "the"):
            return 4.3
    return float(ctx.weeks)


def _value(r: Reading, hit: Hit) -> float:
    low = r.sentence.words[hit.first].low
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    digits = low.replace(",", "")
    scale = 1000 if digits.endswith("k") else 1
    try:
        return float(digits.rstrip("k")) * scale
    except ValueError:
        return 0.0


def _months() -> frozenset[str]:
    return frozenset(MONTHS + MONTH_ABBREVIATIONS)


def _own_words(r: Reading) -> list[int]:
    covered = {
        i
        for name in ("filler", "deadline", "vague_time")
        for h in r.hits(name, negated=None)
        for i in range(h.first, h.last + 1)
    }
    return [i for i in r.content_words() if i not in covered]


def _shared_gap(r: Reading, gaps: Sequence[str]) -> str:
    """A scanned gap that shares a word of substance with the goal, or ""."""
    own = {
        w.stem
        for i in r.content_words()
        if len((w := r.sentence.words[i]).low) > 3 or (w.text.isupper() and len(w.text) > 1)
    }
    for gap in gaps:
        gap_words = {
            stem(w)
            for w in re.findall(r"[^\W_]+", gap)
            if len(w) > 3 or (w.isupper() and len(w) > 1)
        } - _GENERIC_GAP_WORDS
        if any(o == g or (len(g) > 4 and _close(o, g)) for o in own for g in gap_words):
            return gap
    return ""


# Words in many gaps that say nothing of which one a goal is about.
_GENERIC_GAP_WORDS = frozenset(
    stem(w)
    for w in [
        "process",
        "processes",
        "system",
        "systems",
        "using",
        "handling",
        "management",
        "work",
        "new",
    ]
)


DECIDERS: dict[str, Callable[[Reading, SmartContext, str], Check]] = {
    "specific": specific,
    "measurable": measurable,
    "achievable": achievable,
    "relevant": relevant,
    "time_bound": time_bound,
}

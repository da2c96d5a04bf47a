"""Advice about the goal in front of it: its subject in its own words, and a rewrite.

The subject is what a goal is about, as the person wrote it ("Power BI", "the Q3
report"); the hints are worded around it. The rewrite keeps the person's words where
they work and adds what is missing, marking in [square brackets] only what revmentor
cannot know ("so that [my team] can …").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revmentor.coach.reading import Reading
    from revmentor.coach.smart import SmartContext
    from revmentor.coach.verdict import Verdict

# Where a subject ends: the next part of the sentence starts here.
_SUBJECT_ENDS = frozenset(
    """
    so because by before after until within while when where which that if to for
    with from in on at during this next every each and but or than then instead rather
    without
    """.split()
)
# Words that can open what follows a learning verb without being its subject.
_SUBJECT_OPENERS = frozenset(
    """
    to about more enough a bit basics of use using work working with do doing make making
    get getting up on some how me myself us i
    """.split()
)
# A clause as subject ("how the board decides") may run longer than a thing ("Power BI").
_MAX_SUBJECT_WORDS = 6
_MAX_CLAUSE_WORDS = 8
_WH = frozenset("how what why whether who when where which".split())
# Leading verbs that are the goal's action, not what it is about ("become", "rebuild").
_ACTIONS = frozenset(
    """
    become be get have make do rebuild redo build fix use run finish complete write send
    take pass win land clear set sort
    """.split()
)


def subject(r: Reading) -> str:
    """What the goal is about, in its own words; "it" when nothing can be told."""
    found = _subject(r)
    if found.lower() in _VAGUE:
        return "it"
    return found


# Words that are no subject to speak of ("Get better at stuff").
_VAGUE = frozenset("stuff things everything anything something it all the lot".split())


def _subject(r: Reading) -> str:
    words = r.sentence.words
    start = _subject_start(r)
    while start < len(words) and words[start].low in _SUBJECT_OPENERS:
        if words[start].low == "how" and start + 1 < len(words) and words[start + 1].low != "to":
            break  # "how the board decides" is the subject
        start += 1
    clause = start < len(words) and words[start].low in _WH
    limit = _MAX_CLAUSE_WORDS if clause else _MAX_SUBJECT_WORDS
    picked: list[int] = []
    for i in range(start, len(words)):
        w = words[i]
        if picked and (w.low in _SUBJECT_ENDS and not (clause and w.low in _WH)):
            break
        if picked and w.clause != words[picked[0]].clause:
            break
        if not picked and (w.low in _SUBJECT_ENDS or w.low in _ACTIONS) and not clause:
            continue
        picked.append(i)
        if len(picked) == limit:
            break
    while picked and words[picked[0]].low in _SWEEPING_WORDS:
        picked.pop(0)
    sweeps = len(picked) > 1 and words[picked[1]].low in _SWEEPING_WORDS
    if sweeps and words[picked[0]].low == "the":
        picked = picked[2:]
    # "What is an API?": the thing asked about is an API.
    if (
        len(picked) > 2
        and words[picked[0]].low == "what"
        and words[picked[1]].low in ("is", "are", "does", "do")
    ):
        picked = picked[2:]
    while picked and words[picked[-1]].low in _MASTERY_WORDS:
        picked.pop()
    while len(picked) > 1 and words[picked[-1]].low in ("the", "a", "an", "my", "our", "of"):
        picked.pop()
    if not picked:
        content = [
            i
            for i in r.content_words()
            if words[i].low not in _ACTIONS and words[i].low not in _MASTERY_WORDS
        ][:4]
        return " ".join(words[i].text for i in content) if content else "it"
    return r.sentence.quote(picked[0], picked[-1])


_SWEEPING_WORDS = frozenset("every all everything entire whole single".split())
_MASTERY_WORDS = frozenset("expert experts guru master pro ninja wizard".split())


def _subject_start(r: Reading) -> int:
    """Where the subject starts: after the goal's learning verb, its task, or its ask."""
    from revmentor.coach.real import _learning

    words = r.sentence.words
    refusal = r.hit("refusal", negated=None)
    if refusal is not None and _learning(r) is None:
        # "just need someone to proofread my slides": what they want done is the subject.
        for i in range(refusal.last, len(words) - 1):
            if words[i].low == "to" and words[i + 1].low not in _SUBJECT_ENDS:
                return i + 2
    # The goal's first verb of learning, trying or doing leads into what it is about.
    found = [h for h in (_learning(r), r.hit("trying"), r.hit("task")) if h is not None]
    if found:
        first = min(found, key=lambda h: h.first)
        start = first.last + 1
        # "What is an API", "what does ESG mean": the thing asked about.
        if first.first == 0 and words[first.first].low in ("what", "how"):
            return 0
        return start
    return 0


_LIST_JOINS = frozenset({"and", "or", "plus"})
_LIST_STOPS = frozenset(  # "then" too: "..., then run our next sprint" starts a new part
    [
        "to",
        "by",
        "so",
        "for",
        "this",
        "next",
        "before",
        "within",
        "in",
        "on",
        "at",
        "until",
        "from",
        "because",
        "properly",
        "during",
        "while",
        "whilst",
    ]
)
_WH_ITEM = frozenset("what who how why when where which whether".split())
# Words that turn a listed part into an aside about the goal, not another thing to do.
_ASIDE = frozenset("i no not maybe ideally probably suppose guess".split())
_DETERMINERS = frozenset("the a an my our their his her your".split())
_PRONOUNS = frozenset("it them they this that he she him her me us".split())


def several(r: Reading, at_least: int, longest: int = 3) -> str:
    """A list of `at_least` or more things right after the goal's verb, as typed, or "".

    "Learn Rust, Go and JavaScript" is three goals in one; a list in brackets or after
    a colon gives examples of one goal and does not count.
    """
    words = r.sentence.words
    text = r.text
    for hit in [*r.hits("learning"), *r.hits("task")]:
        items: list[list[int]] = [[]]
        i = hit.last + 1
        while i < len(words):
            gap = text[words[i - 1].end : words[i].start]
            if any(mark in gap for mark in "()[]:;.!?\n"):
                break
            if "," in gap and items[-1]:
                items.append([])
            w = words[i]
            if w.low in _LIST_JOINS:
                if items[-1]:
                    items.append([])
                i += 1
                continue
            if w.low in _LIST_STOPS or len(items[-1]) >= longest:
                break
            if not items[-1] and len(items) > 1 and (w.low.endswith("ing") or w.low in _WH_ITEM):
                break  # "..., practising on real figures": the next part of the sentence
            # "the fault logging tool" names a thing; "Rhiannon checking each" is an aside.
            named = bool(items[-1]) and words[items[-1][0]].low in _DETERMINERS
            doing = w.low.endswith("ing") and len(w.low) > 4 and not named
            if len(items) > 1 and (w.low in _ASIDE or doing):
                items.pop()  # "..., Rhiannon checking each", "..., I suppose": an aside
                break
            items[-1].append(i)
            i += 1
        items = [
            item
            for item in items
            if item and any(words[i].low not in _PRONOUNS and len(words[i].low) > 1 for i in item)
        ]
        if len(items) >= at_least:
            return r.sentence.quote(items[0][0], items[-1][-1])
    return ""


# Words after which a verb continues the same job rather than starting another.
_COMPLEMENT = frozenset("to can could will would should might must".split())
# Words that open the purpose of a goal; no job is counted past them.
_PURPOSE_OPENS = frozenset(["so", "because"])


def several_jobs(r: Reading, at_least: int) -> str:
    """Several jobs in one goal: at least `at_least` clauses that each start with a verb
    of doing or learning ("Get all five directorates AI-enabled, redo our data strategy,
    and learn Python"), as typed, or "". Ways of trying ("try it on...", "see what
    works") are part of one goal and do not count."""
    words = r.sentence.words
    starts = {h.first for h in r.hits("task")} | {h.first for h in r.hits("learning")}
    trying = {h.first for h in r.hits("trying")}
    # "[booking and preparing for assignments]": what is in brackets names one thing.
    spans = [m.span() for m in re.finditer(r"\[[^\]]*\]", r.text)]
    bracketed = {i for i, w in enumerate(words) if any(a < w.start < b for a, b in spans)}
    starts -= bracketed
    jobs: list[int] = []
    for i, w in enumerate(words):
        before = words[i - 1].low if i else ""
        if i and jobs and ":" in r.text[words[i - 1].end : w.start]:
            break  # "Run the schedule: build the plan, review it...": the steps of one job
        if before in _PURPOSE_OPENS or (before == "that" and i > 1 and words[i - 2].low == "so"):
            break  # what follows "so that" is why, not another job
        if before in _COMPLEMENT:
            continue  # "well enough to use it", "can use it": part of the same job
        opens = i == 0 or words[i - 1].clause != w.clause or before == "and"
        if opens and i in starts and i not in trying:
            jobs.append(i)
    if len(jobs) >= at_least:
        return r.sentence.quote(jobs[0], min(jobs[-1] + 2, len(words) - 1))
    return ""


def rewrite_smart(r: Reading, verdict: Verdict, context: SmartContext) -> str:
    """The whole goal reworded to meet SMART, keeping its subject and words where it can."""
    from revmentor.coach import compose

    return compose.smart(r, verdict, subject(r), context)


def rewrite_real(r: Reading, verdict: Verdict) -> str:
    """The whole goal reworded to meet REAL, keeping its subject and its words where it can."""
    from revmentor.coach import compose

    return compose.real(r, verdict, subject(r))

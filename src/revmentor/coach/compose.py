"""Composing goals: the rewrite of a goal that falls short.

A rewrite keeps the person's own words wherever they work: the clause that names what
they want to learn, a purpose that names who gains at work, a way of trying it out.
What is missing is added in revmentor's words, with [square brackets] around only what
revmentor cannot know. Every rewrite is checked before it is offered: it must meet every
criterion exactly as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from revmentor.coach.reading import read

if TYPE_CHECKING:
    from revmentor.coach.language import Hit
    from revmentor.coach.reading import Reading
    from revmentor.coach.smart import SmartContext
    from revmentor.coach.verdict import Verdict

# What is added when a part is missing. Brackets mark what only the person can fill in.
PURPOSE = "so that [my team] can [use it in our day-to-day work]"
TRYING = "trying it first on [one real piece of work] and reviewing what worked"
STRETCH = "well enough to [use it on my own in real work]"
UNKNOWN_SKILL = "[the skill I want to build]"
SMART_ALONE = "on my own [three times in a row], signed off by [my mentor]"
SMART_DEADLINE = "by [the end of week {weeks}]"
SMART_FOR_ROLE = "so that the team can rely on me for [{gap}]"

# Openings that only lead into the goal ("I'd like to", "help me", "maybe").
_LEAD_IN = re.compile(
    r"^(?:(?:i(?:'d|’d| would)?(?: really)? (?:like|love|want|need|hope|aim|plan|intend)"
    r"(?: to)?|i'?m (?:keen|hoping|trying|looking) to|i am (?:keen|hoping|trying|looking) to|"
    r"my (?:development |learning )?goal is to|learning goal|development goal|help me(?: to)?|"
    r"please|maybe|perhaps|honestly|to be honest|frankly|could i|can i|could we|can we|"
    r"keen to|would love to|like to|love to|want to|need to|just|also|and|but|so|then|i|"
    r"with|about|on|for|of|to)\b[\s,:]*)+",
    re.IGNORECASE,
)
_DEFINITION = re.compile(
    r"\bwhat (?:a |an |the )?(.+?) (?:even )?(?:is|are|means|mean|stands for)\b", re.I
)
_COURSE = re.compile(
    r"^(?:complete|finish|take|pass|do|sit|attend|tick off|sign up for|get)\s+", re.I
)
_FINDING = re.compile(
    r"^(?:see|find out|work out|figure out|discover|suss out)\s+"
    r"(?=(?:how|what|why|whether|which|who)\b)",
    re.I,
)
_QUESTION = re.compile(r"^(how|what|why|when|where|which|who|whether)\s+(?:do|does|did)\s+", re.I)
_WH_START = re.compile(r"^(how|what|why|when|where|which|who|whether)\b", re.I)
# Scope words swapped for a size one person can reach in the cycle.
_SCOPE = [
    (re.compile(r"\beverything about\b", re.I), "[the essentials of]"),
    (re.compile(r"\beverything\b", re.I), "[the essentials]"),
    (re.compile(r"\bevery one of\b", re.I), "[one] of"),
    (re.compile(r"\bevery(?: single)?\b", re.I), "[one]"),
    (re.compile(r"\ball \d[\d,]* of\b", re.I), "[a first few] of"),
    (re.compile(r"\ball (?:of )?(?:the |our |my )?", re.I), "[a few of the] "),
    (re.compile(r"\bthe (?:entire|whole)\b", re.I), "[one part of] the"),
    (re.compile(r"\b(?:entire|whole)\b", re.I), "[one part of the]"),
    (re.compile(r"\bmaster(?:ing)?\b", re.I), "get confident with"),
    (re.compile(r"\bfluent\b", re.I), "passable"),
    (re.compile(r"\b(?:fluently|perfectly|flawlessly)\b", re.I), "with confidence"),
    (re.compile(r"\b(?:leading|top|best|foremost|go-to) (?:expert|person)\b", re.I),
     "well-informed voice"),
    (re.compile(r"\bexpert\b", re.I), "confident practitioner"),
]  # fmt: skip


def real(r: Reading, verdict: Verdict, subject: str) -> str:
    """A rewrite of the goal that meets REAL, kept as close to its words as the check allows."""
    from revmentor.coach.real import judge

    r = _readable(r)
    checks = verdict.checks
    used: set[int] = set()
    aim = _aim(r, verdict, used)
    purpose = [] if checks["relevant"].ok else [PURPOSE]
    trying = [] if checks["experimental"].ok else [TRYING]
    if checks["relevant"].ok:
        purpose = _own(r, used, "work")
    if checks["experimental"].ok:
        trying = _own(r, used, "trying")
    topic = _topic(r, subject)
    candidates = [
        [aim, *purpose, *trying],
        [aim, *(purpose or [PURPOSE]), *(trying or [TRYING])],
        [aim, PURPOSE, TRYING],
        [f"Get to grips with {topic} {STRETCH}", PURPOSE, TRYING],
        [f"Learn {UNKNOWN_SKILL} {STRETCH}", PURPOSE, TRYING],
    ]
    return _first_passing(candidates, judge)


def smart(r: Reading, verdict: Verdict, subject: str, context: SmartContext) -> str:
    """A rewrite of the goal that meets SMART, kept as close to its words as the check allows."""
    from revmentor.coach.smart import judge

    r = _readable(r)
    checks = verdict.checks
    used: set[int] = set()
    gap = (context.linked_gap or (context.gaps[0] if context.gaps else "")).strip()
    gap_text = _lower_first(gap) if gap else "the main task of the role"
    personal = not checks["relevant"].ok and checks["relevant"].cause == "personal"
    # Relevant to the role, words that read as personal are the role's own.
    drop_personal = not checks["relevant"].ok
    task = "" if personal or not checks["specific"].ok else _task_clause(r, used, drop_personal)
    too_much = not checks["achievable"].ok
    own_dates = _deadline_phrases(r) if checks["time_bound"].ok else []
    if task and too_much:
        # The goal's own date goes with the rest of its size; it is put back after the
        # resized task when the two fit together, else the plan's end takes its place.
        task = _without(_resize(r, task, checks["achievable"].cause), own_dates)
    task = task or f"Handle [{gap_text}]"
    measure = (
        _own(r, used, "measure", drop_personal) if checks["measurable"].ok else [SMART_ALONE]
    )
    if too_much:
        alone = [h.quote for h in r.hits("alone") if h.quote.split()[0].lower() != "without"]
        measure = [m for m in (_without(m, [*own_dates, *alone]) for m in measure) if m]
    deadline_text = SMART_DEADLINE.format(weeks=context.weeks or 12)
    deadline = _deadline(r, task) if checks["time_bound"].ok else [deadline_text]
    for_role = SMART_FOR_ROLE.format(gap=gap_text)
    role = [] if checks["relevant"].ok else [for_role]
    candidates = [[task, *measure, *deadline, *role]]
    if too_much:
        candidates = [[task, *measure, date, *role] for date in own_dates[:1]]
        candidates.append([task, *measure, deadline_text, *role])
    candidates += [
        [task, SMART_ALONE, deadline_text, *role],
        [task, SMART_ALONE, deadline_text, for_role],
        [f"Handle [{gap_text}]", SMART_ALONE, deadline_text, for_role],
        [f"Handle [{gap_text}]", SMART_ALONE, deadline_text],
    ]
    return _first_passing(candidates, lambda text: judge(text, context))


# --- the parts of a goal --------------------------------------------------------------


def _readable(r: Reading) -> Reading:
    """A goal typed in capitals is reworded in ordinary case."""
    letters = [c for c in r.text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return read(r.text.lower())
    return r


def _clauses(r: Reading) -> list[tuple[int, int, int]]:
    """(clause number, first word, last word) for each clause, in order."""
    spans: dict[int, list[int]] = {}
    for i, w in enumerate(r.sentence.words):
        spans.setdefault(w.clause, []).append(i)
    return [(c, ix[0], ix[-1]) for c, ix in spans.items()]


def _bad(r: Reading, personal: bool = True) -> list[Hit]:
    """What keeps a clause out of a rewrite: personal, refusing, rigid, negated, vague times.
    Without `personal`, words that read as personal stay in (the plan's gap made the dogs
    of "Groom 40 dogs a day" the role's)."""
    return [
        *(r.personal() if personal else ()),
        *r.hits("refusal", negated=None),
        *r.hits("rigid", negated=None),
        *r.hits("learning", negated=True),
        *r.hits("trying", negated=True),
        *r.hits("vague_time", negated=None),
        *r.hits("past_time", negated=None),
        *r.hits("hedge", negated=None),
    ]


def _clean_clauses(r: Reading, personal: bool = True) -> list[tuple[int, int, int]]:
    bad = _bad(r, personal)
    return [c for c in _clauses(r) if not any(h.first <= c[2] and h.last >= c[1] for h in bad)]


def _cut_clause(r: Reading) -> str:
    """The first clause, cut where it turns personal or refuses ("Try Midjourney for my
    holiday photo albums" -> "Try Midjourney"), or "" when too little is left."""
    bad = _bad(r)
    words = r.sentence.words
    for _, first, last in _clauses(r):
        stops = [h.first for h in bad if first <= h.first <= last]
        end = (min(stops) if stops else last + 1) - 1
        while end >= first and (words[end].low in _DANGLING or words[end].low[:1].isdigit()):
            end -= 1
        span = [w.low for w in words[first : end + 1]]
        if any(w in ("no", "not", "never", "without") for w in span) or not span:
            continue
        if span[0] in _NOT_AN_AIM or span[0].endswith("ing"):
            continue
        substance = [w for w in span if len(w) > 3 and w not in _THIN]
        if len(substance) >= 2:
            return _tidy(r.sentence.quote(first, end))
    return ""


# Words that carry no substance of their own in a cut clause.
_THIN = frozenset(
    "the and for with you your they them this that have has had was were are can could "
    "would should just really want need like get got make made some any also very what "
    "which when where why whether makes test tests learn understand".split()
)


# Words a cut clause must not end on.
_DANGLING = frozenset(
    "for my our the a an of to with on in at by and or so as from about some 15% %".split()
)


def _asks(r: Reading, last: int) -> bool:
    """Whether the clause ending at word `last` is a question."""
    words = r.sentence.words
    end = words[last].end
    nxt = words[last + 1].start if last + 1 < len(words) else len(r.text)
    return "?" in r.text[end:nxt]


def _text(r: Reading, first: int, last: int) -> str:
    return _tidy(r.sentence.quote(first, last))


def _tidy(text: str) -> str:
    text = _LEAD_IN.sub("", text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,;:.!?-—–'\"")


def _verb_at(r: Reading, index: int) -> bool:
    """Whether the word at `index` is a verb of doing or trying that starts a clause."""
    words = r.sentence.words
    if index < len(words) and words[index].low in _MORE_VERBS:
        return True
    return any(h.first == index for name in ("task", "trying") for h in r.hits(name))


# Verbs a goal often opens with that are neither tasks nor tries of their own.
_MORE_VERBS = frozenset("see shadow join follow sit read watch ask speak spot be".split())


def _aim(r: Reading, verdict: Verdict, used: set[int]) -> str:
    """The clause that says what is to be learned, in the person's words where it can."""
    from revmentor.coach.real import _learning

    words = r.sentence.words
    clean = _clean_clauses(r)
    learning = _learning(r) if r.hit("refusal", negated=None) is None else None
    aim = ""
    if learning is not None:
        clause = words[learning.first].clause
        for c, first, last in clean:
            if c == clause:
                start = first if _WH_START.match(words[first].low) else learning.first
                aim = _statement(_text(r, start, last))
                aim = re.sub(r"^learning\b", "Learn", aim, flags=re.I)
                used.add(c)
                break
    first_clause = clean[0] if clean else None
    if first_clause is not None and first_clause[0] == 0 and _asks(r, first_clause[2]):
        # A goal that opens with its question: the question is what is to be learned.
        question = _text(r, first_clause[1], first_clause[2])
        if _WH_START.match(question):
            aim = _statement(question)
            used.add(0)
    if not aim:
        # The first clause that says what to do; a heading before it ("New starters:")
        # only names the topic.
        options = [
            (c, first, last)
            for c, first, last in clean
            if _text(r, first, last)
            and words[first].low not in _NOT_AN_AIM
            and not words[first].low.endswith("ing")
            and not _only_filler(r, first, last)
        ]
        doing = [o for o in options if _verb_at(r, o[1])]
        for c, first, last in doing[:1] or options[:1]:
            aim = _as_learning(r, _text(r, first, last), first)
            used.add(c)
    if not aim:
        cut = _cut_clause(r)
        if cut:
            aim = _as_learning(r, cut, _index_of(r, cut))
    if not aim:
        aim = f"Learn {UNKNOWN_SKILL}"
    course_hit = r.hit("course", negated=None)
    if verdict.checks["learning_based"].cause == "course" and course_hit is not None:
        course = _COURSE.sub("", course_hit.quote)
        aim = f"Learn to use what {_lower_first(course)} covers in my own work"
    aspirational = verdict.checks["aspirational"]
    if not aspirational.ok:
        trivial = r.hit("trivial") is not None
        aim = _resize(r, aim, "trivial" if trivial else aspirational.cause)
    return aim


# Clauses that start with these add a purpose, a way or a time; they are not the aim.
_NOT_AN_AIM = frozenset(
    "so because by before after to and then while with when until within during".split()
)


def _only_filler(r: Reading, first: int, last: int) -> bool:
    filler = {i for h in r.hits("filler", negated=None) for i in range(h.first, h.last + 1)}
    content = [i for i in r.content_words() if first <= i <= last]
    return not [i for i in content if i not in filler]


def _index_of(r: Reading, piece: str) -> int:
    at = r.text.lower().find(piece.lower())
    for i, w in enumerate(r.sentence.words):
        if w.start >= at:
            return i
    return 0


def _strip_learn(aim: str) -> str:
    return re.sub(r"^(?:Learn how to|Get to grips with)\s+", "", aim)


def _as_learning(r: Reading, piece: str, first: int) -> str:
    """`piece` (a clause of the goal) as something to learn."""
    if _WH_START.match(piece):
        return _statement(piece)
    finding = _FINDING.match(piece)
    if finding:
        return "Understand " + piece[finding.end() :]
    if re.match(r"^(?:become|be)\b", piece, re.I):
        # A top job: what it takes is what can be learned in three months.
        return "Learn what it takes to " + re.sub(r"^become\b", "be", _lower_first(piece))
    if any(h.first == first for h in r.hits("learning")):
        return re.sub(r"^learning\b", "Learn", piece[:1].upper() + piece[1:], flags=re.I)
    if _verb_at(r, first):
        piece = re.sub(r"^(?:try using|try out|tryout|try)\b", "use", piece, flags=re.I)
        return "Learn how to " + _lower_first(piece)
    return "Get to grips with " + _lower_first(piece)


def _statement(text: str) -> str:
    """A question turned into what is to be understood: "How do X decide" -> "Understand
    how X decide"."""
    text = text.rstrip("?").strip()
    m = _QUESTION.match(text)
    if m:
        return f"Understand {m.group(1).lower()} {text[m.end() :]}"
    if _WH_START.match(text):
        return f"Understand {_lower_first(text)}"
    return text[:1].upper() + text[1:]


def _resize(r: Reading, aim: str, cause: str) -> str:
    """`aim` sized for the cycle: no "everything", no "by Friday", no single answer."""
    for h in r.hits("summit", negated=None):
        aim = aim.replace(h.quote, " ")
    for h in r.hits("short_time", negated=None):
        if h.quote.split()[0].lower() in _DEADLINE_WORDS:
            aim = aim.replace(h.quote, " ")
    # "40 dogs a day" is a rate when the goal is too much; "in a day" is trivial only otherwise.
    for h in r.hits("trivial", negated=None) if cause != "too_much" else ():
        if h.quote.lower() in _SMALL_THINGS:
            # "the Outlook keyboard shortcuts" -> "the Outlook": the thing and its modifier.
            aim = re.sub(rf"(?:\b[a-z][\w-]* )?{re.escape(h.quote)}", " ", aim, count=1)
        else:
            aim = aim.replace(h.quote, " ")
    words = r.sentence.words
    for h in [*r.outside("sweeping", "frequency"), *r.hits("mastery", negated=None)]:
        first = h.first - 1 if h.first and words[h.first - 1].low == "the" else h.first
        quote = r.sentence.quote(first, min(h.last + 2, len(words) - 1))
        if quote in aim:
            changed = quote
            for pattern, replacement in _SCOPE:
                changed = pattern.sub(replacement, changed, count=1)
                if changed != quote:
                    break
            aim = aim.replace(quote, changed)
    # "By myself", "solo": the rewrite says who checks instead.
    for h in r.hits("alone"):
        if h.quote.split()[0].lower() not in ("no", "without"):
            aim = aim.replace(h.quote, " ")
    for h in r.hits("become"):
        aim = aim.replace(h.quote, f"take [a first step] towards being {h.quote.split()[-1]}")
    # "As fast as Dona Rosa", "like Aibek does": a pace of years, left for later.
    for h in r.hits("feat"):
        if h.quote.split()[0].lower() in ("as", "like"):
            aim = aim.replace(r.phrase_around(h, after=3), " ")
    if cause == "out_of_hands":
        # "Write the bid and make sure it gets funded": keep the part in the person's hands.
        for h in r.hits("out_of_hands", negated=None):
            at = aim.find(h.quote)
            if at > 0:
                aim = re.sub(r"[\s,;]*(?:\b(?:and|to|then)\b)?[\s,;]*$", "", aim[:at])
    if cause == "several":
        aim = _first_of_list(aim)
    definition = _DEFINITION.search(aim)
    if cause == "trivial" and definition:
        aim = f"Understand {definition.group(1)}"
    if cause in ("trivial", "vague") and "well enough to" not in aim:
        aim = f"{aim.rstrip(' ,')} {STRETCH}"
    return re.sub(r"\s+", " ", aim).strip(" ,")


# A short time is taken out where it is the deadline ("by Friday"), not a thing ("a first day").
_DEADLINE_WORDS = frozenset("by in within before over this next tomorrow today overnight".split())
# Small things whose modifier goes with them when they are taken out of a rewrite.
_SMALL_THINGS = frozenset("shortcut shortcuts emoji acronym acronyms".split())


def _first_of_list(aim: str) -> str:
    """The first item of a list: "Learn Rust, Go and JavaScript" becomes "Learn Rust"."""
    m = re.match(r"^(.*?\b[\w'’.+-]+)\s*(?:,|\band\b|\bor\b)", aim)
    return m.group(1) if m else aim


def _own(r: Reading, used: set[int], name: str, personal: bool = True) -> list[str]:
    """The person's clean clauses holding a `name` phrase that are not used yet."""
    hits = r.hits(name, negated=None)
    out = []
    for c, first, last in _clean_clauses(r, personal):
        if c in used or _asks(r, last) or not any(first <= h.first <= last for h in hits):
            continue
        piece = r.sentence.quote(first, last).strip(" ,;:.!?-—–")
        if piece:
            used.add(c)
            out.append(_lower_first(piece))
    return out


def _task_clause(r: Reading, used: set[int], personal: bool = True) -> str:
    """The goal's task in its own words (its first clean clause that says what to do)."""
    words = r.sentence.words
    options = [
        (c, first, last)
        for c, first, last in _clean_clauses(r, personal)
        if _text(r, first, last) and words[first].low not in _NOT_AN_AIM
    ]
    doing = [o for o in options if _verb_at(r, o[1]) or r.hit("learning") is not None]
    for c, first, last in doing[:1] or options[:1]:
        used.add(c)
        piece = _text(r, first, last)
        return piece[:1].upper() + piece[1:]
    return ""


def _deadline_phrases(r: Reading) -> list[str]:
    """Each of the goal's own dates as written, with the word that leads into it ("by the
    end of week 2", "in my first fortnight")."""
    from revmentor.coach.smart import deadlines

    words = r.sentence.words
    out: list[str] = []
    for h in deadlines(r):
        first = h.first
        while first and words[first - 1].low in _INTO_A_DATE and first > h.first - 3:
            first -= 1
        last = h.last
        while last + 1 < len(words) and words[last + 1].clause == words[h.last].clause and (
            words[last + 1].low in _DATE_TAIL or words[last + 1].low[:1].isdigit()
        ):
            last += 1
        phrase = r.sentence.quote(first, last)
        if not any(phrase in kept for kept in out):
            out.append(phrase)
    return out


# Words that lead into a date ("by the end of", "in my first") and that finish one.
_INTO_A_DATE = frozenset(
    "by in within before until till over during inside for on from starting the my our".split()
)
_DATE_TAIL = frozenset(
    "end of the my week weeks month months day days fortnight shift back here two three four"
    " five six one".split()
)


def _without(text: str, phrases: Sequence[str]) -> str:
    """`text` with `phrases` taken out, and the commas and spaces they leave tidied."""
    for phrase in sorted(phrases, key=len, reverse=True):
        text = text.replace(phrase, " ")
    text = re.sub(r"\s+([,;.])", r"\1", re.sub(r"\s+", " ", text))
    text = re.sub(r"(?:[,;]\s*)+(?=[,;]|$)", "", text).strip(" ,;-—–")
    words = text.split()
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).strip(" ,;-—–")


def _deadline(r: Reading, task: str) -> list[str]:
    """The goal's own deadline ("by Christmas"), when the task clause does not hold it."""
    for h in r.hits("deadline", negated=None):
        if h.quote in task:
            return []
        return [r.phrase_around(h, after=3)]
    return []


_OFF_TOPIC = ("personal", "personal_purpose", "short_time", "vague_subject", "refusal", "sweeping")


def _topic(r: Reading, subject: str) -> str:
    """The subject without words that would make the rewrite fall short again."""
    topic = subject
    for name in _OFF_TOPIC:
        for h in r.hits(name, negated=None):
            topic = topic.replace(h.quote, "")
    topic = re.sub(r"\s+", " ", topic).strip(" ,")
    words = re.findall(r"[^\W\d_]{3,}", topic)
    return topic if words else UNKNOWN_SKILL


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _sentence(parts: Iterable[str]) -> str:
    kept = [p.strip(" ,") for p in parts if p and p.strip(" ,")]
    text = ", ".join(kept)
    return text[:1].upper() + text[1:]


def _first_passing(candidates: Sequence[Sequence[str]], check: Callable[[str], Verdict]) -> str:
    texts = [_sentence(parts) for parts in candidates]
    for text in texts:
        if check(text).passed:
            return text
    return texts[-1]

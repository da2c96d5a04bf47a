"""The goal builder: three short answers turned into one goal sentence.

What the person wants to be able to do, who gains and how, and what they will try first
become "Learn to … so that …, trying first to …": one sentence that meets REAL. For an
on-the-job plan a measure and a date make it SMART. The sentence keeps the person's words;
revmentor only adds the joins between them, and checks the result with the same check as
any other goal before offering it. The person edits it before it is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import product
from typing import TYPE_CHECKING, Any

from revmentor.errors import BadInput

if TYPE_CHECKING:
    from revmentor.coach.smart import SmartContext
    from revmentor.coach.verdict import Verdict

# Beyond this many characters an answer is not a short answer.
MAX_ANSWER = 300
# The answers, in the order they are asked; the last two only for SMART.
KEYS = ("can", "who", "try")
SMART_KEYS = ("measure", "by")

_SPACES = re.compile(r"\s+")
_WHO_THEN_HOW = re.compile(
    r"^(.{1,60}?)(?:,\s*|\s+)(so that|so|because|since|as|who|which)\s+(.+)$", re.I
)
_SENTENCE_END = re.compile(r"\s*[.!?;]+\s+|\s+-+\s+|\s*[–—]\s*|:\s+")


@dataclass(frozen=True)
class BuildAnswers:
    """The builder's answers, as typed. `measure` and `by` are for on-the-job goals."""

    can: str
    who: str
    first: str
    measure: str = ""
    by: str = ""


@cache
def _words() -> dict[str, Any]:
    from revmentor import content

    data: dict[str, Any] = content.load("builder.yaml")
    return data


def question(key: str) -> str:
    """The question behind answer `key`, as the builder asks it."""
    return str(_words()["questions"][key])


def tidy(answer: str) -> str:
    """One line of plain text: control characters and runs of spaces gone, ends trimmed,
    at most MAX_ANSWER characters (cut at a word)."""
    from revmentor.coach.goal_check import readable

    text = readable(answer)
    if len(text) > MAX_ANSWER:
        text = text[:MAX_ANSWER].rsplit(" ", 1)[0]
    return text.strip(" ,;:.!?-—–\"'")


def answer_problem(answer: str) -> str | None:
    """Why an answer cannot be used (empty once tidied, or far too long), or None."""
    if len(answer.strip()) > MAX_ANSWER:
        return f"is {len(answer.strip()):,} characters long; a short answer is at most {MAX_ANSWER}"
    if not tidy(answer):
        return "is empty"
    return None


def check_answers(answers: BuildAnswers, *, smart: bool = False) -> None:
    """Refuse an answer that is empty once tidied, or too long; `field` names the answer."""
    keys = (*KEYS, *SMART_KEYS) if smart else KEYS
    for key in keys:
        problem = answer_problem(_value(answers, key))
        if problem:
            raise BadInput(f"the answer to '{question(key)}' {problem}", field=key)


def _value(answers: BuildAnswers, key: str) -> str:
    return answers.first if key == "try" else str(getattr(answers, key))


# --- the parts of the sentence --------------------------------------------------------


def _strip_lead(text: str, key: str) -> str:
    """`text` without the openings that only lead into an answer ("I want to be able to")."""
    leads = sorted(_words()["lead_ins"][key], key=len, reverse=True)
    changed = True
    while changed and text:
        changed = False
        low = text.lower().replace("’", "'")
        for lead in leads:
            after = low[len(lead) : len(lead) + 1]
            # A whole word only: "I" is not the start of "I'd" or "Ian".
            if low.startswith(lead) and not (after.isalnum() or after == "'"):
                text = text[len(lead) :].lstrip(" ,:;-")
                changed = True
                break
    return text


def _lower_first(text: str) -> str:
    """`text` with a capital only sentence-start gave it made small: "Build one" becomes
    "build one", while "Power BI" and "Helen" keep theirs."""
    if not (len(text) > 1 and text[0].isupper() and not text[1].isupper()):
        return text
    word = _first_word(text)
    plain = word in _words()["noun_openers"] or word in _words()["plain_openers"]
    if plain or word.endswith("ing") or _is_verb(word):
        return text[0].lower() + text[1:]
    return text


def _first_word(text: str) -> str:
    m = re.match(r"[^\W\d_][\w'’-]*", text)
    return m.group(0).lower() if m else ""


def _is_verb(word: str) -> bool:
    from revmentor.coach.language import stem

    return stem(word) in _verb_stems()


@cache
def _verb_stems() -> frozenset[str]:
    from revmentor.coach.language import stem

    return frozenset(stem(str(v)) for v in _words()["verbs"])


def _one_sentence(text: str) -> str:
    """Several sentences or a dash-joined aside made one: "Build one. See if it helps"
    becomes "build one, and see if it helps"."""
    parts = [p.strip(" ,") for p in _SENTENCE_END.split(text) if p.strip(" ,")]
    if not parts:
        return ""
    rest = [p if p.startswith(("I ", "I'")) else _lower_first(p) for p in parts[1:]]
    return ", and ".join([parts[0], *rest]) if rest else parts[0]


def aims(can: str) -> list[str]:
    """What is to be learned, as the sentence's opening ("Learn to use Power BI")."""
    text = _one_sentence(_strip_lead(tidy(can), "can"))
    low = text.lower()
    for opener in _words()["learning_openers"]:
        if low.startswith(str(opener) + " ") or low == opener:
            return [text[:1].upper() + text[1:]]
    first = _first_word(text)
    body = _lower_first(text)
    if first.endswith("ing") and len(first) > 4 and first not in _words()["noun_openers"]:
        return [f"Get better at {body}", f"Learn {body}"]
    if first in _words()["noun_openers"]:
        return [f"Learn {body}", f"Get to grips with {body}"]
    if not _is_verb(first):
        return [f"Get to grips with {body}", f"Learn about {body}"]
    return [f"Learn to {body}", f"Learn how to {body}"]


def purposes(who: str) -> list[str]:
    """Who gains and how, joined to the aim ("so that my team can spot budget drift")."""
    found = _purposes(who)
    # "The whole organisation" reads as a size of the ask; who gains is the organisation.
    unswept = [_SWEEP.sub("", p).replace("  ", " ") for p in found]
    return found + [p for p in unswept if p not in found]


_SWEEP = re.compile(r"\b(?:whole|entire|every(?: single)?|all(?: of)?)\s+", re.I)


def _purposes(who: str) -> list[str]:
    text = _one_sentence(_strip_lead(tidy(who), "who"))
    low = text.lower()
    for word, join in sorted(_words()["who_joins"].items(), key=lambda kv: -len(kv[0])):
        if low.startswith(word + " "):
            rest = text[len(word) :].strip(" ,")
            return [f"{join} {rest}", f"so that {rest} gains from it at work"]
    body = _lower_first(text)
    saying = {str(w).lower() for w in _words()["saying_how"]}

    def says_how(part: str) -> bool:
        return any(w in saying for w in re.findall(r"[\w'’]+", part.lower().replace("’", "'")))

    # "my team, so we spot drift sooner": who gains, then how.
    split = _WHO_THEN_HOW.match(body)
    if split and not says_how(split.group(1)):
        head, join, rest = split.groups()
        join = _words()["who_joins"].get(join.lower(), join)
        return [f"to help {head}, {join} {rest}", f"so that {body}"]
    if says_how(low):
        return [f"so that {body}", f"to help at work, so that {body}"]
    return [f"to help {body}", f"so that {body} gains from it at work"]


def tries(first: str) -> list[str]:
    """What is tried first and how it shows it worked ("trying first to build one …")."""
    text = _one_sentence(_strip_lead(tidy(first), "try"))
    word = _first_word(text)
    body = _lower_first(text)
    if word == "by":
        return [f"trying it first {body}", f"trying it out first {body}"]
    if word in ("on", "with", "in", "at", "during", "for"):
        return [f"trying it first {body}", f"trying it out first {body}"]
    if word.endswith("ing") and len(word) > 4 and word not in _words()["noun_openers"]:
        return [f"trying it first by {body}", f"trying it out first, {body}"]
    if word in _words()["noun_openers"] or not _is_verb(word):
        return [f"trying it first on {body}", f"trying it out first with {body}"]
    return [f"trying first to {body}", f"trying it out first: I will {body}"]


def _deadline(by: str) -> str:
    text = _strip_lead(tidy(by), "by")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return f"by {text}"
    return f"by {day.day} {day:%B %Y}"


def _measure(measure: str) -> str:
    return _lower_first(_one_sentence(_strip_lead(tidy(measure), "measure")))


# A measure that opens with one of these, or with a number of times, reads straight after
# the aim ("on my own", "signed off by Lena", "three times in a row"); any other is a
# count or a standard, said at the end ("measured by five calls handled alone").
_MEASURE_OPENERS = frozenset(
    "on with without in at within under to for from no each every all fewer less more"
    " alone unaided independently correctly accurately signed checked approved reviewed"
    " passed first once twice".split()
)


def _smart_parts(aim: str, measure: str, deadline: str, purpose: str, trying: str) -> list[str]:
    """The parts of an on-the-job goal, in the order that reads as one sentence."""
    words = measure.lower().split()
    opener = words[0] if words else ""
    times = len(words) > 1 and words[1] in ("time", "times")  # "three times in a row"
    if not measure or opener in _MEASURE_OPENERS or times:
        return [f"{aim} {measure} {deadline}", purpose, trying]
    return [f"{aim} {deadline}", purpose, trying, f"measured by {measure}"]


# --- the sentence ---------------------------------------------------------------------


def _sentence(parts: Sequence[str]) -> str:
    kept = [p.strip(" ,") for p in parts if p and p.strip(" ,")]
    text = kept[0] if kept else ""
    for part in kept[1:]:
        # A purpose follows the aim without a comma; what is tried follows after one.
        join = " " if part.startswith(("so that", "to help", "to ", "because", "for ")) else ", "
        text += join + part
    text = _SPACES.sub(" ", text).strip()
    return text[:1].upper() + text[1:]


def _best(candidates: Iterator[Sequence[str]], check: Callable[[str], Verdict]) -> Verdict:
    """The first candidate that meets every criterion, or the one that meets the most."""
    best: Verdict | None = None
    for parts in candidates:
        verdict = check(_sentence(parts))
        if verdict.passed:
            return verdict
        if best is None or verdict.met() > best.met():
            best = verdict
    assert best is not None
    return best


def build_real(answers: BuildAnswers) -> Verdict:
    """The goal the answers make, with its REAL verdict (`verdict.text` is the goal)."""
    from revmentor.coach.real import check_real

    check_answers(answers)
    candidates = (
        [aim, purpose, trying]
        for aim, purpose, trying in product(
            aims(answers.can), purposes(answers.who), tries(answers.first)
        )
    )
    return _best(candidates, check_real)


def build_smart(answers: BuildAnswers, context: SmartContext | None = None) -> Verdict:
    """The on-the-job goal the answers make: aim, measure, date, who gains, first try."""
    from revmentor.coach.smart import check_smart

    check_answers(answers, smart=True)
    measure, deadline = _measure(answers.measure), _deadline(answers.by)
    candidates = (
        _smart_parts(aim, measure, deadline, purpose, trying)
        for aim, purpose, trying in product(
            aims(answers.can), purposes(answers.who), tries(answers.first)
        )
    )
    return _best(candidates, lambda text: check_smart(text, context))


def build(answers: BuildAnswers, context: SmartContext | None = None, *, smart: bool) -> Verdict:
    """The goal the answers make, checked the way its pairing checks goals."""
    return build_smart(answers, context) if smart else build_real(answers)

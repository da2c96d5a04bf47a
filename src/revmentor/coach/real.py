"""The REAL check of a goal's wording: Relevant, Experimental, Aspirational, Learning-based.

Each criterion is decided from what coach/reading.py finds in the sentence, and explains
itself by quoting the words that decided it. The words are data in
content/goal_words.yaml; what is said about them is in content/goal_checks.yaml.
"""

from __future__ import annotations

from collections.abc import Callable

from revmentor.coach import advice
from revmentor.coach.language import Hit, stem
from revmentor.coach.reading import Reading, read
from revmentor.coach.verdict import Check, Verdict, said

KEYS = ("relevant", "experimental", "aspirational", "learning_based")

# At most this many words of its own, and a goal names nothing in particular.
VAGUE_WORDS = 2
# A list of this many things or more is several goals in one.
SEVERAL = 3
# A goal of at most this many words of its own that asks what something means asks for a
# single answer.
SHORT_GOAL_WORDS = 8
# "Everything", "every", "the whole" count when they are what the goal's verb reaches for:
# within this many words after it.
SWEEP_REACH = 4
# A vague word ("whatever", "stuff") leaves a goal of at most this many words of its own
# with nothing to reach for.
FEW_WORDS = 5
# Words that leave a goal with nothing to reach for, whatever else it says.
_VAGUE_IN_REAL = frozenset({"whatever", "stuff", "things", "something", "anything"})


def check_real(text: str) -> Verdict:
    """The REAL verdict of `text`, offline and deterministic; empty text fails every check.

    A wording that falls short comes with a rewrite that meets every criterion.
    """
    verdict = judge(text)
    if verdict.passed or all(c.cause == "empty" for c in verdict.checks.values()):
        return verdict
    return verdict.with_rewrite(advice.rewrite_real(read(text), verdict))


def judge(text: str, *, weighed: bool = True) -> Verdict:
    """The REAL verdict of `text`, without a rewrite; `weighed=False` gives the rules'
    verdict alone, without the second reading by the weight of the words."""
    reading = read(text)
    if reading.empty:
        return Verdict.empty(text, KEYS)
    subject = advice.subject(reading)
    checks = {key: decide(reading, subject) for key, decide in DECIDERS.items()}
    if weighed:
        from revmentor.coach.weighing import reweigh

        checks = reweigh("real", text, checks, subject)
    return Verdict(text, checks)


def _met(key: str, quote: str, which: str = "met") -> Check:
    return Check(True, said("real", key, which, match=quote), "")


def _unmet(key: str, cause: str, subject: str, quote: str = "") -> Check:
    return Check(
        False,
        said("real", key, cause, "why", match=quote),
        said("real", key, cause, "hint", match=quote, subject=subject),
        cause,
    )


def relevant(r: Reading, subject: str) -> Check:
    # Who gains is who gains, negated or not: "instead of emails to my team" is still work.
    personal = r.personal()
    if personal:
        return _unmet("relevant", "personal", subject, personal[0].quote)
    work = r.hits("work", negated=None)
    if work:
        return _met("relevant", r.phrase_around(work[0]))
    return _unmet("relevant", "none", subject)


def experimental(r: Reading, subject: str) -> Check:
    rigid = r.hit("rigid")
    if rigid is not None:
        return _unmet("experimental", "rigid", subject, rigid.quote)
    trying = r.outside("trying", "effort")
    if trying:
        return _met("experimental", r.phrase_around(trying[0], after=4))
    by_doing = _learning_by_doing(r) or _by_doing(r)
    if by_doing:
        return _met("experimental", by_doing)
    refused = r.hit("trying", negated=True)
    if refused is not None:
        start = max(0, refused.first - 3)
        return _unmet("experimental", "refused", subject, r.sentence.quote(start, refused.last))
    return _unmet("experimental", "none", subject)


def learning_based(r: Reading, subject: str) -> Check:
    refusal = _refusal(r)
    if refusal is not None:
        return _unmet("learning_based", "refused", subject, refusal.quote)
    learning = _learning(r)
    if learning is not None:
        return _met("learning_based", r.phrase_around(learning, after=4))
    if r.question:
        return _met("learning_based", r.text.strip(), "question")
    course = r.hit("course")
    if course is not None:
        return _unmet("learning_based", "course", subject, course.quote)
    task = _task(r)
    if task is not None:
        return _unmet("learning_based", "task", subject, task)
    return _unmet("learning_based", "none", subject)


def aspirational(r: Reading, subject: str) -> Check:
    refused = _refusal(r) is not None
    aim = None if refused else _learning(r)
    asks = aim is not None or (r.question and not refused)
    if not asks and not refused and r.outside("trying", "effort") and _at_work(r):
        # A trial on real work that learns from how it turns out reaches for something;
        # a trial of an app for the commute does not.
        aim = None if _delivery(r) else r.hit("lesson")
        asks = aim is not None
    own_words = _own_words(r)
    if asks and len(own_words) <= VAGUE_WORDS:
        return _unmet("aspirational", "vague", subject)
    vague = r.hit("vague_subject", negated=None)
    vague_word = vague is not None and vague.quote.lower() in _VAGUE_IN_REAL
    if asks and vague_word and len(own_words) <= FEW_WORDS:
        return _unmet("aspirational", "vague", subject)
    for name in ("summit", "mastery"):
        found = r.hit(name)
        if found is not None:
            return _unmet("aspirational", "out_of_reach", subject, r.phrase_around(found))
    sweeping = r.sweeping(SWEEP_REACH)
    if sweeping is not None:
        return _unmet("aspirational", "out_of_reach", subject, r.phrase_around(sweeping))
    several = advice.several(r, SEVERAL) or advice.several_jobs(r, SEVERAL)
    if several:
        return _unmet("aspirational", "several", subject, several)
    if not asks:
        return _unmet("aspirational", "task", subject)
    rushed = next(
        (h for h in r.hits("short_time", negated=None) if h.quote.split()[0].lower() in _DUE),
        None,
    )
    if rushed is not None:
        return _unmet("aspirational", "rushed", subject, rushed.quote)
    trivial = r.hit("trivial")
    if trivial is None and len(own_words) <= SHORT_GOAL_WORDS:
        trivial = r.hit("definition")
    if trivial is not None:
        return _unmet("aspirational", "trivial", subject, trivial.quote)
    quote = r.phrase_around(aim, after=5) if aim is not None else r.text.strip()
    return _met("aspirational", quote)


def _delivery(r: Reading) -> bool:
    """A goal that opens by asking for a piece of work, with a trial only as the means."""
    task = r.hit("task")
    if task is None or task.first > 0:
        return False
    return all(h.first > 0 for h in r.outside("trying", "effort"))


def _at_work(r: Reading) -> bool:
    return not r.personal() and bool(r.hits("work", negated=None))


def _refusal(r: Reading) -> Hit | None:
    """Refusing to learn, or handing the job over; being taught by someone is learning."""
    found = r.outside("refusal", "not_refusal")
    return found[0] if found else None


def _learning(r: Reading) -> Hit | None:
    """The first phrase about learning, not counting names such as "e-learning"."""
    found = r.outside("learning", "not_learning", "course")
    return found[0] if found else None


# A short time counts as the goal's deadline after these ("by Friday", not "a first day").
_DUE = frozenset("by in within before over this next tomorrow today overnight".split())
# Verbs too general to make a goal a piece of work done to learn from.
_WEAK_VERBS = frozenset(
    stem(w) for w in "do have get make be use shadow watch read attend join sit follow".split()
)
# After "by", these are ways of taking in, not of trying.
_PASSIVE = frozenset(
    [
        "reading",
        "watching",
        "listening",
        "attending",
        "following",
        "observing",
        "shadowing",
        "being",
        "having",
        "getting",
        "sitting",
        "looking",
        "studying",
        "hearing",
        "asking",
        "waiting",
        "thinking",
    ]
)


# Words ending like a verb's "-ing" that name a time or a thing ("by spring").
_NOT_DOING = frozenset(
    "everything nothing something anything spring morning evening wedding ceiling string"
    " thanksgiving".split()
)


def _by_doing(r: Reading) -> str:
    """Doing it for real: "by pitching my own splash", "by drafting three submissions"."""
    words = r.sentence.words
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1].low
        doing = nxt.endswith(("ing", "ng")) and len(nxt) > 4 and nxt not in _PASSIVE
        if w.low == "by" and doing and nxt not in _NOT_DOING:
            return r.sentence.quote(i, min(i + 4, len(words) - 1))
    return ""


def _learning_by_doing(r: Reading) -> str:
    """A real piece of work done in order to learn: "Build one pricing recommendation to
    learn how our committee weighs margin". The quote, or ""."""
    task = r.hit("task")
    learning = _learning(r)
    if task is None or learning is None or task.first > 0 or learning.first <= task.last:
        return ""
    if r.sentence.words[task.first].stem in _WEAK_VERBS:
        return ""
    before = r.sentence.words[learning.first - 1].low if learning.first else ""
    if before in ("to", "i", "so", "and") or learning.phrase.source.startswith("how to"):
        return r.sentence.quote(task.first, learning.last)
    return ""


def _own_words(r: Reading) -> list[int]:
    """The goal's words about its subject: not its learning verb, not filler."""
    words = r.sentence.words
    covered = {
        i
        for name in ("learning", "filler")
        for h in r.hits(name, negated=None)
        for i in range(h.first, h.last + 1)
        # Only the phrase's own words: "how senior people think" keeps "senior people".
        if words[i].stem in h.phrase.stems() or words[i].low in h.phrase.stems()
    }
    return [i for i in r.content_words() if i not in covered]


def _task(r: Reading) -> str | None:
    """The task verb a goal opens with, as typed, or None."""
    task = r.hit("task")
    if task is None:
        return None
    return r.phrase_around(task, after=3)


DECIDERS: dict[str, Callable[[Reading, str], Check]] = {
    "relevant": relevant,
    "experimental": experimental,
    "aspirational": aspirational,
    "learning_based": learning_based,
}

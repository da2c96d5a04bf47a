"""A goal's wording as the goal checks see it: which of the goal words it holds, and where.

`read(text)` gives a Reading: the sentence (see coach/language.py) and the phrases of
content/goal_words.yaml found in it, not negated, with the quotes a verdict shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from revmentor.coach.language import STEM_VERSION, Hit, Lexicon, Phrase, Sentence, lexicons, stem

# Words that carry no subject of their own: what is left when they are set aside is what
# a goal is about.
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "into",
        "onto",
        "about",
        "as",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "it's",
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "he",
        "she",
        "him",
        "her",
        "his",
        "they",
        "them",
        "their",
        "there",
        "here",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "is",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "doing",
        "have",
        "has",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "nor",
        "just",
        "really",
        "very",
        "quite",
        "also",
        "too",
        "more",
        "most",
        "less",
        "least",
        "some",
        "any",
        "all",
        "each",
        "every",
        "own",
        "same",
        "other",
        "such",
        "only",
        "even",
        "still",
        "yet",
        "ever",
        "like",
        "want",
        "wanted",
        "need",
        "needed",
        "would",
        "love",
        "keen",
        "hope",
        "trying",
        "try",
        "get",
        "getting",
        "got",
        "make",
        "please",
        "maybe",
        "perhaps",
        "bit",
        "lot",
        "lots",
        "much",
        "many",
        "few",
        "one",
        "thing",
        "things",
        "stuff",
        "way",
        "ways",
        "etc",
        "able",
        "help",
        "better",
        "good",
        "well",
        "properly",
        "enough",
        "first",
        "next",
        "last",
        "new",
        "whole",
        "entire",
    ]
)


@dataclass
class Reading:
    """The goal words found in one wording."""

    text: str
    sentence: Sentence
    words: dict[str, Lexicon]
    # Which lists' phrases cover a list's hits (goal_words.yaml `masks`).
    masks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    _found: dict[tuple[str, bool | None], list[Hit]] = field(default_factory=dict)

    def hits(self, name: str, *, negated: bool | None = False) -> list[Hit]:
        key = (name, negated)
        if key not in self._found:
            found = self.sentence.find_all(self.words[name], negated=negated)
            self._found[key] = self._uncovered(found, self.masks.get(name, ()))
        return self._found[key]

    def _uncovered(self, found: list[Hit], masks: Sequence[str]) -> list[Hit]:
        covered = {
            i for m in masks for h in self.hits(m, negated=None) for i in range(h.first, h.last + 1)
        }
        return [h for h in found if not covered & set(range(h.first, h.last + 1))]

    def hit(self, name: str, *, negated: bool | None = False) -> Hit | None:
        found = self.hits(name, negated=negated)
        return found[0] if found else None

    def outside(self, name: str, *masks: str, negated: bool | None = False) -> list[Hit]:
        """Hits of `name` that no hit of a `mask` covers, beyond the masks the word lists
        declare ("every week" is not a sweep of work)."""
        return self._uncovered(self.hits(name, negated=negated), masks)

    def sweeping(self, reach: int = 4) -> Hit | None:
        """What the goal's own verb reaches for: "everything", "every", "the entire ..."
        (within `reach` words after it, in its clause), not "every week" or a description."""
        verbs = [*self.hits("learning"), *self.hits("task"), *self.hits("mastery")]
        words = self.sentence.words
        for hit in self.outside("sweeping", "frequency"):
            if hit.first == 0 or (hit.first == 1 and words[0].low in ("the", "a", "an")):
                return hit  # "Everything Priya does", "The whole IFRS rulebook"
            for v in verbs:
                near = 0 < hit.first - v.last <= reach
                if near and words[v.last].clause == words[hit.first].clause:
                    return hit
        return None

    def personal(self) -> list[Hit]:
        """Personal purposes and settings; a teacher's "my kids" and "the kids" are pupils."""
        # A purpose said outright ("just for fun") is the clearest words to quote.
        found = [
            *self.hits("personal_purpose", negated=None),
            *self.hits("personal", negated=None),
        ]
        if self.hits("teaching", negated=None):
            kids = {"kid", "kids", "children", "child"}
            found = [
                h
                for h in found
                if not kids & {w.low for w in self.sentence.words[h.first : h.last + 1]}
            ]
        return found

    @property
    def empty(self) -> bool:
        return len(self.sentence) == 0

    @property
    def question(self) -> bool:
        """Written as a question ("?", or a clause opening "how does..."): it wants to
        find something out."""
        if "?" in self.text:
            return True
        words = self.sentence.words
        return any(
            w.low in _WH
            and i + 1 < len(words)
            and words[i + 1].low in _AUX
            and (i == 0 or words[i - 1].clause != w.clause)
            for i, w in enumerate(words)
        )

    def content_words(self) -> list[int]:
        """Indexes of the words that name what the goal is about."""
        return [
            i
            for i, w in enumerate(self.sentence.words)
            if w.low not in _FUNCTION and len(w.low) > 1 and not w.low.isdigit()
        ]

    def phrase_around(self, hit: Hit, after: int = 3) -> str:
        """The quote of `hit`, widened to the words that finish its phrase ("our" ->
        "our monthly bulletin"), up to `after` words and never past its clause."""
        words = self.sentence.words
        first, last = hit.first, hit.last
        clause = words[hit.first].clause
        if first and words[first - 1].low in _DETERMINERS and words[first - 1].clause == clause:
            first -= 1  # "the board", not "board"
        while (
            last + 1 < len(words)
            and last - hit.last < after
            and words[last + 1].clause == clause
            and words[last + 1].low not in _STOP_AFTER
        ):
            last += 1
        return self.sentence.quote(first, last)


_WH = frozenset("how what why when where which who whether".split())
_AUX = frozenset("do does did is are was were can could should would will has have".split())
_DETERMINERS = frozenset("the a an our my your their his her this these those".split())
# A widened quote stops before these: they start the next part of the sentence.
_STOP_AFTER = frozenset(
    [
        "to",
        "so",
        "and",
        "or",
        "but",
        "because",
        "by",
        "with",
        "for",
        "from",
        "in",
        "on",
        "at",
        "of",
        "that",
        "which",
        "who",
        "while",
        "when",
        "where",
        "before",
        "after",
        "until",
        "if",
        "is",
        "are",
        "was",
        "were",
        "be",
        "will",
        "would",
        "can",
        "could",
        "should",
    ]
)


# Raised when the compiled form of the word lists changes shape.
_COMPILED = "2"


def _prepare(data: dict[str, Any]) -> dict[str, Any]:
    """The word lists of goal_words.yaml compiled to JSON data (see `language.lexicons`)."""
    from revmentor import __version__

    phrases = {k: v for k, v in data.items() if k not in ("real_words", "plain_words", "masks")}
    odd = [(k, p) for k, v in phrases.items() for p in v if not isinstance(p, str)]
    if odd:  # a bare `no` or `on` reads as true or false: quote it in the file
        raise ValueError(f"goal_words.yaml: {odd[0][0]}: {odd[0][1]!r} is not text")
    masks = {str(k): [str(m) for m in v] for k, v in (data.get("masks") or {}).items()}
    unknown = sorted({n for k, v in masks.items() for n in (k, *v)} - phrases.keys())
    if unknown:
        raise ValueError(f"goal_words.yaml: masks: no list is called {unknown[0]!r}")
    return {
        "version": __version__,
        "lexicons": {
            name: [p.to_json() for p in lx.phrases] for name, lx in lexicons(phrases).items()
        },
        "masks": masks,
        "real_words": sorted(str(w).lower() for w in data.get("real_words") or ()),
        "plain_words": sorted(stem(str(w)) for w in data.get("plain_words") or ()),
    }


@cache
def _words() -> dict[str, Any]:
    from revmentor import __version__, content

    version = f"{_COMPILED}|{__version__}|{STEM_VERSION}"
    data: dict[str, Any] = content.compiled("goal_words.yaml", _prepare, version)
    return data


@cache
def _lexicons() -> dict[str, Lexicon]:
    return {
        name: Lexicon(name, tuple(Phrase.from_json(p) for p in phrases))
        for name, phrases in _words()["lexicons"].items()
    }


@cache
def plain_words() -> frozenset[str]:
    """Words that name no particular thing (content/goal_words.yaml `plain_words`)."""
    return frozenset(_words()["plain_words"])


@cache
def _real_words() -> frozenset[str]:
    return frozenset(_words()["real_words"])


@cache
def _masks() -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in _words()["masks"].items()}


def read(text: str) -> Reading:
    words = _lexicons()
    return Reading(text, Sentence(text, words["negators"], _real_words()), words, _masks())

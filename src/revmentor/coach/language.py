"""Reading a goal's sentence: words and their stems, slips, negation, clauses and phrases.

The goal checks work on what this module finds in a wording, never on raw text: each
word is kept with its place in the original (so a verdict can quote the words that
decided it), its stem (so "learnt", "learning" and "learns" are one word), and whether a
negation ("not", "no", "without", "rather than"...) governs it. Everything is offline,
deterministic and plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

# Words (apostrophes inside kept), numbers kept whole (3.5, 31/03, 9:30, 12,000).
_TOKEN_RE = re.compile(
    r"\d+(?:[.,:/]\d+)*(?:st|nd|rd|th)?(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*|[%$£€&+/]"
)

_EXPAND = {
    "cannot": ("can", "not"),
    "can't": ("can", "not"),
    "won't": ("will", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "wanna": ("want", "to"),
    "gonna": ("going", "to"),
    "gotta": ("got", "to"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "wont": ("will", "not"),
    "cant": ("can", "not"),
    "isnt": ("is", "not"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
}
_SUFFIXES = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}
# "'s" means "is" after these; elsewhere it is a possessive and is dropped.
_S_IS = frozenset({"it", "that", "what", "there", "here", "he", "she", "who", "where", "how"})

# Irregular forms, so that a stem joins every form of a word.
_IRREGULAR = {
    "learnt": "learn",
    "using": "use",
    "used": "use",
    "doing": "do",
    "going": "go",
    "being": "be",
    "seeing": "see",
    "understood": "understand",
    "taught": "teach",
    "got": "get",
    "gotten": "get",
    "went": "go",
    "gone": "go",
    "did": "do",
    "done": "do",
    "does": "do",
    "made": "make",
    "ran": "run",
    "began": "begin",
    "begun": "begin",
    "built": "build",
    "thought": "think",
    "brought": "bring",
    "bought": "buy",
    "caught": "catch",
    "felt": "feel",
    "kept": "keep",
    "led": "lead",
    "left": "leave",
    "meant": "mean",
    "met": "meet",
    "paid": "pay",
    "said": "say",
    "sent": "send",
    "shown": "show",
    "showed": "show",
    "spent": "spend",
    "stood": "stand",
    "took": "take",
    "taken": "take",
    "told": "tell",
    "won": "win",
    "wrote": "write",
    "written": "write",
    "grew": "grow",
    "grown": "grow",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "became": "become",
    "gave": "give",
    "given": "give",
    "chose": "choose",
    "chosen": "choose",
    "drove": "drive",
    "driven": "drive",
    "spoke": "speak",
    "spoken": "speak",
    "broke": "break",
    "broken": "break",
    "fell": "fall",
    "fallen": "fall",
    "forgot": "forget",
    "forgotten": "forget",
    "found": "find",
    "held": "hold",
    "heard": "hear",
    "lost": "lose",
    "sat": "sit",
    "ate": "eat",
    "eaten": "eat",
    "flew": "fly",
    "flown": "fly",
    "hid": "hide",
    "hidden": "hide",
    "rode": "ride",
    "ridden": "ride",
    "sold": "sell",
    "wore": "wear",
    "worn": "wear",
    "was": "be",
    "were": "be",
    "been": "be",
    "is": "be",
    "am": "be",
    "are": "be",
    "has": "have",
    "had": "have",
    "children": "child",
    "people": "person",
    "women": "woman",
    "men": "man",
    "analyses": "analysis",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
}
# Endings that look like an inflection but belong to the word.
_KEEP_S = ("ss", "us", "is", "ics", "ous")
_DOUBLE_OK = set("lsz")


# Raised whenever `stem` changes what it gives: compiled word lists depend on it.
STEM_VERSION = "1"


@cache
def stem(word: str) -> str:
    """A crude, consistent stem: every inflection of a word gets the same one.

    It is not a dictionary form ("make" and "making" both give "mak"); it only has to put
    a goal's words and the lexicons' words in the same place.
    """
    w = word.lower().replace("’", "'")
    w = _IRREGULAR.get(w, w)
    if len(w) <= 3:
        return w[:-1] + "i" if len(w) == 3 and w.endswith("y") else w
    for ending in ("ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "s"):
        if not w.endswith(ending) or len(w) - len(ending) < 3:
            continue
        if ending == "s" and w.endswith(_KEEP_S):
            continue
        if ending == "es" and not w[:-2].endswith(("s", "x", "z", "ch", "sh", "o")):
            w = w[:-1]  # "makes": the e belongs to the word
            break
        w = w[: -len(ending)] + ("i" if ending in ("ied", "ies") else "")
        if ending in ("ing", "ed", "ings", "ingly", "edly") and (
            len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou" and w[-1] not in _DOUBLE_OK
        ):
            w = w[:-1]  # "planned", "running"
        break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if w.endswith("y") and len(w) >= 3:
        w = w[:-1] + "i"
    return w


@dataclass(frozen=True)
class Word:
    """One word of a wording."""

    text: str  # as typed
    low: str  # lower case, contractions expanded into separate words
    stem: str
    start: int  # where it is in the original text
    end: int
    clause: int  # words in the same clause share this number


_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]\n]|,\s|\s[-–—]\s")
# Words that start a new clause even without punctuation.
_CLAUSE_WORDS = frozenset({"but", "so", "because", "although", "though", "while", "whereas"})


def _words_of(text: str) -> list[tuple[str, str, int, int]]:
    """(typed, lower-case, start, end) for each word, contractions split."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        typed = m.group()
        low = typed.lower().replace("’", "'")
        start, end = m.start(), m.end()
        if low in _EXPAND:
            for part in _EXPAND[low]:
                out.append((typed, part, start, end))
            continue
        base, apostrophe, tail = low.partition("'")
        if apostrophe and tail == "t" and base.endswith("n"):
            out.append((typed, base[:-1] or base, start, end))
            out.append((typed, "not", start, end))
        elif apostrophe and tail in _SUFFIXES:
            out.append((typed, base, start, end))
            out.append((typed, _SUFFIXES[tail], start, end))
        elif apostrophe and tail == "s":
            out.append((typed, base, start, end))
            if base in _S_IS:
                out.append((typed, "is", start, end))
        else:
            out.append((typed, low.replace("'", ""), start, end))
    return out


# One alternative of a slot: a word, or words that must follow each other ("ahead_of").
Words = tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    """A phrase of a lexicon: a sequence of slots, each a set of word sequences (or any)."""

    source: str
    slots: tuple[tuple[Words, ...] | None, ...]  # None: any one word
    gaps: tuple[int, ...]  # how many extra words may come before each slot (after the first)
    fuzzy: bool  # slips in spelling are forgiven for this phrase's long words

    def to_json(self) -> list[object]:
        slots = [None if slot is None else [list(alt) for alt in slot] for slot in self.slots]
        return [self.source, slots, list(self.gaps), self.fuzzy]

    @classmethod
    def from_json(cls, data: list[Any]) -> Phrase:
        source, slots, gaps, fuzzy = data
        return cls(
            str(source),
            tuple(None if slot is None else tuple(tuple(alt) for alt in slot) for slot in slots),
            tuple(int(g) for g in gaps),
            bool(fuzzy),
        )

    def stems(self) -> set[str]:
        """Every stem the phrase names."""
        return {w.lstrip("=") for slot in self.slots for alt in slot or () for w in alt}


def compile_phrase(source: str) -> Phrase:
    """`learn|study`, `get to grips with`, `figure out how|why`, `ahead_of|by ... friday` ...

    Each space-separated part is a slot: alternatives split by `|`, matched by stem, an
    alternative of several words joined by `_` or `-` ("ahead_of", "role-play"), a word
    after `=` only as written ("=was", not every form of "be"); `*` is
    any one word, `...` lets up to four words come before the next slot (`...8`, up to
    eight). A leading `~`
    forgives one slip in spelling in the phrase's words of four letters or more ("lern").
    """
    fuzzy = source.startswith("~")
    body = source[1:] if fuzzy else source
    slots: list[tuple[Words, ...] | None] = []
    gaps: list[int] = []
    pending = 0
    for part in body.split():
        if (part.startswith("...") and part[3:].isdigit()) or part == "...":
            pending = int(part[3:]) if part[3:] else 4
            continue
        gaps.append(pending)
        pending = 0
        if part == "*":
            slots.append(None)
            continue
        alternatives = []
        for alt in part.split("|"):
            words = tuple(w if w.startswith("=") else stem(w) for w in re.split(r"[_-]", alt) if w)
            if words:
                alternatives.append(words)
        # Longest first, so "ahead_of" wins over "ahead".
        slots.append(tuple(sorted(alternatives, key=len, reverse=True)))
    if not slots:
        raise ValueError(f"empty phrase {source!r}")
    return Phrase(source, tuple(slots), tuple(gaps), fuzzy)


def _close(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one slip: a letter added, dropped, changed or swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one letter longer than a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@dataclass(frozen=True)
class Hit:
    """Where a phrase matched: word indexes [first, last], and whether it is negated."""

    phrase: Phrase
    first: int
    last: int
    negated: bool
    quote: str


class Sentence:
    """A wording, read: its words, clauses, negated stretches, and lexicon matches."""

    def __init__(self, text: str, negators: Lexicon, real_words: frozenset[str]) -> None:
        self.text = text
        self.real_words = real_words
        words: list[Word] = []
        clause = 0
        last_end = 0
        for typed, low, start, end in _words_of(text):
            if _CLAUSE_BREAK.search(text[last_end:start]) or low in _CLAUSE_WORDS:
                clause += 1
            words.append(Word(typed, low, stem(low), start, end, clause))
            last_end = end
        self.words: tuple[Word, ...] = tuple(words)
        self.negated = self._negation(negators)

    def __len__(self) -> int:
        return len(self.words)

    def quote(self, first: int, last: int) -> str:
        """The original text of words first..last (inclusive)."""
        return self.text[self.words[first].start : self.words[last].end]

    def _negation(self, negators: Lexicon) -> frozenset[int]:
        # A negator governs the rest of its clause ("no experimenting, ..." stops at the
        # comma; "I don't want to try new things" runs to the end).
        out: set[int] = set()
        for hit in self._matches(negators, negated=frozenset()):
            clause = self.words[hit.first].clause
            i = hit.last + 1
            while i < len(self.words) and self.words[i].clause == clause:
                out.add(i)
                i += 1
        return frozenset(out)

    def _word_matches(self, wanted: str, word: Word, fuzzy: bool) -> bool:
        if wanted.startswith("="):
            return word.low == wanted[1:]
        if word.stem == wanted or word.low == wanted:
            return True
        if not fuzzy or len(word.low) < 4 or len(wanted) < 4 or word.low in self.real_words:
            return False
        return _close(word.stem, wanted) or _close(word.low, wanted)

    def _slot_end(self, slot: tuple[Words, ...] | None, at: int, fuzzy: bool) -> int | None:
        """The index of the last word of the slot's match starting at `at`, or None."""
        words = self.words
        if slot is None:
            return at if at < len(words) else None
        for alt in slot:
            end = at + len(alt) - 1
            if end < len(words) and all(
                self._word_matches(want, words[at + k], fuzzy) for k, want in enumerate(alt)
            ):
                return end
        return None

    def _matches(self, lexicon: Lexicon, negated: frozenset[int]) -> Iterator[Hit]:
        for start, word in enumerate(self.words):
            for phrase in lexicon.starting_at(word, self.real_words):
                end = self._match_at(phrase, start)
                if end is not None:
                    yield Hit(phrase, start, end, start in negated, self.quote(start, end))

    def _match_at(self, phrase: Phrase, start: int) -> int | None:
        at = self._slot_end(phrase.slots[0], start, phrase.fuzzy)
        if at is None:
            return None
        for slot, gap in zip(phrase.slots[1:], phrase.gaps[1:], strict=True):
            found = None
            for step in range(1, gap + 2):
                nxt = at + step
                if (
                    step > 1
                    and nxt < len(self.words)
                    and (self.words[nxt].clause != self.words[at].clause)
                ):
                    break  # words left out never run past the end of a clause
                found = self._slot_end(slot, nxt, phrase.fuzzy)
                if found is not None:
                    break
            if found is None:
                return None
            at = found
        return at

    def find(self, lexicon: Lexicon, *, negated: bool | None = False) -> Hit | None:
        """The first match of `lexicon` in reading order; by default only one not negated.

        `negated=True` finds only negated ones, `None` either.
        """
        hits = self.find_all(lexicon, negated=negated)
        return hits[0] if hits else None

    def find_all(self, lexicon: Lexicon, *, negated: bool | None = False) -> list[Hit]:
        hits = [
            h
            for h in self._matches(lexicon, self.negated)
            if negated is None or h.negated == negated
        ]
        return sorted(hits, key=lambda h: (h.first, -(h.last - h.first)))

    def has(self, lexicon: Lexicon) -> bool:
        return self.find(lexicon) is not None


@dataclass(frozen=True)
class Lexicon:
    """Named phrases, indexed by the words they can start with so that a sentence is only
    matched against the phrases that could start at each of its words."""

    name: str
    phrases: tuple[Phrase, ...]

    @cached_property
    def by_first_word(self) -> dict[str, tuple[Phrase, ...]]:
        index: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            first = phrase.slots[0]
            for alt in first or ():
                index.setdefault(alt[0].lstrip("="), []).append(phrase)
        return {word: tuple(found) for word, found in index.items()}

    @cached_property
    def any_start(self) -> tuple[Phrase, ...]:
        """Phrases that may start at any word (`*` first)."""
        return tuple(p for p in self.phrases if p.slots[0] is None)

    @cached_property
    def slip_starts(self) -> tuple[tuple[str, Phrase], ...]:
        """(first word, phrase) for phrases whose first word forgives a slip."""
        return tuple(
            (alt[0], p)
            for p in self.phrases
            if p.fuzzy
            for alt in p.slots[0] or ()
            if len(alt[0]) >= 4
        )

    def starting_at(self, word: Word, real_words: frozenset[str]) -> Iterator[Phrase]:
        seen: set[int] = set()
        found = [*self.by_first_word.get(word.stem, ()), *self.by_first_word.get(word.low, ())]
        if len(word.low) >= 4 and word.low not in real_words:
            found += [p for first, p in self.slip_starts if _close(word.stem, first)
                      or _close(word.low, first)]  # fmt: skip
        for phrase in [*found, *self.any_start]:
            if id(phrase) not in seen:
                seen.add(id(phrase))
                yield phrase


def lexicons(data: Mapping[str, Sequence[str]]) -> dict[str, Lexicon]:
    """Compile named lists of phrases (see `compile_phrase`)."""
    return {
        name: Lexicon(name, tuple(compile_phrase(str(p)) for p in phrases))
        for name, phrases in data.items()
    }

"""How names are compared, and the word lists that tell a name from an everyday word.

The lists are content/anonymise.yaml; `Lexicon` holds them folded, ready to look up.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

_FOLD_EXTRA = str.maketrans(
    {
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
        "’": "'", "‘": "'", "ʼ": "'",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """`text` as names are compared: no case, no accents, one kind of apostrophe."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Lexicon:
    """The word lists of content/anonymise.yaml, ready to look up."""

    everyday: frozenset[str]
    things: frozenset[str]
    months: frozenset[str]
    month_before: frozenset[str]
    calendar: frozenset[str]
    action_verbs: frozenset[str]
    linking_verbs: frozenset[str]
    titles: frozenset[str]
    particles: frozenset[str]
    acronyms: frozenset[str]
    object_before: frozenset[str]
    verb_forms: dict[str, str]
    not_verbs: frozenset[str]
    adverbs: frozenset[str]
    contracted: dict[str, str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        def words(key: str) -> frozenset[str]:
            return frozenset(fold(w) for w in str(data[key]).split())

        return cls(
            everyday=words("everyday_names"),
            things=words("thing_names"),
            months=words("months"),
            month_before=words("month_before"),
            calendar=words("calendar_words"),
            action_verbs=words("action_verbs"),
            linking_verbs=words("linking_verbs"),
            titles=words("titles"),
            particles=words("particles"),
            acronyms=words("acronyms"),
            object_before=words("object_before"),
            verb_forms={fold(k): str(v) for k, v in data["verb_forms"].items()},
            not_verbs=words("not_verbs"),
            adverbs=words("adverbs"),
            contracted={fold(k): str(v) for k, v in data["contracted"].items()},
        )


_CLOSERS = "\"”’')]"
_OPENERS = '"“‘(['


def starts_sentence(text: str, at: int) -> bool:
    """Whether the word at `at` begins a sentence (or a quotation, or a line)."""
    i = at
    while i > 0 and text[i - 1] in " \t\r\n":
        i -= 1
    if i == 0 or "\n" in text[i:at]:
        return True
    if text[i - 1] in _OPENERS:
        return True
    if text[i - 1] == "'" and (i == 1 or text[i - 2].isspace()):
        return True  # an opening single quote, not an apostrophe
    spaced = i < at
    while i > 0 and text[i - 1] in _CLOSERS:
        i -= 1
    return spaced and i > 0 and text[i - 1] in ".!?"

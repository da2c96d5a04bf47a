"""Counts in words: "1 day", "2 days", never "1 days" or "day(s)"."""

from __future__ import annotations

import re

# Nouns the product counts in its own sentences. A "1" that is part of a larger number
# or a date ("11 days", "2.1 days", "1/1 days") is left alone.
_COUNTED = "day|time|week|month|session|check-in|goal|gap|minute|pairing|problem|file|point"
_ONE = re.compile(rf"(?<![\w.,/])1 ({_COUNTED})s\b")


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 day', '3 days'; `many` for a plural that is not the word plus 's'."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def singular_ones(text: str) -> str:
    """A sentence filled in from a template with "{n} days", made right for a count of 1."""
    return _ONE.sub(r"1 \1", text)

"""Job titles in a text: taken out of the shareable story unless roles are kept.

Only titles of two words or more ("Data Analyst"): one word ("Manager") is too common
to take out of what someone wrote without changing what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from revmentor.coach.name_words import fold, starts_sentence

_DETERMINER = r"(?:(?:the|our|my|a|an|their|his|her)\s+)?"
# "the data analyst role" is whose role: "my partner's role".
_ROLE_NOUN_RE = re.compile(r"[\s-]+(?:role|job|position|post|team|work|career|title)\b", re.I)
_COMMA_BEFORE_RE = re.compile(r",\s*$")
# After a title set off by commas: the closing comma, or the end of the sentence.
_AFTER_ASIDE_RE = re.compile(r"\s*,\s*|\s*(?=[.!?;:)]|$)")


@dataclass(frozen=True)
class Role:
    """A job title of two words or more, as it may appear in a text, and its stand-in."""

    pattern: re.Pattern[str]
    word: str  # "my partner", or for the writer's own title "someone in my role"
    possessive: str  # "my partner's", "my": for "the data analyst role"
    after: frozenset[str]  # what the person is called in the text once names are gone


def role(title: str, word: str, possessive: str, after: frozenset[str]) -> Role | None:
    parts = re.findall(r"[^\W_]+", title)
    if len(parts) < 2:  # one word ("Manager", "Intern") is too common to take out of a text
        return None
    body = r"[\W_]+".join(re.escape(w) for w in parts)
    pattern = re.compile(rf"(?<![^\W\d_]){_DETERMINER}{body}(?![^\W\d_])", re.IGNORECASE)
    return Role(pattern, word, possessive, after)


def without_roles(text: str, roles: list[Role]) -> str:
    """`text` with each person's job title replaced (or, after their name, dropped)."""
    for title in roles:
        out: list[str] = []
        pos = 0
        for m in title.pattern.finditer(text):
            # Only the few words around a title count, however long the text.
            near = text[max(pos, m.start() - 80) : m.start()]
            lead = _COMMA_BEFORE_RE.search(near)
            told = lead is not None and any(
                fold(near[: lead.start()]).endswith(fold(w)) for w in title.after
            )
            trail = _AFTER_ASIDE_RE.match(text, m.end())
            if lead is not None and told and trail is not None:
                # "my partner, our data analyst, showed me": the aside goes.
                kept = m.start() - len(near) + lead.start()
                out.append(text[pos:kept] + (" " if trail.group().strip() else ""))
                pos = trail.end()
                continue
            word = title.possessive if _ROLE_NOUN_RE.match(text, m.end()) else title.word
            if starts_sentence(text, m.start()):
                word = word[:1].upper() + word[1:]
            out += [text[pos : m.start()], word]
            pos = m.end()
        text = "".join([*out, text[pos:]])
    return text

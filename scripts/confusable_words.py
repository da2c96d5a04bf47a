#!/usr/bin/env python3
"""List the English words one slip away from a goal word that forgives slips.

The goal checks forgive one slip in spelling in their `~` phrases ("lern" is "learn"),
but "lean", "triage" and "Easter" are words of their own. This lists every word of an
English word list (simplemma's, installed for this script only: `pip install simplemma`)
that is one slip from such a phrase's words, for `real_words` in
src/revmentor/content/goal_words.yaml. It is run by hand when a `~` phrase is added;
the list it prints is reviewed before it is pasted.

    python scripts/confusable_words.py
"""

from __future__ import annotations

import sys

import yaml
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from revmentor.coach.language import _close, compile_phrase, stem
from revmentor.content import HERE


def main() -> int:
    data = yaml.safe_load((HERE / "goal_words.yaml").read_text(encoding="utf-8"))
    targets: set[str] = set()
    for name, phrases in data.items():
        if name in ("real_words", "masks"):
            continue
        for source in phrases:
            phrase = compile_phrase(str(source))
            if phrase.fuzzy:
                for slot in phrase.slots:
                    for alternative in slot or ():
                        targets.update(w for w in alternative if len(w) >= 4)
    english = DefaultDictionaryFactory().get_dictionary("en")
    found: set[str] = set()
    for word in english:
        low = word.lower()
        if not low.isalpha() or len(low) < 4:
            continue
        s = stem(low)
        if s in targets:
            continue  # a form of the goal word itself
        if any(_close(s, t) or _close(low, t) for t in targets):
            found.add(low)
    for word in sorted(found):
        print(word)
    print(f"{len(found)} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

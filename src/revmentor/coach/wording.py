"""The small interpreter behind the goal checks: wording in, one Check per criterion out.

The rules themselves are data (content/real_rules.yaml, content/smart_rules.yaml); this
module only normalises a wording and applies them. The format is described at the top of
each rules file. Everything here is deterministic and offline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from revmentor.coach.verdict import Check, Verdict

# Words, numbers (kept whole: 3.5, 31/03, 9:30) and the symbols that carry meaning.
_TOKEN_RE = re.compile(r"\d+(?:[.,:/]\d+)+|[^\W_]+(?:['’][^\W_]+)*|[%$£€&]")
_SENTENCE_END = ".!?:;\n"
_OPENERS = " \t\"'“‘(["

_IRREGULAR_NOT = {"won": "will", "can": "can", "shan": "shall", "ain": "is"}
_SUFFIXES = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}
# "'s" means "is" after these; elsewhere it is a possessive and is dropped.
_S_IS = {"it", "that", "what", "there", "here", "he", "she", "who", "where", "how"}
_WHOLE = {"cannot": ["can", "not"], "wanna": ["want", "to"], "gonna": ["going", "to"]}


@dataclass(frozen=True)
class Token:
    word: str  # as typed
    start: int  # offsets in the original text
    end: int
    sentence_start: bool


@dataclass(frozen=True)
class Wording:
    """A wording, normalised for matching, remembering where each word came from."""

    text: str
    norm: str  # lower case words separated by single spaces
    tokens: tuple[Token, ...]
    # For each normalised word: its offset in `norm` and the index of its source token.
    places: tuple[tuple[int, int, int], ...]

    @property
    def words(self) -> int:
        return len(self.places)

    def original(self, start: int, end: int) -> str:
        """The words of the original text behind the normalised span [start, end)."""
        hit = [tok for (s, e, tok) in self.places if s < end and e > start]
        if not hit:
            return ""
        return self.text[self.tokens[hit[0]].start : self.tokens[hit[-1]].end]


def _expand(word: str) -> list[str]:
    low = word.lower().replace("’", "'")
    if low in _WHOLE:
        return _WHOLE[low]
    if "'" not in low:
        return [low]
    base, _, tail = low.partition("'")
    if tail == "t" and base.endswith("n"):
        stem = base[:-1]
        return [_IRREGULAR_NOT.get(base, stem), "not"]
    if tail in _SUFFIXES:
        return [base, _SUFFIXES[tail]]
    if tail == "s":
        if base == "let":
            return ["let", "us"]
        return [base, "is"] if base in _S_IS else [base]
    return [base + tail]


def normalise(text: str) -> Wording:
    tokens: list[Token] = []
    places: list[tuple[int, int, int]] = []
    parts: list[str] = []
    offset = 0
    for m in _TOKEN_RE.finditer(text):
        j = m.start() - 1
        while j >= 0 and text[j] in _OPENERS:
            j -= 1
        tokens.append(Token(m.group(), m.start(), m.end(), j < 0 or text[j] in _SENTENCE_END))
        for word in _expand(m.group()):
            places.append((offset, offset + len(word), len(tokens) - 1))
            parts.append(word)
            offset += len(word) + 1
    return Wording(text, " ".join(parts), tuple(tokens), tuple(places))


# ---- the rules, compiled from data ---------------------------------------------------

_MACRO_RE = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Term:
    """A named list of phrases; `mask` hides look-alikes ("try to" is not "try").

    Phrases are tried in the order written, so the first listed is the one a reason
    quotes: the rules file puts the most telling phrases first.
    """

    name: str
    patterns: tuple[re.Pattern[str], ...]
    mask: re.Pattern[str] | None

    def find(self, w: Wording) -> str | None:
        norm = w.norm
        if self.mask is not None:
            norm = self.mask.sub(lambda m: re.sub(r"\S", "~", m.group()), norm)
        for pattern in self.patterns:
            m = pattern.search(norm)
            if m is not None:
                return w.original(m.start(), m.end())
        return None


@dataclass(frozen=True)
class Rule:
    id: str
    ok: bool
    why: str
    suggestion: str
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    none: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleSet:
    name: str
    checks: dict[str, tuple[Rule, ...]]
    terms: dict[str, Term]
    limits: dict[str, int]
    ignore_names: frozenset[str]
    empty: Check
    builtins: dict[str, Callable[[Wording], str | None]] = field(default_factory=dict)

    def find(self, name: str, w: Wording, seen: dict[str, str | None]) -> str | None:
        if name not in seen:
            builtin = self.builtins.get(name)
            seen[name] = builtin(w) if builtin else self.terms[name].find(w)
        return seen[name]


def _whole_words(alternatives: Iterable[str]) -> str:
    return r"(?<!\S)(?:" + "|".join(f"(?:{a})" for a in alternatives) + r")(?!\S)"


def _expand_macros(pattern: str, raw: Mapping[str, list[str]], depth: int = 0) -> str:
    if depth > 5:
        raise ValueError(f"macros nested too deep in {pattern!r}")

    def sub(m: re.Match[str]) -> str:
        if m.group(1) not in raw:
            raise ValueError(f"unknown term {{{m.group(1)}}} in pattern {pattern!r}")
        inner = [_expand_macros(p, raw, depth + 1) for p in raw[m.group(1)]]
        return "(?:" + "|".join(inner) + ")"

    return _MACRO_RE.sub(sub, pattern)


def _compile(
    name: str, patterns: list[str], raw: Mapping[str, list[str]]
) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for p in patterns:
        expanded = _expand_macros(str(p), raw)
        try:
            compiled.append(re.compile(_whole_words([expanded])))
        except re.error as exc:
            raise ValueError(f"term {name!r}: bad pattern {p!r}: {exc}") from None
    return tuple(compiled)


def _short(limit: int) -> Callable[[Wording], str | None]:
    return lambda w: w.text.strip() if 0 < w.words < limit else None


def _long_list(limit: int) -> Callable[[Wording], str | None]:
    # Items joined by commas, "and", "&" or "/": four or more is several goals in one.
    def find(w: Wording) -> str | None:
        joins = len(re.findall(r",|;|&|/(?!\d)|\band\b|\bplus\b|\bas well as\b", w.text.lower()))
        return w.text.strip() if joins + 1 >= limit else None

    return find


def _proper_noun(
    ignore: frozenset[str], cues_before: frozenset[str], cues_after: frozenset[str]
) -> Callable[[Wording], str | None]:
    # A capitalised word in mid-sentence (Excel, Power BI, SAP) names a particular thing.
    # Text typed all in capitals or Title Case carries no such signal, and a person's
    # name (by Jo, Dave's job) says who, not what.
    def find(w: Wording) -> str | None:
        inner = [
            (i, t) for i, t in enumerate(w.tokens) if t.word[:1].isalpha() and not t.sentence_start
        ]
        if not inner:
            return None
        capital = [(i, t) for i, t in inner if t.word[:1].isupper()]
        if len(inner) >= 3 and len(capital) / len(inner) >= 0.6:
            return None
        for i, t in capital:
            base, _, tail = t.word.lower().replace("’", "'").partition("'")
            before = w.tokens[i - 1].word.lower() if i else ""
            after = w.tokens[i + 1].word.lower() if i + 1 < len(w.tokens) else ""
            if base in ignore or tail == "s" or before in cues_before or after in cues_after:
                continue
            return t.word
        return None

    return find


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: expected a name or a list of names")


def build(data: Mapping[str, Any], name: str) -> RuleSet:
    """Compile a rules file, refusing unknown names so a typo cannot silently pass."""
    raw_terms: dict[str, Any] = dict(data.get("terms") or {})
    patterns: dict[str, list[str]] = {}
    masks: dict[str, list[str]] = {}
    for key, spec in raw_terms.items():
        if isinstance(spec, list):
            patterns[key], masks[key] = [str(p) for p in spec], []
        elif isinstance(spec, dict) and set(spec) <= {"match", "except"}:
            patterns[key] = [str(p) for p in spec.get("match") or []]
            masks[key] = [str(p) for p in spec.get("except") or []]
        else:
            raise ValueError(f"{name}: term {key!r} must be a list or have match/except")
    terms = {
        key: Term(
            key,
            _compile(key, patterns[key], patterns),
            re.compile("|".join(m.pattern for m in _compile(key, masks[key], patterns)))
            if masks[key]
            else None,
        )
        for key in patterns
    }
    limits = {str(k): int(v) for k, v in (data.get("limits") or {}).items()}
    sections = {"limits", "not_names", "person_before", "person_after", "empty", "terms", "checks"}
    unknown = set(data) - sections
    if unknown:
        raise ValueError(f"{name}: unknown sections {sorted(unknown)}")
    ignore = frozenset(str(x).lower() for x in data.get("not_names") or [])
    before = frozenset(str(x).lower() for x in data.get("person_before") or [])
    after = frozenset(str(x).lower() for x in data.get("person_after") or [])
    builtins: dict[str, Callable[[Wording], str | None]] = {
        "proper_noun": _proper_noun(ignore, before, after),
        "short": _short(limits.get("short_below_words", 4)),
        "long_list": _long_list(limits.get("long_list_items", 4)),
    }
    checks: dict[str, tuple[Rule, ...]] = {}
    for key, rules in (data.get("checks") or {}).items():
        built = []
        for i, spec in enumerate(rules):
            where = f"{name}: checks.{key}[{i}]"
            unknown = set(spec) - {"id", "when", "ok", "why", "suggestion"}
            if unknown:
                raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
            when = spec.get("when") or {}
            if set(when) - {"any", "all", "none"}:
                raise ValueError(f"{where}: `when` takes any, all, none")
            rule = Rule(
                id=str(spec["id"]),
                ok=bool(spec["ok"]),
                why=str(spec["why"]).strip(),
                suggestion="" if spec["ok"] else str(spec["suggestion"]).strip(),
                any=_strings(when.get("any"), where),
                all=_strings(when.get("all"), where),
                none=_strings(when.get("none"), where),
            )
            for ref in (*rule.any, *rule.all, *rule.none):
                if ref not in terms and ref not in builtins:
                    raise ValueError(f"{where}: unknown term {ref!r}")
            built.append(rule)
        if not built or built[-1].any or built[-1].all or built[-1].none:
            raise ValueError(f"{name}: checks.{key} must end with a rule without `when`")
        checks[str(key)] = tuple(built)
    empty = data["empty"]
    return RuleSet(
        name,
        checks,
        terms,
        limits,
        ignore,
        Check(False, str(empty["why"]).strip(), str(empty["suggestion"]).strip()),
        builtins,
    )


@cache
def rules(file: str) -> RuleSet:
    from revmentor import content

    return build(content.load(file), file)


def decide(ruleset: RuleSet, text: str) -> dict[str, tuple[str, Check]]:
    """Each criterion's deciding rule id and its Check; the first rule that holds wins."""
    w = normalise(text)
    if w.words == 0:
        return {key: ("empty", ruleset.empty) for key in ruleset.checks}
    seen: dict[str, str | None] = {}
    result: dict[str, tuple[str, Check]] = {}
    for key, chain in ruleset.checks.items():
        for rule in chain:
            found_any = [m for n in rule.any if (m := ruleset.find(n, w, seen)) is not None]
            found_all = [ruleset.find(n, w, seen) for n in rule.all]
            if rule.any and not found_any:
                continue
            if any(m is None for m in found_all):
                continue
            if any(ruleset.find(n, w, seen) is not None for n in rule.none):
                continue
            match = (found_any or [m for m in found_all if m] or [""])[0]
            why = rule.why.replace("{match}", match)
            result[key] = (rule.id, Check(rule.ok, why, rule.suggestion))
            break
    return result


def verdict(file: str, text: str) -> Verdict:
    decided = decide(rules(file), text)
    return Verdict(text, {key: check for key, (_, check) in decided.items()})

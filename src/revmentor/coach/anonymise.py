"""Taking both people's names out of a piece of text, without breaking its sentences.

A name is found however it is written: in any case, without its accents ("Zoe" for
"Zoë"), as a surname, with a title or initials ("Ms Okafor", "S. Rivera", "SR"), as a
possessive with or without its apostrophe ("Priya's", "Priyas") and inside an e-mail
address. Each is replaced by the words for that person ("I" / "me" / "my", "my partner"
/ "my partner's"), in the form its place in the sentence needs, and a verb after "I"
agrees with it ("Ms Okafor reads" becomes "I read").

A name that is also an everyday word (Will, Frank, Grace, May) is replaced only where
it is clearly the name; the rules and word lists are in content/anonymise.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revmentor.model import Pairing

_FOLD_EXTRA = str.maketrans(
    {
        "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ß": "ss",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
        "’": "'", "‘": "'", "ʼ": "'",
    }
)  # fmt: skip

_LETTERS = r"(?:[^\W\d_]|[\u0300-\u036f])+"
_TOKEN_RE = re.compile(
    r"(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>(?:https?://|www\.)[^\s<>()\[\]]+)"
    r"|(?P<dotted>(?<![\w.])(?:[A-Z]\.){2,4}(?!\w))"
    rf"|(?P<word>@?{_LETTERS}(?:['’]{_LETTERS})*['’]?)"
)
# Between two parts of one name: a space, a hyphen, or the full stop after an initial.
_JOIN_RE = re.compile(r"[ \t]+|[ \t]*-[ \t]*")
_JOIN_AFTER_INITIAL_RE = re.compile(r"\.[ \t]*|[ \t]+|[ \t]*-[ \t]*")
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


_AFTER_COLON_RE = re.compile(r"[:;]\s+$")
_DIGIT_AFTER_RE = re.compile(r"[ \t]+\d")
_NUMBER_BEFORE_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?[ \t]+$", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t]+$")
_INITIAL_STOP_RE = re.compile(r"\.(?=,|[ \t]+[^\W\d_A-Z\u00c0-\u00de])")
_SPACES_RE = re.compile(r"[ \t]+")
_NAME_PART_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_CLITIC_RE = re.compile(r"['’](ll|d|ve)$", re.IGNORECASE)
_AND_RE = re.compile(r"[ \t]+and[ \t]+")
_NEXT_RE = re.compile(r"[ \t]+([^\W\d_]+)")
_NEXT_WORD_RE = re.compile(r" ([^\W\d_]+)")
_NEXT_TWO_RE = re.compile(r"[ \t]+([^\W\d_]+(?:['’][^\W\d_]+)?)(?:[ \t]+(\S+))?")


def _before(text: str, at: int) -> str:
    """The few words before `at`: all that the rules look back at, however long the text."""
    return text[max(0, at - 80) : at]


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


@dataclass(frozen=True)
class Forms:
    """The words that stand for one person."""

    subject: str
    object: str
    possessive: str
    first_person: bool  # "I": the verb after it agrees with "I", not with a name


@dataclass(frozen=True)
class Who:
    """One person's name, taken apart into what may appear in a text."""

    forms: Forms
    tokens: frozenset[str]  # each part of the name, folded; at least two letters
    given: str  # the first part, which a surname may follow
    particles: frozenset[str]  # "van", "de": only counted beside another part
    initials: frozenset[str]
    acronym: str  # "sr" for Sam Rivera; "" for a one-part name


def _who(name: str, forms: Forms, lex: Lexicon) -> Who | None:
    # Letters only: "Sam (Samantha) Rivera", "Rivera, Sam" and "J.R. Smith" all split.
    named = [p for p in _NAME_PART_RE.findall(fold(name)) if p not in lex.titles]
    tokens: list[str] = []
    particles: list[str] = []
    for index, part in enumerate(named):
        if index and part in lex.particles:  # "van", but "Al" or "De" as a first name
            particles.append(part)
            continue
        pieces = [part, part.replace("'", "")]
        if "'" in part:  # O'Neil: "oneil" and "neil" are ways of writing it too
            pieces.append(part.rsplit("'", 1)[1])
        tokens += [p for p in pieces if len(p) >= 2]
    tokens = list(dict.fromkeys(tokens))
    if not tokens:
        return None
    heads = [p[:1] for p in named if p not in particles]
    return Who(
        forms=forms,
        tokens=frozenset(tokens),
        given=tokens[0],
        particles=frozenset(particles),
        initials=frozenset(heads),
        acronym="".join(heads) if len(heads) >= 2 else "",
    )


@dataclass
class _Part:
    kind: str  # token, title, particle, initial, acronym
    start: int
    end: int
    raw: str
    possessive: str = ""  # "'s", "'" or "s" (Priyas)
    clitic: str = ""  # "'ll", "'d", "'ve": Sam'll is "my partner'll", Helen'd is "I'd"


@dataclass
class _Found:
    who: Who
    parts: list[_Part]
    start: int
    end: int

    @property
    def possessive(self) -> str:
        return self.parts[-1].possessive


def _split_possessive(word: str) -> tuple[str, str, str]:
    """(the word, its possessive ending, a closing quote mark) of a matched word."""
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2], word[-2:], ""
    if len(word) > 1 and word[-1] in "'’":
        base = word[:-1]
        return (base, word[-1], "") if base[-1:] in ("s", "S") else (base, "", word[-1])
    return word, "", ""


@dataclass
class _Writer:
    """The text being rewritten, and what the last replacement means for the next word."""

    text: str
    out: list[str] = field(default_factory=list)
    pos: int = 0
    agree: bool = False  # the next verb follows an "I" put in place of a name
    object_end: int = -1  # where the last name put as an object ended
    me_subject: tuple[int, int, int, str] | None = None  # (index in out, start, end, word)

    def put(self, start: int, end: int, word: str) -> None:
        self.out += [self.text[self.pos : start], word]
        self.pos = end
        self.agree = False

    def done(self) -> str:
        return "".join([*self.out, self.text[self.pos :]])


class Anonymiser:
    """Replaces the names of `people` in texts; call it with a text."""

    def __init__(self, people: list[Who], lex: Lexicon, email: str, link: str) -> None:
        self.people = people
        self.lex = lex
        self.email = email
        self.link = link
        self.fragments = sorted(
            {t for w in people for t in w.tokens if len(t) >= 3}, key=len, reverse=True
        )

    # --- recognising a name ------------------------------------------------------

    def _classify(self, who: Who, word: str, *, first: bool) -> _Part | None:
        body, possessive, _ = _split_possessive(word.lstrip("@"))
        clitic = _CLITIC_RE.search(body) if not possessive else None
        if clitic is not None and fold(body[: clitic.start()]) in who.tokens:
            body = body[: clitic.start()]
        else:
            clitic = None
        folded = fold(body)
        part = _Part("", 0, 0, body, possessive.replace("’", "'"))
        if clitic is not None:
            part.clitic = "'" + clitic.group(1).lower()
        if folded in who.tokens:
            if folded in self.lex.everyday and not body[:1].isupper():
                return None  # "will", "frank": the word, whatever is next to it
            part.kind = "token"
        elif folded in self.lex.titles and first and body[:1].isupper() and not possessive:
            part.kind = "title"
        elif folded in who.particles and not possessive:
            part.kind = "particle"
        elif len(body) == 1 and body.isupper() and folded in who.initials and not possessive:
            part.kind = "initial"
        elif (
            who.acronym
            and body.isupper()
            and folded == who.acronym
            and folded not in self.lex.acronyms
        ):
            part.kind = "acronym"
        elif (
            not possessive
            and len(folded) > 3
            and folded.endswith("s")
            and folded[:-1] in who.tokens
            and folded[:-1] not in self.lex.everyday
            and folded not in self.lex.everyday
        ):
            part.kind, part.possessive = "token", "s"
        else:
            return None
        return part

    def _found(self, text: str, words: list[re.Match[str]], i: int, who: Who) -> _Found | None:
        parts: list[_Part] = []
        j = i
        while j < len(words):
            m = words[j]
            if m.lastgroup not in ("word", "dotted"):
                break
            if parts:
                gap = text[parts[-1].end : m.start()]
                joiner = (
                    _JOIN_AFTER_INITIAL_RE if parts[-1].kind in ("initial", "title") else _JOIN_RE
                )
                if parts[-1].possessive or parts[-1].clitic or not joiner.fullmatch(gap):
                    break
            if m.lastgroup == "dotted":  # "J.R. Smith": initials, if they are this person's
                letters = set(fold(m.group().replace(".", "")))
                part = _Part("initial", 0, 0, m.group()) if letters <= who.initials else None
            else:
                part = self._classify(who, m.group(), first=not parts)
            if part is None or (part.kind == "acronym" and parts):
                break
            # The closing quote of 'Sam' stays outside the name.
            _, _, quote = _split_possessive(m.group())
            part.start, part.end = m.start(), m.end() - len(quote)
            parts.append(part)
            j += 1
            if part.kind == "acronym":
                break
        while parts and parts[-1].kind in ("title", "particle"):
            parts.pop()
        while parts and parts[0].kind == "particle" and len(parts) > 1:
            if parts[1].kind != "token":
                parts.pop(0)
            else:
                break
        if not parts or not any(p.kind in ("token", "acronym") for p in parts):
            return None
        if parts[0].kind == "particle" and not any(p.kind == "token" for p in parts[1:]):
            return None
        end = parts[-1].end
        if parts[-1].kind == "initial" and _INITIAL_STOP_RE.match(text, end):
            end += 1  # "Sam R. said": the stop belongs to the initial, not the sentence
        return _Found(who, parts, words[i].start(), end)

    def _clearly_the_name(self, text: str, found: _Found, title_case: bool) -> bool:
        """Whether a one-word match of a name that is also an everyday word is the name."""
        if len(found.parts) > 1 or found.parts[0].kind != "token":
            return True
        part = found.parts[0]
        folded = fold(part.raw)
        if folded not in self.lex.everyday:
            return True
        if part.possessive in ("'s", "'") and part.raw[:1].isupper():
            return True
        if not part.raw[:1].isupper() or title_case or (part.raw.isupper() and len(part.raw) > 1):
            return False
        before = _before(text, found.start)
        if starts_sentence(text, found.start) or _AFTER_COLON_RE.search(before):
            return self._name_starts_sentence(text, found, folded)
        if folded in self.lex.months:
            prev = _WORD_BEFORE_RE.search(before)
            if (prev and fold(prev.group(1)) in self.lex.month_before) or (
                _NUMBER_BEFORE_RE.search(before) or _DIGIT_AFTER_RE.match(text, found.end)
            ):
                return False
        return True

    def _name_starts_sentence(self, text: str, found: _Found, folded: str) -> bool:
        if text.startswith(",", found.end) and folded not in self.lex.things:
            return True  # "Will, can you send it?": a modal is never followed by a comma
        if found.parts[-1].clitic:
            return True  # "Will'll", "Frank'd": only a name takes a clitic
        after = _NEXT_TWO_RE.match(text, found.end)
        if after is None:
            return False
        following = fold(after.group(1))
        if following in self.lex.action_verbs:
            return True
        if following in self.lex.linking_verbs and folded not in self.lex.things:
            return True
        if following == "and" and after.group(2):
            other = fold(after.group(2).strip(".,;:!?"))
            return other in ("i", "me") or any(other in w.tokens for w in self.people)
        return False

    def _guarded(self, text: str, found: _Found, title_case: bool) -> bool:
        """A given name followed by a surname not theirs is someone else (Sam Altman)."""
        if title_case or len(found.parts) != 1 or found.possessive or found.parts[0].clitic:
            return False
        if fold(found.parts[0].raw) != found.who.given:
            return False
        after = _NEXT_WORD_RE.match(text, found.end)
        if after is None or not after.group(1)[:1].isupper() or after.group(1).isupper():
            return False
        nxt = fold(after.group(1))
        if nxt in self.lex.everyday or nxt in self.lex.calendar or nxt in self.lex.titles:
            return False
        return not any(nxt in w.tokens or nxt[:-1] in w.tokens for w in self.people)

    # --- writing the replacement ---------------------------------------------------

    def _form(self, text: str, found: _Found, after_object: bool) -> tuple[str, str]:
        """The words for the person here, and their place: subject, object or possessive."""
        forms = found.who.forms
        if found.possessive:
            if forms.first_person and found.possessive == "'s":
                nxt = _NEXT_RE.match(text, found.end)
                if nxt and fold(nxt.group(1)) in self.lex.contracted:
                    return forms.subject + self.lex.contracted[fold(nxt.group(1))], "possessive"
            return forms.possessive, "possessive"
        if found.parts[-1].clitic:
            return forms.subject + found.parts[-1].clitic, "contracted"
        prev = _WORD_BEFORE_RE.search(_before(text, found.start))
        if after_object or (prev and fold(prev.group(1)) in self.lex.object_before):
            return forms.object, "object"
        return forms.subject, "subject"

    def _agree(self, word: str) -> str:
        """A verb after "I" in the form "I" takes: "reads" -> "read", "is" -> "am"."""
        folded = fold(word)
        if folded in self.lex.verb_forms:
            return self.lex.verb_forms[folded]
        if not word.islower() or folded in self.lex.not_verbs or len(word) < 4:
            return word
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word

    def __call__(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        matches = list(_TOKEN_RE.finditer(text))
        title_case = self._title_case(text, matches)
        w = _Writer(text)
        i = 0
        while i < len(matches):
            m = matches[i]
            other = self._replace_other(text, m)
            if other is not None:
                w.put(m.start(), m.end(), self._capitalised(text, m.start(), other))
                i += 1
                continue
            found = self._best(text, matches, i) if m.lastgroup in ("word", "dotted") else None
            if found is not None and (
                not self._clearly_the_name(text, found, title_case)
                or self._guarded(text, found, title_case)
            ):
                found = None
            if found is None:
                if (
                    w.agree
                    and m.lastgroup == "word"
                    and _SPACES_RE.fullmatch(text, w.pos, m.start())
                ):
                    # "I often ask": an adverb, then the verb that agrees with "I".
                    if fold(m.group()) in self.lex.adverbs:
                        w.put(m.start(), m.end(), m.group())
                        w.agree = True
                    else:
                        w.put(m.start(), m.end(), self._agree(m.group()))
                else:
                    w.agree = False
                i += 1
                continue
            self._write(w, found)
            while i < len(matches) and matches[i].start() < found.end:
                i += 1
        return w.done()

    def _best(self, text: str, matches: list[re.Match[str]], i: int) -> _Found | None:
        """The longest name starting at match `i`; on a tie, the partner (named more often)."""
        candidates = [self._found(text, matches, i, w) for w in reversed(self.people)]
        return max(
            (c for c in candidates if c is not None), key=lambda c: c.end - c.start, default=None
        )

    def _write(self, w: _Writer, found: _Found) -> None:
        text, start, forms = w.text, found.start, found.who.forms
        # "with Sam and Helen": the second name is an object like the first.
        paired = w.object_end >= 0 and bool(_AND_RE.fullmatch(text, w.object_end, start))
        word, place = self._form(text, found, after_object=paired)
        if (
            place == "subject"
            and not forms.first_person
            and w.me_subject is not None
            and _AND_RE.fullmatch(text, w.me_subject[2], start)
        ):
            # "Helen and Sam met" reads "My partner and I met", not "I and my partner".
            at, me_start, _, me_word = w.me_subject
            w.out[at] = self._capitalised(text, me_start, word)
            word = me_word
        w.put(start, found.end, self._capitalised(text, start, word))
        w.agree = place == "subject" and forms.first_person
        w.object_end = found.end if place == "object" else -1
        w.me_subject = (len(w.out) - 1, start, found.end, word) if w.agree else None

    def _title_case(self, text: str, matches: list[re.Match[str]]) -> bool:
        """Whether capitals say nothing here ("Give Frank Feedback On Decks")."""
        names = {t for w in self.people for t in w.tokens}
        words = [
            m.group().lstrip("@")
            for m in matches
            if m.lastgroup == "word"
            and not starts_sentence(text, m.start())
            and fold(_split_possessive(m.group().lstrip("@"))[0]) not in names
        ]
        capitalised = [w for w in words if w[:1].isupper()]
        return len(words) >= 3 and len(capitalised) >= 0.6 * len(words)

    def _replace_other(self, text: str, m: re.Match[str]) -> str | None:
        """What an e-mail address or a link naming someone becomes, if it is one."""
        if m.lastgroup == "email":
            local = fold(m.group().split("@", 1)[0])
            for who in self.people:
                if any(t in local for t in who.tokens if len(t) >= 3) or local in (
                    who.acronym,
                    *(i + t for i in who.initials for t in who.tokens),
                ):
                    # An address is written to: the object, unless it opens a sentence.
                    if starts_sentence(text, m.start()):
                        return who.forms.subject
                    return who.forms.object
            return self.email
        if m.lastgroup == "url":
            address = fold(m.group())
            return self.link if any(f in address for f in self.fragments) else None
        if m.lastgroup == "dotted":
            letters = fold(m.group().replace(".", ""))
            for who in self.people:
                if letters == who.acronym:
                    return who.forms.subject
        return None

    @staticmethod
    def _capitalised(text: str, start: int, word: str) -> str:
        if starts_sentence(text, start):
            return word[:1].upper() + word[1:]
        return word


def anonymiser(
    p: Pairing, words: dict[str, str], lexicon: dict[str, Any] | None = None
) -> Callable[[str], str]:
    """A function that swaps both people's names for neutral words in a piece of text."""
    from revmentor import content

    lex = Lexicon.from_data(lexicon if lexicon is not None else content.load("anonymise.yaml"))
    people = [
        _who(p.me.name, Forms(words["me"], words["me_object"], words["me_possessive"], True), lex),
        _who(
            p.partner.name,
            Forms(words["partner"], words["partner"], words["partner_possessive"], False),
            lex,
        ),
    ]
    found = [w for w in people if w is not None]
    if not found:
        return lambda text: text
    return Anonymiser(
        found, lex, words.get("email", "(an e-mail address)"), words.get("link", "(a link)")
    )

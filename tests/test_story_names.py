"""The shareable story leaves both names out without breaking the sentences around them.

Each row: the two people's names, a text as someone might write it in a goal, a note or a
wrap-up answer, and what the story should say instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from revmentor import content
from revmentor.coach import story, wrapup
from revmentor.coach.anonymise import fold
from revmentor.model import Pairing
from tests.conftest import Result

WORDS = content.load("wrapup.yaml")["anonymous"]
HELEN = "Helen Okafor"


def pairing(me: str, partner: str, **roles: str) -> Pairing:
    return Pairing.model_validate(
        {
            "created": "2026-01-05",
            "horizon": {"start": "2026-01-05", "end": "2026-04-05"},
            "me": {"name": me, "role": roles.get("me_role", ""), "generation": "Gen X"},
            "partner": {
                "name": partner,
                "role": roles.get("partner_role", ""),
                "generation": "Gen Z",
            },
        }
    )


def anon(me: str, partner: str, text: str) -> str:
    return story.anonymiser(pairing(me, partner), WORDS)(text)


CASES: list[tuple[str, str, str, str]] = [
    # lower case, capitals, possessives with and without an apostrophe
    (HELEN, "Priya Sharma", "so that priya can pitch", "so that my partner can pitch"),
    (
        HELEN,
        "Priya Sharma",
        "Priyas deck convinced the board.",
        "My partner's deck convinced the board.",
    ),
    (HELEN, "Priya Sharma", "PRIYA'S idea won.", "My partner's idea won."),
    (HELEN, "Priya Sharma", "I used priyas template.", "I used my partner's template."),
    (HELEN, "Sam Rivera", "Sam’s patience", "My partner's patience"),
    (HELEN, "James Wu", "James' notes helped.", "My partner's notes helped."),
    (HELEN, "Chris Lowe", "Chris's notes; Christmas party", "My partner's notes; Christmas party"),
    (HELEN, "Sam Rivera", "sam helped", "My partner helped"),
    (HELEN, "Sam Rivera", "then sam helped", "then my partner helped"),
    # surnames, titles, initials
    (HELEN, "Priya Sharma", "I learned from Sharma.", "I learned from my partner."),
    (HELEN, "Priya Sharma", "Ms Sharma explained the model.", "My partner explained the model."),
    (HELEN, "Priya Sharma", "Dr. Sharma explained it.", "My partner explained it."),
    (HELEN, "Priya Sharma", "P. Sharma and I met.", "My partner and I met."),
    (HELEN, "Priya Sharma", "Priya S. showed me a trick.", "My partner showed me a trick."),
    (
        HELEN,
        "Priya Sharma",
        "Thanks to Priya S. Then we left.",
        "Thanks to my partner. Then we left.",
    ),
    (HELEN, "Sam Rivera", "SR and HO agreed.", "My partner and I agreed."),
    (HELEN, "Sam Rivera", "S.R. agreed.", "My partner agreed."),
    (HELEN, "Priya Sharma", "PS: bring the deck.", "PS: bring the deck."),
    (HELEN, "Anna Ivanova", "Generative AI helps.", "Generative AI helps."),
    (HELEN, "Sam Rivera", "how Ms Okafor reads risk", "how I read risk"),
    (HELEN, "Sam Rivera", "how Mr Okafor reads risk", "how I read risk"),
    (HELEN, "Sam Rivera", "Mrs. H. Okafor signs off.", "I sign off."),
    # accents, however they are written
    (HELEN, "Zoë Brontë", "Zoe asked great questions.", "My partner asked great questions."),
    (
        HELEN,
        "Zoë Brontë",
        "zoe's notes; ZOË agreed; Bronte too.",
        "My partner's notes; my partner agreed; my partner too.",
    ),
    (HELEN, "Zoë Brontë", "Zoe\u0308 said so.", "My partner said so."),
    (HELEN, "Jose Garcia", "José García helped.", "My partner helped."),
    (HELEN, "Søren Kierkegaard", "Soren said it twice.", "My partner said it twice."),
    (HELEN, "Łukasz Nowak", "Lukasz led.", "My partner led."),
    # compound names and particles
    (
        HELEN,
        "Mary-Jane Watson",
        "Mary-Jane said yes; Mary Jane too.",
        "My partner said yes; my partner too.",
    ),
    (HELEN, "Mary-Jane Watson", "Watson's notes", "My partner's notes"),
    (HELEN, "Sam O'Neil", "O’Neil's view; ONeil agreed.", "My partner's view; my partner agreed."),
    (HELEN, "Ludwig van Beethoven", "The van broke down.", "The van broke down."),
    (HELEN, "Ludwig van Beethoven", "Van Beethoven agreed.", "My partner agreed."),
    (HELEN, "Ludwig van Beethoven", "I asked Ludwig van Beethoven.", "I asked my partner."),
    # e-mail addresses, handles and links
    (
        HELEN,
        "Priya Sharma",
        "Send it to priya.sharma@example.org today.",
        "Send it to my partner today.",
    ),
    (HELEN, "Priya Sharma", "Write to psharma@example.org.", "Write to my partner."),
    (HELEN, "Priya Sharma", "Copy helen.okafor@example.org in.", "Copy me in."),
    (HELEN, "Priya Sharma", "Ask hr@example.org first.", "Ask (an e-mail address) first."),
    (HELEN, "Sam Rivera", "@sam posted the deck.", "My partner posted the deck."),
    (HELEN, "Sam Rivera", "See https://example.org/sam-rivera now.", "See (a link) now."),
    (HELEN, "Sam Rivera", "See https://example.org/docs now.", "See https://example.org/docs now."),
    # the person writing: I, me, my, and verbs that agree with "I"
    (HELEN, "Sam Rivera", "Helen's team runs well.", "My team runs well."),
    (HELEN, "Sam Rivera", "helen's team", "My team"),
    (HELEN, "Sam Rivera", "and helen's team", "and my team"),
    (HELEN, "Sam Rivera", "Helen's been great.", "I've been great."),
    (HELEN, "Sam Rivera", "Helen's not sure yet.", "I'm not sure yet."),
    (HELEN, "Sam Rivera", "Sam taught Helen prompts.", "My partner taught me prompts."),
    (
        HELEN,
        "Sam Rivera",
        "It worked between Sam and Helen.",
        "It worked between my partner and me.",
    ),
    (HELEN, "Sam Rivera", "Sam and Helen met weekly.", "My partner and I met weekly."),
    (HELEN, "Sam Rivera", "Helen and Sam met weekly.", "My partner and I met weekly."),
    (HELEN, "Sam Rivera", "Helen often asks for examples.", "I often ask for examples."),
    (HELEN, "Sam Rivera", "Helen tries new tools.", "I try new tools."),
    (HELEN, "Sam Rivera", "Helen pushes back; Helen misses little.", "I push back; I miss little."),
    (
        HELEN,
        "Sam Rivera",
        "Helen has time; Helen does the review.",
        "I have time; I do the review.",
    ),
    (HELEN, "Sam Rivera", "Helen doesn't mind; Helen is keen.", "I don't mind; I am keen."),
    (HELEN, "Sam Rivera", "Helen was nervous; Helen will try.", "I was nervous; I will try."),
    (HELEN, "Sam Rivera", "Helen always reads it.", "I always read it."),
    (HELEN, "Sam Rivera", "Sam reads risk well.", "My partner reads risk well."),
    (HELEN, "Sam Rivera", "Notes:\nSam led the session.", "Notes:\nMy partner led the session."),
    (HELEN, "Sam Rivera", "“Sam, try this,” I said.", "“My partner, try this,” I said."),
    (HELEN, "Sam Rivera", "'Sam' was the nickname.", "'My partner' was the nickname."),
    # a name that is also an everyday word: replaced only where it is clearly the name
    (HELEN, "Will Grant", "Will we keep going?", "Will we keep going?"),
    (HELEN, "Will Grant", "Will you join us? Will it work?", "Will you join us? Will it work?"),
    (HELEN, "Will Grant", "I will ask Will.", "I will ask my partner."),
    (HELEN, "Will Grant", "Will said yes.", "My partner said yes."),
    (HELEN, "Will Grant", "Will is patient.", "My partner is patient."),
    (HELEN, "Will Grant", "Will's deck was clear.", "My partner's deck was clear."),
    (HELEN, "Will Grant", "Will and I met.", "My partner and I met."),
    (HELEN, "Will Grant", "What will Will say?", "What will my partner say?"),
    (HELEN, "Will Grant", "Will Grant joined.", "My partner joined."),
    (HELEN, "Will Grant", "Mr Grant agreed.", "My partner agreed."),
    (HELEN, "Will Grant", "we will grant access", "we will grant access"),
    (
        HELEN,
        "Will Grant",
        "Grant funding helps. Grants are due.",
        "Grant funding helps. Grants are due.",
    ),
    (HELEN, "Will Grant", "Willpower matters.", "Willpower matters."),
    (HELEN, "Will Grant", "WILL WE KEEP GOING?", "WILL WE KEEP GOING?"),
    (HELEN, "Frank Lee", "Frank feedback helps.", "Frank feedback helps."),
    (HELEN, "Frank Lee", "Frank and honest feedback.", "Frank and honest feedback."),
    (HELEN, "Frank Lee", "a frank talk", "a frank talk"),
    (
        HELEN,
        "Frank Lee",
        "Frank said so; thanks to Frank.",
        "My partner said so; thanks to my partner.",
    ),
    (HELEN, "Frank Lee", "Give Frank Feedback To The Team", "Give Frank Feedback To The Team"),
    (
        HELEN,
        "Sam Rivera",
        "Give Sam Frank Feedback On Decks",
        "Give my partner Frank Feedback On Decks",
    ),
    (HELEN, "May Chen", "By May we ship.", "By May we ship."),
    (HELEN, "May Chen", "We meet on 12 May and in May.", "We meet on 12 May and in May."),
    (HELEN, "May Chen", "May I ask?", "May I ask?"),
    (HELEN, "May Chen", "May explained it.", "My partner explained it."),
    (HELEN, "May Chen", "I met May in June.", "I met my partner in June."),
    (HELEN, "May Chen", "May 3 works.", "May 3 works."),
    (
        HELEN,
        "Grace Kim",
        "Grace is key. Grace under pressure.",
        "Grace is key. Grace under pressure.",
    ),
    (HELEN, "Grace Kim", "Grace asked why.", "My partner asked why."),
    (HELEN, "Hope Adams", "Hope is not a plan; I hope so.", "Hope is not a plan; I hope so."),
    (HELEN, "Hope Adams", "Hope said yes.", "My partner said yes."),
    (HELEN, "An Nguyen", "An idea came up; an example too.", "An idea came up; an example too."),
    (HELEN, "An Nguyen", "An said yes; I asked An.", "My partner said yes; I asked my partner."),
    (
        "Will Grant",
        "Frank Samson",
        "Frank gave frank feedback; I will ask Will.",
        "My partner gave frank feedback; I will ask me.",
    ),
    # someone else who shares a first name, and words that only start like a name
    (HELEN, "Sam Rivera", "Read Sam Altman's blog.", "Read Sam Altman's blog."),
    (HELEN, "Sam Rivera", "Samantha and Samsung", "Samantha and Samsung"),
    (HELEN, "Sam Rivera", "Rivera's plan", "My partner's plan"),
    # contractions, vocatives, names written with brackets, titles or initials in the name
    (
        HELEN,
        "Sam Rivera",
        "Sam'll send it; Helen'd rather wait.",
        "My partner'll send it; I'd rather wait.",
    ),
    (HELEN, "Will Grant", "Will, can you send it?", "My partner, can you send it?"),
    (HELEN, "Will Grant", "Will'll do it.", "My partner'll do it."),
    (HELEN, "Dr Priya Sharma", "Dr Smith said; Priya said.", "Dr Smith said; my partner said."),
    (
        HELEN,
        "Sam (Samantha) Rivera",
        "Samantha agreed, Sam too.",
        "My partner agreed, my partner too.",
    ),
    (
        HELEN,
        "Al Smith",
        "Al said so. I asked Al. See Lee et al.",
        "My partner said so. I asked my partner. See Lee et al.",
    ),
    (
        HELEN,
        "J.R. Smith",
        "J.R. Smith met us; Smith agreed.",
        "My partner met us; my partner agreed.",
    ),
    (
        "Helen Okafor-Smith",
        "Sam Rivera",
        "Okafor-Smith signs off. Smith agreed.",
        "I sign off. I agreed.",
    ),
    ("Helen Okafor-Smith", "Sam Rivera", "a smith forges iron", "a smith forges iron"),
    # text in capitals
    (HELEN, "Sam Rivera", "SAM RIVERA and I", "My partner and I"),
    (HELEN, "Priya Sharma", "PRIYA AND I MET", "My partner AND I MET"),
]


@pytest.mark.parametrize(("me", "partner", "text", "expected"), CASES)
def test_names_are_replaced_and_sentences_still_read(
    me: str, partner: str, text: str, expected: str
) -> None:
    assert anon(me, partner, text) == expected


def test_there_are_many_cases() -> None:
    assert len(CASES) >= 90


# --- nothing of an unambiguous name ever gets through ------------------------------------

PLAIN_NAMES = ["Priya Sharma", "Zoë Brontë", "José García", "Mary-Jane O'Neil", "Søren Kierkegaard"]
FILLER = [
    "and", "the", "will", "said", "reads", "risk", "with", "to", "I", "we", "frank",
    "May", "Will", ".", ",", "?", "\n", "so that", "can pitch", "(", ")", "—", "'", "\"",
]  # fmt: skip


def forms_of(name: str) -> list[str]:
    """Ways a person may write someone's name: cases, accents, parts, titles, initials."""
    given_name, surname = name.split(" ", 1)
    bare = fold(name).replace(" ", ".").replace("'", "")
    return [
        given_name, given_name.lower(), given_name.upper(), f"{given_name}'s", f"{given_name}s",
        f"{given_name}’s", surname, surname.lower(), f"Ms {surname}", f"Dr. {surname}",
        f"{given_name[0]}. {surname}", f"{given_name} {surname[0]}.", name, name.upper(),
        fold(given_name), fold(surname).title(), f"{bare}@example.org", f"@{fold(given_name)}",
        f"{given_name}'ll",
    ]  # fmt: skip


def _leaks(name: str, text: str) -> list[str]:
    parts = [p for p in re.findall(r"[^\W\d_]+", fold(name)) if len(p) > 1]
    return [part for part in parts if re.search(rf"(?<![^\W\d_]){part}(?![^\W\d_])", fold(text))]


@settings(max_examples=300, deadline=None)
@given(
    hs.sampled_from(PLAIN_NAMES).flatmap(
        lambda name: hs.tuples(
            hs.just(name),
            hs.lists(hs.sampled_from(forms_of(name) + FILLER), min_size=1, max_size=12),
        )
    )
)
def test_no_form_of_a_plain_name_survives(case: tuple[str, list[str]]) -> None:
    name, pieces = case
    text = " ".join(pieces)
    result = anon(HELEN, name, text)
    assert _leaks(name, result) == [], (text, result)
    assert _leaks(HELEN, result) == [], (text, result)
    # What is not a name is left as it was.
    assert fold(result).count("frank") == fold(text).count("frank")
    assert re.findall(r"\bwill\b", result) == re.findall(r"\bwill\b", text)


def test_a_long_hostile_text_takes_linear_time() -> None:
    import time

    hostile = ["x@" * 20_000, "a." * 20_000, "Will " * 20_000, "Helen said Priyas " * 5_000]
    started = time.perf_counter()
    for text in hostile:
        assert "Priya" not in anon(HELEN, "Priya Sharma", text)
    assert time.perf_counter() - started < 20  # a quadratic rule would take hours


# --- job titles and generations ------------------------------------------------------------


def test_roles_and_generations_stay_out_of_the_story_unless_asked() -> None:
    p = pairing(HELEN, "Sam Rivera", me_role="Head of Risk", partner_role="Graduate Analyst")
    retro = wrapup.retrospective(p, date(2026, 3, 1))
    plain = story.story(p, retro, None)
    for word in ("Head of Risk", "Graduate Analyst", "Gen X", "Gen Z", "Helen", "Sam"):
        assert word not in plain, word
    assert "From January 2026 to March 2026, my partner and I met fortnightly" in plain
    roles = story.story(p, retro, None, with_roles=True)
    assert "a Head of Risk (Gen X) and a Graduate Analyst (Gen Z) met" in roles
    assert "Helen" not in roles and "Sam" not in roles
    both = story.story(p, retro, None, with_roles=True, with_names=True)
    assert "Helen Okafor (Head of Risk, Gen X) and Sam Rivera (Graduate Analyst, Gen Z)" in both


# --- through the command line ------------------------------------------------------------


def test_wrap_up_story_keeps_roles_only_with_the_flag(
    cli: Callable[..., Result], example_home: Path, tmp_path: Path
) -> None:
    plain, roles = tmp_path / "plain.md", tmp_path / "roles.md"
    done = cli(
        "wrap-up", "--decision", "extend", "--weeks", "1", "--story", str(plain),
        "--worked", "Sam\u202e's candour with Helen \u2066txt", "--yes",
    )  # fmt: skip
    assert done.code == 0, done.output
    assert "names left out, roles left out" in done.out
    text = plain.read_text(encoding="utf-8")
    for word in ("Sam", "Helen", "Data Analyst", "Chief Operating Officer", "Gen Z", "Gen X"):
        assert word not in text, word
    for ch in ("\u202e", "\u2066"):
        assert ch not in text
    assert "\\u202e" in text and "\\u2066" in text
    again = cli(
        "wrap-up", "--decision", "extend", "--weeks", "1", "--story", str(roles),
        "--with-roles", "--yes",
    )  # fmt: skip
    assert again.code == 0, again.output
    assert "names left out, with your roles" in again.out
    text = roles.read_text(encoding="utf-8")
    assert "a Chief Operating Officer (Gen X) and a Data Analyst (Gen Z) met" in text
    assert "Sam" not in text and "Helen" not in text


# --- a name that is also a word, in sentences built to say which it is ---------------------

# (a sentence holding {n} where the name or the word goes, the word kept, the name replaced)
EVERYDAY_SENTENCES = {
    "Will Grant": [
        ("{n} we keep going?", False),
        ("{n} you join the next one?", False),
        ("{n} it work for the board?", False),
        ("I {n} try the new tool.", False),
        ("we {n} meet in May.", False),
        ("{n} said the deck was clear.", True),
        ("{n} is patient with me.", True),
        ("I asked {n} about prompts.", True),
        ("Thanks to {n}, it worked.", True),
        ("{n}'s questions were sharp.", True),
        ("{n} and I met weekly.", True),
    ],
    "Frank Lee": [
        ("{n} feedback helps.", False),
        ("We had a {n} talk.", False),
        ("{n} and honest notes work.", False),
        ("{n} explained the budget.", True),
        ("I thanked {n} for it.", True),
        ("{n}'s view changed mine.", True),
    ],
    "May Chen": [
        ("By {n} we ship it.", False),
        ("We meet on 12 {n}.", False),
        ("{n} I ask a question?", False),
        ("In {n} the plan starts.", False),
        ("{n} showed me the dashboard.", True),
        ("I met {n} for coffee.", True),
    ],
}


@settings(max_examples=200, deadline=None)
@given(
    hs.sampled_from(sorted(EVERYDAY_SENTENCES)).flatmap(
        lambda name: hs.tuples(
            hs.just(name), hs.lists(hs.sampled_from(EVERYDAY_SENTENCES[name]), min_size=1)
        )
    )
)
def test_an_everyday_name_goes_only_where_it_is_the_name(
    case: tuple[str, list[tuple[str, bool]]],
) -> None:
    name, sentences = case
    given_name = name.split()[0]
    text, expected = [], []
    for sentence, is_name in sentences:
        word = given_name if sentence.startswith("{n}") else given_name.lower()
        if is_name:
            word = given_name
        text.append(sentence.format(n=word))
        expected.append(sentence.format(n=word) if not is_name else "")
    result = anon(HELEN, name, " ".join(text))
    kept = [s for s in expected if s]
    for sentence in kept:
        assert sentence in result, (text, result)
    replaced = sum(1 for _, is_name in sentences if is_name)
    assert result.count(given_name) + result.count(given_name.lower()) == sum(
        s.count(given_name) + s.count(given_name.lower()) for s in kept
    ), (text, result)
    assert fold(result).count("my partner") == replaced, (text, result)

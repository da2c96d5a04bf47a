"""Hypothesis strategies for valid pairings."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from revmentor.model import (
    Ask,
    Goal,
    GroundRules,
    HistoryEntry,
    Horizon,
    Me,
    Pairing,
    Person,
    Pulse,
    Review,
    ReviewEntry,
    Session,
)

# Any printable text, including YAML's awkward words, emoji and right-to-left scripts.
tricky = st.sampled_from(
    [
        "No",
        "yes",
        "off",
        "9:30",
        "1e3",
        "null",
        "~",
        "0x1F",
        "-",
        "? x",
        "#hash",
        "a: b",
        "'quoted'",
        '"dq"',
        "  padded  ",
        "שלום",
        "🙂 emoji",
        "[list]",
        "{map}",
        "&a",
        "*b",
        "2026-01-05",
        "true",
        ".inf",
        "multi\nline",
    ]
)
text = st.one_of(
    tricky,
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.text(
        st.characters(
            blacklist_categories=("Cs",),
            blacklist_characters="\r\x85"
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e"
            "\x1f\x7f\x80\x81\x82\x83\x84\x86\x87\x88\x89\x8a\x8b\x8c\x8d"
            "\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c"
            "\x9d\x9e\x9f",
        ),
        max_size=30,
    ),
)
nonempty = text.filter(lambda s: len(s) > 0)
# One line of text: names, roles, topics, ids.
line = text.filter(lambda s: not any(c in s for c in "\n\r\u2028\u2029"))
slug = st.from_regex(r"\A[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?\Z")
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
rating = st.integers(1, 5)
opt_rating = st.none() | rating


@st.composite
def horizons(draw: st.DrawFn) -> Horizon:
    start = draw(days)
    end = start + timedelta(days=draw(st.integers(1, 400)))
    mid = draw(st.none() | st.just(start + (end - start) / 2))
    return Horizon(start=start, end=end, midpoint_review=mid)


@st.composite
def goals(draw: st.DrawFn, goal_id: str) -> Goal:
    history = draw(
        st.lists(
            st.builds(
                HistoryEntry,
                date=days,
                event=st.sampled_from(["created", "reworded", "rated", "achieved", "retired"]),
                text=st.none() | text,
                previous=st.none() | text,
                rating=opt_rating,
                reason=st.none() | text,
            ),
            max_size=3,
        )
    )
    return Goal(
        id=goal_id,
        text=draw(nonempty),
        owner=draw(st.sampled_from(["me", "partner", "shared"])),
        why=draw(text),
        baseline=draw(opt_rating),
        status=draw(st.sampled_from(["active", "achieved", "retired"])),
        history=history,
    )


sessions = st.builds(
    Session,
    date=days,
    minutes=st.none() | st.integers(1, 600),
    topics=st.lists(line, max_size=3),
    i_learned=text,
    they_learned=text,
    progress=st.dictionaries(slug, rating, max_size=3),
    pulse=st.builds(
        Pulse, open_mind=opt_rating, respect=opt_rating, trust=opt_rating, authenticity=opt_rating
    ),
    next_steps=st.lists(text, max_size=3),
    private_note=st.none() | text,
)


@st.composite
def pairings(draw: st.DrawFn) -> Pairing:
    ids = draw(st.lists(slug, max_size=4, unique=True))
    person = st.builds(
        Person,
        name=line,
        role=line,
        generation=line,
        background=line,
        offers=st.lists(line, max_size=3),
    )
    partner = draw(person)
    me = Me(**draw(person).model_dump(), side=draw(st.sampled_from(["mentee", "mentor", "mutual"])))
    return Pairing(
        created=draw(days),
        me=me,
        partner=partner,
        goals=[draw(goals(i)) for i in ids],
        ask=draw(
            st.none()
            | st.builds(
                Ask,
                topic=line,
                wording=text,
                asked_on=st.none() | days,
                response=st.sampled_from(["pending", "accepted", "declined"]),
            )
        ),
        ground_rules=draw(
            st.builds(
                GroundRules,
                frequency=st.sampled_from(["weekly", "fortnightly", "monthly"]),
                session_minutes=st.integers(5, 480),
                channel=text,
                between_sessions=text,
                confidentiality=text,
                feedback=text,
                scheduling=text,
            )
        ),
        horizon=draw(horizons()),
        sessions=draw(st.lists(sessions, max_size=4)),
        reviews=draw(
            st.lists(
                st.builds(
                    Review,
                    date=days,
                    entries=st.lists(
                        st.builds(
                            ReviewEntry,
                            goal=slug,
                            rating=opt_rating,
                            decision=st.sampled_from(["keep", "reword", "achieved", "retire"]),
                            text=st.none() | text,
                            reason=st.none() | text,
                        ),
                        max_size=2,
                    ),
                    note=st.none() | text,
                ),
                max_size=2,
            )
        ),
        checklists=draw(
            st.none()
            | st.dictionaries(slug, st.dictionaries(slug, days, min_size=1, max_size=3), max_size=2)
        ),
    )

"""Drafting the ask: the message that invites a partner into a reverse-mentoring pairing.

Every draft follows the same shape: name the topic you want to learn, then ask whether
the other person is open to a reverse-mentoring relationship with regular meetings to
exchange knowledge. The variants differ in who is asking whom.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from revmentor.model import Ask, Pairing
    from revmentor.vocab import Response, Side

VARIANTS: tuple[str, ...] = ("junior-to-senior", "senior-to-junior", "mutual")

# Which variant fits which side: in reverse mentoring the junior colleague is the mentor.
VARIANT_FOR_SIDE: dict[str, str] = {
    "mentor": "junior-to-senior",
    "mentee": "senior-to-junior",
    "mutual": "mutual",
}


@dataclass(frozen=True)
class AskDraft:
    variant: str
    label: str
    text: str


# Leading phrases that say "I want to learn" rather than what is learned.
_LEAD = re.compile(
    r"^(?:(?:i\s+(?:want|would\s+like|'d\s+like|need|hope)\s+to)\s+)?"
    r"(?:learn\s+more\s+about|learn\s+about|learn|understand|get\s+better\s+at|"
    r"improve\s+(?:my|at)|master|explore|discover|become\s+(?:more\s+)?"
    r"(?:confident|fluent|comfortable)\s+(?:with|in|at))\s+",
    re.IGNORECASE,
)
# Where the topic ends and the reason, method or deadline begins.
_TAIL = re.compile(
    r"(?:,|;|:|\s[-–—]\s|\s+(?:so\s+that|so|by|in\s+order\s+to|to\s+help|because|"
    r"before|within|over\s+the\s+next|in\s+the\s+next|until|which|while)\s)",
    re.IGNORECASE,
)


def topic_from_goal(text: str) -> str:
    """A short topic phrase from a goal's wording, ready for "learn more about {topic}".

    "Learn to use generative AI tools myself so I can judge..." gives
    "how to use generative AI tools myself".
    """
    topic = " ".join(text.split()).strip().rstrip(".!?")
    match = _LEAD.match(topic)
    if match:
        verb = match.group(0).lower()
        topic = topic[match.end() :]
        if verb.rstrip().endswith("learn") and topic.lower().startswith("to "):
            topic = "how " + topic
    cut = _TAIL.search(topic)
    if cut and cut.start() > 0:
        topic = topic[: cut.start()]
    topic = topic.strip().rstrip(".,;:!?")
    # Lower-case a leading capital, but keep acronyms and names like "AI" or "Excel".
    if topic[:1].isupper() and topic.split(" ", 1)[0].lower() in _COMMON_STARTS:
        topic = topic[0].lower() + topic[1:]
    return topic or " ".join(text.split())


_COMMON_STARTS = frozenset(
    [
        "how",
        "what",
        "why",
        "when",
        "where",
        "which",
        "who",
        "the",
        "a",
        "an",
        "to",
        "use",
        "using",
        "build",
        "building",
        "write",
        "writing",
        "run",
        "running",
        "lead",
        "leading",
        "work",
        "working",
        "manage",
        "managing",
        "make",
        "making",
        "read",
        "reading",
        "give",
        "giving",
        "get",
        "getting",
        "our",
        "my",
        "your",
        "their",
        "new",
        "modern",
    ]
)


def join_offers(offers: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [o.strip().rstrip(".") for o in offers if o.strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def drafts(
    topic: str, *, partner: str = "", offers: Sequence[str] = (), side: Side = "mutual"
) -> list[AskDraft]:
    """The three drafts, the one that fits `side` first."""
    from revmentor import content

    data = content.load("start.yaml")["ask_variants"]
    first_name = partner.split()[0] if partner.strip() else ""
    greeting = f"Hi {first_name}," if first_name else "Hi,"
    offered = join_offers(offers)
    order = [VARIANT_FOR_SIDE[side], *(v for v in VARIANTS if v != VARIANT_FOR_SIDE[side])]
    out: list[AskDraft] = []
    for key in order:
        spec = data[key]
        offers_sentence = spec["offers"].format(offers=offered) if offered else ""
        wording = spec["text"].format(
            greeting=greeting, topic=topic.strip(), offers_sentence=offers_sentence
        )
        out.append(AskDraft(key, spec["label"], wording))
    return out


def default_wording(
    topic: str, *, partner: str = "", offers: Sequence[str] = (), side: Side = "mutual"
) -> str:
    return drafts(topic, partner=partner, offers=offers, side=side)[0].text


# --- recording what became of the ask (`revmentor ask`) ------------------------------


def _own_ask(pairing: Pairing) -> Ask:
    from revmentor.errors import BadInput
    from revmentor.model import Ask

    if pairing.kind == "on-the-job":
        raise BadInput(
            "an on-the-job learning plan has no ask to record",
            "The ask belongs to reverse-mentoring pairings.",
        )
    if pairing.ask is None:
        pairing.ask = Ask()
    return pairing.ask


def _not_ahead(day: date, today: date, what: str) -> None:
    from revmentor.errors import BadInput

    if day > today:
        raise BadInput(f"{day} is in the future (today is {today})", field=what)


def record_sent(pairing: Pairing, day: date, today: date) -> Ask:
    """Note the day the ask went out; refused after the day its answer came."""
    from revmentor.errors import BadInput

    _not_ahead(day, today, "sent")
    ask = _own_ask(pairing)
    if ask.answered_on is not None and day > ask.answered_on:
        raise BadInput(
            f"{day} is after the answer came ({ask.answered_on})",
            "The ask goes out before it is answered.",
            field="sent",
        )
    ask.asked_on = day
    return ask


def record_unsent(pairing: Pairing) -> Ask:
    """Take back a sent date noted by mistake; an answer already noted stays."""
    ask = _own_ask(pairing)
    ask.asked_on = None
    return ask


def record_response(pairing: Pairing, response: Response, day: date | None, today: date) -> Ask:
    """Note the answer; `day` is when it came (None: today). Pending clears that date."""
    from revmentor.errors import BadInput

    ask = _own_ask(pairing)
    if response == "pending":
        if day is not None:
            raise BadInput("a pending ask has no answer date", field="on")
        ask.response = "pending"
        ask.answered_on = None
        return ask
    when = day or today
    _not_ahead(when, today, "on")
    if ask.asked_on is not None and when < ask.asked_on:
        raise BadInput(
            f"{when} is before the ask was sent ({ask.asked_on})",
            "Correct the day it was sent first, with --sent.",
            field="on",
        )
    ask.response = response
    ask.answered_on = when
    return ask

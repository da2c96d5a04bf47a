"""A second reading of a goal by the weight of its words, beside the rules.

Some criteria turn on what a goal is about rather than on a cue word: whether it names
something in particular (SMART Specific), whether it is within reach (SMART Achievable),
whether it serves the work (SMART and REAL Relevant). For those the rules' verdict is
weighed again with the goal's words and word pairs, by a naive Bayes model fitted
offline on the tuning part of the labelled corpus (scripts/train_goal_weights.py) and
shipped as content/goal_weights_{real,smart}.json. The rules' verdict is one of the model's
features, so the words overturn it only when they outweigh the rules' record on the
corpus, and by a clear margin. Plain Python, deterministic, no download.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from revmentor.coach.verdict import Check

CONTENT = Path(__file__).resolve().parent.parent / "content"
FORMAT = 1

# The models the file holds, by "framework.criterion".
MODELLED = ("smart.specific", "smart.achievable", "smart.relevant", "real.relevant")
# Which way a criterion falls short when the words overturn the rules: the cause the
# hint and the rewrite work from.
CAUSES = {"specific": "vague", "achievable": "too_much", "relevant": "none"}
# How far the words must lean the other way (in log-odds) to overturn the rules: further
# when the rules found a cue for a shortfall ("my narrowboat", "take over as head") than
# when they found nothing either way. Chosen on tuning batches held out in turn, with
# rules older than those batches, as scripts/words_model_probe.py holds them out.
MARGIN = 2.0
CUED_MARGIN = 10.0
# Words quoted as the reason, at most.
QUOTED = 3

# Words that name nothing on their own: they count in the score but make a poor reason.
_FUNCTION_WORDS = frozenset(
    """
    a an the and or but so to of in on at by for with from as into onto about than then
    i i'm i'd i've i'll me my mine myself we our us you your he she it its they them their
    this that these those is am are was were be been being do does did have has had will
    would can could should shall may might must just also if when while which who what
    how there here not no up out over all any some s t
    """.split()
)
_TOKEN = re.compile(r"[A-Za-z0-9'’]+")


@dataclass(frozen=True)
class Weighing:
    """What the words say about one criterion: met or not, and the words that said it."""

    ok: bool
    quote: str  # the goal's own words that weighed most towards `ok`, as written
    score: float  # log-odds of met: how far the words lean, either way


def features(text: str, rule: bool, gap: bool = False) -> set[str]:
    """The words and word pairs of `text`, the rules' verdict, and whether a gap is linked."""
    return {f for f, _ in _spans(text)} | _flags(rule, gap)


def _flags(rule: bool, gap: bool) -> set[str]:
    return {f"RULE={rule}"} | ({"GAP"} if gap else set())


def _spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Each word and word pair of `text`, with where it stands in the text."""
    tokens = [(m.group().lower().replace("’", "'"), m.span()) for m in _TOKEN.finditer(text)]
    pairs = [
        (f"{a}_{b}", (sa[0], sb[1])) for (a, sa), (b, sb) in itertools.pairwise(tokens)
    ]
    return tokens + pairs


def weights_file(framework: str) -> Path:
    """The shipped weights of `framework`'s models ("real" or "smart")."""
    return CONTENT / f"goal_weights_{framework}.json"


@cache
def _models(framework: str) -> dict[str, Any]:
    # One file per framework: a REAL check reads only the REAL model's weights.
    path = weights_file(framework)
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path.name}: format {data.get('format')!r}, expected {FORMAT}")
    models: dict[str, Any] = data["models"]
    return models


def weigh(name: str, text: str, rule: bool, gap: bool = False) -> Weighing:
    """The model `name` ("smart.relevant") on `text`, given the rules' verdict `rule`."""
    model = _models(name.split(".", 1)[0])[name]
    weights: dict[str, float] = model["weights"]
    spans = _spans(text)
    score = float(model["prior"]) + sum(
        weights.get(f, 0.0) for f in {f for f, _ in spans} | _flags(rule, gap)
    )
    ok = score > 0
    # The words that pushed hardest towards the verdict are its reason. A word that names
    # nothing on its own ("the", "by") counts in the score, but is quoted, alone or in a
    # pair ("by week"), only when nothing else pushed that way.
    towards = sorted(
        (-abs(w), span, any(p in _FUNCTION_WORDS for p in f.split("_")))
        for f, span in spans
        if (w := weights.get(f, 0.0)) and (w > 0) == ok
    )
    if any(not plain for *_, plain in towards):
        towards = [t for t in towards if not t[2]]
    chosen: list[tuple[int, int]] = []
    for _, span, _ in towards:
        if any(span[0] < b and a < span[1] for a, b in chosen):
            continue
        chosen.append(span)
        if len(chosen) == QUOTED:
            break
    quote = "”, “".join(" ".join(text[a:b].split()) for a, b in sorted(chosen))
    return Weighing(ok, quote, score)


def reweigh(
    framework: str, text: str, checks: dict[str, Check], subject: str, gap: bool = False
) -> dict[str, Check]:
    """`checks` with each modelled criterion weighed again; where the words outweigh the
    rules, the check says so and quotes them."""
    from revmentor.coach.verdict import Check, said

    out = dict(checks)
    for name in MODELLED:
        fw, key = name.split(".", 1)
        if fw != framework or key not in checks:
            continue
        rule = checks[key]
        found = weigh(name, text, rule.ok, gap)
        cued = not rule.ok and rule.cause != "none"
        if found.ok == rule.ok or abs(found.score) <= (CUED_MARGIN if cued else MARGIN):
            continue
        if found.ok:
            out[key] = Check(True, said(fw, key, "weighed_met", match=found.quote), "")
            continue
        cause = CAUSES[key]
        out[key] = Check(
            False,
            said(fw, key, "weighed", match=found.quote),
            said(fw, key, cause, "hint", match=found.quote, subject=subject),
            cause,
        )
    return out

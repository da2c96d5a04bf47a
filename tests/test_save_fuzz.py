"""Thousands of saves of randomly laid-out, hand-written files (tests/layouts.py).

Each save goes through the same functions the store uses (the fast append, the section
by section save, the whole-file round trip) and must give a file that reads back as
exactly the data intended, keeps every comment, the BOM, the line endings, the header
above `---` and the note after `...`, and leaves every unchanged section byte for byte.
At least 3,000 saves per run; REVMENTOR_SLOW=1 runs 30,000. Seeds are fixed per run
(REVMENTOR_SEED picks others).
"""

from __future__ import annotations

import os
import random
import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from revmentor import yamlio
from revmentor.model import Ask, Pairing, Session
from revmentor.store import parse
from tests.helpers_faults import pairing_data, report, scale
from tests.layouts import AWKWARD, Layout, render

SAVES = scale(3000, 30000)
PATH = Path("fuzzed.yaml")
_NOTE = re.compile(r"# note \d+")

ONE_LINE = [w for w in AWKWARD if "\n" not in w]


def _data(rng: random.Random) -> dict[str, Any]:
    """A valid pairing's data with awkward words in its texts, keys in a random order."""
    d = pairing_data(rng.randint(1, 2))
    pick = rng.choice
    d["partner"]["name"] = pick(ONE_LINE) or "Sam"
    d["partner"]["role"] = pick(ONE_LINE)
    d["me"]["name"] = pick(ONE_LINE)
    d["goals"][1]["text"] = pick(AWKWARD) or "Learn"
    d["goals"][0]["why"] = pick(AWKWARD)
    d["ground_rules"]["channel"] = pick(AWKWARD)
    for s in d["sessions"]:
        s["topics"] = [pick(ONE_LINE) for _ in range(rng.randint(0, 3))]
        s["i_learned"] = pick(AWKWARD)
        s["next_steps"] = [pick(AWKWARD) for _ in range(rng.randint(0, 2))]
    if rng.random() < 0.4:
        d["ask"] = None if rng.random() < 0.5 else {"topic": pick(ONE_LINE)}
    if rng.random() < 0.3:
        del d["ground_rules"]
    keys = list(d)
    rng.shuffle(keys)
    return {k: d[k] for k in keys}


def _change(p: Pairing, rng: random.Random) -> tuple[str, Pairing]:
    q = p.model_copy(deep=True)
    kind = rng.choice(["role", "ask", "topic", "minutes", "drop-session", "goal", "learned"])
    if kind == "role":
        q.partner.role = rng.choice(ONE_LINE) + " (new)"
    elif kind == "ask":
        q.ask = None if q.ask is not None else Ask(topic=rng.choice(ONE_LINE))
    elif kind == "topic":
        q.sessions[0].topics.append(rng.choice(ONE_LINE) + " again")
    elif kind == "minutes":
        q.ground_rules.session_minutes = 30 if q.ground_rules.session_minutes != 30 else 60
    elif kind == "drop-session":
        q.sessions.pop(rng.randrange(len(q.sessions)))
    elif kind == "goal":
        q.goals[0].status = "achieved" if q.goals[0].status == "active" else "active"
    else:
        q.sessions[-1].i_learned = rng.choice(AWKWARD) + " and more"
    return kind, q


def _reads_as(new: dict[str, Any]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        try:
            return parse(text, PATH)[1].to_data() == new
        except Exception:
            return False

    return check


def _save(layout: Layout, p: Pairing, rng: random.Random) -> tuple[str, str, Pairing]:
    """One save of `layout`: (the way it went, the new text, the pairing intended)."""
    old = p.to_data()
    if rng.random() < 0.35:
        item = Session(date=date(2026, 11, 20), topics=[rng.choice(ONE_LINE)],
                       i_learned=rng.choice(AWKWARD))
        q = p.model_copy(deep=True)
        q.sessions.append(item)
        data = item.model_dump(mode="python", by_alias=True, exclude_none=True)
        # Now and then the way the store goes when the fast path declines.
        fast = rng.random() < 0.8
        text = yamlio.append_items(layout.text, "sessions", [data]) if fast else None
        if text is not None:
            return "append", text, q
        return "append by round trip", yamlio.dump_update(
            layout.text, old, q.to_data(), _reads_as(q.to_data())), q
    kind, q = _change(p, rng)
    return kind, yamlio.dump_update(layout.text, old, q.to_data(), _reads_as(q.to_data())), q


def _problems(layout: Layout, saved: str, p: Pairing, q: Pairing) -> list[str]:
    out = []
    try:
        again = parse(saved, PATH)[1]
    except Exception as exc:
        return [f"does not read back: {exc}"]
    if again.to_data() != q.to_data():
        out.append("reads back as other data")
    lost = Counter(layout.comments) - Counter(_NOTE.findall(saved))
    if lost:
        out.append(f"lost comments {sorted(lost)}")
    if saved.startswith("\ufeff") != layout.style.bom:
        out.append("BOM")
    body = saved.removeprefix("\ufeff")
    if layout.style.crlf and re.search(r"(?<!\r)\n", body):
        out.append("a bare LF in a CRLF file")
    if not layout.style.crlf and "\r" in body:
        out.append("CR in an LF file")
    lf = body.replace("\r\n", "\n")
    if not lf.startswith(layout.header):
        out.append("header above --- moved")
    if layout.tail and not lf.endswith(layout.tail):
        out.append("note after ... moved")
    old, new = p.to_data(), q.to_data()
    for key, section in layout.sections.items():
        if key in new and old.get(key) == new[key] and section not in lf:
            out.append(f"unchanged section {key} rewritten")
    return out


def test_thousands_of_random_layout_saves_keep_data_comments_and_layout() -> None:
    seed = int(os.environ.get("REVMENTOR_SEED", "16"))
    rng = random.Random(seed)
    ways: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    examples: list[str] = []
    layouts = Counter[str]()
    for i in range(SAVES):
        data = _data(rng)
        layout = render(data, rng)
        text = layout.text
        pairing = parse(text, PATH)[1]  # the generator writes only valid files
        style = layout.style
        layouts.update(k for k, on in (("crlf", style.crlf), ("bom", style.bom),
                                      ("header", style.header), ("...", style.doc_end),
                                      (f"indent {style.step}", True), ("tab", "\t#" in text),
                                      ("flow", "[" in text)) if on)
        try:
            way, saved, intended = _save(layout, pairing, rng)
        except yamlio.YAMLProblem as exc:
            way, saved, intended = "refused", "", pairing
            problems = [f"refused: {exc.message}"]
        else:
            problems = _problems(layout, saved, pairing, intended)
        ways[way] += 1
        for problem in problems:
            failures[problem.split(" {")[0].split(":")[0]] += 1
            if len(examples) < 3:
                examples.append(f"save {i} ({way}): {problem}\n{text!r}\n---\n{saved!r}")
    report("random-layout saves", seed=seed, saves=SAVES, failures=sum(failures.values()),
           **{k.replace(" ", "_"): v for k, v in sorted(ways.items())},
           **{f"layouts_{k}".replace(" ", "_"): v for k, v in sorted(layouts.items())})
    for kind, n in sorted(failures.items()):
        report("random-layout saves: failures", kind=kind, count=n)
    assert not failures, "\n\n".join(examples)

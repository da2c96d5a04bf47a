"""The pairing as JSON for scripts: the file's own keys, plus what revmentor computes.

Everything but `computed` validates as a pairing file again. Private session notes are
left out unless asked for.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from revmentor.coach import horizon as hz

if TYPE_CHECKING:
    from revmentor.model import Pairing
    from revmentor.views.exporters import Options

COMPUTED = "computed"


def data(pairing: Pairing, slug: str, options: Options) -> dict[str, Any]:
    if not options.include_private:
        from revmentor.coach.exchange import without_private

        pairing = without_private(pairing)
    out = pairing.to_json()
    h = pairing.horizon
    frequency = pairing.ground_rules.frequency
    out[COMPUTED] = {
        "slug": slug,
        "exported_on": options.today.isoformat(),
        "planned_dates": [d.isoformat() for d in hz.planned_dates(h, frequency)],
        "expected_by_today": hz.expected_by(h, frequency, options.today),
        "total_weeks": hz.total_weeks(h),
        "private_notes_included": options.include_private,
    }
    return out


# Bidirectional overrides and isolates, written as JSON escapes: the same data for any
# reader, and text on a terminal or in an editor that reads as it holds.
_BIDI_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}


def render(pairing: Pairing, slug: str, options: Options) -> str:
    text = json.dumps(data(pairing, slug, options), indent=2, ensure_ascii=False)
    return text.translate(_BIDI_ESCAPES) + "\n"

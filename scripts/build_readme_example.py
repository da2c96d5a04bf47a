"""Copy examples/pairings/helen-sam.yaml into the README, so the documented example is
always the one the tests load through the real store.

Run: python scripts/build_readme_example.py   (tests/test_readme.py checks it is current)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLE = ROOT / "examples" / "pairings" / "helen-sam.yaml"
START = "<!-- example:start -->"
END = "<!-- example:end -->"


def render(readme: str) -> str:
    block = f"{START}\n```yaml\n{EXAMPLE.read_text(encoding='utf-8')}```\n{END}"
    if START in readme:
        return re.sub(
            re.escape(START) + r".*?" + re.escape(END), lambda _: block, readme, flags=re.S
        )
    return readme.replace("<!-- EXAMPLE -->", block)


def main() -> int:
    current = README.read_text(encoding="utf-8")
    updated = render(current)
    if "--check" in sys.argv:
        return 0 if updated == current else 1
    README.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Write each coaching text file in src/revmentor/content/ as JSON beside its YAML.

The YAML files are the ones to edit (they carry the comments). The program reads the
JSON copies, because loading a YAML parser costs more than a `status` run may take.
`tests/test_content.py` fails when a JSON copy is out of date; run this script then.

    python scripts/build_content.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent.parent / "src" / "revmentor" / "content"


def as_json(source: Path) -> str:
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main() -> int:
    for source in sorted(CONTENT.glob("*.yaml")):
        target = source.with_suffix(".json")
        text = as_json(source)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(CONTENT.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

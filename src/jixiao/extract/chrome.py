"""Not data: site chrome, metadata rows, counters and form instructions, blanked before fields are read.

The patterns are data (vocab/chrome.yaml). Matches are replaced by spaces, so every offset still points at
the same character of the source and a value's location stays true.
"""

from __future__ import annotations

import re
from functools import cache

from . import vocab


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    data = vocab.chrome()
    line = re.compile("|".join(f"(?:{e['pattern']})" for e in data["line"]))
    spans = data.get("span") or []
    span = re.compile("|".join(f"(?:{e['pattern']})" for e in spans)) if spans else None
    return line, span


def blank_chrome(text: str) -> str:
    """The text with chrome lines and spans turned into spaces (same length, line breaks kept)."""
    line_re, span_re = _patterns()
    out: list[str] = []
    for line in text.split("\n"):
        if line_re.search(line):
            out.append(" " * len(line))
            continue
        if span_re is not None:
            line = span_re.sub(lambda m: " " * len(m.group()), line)
        out.append(line)
    return "\n".join(out)

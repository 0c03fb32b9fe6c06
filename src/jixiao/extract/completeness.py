"""Whether a report's text is all there, or stops short (a stored page that kept only its first part).

A check that says something is missing, or that a total does not add up, is only fair on a whole text; on a
text that stops mid-sentence the missing part is simply not in the copy. The signs of an ending are data
(vocab/ending.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import vocab

_DATE_LINE = re.compile(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日\s*$")
_TAIL_LINES = 4  # the last lines searched for a closing block or a total row
_TAIL_SECTION = 0.4  # a closing section must start in the last 40 % of the text …
_TAIL_CHARS = 600  # … or in its last 600 characters (a short report)


@dataclass(frozen=True)
class CutOff:
    line: int  # 1-based line of the text's last words
    tail: str  # those words, for the message


def cut_off(text: str) -> CutOff | None:
    """Where the text stops short, or None when it ends as a whole report or table does."""
    lines = [(i, _bare(line)) for i, line in enumerate(text.split("\n"), 1)]
    lines = [(i, line) for i, line in lines if line]
    if not lines:
        return None
    data = vocab.load("ending")
    tail = [line for _, line in lines[-_TAIL_LINES:]]
    last_no, last = lines[-1]
    words = (*data["closing_words"], *data["total_words"], *data["trailer_words"])
    if any(w in line for line in tail for w in words) or any(_DATE_LINE.match(line) for line in tail):
        return None
    if last[-1] in data["sentence_end"] and _closing_section_near_end(text, data["closing_sections"]):
        return None
    return CutOff(last_no, last[-20:])


def _closing_section_near_end(text: str, sections: list[str]) -> bool:
    start = max(0, min(int(len(text) * (1 - _TAIL_SECTION)), len(text) - _TAIL_CHARS))
    return any(text.rfind(word) >= start for word in sections)


def _bare(line: str) -> str:
    """A line without table rules, cell bars and spaces."""
    return re.sub(r"[\s|\\｜]+", "", line)

"""Section headings whatever their numbering: 一、 （一） 1. （1） ①, on their own line or run into the text.

Level 1 is 一、, level 2 （一）, level 3 1., level 4 （1）, level 5 ①. A heading counts when it starts a
line, or when it follows a sentence end in text flattened onto one line; its title runs to the
first sentence mark or line end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document

_CN = "一二三四五六七八九十"
_MARKERS = [
    (1, rf"[{_CN}]{{1,3}}、"),
    (2, rf"\([{_CN}]{{1,3}}\)"),
    (3, r"\d{1,2}\s*[.、](?!\d)"),
    (4, r"\(\d{1,2}\)"),
    (5, r"[①-⑳]"),
]
_HEADING = re.compile(
    r"(?:^|(?<=[\n。;:!?]))[ \t\-•]*(?:" + "|".join(f"(?P<l{level}>{p})" for level, p in _MARKERS) + r")"
    r"\s*(?P<title>[^\n。;:]{1,40})")


@dataclass(frozen=True)
class Section:
    level: int
    marker: str
    title: str
    start: int
    body_start: int
    end: int  # where the next heading of the same or a higher level starts


def find_sections(doc: Document) -> list[Section]:
    found = []
    for m in _HEADING.finditer(doc.text):
        level = next(lv for lv, _ in _MARKERS if m.group(f"l{lv}"))
        found.append((level, m.group(f"l{level}"), m.group("title").strip(), m.start(), m.end("title")))
    sections = []
    for i, (level, marker, title, start, body_start) in enumerate(found):
        end = next((f[3] for f in found[i + 1:] if f[0] <= level), len(doc.text))
        sections.append(Section(level, marker, title, start, body_start, end))
    return sections

"""The report's own words: duties (部门职能), goals, conclusion and achievements, as paragraphs.

A section is found by its heading (一、/（一）, see sections.py) and split into paragraphs at numbered items
(1. （1） ① or a bullet) and at line ends that close a sentence. Item numbers are dropped: the renderer numbers
paragraphs itself. The text is taken as written — full-width punctuation kept, half-width punctuation
between Chinese characters made full-width, traditional characters simplified — since it goes back into a
report, not into a pattern.
"""

from __future__ import annotations

import re

from .document import Document
from .facts import INFERRED, Fact
from .normalize import clean
from .sections import find_sections

# field → (words one of which the heading has, words that rule the heading out)
SECTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "functions": (("职能", "职责"), ("履职",)),
    "goals": (("绩效目标",), ("完成", "实现", "分析", "偏差")),
    "conclusion": (("自评结论", "评价结论", "结论综述"), ()),
    "achievements": (("主要成效", "工作成效", "主要绩效", "取得的成效"), ("目标实际",)),
}
MAX_LEVEL = 2  # 一、 and （一） headings; lower levels are items inside a section

_NUMBER = r"(?:\d{1,2}\s*[.、](?!\d)|\(\d{1,2}\)|[①-⑳])"
_ITEM = re.compile(rf"(?:^|(?<=[。;:!?]))[ \t]*(?:[-•][ \t]*{_NUMBER}?|{_NUMBER})", re.M)
_SENTENCE_BREAK = re.compile(r"(?<=[。!?])[ \t]*\n")
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_PUNCT = re.compile(r"(?<=[\u3400-\u9fff“”）])[,:;!?)]|[,:;!?(](?=[\u3400-\u9fff“”（])")


def read_narrative(doc: Document) -> dict[str, list[Fact]]:
    """Each narrative field whose section the report has → its paragraphs (possibly empty)."""
    found: dict[str, list[Fact]] = {}
    sections = [s for s in find_sections(doc) if s.level <= MAX_LEVEL]
    for name, (words, excluded) in SECTIONS.items():
        section = next((s for s in sections if any(w in s.title for w in words)
                        and not any(x in s.title for x in excluded)), None)
        if section is not None:
            found[name] = paragraphs(doc, section.body_start, section.end)
    return found


def paragraphs(doc: Document, start: int, end: int) -> list[Fact]:
    """The text between start and end as paragraphs, each a Fact located at its own span."""
    body = doc.text[start:end]
    cuts = {0: 0}  # where a paragraph begins → where its text begins (after the item number)
    for m in _ITEM.finditer(body):
        cuts[m.start()] = m.end()
    for m in _SENTENCE_BREAK.finditer(body):
        cuts.setdefault(m.end(), m.end())
    starts = sorted(cuts)
    out = []
    for a, b in zip(starts, starts[1:] + [len(body)]):
        if a == 0 and len(starts) > 1 and body[:b].rstrip().endswith(":"):
            continue  # a lead-in (主要职责是：) before numbered items
        text_start = start + cuts[a]
        text = display(doc, text_start, start + b)
        if text:
            out.append(doc.fact(text, text_start, start + b, INFERRED))
    return out


def display(doc: Document, start: int, end: int) -> str | None:
    """The span as it should read in a report: the source's characters where normalising only changed
    their width, simplified where it changed the character, no line-wrap spaces, Chinese punctuation."""
    chars = (r if t.isascii() and not r.isascii() else t for r, t in zip(doc.raw[start:end], doc.text[start:end]))
    text = clean("".join(chars), strip=" \n,，;；:：、|\\-•·")
    if not text:
        return None
    text = _CJK_PUNCT.sub(lambda m: _FULL_WIDTH[m.group()], text)
    if text.count('"') % 2 == 0:  # straight quotes in pairs → “ ”
        text = re.sub(r'"([^"]*)"', r"“\1”", text)
    return text

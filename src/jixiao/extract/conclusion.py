"""The verdict of a report: stated score (自评得分 97 分), grade (优/良/中/差), problems and measures."""

from __future__ import annotations

import re

from .document import Document
from .facts import LABELLED, Fact
from .narrative import display
from .normalize import NUMBER, spaced, to_decimal
from .sections import find_sections

_SCORE = re.compile(
    rf"(?:{spaced('自评得分')}|{spaced('综合评分')}|{spaced('自评总分')}|{spaced('综合得分')}|{spaced('评价得分')}|"
    rf"{spaced('总得分')}|{spaced('自评分')})\s*(?:为|是|:)?\s*(?P<num>{NUMBER})\s*分")
_GRADE = re.compile(rf"(?:{spaced('评价等级')}|{spaced('自评等级')}|{spaced('绩效等级')}|{spaced('等级')}|{spaced('评价结果')})"
                    r"\s*(?:为|是|:|评定为|定为)?\s*[\"“]?(?P<grade>优秀|优|良好|良|中等|中|合格|不合格|差)(?![\u4e00-\u9fff])")
_ITEM = re.compile(r"(?:^|\n|[。;])\s*(?:[一二三四五六七八九十]+\s*是|\d{1,2}\s*[.、](?!\d)|\(\d{1,2}\)|[①-⑳])")


def find_score(doc: Document) -> Fact | None:
    m = _SCORE.search(doc.text)
    if not m:
        return None
    value = to_decimal(m.group("num"))
    if value is None or value > 100:
        return None
    return doc.fact(value, m.start("num"), m.end("num"), LABELLED)


def find_grade(doc: Document) -> Fact | None:
    m = _GRADE.search(doc.text)
    return doc.fact(m.group("grade"), m.start("grade"), m.end("grade"), LABELLED) if m else None


def find_items(doc: Document, *titles: str) -> list[Fact] | None:
    """The enumerated items (一是…/1.…) of the first section whose title has one of `titles`; None without one.
    Item markers are dropped; the text reads as written (see narrative.display)."""
    for section in find_sections(doc):
        if section.level == 1 and any(t in section.title for t in titles):
            body = doc.text[section.body_start:section.end]
            markers = list(_ITEM.finditer(body))
            if not markers:
                text = display(doc, section.body_start, section.end)
                return [doc.fact(text, section.body_start, section.end)] if text else []
            # an item runs from the end of its marker to the start of the next one (keeping the 。 before it)
            cuts = [m.start() + (body[m.start()] in "。;") for m in markers]
            starts = [m.end() for m in markers]
            ends = cuts[1:] + [len(body)]
            first = _first_item(body[:markers[0].start()])
            if first is not None:  # 针对存在的问题，一是…；二是… : the first item follows a comma, not a break
                starts.insert(0, first)
                ends.insert(0, cuts[0])
            return [doc.fact(display(doc, section.body_start + a, section.body_start + b) or "",
                             section.body_start + a, section.body_start + b)
                    for a, b in zip(starts, ends)]
    return None


_FIRST_INLINE = re.compile(r"[,:]\s*(?:一\s*是|1\s*[.、](?!\d))")


def _first_item(lead: str) -> int | None:
    """Where the first item starts in the text before the first item marker, if it is an item at all."""
    m = _FIRST_INLINE.search(lead)
    return m.end() if m else None

"""The verdict of a report: stated score (自评得分 97 分), grade (优/良/中/差), problems and measures."""

from __future__ import annotations

import re

from functools import cache

from . import vocab
from .document import Document
from .facts import LABEL, LABELLED, TABLE, TABLE_COLUMN, Fact
from .narrative import display
from .normalize import NUMBER, to_decimal
from .sections import find_sections

_ITEM = re.compile(r"(?:^|\n|[。;])\s*(?:[一二三四五六七八九十]+\s*是|\d{1,2}\s*[.、](?!\d)|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[①-⑳])")
_SEP = r"[ \t]*[|｜\n][ \t|｜\n]*|[ \t]+"


@cache
def _score() -> re.Pattern[str]:
    labels = vocab.alternation(vocab.fields()["score"]["labels"])
    return re.compile(rf"{labels}\s*(?:为|是|:)?\s*(?P<num>{NUMBER})\s*分")


@cache
def _grade_words() -> str:
    return "(?:" + "|".join(r"\s?".join(w) for w in sorted(vocab.fields()["grade"]["words"], key=len, reverse=True)) + ")"


@cache
def _grade() -> re.Pattern[str]:
    g = vocab.fields()["grade"]
    labels = vocab.alternation(g["labels"])
    joiners = vocab.alternation(g["joiners"], tolerant=False)
    return re.compile(rf"{labels}\s*{joiners}?\s*[\"“]?(?P<grade>{_grade_words()})(?![\u4e00-\u9fff])")


@cache
def _total_row() -> re.Pattern[str]:
    """`总分 | 100 | 96 | 优`, `总分 100 97`, `总分100100`: the total row's 分值 is 100, then the score."""
    return re.compile(rf"(?<![\u4e00-\u9fff])(?:总\s*分|合\s*计|总\s*计)(?:{_SEP})?(?P<weight>100(?:\.0+)?)(?:{_SEP})?"
                      rf"(?P<num>\d{{1,3}}(?:\.\d+)?)(?![\d.%])(?:(?:{_SEP})(?P<grade>{_grade_words()})(?![\u4e00-\u9fff]))?")


def find_score(doc: Document) -> Fact | None:
    for m in _score().finditer(doc.text):
        value = to_decimal(m.group("num"))
        if value is not None and value <= 100:
            return doc.fact(value, m.start("num"), m.end("num"), LABELLED, LABEL, "“自评得分”等标签后的分数")
    m = _total_row().search(doc.text)
    if m:
        value = to_decimal(m.group("num"))
        if value is not None and value <= 100:
            return doc.fact(value, m.start("num"), m.end("num"), TABLE_COLUMN, TABLE, "评分表“总分”行的得分")
    return None


def find_grade(doc: Document) -> Fact | None:
    m = _grade().search(doc.text)
    if m:
        return doc.fact(_compact(m.group("grade")), m.start("grade"), m.end("grade"), LABELLED, LABEL,
                        "“评价等级”“自评结论”等标签后的等级")
    m = _total_row().search(doc.text)
    if m and m.group("grade"):
        return doc.fact(_compact(m.group("grade")), m.start("grade"), m.end("grade"), TABLE_COLUMN, TABLE,
                        "评分表“总分”行的等级")
    return None


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


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

"""Indicators written in prose: `一是案件办结率:实施周期指标值 98%以上,年度指标值 100%,完成绩效目标;`

A passage after 指标完成情况 is split into items at 一是/二是, 1./2., （1）, ① or `;`. In each item the
head before 实施周期指标值 is the name, possibly followed by the actual value (`召开会议次数 1 次`,
`特色活动建设达标率达 100%`).
"""

from __future__ import annotations

import re

from .document import Document
from .facts import LABELLED, Fact, IndicatorFacts
from .normalize import clean, spaced
from .verdict import said

_ITEM_START = re.compile(r"(?:[一二三四五六七八九十]+\s*是|(?<![\d.])\d{1,2}\s*[.、)](?!\d)|\(\d{1,2}\)|[①-⑳])\s*")
_PERIOD = spaced("实施周期指标值")
_YEARLY = spaced("年度指标值")
_ACTUAL = "(?:" + spaced("实际完成值") + "|" + spaced("完成值") + "|" + spaced("实际值") + ")"
_VALUE = r"[^,;。|]{1,30}?"  # a value is short and never crosses a clause or a table cell
_ITEM = re.compile(
    rf"^(?P<head>[^\n|]{{1,40}}?)\s*[,;:]?\s*(?:{_PERIOD}\s*[:为]?\s*(?P<period>{_VALUE})\s*[,;]\s*)?"
    rf"{_YEARLY}\s*[:为]?\s*(?P<target>{_VALUE})\s*(?:[,;。]|$)"
    rf"(?:\s*{_ACTUAL}\s*[:为]?\s*(?P<actual>{_VALUE})\s*(?:[,;。]|$))?(?P<rest>.*)$", re.S)
# The head's trailing value: `召开会议次数 1 次`, `达标率达 100%`
_HEAD_VALUE = re.compile(r"^(?P<name>.*?[^\s\d.])\s*(?:达到|达|为)?\s*(?P<value>\d+(?:\.\d+)?\s*(?:%|[\u4e00-\u9fff]{1,3})?)\s*$")
_PASSAGE = re.compile(spaced("指标完成情况") + r"\s*[:]?")
_PASSAGE_END = re.compile(r"\n\s*(?:[-•*]\s|\d+\s*[.、]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")


def prose_indicators(doc: Document, start: int, end: int) -> list[IndicatorFacts]:
    """Indicators in the 指标完成情况 passages between two offsets."""
    out: list[IndicatorFacts] = []
    for m in _PASSAGE.finditer(doc.text, start, end):
        stop = _PASSAGE_END.search(doc.text, m.end(), end)
        out.extend(_items(doc, m.end(), stop.start() if stop else end))
    return out


def _items(doc: Document, start: int, end: int) -> list[IndicatorFacts]:
    text = doc.text[start:end]
    bounds = [m.start() for m in _ITEM_START.finditer(text)] or [0]
    if bounds[0] > 0 and text[:bounds[0]].strip():
        bounds.insert(0, 0)
    bounds.append(len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        head_skip = _ITEM_START.match(text, a)
        item_start = head_skip.end() if head_skip else a
        ind = _item(doc, start + item_start, text[item_start:b])
        if ind is not None:
            out.append(ind)
    return out


def _item(doc: Document, offset: int, text: str) -> IndicatorFacts | None:
    m = _ITEM.match(text)
    if not m:
        return None
    head = m.group("head")
    hv = _HEAD_VALUE.match(head)
    name_end = hv.end("name") if hv else len(head.rstrip(" ,;:"))
    name = clean(head[:name_end])
    if not name:
        return None
    ind = IndicatorFacts(name=doc.fact(name, offset, offset + name_end))
    if hv:
        ind.actual = _value(doc, offset, hv, "value")
    for group in ("period", "target", "actual"):
        if m.group(group):
            field = {"period": "period_target"}.get(group, group)
            setattr(ind, field, _value(doc, offset, m, group))
    verdict = said(m.group("rest")[:40]) if m.group("rest") else None
    if verdict is not None:
        ind.met = doc.fact(verdict, offset + m.start("rest"), offset + len(text.rstrip()), LABELLED)
    return ind


def _value(doc: Document, offset: int, m: re.Match[str], group: str) -> Fact:
    value = re.sub(r"\s+", "", m.group(group))
    return doc.fact(value, offset + m.start(group), offset + m.end(group))


# --- indicators stated in a project report's prose ---------------------------------------------------

_UNIT_WORD = r"[\u4e00-\u9fff%/.·*]{0,8}"
_Q = rf"(?:[≥≤>=<≧≦]\s*)?\d+(?:\.\d+)?\s*{_UNIT_WORD}"
# `某某标准指标值1000元/生.年,全年实际完成值1000元/生.年`
_STATED = re.compile(rf"(?:^|(?<=[\n。;:]))\s*(?P<name>[^\n。;:,]{{2,60}}?)\s*{spaced('指标值')}\s*[:为]?\s*(?P<target>{_Q}?)"
                     rf"\s*[,;]\s*(?:全年)?{_ACTUAL}\s*[:为]?\s*(?P<actual>{_Q}?)(?=[,;。\n]|$)")
# `飞行时长≥928小时,实际飞行时长909.93小时`
_COMPARED = re.compile(rf"(?:^|(?<=[\n。;:,]))\s*(?P<name>[\u4e00-\u9fff()（）0-9][\u4e00-\u9fff()（）0-9—~～-]{{1,29}}?)\s*"
                       rf"(?:(?:年度)?{spaced('指标值')}|{spaced('目标值')})?\s*[:为]?\s*(?P<target>[≥≤>=<≧≦]\s*\d+(?:\.\d+)?\s*{_UNIT_WORD})"
                       rf"\s*[,;]\s*实际(?:完成)?(?:[\u4e00-\u9fff]{{0,30}}?)\s*(?:为|达到|达)?\s*(?P<actual>\d+(?:\.\d+)?\s*{_UNIT_WORD})(?=[,;。\n]|$)")
# under a heading that names an indicator class — `(2)质量指标` — the first sentence: `救助资金发放准确率100%。`
_LEVEL_HEADING = re.compile(r"(?:^|\n)\s*(?:\(\d{1,2}\)|\d{1,2}\s*[.、]|[①-⑳])\s*(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|"
                            r"可持续影响|满意度|服务对象满意度)指标\s*\n\s*(?P<name>[\u4e00-\u9fff]{2,30}?[率度数])\s*(?:达到|为|达)?\s*"
                            r"(?P<actual>\d+(?:\.\d+)?\s*%)(?=[。,;\n])")


def prose_project_indicators(doc: Document) -> list[IndicatorFacts]:
    """Indicators a project report states in sentences rather than a table."""
    out: list[IndicatorFacts] = []
    for pattern, why in ((_STATED, "正文“指标值……实际完成值……”"), (_COMPARED, "正文“目标值,实际……”")):
        for m in pattern.finditer(doc.text):
            name = clean(m.group("name"))
            if not name or not m.group("target") or not m.group("actual"):
                continue
            ind = IndicatorFacts(name=doc.fact(name, m.start("name"), m.end("name"), LABELLED, "label", why))
            ind.target = _value(doc, 0, m, "target")
            ind.actual = _value(doc, 0, m, "actual")
            out.append(ind)
    if out:
        return out
    for m in _LEVEL_HEADING.finditer(doc.text):
        ind = IndicatorFacts(name=doc.fact(clean(m.group("name")), m.start("name"), m.end("name"), LABELLED, "label",
                                           "指标类别标题下第一句的指标"))
        ind.actual = _value(doc, 0, m, "actual")
        out.append(ind)
    return out

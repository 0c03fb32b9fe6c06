"""Tasks (重点工作任务) of a department report, each anchored on its figures:
`年度支出预算数 91.20 万元, 预算完成数 91.20 万元, 执行率 100%`. The task's name is the numbered heading
just before the figures; its indicators are in the text up to the next task.
"""

from __future__ import annotations

import re

from .document import Document
from .facts import INFERRED, LABELLED, Fact, ProjectFacts
from .indicators import prose_indicators
from .narrative import display
from .normalize import NUMBER, clean, rate_percent, spaced, to_decimal

_LABEL_GAP = r"\s*[:为]?\s*"
_TASK_FIGURES = re.compile(
    rf"(?:{spaced('年度支出预算数')}|{spaced('年度预算数')}|{spaced('项目预算数')}|{spaced('预算金额')}){_LABEL_GAP}"
    rf"(?P<budget>{NUMBER})\s*(?:万元|元)[^。\n]{{0,30}}?"
    rf"(?:{spaced('预算完成数')}|{spaced('实际支出')}|{spaced('执行数')}|{spaced('支出')}){_LABEL_GAP}(?P<executed>{NUMBER})\s*(?:万元|元)"
    rf"(?:[^。\n]{{0,20}}?(?:{spaced('执行率')}|{spaced('完成率')}){_LABEL_GAP}(?P<rate>{NUMBER}\s*%?))?")
_HEADING = re.compile(r"^\s*(?:[-•]\s*)?(?:\d{1,2}\s*[.、]|\(\d{1,2}\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))\s*(?P<name>[^\n]{2,60})$", re.M)
# The same heading run into flattened text: `… 1.群众文化活动项目 支出完成情况: …`
_INLINE_HEADING = re.compile(r"(?:^|(?<=[\s。;]))(?:\d{1,2}\s*[.、]|\(\d{1,2}\))\s*(?P<name>[^\s。:;,]{2,40})")
_SECTION_END = re.compile(r"^\s*[一二三四五六七八九十]+、", re.M)
# 目标实际完成情况及主要成效: … up to the indicators' paragraph
_OUTCOME = re.compile(rf"(?:{spaced('目标实际完成情况及主要成效')}|{spaced('实际完成情况及主要成效')}|{spaced('主要成效')})\s*:?")
_OUTCOME_END = re.compile(rf"{spaced('指标完成情况')}|{spaced('绩效指标完成情况')}")


def read_tasks(doc: Document) -> list[ProjectFacts]:
    anchors = list(_TASK_FIGURES.finditer(doc.text))
    tasks: list[ProjectFacts] = []
    for k, m in enumerate(anchors):
        task = ProjectFacts(start=m.start())
        heading = _heading_before(doc, m.start())
        if heading is not None:
            task.name = doc.fact(heading[0], heading[1], heading[2], INFERRED)
        task.budget = doc.fact(to_decimal(m.group("budget")), m.start("budget"), m.end("budget"), LABELLED)
        task.executed = doc.fact(to_decimal(m.group("executed")), m.start("executed"), m.end("executed"), LABELLED)
        if m.group("rate"):
            task.execution_rate = doc.fact(rate_percent(re.sub(r"\s", "", m.group("rate"))),
                                           m.start("rate"), m.end("rate"), LABELLED)
        end = anchors[k + 1].start() if k + 1 < len(anchors) else _section_end(doc, m.end())
        task.outcome = _outcome(doc, m.end(), end)
        task.indicators = prose_indicators(doc, m.end(), end)
        tasks.append(task)
    return tasks


_LISTED = re.compile(rf"(?:\d+|[一二两三四五六七八九十]+)\s*个\s*{spaced('项目')}[^。]{{0,80}}?[。,;]\s*其中\s*[:：]\s*(?P<list>[^。]+)")
_LISTED_ITEM = re.compile(rf"(?P<name>[\u4e00-\u9fff()（）、]{{4,40}}?(?:经费|资金|项目|工程))\s*(?P<num>{NUMBER})\s*万元")


def listed_projects(doc: Document) -> list[ProjectFacts]:
    """`我单位共有1个项目批复了绩效目标…。其中: 某某经费 46.00 万元。`: the projects a department report lists."""
    m = _LISTED.search(doc.text)
    if not m:
        return []
    out = []
    for item in _LISTED_ITEM.finditer(doc.text, m.start("list"), m.end("list")):
        name = clean(item.group("name"))
        if not name:
            continue
        out.append(ProjectFacts(
            name=doc.fact(name, item.start("name"), item.end("name"), LABELLED, "label", "“其中:”后列出的项目"),
            budget=doc.fact(to_decimal(item.group("num")), item.start("num"), item.end("num"), LABELLED, "label",
                            "列出的项目名称后的金额"),
            start=item.start()))
    return out


def _outcome(doc: Document, start: int, end: int) -> Fact | None:
    label = _OUTCOME.search(doc.text, start, end)
    if label is None:
        return None
    stop = _OUTCOME_END.search(doc.text, label.end(), end)
    text_end = stop.start() if stop else end
    text = display(doc, label.end(), text_end)
    return doc.fact(text, label.end(), text_end, INFERRED) if text else None


def _heading_before(doc: Document, offset: int) -> tuple[str, int, int] | None:
    window_start = max(0, offset - 400)
    best = None
    for h in _HEADING.finditer(doc.text, window_start, offset):
        best = h
    if best is None:
        for h in _INLINE_HEADING.finditer(doc.text, window_start, offset):
            best = h
    if best is None:
        return None
    name = best.group("name")
    cut = re.search(r"[。:]", name)
    if cut:
        name = name[:cut.start()]
    name = clean(name)
    return (name, best.start("name"), best.start("name") + len(name)) if name else None


def _section_end(doc: Document, offset: int) -> int:
    m = _SECTION_END.search(doc.text, offset)
    return m.start() if m else len(doc.text)

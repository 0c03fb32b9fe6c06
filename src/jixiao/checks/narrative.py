"""Figures in the narrative against the data (JX-T005), like with like: a budget, spending or rate the text
states against the same figure in the data; a result figure (完成情况, 成效, 结论) against the indicator's
actual value or against the same count elsewhere in the results. Plans (目标, 职能, 计划) are not compared with
results: they are meant to differ, and the indicator checks judge that. A figure with a bound or an
approximation (120场以上, 不少于, 以内, 约, 余) is not an exact figure and is not compared."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..model import Evaluation, Finding, Finance, MoneyUnit, Severity, Task
from ..model.catalogue import finding
from .compare import normal_name, percent
from .params import CheckParams
from .text import Passage, narrative

_NUM = r"(\d+(?:\.\d+)?)"
# (what, pattern, attribute): 全年预算数 688.34 万元 / 执行率 100% …
_FINANCE_PHRASES = (
    ("全年预算数", re.compile(r"(?:全年预算数|年度支出预算数|年度预算数|预算总额)[为是:：]?\s*" + _NUM + r"\s*万元"), "budget"),
    ("执行数", re.compile(r"(?:执行数|预算完成数|实际支出)[为是:：]?\s*" + _NUM + r"\s*万元"), "executed"),
    ("执行率", re.compile(r"(?:执行率|完成预算的|预算完成率)[为是达:：]?\s*" + _NUM + r"\s*%"), "rate"),
)
_COUNT = re.compile(r"([\u4e00-\u9fff]{4})\s*" + _NUM + r"\s*(宗|个|名|户|场|幅|项|家|所|篇|期|件|人次|万人次)")
_APPROX = "约余多近超逾"
# Words around a figure that make it a bound or an estimate, not a stated quantity.
_BOUND_AFTER = ("以上", "以下", "以内", "余", "多", "左右", "上下", "及以上", "至", "-", "—", "~")
_BOUND_BEFORE = ("不少于", "不低于", "不超过", "不高于", "不多于", "超过", "达到", "至少", "约", "近", "逾", "累计", "力争", "计划", "预计", "目标")
# Passages that state results; plans (goals, functions, 期望达到的目标) are not among them.
_RESULT_KEYS = ("outcome", "conclusion", "achievements")


def check_narrative_figures(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    passages = narrative(ev)
    for passage in passages:
        if "万元" not in passage.text and "%" not in passage.text:
            continue  # every finance phrase ends in one of them
        owner = _owner(ev, passage)
        if owner is not None:
            yield from _finance_figures(passage, owner, p)
    for ti, task in enumerate(ev.tasks):
        yield from _indicator_figures(ti, task, passages)
    yield from _counts(passages)


def _owner(ev: Evaluation, passage: Passage) -> Finance | Task | None:
    """Whose figures a passage states: its task's, or the department's for department-wide text."""
    m = re.match(r"tasks\[(\d+)\]", passage.path)
    if m:
        return ev.tasks[int(m.group(1))]
    if passage.path.startswith(("conclusion", "achievements", "problems", "measures")):
        return ev.finance
    return None


def _finance_figures(passage: Passage, owner: Finance | Task, p: CheckParams) -> Iterator[Finding]:
    for what, pattern, attr in _FINANCE_PHRASES:
        data = _data_value(owner, attr)
        if data is None:
            continue
        tolerance = p.rate_tolerance_pp if attr == "rate" else p.amount_tolerance
        for m in pattern.finditer(passage.text):
            stated = Decimal(m.group(1))
            if abs(stated - data) > tolerance:
                shown = percent(data) if attr == "rate" else f"{data:.2f}万元"
                yield finding("JX-T005", passage.path, passage.location, where=passage.label,
                              stated=m.group(0).strip(), data=f"{what} {shown}")


def _data_value(owner: Finance | Task, attr: str) -> Decimal | None:
    if attr == "rate":
        return owner.computed_rate()
    money = getattr(owner, attr)
    return None if money is None else money.to(MoneyUnit.WAN).amount


def _indicator_figures(ti: int, task: Task, passages: list[Passage]) -> Iterator[Finding]:
    """"案件办结率达 98%" in the text while the data say 100%: a number right after the indicator's name
    that is none of its stated values."""
    own = [p for p in passages if p.path.startswith(f"tasks[{ti}].outcome")]
    for ind in task.indicators:
        name = normal_name(ind.name)
        if len(name) < 3 or ind.actual is None or not ind.actual.is_quantitative:
            continue
        allowed = {q.number for q in (ind.actual, ind.target, ind.period_target) if q is not None and q.number is not None}
        pattern = re.compile(re.escape(name) + r"[^0-9，。；,;]{0,6}?" + _NUM + r"\s*(%|" + re.escape(ind.actual.unit or "%") + ")")
        for passage in own:
            for m in pattern.finditer(passage.text):
                if Decimal(m.group(1)) not in allowed and not _bounded(passage.text, m):
                    yield finding("JX-T005", passage.path, passage.location, Severity.WARNING, where=passage.label,
                                  stated=m.group(0), data=f"指标“{ind.name}”实际完成值 {ind.actual.text}")


def _counts(passages: list[Passage]) -> Iterator[Finding]:
    """The same four-character lead-in and measure word with two different numbers in the results:
    新增会员企业 39 个 / 40 个. Two passages may count different things with the same words (a year and a
    quarter), so this is a warning."""
    first: dict[tuple[str, str], tuple[Decimal, Passage, str]] = {}
    for passage in passages:
        if not _is_result(passage):
            continue
        for m in _COUNT.finditer(passage.text):
            lead, number, unit = m.group(1), Decimal(m.group(2)), m.group(3)
            if any(c in lead[-1:] for c in _APPROX) or _bounded(passage.text, m):
                continue
            key = (lead, unit)
            if key not in first:
                first[key] = (number, passage, m.group(0))
            elif first[key][0] != number:
                _, other, said = first[key]
                yield finding("JX-T005", passage.path, passage.location, Severity.WARNING, where=passage.label,
                              stated=m.group(0), data=f"{other.label}中的“{said}”")


def _is_result(passage: Passage) -> bool:
    return any(passage.path.startswith(key) or f".{key}" in passage.path for key in _RESULT_KEYS)


def _bounded(text: str, m: re.Match[str]) -> bool:
    """The figure is a bound or an estimate: 120场以上, 不少于120场, 约120场."""
    after = text[m.end():m.end() + 3]
    before = text[max(0, m.start() - 4):m.start()] + m.group(0)[:max(0, m.start(1) - m.start())]
    return after.startswith(_BOUND_AFTER) or any(word in before for word in _BOUND_BEFORE)

"""How the table was filled in (JX-I017–I019, JX-B009, JX-T012): targets that cannot work, the form's
placeholders left in, scores filled for some rows only, a project's fund rows that do not make its total, and
sections that say only "无".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import HUNDRED, Evaluation, Finding, Indicator, Level1, Operator, Task, money_sum
from ..model.catalogue import finding
from .compare import is_percent
from .indicators import explanation_is_empty, label
from .params import CheckParams

# A form's stand-in for a figure the unit was to write (≥**人, ***): two or more asterisks in a row.
_PLACEHOLDER = re.compile(r"\*{2,}|＊{2,}")
_SECTIONS = (("conclusion", "自评结论"), ("problems", "存在的主要问题"), ("measures", "下一步改进措施"))


def check_filling(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for ti, task in enumerate(ev.tasks):
        live = [(ii, ind) for ii, ind in enumerate(task.indicators) if not ind.not_applicable]
        for ii, ind in live:
            path = f"tasks[{ti}].indicators[{ii}]"
            yield from _target_setting(path, ind)
            yield from _adjusted(path, ind, p)
        yield from _placeholders(f"tasks[{ti}]", task, live)
        yield from _scores_partly_filled(f"tasks[{ti}]", task, [ind for _, ind in live])
        yield from _dates(f"tasks[{ti}]", task, live, ev.year)
        yield from _fund_rows(f"tasks[{ti}]", task, p)
    yield from _empty_sections(ev, p)


def _target_setting(path: str, ind: Indicator) -> Iterator[Finding]:
    t = ind.target
    if t is None or not t.is_quantitative or t.number is None:
        return
    problem = None
    if t.number == 0 and t.op is Operator.GE:  # (=0 is a real target: 安全事故 0 起)
        problem = f"年度指标值“{t.text}”是“不低于 0”，达到它不需要做任何事"
    elif is_percent(t) and t.op is Operator.GE and t.number > HUNDRED and not _growth(ind):
        problem = f"年度指标值“{t.text}”是超过 100% 的比率，无法达到"
    elif ind.resolved_level1 is Level1.COST and t.op is Operator.GE:
        problem = f"成本指标的年度指标值“{t.text}”写成“不低于”，成本应以“不高于”控制"
    if problem:
        yield finding("JX-I017", f"{path}.target", ind.where("target"), indicator=label(ind), problem=problem)


def _adjusted(path: str, ind: Indicator, p: CheckParams) -> Iterator[Finding]:
    """A target changed since the 绩效目标表 was approved needs its reason (调整原因)."""
    if ind.target_adjusted and explanation_is_empty(ind.adjust_reason, p):
        yield finding("JX-I021", f"{path}.adjust_reason", ind.where("target"), indicator=label(ind),
                      approved=ind.approved_target.text, target=ind.target.text)


def _growth(ind: Indicator) -> bool:
    """A growth or comparison rate may exceed 100 % (增长率 150%)."""
    return any(word in ind.name for word in ("增长", "增幅", "提高", "提升", "同比", "环比", "倍"))


def _placeholders(tpath: str, task: Task, inds: list[tuple[int, Indicator]]) -> Iterator[Finding]:
    """One finding per table: a form that leaves ** in its names usually leaves it in all of them."""
    left = [(ii, ind) for ii, ind in inds
            if _PLACEHOLDER.search(ind.name or "") or _PLACEHOLDER.search(ind.target.text if ind.target else "")]
    if left:
        ii, first = left[0]
        yield finding("JX-I018", f"{tpath}.indicators[{ii}].name", first.where("name"), task=task.name,
                      count=len(left), names="、".join(label(i) for _, i in left[:2]) + ("等" if len(left) > 2 else ""))


def _scores_partly_filled(tpath: str, task: Task, inds: list[Indicator]) -> Iterator[Finding]:
    """Some rows scored and some not: the unit stopped filling in the 得分 column."""
    scored = [ind for ind in inds if ind.score is not None]
    blank = [ind for ind in inds if ind.score is None and ind.weight is not None]
    if scored and blank:
        yield finding("JX-I019", f"{tpath}.indicators", task.where("indicators") or task.location, task=task.name,
                      count=len(blank), total=len(inds), names="、".join(label(i) for i in blank[:3])
                      + ("等" if len(blank) > 3 else ""))


def _dates(tpath: str, task: Task, inds: list[tuple[int, Indicator]], year: int | None) -> Iterator[Finding]:
    """The project's own period: it ends after it starts, and its deadlines fall inside it."""
    start, end = task.start_date, task.end_date
    if start is not None and end is not None and end < start:
        yield finding("JX-I020", f"{tpath}.end_date", task.where("end_date"), task=task.name,
                      problem=f"结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}")
        return
    if end is None:
        return
    for ii, ind in inds:
        span = ind.target.date if ind.target is not None else None
        if span is None or ind.target.op is Operator.GE:
            continue
        (y, m, d), _ = span.bounds(year or end.year)
        if y and (y, m, d) > (end.year, end.month, end.day):
            yield finding("JX-I020", f"{tpath}.indicators[{ii}].target", ind.where("target"), task=task.name,
                          problem=f"指标{label(ind)}的期限“{ind.target.text}”晚于项目结束日期 {end.isoformat()}")


def _fund_rows(tpath: str, task: Task, p: CheckParams) -> Iterator[Finding]:
    """其中：当年财政拨款 + 上年结转 + 其他资金 = 年度资金总额, column by column. A row with a single figure is
    more likely a row number or a stray cell than a row of money: then nothing is judged."""
    rows = task.by_source
    if rows is None:
        return
    lines = [line for line in (rows.current_year, rows.carried_over, rows.other) if line is not None]
    columns = ("initial_budget", "budget", "executed")
    if any(sum(getattr(line, c) is not None for c in columns) == 1 for line in lines):
        return
    gaps = []
    for column, label_zh in zip(columns, ("年初预算数", "全年预算数", "全年执行数")):
        total = getattr(task, column)
        parts = [getattr(line, column) for line in lines if getattr(line, column) is not None]
        if total is None or not parts:
            continue
        summed = money_sum(parts, total.unit)
        if abs(summed.amount - total.amount) > p.amount_tolerance:
            gaps.append(f"{label_zh}总额 {total}、“其中”各行合计 {summed}")
    if gaps:
        yield finding("JX-B009", f"{tpath}.by_source", rows.location or task.where("by_source"), task=task.name,
                      gaps="；".join(gaps))


def _empty_sections(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    for key, title in _SECTIONS:
        pars = getattr(ev, key)
        if pars and all(explanation_is_empty(par.text, p) and len(par.text.strip()) <= 4 for par in pars):
            yield finding("JX-T012", key, pars[0].location or ev.location, section=title, text=pars[0].text.strip())


"""The XLSX 自评表, row for row like the real forms (rules-spec §2.1; docs/rendering.md).

项目支出绩效自评表: one per 重点工作任务 (the project itself for a project evaluation). A department
gets the 部门整体支出绩效自评表 first. Each form keeps the unit's own 分值 and 得分 as declared and
adds a 复核得分 column with jixiao's score under the rule set. 执行率 and the totals are formulas
(right when a reviewer edits a figure) written with their results, so a viewer that does not
recalculate shows them too. Every cell of user text is a string cell, never a formula.

Where a reviewer gave their own 复核评分 (the web app's, passed in as plain data), 复核得分 shows it instead
of the rule set's, marked “*”; the 注 says which rows are whose, and a 复核评分说明 sheet lists the reasons.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from ..model import ByNature, Kind
from .prose import SOURCE_LABELS
from .format import trim
from .view import IndicatorView, ReportView, TaskView
from .xlsx_cache import Formulas
from .xlsx_review import REVIEWER_SHEET, mark_reviewer, write_reviewer_sheet
from .xlsx_style import (
    COLUMNS, LEFT, MONEY, RATE, SCORE, WIDTHS, fit_text, note, page_setup, put, setup_sheet, style, title,
)

_FUND_HEADS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "复核得分")
_INDICATOR_HEADS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "复核得分",
                    "偏差原因分析及改进措施")
# The form lists 产出, then 效益, then 满意度 (and 成本 where a rule set has it on its own).
_LEVEL1_ORDER = {"产出指标": 0, "效益指标": 1, "满意度指标": 2, "成本指标": 3}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_RATE_PLACES = Decimal("1e-10")


def render_xlsx(view: ReportView, path: str | Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    formulas = Formulas()
    if view.kind is Kind.DEPARTMENT:
        write_department_sheet(wb.create_sheet("部门整体"), view, formulas)
    for task in view.tasks:
        write_task_sheet(wb.create_sheet(task_sheet_name(task)), view, task, formulas)
    if not view.tasks and view.kind is Kind.PROJECT:  # no project at all: still hand back a readable form
        write_task_sheet(wb.create_sheet("自评表"), view, None, formulas)
    if view.reviewer_scored:
        write_reviewer_sheet(wb.create_sheet(REVIEWER_SHEET), view, task_sheet_name)
    wb.active = 0
    wb.properties.title = ILLEGAL_CHARACTERS_RE.sub("", view.title)  # control characters cannot be stored
    wb.properties.creator = "jixiao"
    path = Path(path)
    wb.save(path)
    formulas.write_results(path, wb.sheetnames)
    return path


def task_sheet_name(task: TaskView) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", _BAD_SHEET_CHARS.sub("", f"{task.number}-{task.name}"))[:31]


# -- 项目支出绩效自评表 ------------------------------------------------------------------------------
def write_task_sheet(ws: Worksheet, view: ReportView, task: TaskView | None, formulas: Formulas) -> int:
    """Fill one 项目支出绩效自评表; returns the row of its 总分 line."""
    setup_sheet(ws)
    title(ws, 1, "项目支出绩效自评表")
    title(ws, 2, f"（{view.year}年度）", size=12)
    put(ws, 3, 1, "项目名称", head=True, span=2)
    put(ws, 3, 3, task.name if task else "", span=8, align=LEFT)
    put(ws, 4, 1, "主管部门", head=True, span=2)
    put(ws, 4, 3, view.supervisor or view.department, span=3, align=LEFT)
    put(ws, 4, 6, "实施单位", head=True, span=2)
    put(ws, 4, 8, view.department, span=3, align=LEFT)
    _task_funds(ws, view, task, formulas)
    put(ws, 10, 1, "年度总体目标", head=True, rows=2)
    put(ws, 10, 2, "预期目标", head=True, span=5)
    put(ws, 10, 7, "实际完成情况", head=True, span=4)
    put(ws, 11, 2, task.expected if task else "", span=5, align=LEFT)
    put(ws, 11, 7, task.outcome_text if task else "", span=4, align=LEFT)
    _fit_pair(ws, 11, task.expected if task else "", task.outcome_text if task else "")
    indicators = _ordered(task.indicators if task else ())
    first = 13
    last = _indicator_rows(ws, first, indicators)
    put(ws, 12, 1, "绩效指标", head=True, rows=last - 11)
    for col, text in enumerate(_INDICATOR_HEADS, 2):
        put(ws, 12, col, text, head=True)
    total = last + 1
    put(ws, total, 1, "总分", head=True, span=6)
    weights = [_weight(i) for i in indicators]
    exec_weight = _exec_weight(task)
    formulas.put(ws, total, 7, f"=G6+SUM(G{first}:G{last})", _sum([exec_weight, *weights]))
    style(ws, total, 7, fmt=SCORE)
    _declared_total(ws, total, view if view.kind is Kind.PROJECT else None, task, indicators, first, last, formulas)
    reviewer = sum(i.reviewer is not None for i in indicators) + (_project_execution(view, task) is not None)
    _review_total(ws, total, view, task, indicators, first, last, formulas, reviewer)
    put(ws, total, 10, f"自评等级：{view.declared_grade}" if view.kind is Kind.PROJECT and view.declared_grade else "",
        align=LEFT)
    end = _notes(ws, total + 1, view, undeclared=any(i.weight is None for i in indicators)
                 or (task is not None and task.execution_weight is None), reviewer=reviewer)
    end = _sign_off(ws, end + 1, view)
    page_setup(ws, end, title_rows="12:12")
    return total


def _task_funds(ws: Worksheet, view: ReportView, task: TaskView | None, formulas: Formulas) -> None:
    put(ws, 5, 1, f"项目资金（{view.unit}）", head=True, rows=5)
    put(ws, 5, 2, None, head=True, span=2)
    for col, text in enumerate(_FUND_HEADS, 4):
        put(ws, 5, col, text, head=True)
    put(ws, 6, 2, "年度资金总额", head=True, span=2)
    put(ws, 6, 4, task.initial_budget if task else None, fmt=MONEY)
    put(ws, 6, 5, task.budget if task else None, fmt=MONEY)
    put(ws, 6, 6, task.executed if task else None, fmt=MONEY)
    put(ws, 6, 7, _exec_weight(task), fmt=SCORE)
    _rate(ws, 6, 8, "E6", "F6", task.budget if task else None, task.executed if task else None, formulas)
    put(ws, 6, 9, task.execution_score if task else None, fmt=SCORE)
    own = _project_execution(view, task)
    put(ws, 6, 10, own.score if own else task.review_execution_score if task else None, fmt=SCORE, review=True)
    if own:
        mark_reviewer(ws, 6, 10)
    rows = task.sources if task else ()
    labels = ("其中：当年财政拨款", "上年结转资金", "其他资金")
    for offset, label in enumerate(labels):
        row = 7 + offset
        source = rows[offset] if offset < len(rows) else None
        put(ws, row, 2, label, span=2, align=LEFT)
        put(ws, row, 4, source.initial_budget if source else None, fmt=MONEY)
        put(ws, row, 5, source.budget if source else None, fmt=MONEY)
        put(ws, row, 6, source.executed if source else None, fmt=MONEY)
        for col in range(7, 11):
            put(ws, row, col, "—")


def _indicator_rows(ws: Worksheet, first: int, indicators: list[IndicatorView]) -> int:
    """Indicator rows from `first`; 一级/二级 cells merged over runs of equal values. Returns the last row."""
    if not indicators:
        for col in range(2, COLUMNS + 1):
            put(ws, first, col, None)
        return first
    for offset, ind in enumerate(indicators):
        row = first + offset
        cells = ((ind.level1, None), (ind.level2, None), (ind.name, LEFT), (ind.target, None), (ind.actual, None))
        for col, (value, align) in enumerate(cells, 2):
            put(ws, row, col, value or None, align=align)
        put(ws, row, 7, _weight(ind), fmt=SCORE)
        put(ws, row, 8, ind.score, fmt=SCORE)
        put(ws, row, 9, ind.shown_review_score, fmt=SCORE, review=True)
        if ind.reviewer is not None:
            mark_reviewer(ws, row, 9)
        put(ws, row, 10, ind.deviation or None, align=LEFT)
    _merge_runs(ws, first, [(i.level1,) for i in indicators], col=2)
    _merge_runs(ws, first, [(i.level1, i.level2) for i in indicators], col=3)
    return first + len(indicators) - 1


def _declared_total(ws, row, view, task, indicators, first, last, formulas) -> None:
    """得分 总分: the unit's declared total when it gave one, else the sum of the scores it declared."""
    scores = [i.score for i in indicators] + [task.execution_score if task else None]
    if view is not None and view.declared_score is not None:
        put(ws, row, 8, view.declared_score, fmt=SCORE)
    elif any(s is not None for s in scores):
        formulas.put(ws, row, 8, f"=I6+SUM(H{first}:H{last})", _sum(scores))
        style(ws, row, 8, fmt=SCORE)
    else:
        put(ws, row, 8, None, fmt=SCORE)


def _review_total(ws, row, view, task, indicators, first, last, formulas, reviewer: int = 0) -> None:
    """复核得分 总分: a project's is the score card's total (the rule set's caps and policies included);
    a department task's form adds its rows (its share of the department total is on 部门整体). Once a reviewer
    scored a row of the form, the total is the column as shown, added up: the reviewer's where given, the rule
    set's elsewhere (the 注 gives the rule set's own total beside it)."""
    if view.kind is Kind.PROJECT and not reviewer:
        put(ws, row, 9, view.score.total if view.score else None, fmt=SCORE, review=True)
        return
    own = _project_execution(view, task)
    scores = [i.shown_review_score for i in indicators] + [own.score if own else task.review_execution_score if task else None]
    if all(s is None for s in scores):
        put(ws, row, 9, None, fmt=SCORE, review=True)
        return
    formulas.put(ws, row, 9, f"=J6+SUM(I{first}:I{last})", _sum(scores))
    style(ws, row, 9, fmt=SCORE, review=True)


# -- 部门整体支出绩效自评表 --------------------------------------------------------------------------
def write_department_sheet(ws: Worksheet, view: ReportView, formulas: Formulas) -> int:
    """The 部门整体支出绩效自评表: funds by source and nature, 年度总体目标, the department's indicators."""
    s = view.summary
    setup_sheet(ws)
    title(ws, 1, "部门整体支出绩效自评表")
    title(ws, 2, f"（{view.year}年度）", size=12)
    put(ws, 3, 1, "部门（单位）名称", head=True, span=3)
    put(ws, 3, 4, view.department, span=7, align=LEFT)
    put(ws, 4, 1, f"年度预算申请（{view.unit}）", head=True, rows=7)
    put(ws, 4, 2, None, head=True, span=2)
    for col, text in enumerate(_FUND_HEADS, 4):
        put(ws, 4, col, text, head=True)
    put(ws, 5, 2, "年度资金总额", head=True, span=2)
    put(ws, 5, 4, s.get("initial_budget"), fmt=MONEY)
    put(ws, 5, 5, s.get("budget"), fmt=MONEY)
    put(ws, 5, 6, s.get("executed"), fmt=MONEY)
    exec_weight = _first(s.get("execution_weight"), s.get("review_execution_weight"))
    put(ws, 5, 7, exec_weight, fmt=SCORE)
    _rate(ws, 5, 8, "E5", "F5", s.get("budget"), s.get("executed"), formulas)
    put(ws, 5, 9, s.get("execution_score"), fmt=SCORE)
    own = view.reviewer_execution
    put(ws, 5, 10, own.score if own else s.get("review_execution_score"), fmt=SCORE, review=True)
    if own:
        mark_reviewer(ws, 5, 10)
    sources = [(f"其中：{name}" if i == 0 else name, s.get(key)) for i, (name, key) in enumerate(SOURCE_LABELS)]
    natures = [(f"其中：{ByNature.LABELS['basic']}", s.get("basic")), (ByNature.LABELS["project"], s.get("project")), (None, None),
               ("年末结转和结余", s.get("carryover"))]
    put(ws, 6, 2, "按资金来源分", head=True, span=2)
    _sum_cell(ws, 6, 4, 3, [a for _, a in sources], "D7:D10", formulas)
    put(ws, 6, 7, "按支出性质分", head=True, span=2)
    _sum_cell(ws, 6, 9, 2, [a for _, a in natures[:2]], "I7:I8", formulas)
    for offset in range(4):
        row = 7 + offset
        put(ws, row, 2, sources[offset][0], span=2, align=LEFT)
        put(ws, row, 4, sources[offset][1], span=3, fmt=MONEY)
        put(ws, row, 7, natures[offset][0], span=2, align=LEFT)
        put(ws, row, 9, natures[offset][1], span=2, fmt=MONEY)
    put(ws, 11, 1, "年度总体目标", head=True, rows=2)
    put(ws, 11, 2, "预期目标", head=True, span=5)
    put(ws, 11, 7, "实际完成情况", head=True, span=4)
    goals = _numbered_lines(view.goal_lines)
    outcome = "\n".join(view.conclusion) if view.conclusion != ("（本部分未填报。）",) else ""
    put(ws, 12, 2, goals, span=5, align=LEFT)
    put(ws, 12, 7, outcome, span=4, align=LEFT)
    _fit_pair(ws, 12, goals, outcome)
    first = 14
    row, task_rows = first, []
    for task in view.tasks:
        task_rows.append(row)
        row = _department_task_rows(ws, row, task) + 1
    last = max(first, row - 1)
    if not view.tasks:
        for col in range(2, COLUMNS + 1):
            put(ws, first, col, None)
    put(ws, 13, 1, "年度绩效指标", head=True, rows=last - 12)
    for col, text in enumerate(_INDICATOR_HEADS, 2):
        put(ws, 13, col, text, head=True)
    total = last + 1
    put(ws, total, 1, "总分", head=True, span=6)
    weight_cells = "+".join(["G5", *(f"G{r}" for r in task_rows)])
    formulas.put(ws, total, 7, f"={weight_cells}", _sum([exec_weight, *(t.task_weight for t in view.tasks)]))
    style(ws, total, 7, fmt=SCORE)
    put(ws, total, 8, view.declared_score, fmt=SCORE)
    if own is None:
        put(ws, total, 9, view.score.total if view.score else None, fmt=SCORE, review=True)
    else:  # the reviewer's 预算执行率 with the tasks' 折合得分 as shown
        review_cells = "+".join(["J5", *(f"I{r}" for r in task_rows)])
        formulas.put(ws, total, 9, f"={review_cells}", _sum([own.score, *(t.task_score for t in view.tasks)]))
        style(ws, total, 9, fmt=SCORE, review=True)
    put(ws, total, 10, f"自评等级：{view.declared_grade}" if view.declared_grade else "", align=LEFT)
    end = _notes(ws, total + 1, view, undeclared=True, department=True, reviewer=int(own is not None))
    end = _sign_off(ws, end + 1, view)
    page_setup(ws, end, title_rows="13:13")
    return total


def _department_task_rows(ws: Worksheet, row: int, task: TaskView) -> int:
    """A task's line (its 分值 and 复核 折合得分 under the rule set) and its indicators; returns the last row.

    The indicators' own 分值, 得分 and 复核得分 are on the task's 项目支出绩效自评表.
    """
    put(ws, row, 2, f"重点工作任务{task.number}：{task.name}", span=5, align=LEFT)
    put(ws, row, 7, task.task_weight, fmt=SCORE)
    put(ws, row, 8, None, fmt=SCORE)
    put(ws, row, 9, task.task_score, fmt=SCORE, review=True)
    put(ws, row, 10, f"指标的分值和得分见“{task_sheet_name(task)}”表", align=LEFT)
    indicators = _ordered(task.indicators)
    for offset, ind in enumerate(indicators, 1):
        r = row + offset
        cells = ((ind.level1, None), (ind.level2, None), (ind.name, LEFT), (ind.target, None), (ind.actual, None))
        for col, (value, align) in enumerate(cells, 2):
            put(ws, r, col, value or None, align=align)
        for col in (7, 8):
            put(ws, r, col, None)
        put(ws, r, 9, None, review=True)
        put(ws, r, 10, ind.deviation or None, align=LEFT)
    _merge_runs(ws, row + 1, [(i.level1,) for i in indicators], col=2)
    _merge_runs(ws, row + 1, [(i.level1, i.level2) for i in indicators], col=3)
    return row + len(indicators)


# -- shared pieces -------------------------------------------------------------------------------
def _rate(ws, row, col, budget_ref, executed_ref, budget, executed, formulas) -> None:
    """执行率 as a formula, with its result for viewers that do not recalculate."""
    result: Decimal | str = ""
    if budget and executed is not None:
        result = (executed / budget).quantize(_RATE_PLACES)
    formulas.put(ws, row, col, f'=IF(N({budget_ref})=0,"",{executed_ref}/{budget_ref})', result)
    style(ws, row, col, fmt=RATE)


def _sum_cell(ws, row, col, span, amounts, ref, formulas) -> None:
    ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
    given = [a for a in amounts if a is not None]
    formulas.put(ws, row, col, f"=SUM({ref})", sum(given, Decimal(0)) if given else Decimal(0))
    style(ws, row, col, span=span, fmt=MONEY)


def _notes(ws: Worksheet, row: int, view: ReportView, *, undeclared: bool, department: bool = False,
           reviewer: int = 0) -> int:
    """注: whose figures are whose (`reviewer`: how many rows of this form carry the reviewer's 复核评分).
    Returns the last row written."""
    lines = ["注：分值、得分为单位自评填报。"]
    if view.score is not None:
        ruleset = f"“{view.score.ruleset}”规则集"
        reference = "（参考分）" if view.score.reference else ""
        if undeclared:
            lines.append(f"单位未填报的分值按{ruleset}分配的分值列示。")
        if reviewer:
            lines.append(f"复核得分列中带“*”的{reviewer}行为复核人的复核评分（理由见“{REVIEWER_SHEET}”表），"
                         f"其余行由 jixiao 按{ruleset}测算{reference}，供复核参考；均不是单位自评得分。")
        else:
            lines.append(f"复核得分由 jixiao 按{ruleset}计算{reference}，供复核参考，不是单位自评得分。")
        if department:
            lines.append("重点工作任务一行的分值和复核得分是它计入总分的部分（规则集按任务分配分值时为任务折合得分，"
                         "否则为该任务各指标在部门指标表中的合计）；各任务表的复核得分按项目支出方法单独计算（含预算执行率）。")
    elif reviewer:
        lines.append(f"未按规则集评分：复核得分列只有复核人的复核评分（带“*”的{reviewer}行，理由见“{REVIEWER_SHEET}”表）。")
    else:
        lines.append("未评分：复核得分列为空。")
    if reviewer and not department:
        lines.append("总分的复核得分为本列各行之和（未评分的行不计）"
                     + (f"；jixiao 按规则集测算的总分为{trim(view.score.total)}分。"
                        if view.score and view.kind is Kind.PROJECT else "。"))
    if department and view.reviewer_scored:
        lines.append("复核人对各任务指标的复核评分见各任务表，本表各任务的折合得分仍为 jixiao 测算"
                     + ("；总分的复核得分为复核人的预算执行率评分与各任务折合得分之和"
                        + (f"（jixiao 测算的总分为{trim(view.score.total)}分）" if view.score else "") + "。"
                        if reviewer else "。"))
    note(ws, row, "".join(lines))
    return row


def _sign_off(ws: Worksheet, row: int, view: ReportView) -> int:
    """填报人、联系电话、单位负责人, then 填报单位（盖章） and the date. Returns the last row."""
    note(ws, row, f"填报人：{view.filled_by}", span=3)
    note(ws, row, f"联系电话：{view.phone}", col=4, span=3)
    note(ws, row, f"单位负责人：{view.unit_head}", col=7, span=4)
    note(ws, row + 1, f"填报单位（盖章）：{view.department}", span=6)
    note(ws, row + 1, f"填报日期：{view.date or '      年    月    日'}", col=7, span=4)
    return row + 1


def _merge_runs(ws: Worksheet, first: int, keys: list[tuple[str, ...]], col: int) -> None:
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            if i - start > 1 and keys[start][-1]:
                ws.merge_cells(start_row=first + start, start_column=col, end_row=first + i - 1, end_column=col)
            start = i


def _fit_pair(ws: Worksheet, row: int, left: str, right: str) -> None:
    """The goal row holds two long texts side by side: tall enough for the longer."""
    fit_text(ws, row, left, chars_per_line=max(1, int(sum(WIDTHS[1:6]) / 2.1)))
    fit_text(ws, row, right, chars_per_line=max(1, int(sum(WIDTHS[6:10]) / 2.1)))


def _ordered(indicators) -> list[IndicatorView]:
    return sorted(indicators, key=lambda i: _LEVEL1_ORDER.get(i.level1, 9))


def _weight(ind: IndicatorView) -> Decimal | None:
    """分值 as the unit declared it, else the rule set's allocation (so the form still totals 100)."""
    return _first(ind.weight, ind.review_weight)


def _project_execution(view: ReportView, task: TaskView | None):
    """The reviewer's 预算执行率 score on a project's form (a department task's execution has no row of its own)."""
    return view.reviewer_execution if view.kind is Kind.PROJECT and task is not None else None


def _exec_weight(task: TaskView | None) -> Decimal | None:
    return _first(task.execution_weight, task.review_execution_weight) if task else None


def _first(*values):
    return next((v for v in values if v is not None), None)


def _sum(values) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


def _numbered_lines(lines: tuple[str, ...]) -> str:
    if len(lines) <= 1:
        return "".join(lines)
    return "\n".join(f"{i}.{text}" for i, text in enumerate(lines, 1))


__all__ = ["render_xlsx", "task_sheet_name"]

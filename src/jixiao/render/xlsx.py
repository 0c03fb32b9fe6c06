"""The XLSX 自评表 in the canonical layout (rules-spec §2.1).

One sheet per 重点工作任务 (the project itself for a project evaluation), and for a department a
summary sheet first. 执行率 and totals are Excel formulas, so the sheet stays right when a
reviewer edits a figure; scores themselves come from the score card and are written as values.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Kind
from .view import ReportView, TaskView
from .xlsx_style import (
    COLUMNS, LEFT, MONEY, RATE, SCORE, Formula, note, page_setup, put, setup_sheet, title,
)

_FUND_ROWS = ("其中：当年财政拨款", "上年结转资金", "其他资金")
_INDICATOR_HEADS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
# The form lists 产出, then 效益, then 满意度 (and 成本 where a rule set has it on its own).
_LEVEL1_ORDER = {"产出指标": 0, "效益指标": 1, "满意度指标": 2, "成本指标": 3}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def render_xlsx(view: ReportView, path: str | Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    totals = []
    for task in view.tasks:
        ws = wb.create_sheet(task_sheet_name(task))
        totals.append((ws.title, write_task_sheet(ws, view, task)))
    if view.kind is Kind.DEPARTMENT:
        summary = wb.create_sheet("部门整体", 0)
        write_summary_sheet(summary, view, totals)
    if not wb.sheetnames:  # no task at all: still hand back a readable form
        write_task_sheet(wb.create_sheet("自评表"), view, None)
    wb.active = 0
    wb.properties.title = ILLEGAL_CHARACTERS_RE.sub("", view.title)
    wb.properties.creator = "jixiao"
    path = Path(path)
    wb.save(path)
    return path


def task_sheet_name(task: TaskView) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", _BAD_SHEET_CHARS.sub("", f"{task.number}-{task.name}"))[:31]


def write_task_sheet(ws: Worksheet, view: ReportView, task: TaskView | None) -> int:
    """Fill one 项目支出绩效自评表; returns the row of its 总分 line."""
    setup_sheet(ws)
    title(ws, 1, f"{view.year}年度项目支出绩效自评表")
    note(ws, 2, f"金额单位：{view.unit}")
    put(ws, 3, 1, "项目名称", head=True)
    put(ws, 3, 2, task.name if task else "", span=7, align=LEFT)
    put(ws, 4, 1, "主管部门", head=True)
    put(ws, 4, 2, view.supervisor or view.department, span=3, align=LEFT)
    put(ws, 4, 5, "实施单位", head=True)
    put(ws, 4, 6, view.department, span=3, align=LEFT)
    _funds_block(ws, view, task)
    _goal_block(ws, task)
    first = 13
    last = _indicator_block(ws, task, first)
    total = last + 1
    put(ws, total, 1, "总分", head=True, span=5)
    put(ws, total, 6, Formula(f"=F6+SUM(F{first}:F{last})"), fmt=SCORE)
    put(ws, total, 7, Formula(f"=H6+SUM(G{first}:G{last})"), fmt=SCORE)
    put(ws, total, 8, "")
    page_setup(ws, total)
    ws.print_title_rows = "12:12"
    return total


def _funds_block(ws: Worksheet, view: ReportView, task: TaskView | None) -> None:
    heads = (f"项目资金（{view.unit}）", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分")
    put(ws, 5, 1, heads[0], head=True, span=2)
    for col, text in enumerate(heads[1:], 3):
        put(ws, 5, col, text, head=True)
    put(ws, 6, 1, "年度资金总额", head=True, span=2)
    put(ws, 6, 3, task.initial_budget if task else None, fmt=MONEY)
    put(ws, 6, 4, task.budget if task else None, fmt=MONEY)
    put(ws, 6, 5, task.executed if task else None, fmt=MONEY)
    put(ws, 6, 6, task.execution_weight if task else None, fmt=SCORE)
    put(ws, 6, 7, Formula('=IF(N(D6)=0,"",E6/D6)'), fmt=RATE)
    put(ws, 6, 8, task.execution_score if task else None, fmt=SCORE)
    for row, label in enumerate(_FUND_ROWS, 7):
        put(ws, row, 1, label, span=2, align=LEFT)
        for col in range(3, COLUMNS + 1):
            put(ws, row, col, "—" if col >= 6 else None, fmt=MONEY)


def _goal_block(ws: Worksheet, task: TaskView | None) -> None:
    put(ws, 10, 1, "年度总体目标", head=True, rows=2)
    put(ws, 10, 2, "预期目标", head=True, span=4)
    put(ws, 10, 6, "实际完成情况", head=True, span=3)
    expected = task.expected if task else ""
    outcome = task.outcome_text if task else ""
    put(ws, 11, 2, expected, span=4, align=LEFT)
    put(ws, 11, 6, outcome, span=3, align=LEFT)
    for col, text in enumerate(_INDICATOR_HEADS, 1):
        put(ws, 12, col, text, head=True)


def _indicator_block(ws: Worksheet, task: TaskView | None, first: int) -> int:
    """Indicator rows from `first`; 一级/二级 cells merged over runs of equal values. Returns the last row."""
    indicators = sorted(task.indicators if task else (), key=lambda i: _LEVEL1_ORDER.get(i.level1, 9))
    if not indicators:
        for col in range(1, COLUMNS + 1):
            put(ws, first, col, None)
        return first
    for offset, ind in enumerate(indicators):
        row = first + offset
        values = (ind.level1, ind.level2, ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.deviation)
        for col, value in enumerate(values, 1):
            fmt = SCORE if col in (6, 7) else None
            put(ws, row, col, value if value != "" else None, fmt=fmt, align=LEFT if col in (3, 8) else None)
    _merge_runs(ws, first, [(i.level1,) for i in indicators], col=1)
    _merge_runs(ws, first, [(i.level1, i.level2) for i in indicators], col=2)
    return first + len(indicators) - 1


def _merge_runs(ws: Worksheet, first: int, keys: list[tuple[str, ...]], col: int) -> None:
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            if i - start > 1 and keys[start][-1]:
                ws.merge_cells(start_row=first + start, start_column=col, end_row=first + i - 1, end_column=col)
            start = i


def write_summary_sheet(ws: Worksheet, view: ReportView, totals: list[tuple[str, int]]) -> None:
    """部门整体: department funds by source and nature, and each task's figures and score."""
    s = view.summary
    setup_sheet(ws)
    title(ws, 1, f"{view.year}年度部门整体支出绩效自评汇总表")
    note(ws, 2, f"金额单位：{view.unit}")
    put(ws, 3, 1, "部门名称", head=True)
    put(ws, 3, 2, view.department, span=7, align=LEFT)
    for col, text in enumerate(("部门资金", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "执行率（B/A）", "年末结转和结余"), 1):
        if col != 2:
            put(ws, 4, col, text, head=True, span=2 if col in (1, 7) else 1)
    put(ws, 5, 1, "部门整体支出", head=True, span=2)
    put(ws, 5, 3, s.get("initial_budget"), fmt=MONEY)
    put(ws, 5, 4, s.get("budget"), fmt=MONEY)
    put(ws, 5, 5, s.get("executed"), fmt=MONEY)
    put(ws, 5, 6, Formula('=IF(N(D5)=0,"",E5/D5)'), fmt=RATE)
    put(ws, 5, 7, s.get("carryover"), span=2, fmt=MONEY)
    _breakdown(ws, 6, "按资金来源", [("一般公共预算财政拨款", "general_budget"), ("政府性基金预算财政拨款", "government_fund"),
                                   ("国有资本经营预算财政拨款", "state_capital"), ("其他资金", "other")], s)
    _breakdown(ws, 8, "按支出性质", [("基本支出", "basic"), ("项目支出", "project")], s)
    last = _task_table(ws, 11, totals, view)
    page_setup(ws, last)


def _breakdown(ws: Worksheet, row: int, label: str, parts: list[tuple[str, str]], s: dict) -> None:
    put(ws, row, 1, label, head=True, span=2, rows=2)
    for col, (name, key) in enumerate(parts, 3):
        put(ws, row, col, name, head=True)
        put(ws, row + 1, col, s.get(key), fmt=MONEY)
    end = 3 + len(parts)
    put(ws, row, end, "合计", head=True)
    put(ws, row + 1, end, Formula(f"=SUM(C{row + 1}:{chr(ord('A') + end - 2)}{row + 1})"), fmt=MONEY)


def _task_table(ws: Worksheet, row: int, totals: list[tuple[str, int]], view: ReportView) -> int:
    """Department execution and each task: funds, 执行率 (formula), 分值 and 得分 from the score card.

    A task's own sheet scores its indicators within the task; the 得分 here is the task's weighted
    share of the department total, which is what adds up to the 总分.
    """
    heads = ("序号", "评分内容", "", "全年预算数（A）", "全年执行数（B）", "执行率（B/A）", "分值", "得分")
    for col, text in enumerate(heads, 1):
        if col != 3:
            put(ws, row, col, text, head=True, span=2 if col == 2 else 1)
    s = view.summary
    first = row + 1
    put(ws, first, 1, "—")
    put(ws, first, 2, "部门整体预算执行率", span=2, align=LEFT)
    put(ws, first, 4, Formula("=D5"), fmt=MONEY)
    put(ws, first, 5, Formula("=E5"), fmt=MONEY)
    put(ws, first, 6, Formula(f'=IF(N(D{first})=0,"",E{first}/D{first})'), fmt=RATE)
    put(ws, first, 7, s.get("execution_weight"), fmt=SCORE)
    put(ws, first, 8, s.get("execution_score"), fmt=SCORE)
    for i, (task, (sheet, _)) in enumerate(zip(view.tasks, totals), 1):
        r = first + i
        put(ws, r, 1, task.number)
        put(ws, r, 2, f"重点工作任务：{task.name}", span=2, align=LEFT)
        put(ws, r, 4, task.budget, fmt=MONEY)
        put(ws, r, 5, task.executed, fmt=MONEY)
        put(ws, r, 6, Formula(f'=IF(N(D{r})=0,"",E{r}/D{r})'), fmt=RATE)
        put(ws, r, 7, task.task_weight, fmt=SCORE)
        put(ws, r, 8, task.task_score, fmt=SCORE)
    last = first + len(totals)
    total = last + 1
    put(ws, total, 1, "合计", head=True, span=5)
    put(ws, total, 6, None)
    put(ws, total, 7, Formula(f"=SUM(G{first}:G{last})"), fmt=SCORE)
    put(ws, total, 8, Formula(f"=SUM(H{first}:H{last})"), fmt=SCORE)
    return _score_row(ws, total + 1, view)


def _score_row(ws: Worksheet, row: int, view: ReportView) -> int:
    """部门整体自评得分 from the score card (a value: the rule set, not Excel, computes it)."""
    put(ws, row, 1, "部门整体自评得分", head=True, span=3)
    score = view.score
    put(ws, row, 4, score.total if score else "未评分", fmt=SCORE)
    put(ws, row, 5, "等级", head=True)
    put(ws, row, 6, score.grade_label if score else "—")
    put(ws, row, 7, ("参考分" if score.reference else f"规则集：{score.ruleset}") if score else "", span=2)
    return row

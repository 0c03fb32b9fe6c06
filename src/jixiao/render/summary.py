"""The 汇总表: one XLSX row per evaluation of a year — funds, execution rate, the unit's and the review's scores.

Amounts are shown in 万元 whatever unit each evaluation used (Money converts exactly); the execution rate is
jixiao.model's (Evaluation.execution_rate), written as a formula over the two amounts with its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..model import Evaluation, MoneyUnit
from ..rules import ScoreCard
from .xlsx_cache import Formulas
from .xlsx_style import LEFT, MONEY, RATE, SCORE, note, style, table_cell, table_sheet

HEADS = ("序号", "单位名称", "评价类型", "状态", "全年预算数（万元）", "全年执行数（万元）", "预算执行率",
         "单位自评得分", "单位自评等级", "复核得分（规则集测算）", "复核等级", "审核人复核评分合计")
WIDTHS = (6, 30, 14, 10, 16, 16, 12, 12, 12, 14, 10, 14)
_RATE_PLACES = Decimal("1e-10")


@dataclass(frozen=True)
class SummaryRow:
    department: str
    kind: str  # 部门整体支出 / 项目支出
    status: str  # the workflow status as the caller names it
    budget: Decimal | None  # 万元
    executed: Decimal | None  # 万元
    execution_rate: Decimal | None  # percent, from jixiao.model
    declared_score: Decimal | None
    declared_grade: str
    review_score: Decimal | None  # the rule set's total
    review_grade: str
    reviewer_total: Decimal | None = None  # the reviewer's own 复核评分, summed over the rows scored


def summary_row(ev: Evaluation, scorecard: ScoreCard | None, status: str = "",
                reviewer_total: Decimal | None = None) -> SummaryRow:
    funds = ev.funds()
    wan = (lambda m: m.to(MoneyUnit.WAN).amount if m is not None else None)
    return SummaryRow(
        department=ev.department.name, kind=ev.kind.label, status=status, budget=wan(funds.budget),
        executed=wan(funds.executed), execution_rate=ev.execution_rate(), declared_score=ev.declared_score,
        declared_grade=(ev.declared_grade or "").strip(),
        review_score=scorecard.total if scorecard is not None else None,
        review_grade=(scorecard.grade_label or scorecard.grade) if scorecard is not None else "",
        reviewer_total=reviewer_total)


def render_summary_xlsx(year: int, rows: list[SummaryRow], path: str | Path) -> Path:
    wb, ws = table_sheet("汇总表", f"{year}年度预算绩效自评汇总表", HEADS, WIDTHS)
    formulas = Formulas()
    for n, r in enumerate(rows, 1):
        row = n + 2
        table_cell(ws, row, 1, n)
        table_cell(ws, row, 2, r.department, align=LEFT)
        table_cell(ws, row, 3, r.kind)
        table_cell(ws, row, 4, r.status)
        table_cell(ws, row, 5, r.budget, fmt=MONEY)
        table_cell(ws, row, 6, r.executed, fmt=MONEY)
        if r.execution_rate is not None:  # a formula over the two amounts, with jixiao.model's result cached
            formulas.put(ws, row, 7, f'=IF(N(E{row})<=0,"",F{row}/E{row})', (r.execution_rate / 100).quantize(_RATE_PLACES))
        style(ws, row, 7, fmt=RATE)
        table_cell(ws, row, 8, r.declared_score, fmt=SCORE)
        table_cell(ws, row, 9, r.declared_grade or None)
        table_cell(ws, row, 10, r.review_score, fmt=SCORE, review=True)
        table_cell(ws, row, 11, r.review_grade or None, review=True)
        table_cell(ws, row, 12, r.reviewer_total, fmt=SCORE, review=True)
    last = len(rows) + 2
    note(ws, last + 1, "注：金额统一折算为万元；预算执行率 = 全年执行数 ÷ 全年预算数（部门整体为收支情况，未填时为各任务合计）；"
                       "单位自评得分、等级为单位填报；复核得分、复核等级由 jixiao 按各自评所用规则集测算，供复核参考；"
                       "审核人复核评分合计为审核人逐行复核评分之和（未评分的行不计入）。", span=len(HEADS))
    ws.freeze_panes = "C3"
    wb.properties.creator = "jixiao"
    path = Path(path)
    wb.save(path)
    formulas.write_results(path, wb.sheetnames)
    return path

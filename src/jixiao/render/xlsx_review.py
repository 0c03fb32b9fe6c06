"""The reviewer's 复核评分 in the XLSX 自评表: the “*” on each cell a reviewer scored, and the 复核评分说明 sheet
listing every such row with its 分值, the unit's 得分, jixiao's 测算 and the reviewer's score and reason."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Kind
from .view import ReportView, ReviewerScore, TaskView
from .xlsx_style import CENTER, LEFT, SCORE, TITLE_FONT, fit_text, note, table_cell, text_cell

REVIEWER_SHEET = "复核评分说明"
REVIEWER_SCORE = '0.00"*"'  # the “*” the 注 explains: this 复核得分 is the reviewer's, not jixiao's
REVIEWER_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEADS = ("序号", "所在表", "指标", "分值", "单位自评得分", "jixiao 测算", "复核评分", "复核理由")
_WIDTHS = (6, 22, 26, 8, 10, 10, 9, 48)


def mark_reviewer(ws: Worksheet, row: int, col: int) -> None:
    """Set a 复核得分 cell apart as the reviewer's: the “*” (which prints) and a fill (which shows on screen)."""
    cell = ws.cell(row, col)
    cell.number_format = REVIEWER_SCORE
    cell.fill = REVIEWER_FILL


def reviewer_rows(view: ReportView, sheet_name: Callable[[TaskView], str]) -> list[tuple]:
    """(所在表, 指标, 分值, 单位得分, jixiao 测算, ReviewerScore) for every row the reviewer scored, in form order."""
    rows: list[tuple] = []
    own = view.reviewer_execution
    if own is not None:
        if view.kind is Kind.DEPARTMENT:
            s = view.summary
            weight = s.get("execution_weight") if s.get("execution_weight") is not None else s.get("review_execution_weight")
            weight = own.weight if own.weight is not None else weight
            rows.append(("部门整体", "预算执行率", weight, s.get("execution_score"), s.get("review_execution_score"), own))
        elif view.tasks:
            t = view.tasks[0]
            weight = t.execution_weight if t.execution_weight is not None else t.review_execution_weight
            weight = own.weight if own.weight is not None else weight
            rows.append((sheet_name(t), "预算执行率", weight, t.execution_score, t.review_execution_score, own))
    for task in view.tasks:
        for ind in task.indicators:
            if ind.reviewer is not None:
                weight = ind.weight if ind.weight is not None else ind.review_weight
                weight = ind.reviewer.weight if ind.reviewer.weight is not None else weight
                rows.append((sheet_name(task), ind.name, weight, ind.score, ind.review_score, ind.reviewer))
    return rows


def write_reviewer_sheet(ws: Worksheet, view: ReportView, sheet_name: Callable[[TaskView], str]) -> None:
    for i, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    columns = len(_HEADS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    text_cell(ws.cell(1, 1), f"{view.department}{view.year}年度自评复核评分说明")
    ws.cell(1, 1).font, ws.cell(1, 1).alignment = TITLE_FONT, CENTER
    ws.row_dimensions[1].height = 30
    for col, head in enumerate(_HEADS, 1):
        table_cell(ws, 2, col, head, head=True)
    row = 2
    for row, (sheet, name, weight, unit, rule, own) in enumerate(reviewer_rows(view, sheet_name), 3):
        own: ReviewerScore
        values = (row - 2, sheet, name, weight, unit, rule, own.score, own.reason)
        for col, value in enumerate(values, 1):
            numeric = isinstance(value, Decimal) or (value is None and 4 <= col <= 7)
            table_cell(ws, row, col, value, fmt=SCORE if numeric else None, align=LEFT if col in (2, 3, 8) else None)
        for col, text in ((2, sheet), (3, name), (8, own.reason)):  # tall enough for the longest wrapped cell
            fit_text(ws, row, text, chars_per_line=max(1, int(_WIDTHS[col - 1] / 2.1)))
    end = row + 1
    differ = "（部门整体自评按部门指标表计分时，可能与任务表所列分值不同）" if view.kind is Kind.DEPARTMENT else ""
    note(ws, end, f"注：复核评分和理由由复核人在系统中填写，已在各表“复核得分”列中以“*”标出；分值为复核评分所依据的分值{differ}；"
                  "jixiao 测算为规则集的得分，供对照。", span=columns)
    ws.print_area = f"A1:{get_column_letter(columns)}{end}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"

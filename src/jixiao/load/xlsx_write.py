"""Write the Excel template: empty for filling in (write_template), or filled from a model (write_xlsx).

Reading what write_xlsx wrote gives the same model: numbers are written only where the float Excel
stores is exactly the Decimal, otherwise as text, and targets/actuals are always text cells.
"""

from __future__ import annotations

import math
from decimal import Decimal
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..model import Evaluation, Kind, Money, Quantity, Stage
from .fieldtypes import INT, MONEY, STR, FieldType
from .fields import Field
from .xlsx_layout import (
    CATEGORY, CATEGORY_KEYS, DATA_SHEETS, GUIDE_SHEET, ITEM, NUMBER, SCORE_KEYS, TASK_REF, TEMPLATE_ROWS, YEAR_RANGE,
    Column, Sheet, guide_lines,
)

FONT = "宋体"
HEADER_FONT = Font(name=FONT, bold=True, size=11)
BODY_FONT = Font(name=FONT, size=11)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="9BAFC4")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def write_template(path: str | Path) -> None:
    """An empty template for finance staff to fill in."""
    workbook_for(None).save(path)


def write_xlsx(evaluation: Evaluation, path: str | Path) -> None:
    """The evaluation in the template layout; `jixiao convert b.xlsx c.yaml` reads it back unchanged."""
    workbook_for(evaluation).save(path)


def workbook_for(evaluation: Evaluation | None) -> Workbook:
    workbook = Workbook()
    _guide(workbook.active)
    for spec in DATA_SHEETS:
        ws = workbook.create_sheet(spec.name)
        _header(ws, spec)
        if spec.form == "pairs":
            _pairs(ws, spec, evaluation)
        else:
            rows = _table_rows(spec, evaluation) if evaluation else []
            _table(ws, spec, rows, evaluation)
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
    for ws in workbook.worksheets:
        _fit_to_page_width(ws)
        _protect(ws)
    return workbook


def _protect(ws) -> None:
    """Headers, labels and sheets cannot be changed by accident; input cells stay open (they are unlocked).

    No password: a clerk who must merge cells or restructure uses 审阅 → 撤销工作表保护. Rows may still be
    inserted, deleted and resized, cells formatted (a percent or date format is the clerk's to choose)."""
    protection = ws.protection
    protection.sheet = True
    protection.formatCells = protection.formatColumns = protection.formatRows = False
    protection.insertRows = protection.deleteRows = False
    protection.autoFilter = protection.sort = False


def _fit_to_page_width(ws) -> None:
    """Printed on A4 landscape, as wide as one page and as long as needed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


# -- sheets ------------------------------------------------------------------------------------
def _guide(ws) -> None:
    ws.title = GUIDE_SHEET
    ws.column_dimensions["A"].width = 100
    for row, (text, style) in enumerate(guide_lines(), start=1):
        cell = ws.cell(row, 1, text)
        cell.font = Font(name=FONT, bold=style != "body", size={"title": 16, "heading": 12}.get(style, 11))
        cell.alignment = WRAP
        # Row heights are not recomputed by every spreadsheet program: size them for the wrapped lines.
        ws.row_dimensions[row].height = 28 if style == "title" else 16 * math.ceil(len(text) / 64)


def _header(ws, spec: Sheet) -> None:
    for col, column in enumerate(spec.columns, start=1):
        cell = ws.cell(1, col, column.header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        note = column.note or (column.field.doc if column.field else "")
        if note:
            cell.comment = Comment(note, "jixiao", width=300, height=90)
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.row_dimensions[1].height = 30


def _pairs(ws, spec: Sheet, evaluation: Evaluation | None) -> None:
    for row, pair in enumerate(spec.pairs, start=2):
        field = pair.field
        label = ws.cell(row, 1, pair.label)
        label.font, label.border = HEADER_FONT, BORDER
        value = _value_at(evaluation, pair.path) if evaluation else _TEMPLATE_DEFAULTS.get(pair.path)
        _put(ws.cell(row, 2), value, field.type, evaluation)
        hint = ws.cell(row, 3, ("（必填）" if field.required or pair.path == "department.name" else "") + field.doc)
        hint.font, hint.alignment = Font(name=FONT, size=10, color="666666"), WRAP
        if pair.choices:
            _validation(ws, pair.choices, f"B{row}", free_entry=False)
        else:
            _value_check(ws, field, f"B{row}")


_TEMPLATE_DEFAULTS = {"jixiao": 1, "unit": "万元"}
_OPEN = Protection(locked=False)


def _table(ws, spec: Sheet, rows: list[dict], evaluation: Evaluation | None) -> None:
    last = max(TEMPLATE_ROWS, len(rows) + 100)
    for col, column in enumerate(spec.columns, start=1):
        kind = _column_type(column)
        for row in range(2, last + 1):
            record = rows[row - 2] if row - 2 < len(rows) else {}
            _put(ws.cell(row, col), record.get(column.path), kind, evaluation)
        letter = get_column_letter(col)
        if column.choices:
            _validation(ws, column.choices, f"{letter}2:{letter}{last}", column.free_entry, column.header)
        elif column.field is not None:
            _value_check(ws, column.field, f"{letter}2:{letter}{last}")
        # Rows added below the prepared ones are open for input too.
        ws.column_dimensions[letter].protection = _OPEN


def _table_rows(spec: Sheet, evaluation: Evaluation) -> list[dict]:
    """The records of a table sheet, keyed by column path."""
    if spec.name == "重点任务":
        return [{NUMBER: i, **_attrs(task, spec)} for i, task in enumerate(evaluation.tasks, start=1)]
    if spec.name == "绩效指标":
        return [{TASK_REF: ti + 1, **_attrs(ind, spec)} for ti, _, ind in evaluation.indicators()]
    if spec.name == "结论与问题":
        return [{CATEGORY: label, ITEM: p.text}
                for label, key in CATEGORY_KEYS.items() for p in getattr(evaluation, key)]
    column = spec.columns[0]
    return [{column.path: p.text} for p in _value_at(evaluation, column.path) or ()]


def _attrs(node, spec: Sheet) -> dict:
    values = {c.path: _walk(node, c.row_path) for c in spec.columns if not c.path.startswith("#")}
    return {path: v for path, v in values.items() if not (path.endswith("not_applicable") and v is False)}


def _walk(node, keys: tuple[str, ...]):
    for key in keys:
        node = getattr(node, key, None)
        if node is None:
            return None
    return node


def _value_at(evaluation: Evaluation, path: str):
    node = evaluation
    for part in path.split("."):
        node = getattr(node, "format_version" if part == "jixiao" else part, None)
        if node is None:
            return None
    return node


def _column_type(column: Column) -> FieldType:
    return column.field.type if column.field else (INT if column.path in (NUMBER, TASK_REF) else STR)


# -- cells -------------------------------------------------------------------------------------
def _put(cell, value, field_type: FieldType, evaluation: Evaluation | None) -> None:
    """Write one value in the form the reader turns back into the same model value.

    The number format is the field type's (amounts with 2 decimals, rates as percent, values as text so that
    100% stays text)."""
    cell.font, cell.alignment, cell.protection = BODY_FONT, WRAP, _OPEN
    if field_type.excel_format:
        cell.number_format = field_type.excel_format
    if value is None:
        return
    if isinstance(value, Money):
        unit = evaluation.unit if evaluation else None
        if value.unit == unit:
            _number_or_text(cell, value.amount, format(value.amount, "f"))
        else:  # an amount in the other unit keeps its unit as text: 912000元
            _text(cell, f"{format(value.amount, 'f')}{value.unit.value}")
    elif field_type.percent:  # a percent figure: Excel holds the ratio under the percent format
        _number_or_text(cell, value / 100, f"{format(value, 'f')}%")
    elif isinstance(value, Quantity):
        _text(cell, value.text)
    elif isinstance(value, bool):
        _text(cell, "是" if value else "否")
    elif isinstance(value, Kind):
        _text(cell, value.short_label)
    elif isinstance(value, Stage):
        _text(cell, value.label)
    elif isinstance(value, Enum):
        _text(cell, value.value)
    elif isinstance(value, Decimal):
        _number_or_text(cell, value, format(value, "f"))
    elif isinstance(value, int):
        cell.value = value
    else:
        _text(cell, str(value))


def _number_or_text(cell, number: Decimal, text: str) -> None:
    """A number where Excel keeps the Decimal exactly, else the exact text.

    Excel shows and re-saves 15 significant digits (openpyxl writes 16), so a number with more
    digits would come back changed after a user saves the file: it is written as text instead.
    """
    as_float = float(number)
    if not number.is_finite() or Decimal(f"{as_float:.15g}") != number:
        _text(cell, text)
    elif number == number.to_integral_value():
        cell.value = int(number)
    else:
        cell.value = as_float


def text_cell(cell, text: str):
    """Write a user's text as a string cell: never a formula, whatever it starts with (=, +, -, @).

    The one writer of user text for every workbook jixiao makes (render.xlsx_style re-exports it); read back,
    the cell is the same text, less the control characters XLSX cannot store."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
    return cell


_text = text_cell


def _value_check(ws, field: Field, ref: str) -> None:
    """Excel's own check of a typed value: 年度 a year, 分值/得分 0–100, amounts numbers ≥ 0 (warning only)."""
    if field.key == "year":
        rule = DataValidation(type="whole", operator="between", formula1=str(YEAR_RANGE[0]),
                              formula2=str(YEAR_RANGE[1]), allow_blank=True)
        rule.errorTitle, rule.error = "年度无效", f"年度填四位数字，如 2023（{YEAR_RANGE[0]}–{YEAR_RANGE[1]}）"
    elif field.key in SCORE_KEYS:
        rule = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
        rule.errorTitle, rule.error = "分值无效", "分值、得分填 0 到 100 之间的数字，如 10 或 9.5"
    elif field.type is MONEY:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        rule.errorStyle = "warning"  # “912000元” (an amount in the other unit) is allowed text: confirm to keep it
        rule.errorTitle = "金额应为数字"
        rule.error = ("金额只填数字，单位以“基本信息”的金额单位为准（如 27.80）。"
                      "个别金额单位不同时可写成“278000元”：确认无误请点“是”")
    else:
        return
    rule.showErrorMessage = True
    ws.add_data_validation(rule)
    rule.add(ref)


def _validation(ws, choices: tuple[str, ...], ref: str, free_entry: bool, title: str = "") -> None:
    rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    rule.showDropDown = False  # openpyxl's flag is inverted: False shows the drop-down arrow
    if free_entry:  # the list suggests; another value is kept after the clerk confirms it
        rule.showErrorMessage, rule.errorStyle = True, "information"
        rule.errorTitle, rule.error = title, f"“{title}”不在下拉列表中：确认使用请点“确定”，读取时原样保留"
        rule.prompt, rule.promptTitle, rule.showInputMessage = f"可从列表选择，也可直接输入其他{title}", title, True
    else:
        rule.showErrorMessage = True
        rule.errorTitle, rule.error = "取值无效", "请从下拉列表中选择：" + "、".join(choices)
    ws.add_data_validation(rule)
    rule.add(ref)

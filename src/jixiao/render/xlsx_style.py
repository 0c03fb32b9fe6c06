"""Cell styling and page set-up for the 自评表: borders, fonts, merged cells, A4 landscape."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..load.xlsx_write import text_cell  # the one writer of user text in any workbook (re-exported here)

# A: the block label (项目资金 / 年度总体目标 / 绩效指标) merged down its block, as on the real forms;
# B–F: 一级, 二级, 三级, 年度指标值, 实际完成值; G–I: 分值, 得分 (the unit's), 复核得分 (jixiao's); J: 偏差原因.
COLUMNS = 10
WIDTHS = (7, 13, 15, 24, 14, 14, 8, 8, 9, 28)
MONEY = "0.00"
RATE = "0.00%"
SCORE = "0.00"

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TITLE_FONT = Font(name="黑体", size=16)
HEAD_FONT = Font(name="宋体", size=11, bold=True)
CELL_FONT = Font(name="宋体", size=11)
NOTE_FONT = Font(name="宋体", size=10)
HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
REVIEW_FILL = PatternFill("solid", fgColor="EAF1FB")  # 复核得分: jixiao's figures, set apart from the unit's
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")


def setup_sheet(ws: Worksheet) -> None:
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def title(ws: Worksheet, row: int, text: str, size: int = 16) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
    cell = ws.cell(row, 1)
    text_cell(cell, text)
    cell.font, cell.alignment = Font(name=TITLE_FONT.name, size=size), CENTER
    ws.row_dimensions[row].height = 30 if size >= 16 else 20


def note(ws: Worksheet, row: int, text: str, *, col: int = 1, span: int = COLUMNS, align: Alignment = LEFT) -> None:
    """A line outside the borders: 注, 填报人 and date lines."""
    if span > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + span - 1)
    cell = ws.cell(row, col)
    text_cell(cell, text)
    cell.font, cell.alignment = NOTE_FONT, align
    fit_text(ws, row, text, chars_per_line=max(1, int(sum(WIDTHS[col - 1:col - 1 + span]) / 2.1)))


def write_value(cell, value) -> None:
    """Text as text (never a formula), Decimals as numbers, None left empty."""
    if isinstance(value, str):
        text_cell(cell, value)
    elif isinstance(value, Decimal):
        cell.value = int(value) if value == value.to_integral_value() else float(value)
    elif value is not None:
        cell.value = value


def table_cell(ws: Worksheet, row: int, col: int, value, **kwargs) -> None:
    """A bordered cell of a list table (汇总表, 结果应用表): unlike `put`, rows are not sized for the 自评表's
    ten columns; these tables have their own widths and let Excel wrap."""
    write_value(ws.cell(row, col), value)
    style(ws, row, col, **kwargs)


def table_sheet(sheet: str, heading: str, heads: tuple[str, ...], widths: tuple[int, ...]):
    """A workbook with one list table: its column widths, the title over all columns, the header row (row 2)."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(heads))
    text_cell(ws.cell(1, 1), heading)
    ws.cell(1, 1).alignment, ws.cell(1, 1).font = CENTER, TITLE_FONT
    ws.row_dimensions[1].height = 30
    for col, head in enumerate(heads, 1):
        table_cell(ws, 2, col, head, head=True)
    return wb, ws


def put(ws: Worksheet, row: int, col: int, value, *, head: bool = False, span: int = 1,
        rows: int = 1, fmt: str | None = None, align: Alignment | None = None, review: bool = False) -> None:
    """Write a bordered cell (text as text, numbers as numbers), merged over `span` × `rows` when asked.

    Formulas are written by xlsx_cache.Formulas, never through here: a string is always text.
    """
    if span > 1 or rows > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + span - 1)
    write_value(ws.cell(row, col), value)
    style(ws, row, col, head=head, span=span, rows=rows, fmt=fmt, align=align, review=review)
    if isinstance(value, str) and rows == 1:
        fit_text(ws, row, value, chars_per_line=max(1, int(sum(WIDTHS[col - 1:col - 1 + span]) / 2.1)))


def style(ws: Worksheet, row: int, col: int, *, head: bool = False, span: int = 1, rows: int = 1,
          fmt: str | None = None, align: Alignment | None = None, review: bool = False) -> None:
    """Font, alignment, fill and borders of a (merged) cell."""
    cell = ws.cell(row, col)
    cell.font = HEAD_FONT if head else CELL_FONT
    cell.alignment = align or CENTER
    if head:
        cell.fill = HEAD_FILL
    elif review:
        cell.fill = REVIEW_FILL
    if fmt:
        cell.number_format = fmt
    for r in range(row, row + rows):
        for c in range(col, col + span):
            ws.cell(r, c).border = BORDER


def fit_text(ws: Worksheet, row: int, text: str, chars_per_line: int, line_height: float = 15) -> None:
    """Make a row tall enough for wrapped text (Excel does not grow merged rows by itself)."""
    lines = sum(max(1, -(-len(part) // chars_per_line)) for part in (text or "").split("\n"))
    if lines > 1:
        ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, lines * line_height + 4)


def page_setup(ws: Worksheet, last_row: int, title_rows: str | None = None) -> None:
    """A4 landscape, one page wide, header rows repeated, print area exactly the form.

    The bottom margin leaves room for the footer (第 N 页，共 M 页) below the table: LibreOffice and
    Excel place the footer inside the bottom margin and clip it when the margin is too small.
    """
    ws.print_area = f"A1:{get_column_letter(COLUMNS)}{last_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.header = 0.7, 0.3
    ws.page_margins.bottom, ws.page_margins.footer = 0.9, 0.35
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 10
    if title_rows:
        ws.print_title_rows = title_rows

"""Cell styling and page set-up for the 自评表: borders, fonts, merged cells, A4 landscape."""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..load.xlsx_write import text_cell  # the one writer of user text in any workbook (re-exported here)


COLUMNS = 8  # A–H: the indicator block is the widest part of the canonical form
WIDTHS = (12, 14, 24, 14, 14, 9, 9, 34)
MONEY = "0.00"
RATE = "0.00%"
SCORE = "0.00"

_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TITLE_FONT = Font(name="黑体", size=16)
HEAD_FONT = Font(name="宋体", size=11, bold=True)
CELL_FONT = Font(name="宋体", size=11)
HEAD_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")


class Formula(str):
    """A formula the project computes (=SUM(...), execution rates). Only these are written as formulas."""


def _set(cell: Cell, value) -> None:
    if isinstance(value, Formula):
        cell.value = str(value)
    elif isinstance(value, str):
        text_cell(cell, value)
    else:
        cell.value = value


def setup_sheet(ws: Worksheet) -> None:
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def title(ws: Worksheet, row: int, text: str) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=COLUMNS)
    cell = text_cell(ws.cell(row, 1), text)
    cell.font, cell.alignment = TITLE_FONT, CENTER
    ws.row_dimensions[row].height = 30


def note(ws: Worksheet, row: int, text: str) -> None:
    """A line above a block, outside the borders (单位：万元)."""
    cell = text_cell(ws.cell(row, COLUMNS), text)
    cell.font, cell.alignment = CELL_FONT, RIGHT


def put(ws: Worksheet, row: int, col: int, value, *, head: bool = False, span: int = 1,
        rows: int = 1, fmt: str | None = None, align: Alignment | None = None) -> None:
    """Write a bordered cell, merged over `span` columns and `rows` rows when asked.

    A str is text (text_cell), a Formula is a formula, anything else (numbers, None) is written as it is."""
    if span > 1 or rows > 1:
        ws.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + span - 1)
    cell = ws.cell(row, col)
    _set(cell, value)
    cell.font = HEAD_FONT if head else CELL_FONT
    cell.alignment = align or CENTER
    if head:
        cell.fill = HEAD_FILL
    if fmt:
        cell.number_format = fmt
    if isinstance(value, str) and not isinstance(value, Formula) and rows == 1:
        fit_text(ws, row, value, chars_per_line=max(1, int(sum(WIDTHS[col - 1:col - 1 + span]) / 2.1)))
    for r in range(row, row + rows):
        for c in range(col, col + span):
            ws.cell(r, c).border = BORDER


def fit_text(ws: Worksheet, row: int, text: str, chars_per_line: int, line_height: float = 15) -> None:
    """Make a row tall enough for wrapped text (Excel does not grow merged rows by itself)."""
    lines = max(1, -(-len(text or "") // chars_per_line))
    if lines > 1:
        ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, lines * line_height + 4)


def page_setup(ws: Worksheet, last_row: int) -> None:
    """A4 landscape, one page wide, header rows repeated, print area exactly the form."""
    ws.print_area = f"A1:{get_column_letter(COLUMNS)}{last_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


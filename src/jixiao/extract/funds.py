"""The funding table of a 自评表: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, one row per source.

The header gives the column order; each row label (年度资金总额, 其中:财政拨款, 上年结转资金 …) is
followed by its cells. Rows of space-separated tables lose their empty cells, which only ever
trail, so values are read left to right against the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .facts import TABLE_COLUMN, Fact
from .normalize import rate_percent, to_decimal
from .tokens import Cell, is_number

_COLUMNS = [  # (header word, column kind), first hit wins for a header cell
    ("年初预算", "initial"), ("调整后预算", "budget"), ("全年预算", "budget"), ("执行率", "rate"),
    ("执行数", "executed"), ("全年执行", "executed"), ("分值", "weight"), ("权重", "weight"), ("得分", "score"),
]
TOTAL_LABELS = ("年度资金总额", "资金总额", "总额", "合计")
_ROW = re.compile(r"^(?:其中[:]?)?\s*(?P<label>年度资金总额|资金总额|总额|(?:本年|当年)?财政拨款|财政资金|"
                  r"上年结转资金|上年结转|财政专户管理资金|单位资金|其他资金|自有资金|社会资金)[:]?$")


@dataclass
class FundRow:
    label: str
    values: dict[str, Fact]  # column kind → Fact


def read_fund_table(doc: Document, cells: list[Cell]) -> list[FundRow]:
    header = _header(cells)
    if header is None:
        return []
    columns, i = header
    rows: list[FundRow] = []
    while i < len(cells) and i < header[1] + 200:
        m = _ROW.match(cells[i].text)
        if not m:
            if rows and cells[i].text and not cells[i].empty and not is_number(cells[i]) and _ends_table(cells[i]):
                break
            i += 1
            continue
        values, i = _row_values(doc, cells, i + 1, columns)
        rows.append(FundRow(m.group("label"), values))
    return rows


def _ends_table(cell: Cell) -> bool:
    return any(w in cell.text for w in ("年度总体目标", "绩效指标", "一级指标"))


def _header(cells: list[Cell]) -> tuple[list[str], int] | None:
    for i, cell in enumerate(cells):
        if "年初预算" not in cell.text:
            continue
        columns, j = [], i
        while j < len(cells) and j < i + 12 and not _ROW.match(cells[j].text):
            kind = next((k for word, k in _COLUMNS if word in cells[j].text), None)
            if kind:
                columns.append(kind)
            j += 1
        if "budget" in columns or "executed" in columns:
            return columns, j
    return None


def _row_values(doc: Document, cells: list[Cell], i: int, columns: list[str]) -> tuple[dict[str, Fact], int]:
    values: dict[str, Fact] = {}
    col = 0
    while i < len(cells) and col < len(columns):
        cell = cells[i]
        if cell.piped and cell.empty:
            col, i = col + 1, i + 1
            continue
        if not is_number(cell):
            break
        kind = columns[col]
        number = rate_percent(cell.text) if kind == "rate" else to_decimal(cell.text.rstrip("%"))
        if number is not None:
            values[kind] = doc.fact(number, cell.start, cell.end, TABLE_COLUMN)
        col, i = col + 1, i + 1
    return values, i

"""Indicators from a flattened 绩效指标 table.

Two readings:
- by column, when cells come from a `|` table that keeps empty cells: the header (一级指标 | 二级指标 |
  三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 …) says which cell is which;
- by guess, for space-separated rows whose empty cells are lost: a row ends with two plain numbers
  (分值, 得分), and the three cells before them are name, 年度指标值 and 实际完成值.
"""

from __future__ import annotations

import re

from .document import Document
from .facts import TABLE_COLUMN, TABLE_GUESS, Fact, IndicatorFacts
from .normalize import clean, to_decimal
from .tokens import Cell, is_number
from .verdict import met_from_values

LEVEL1 = re.compile(r"^(?P<l>产出|效益|满意度|成本)指标(?:\(\d+(?:\.\d+)?分\))?$")
LEVEL2 = re.compile(r"^(?P<l>数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度|"
                    r"经济成本|社会成本|生态环境成本)指标(?:\(\d+(?:\.\d+)?分\))?$")
_END = re.compile(r"^(?:合计|总分|总计|评价结论|存在问题|改进措施|项目负责人)")
_NAME_PREFIX = re.compile(r"^指标\d+[:.、]?")
_HEADER_KINDS = [("一级", "level1"), ("二级", "level2"), ("三级", "name"), ("指标性质", "op"),
                 ("实施周期", "period_target"), ("年度指标值", "target"), ("指标值", "target"),
                 ("度量单位", "unit"), ("计量单位", "unit"), ("完成值", "actual"), ("实际", "actual"),
                 ("分值", "weight"), ("权重", "weight"), ("得分", "score"), ("原因", "deviation"),
                 ("年度", "target")]


def read_indicator_table(doc: Document, cells: list[Cell]) -> list[IndicatorFacts]:
    for i, cell in enumerate(cells):
        if cell.text.startswith("三级指标") or cell.text == "三级":
            columns, body = _header(cells, i)
            if cell.piped and "name" in columns and "weight" in columns:
                return _by_column(doc, cells, body, columns)
            return guess_rows(doc, cells, body)
    return []


def _header(cells: list[Cell], i: int) -> tuple[list[str], int]:
    """Header column kinds and the index of the first body cell (the first 一级/二级 label)."""
    start = i
    while start > 0 and i - start < 3 and not cells[start].text.startswith("一级"):
        start -= 1
    columns: list[str] = []
    j = start
    while j < len(cells) and not (LEVEL1.match(cells[j].text) or LEVEL2.match(cells[j].text)) and j < start + 20:
        kind = next((k for word, k in _HEADER_KINDS if word in cells[j].text), None)
        if kind and (kind not in columns or kind == "target" and "period_target" in columns):
            columns.append(kind)
        j += 1
    return columns, j


def _by_column(doc: Document, cells: list[Cell], i: int, columns: list[str]) -> list[IndicatorFacts]:
    out: list[IndicatorFacts] = []
    while i < len(cells) and not _END.match(cells[i].text):
        first = cells[i].text
        offset = 0 if LEVEL1.match(first) else 1 if LEVEL2.match(first) else 2
        row_kinds = columns[offset:] if columns[:1] == ["level1"] else columns
        row = cells[i:i + len(row_kinds)]
        i += len(row_kinds)
        ind = _column_row(doc, dict(zip(row_kinds, row)))
        if ind is not None:
            out.append(ind)
    return out


def _column_row(doc: Document, row: dict[str, Cell]) -> IndicatorFacts | None:
    name = row.get("name")
    if name is None or name.empty:
        return None
    ind = IndicatorFacts(name=_text_fact(doc, name, _NAME_PREFIX.sub("", name.text)))
    for kind in ("level1", "level2"):
        if kind in row and not row[kind].empty:
            setattr(ind, kind, _text_fact(doc, row[kind], row[kind].text))
    target = row.get("target")
    if target is not None and not target.empty:
        op = row["op"].text if "op" in row and not row["op"].empty else ""
        unit = row["unit"].text if "unit" in row and not row["unit"].empty else ""
        value = target.text if target.text.endswith(unit) else target.text + unit
        ind.target = _text_fact(doc, target, op + value)
    for kind in ("period_target", "actual"):
        if kind in row and not row[kind].empty:
            setattr(ind, kind, _text_fact(doc, row[kind], row[kind].text))
    for kind in ("weight", "score"):
        if kind in row and is_number(row[kind]):
            setattr(ind, kind, doc.fact(to_decimal(row[kind].text), row[kind].start, row[kind].end, TABLE_COLUMN))
    ind.met = met_from_values(ind)
    return ind


def guess_rows(doc: Document, cells: list[Cell], i: int) -> list[IndicatorFacts]:
    out: list[IndicatorFacts] = []
    pending: list[Cell] = []
    levels: dict[str, Cell] = {}
    while i < len(cells) and not _END.match(cells[i].text):
        cell = cells[i]
        i += 1
        if cell.empty:
            continue
        if LEVEL1.match(cell.text):  # a label is never a value: what was pending was not a row
            levels, pending = {"level1": cell}, []
            continue
        if LEVEL2.match(cell.text):
            levels["level2"], pending = cell, []
            continue
        pending.append(cell)
        if len(pending) >= 5 and _plain_number(pending[-1]) and _plain_number(pending[-2]):
            out.append(_guessed_row(doc, pending[-5:], levels))
            pending = []
    return out


def _plain_number(cell: Cell) -> bool:
    return is_number(cell) and not cell.text.endswith("%")


def _guessed_row(doc: Document, row: list[Cell], levels: dict[str, Cell]) -> IndicatorFacts:
    name, target, actual, weight, score = row
    ind = IndicatorFacts(
        name=_text_fact(doc, name, _NAME_PREFIX.sub("", name.text), TABLE_GUESS),
        target=_text_fact(doc, target, target.text, TABLE_GUESS),
        actual=_text_fact(doc, actual, actual.text, TABLE_GUESS),
        weight=doc.fact(to_decimal(weight.text), weight.start, weight.end, TABLE_GUESS),
        score=doc.fact(to_decimal(score.text), score.start, score.end, TABLE_GUESS),
    )
    for kind, cell in levels.items():
        setattr(ind, kind, _text_fact(doc, cell, cell.text, TABLE_GUESS))
    ind.met = met_from_values(ind)
    return ind


def _text_fact(doc: Document, cell: Cell, text: str, confidence: float = TABLE_COLUMN) -> Fact:
    return doc.fact(clean(text, strip=" |\\") or text, cell.start, cell.end, confidence)

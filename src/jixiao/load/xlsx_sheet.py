"""One sheet of a filled Excel template: its header row, its rows as located values, and cell conversion.

Used by jixiao.load.xlsx, which reads the workbook and assembles the sheets into one tree.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from ..model import Location
from ..model.catalogue import finding
from .build import normalize_key
from .fieldtypes import STR, FieldType
from .tree import Node
from .xlsx_formats import date_as_shown, date_of
from .xlsx_layout import FILLED_DOWN, HEADER_SCAN_ROWS, NUMBER, TASK_REF, Column, Sheet, field_at
from .xlsx_merges import merges


def has_values(ws) -> bool:
    return any(not is_blank(cell) for row in ws.iter_rows(max_row=min(ws.max_row, 200)) for cell in row)


MAX_ROWS = 5000  # rows read per sheet; a self-evaluation has at most a few hundred indicators


class SheetReader:
    """One sheet: finds its header row, then yields its rows as located values."""

    def __init__(self, ws, spec: Sheet, file: str, findings: list):
        self.ws, self.spec, self.file, self.findings = ws, spec, file, findings
        self.sheet_location = Location(file=file, sheet=ws.title)
        self.columns: dict[int, Column] = {}  # 1-based column index → template column
        self.header_row = 0
        self._covered: dict | None = None  # (row, column) → the merge whose value the cell takes

    def loc(self, cell) -> Location:
        return Location(file=self.file, sheet=self.ws.title, cell=cell.coordinate) if cell is not None else self.sheet_location

    def _structure(self, reason: str) -> bool:
        self.findings.append(finding("JX-L009", location=self.sheet_location, reason=reason))
        return False

    def find_header(self) -> bool:
        """The first of the top rows that holds a required header; every required header must be there."""
        # A header as the template writes it names exactly one column; other spellings go to the first column
        # that accepts them (several nested amount columns share the name 年初预算数).
        names: dict[str, Column] = {}
        for c in self.spec.columns:
            for n in c.names[1:]:
                names.setdefault(normalize_key(n), c)
        names.update({normalize_key(c.header): c for c in self.spec.columns})
        required = [c for c in self.spec.columns if c.required]
        for row in self.ws.iter_rows(min_row=1, max_row=min(self.ws.max_row, HEADER_SCAN_ROWS)):
            matched = {cell.column: names.get(normalize_key(cell.value)) for cell in row if not is_blank(cell)}
            if not any(c in required for c in matched.values()):
                continue
            self.header_row = row[0].row
            for cell in row:
                if not is_blank(cell) and matched.get(cell.column) is None:
                    self.findings.append(finding("JX-L003", location=self.loc(cell), key=text_of(cell),
                                                 suggestion=f"（表头无法识别，该列不会被读取）；本表的表头为：{'、'.join(c.header for c in self.spec.columns)}"))
            self.columns = {i: c for i, c in matched.items() if c is not None}
            missing = [c.header for c in required if c not in self.columns.values()]
            if missing:
                return self._structure(f"工作表“{self.ws.title}”缺少表头“{'、'.join(missing)}”：请不要删除或改动模板的表头")
            return True
        headers = "、".join(c.header for c in required)
        return self._structure(f"工作表“{self.ws.title}”的前 {HEADER_SCAN_ROWS} 行中找不到表头（应有：{headers}）")

    def _data_rows(self):
        last = self.ws.max_row
        if last - self.header_row > MAX_ROWS:
            self.findings.append(finding("JX-L007", location=self.sheet_location,
                                         reason=f"工作表“{self.ws.title}”超过 {MAX_ROWS} 行，只读取前 {MAX_ROWS} 行"))
            last = self.header_row + MAX_ROWS
        return self.ws.iter_rows(min_row=self.header_row + 1, max_row=last)

    def _merged(self) -> dict:
        """Merged labels filled down, once per sheet; other merges over data rows are reported by range."""
        if self._covered is None:
            fill = {i for i, c in self.columns.items() if c.path in FILLED_DOWN}
            self._covered, unreadable = merges(self.ws, self.header_row, fill, set(self.columns))
            for merge in unreadable:
                self.findings.append(finding(
                    "JX-L011", location=Location(file=self.file, sheet=self.ws.title, cell=merge.ref), ref=merge.ref,
                    anchor=merge.anchor.coordinate))
        return self._covered

    def rows(self):
        """Non-empty data rows as (cells by column path, located values by column path).

        A cell under a merged 一级/二级/任务序号 takes the merge's value (located at its top-left cell); a row
        that holds nothing but such filled labels is still empty."""
        covered = self._merged()
        for row in self._data_rows():
            cells = {self.columns[cell.column].path: cell for cell in row if cell.column in self.columns}
            content = [p for p, cell in cells.items() if p not in (NUMBER, TASK_REF) and not is_blank(cell)]
            if not content:
                continue
            for cell in row:
                merge = covered.get((cell.row, cell.column))
                if merge is not None and cell.column in self.columns and is_blank(cell):
                    cells[self.columns[cell.column].path] = merge.anchor
                    if self.columns[cell.column].path not in (NUMBER, TASK_REF):
                        content.append(self.columns[cell.column].path)
            yield cells, {p: Node(cell_value(cells[p], _type_of(p)), self.loc(cells[p])) for p in content}

    def record(self, cells: dict, nodes_by_path: dict[str, Node]) -> Node:
        """One task or indicator row as a mapping keyed like the input format, located at its name cell."""
        anchor = next((c.path for c in self.spec.columns if c.required and not c.path.startswith("#")), None)
        where = self.loc(cells.get(anchor)) if anchor else self.sheet_location
        record = Node({}, where)
        keys = {c.path: c.row_path for c in self.spec.columns}
        for path, node in nodes_by_path.items():
            if path.startswith("#"):
                continue
            *parents, key = keys[path]
            target = record
            for part in parents:  # a nested field (by_source.other.budget): mappings located at the row
                if part not in target.value:
                    target.value[part] = Node({}, where)
                    target.key_locations[part] = where
                target = target.value[part]
            target.value[key] = node
            target.key_locations[key] = node.location
        return record

    def pairs(self):
        """字段/值 rows as (field path, label location, located value)."""
        by_label = {normalize_key(n): pair for pair in self.spec.pairs
                    for n in (*pair.field.zh, pair.field.key, pair.path)}
        index = {c.path: i for i, c in self.columns.items()}
        seen: set[str] = set()
        for row in self._data_rows():
            cells = {cell.column: cell for cell in row}
            label, value = cells.get(index["#label"]), cells.get(index["#value"])
            if is_blank(label):
                if not is_blank(value):
                    self._error("JX-L002", value, reason="这一行填了值，但“字段”列是空的：请填写字段名称")
                continue
            pair = by_label.get(normalize_key(label.value))
            if pair is None:
                known = "、".join(p.label for p in self.spec.pairs)
                self._error("JX-L003", label, key=text_of(label), suggestion=f"；本表的字段为：{known}")
                continue
            if pair.path in seen:
                self._error("JX-L002", label, reason=f"字段“{pair.label}”重复出现")
                continue
            seen.add(pair.path)
            if not is_blank(value):
                yield pair.path, self.loc(label), Node(cell_value(value, pair.field.type), self.loc(value))

    def _error(self, code: str, cell, **params) -> None:
        self.findings.append(finding(code, location=self.loc(cell), **params))


# -- cell values -------------------------------------------------------------------------------
def _type_of(path: str) -> FieldType:
    if path.startswith("#"):
        return STR
    return field_at(path).type


def is_blank(cell) -> bool:
    return cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())


def text_of(cell) -> str:
    if is_blank(cell):
        return ""
    value = cell_value(cell, STR)
    return value if isinstance(value, str) else _plain_number(value)


def task_ref(cell) -> str:
    """A task number as text, so that 1, 1.0, "1" and "１" name the same task."""
    value = cell_value(cell, STR)
    if isinstance(value, (int, Decimal)):
        return _plain_number(Decimal(value))
    return unicodedata.normalize("NFKC", str(value)).strip()


def is_percent_format(number_format: str | None) -> bool:
    """Whether Excel shows the value ×100 with a % sign (a % inside quotes is literal text)."""
    if not number_format:
        return False
    unquoted = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in unquoted


def cell_value(cell, field_type: FieldType):
    """A cell's value for the builder: exact Decimals for numbers, text kept as text.

    A percent-formatted number is the ratio Excel stores for what it shows (0.98 shown as 98%):
    it becomes the text "98%" for a target or actual, and 98 for a rate.
    """
    value = cell.value
    if value is None or isinstance(value, (bool, str)):
        return value
    when = date_of(cell)
    if when is not None:  # as the number format shows it: 2022年12月 is a month, not 2022-12-01
        return date_as_shown(cell, when)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (int, float)):
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        if field_type.from_percent_cell is not None and is_percent_format(cell.number_format):
            return field_type.from_percent_cell(tidy(number * 100))
        places = field_type.cell_places
        if places is not None and number.as_tuple().exponent > -places:
            return number.quantize(Decimal(1).scaleb(-places))  # amounts as reports write them: 91.2 → 91.20
        return value if isinstance(value, int) else number
    return str(value)


def tidy(number: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent form: 98.500 → 98.5, 100.00 → 100."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def _plain_number(number) -> str:
    return format(number, "f") if isinstance(number, Decimal) else str(number)

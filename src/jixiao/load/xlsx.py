"""Read a filled Excel template: workbook → located tree (sheet and cell) → the same builder as YAML.

Every value keeps its cell, so findings point at `模板.xlsx:绩效指标!F12`. A file that is not a
workbook, is damaged or does not follow the template gives a finding, never a traceback.
"""

from __future__ import annotations

import math
import re
import unicodedata
import warnings
import zipfile
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from ..model import Location
from ..model.catalogue import finding
from .build import build, normalize_key
from .reader import LoadResult
from .tree import Node
from .xlsx_layout import (
    CATEGORY, CATEGORY_KEYS, DATA_SHEETS, GUIDE_SHEET, HEADER_SCAN_ROWS, ITEM, NUMBER, TASK_REF, Column, Sheet,
    field_at,
)

MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a filled template unpacks to well under 1 MB; more is a zip bomb
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003) and password-protected workbooks


def load_xlsx(path: str | Path) -> LoadResult:
    """Load a filled template into an Evaluation with findings."""
    name = str(path)
    problem = _check_container(Path(path), name)
    if problem:
        return problem
    try:
        import openpyxl

        with warnings.catch_warnings():  # openpyxl warns in English about features it drops; irrelevant here
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged file can fail anywhere inside openpyxl
        return _fail(name, f"Excel 文件已损坏或不是有效的 .xlsx 工作簿，无法读取（{type(exc).__name__}）。"
                           "请在 Excel 或 WPS 中打开后“另存为 Excel 工作簿（.xlsx）”再试", "JX-L002")
    try:
        reader = WorkbookReader(name)
        root = reader.read(workbook)
    finally:
        workbook.close()
    if root is None:
        return LoadResult(None, reader.findings)
    evaluation, built = build(root, name)
    return LoadResult(evaluation, reader.findings + built)


def _fail(file: str, reason: str, code: str = "JX-L001") -> LoadResult:
    return LoadResult(None, [finding(code, location=Location(file=file), reason=reason)])


def _check_container(path: Path, name: str) -> LoadResult | None:
    """Reject what is not an .xlsx package before openpyxl sees it, with a reason a user can act on."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        return _fail(name, f"无法读取文件：{exc.strerror}")
    if not head.strip():
        return _fail(name, "文件是空的：没有任何内容")
    if head.startswith(_OLE_MAGIC):
        return _fail(name, "这是旧版 Excel 97-2003（.xls）文件或设置了打开密码的工作簿：请取消密码，"
                           "并在 Excel 或 WPS 中“另存为 Excel 工作簿（.xlsx）”")
    if not zipfile.is_zipfile(path):
        if _looks_like_text(head):
            return _fail(name, "这不是 Excel 文件，而是扩展名被改成 .xlsx 的文本文件：YAML/JSON 请使用 .yaml 或 .json 扩展名")
        return _fail(name, "Excel 文件已损坏或不完整（不是有效的 .xlsx 压缩包），请重新保存或重新下载", "JX-L002")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return _fail(name, "Excel 文件已损坏或不完整，无法解压，请重新保存或重新下载", "JX-L002")
    if "xl/workbook.xml" not in names:
        return _fail(name, "这是一个压缩包，但里面没有 Excel 工作簿（缺少 xl/workbook.xml）：请提供 .xlsx 文件", "JX-L002")
    if unpacked > MAX_UNPACKED_BYTES:
        return _fail(name, f"Excel 文件解压后超过 {MAX_UNPACKED_BYTES // 1024 // 1024} MB，超出上限", "JX-L007")
    return None


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start > len(head) - 4:  # a character cut at the end of the sample
                return True
    return False


class WorkbookReader:
    """Turns the sheets of a workbook into one located tree in the input format's shape."""

    def __init__(self, file: str):
        self.file = file
        self.findings: list = []
        self.root = Node({}, Location(file=file))
        self.tasks: dict[str, Node] = {}  # task number (序号) → task mapping, for 所属任务序号

    def add(self, code: str, loc: Location, **params: object) -> None:
        self.findings.append(finding(code, location=loc, **params))

    def read(self, workbook) -> Node | None:
        sheets = self._match_sheets(workbook)
        readers = {}
        for spec in DATA_SHEETS:
            if spec.name not in sheets:
                if spec.required:
                    self.add("JX-L009", Location(file=self.file, sheet=spec.name),
                             reason=f"缺少工作表“{spec.name}”：请使用 jixiao template 生成的模板，不要删除或改名工作表")
                continue
            reader = SheetReader(sheets[spec.name], spec, self.file, self.findings)
            if reader.find_header():  # else JX-L009 is reported
                readers[spec.name] = reader
        if any(f.code == "JX-L009" for f in self.findings):
            return None  # the workbook does not follow the template: reading on would only mislead
        self.root.location = Location(file=self.file, sheet=DATA_SHEETS[0].name)
        for spec in DATA_SHEETS:
            if spec.name in readers:
                self._read_sheet(readers[spec.name], spec)
        return self.root

    def _match_sheets(self, workbook) -> dict:
        by_name = {normalize_key(n): spec for spec in DATA_SHEETS for n in spec.names}
        found: dict = {}
        for ws in workbook.worksheets:
            key = normalize_key(ws.title)
            spec = by_name.get(key)
            where = Location(file=self.file, sheet=ws.title)
            if key == normalize_key(GUIDE_SHEET):
                continue
            if spec is None:
                if _has_values(ws):
                    known = "、".join(s.name for s in DATA_SHEETS)
                    self.add("JX-L003", where, key=ws.title,
                             suggestion=f"（这是一个工作表，其中内容不会被读取）；模板的工作表为：{known}。请把内容移到对应工作表后删除它")
                continue
            if spec.name in found:
                self.add("JX-L002", where, reason=f"工作表“{ws.title}”与“{found[spec.name].title}”重复，只能保留一个")
                continue
            found[spec.name] = ws
        return found

    # -- building the tree ---------------------------------------------------------------------
    def _read_sheet(self, reader: SheetReader, spec: Sheet) -> None:
        if spec.form == "pairs":
            for path, label_loc, node in reader.pairs():
                self._put(path, node, label_loc, reader.sheet_location)
        elif spec.name == "重点任务":
            self._tasks(reader)
        elif spec.name == "绩效指标":
            self._indicators(reader)
        elif spec.name == "结论与问题":
            self._categorized(reader)
        else:
            column = spec.columns[0]
            items = [nodes[column.path] for _, nodes in reader.rows() if column.path in nodes]
            if items:
                self._put(column.path, Node(items, reader.sheet_location), reader.sheet_location, reader.sheet_location)

    def _put(self, path: str, node: Node, key_loc: Location, parent_loc: Location) -> None:
        """Place a value at a dotted path, creating the mappings on the way (located at the sheet)."""
        *parents, key = path.split(".")
        target = self.root
        for part in parents:
            if part not in target.value:
                target.value[part] = Node({}, parent_loc)
                target.key_locations[part] = parent_loc
            target = target.value[part]
        target.value[key] = node
        target.key_locations[key] = key_loc

    def _tasks(self, reader: SheetReader) -> None:
        nodes = []
        for index, (cells, nodes_by_path) in enumerate(reader.rows()):
            number_cell = cells.get(NUMBER)
            ref = task_ref(number_cell) if not is_blank(number_cell) else str(index + 1)
            if ref in self.tasks:
                self.add("JX-L002", reader.loc(number_cell), reason=f"“重点任务”表的序号“{ref}”重复，序号不能重复")
                continue
            node = reader.record(cells, nodes_by_path)
            self.tasks[ref] = node
            nodes.append(node)
        if nodes:
            self._put("tasks", Node(nodes, reader.sheet_location), reader.sheet_location, reader.sheet_location)

    def _indicators(self, reader: SheetReader) -> None:
        for cells, nodes_by_path in reader.rows():
            task = self._task_for(cells.get(TASK_REF), reader)
            if task is None:
                continue
            if "indicators" not in task.value:
                task.value["indicators"] = Node([], reader.sheet_location)
            task.value["indicators"].value.append(reader.record(cells, nodes_by_path))

    def _task_for(self, ref_cell, reader: SheetReader) -> Node | None:
        tasks = self.tasks
        if is_blank(ref_cell):
            if len(tasks) == 1:
                return next(iter(tasks.values()))
            self.add("JX-L004", reader.loc(ref_cell), field="绩效指标 所属任务序号（有多项任务或没有任务时必填）")
            return None
        ref = task_ref(ref_cell)
        if ref not in tasks:
            known = "、".join(tasks) or "无（“重点任务”表是空的）"
            self.add("JX-L005", reader.loc(ref_cell), field="绩效指标 所属任务序号",
                     expected=f"“重点任务”表中已有的序号（{known}）", got=ref)
            return None
        return tasks[ref]

    def _categorized(self, reader: SheetReader) -> None:
        spellings = {}
        for label, key in CATEGORY_KEYS.items():
            for name in (label, key, *field_at(key).zh):
                spellings[normalize_key(name)] = key
        lists: dict[str, list[Node]] = {}
        for cells, nodes_by_path in reader.rows():
            category_cell, item = cells.get(CATEGORY), nodes_by_path.get(ITEM)
            key = spellings.get(normalize_key(text_of(category_cell)))
            if key is None:
                self.add("JX-L006", reader.loc(category_cell), field="结论与问题 类别",
                         got=text_of(category_cell) or "（空）", allowed="、".join(CATEGORY_KEYS))
                continue
            if item is not None:
                lists.setdefault(key, []).append(item)
        for key, items in lists.items():
            self._put(key, Node(items, reader.sheet_location), reader.sheet_location, reader.sheet_location)


def _has_values(ws) -> bool:
    return any(not is_blank(cell) for row in ws.iter_rows(max_row=min(ws.max_row, 200)) for cell in row)


MAX_ROWS = 5000  # rows read per sheet; a self-evaluation has at most a few hundred indicators


class SheetReader:
    """One sheet: finds its header row, then yields its rows as located values."""

    def __init__(self, ws, spec: Sheet, file: str, findings: list):
        self.ws, self.spec, self.file, self.findings = ws, spec, file, findings
        self.sheet_location = Location(file=file, sheet=ws.title)
        self.columns: dict[int, Column] = {}  # 1-based column index → template column
        self.header_row = 0

    def loc(self, cell) -> Location:
        return Location(file=self.file, sheet=self.ws.title, cell=cell.coordinate) if cell is not None else self.sheet_location

    def _structure(self, reason: str) -> bool:
        self.findings.append(finding("JX-L009", location=self.sheet_location, reason=reason))
        return False

    def find_header(self) -> bool:
        """The first of the top rows that holds a required header; every required header must be there."""
        names = {normalize_key(n): c for c in self.spec.columns for n in c.names}
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

    def rows(self):
        """Non-empty data rows as (cells by column path, located values by column path)."""
        for row in self._data_rows():
            cells = {self.columns[cell.column].path: cell for cell in row if cell.column in self.columns}
            content = [p for p, cell in cells.items() if p not in (NUMBER, TASK_REF) and not is_blank(cell)]
            if not content:
                continue
            yield cells, {p: Node(cell_value(cells[p], _type_of(p)), self.loc(cells[p])) for p in content}

    def record(self, cells: dict, nodes_by_path: dict[str, Node]) -> Node:
        """One task or indicator row as a mapping keyed like the input format, located at its name cell."""
        values = {p.rsplit(".", 1)[-1]: n for p, n in nodes_by_path.items() if not p.startswith("#")}
        anchor = next((c.path for c in self.spec.columns if c.required and not c.path.startswith("#")), None)
        where = self.loc(cells.get(anchor)) if anchor else self.sheet_location
        return Node(values, where, {k: n.location for k, n in values.items()})

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
def _type_of(path: str) -> str:
    if path.startswith("#"):
        return "str"
    return field_at(path).type


def is_blank(cell) -> bool:
    return cell is None or cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())


def text_of(cell) -> str:
    if is_blank(cell):
        return ""
    value = cell_value(cell, "str")
    return value if isinstance(value, str) else _plain_number(value)


def task_ref(cell) -> str:
    """A task number as text, so that 1, 1.0, "1" and "１" name the same task."""
    value = cell_value(cell, "str")
    if isinstance(value, (int, Decimal)):
        return _plain_number(Decimal(value))
    return unicodedata.normalize("NFKC", str(value)).strip()


def is_percent_format(number_format: str | None) -> bool:
    """Whether Excel shows the value ×100 with a % sign (a % inside quotes is literal text)."""
    if not number_format:
        return False
    unquoted = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in unquoted


def cell_value(cell, field_type: str):
    """A cell's value for the builder: exact Decimals for numbers, text kept as text.

    A percent-formatted number is the ratio Excel stores for what it shows (0.98 shown as 98%):
    it becomes the text "98%" for a target or actual, and 98 for a rate.
    """
    value = cell.value
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (int, float)):
        number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        if field_type in ("quantity", "rate") and is_percent_format(cell.number_format):
            percent = tidy(number * 100)
            return f"{_plain_number(percent)}%" if field_type == "quantity" else percent
        if field_type == "money" and number.as_tuple().exponent > -2:
            return number.quantize(Decimal("0.01"))  # amounts read as reports write them: 91.2 → 91.20, exactly
        return value if isinstance(value, int) else number
    return str(value)


def tidy(number: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent form: 98.500 → 98.5, 100.00 → 100."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def _plain_number(number) -> str:
    return format(number, "f") if isinstance(number, Decimal) else str(number)

"""Read a filled Excel template: workbook → located tree (sheet and cell) → the same builder as YAML.

Every value keeps its cell, so findings point at `模板.xlsx:绩效指标!F12`. A file that is not a
workbook, is damaged or does not follow the template gives a finding, never a traceback.
"""

from __future__ import annotations

import warnings
import zipfile
from decimal import Decimal
from pathlib import Path

from ..model import Location, parse_quantity, rate_from_fraction
from ..model.catalogue import finding
from .build import build, normalize_key
from .reader import LoadResult
from .tree import Node
from .xlsx_layout import CATEGORY, CATEGORY_KEYS, DATA_SHEETS, GUIDE_SHEET, ITEM, NUMBER, TASK_REF, Sheet, field_at
from .xlsx_formats import fraction_in, percent_reading
from .xlsx_sheet import SheetReader, has_values, is_blank, task_ref, text_of, tidy

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
    except Exception:  # noqa: BLE001 - a damaged file can fail anywhere inside openpyxl
        return _fail(name, "Excel 文件已损坏或不是有效的 .xlsx 工作簿，无法读取。"
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


_VALUE_PATHS = tuple(f"tasks[].indicators[].{k}" for k in ("period_target", "target", "actual"))
_UNIT_PATH = "tasks[].indicators[].unit"


def _percent_figure(value: object) -> Decimal | None:
    """The percent a row's other value states (≥95% → 95, 100 under 计量单位 % → 100), for comparison."""
    if isinstance(value, str):
        quantity, _ = parse_quantity(value)
        return quantity.number if quantity is not None and quantity.unit == "%" else None
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    return None


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
                if has_values(ws):
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
            self._percent_fractions(cells, nodes_by_path, reader)
            if "indicators" not in task.value:
                task.value["indicators"] = Node([], reader.sheet_location)
            task.value["indicators"].value.append(reader.record(cells, nodes_by_path))

    def _percent_fractions(self, cells: dict, nodes: dict[str, Node], reader: SheetReader) -> None:
        """0.9586 in a General cell of a percent row is read as the clerk means it (95.86%), saying which cell."""
        values = [p for p in _VALUE_PATHS if p in nodes]
        unit = normalize_key(text_of(cells.get(_UNIT_PATH)))
        if not (unit in ("%", "％") or any("%" in str(nodes[p].value) for p in values)):
            return
        fractions = {p: (cells[p], written) for p in values if (written := fraction_in(cells[p])) is not None}
        if not fractions:
            return
        scale, guess = percent_reading([_percent_figure(nodes[p].value) for p in values if p not in fractions])
        if not scale:
            return
        for path, (cell, written) in fractions.items():
            percent = format(tidy(Decimal(written) * 100), "f")
            nodes[path] = Node(f"{percent}%", nodes[path].location)
            header = field_at(path).label
            if guess:
                self.add("JX-L012", reader.loc(cell), reason=(
                    f"“{header}”是小数 {written}（单元格不是百分比格式），计量单位为 %，同一行没有别的百分数可以对照："
                    f"按 {percent}% 读取；如果是 {written}%，请写成“{written}%”"))
            else:
                _, note = rate_from_fraction(Decimal(written), written)
                self.add("JX-L010", reader.loc(cell), field=f"绩效指标 {header}", note=note)

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

"""Indicators from a flattened 绩效指标 table: find the header, rebuild the rows (grid.py), read each row.

The header's cells say which columns the form has (vocab/tables.yaml, the national and provincial forms):
一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 完成值 | 分值 | 得分 …, in whatever order flattening left
them; 一级/二级/三级 always lead, and a target split into 性质/值/单位 sub-columns is read as one value
(`≧ | 735 | 人次` → `≧735人次`). A fragment without a header is tried against the common layouts.
"""

from __future__ import annotations

import re
from functools import cache

from . import vocab
from .cells import BLANK, END, HEAD, LEVEL1, LEVEL2, NAME, Cell, cell_type
from .document import Document
from .facts import ALIGNED, TABLE, TABLE_COLUMN, TABLE_GUESS, Fact, IndicatorFacts
from .glued import is_value, solve_row
from .grid import Column, Row, align
from .normalize import clean, to_decimal
from .verdict import met_from_values

_HEADING = re.compile(r"^(?:\d{1,2}\s*[.、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*\S{2,}")
_NAME_PREFIX = re.compile(r"^指标\s*\d+\s*[:.、]?\s*")
_FRONT = ("row_no", "level1", "level2", "name")
_MIN_BODY_ROWS = 1


@cache
def _column_patterns() -> list[tuple[re.Pattern[str], str, float]]:
    return [(re.compile(c["pattern"]), c["kind"], float(c.get("blank", 0.5)))
            for c in vocab.tables()["indicators"]["columns"]]


@cache
def _anchor() -> re.Pattern[str]:
    return re.compile("|".join(vocab.tables()["indicators"]["anchors"]))


def column_kind(text: str) -> str | None:
    compact = re.sub(r"\s+", "", text)
    return next((kind for pattern, kind, _ in _column_patterns() if pattern.search(compact)), None)


def _blank_of(kind: str) -> float:
    if kind == "value":
        kind = "target"
    return next((b for _, k, b in _column_patterns() if k == kind), 0.5)


def build_columns(kinds: list[str], lead: bool = False) -> list[Column]:
    """Columns from header kinds in the order read: 一级/二级/三级 first, a split target as 性质|值|单位."""
    seen: list[str] = []
    for k in kinds:
        if k and k not in seen:
            seen.append(k)
    front = [k for k in _FRONT if k in seen]
    rest = [k for k in seen if k not in _FRONT]
    if "op" in rest or "unit" in rest:
        at = min(rest.index(k) for k in ("op", "target", "unit") if k in rest)
        split = [k for k in ("op", "value", "unit") if k in rest or k == "value"]
        rest = [k for k in rest if k not in ("op", "target", "unit")]
        rest[at:at] = split
    kinds_out = (["lead"] if lead else []) + front + rest
    return [Column(k, _blank_of(k)) for k in kinds_out]


def read_indicator_table(doc: Document, cells: list[Cell]) -> list[IndicatorFacts]:
    """Indicators of the first indicator table in `cells` (with a header, or a headerless fragment)."""
    for i, cell in enumerate(cells):
        if _anchor().search(re.sub(r"\s+", "", cell.text)):
            header = _header(cells, i)
            if header is not None:
                columns, body_start = header
                kinds = {c.kind for c in columns}
                if len(columns) < 4 and not cells[i].piped:
                    scrambled = _scattered_header(doc, cells, i)
                    if scrambled:
                        return scrambled
                if "name" in kinds and len(columns) >= 3:
                    if not kinds & {"target", "value", "actual", "period_target"}:
                        return []  # a scoring table (评分标准 | 分值 | 得分): its rows are not indicators
                    return _read_body(doc, cells, body_start, columns)
    return _headerless(doc, cells)


def _header(cells: list[Cell], anchor: int) -> tuple[list[Column], int] | None:
    """The header around an anchor cell: header cells before it (to the first that is not one) and after it."""
    first = anchor
    while first > 0 and anchor - first < 12 and _is_header_cell(cells[first - 1], cells[anchor]):
        first -= 1
    last = anchor
    while last + 1 < len(cells) and last - anchor < 16 and _is_header_cell(cells[last + 1], cells[anchor]):
        last += 1
    kinds = [column_kind(c.text) for c in cells[first:last + 1] if c.type != BLANK]
    lead = cells[first].piped and first > 0 and (cells[first - 1].type == BLANK or column_kind(cells[first].text) is None)
    return build_columns([k for k in kinds if k], lead=lead and cells[first].type == BLANK), last + 1


_HEADER_CELL_MAX = 16  # a column title is a few words; a longer text naming 得分 or 完成情况 is prose


def _is_header_cell(cell: Cell, anchor: Cell) -> bool:
    if anchor.piped and not cell.piped:
        return False  # a `|` table's header is `|` cells; the line before it is a heading or prose
    if cell.type in (HEAD, BLANK):
        return True
    compact = re.sub(r"\s+", "", cell.text)
    return (len(compact) <= _HEADER_CELL_MAX and not _HEADING.match(cell.text)
            and column_kind(cell.text) is not None and cell.type not in (LEVEL1, LEVEL2, NAME))


def _read_body(doc: Document, cells: list[Cell], start: int, columns: list[Column]) -> list[IndicatorFacts]:
    body = _body(cells, start)
    if not body:
        return []
    if sum(c.glued for c in body) * 2 > len(body):
        return _indicators(doc, _glued_rows(body, columns), exact=False)
    rows = _best_alignment(body, columns)
    return _indicators(doc, rows, exact=all(c.piped for c in body))


def _body(cells: list[Cell], start: int, stop_at_header: bool = True) -> list[Cell]:
    """Cells from `start` to where the table ends: a total/conclusion row, a heading, or prose after a `|` table."""
    out: list[Cell] = []
    piped = start < len(cells) and any(c.piped for c in cells[start:start + 12])
    for cell in cells[start:]:
        t = cell.type
        if t == END:
            break
        if piped and not cell.piped and (len(cell.text) > 20 or _HEADING.match(cell.text)):
            break  # a paragraph or a heading after the table
        if stop_at_header and _anchor().search(re.sub(r"\s+", "", cell.text)) and out:
            break  # another table's header
        out.append(cell)
    return out


def _best_alignment(body: list[Cell], columns: list[Column]) -> list[Row]:
    line_rows = _lines_carry_rows(body)
    lossy = align(body, columns, exact=False, line_rows=line_rows)
    if not all(c.piped for c in body):
        return lossy
    exact = align(body, columns, exact=True)
    lossy_cost = sum(r.cost for r in lossy) + 0.3 * len(lossy)
    exact_cost = sum(r.cost for r in exact) + 0.3 * len(exact)
    return exact if exact and exact_cost <= lossy_cost + 0.5 else lossy


def _lines_carry_rows(body: list[Cell]) -> bool:
    lines = {c.line for c in body}
    return len(body) >= 3 * max(1, len(lines))


_NUMBERED = re.compile(r"^指标\s*(\d+)")


def _scattered_header(doc: Document, cells: list[Cell], anchor: int) -> list[IndicatorFacts]:
    """A table whose header words are scattered among its cells (a spreadsheet printed column by column):
    the header is every header word near the anchor; the rows are read by `_queued_rows`."""
    window = range(max(0, anchor - 30), min(len(cells), anchor + 30))
    kinds = [column_kind(cells[j].text) for j in window if cells[j].type == HEAD]
    columns = build_columns([k for k in kinds if k])
    if not {"name", "target", "actual"} <= {c.kind for c in columns}:
        return []
    first_head = next(j for j in window if cells[j].type == HEAD)
    start = next((j for j in range(first_head, len(cells)) if cells[j].type in (NAME, LEVEL1, LEVEL2)), None)
    if start is None:
        return []
    return _indicators(doc, _queued_rows(_body(cells, start, stop_at_header=False)), exact=False, nameless=True)


def _queued_rows(body: list[Cell]) -> list[Row]:
    """Rows of a table printed column by column in places: each (实际完成值, 分值, 得分) triple takes the oldest
    waiting 年度指标值, and names numbered 指标N go to the Nth row of their group (names lost in printing
    leave their row nameless); unnumbered names go in order."""
    cells = [c for c in _merge_units(body) if c.type not in (HEAD, BLANK)]
    groups: list[tuple[list[Row], list[Cell], dict[str, Cell]]] = []
    rows: list[Row] = []
    names: list[Cell] = []
    targets: list[Cell] = []
    levels: dict[str, Cell] = {}
    i = 0
    while i < len(cells):
        c = cells[i]
        if c.type in (LEVEL1, LEVEL2):
            groups.append((rows, names, dict(levels)))
            rows, names, targets = [], [], []
            levels[c.type] = c
            i += 1
            continue
        if c.type == NAME or (c.type in ("text", "long") and not _value_like(c)):
            names.append(c)
            i += 1
            continue
        if i + 2 < len(cells) and _value_like(c) and cells[i + 1].type == "num" and cells[i + 2].type == "num":
            row = Row(cells={"actual": c, "weight": cells[i + 1], "score": cells[i + 2]}, start=c.start, cost=0.8)
            if targets:
                row.cells["target"] = targets.pop(0)
            rows.append(row)
            i += 3
            continue
        if _value_like(c):
            targets.append(c)
        i += 1
    groups.append((rows, names, dict(levels)))
    out: list[Row] = []
    for rows, names, lv in groups:
        numbers = [int(m.group(1)) if (m := _NUMBERED.match(n.text)) else None for n in names]
        if names and all(n is not None for n in numbers):
            base = numbers[0] - 0
            for n, name in zip(numbers, names):
                k = n - base
                if 0 <= k < len(rows):
                    rows[k].cells["name"] = name
        else:
            for row, name in zip(rows, names):
                row.cells["name"] = name
        for kind, cell in lv.items():
            if rows:
                rows[0].cells.setdefault(kind, cell)
        out.extend(rows)
    return out


def _value_like(c: Cell) -> bool:
    return c.type in ("qty", "pct", "num") or (c.type == "text" and bool(re.search(r"\d", c.text)) and len(c.text) <= 12)


def _merge_units(body: list[Cell]) -> list[Cell]:
    """`不少于12` `种` on one line of a space-split table: one value. A one- or two-character fragment
    between two names is the end of the first (`…事件报告` `数`)."""
    out: list[Cell] = []
    for k, c in enumerate(body):
        prev = out[-1] if out else None
        if prev is not None and not c.piped and c.type == "unit" and prev.type in ("qty", "num") and prev.line == c.line:
            out[-1] = Cell(prev.text + " " + c.text, prev.start, c.end, prev.line, False)
            continue
        nxt = body[k + 1] if k + 1 < len(body) else None
        if (prev is not None and prev.type == NAME and len(c.text) <= 2 and c.type in ("text", "unit")
                and nxt is not None and nxt.type == NAME):
            out[-1] = Cell(prev.text + c.text, prev.start, c.end, prev.line, False)
            continue
        out.append(c)
    return out


_ROW_VALUES = ("weight", "target", "actual", "score", "value", "period_target")


def _glued_rows(body: list[Cell], columns: list[Column]) -> list[Row]:
    """Rows of a table printed without separators: a name, then values cut to fit the columns (glued.py)."""
    kinds = [c.kind for c in columns[[c.kind for c in columns].index("name") + 1:] if c.kind in _ROW_VALUES]
    rows: list[Row] = []
    i = 0
    while i < len(body):
        cell = body[i]
        if cell.type in (LEVEL1, LEVEL2):
            rows.append(Row(cells={cell.type: cell}, start=cell.start))
            i += 1
            continue
        if cell.type in (HEAD, BLANK) or is_value(cell.text) or not kinds:
            i += 1
            continue
        placed, used = None, 0
        for span in range(1, 5):  # values only, then with a text between values (显著提升显著提升) …
            values = body[i + 1:i + 1 + span]
            if not values or any(v.type in (LEVEL1, LEVEL2, HEAD) for v in values):
                break
            if not is_value(values[-1].text):
                continue
            placed = solve_row(values, kinds)
            if placed:
                used = span
                break
        if not placed:
            i += 1
            continue
        row = Row(cells={"name": cell}, start=cell.start)
        offsets: dict[int, int] = {}
        for kind, source, token in placed:
            at = source.text.find(token, offsets.get(source.start, 0))
            at = max(at, 0)
            offsets[source.start] = at + len(token)
            row.cells[kind] = Cell(token, source.start + at, source.start + at + len(token), source.line, False, True)
        row.cost = 0.5
        rows.append(row)
        i += 1 + used
    return rows  # level labels stand alone on their rows; _indicators carries them to the rows below


def _headerless(doc: Document, cells: list[Cell]) -> list[IndicatorFacts]:
    """A fragment of an indicator table with no header: the layout that fits its cells best."""
    starts = [i for i, c in enumerate(cells) if c.type in (LEVEL1, LEVEL2) and not c.glued]
    if len(starts) < 2:
        return []
    body = _body(cells, max(0, starts[0] - 12))
    best: list[Row] | None = None
    best_cost = float("inf")
    for layout in vocab.tables()["indicators"]["layouts"].values():
        columns = [Column(k, _blank_of(k)) for k in layout]
        rows = align(body, columns, exact=False, line_rows=_lines_carry_rows(body))
        rows = [r for r in rows if "name" in r.cells]
        if not rows:
            continue
        cost = sum(r.cost for r in rows) / len(rows) + 2.0 / len(rows)
        if cost < best_cost:
            best, best_cost = rows, cost
    if best is None or len(best) < 2:
        return []
    return _indicators(doc, best, exact=False)


def _indicators(doc: Document, rows: list[Row], exact: bool, nameless: bool = False) -> list[IndicatorFacts]:
    out: list[IndicatorFacts] = []
    levels: dict[str, Cell] = {}
    for row in rows:
        for kind in ("level1", "level2"):
            if kind in row.cells:
                levels[kind] = row.cells[kind]
                if kind == "level1":
                    levels.pop("level2", None)
        name = row.cells.get("name")
        if (name is None and not (nameless and "actual" in row.cells)) or (name is not None and name.type in (BLANK, HEAD)):
            continue
        ind = _indicator(doc, row, levels, exact)
        if ind is not None:
            out.append(ind)
    return out


def _indicator(doc: Document, row: Row, levels: dict[str, Cell], exact: bool) -> IndicatorFacts | None:
    base = TABLE_COLUMN if exact else TABLE_GUESS
    confidence = round(base * row.confidence, 3)
    method = TABLE if exact else ALIGNED
    c = row.cells

    def fact(cell: Cell, value, column: str) -> Fact:
        why = f"指标表“{column}”列" + ("" if exact else "（按单元格类型与顺序对齐，空单元格已丢失）")
        return doc.fact(value, cell.start, cell.end, confidence, method, why)

    if "name" in c:
        name_text = clean(_NAME_PREFIX.sub("", c["name"].text), strip=" |\\") or None
        if not name_text:
            return None
        ind = IndicatorFacts(name=fact(c["name"], name_text, "三级指标"))
    else:  # a row whose name was lost in printing: its values still count
        ind = IndicatorFacts()
    for kind, label in (("level1", "一级指标"), ("level2", "二级指标")):
        if kind in levels:
            ind.__setattr__(kind, fact(levels[kind], clean(levels[kind].text, strip=" |\\"), label))
    target = _target(c)
    if target is not None:
        cell, text = target
        ind.target = fact(cell, text, "年度指标值")
    for kind, label in (("period_target", "实施周期指标值"), ("actual", "实际完成值")):
        if kind in c:
            ind.__setattr__(kind, fact(c[kind], clean(c[kind].text, strip=" |\\"), label))
    for kind, label in (("weight", "分值"), ("score", "得分")):
        if kind in c and to_decimal(c[kind].text) is not None:
            ind.__setattr__(kind, fact(c[kind], to_decimal(c[kind].text), label))
    reason = clean(c["deviation"].text, strip=" |\\") if "deviation" in c else ""
    if reason and not is_value(reason):  # a figure in the reason column is a misaligned value, not a reason
        ind.deviation = fact(c["deviation"], reason, "偏差原因分析")
    ind.met = met_from_values(ind)
    return ind


def _target(c: dict[str, Cell]) -> tuple[Cell, str] | None:
    """年度指标值: one cell, or 性质 + 值 + 单位 joined as printed (`≧`, `735`, `人次` → `≧735人次`)."""
    if "target" in c:
        return c["target"], clean(c["target"].text, strip=" |\\") or c["target"].text
    if "value" not in c:
        return None
    value = clean(c["value"].text, strip=" |\\") or c["value"].text
    op = c["op"].text.strip() if "op" in c and c["op"].text.strip() not in ("定性", "定量", "正向", "反向") else ""
    unit = c["unit"].text.strip() if "unit" in c else ""
    if unit and value.endswith(unit):
        unit = ""
    return c["value"], op + value + unit


def cell_is_level(cell: Cell) -> bool:
    return cell_type(cell.text) in (LEVEL1, LEVEL2)

"""The funding table of a 自评表: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, one row per source.

The header (vocab/tables.yaml) gives the columns; each row label (年度资金总额, 其中:当年财政拨款 …) is
followed by its values. Flattening loses blank cells, so a row with fewer values than columns is solved:
every way of placing the values in order is scored by how well each value fits its column (a rate has %,
a 分值 is a small whole number), how readily the skipped columns are left blank in real forms, and whether
the figures agree (执行数 ÷ 预算数 = 执行率); the best placement wins. A row printed without separators
(`202010100.00%10`) is split the same way.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from . import vocab
from .cells import BLANK, NUM, PCT, Cell
from .document import Document
from .facts import ALIGNED, TABLE, TABLE_COLUMN, TABLE_GUESS, Fact
from .normalize import rate_percent, to_decimal

_MONEY = ("initial", "budget", "executed", "pooled", "net_budget", "arrived")
_RATES = ("rate", "arrived_rate")
_SMALL = ("weight", "score")
_VALUE_KINDS = _MONEY + _RATES + _SMALL + ("row_no",)
_NUMBER_TOKEN = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?%?$")
_LABEL_NOISE = re.compile(r"^其中\s*[:：]?|[:：]$|\(.*$|（.*$|\s+")
_MAX_SPLIT_CHARS = 24


@dataclass
class FundRow:
    label: str
    values: dict[str, Fact]  # column kind → Fact
    total: bool = False


@cache
def _config():
    f = vocab.tables()["funds"]
    columns = [(re.compile(c["pattern"]), c["kind"], float(c.get("blank", 0.5))) for c in f["columns"]]
    anchor = re.compile("|".join(f["anchors"]))
    total = re.compile("|".join(f["total_rows"]))
    # a department form's rows name the four budget sources as the department fields spell them
    spellings = sorted({s for names in vocab.fields()["sources"].values() for s in names}, key=len, reverse=True)
    source_rows = [re.escape(s) for s in spellings] + list(f["source_rows"])
    source = re.compile("|".join(source_rows))
    label = re.compile(rf"^(?:其中\s*[:：]?\s*)?(?P<label>(?:{'|'.join(p.lstrip('^').rstrip('$') for p in f['total_rows'])}"
                       rf"|{'|'.join(source_rows)}))\s*(?:\([^)]*\)?)?\s*[:：]?")
    numbering = re.compile("|".join(f["numbering_rows"]))
    return columns, anchor, total, source, label, numbering


def _kind(text: str) -> str | None:
    compact = re.sub(r"\s+", "", text)
    return next((k for p, k, _ in _config()[0] if p.search(compact)), None)


def _blank(kind: str) -> float:
    return next((b for _, k, b in _config()[0] if k == kind), 0.5)


def read_fund_table(doc: Document, cells: list[Cell]) -> list[FundRow]:
    header = _header(cells)
    if header is None:
        return []
    columns, i, pending = header
    value_columns = [k for k in columns if k in _VALUE_KINDS]
    rows: list[FundRow] = []
    labels: list[tuple[str, bool]] = list(pending)
    run: list[Cell] = []
    queued_at = 0  # how many cells ago the oldest waiting label was seen

    def flush() -> None:
        if labels and run and queued_at <= 16:
            label, total = labels.pop(0)
            values = _solve(doc, run, value_columns, total)
            if values:
                rows.append(FundRow(label, values, total))
        run.clear()

    numbering = False
    for cell in cells[i:i + 400]:
        queued_at += 1
        text = re.sub(r"\s+", "", cell.text)
        if _ends(text):
            break
        m = _config()[4].match(text)
        if m:
            flush()
            numbering = False
            if not labels:
                queued_at = 0
            labels.append((_clean_label(m.group("label")), bool(_config()[2].search(m.group("label")))))
            rest = cell.text[_rest_offset(cell.text, m):]
            if rest.strip():
                run.append(Cell(rest.strip(), cell.end - len(rest.lstrip()), cell.end, cell.line, cell.piped))
            continue
        if _config()[5].search(text):
            numbering = True  # 列次 0 1 2 …: skip to the next row label
            continue
        if numbering:
            continue
        if cell.type in (NUM, PCT, BLANK) or _NUMBER_TOKEN.match(text) or _splittable(text):
            run.append(cell)
        elif run:
            flush()
    flush()
    return rows


def _rest_offset(text: str, m: re.Match[str]) -> int:
    """Where the values start inside a label cell (`年度资金总额:202010100.00%10`), in the cell's own text."""
    compact_end = m.end()
    seen = 0
    for pos, ch in enumerate(text):
        if not ch.isspace():
            seen += 1
        if seen == compact_end:
            return pos + 1
    return len(text)


def _clean_label(label: str) -> str:
    return _LABEL_NOISE.sub("", label) or label


def _ends(text: str) -> bool:
    return any(w in text for w in ("年度总体目标", "绩效指标", "一级指标", "资金管理情况")) or text.startswith(("年度目标", "一级"))


def _header(cells: list[Cell]) -> tuple[list[str], int, list[tuple[str, bool]]] | None:
    """Column kinds in order, the index after the header, and row labels met inside the header."""
    for i, cell in enumerate(cells):
        if not _config()[1].search(re.sub(r"\s+", "", cell.text)):
            continue
        start = i
        while start > 0 and i - start < 3 and _kind(cells[start - 1].text):
            start -= 1
        columns: list[str] = []
        pending: list[tuple[str, bool]] = []
        j = start
        misses = 0
        while j < len(cells) and j < start + 40 and misses < 8:
            text = re.sub(r"\s+", "", cells[j].text)
            label = _config()[4].match(text)
            if label and not _kind(text):
                if columns and len(columns) >= 3 and j + 1 < len(cells) and _is_values(cells[j + 1]):
                    break  # the first row starts
                pending.append((_clean_label(label.group("label")), bool(_config()[2].search(label.group("label")))))
                j += 1
                continue
            kind = _kind(text)
            if kind and kind not in columns:
                columns.append(kind)
                misses = 0
            elif not kind and _is_values(cells[j]) and len(columns) >= 3:
                break  # values: the header is over
            elif not kind:
                misses += 1
            j += 1
        if "budget" in columns or "executed" in columns:
            return columns, j, pending
    return None


def _is_values(cell: Cell) -> bool:
    return cell.type in (NUM, PCT) or _splittable(cell.text)


def _solve(doc: Document, run: list[Cell], columns: list[str], total: bool = True) -> dict[str, Fact]:
    """Place a row's values in its columns (see the module docstring)."""
    values = [c for c in run if c.type != BLANK]
    if not values:
        return {}
    # every column has its cell (blank ones written as - or /): positions count
    positional = len(run) == len(columns) and (all(c.piped for c in run) or any(c.type == BLANK for c in run))
    exact = positional or len(values) == len(columns)  # or every column has a value: nothing is left to place
    if positional:  # each column has its cell, blank ones included: read them where they stand
        placed = {columns[j]: (c, c.text) for j, c in enumerate(run) if c.type != BLANK}
        if all(_fit(kind, token) < float("inf") for kind, (_, token) in placed.items()):
            return _facts(doc, placed, True, 0.0)
    candidates: list[list[tuple[Cell, str]]] = [[(c, c.text) for c in values]]
    glued_number = values[0].glued and len(values[0].text) >= 4  # `2020` printed for 20 | 20
    if len(values) == 1 and (_splittable(values[0].text) or glued_number) and len(columns) > 1:
        candidates = [[(values[0], part) for part in split] for split in _splits(values[0].text, len(columns))]
    best, best_cost = None, float("inf")
    for tokens in candidates:
        if len(tokens) > len(columns):
            # too many values: the row ran into the next one; keep the best-fitting prefix
            options = [tokens[:n] for n in range(len(columns), 0, -1)]
        else:
            options = [tokens]
        for opt in options:
            placed, cost = _place(opt, columns, exact, total)
            cost += 0.6 * (len(tokens) - len(opt)) + 0.05 * (len({t for _, t in opt}) - 1)
            if placed is not None and cost < best_cost:
                best, best_cost = placed, cost
    if best is None:
        return {}
    return _facts(doc, best, exact, best_cost)


def _facts(doc: Document, best: dict[str, tuple[Cell, str]], exact: bool, best_cost: float) -> dict[str, Fact]:
    confidence = TABLE_COLUMN if exact else round(TABLE_GUESS * (0.5 + 0.5 / (1 + best_cost)), 3)
    method = TABLE if exact else ALIGNED
    out: dict[str, Fact] = {}
    for kind, (cell, token) in best.items():
        number = rate_percent(token) if kind in _RATES else to_decimal(token.rstrip("%"))
        if number is None or kind == "row_no":
            continue
        why = f"资金表“{_COLUMN_WORDS.get(kind, kind)}”列" + ("" if exact else "（按数值类型与前后数字是否相符定位）")
        out[kind] = doc.fact(number, cell.start, cell.end, confidence, method, why)
    return out


_COLUMN_WORDS = {"initial": "年初预算数", "budget": "全年预算数", "executed": "全年执行数", "rate": "执行率",
                 "weight": "分值", "score": "得分", "arrived": "全年到位资金", "arrived_rate": "预算到位率",
                 "pooled": "统筹整合资金数", "net_budget": "扣除统筹整合资金后预算金额"}


def _place(tokens: list[tuple[Cell, str]], columns: list[str], exact: bool, total: bool = True):
    m, k = len(tokens), len(columns)
    if m > k:
        return None, float("inf")
    positions = [tuple(range(m))] if exact and m == k else itertools.combinations(range(k), m)
    best, best_cost = None, float("inf")
    for pos in positions:
        cost = 0.0
        for (cell, token), p in zip(tokens, pos):
            cost += _fit(columns[p], token) + (0.0 if total or columns[p] not in _RATES + _SMALL else 0.3)
            if cost == float("inf"):
                break
        if cost == float("inf"):
            continue
        used = set(pos)
        # a source row (其中:…) usually leaves 分值, 执行率 and 得分 to the total row
        cost += sum((_blank(columns[j]) if total or columns[j] not in _RATES + _SMALL else 0.1) + 0.001 * j
                    for j in range(k) if j not in used)
        placed = {columns[p]: t for t, p in zip(tokens, pos)}
        cost += _disagreement(placed)
        if cost < best_cost:
            best, best_cost = placed, cost
    return best, best_cost


def _fit(kind: str, token: str) -> float:
    s = token.replace(",", "")
    pct = s.endswith("%")
    number = to_decimal(s.rstrip("%"))
    if number is None:
        return float("inf")
    if kind in _MONEY:
        return float("inf") if pct else 0.0
    if kind in _RATES:
        if pct:
            return 0.0
        return 0.3 if "." in s and number <= Decimal("1.5") else 1.5
    if kind in _SMALL:
        if pct or number > 100:
            return float("inf")
        return 0.0 if number == number.to_integral_value() else 1.0
    if kind == "row_no":
        return 0.0 if not pct and number == number.to_integral_value() and number < 100 else float("inf")
    return 2.0


def _disagreement(placed: dict[str, tuple[Cell, str]]) -> float:
    """Penalty when the placed figures contradict each other: 执行数 ÷ 预算数 ≠ 执行率, 得分 > 分值."""
    def num(kind):
        if kind not in placed:
            return None
        token = placed[kind][1]
        return rate_percent(token) if kind in _RATES else to_decimal(token.rstrip("%").replace(",", ""))

    cost = 0.0
    base = num("net_budget") if "net_budget" in placed else num("budget")
    for part, rate in (("executed", "rate"), ("arrived", "arrived_rate")):
        b, e, r = base, num(part), num(rate)
        if r is None or e is None:
            continue
        if b is None or b == 0:
            if e != 0 and r != 0 and b is not None:
                cost += 4.0
            continue
        if abs(e / b * 100 - r) > 1:
            cost += 4.0
    w, s = num("weight"), num("score")
    if w is not None and s is not None and s > w:
        cost += 2.0
    return cost


def _splittable(text: str) -> bool:
    compact = text.replace(" ", "")
    return 4 <= len(compact) <= _MAX_SPLIT_CHARS and bool(re.fullmatch(r"[\d.%]+", compact)) and not _NUMBER_TOKEN.match(compact)


def _splits(text: str, max_parts: int) -> list[list[str]]:
    """Every way to cut a run of digits into well-formed numbers (no leading zeros, % only at a number's end)."""
    s = text.replace(" ", "")
    out: list[list[str]] = []

    def walk(i: int, parts: list[str]) -> None:
        if len(out) > 5000 or len(parts) > max_parts:
            return
        if i == len(s):
            out.append(list(parts))
            return
        for j in range(i + 1, len(s) + 1):
            token = s[i:j]
            if _NUMBER_TOKEN.match(token):
                walk(j, parts + [token])

    walk(0, [])
    return out

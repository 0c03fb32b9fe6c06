"""Rebuild table rows from a flattened stream of cells, knowing only the header's columns.

Flattening loses the grid: blank cells vanish (or multiply), a row wraps over several lines, several rows
share one line. The cells that remain still say what they are (cells.py types them: a level label, an
operator, a plain number, a quantity with its unit, a sentence …), and a column accepts only some types.
So the reader aligns the stream to the header by dynamic programming: each cell is placed in a column or
dropped, rows follow one another, and the alignment with the lowest cost wins. Costs:
- a cell in a column: how well its type fits the column (a plain number fits 分值, a sentence does not);
- a column left empty: how readily that column is left blank in real forms (`blank` in vocab/tables.yaml);
- a cell dropped: next to nothing for a blank cell, a lot for a value.
With `exact` (a `|` table that keeps its blank cells) a blank cell must fill a column and a column may not
be skipped within a row, so positions count; without it only the order of the non-blank cells counts.
Each row's own cost becomes its confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cells import BLANK, END, HEAD, LEVEL1, LEVEL2, LONG, NAME, NUM, OP, PCT, QTY, TEXT, UNIT, Cell

INF = float("inf")
_NEVER = 1e6  # finite, so prefix sums of skip costs stay subtractable
_BREAK = 0.2  # starting a new row
_SAME_LINE_BREAK = 0.6  # … between two cells of one line, where lines carry whole rows

# fit[kind][type]: the cost of a cell of that type in a column of that kind (missing = not allowed)
_VALUE = {QTY: 0.0, PCT: 0.0, NUM: 0.2, TEXT: 0.3, LONG: 0.5, UNIT: 2.0, OP: 2.5, HEAD: 3.0}
_FREE_TEXT = {TEXT: 0.2, LONG: 0.1, NUM: 1.0, PCT: 0.8, QTY: 0.8, UNIT: 1.5, HEAD: 3.0, OP: 3.0}
FIT: dict[str, dict[str, float]] = {
    "lead": {HEAD: 0.0},
    "row_no": {NUM: 0.0},
    "level1": {LEVEL1: 0.0},
    "level2": {LEVEL2: 0.0},
    "name": {NAME: 0.0, TEXT: 0.0, LONG: 0.3, QTY: 1.5, UNIT: 1.5, NUM: 3.0, PCT: 3.0, HEAD: 3.0},
    "op": {OP: 0.0},
    "value": {NUM: 0.0, PCT: 0.3, QTY: 0.4, TEXT: 0.8, LONG: 1.5, UNIT: 2.5},
    "unit": {UNIT: 0.0, TEXT: 1.8},
    "target": _VALUE,
    "period_target": _VALUE,
    "actual": _VALUE,
    "weight": {NUM: 0.0, PCT: 2.0, QTY: 3.0, TEXT: 4.0},
    "score": {NUM: 0.0, PCT: 2.5, QTY: 3.0, TEXT: 4.0},
    "completion": {PCT: 0.0, NUM: 0.5, TEXT: 1.5},
    "deviation": _FREE_TEXT, "basis": _FREE_TEXT, "last_year": _FREE_TEXT, "rule": _FREE_TEXT,
    "evidence": _FREE_TEXT, "kind": {TEXT: 0.0, LONG: 0.5},
    "budget": {NUM: 0.0}, "grade": {TEXT: 0.5, UNIT: 0.5},
}
_BLANK_FIT = 0.05


@dataclass(frozen=True)
class Column:
    kind: str
    blank: float = 0.5  # 0: usually blank … 1: nearly always filled


@dataclass
class Row:
    cells: dict[str, Cell] = field(default_factory=dict)  # column kind → the cell placed there
    cost: float = 0.0
    start: int = 0

    @property
    def confidence(self) -> float:
        """1.0 for a row that fits its columns exactly, falling towards 0.5 as the fit gets worse."""
        return round(0.5 + 0.5 / (1.0 + self.cost), 3)


def _fit(kind: str, cell: Cell, exact: bool) -> float:
    t = cell.type
    if t == BLANK:
        if kind == "name":
            return 0.6 if exact else INF
        return 0.0 if exact else _BLANK_FIT
    if t == END:
        return INF
    return FIT.get(kind, _FREE_TEXT).get(t, INF)


def _skip(col: Column, exact: bool, at_row_start: bool) -> float:
    if col.kind in ("lead", "level1", "level2", "row_no"):
        return 0.0 if (at_row_start or not exact) else 1.0
    if col.kind == "name":
        return _NEVER
    return 1.0 if exact else 0.05 + col.blank


def _drop(cell: Cell, exact: bool) -> float:
    t = cell.type
    if t == BLANK:
        return 0.6 if exact else 0.02
    if t == HEAD:
        return 0.3
    return 2.5


def align(cells: list[Cell], columns: list[Column], exact: bool = False, line_rows: bool = False) -> list[Row]:
    """The rows of `cells` under `columns` (which must include a `name` column)."""
    k = len(columns)
    name_col = next(i for i, c in enumerate(columns) if c.kind == "name")
    lead = [0.0]
    for j in range(name_col):
        lead.append(lead[-1] + _skip(columns[j], exact, True))
    mid = [0.0]  # prefix sums of mid-row skip costs
    for j in range(k):
        mid.append(mid[-1] + _skip(columns[j], exact, False))
    trailing = [mid[k] - mid[i + 1] for i in range(k)]

    cur = [INF] * k
    start = 0.0
    back: list[list[tuple]] = []
    for t, cell in enumerate(cells):
        drop = _drop(cell, exact)
        row_end = INF
        row_end_i = -1
        for i in range(name_col, k):
            c = cur[i] + trailing[i]
            if c < row_end:
                row_end, row_end_i = c, i
        brk = _BREAK + (_SAME_LINE_BREAK if line_rows and t > 0 and cells[t - 1].line == cell.line else 0.0)
        nxt = [INF] * k
        choice: list[tuple] = [()] * k
        running, running_i = INF, -1  # min over i < j of cur[i] - mid[i + 1]
        for j in range(k):
            fit = _fit(columns[j].kind, cell, exact)
            best, how = cur[j] + drop, ("drop",)
            if fit < INF:
                if running_i >= 0:
                    c = running + mid[j] + fit
                    if c < best:
                        best, how = c, ("same", running_i)
                if j <= name_col:
                    c = row_end + brk + lead[j] + fit
                    if c < best:
                        best, how = c, ("new", row_end_i)
                    c = start + lead[j] + fit
                    if c < best:
                        best, how = c, ("first",)
            nxt[j], choice[j] = best, how
            if cur[j] < INF and cur[j] - mid[j + 1] < running:
                running, running_i = cur[j] - mid[j + 1], j
        back.append(choice)
        cur = nxt
        start += drop
    # the best final state
    final, final_j = start, None
    for i in range(name_col, k):
        if cur[i] + trailing[i] < final:
            final, final_j = cur[i] + trailing[i], i
    return _rows(cells, columns, back, final_j, cur, exact)


def _rows(cells, columns, back, j, cur, exact) -> list[Row]:
    """Walk the back pointers from the last cell and collect the rows."""
    if j is None:
        return []
    placed: list[tuple[int, int, bool]] = []  # (cell index, column, starts a row)
    t = len(cells) - 1
    while t >= 0 and j is not None:
        how = back[t][j]
        if how[0] == "drop":
            t -= 1
            continue
        placed.append((t, j, how[0] in ("new", "first")))
        if how[0] == "first":
            break
        j = how[1]
        t -= 1
    placed.reverse()
    rows: list[Row] = []
    for t, col, new in placed:
        if new or not rows:
            rows.append(Row(start=cells[t].start))
        if cells[t].type != BLANK:
            rows[-1].cells[columns[col].kind] = cells[t]
    for row in rows:
        row.cost = _row_cost(row, columns, exact)
    return rows


def _row_cost(row: Row, columns: list[Column], exact: bool) -> float:
    """How badly a finished row fits: its cells' fit plus the filled-in columns it lacks."""
    cost = sum(_fit(kind, cell, exact) for kind, cell in row.cells.items())
    present = [i for i, c in enumerate(columns) if c.kind in row.cells]
    if present:
        for i in range(present[0], present[-1]):
            if columns[i].kind not in row.cells and columns[i].kind not in ("lead", "level1", "level2", "row_no"):
                cost += 0.5 * columns[i].blank
    return cost

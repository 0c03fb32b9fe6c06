"""Table cells from flattened text, each with its span and a type the table reader aligns on.

Published tables reach us flattened in several ways; all become one stream of cells:
- `a | b | c |` lines, `| a | b |`, `cell |` one per line, `| cell` continuation lines, runs of `||||`
  or `\\ |` for empty cells: each `|` piece is a cell, empty pieces are blank cells;
- one cell per line, or cells split by spaces (`指标2:修缮建筑面积 6000平方米 6000平方米 7 7`): each word
  is a cell, and blank cells are lost — the table reader (grid.py) places what remains by its type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..model.quantity import QUAL_LABELS_MET, QUAL_LABELS_NOT_MET, QUAL_LABELS_PARTIAL
from ..model.values import parse_quantity
from . import vocab

_PIPE = re.compile(r"[|｜]")
_WORD = re.compile(r"\S+")
_BLANK = re.compile(r"^[\s\\/—\-–…·.]*$")
_NUM = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_PCT = re.compile(r"^-?\d+(?:\.\d+)?\s*[%％]$")
_OP_ONLY = re.compile(r"^(?:[≥≤=<>≧≦═＝]{1,2}|定性|定量|正向|反向|大于等于|小于等于|等于|不低于|不高于|不少于|不超过)$")
_NAME_NUMBER = re.compile(r"^指标\s*\d+\s*[:.、]")
_SCORE_SUFFIX = r"(?:\s*\(\s*\d+(?:\.\d+)?\s*分?\s*\))?"

# Cell types
BLANK, LEVEL1, LEVEL2, OP, NUM, PCT, QTY, UNIT, TEXT, LONG, NAME, HEAD, END = (
    "blank", "level1", "level2", "op", "num", "pct", "qty", "unit", "text", "long", "name", "head", "end")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    line: int  # 0-based line number in the text, to tell cells on one line from cells on the next
    piped: bool  # from a `|` table: blank cells kept, so positions can be counted
    glued: bool = False  # from a table printed on one line without separators (glued.py)

    @property
    def type(self) -> str:
        return cell_type(self.text)

    @property
    def empty(self) -> bool:
        return self.type == BLANK


def cells(text: str, start: int = 0, end: int | None = None) -> list[Cell]:
    """The cells of text[start:end], line by line."""
    end = len(text) if end is None else end
    out: list[Cell] = []
    pos = start
    lines = text[start:end].split("\n")
    terminator_style = _terminator_style(lines)
    first_line = text.count("\n", 0, start)
    for n, line in enumerate(lines):
        if _PIPE.search(line):
            out.extend(_piped(line, pos, first_line + n, terminator_style))
        elif is_glued(line):
            out.extend(split_line(line, pos, first_line + n))
        else:
            out.extend(Cell(m.group(), pos + m.start(), pos + m.end(), first_line + n, False)
                       for m in _WORD.finditer(line))
        pos += len(line) + 1
    return _join_wrapped(text, out)


def _join_wrapped(text: str, out: list[Cell]) -> list[Cell]:
    """Join two cells on consecutive lines that are one label wrapped inside its cell (社会效益 / 指标)."""
    joined: list[Cell] = []
    for cell in out:
        prev = joined[-1] if joined else None
        if prev is not None and cell.line == prev.line + 1 and prev.type not in (LEVEL1, LEVEL2, HEAD, BLANK) \
                and cell.type not in (LEVEL1, LEVEL2, BLANK) and len(prev.text) + len(cell.text) <= 16:
            merged = cell_type(prev.text + cell.text)
            if merged in (LEVEL1, LEVEL2, HEAD):
                joined[-1] = Cell(text[prev.start:cell.end], prev.start, cell.end, prev.line, prev.piped or cell.piped)
                continue
        joined.append(cell)
    return joined


def _terminator_style(lines: list[str]) -> bool:
    """Most `|` lines end with `|` and do not start with one: `cell |` lines, where a lone `|` is a blank cell."""
    piped = [line.strip() for line in lines if _PIPE.search(line)]
    if not piped:
        return False
    ending = sum(1 for s in piped if s[-1] in "|｜" and s[0] not in "|｜")
    return ending * 2 >= len(piped)


def _piped(line: str, pos: int, line_no: int, terminator_style: bool) -> list[Cell]:
    bounds, start = [], 0
    for m in _PIPE.finditer(line):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(line)))
    stripped = line.strip()
    if stripped and stripped[0] in "|｜" and not (terminator_style and _BLANK.match(line[:bounds[0][1]] or "")
                                                 and stripped.count("|") + stripped.count("｜") > 0
                                                 and _is_terminated_blank_run(stripped)):
        bounds = bounds[1:]  # an opening `|`
    if bounds and not line[bounds[-1][0]:bounds[-1][1]].strip(" \t\\"):
        bounds = bounds[:-1]  # nothing after the last `|`
    out = []
    for a, b in bounds:
        raw = line[a:b]
        s = raw.strip(" \t\\")
        offset = raw.find(s) if s else 0
        out.append(Cell(s, pos + a + offset, pos + a + offset + len(s), line_no, True))
    return out


def _is_terminated_blank_run(stripped: str) -> bool:
    """`|`, `||||`: in `cell |` text each `|` closes one blank cell."""
    return not stripped.strip("|｜ \t\\")


@cache
def cell_type(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).strip()
    if _BLANK.match(s):
        return BLANK
    compact = re.sub(r"\s+", "", s)
    if _level1().match(compact):
        return LEVEL1
    if _level2().match(compact):
        return LEVEL2
    if _END().match(compact):
        return END
    if _OP_ONLY.match(compact):
        return OP
    if _NUM.match(compact):
        return NUM
    if _PCT.match(compact):
        return PCT
    if _NAME_NUMBER.match(compact):
        return NAME
    if _header().search(compact) and len(compact) <= 16:
        return HEAD
    if len(compact) <= 8 and not re.search(r"\d", compact) and _is_unit(compact):
        return UNIT
    if len(compact) <= 30 and re.search(r"\d", compact):
        quantity, _ = parse_quantity(compact)
        if quantity is not None and quantity.is_quantitative and (len(quantity.unit or "") <= 4 or "/" in quantity.unit):
            return QTY
    return TEXT if len(compact) <= 40 else LONG


_COMPOUND_UNIT = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:[/*·.][\u4e00-\u9fff]{1,3}){1,3}$")
_NOT_UNITS = QUAL_LABELS_MET | QUAL_LABELS_PARTIAL | QUAL_LABELS_NOT_MET | set("优良中差好是否")


def _is_unit(word: str) -> bool:
    """A unit on its own (人次, %, 万元, 元/人*月): short, and the value grammar reads `1` + word as a quantity
    in it; qualitative words (有效, 达标) are values, not units."""
    if _COMPOUND_UNIT.match(word):
        return True
    if len(word) > 3 or word in _NOT_UNITS:
        return False
    quantity, _ = parse_quantity("1" + word)
    return quantity is not None and quantity.is_quantitative and bool(quantity.unit) and word.startswith(quantity.unit)


@cache
def _level1() -> re.Pattern[str]:
    return re.compile(vocab.alternation(vocab.tables()["indicators"]["level1"], tolerant=False) + _SCORE_SUFFIX + "$")


@cache
def _level2() -> re.Pattern[str]:
    return re.compile(vocab.alternation(vocab.tables()["indicators"]["level2"], tolerant=False) + r"等?" + _SCORE_SUFFIX + "$")


@cache
def _END() -> re.Pattern[str]:
    return re.compile("|".join(vocab.tables()["indicators"]["ends"]))


@cache
def _header() -> re.Pattern[str]:
    t = vocab.tables()
    words = [c["pattern"] for c in t["indicators"]["columns"] + t["funds"]["columns"]] + ["^绩效指标$", "^指标$"]
    return re.compile("|".join(words))


from .glued import is_glued, split_line  # noqa: E402  (glued.py builds Cells)


def is_number(cell: Cell) -> bool:
    return cell.type in (NUM, PCT)

"""Table cells from flattened text: `|`-separated cells, one cell per line, or cells split by spaces.

Published tables reach us flattened in three ways; all become one stream of cells with their spans:
- `a | b | c |` lines: each `|` piece is a cell, empty pieces are empty cells (columns stay aligned);
- one cell per line: each line is a cell (blank lines only separate);
- space-separated rows (`指标2:修缮建筑面积 6000平方米 6000平方米 7 7`): each word is a cell, and empty
  cells are lost, so rows of such tables are read by `indicator_rows.guess_rows`, not by column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PIPE = re.compile(r"[|｜]")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    piped: bool  # from a `|` table: empty cells kept, so columns can be counted

    @property
    def empty(self) -> bool:
        return not self.text or self.text in ("/", "\\", "-", "—")


def cells(text: str) -> list[Cell]:
    out: list[Cell] = []
    pos = 0
    for line in text.split("\n"):
        if _PIPE.search(line):
            out.extend(_piped(line, pos))
        else:
            out.extend(Cell(m.group(), pos + m.start(), pos + m.end(), False) for m in _WORD.finditer(line))
        pos += len(line) + 1
    return out


def _piped(line: str, pos: int) -> list[Cell]:
    pieces, start = [], 0
    for m in _PIPE.finditer(line):
        pieces.append((start, m.start()))
        start = m.end()
    if line[start:].strip(" \\\t"):
        pieces.append((start, len(line)))
    out = []
    for a, b in pieces:
        raw = line[a:b]
        stripped = raw.strip(" \\\t")
        offset = raw.find(stripped) if stripped else 0
        out.append(Cell(stripped, pos + a + offset, pos + a + offset + len(stripped), True))
    return out


_NUM_CELL = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")


def is_number(cell: Cell) -> bool:
    return bool(_NUM_CELL.match(cell.text))

"""Lines and cells of a page from the positions of its text, not from the order the file stores it in.

A PDF (or an OCR'd page image) gives text runs with boxes. Runs whose vertical extents overlap form a line,
read left to right; a gap wider than the text is tall separates two cells. A page where several lines
have three or more cells is a table page: its lines are written `cell | cell | cell |`, as flattened
tables are everywhere else, so the table reader sees the columns in their visual order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    left: float
    top: float  # distance from the top of the page (grows downwards)
    right: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


_CELL_GAP = 1.2  # a gap of more than 1.2 text heights between runs separates cells
_MIN_TABLE_LINES = 2


def lines(runs: list[Run]) -> list[list[str]]:
    """The page as lines top to bottom, each a list of cells left to right."""
    rows: list[list[Run]] = []
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: (r.top + r.bottom) / 2):
        if rows:
            last = rows[-1]
            top = sum(r.top for r in last) / len(last)
            bottom = sum(r.bottom for r in last) / len(last)
            overlap = min(bottom, run.bottom) - max(top, run.top)
            if overlap >= 0.5 * min(run.height, bottom - top):
                last.append(run)
                continue
        rows.append([run])
    out: list[list[str]] = []
    for row in rows:
        row.sort(key=lambda r: r.left)
        height = sorted(r.height for r in row)[len(row) // 2]
        cells: list[str] = [row[0].text.strip()]
        for prev, run in zip(row, row[1:]):
            gap = run.left - prev.right
            if gap > _CELL_GAP * height:
                cells.append(run.text.strip())
            else:
                cells[-1] += (" " if gap > 0.3 * height else "") + run.text.strip()
        out.append(cells)
    return out


def is_table(page_lines: list[list[str]]) -> bool:
    return sum(1 for cells in page_lines if len(cells) >= 3) >= _MIN_TABLE_LINES


def as_text(page_lines: list[list[str]]) -> str:
    """Lines of one cell as they are; lines of several as `a | b | c |`."""
    return "\n".join(cells[0] if len(cells) == 1 else " | ".join(cells) + " |" for cells in page_lines)

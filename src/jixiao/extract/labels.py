"""Values after form labels: `实施单位 | 某某局`, `项目单位: 某某局`, `主管部门某某局实施单位…` (no separator).

A form flattened to text keeps its labels; the value is the next cell, or what follows the label on its line
up to the next label the form has (vocab/fields.yaml `form_stops`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import vocab
from .cells import BLANK, HEAD, Cell
from .document import Document

_STAMP = r"(?:\s*\((?:盖章|公章|签章)\))?"
_CODE = re.compile(r"^\s*(?:\[\s*\d+\s*\]|[0-9A-Za-z]{2,}\s*[-—]\s*|\d{4,}\s+)")
_HEADER_WORDS = re.compile(r"计划|到位|情况|金额|预算|执行|资金|数$")


@dataclass(frozen=True)
class Labelled:
    label: str
    value: str
    start: int
    end: int
    in_cell: bool  # the value is a table cell of its own


@cache
def _stops() -> re.Pattern[str]:
    return re.compile(vocab.alternation(vocab.fields()["form_stops"]))


def strip_code(text: str) -> str:
    """`[155]某局`, `219001-某镇人民政府`: the budget code before a name goes."""
    return _CODE.sub("", text, count=1).strip()


def find_labelled(doc: Document, cells: list[Cell], label: str, one_word: bool = False) -> list[Labelled]:
    """Every value of `label`, in text order: as the cell after a label cell, or inline after the label
    (up to the next form label; with `one_word`, up to the first space: a body's name has none)."""
    found: list[Labelled] = []
    cell_re = re.compile(rf"^{vocab.alternation([label], tolerant=True)}{_STAMP}\s*[:：]?$")
    for i, cell in enumerate(cells):
        if not cell_re.match(cell.text.strip()):
            continue
        if not cell.piped and i + 1 < len(cells) and cells[i + 1].line == cell.line and not one_word:
            continue  # `项目名称 某某 某某经费` on one line: read inline, up to the next label
        for nxt in cells[i + 1:i + 3]:
            if nxt.type == BLANK:
                continue
            if nxt.type == HEAD or _is_column_header(cells, cells.index(nxt)):
                break
            found.append(Labelled(label, nxt.text, nxt.start, nxt.end, True))
            break
    inline = re.compile(rf"{vocab.alternation([label], tolerant=True)}{_STAMP}\s*[:：]?[ \t]*")
    for m in inline.finditer(doc.text):
        if any(f.start <= m.end() <= f.end + 1 for f in found):
            continue
        line_end = doc.text.find("\n", m.end())
        line_end = len(doc.text) if line_end == -1 else line_end
        rest = doc.text[m.end():line_end]
        if not rest.strip() or rest.lstrip().startswith(("|", "｜")):
            continue
        value = re.split(r"[|｜]|\s+" if one_word else r"[|｜]|\s{2,}", rest.strip())[0]
        stop = _stops().search(value, 1)
        if stop:
            value = value[:stop.start()]
        value = value.strip()
        if value:
            start = m.end() + rest.find(value)
            found.append(Labelled(label, value, start, start + len(value), False))
    found.sort(key=lambda f: f.start)
    return found


def _is_column_header(cells: list[Cell], i: int) -> bool:
    """`项目名称 | 中央、省、市(州)、县级财政资金 | 资金计划 | 资金到位情况`: the label heads a column here."""
    own_line = not any(c.line == cells[i].line for c in cells[max(0, i - 1):i] + cells[i + 1:i + 2])
    after = [c for c in cells[i + 1:i + 4] if c.type != BLANK and (c.line == cells[i].line or own_line)][:2]
    return len(after) == 2 and all(len(c.text) <= 8 and not re.search(r"\d", c.text) and _HEADER_WORDS.search(c.text)
                                   for c in after)

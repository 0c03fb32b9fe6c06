"""Breaking a report title into lines by meaning (GB/T 9704-2012 7.3.3: 回行时词意完整、排列对称).

The title comes in parts (year, unit, project, kind of report; see Evaluation.title_parts). Lines
are made of whole parts; a part too long for one line is first cut where a place name or a
clause ends. Of all the ways to do that, the one with the fewest lines and the most even line
lengths wins, so two lines come out as a trapezoid rather than one full line and a stub.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import combinations

# 2号 (22 pt) characters in the 156 mm (442 pt) text block.
TITLE_CHARS_PER_LINE = 20

# Where a long unit or project name may be cut: after an administrative level or a joining word.
_CUT_AFTER = re.compile(r"(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|地区|区|县|旗|镇|乡|街道|委员会|"
                        r"及|和|与|、|暨)(?!委员会|委)(?=.)")


def width(text: str, autospace: float = 0.0) -> float:
    """Printed width in full-width characters: ASCII letters and digits take half a character.

    `autospace` is the gap Word, WPS and LibreOffice put between Chinese and Western characters
    (about a fifth of a character), counted once per change of script.
    """
    narrow = [unicodedata.east_asian_width(c) in "NaH" for c in text]
    changes = sum(1 for a, b, c, d in zip(narrow, narrow[1:], text, text[1:])
                  if a != b and (c.isalnum() or d.isalnum()))
    return sum(0.5 if n else 1.0 for n in narrow) + autospace * changes


def title_lines(parts: tuple[str, ...], per_line: float = TITLE_CHARS_PER_LINE) -> tuple[str, ...]:
    """The title as lines of whole parts: fewest lines, then fewest cuts inside a part, then the most even."""
    pieces: list[str] = []
    inner: set[int] = set()  # piece boundaries that fall inside a part
    for part in (p for p in parts if p):
        split = _split(part, per_line)
        inner.update(range(len(pieces) + 1, len(pieces) + len(split)))
        pieces += split
    if not pieces:
        return ()
    gaps = range(1, len(pieces))
    for n_cuts in range(len(pieces)):
        best: tuple[tuple[int, float], tuple[str, ...]] | None = None
        for cuts in combinations(gaps, n_cuts):
            bounds = (0, *cuts, len(pieces))
            lines = tuple("".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:]))
            widths = [width(line) for line in lines]
            if max(widths) > per_line:
                continue
            key = (len(inner.intersection(cuts)), max(widths) - min(widths))
            if best is None or key < best[0]:
                best = (key, lines)
        if best is not None:  # the fewest lines that fit
            return best[1]
    return tuple(pieces)  # not reached: every piece fits a line


def _split(part: str, per_line: float) -> list[str]:
    """A part that fits stays whole; a longer one is cut at every good place, and hard only where none is."""
    if width(part) <= per_line:
        return [part]
    cuts = [m.end() for m in _CUT_AFTER.finditer(part) if m.end() > 1]
    pieces = [part[a:b] for a, b in zip([0, *cuts], [*cuts, len(part)])]
    out: list[str] = []
    for piece in pieces:
        while width(piece) > per_line:
            fits = max(i for i in range(1, len(piece) + 1) if width(piece[:i]) <= per_line)
            out.append(piece[:fits])
            piece = piece[fits:]
        out.append(piece)
    return out

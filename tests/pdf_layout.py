"""Measuring a rendered report against GB/T 9704-2012, from the PDF itself (positions in millimetres).

pdfplumber gives each character's box; the page number's dash is located by its ink, rendered with
pypdfium2, because a glyph's box says where the font's em square is, not where the stroke is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2

MM = 72 / 25.4  # points per millimetre
PAGE_W, PAGE_H = 210.0, 297.0
TOP, BOTTOM, LEFT, RIGHT = 37.0, 35.0, 28.0, 26.0  # GB/T 9704 margins: the 版心 is 156 × 225 mm
BLOCK_LEFT, BLOCK_RIGHT, BLOCK_BOTTOM = LEFT, PAGE_W - RIGHT, PAGE_H - BOTTOM
BLOCK_CENTRE = (BLOCK_LEFT + BLOCK_RIGHT) / 2
DASHES = "—"


@dataclass(frozen=True)
class Line:
    page: int  # 1-based
    text: str
    x0: float  # mm from the page's left edge
    x1: float
    top: float  # mm from the page's top edge
    bottom: float
    size: float  # font size in pt
    fonts: frozenset[str]


@dataclass(frozen=True)
class PageNumber:
    page: int
    x0: float  # left end of the first dash
    x1: float  # right end of the last dash
    dash_y: float  # centre of the dash stroke, mm from the top


def lines(pdf: Path) -> list[Line]:
    """The text lines of every page (characters grouped by baseline), page numbers included."""
    out: list[Line] = []
    with pdfplumber.open(str(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            rows: dict[int, list[dict]] = {}
            for c in page.chars:
                if c["text"].strip():
                    rows.setdefault(round(c["bottom"]), []).append(c)
            for key in sorted(rows):
                chars = sorted(rows[key], key=lambda c: c["x0"])
                out.append(Line(number, "".join(c["text"] for c in chars), chars[0]["x0"] / MM, chars[-1]["x1"] / MM,
                                min(c["top"] for c in chars) / MM, max(c["bottom"] for c in chars) / MM,
                                max(c["size"] for c in chars), frozenset(c["fontname"] for c in chars)))
    return out


def page_numbers(pdf: Path, scale: float = 600 / 72) -> list[PageNumber]:
    """Each page's “— N —”: its horizontal extent and where the dash strokes are inked."""
    found = []
    rendered = pypdfium2.PdfDocument(str(pdf))
    try:
        for line in lines(pdf):
            if not (line.text.startswith("—") and line.text.endswith("—") and line.top > BLOCK_BOTTOM):
                continue
            page = rendered[line.page - 1]
            image = page.render(scale=scale, grayscale=True).to_pil()
            found.append(PageNumber(line.page, line.x0, line.x1, _ink_centre(image, line, scale)))
    finally:
        rendered.close()
    return found


def _ink_centre(image, line: Line, scale: float) -> float:
    """The vertical centre of the dark pixels over the first dash (mm from the top)."""
    px = scale * MM
    left, right = int(line.x0 * px) + 2, int((line.x0 + 2.0) * px)  # well inside the first dash
    top, bottom = int((line.top - 2) * px), int((line.bottom + 2) * px)
    rows = [y for y in range(top, bottom) if any(image.getpixel((x, y)) < 128 for x in range(left, right))]
    return (rows[0] + rows[-1]) / 2 / px if rows else float("nan")


def body_lines(all_lines: list[Line]) -> list[Line]:
    """Lines inside the 版心 (not the page numbers below it)."""
    return [line for line in all_lines if line.bottom <= BLOCK_BOTTOM + 1]


def title_lines(all_lines: list[Line]) -> list[Line]:
    """The title: the 2号 (22 pt) lines of page 1."""
    return [line for line in all_lines if line.page == 1 and abs(line.size - 22) < 0.5]

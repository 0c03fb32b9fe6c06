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


BODY_CHAR_MM = 15.75 / MM  # a 3号 character as the template sets it (16 pt tightened by 0.25 pt)
PAGE_NUMBER_CHAR_MM = 14 / MM  # a 4号 character: the page number's 空一字


@dataclass(frozen=True)
class Measures:
    """One report's GB/T 9704 measurements, in millimetres unless said otherwise."""

    dash_below_block: tuple[float, ...]  # per page: the page number's dash below the 版心's bottom edge
    odd_right_gap: tuple[float, ...]  # odd pages: the number's right end to the 版心's right edge
    even_left_gap: tuple[float, ...]  # even pages: the 版心's left edge to the number's left end
    title_lines: tuple[str, ...]
    title_offsets: tuple[float, ...]  # each title line's centre minus the 版心's centre
    title_fonts: frozenset[str]
    body_overhang: float  # the furthest any body character reaches past the 版心's right edge (≤ 0: inside)
    body_left: float  # the leftmost body character's left edge
    split_numbers: tuple[str, ...]  # lines that end inside a number continued on the next line
    signature_right_chars: float | None  # 落款's gap to the right edge, in body characters
    date_shift_chars: float | None  # 成文日期's first character right of 落款's first, in body characters
    date_right_chars: float | None  # 成文日期's gap to the right edge, in body characters
    lang: str


def measure(pdf: Path, signature: str, date: str) -> Measures:
    import re

    all_lines = lines(pdf)
    body = body_lines(all_lines)
    numbers = page_numbers(pdf)
    title = title_lines(all_lines)
    split = tuple(f"{a.text[-6:]}|{b.text[:6]}" for a, b in zip(body, body[1:])
                  if a.page == b.page and re.search(r"\d\.?$", a.text) and re.match(r"\.?\d", b.text))
    sig = next((line for line in reversed(body) if line.text == signature), None)
    day = next((line for line in reversed(body) if date and line.text == date), None)
    raw = pdf.read_bytes()
    lang = re.search(rb"/Lang\s*\(([^)]*)\)", raw)
    return Measures(
        dash_below_block=tuple(n.dash_y - BLOCK_BOTTOM for n in numbers),
        odd_right_gap=tuple(BLOCK_RIGHT - n.x1 for n in numbers if n.page % 2),
        even_left_gap=tuple(n.x0 - BLOCK_LEFT for n in numbers if not n.page % 2),
        title_lines=tuple(line.text for line in title),
        title_offsets=tuple((line.x0 + line.x1) / 2 - BLOCK_CENTRE for line in title),
        title_fonts=frozenset(f for line in title for f in line.fonts),
        # a body character's box is 16 pt wide but it advances 15.75 pt: the last one's box passes its advance
        body_overhang=max(line.x1 for line in body) - (16 - 15.75) / MM - BLOCK_RIGHT,
        body_left=min(line.x0 for line in body),
        split_numbers=split,
        signature_right_chars=(BLOCK_RIGHT - sig.x1) / BODY_CHAR_MM if sig else None,
        date_shift_chars=(day.x0 - sig.x0) / BODY_CHAR_MM if sig and day else None,
        date_right_chars=(BLOCK_RIGHT - day.x1) / BODY_CHAR_MM if day else None,
        lang=lang.group(1).decode() if lang else "",
    )


def fonts_of(pdf: Path, text: str) -> set[str]:
    """The fonts the characters of `text` are drawn in, wherever they occur."""
    with pdfplumber.open(str(pdf)) as doc:
        return {c["fontname"] for page in doc.pages for c in page.chars if c["text"] in text}


# The rows of the measurements table in docs/rendering.md: (label, what GB/T 9704-2012 asks, how to show a value).
def _mm(values) -> str:
    values = list(values)
    if not values:
        return "—"
    low, high = min(values), max(values)
    return f"{low:.2f} mm" if abs(high - low) < 0.005 else f"{low:.2f}–{high:.2f} mm"


TABLE_ROWS = (
    ("页码一字线距版心下边缘", "7 mm", lambda m: _mm(m.dash_below_block)),
    ("单页码右端距版心右边缘", "空一字（4号字 4.94 mm）", lambda m: _mm(m.odd_right_gap)),
    ("双页码左端距版心左边缘", "空一字（4号字 4.94 mm）", lambda m: _mm(m.even_left_gap)),
    ("标题各行中心偏离版心中线", "居中（0 mm）", lambda m: _mm(abs(x) for x in m.title_offsets)),
    ("标题回行", "词意完整，排列对称", lambda m: " / ".join(m.title_lines)),
    ("正文最右字符超出版心右边缘", "不超出（≤ 0 mm）", lambda m: _mm([m.body_overhang])),
    ("正文左边缘距页面左边缘", "28 mm", lambda m: _mm([m.body_left])),
    ("落款右空", "二字（成文日期较长时相应增加）", lambda m: f"{m.signature_right_chars:.2f} 字" if m.signature_right_chars is not None else "—"),
    ("成文日期首字比落款首字右移", "二字", lambda m: f"{m.date_shift_chars:.2f} 字" if m.date_shift_chars is not None else "（无成文日期）"),
    ("成文日期右空", "不少于二字（日期较长时为二字）",
     lambda m: f"{m.date_right_chars:.2f} 字" if m.date_right_chars is not None else "（无成文日期）"),
    ("PDF 语言", "zh-CN", lambda m: m.lang),
)


def table(measured: dict[str, Measures]) -> str:
    """The Markdown table of measurements, one column per example."""
    names = list(measured)
    lines = ["| 项目 | GB/T 9704-2012 | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for label, wanted, show in TABLE_ROWS:
        lines.append(f"| {label} | {wanted} | " + " | ".join(show(measured[n]) for n in names) + " |")
    return "\n".join(lines) + "\n"

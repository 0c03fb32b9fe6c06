"""Normalised text dumps of rendered files, for golden tests and for reviewing a change by diff.

DOCX: one line per paragraph, `style | East-Asian font | text` (the font from the style chain).
XLSX: one line per non-empty cell, `sheet!cell = value` (formulas as written, with their stored result), then merges
and page set-up.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook


def docx_dump(path: str | Path) -> str:
    doc = Document(str(path))
    lines = [f"{p.style.name} | {east_asia_font(p.style)} | {p.text}" for p in doc.paragraphs]
    return "\n".join(lines) + "\n"


def east_asia_font(style) -> str:
    """The w:eastAsia font a style sets, following basedOn up to the document defaults."""
    while style is not None:
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
        style = style.base_style
    return ""


def xlsx_dump(path: str | Path) -> str:
    """Cells with their values; a formula also shows the result stored with it (`=SUM(…) → 100`)."""
    wb = load_workbook(str(path))
    results = load_workbook(str(path), data_only=True)
    lines = []
    for ws in wb.worksheets:
        stored = results[ws.title]
        lines.append(f"[{ws.title}] print_area={ws.print_area} orientation={ws.page_setup.orientation} "
                     f"paper={ws.page_setup.paperSize} fit_width={ws.page_setup.fitToWidth}")
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    result = f" → {stored[cell.coordinate].value!r}" if cell.data_type == "f" else ""
                    lines.append(f"{cell.coordinate} = {cell.value!r}{result}")
        lines.append("merged: " + " ".join(sorted(str(r) for r in ws.merged_cells.ranges)))
    return "\n".join(lines) + "\n"

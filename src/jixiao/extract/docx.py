"""DOCX → Document with python-docx: paragraphs and tables in document order.

A table becomes one line per row with cells separated by ` | ` (merged cells once), so the table
readers see the same shapes as in flattened web text; each line keeps its paragraph or table index.
"""

from __future__ import annotations

import io
import zipfile

from .document import Document, DocumentBuilder, Origin
from .textlayer import ExtractError


def read_docx(data: bytes, name: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractError("JX-E004", "DOCX 文件已损坏，或不是 Word 文档") from exc
    builder = DocumentBuilder(name, "docx")
    paragraph_index = table_index = 0
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(block, document).text
            if text.strip():
                builder.add(text, Origin(paragraph=paragraph_index))
            paragraph_index += 1
        elif tag == "tbl":
            for row in _rows(Table(block, document)):
                builder.add(row, Origin(table=table_index))
            table_index += 1
    return builder.build()


def _rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        seen, cells = set(), []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        rows.append(" | ".join(cells) + " |")
    return rows

"""PDF → Document with pypdfium2: each page's text, page by page, so every span knows its page.

A page's text comes from its text layer. Where the page holds a table (several lines of three or more
cells), the lines are rebuilt from the positions of the text runs (layout.py): columns in their visual
order, whatever order the file stores the text in. A page with no text layer is a scan: it is read by OCR
(ocr.py), and every value found on it is marked as read from an image.
"""

from __future__ import annotations

import pypdfium2 as pdfium

from .document import Document, DocumentBuilder, Origin
from .layout import Run, as_text, is_table, lines
from .textlayer import ExtractError

_MIN_CHARS_PER_PAGE = 10  # less than this: the page is an image


def read_pdf(data: bytes, name: str) -> Document:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc) from exc
    try:
        builder = DocumentBuilder(name, "pdf")
        scanned = []
        for index in range(len(pdf)):
            page = pdf[index]
            text = _page_text(page)
            if len(text.strip()) < _MIN_CHARS_PER_PAGE:
                scanned.append(index)
                text = _ocr(page)
            page.close()
            builder.add(text, Origin(page=index + 1, ocr=index in scanned))
    except pdfium.PdfiumError as exc:
        raise ExtractError("JX-E004", f"PDF 文件已损坏，无法读取页面内容（{exc}）") from exc
    finally:
        pdf.close()
    document = builder.build()
    if not document.text.strip():
        raise ExtractError("JX-E002", "这个 PDF 没有文字层（很可能是扫描件或图片），文字识别（OCR）也没有认出文字："
                                      "请使用更清晰的扫描件，或带文字的 PDF、DOCX、网页版本")
    return document


def _page_text(page) -> str:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
        if len(text.strip()) < _MIN_CHARS_PER_PAGE:
            return text
        height = page.get_height()
        runs = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            runs.append(Run(left, height - top, right, height - bottom, textpage.get_text_bounded(left, bottom, right, top)))
        page_lines = lines(runs)
        return as_text(page_lines) if is_table(page_lines) else text
    finally:
        textpage.close()


def _ocr(page) -> str:
    from . import ocr

    try:
        return ocr.read_page(page)
    except ocr.OCRUnavailable:
        return ""


def _open_error(exc: Exception) -> ExtractError:
    message = str(exc)
    if "password" in message.lower() or "security" in message.lower():
        return ExtractError("JX-E003", "PDF 文件已加密（需要密码）：请提供未加密的版本")
    return ExtractError("JX-E004", "PDF 文件已损坏或不完整，无法打开")

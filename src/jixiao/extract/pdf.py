"""PDF → Document with pypdfium2: each page's text layer, page by page, so every span knows its page.

A page of extracted text keeps the line breaks pdfium gives; patterns downstream tolerate line-wrap
spaces and breaks inside words. A PDF with no text at all is a scan (OCR is a later step).
"""

from __future__ import annotations

import pypdfium2 as pdfium

from .document import Document, DocumentBuilder, Origin
from .textlayer import ExtractError

_MIN_CHARS_PER_PAGE = 10  # less than this on every page: the pages are images


def read_pdf(data: bytes, name: str) -> Document:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc) from exc
    try:
        builder = DocumentBuilder(name, "pdf")
        total = 0
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
            textpage.close()
            page.close()
            total += len(text.strip())
            builder.add(text, Origin(page=index + 1))
    except pdfium.PdfiumError as exc:
        raise ExtractError("JX-E004", f"PDF 文件已损坏，无法读取页面内容（{exc}）") from exc
    finally:
        pdf.close()
    if total < _MIN_CHARS_PER_PAGE * max(1, len(builder.origins)) and total < 50:
        raise ExtractError("JX-E002", "这个 PDF 没有文字层（很可能是扫描件或图片）：本工具暂不支持文字识别（OCR），"
                                      "请使用带文字的 PDF、DOCX 或网页版本")
    return builder.build()


def _open_error(exc: Exception) -> ExtractError:
    message = str(exc)
    if "password" in message.lower() or "security" in message.lower():
        return ExtractError("JX-E003", "PDF 文件已加密（需要密码）：请提供未加密的版本")
    return ExtractError("JX-E004", "PDF 文件已损坏或不完整，无法打开")

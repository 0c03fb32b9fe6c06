"""Rendering: ReportView (formatted once) → DOCX report, XLSX 自评表, HTML, Markdown, PDF.

Heavy libraries (docxtpl, openpyxl) are imported by the renderer that needs them, so
importing jixiao.render to build a view stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from .pdf import PdfUnavailable, pdf_available, render_pdf
from .view import Block, ReportView, ReviewerScore, build_view, make_view


def render_docx(view: ReportView, path: str | Path, template: str | Path | None = None) -> Path:
    from .docx import render_docx as _render

    return _render(view, path, template)


def render_xlsx(view: ReportView, path: str | Path) -> Path:
    from .xlsx import render_xlsx as _render

    return _render(view, path)


def render_summary_xlsx(year: int, rows, path: str | Path) -> Path:
    from .summary import render_summary_xlsx as _render

    return _render(year, rows, path)


def render_html(view: ReportView) -> str:
    from .html import render_html as _render

    return _render(view)


def render_markdown(view: ReportView) -> str:
    from .markdown import render_markdown as _render

    return _render(view)


__all__ = [
    "Block", "PdfUnavailable", "ReportView", "ReviewerScore", "build_view", "make_view", "pdf_available",
    "render_docx", "render_html", "render_markdown", "render_pdf", "render_summary_xlsx", "render_xlsx",
]

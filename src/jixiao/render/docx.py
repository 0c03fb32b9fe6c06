"""The DOCX report: the view poured into a docxtpl template (GB/T 9704-2012 layout by default)."""

from __future__ import annotations

from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from docx.shared import Pt
from docxtpl import DocxTemplate, Listing
from jinja2 import Environment

from .title import width
from .view import ReportView

# The body's character advance: 3号 (16 pt) tightened by 0.25 pt (see scripts/make_docx_template.py).
BODY_CHAR_PT = 15.75
# The space word processors add between Chinese characters and digits (2025年3月20日), in characters:
# LibreOffice adds 0.22, Word about a quarter.
AUTOSPACE_CHARS = 0.23


def default_template() -> Path:
    """The shipped template; copy it, restyle it in Word or WPS, pass it back as `template`."""
    return Path(str(resources.files(__package__).joinpath("templates/report.docx")))


def render_docx(view: ReportView, path: str | Path, template: str | Path | None = None) -> Path:
    """Write the report to `path`. Text is XML-escaped, so & < > in user text are safe."""
    doc = DocxTemplate(str(template or default_template()))
    doc.render({"v": view}, _environment(), autoescape=True)
    _place_closing(doc, view)
    _set_core_properties(doc, view)
    path = Path(path)
    doc.save(str(path))
    return path


def _environment() -> Environment:
    env = Environment()
    # {{ v.title_lines|lines }}: one paragraph, the lines joined by line breaks (<w:br/>), so the
    # title stays one paragraph for readers and extractors while breaking where jixiao decided.
    env.filters["lines"] = lambda lines: Listing("\n".join(lines))
    return env


def _place_closing(doc: DocxTemplate, view: ReportView) -> None:
    """落款 two characters in from the right; 成文日期 below it, starting two characters further right.

    GB/T 9704 7.3.5.2: when the date is the longer line, the date keeps two characters on its right
    and the signature moves right so that the date still starts two characters after it.
    """
    sig_w, date_w = width(view.signature, AUTOSPACE_CHARS), width(view.date, AUTOSPACE_CHARS)
    date_right = max(2.0, sig_w - date_w) if view.date else 2.0
    sig_right = date_right + date_w + 2 - sig_w if view.date else 2.0
    for paragraph in doc.docx.paragraphs:
        name = paragraph.style.name if paragraph.style is not None else ""
        if name == "落款":
            paragraph.paragraph_format.right_indent = Pt(sig_right * BODY_CHAR_PT)
        elif name == "成文日期":
            paragraph.paragraph_format.right_indent = Pt(date_right * BODY_CHAR_PT)


def _set_core_properties(doc: DocxTemplate, view: ReportView) -> None:
    """Title, author and dates in File → Properties, as a reviewer's document list shows them."""
    props = doc.docx.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props.title = view.title
    props.author = view.department
    props.last_modified_by = view.department
    props.comments = "由 jixiao 生成"
    props.created = props.modified = now  # not the template's own date
    props.revision = 1
    props.language = "zh-CN"

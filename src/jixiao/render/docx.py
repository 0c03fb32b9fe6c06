"""The DOCX report: the view poured into a docxtpl template (GB/T 9704-2012 layout by default)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from docxtpl import DocxTemplate

from .view import ReportView


def default_template() -> Path:
    """The shipped template; copy it, restyle it in Word or WPS, pass it back as `template`."""
    return Path(str(resources.files(__package__).joinpath("templates/report.docx")))


def render_docx(view: ReportView, path: str | Path, template: str | Path | None = None) -> Path:
    """Write the report to `path`. Text is XML-escaped, so & < > in user text are safe."""
    doc = DocxTemplate(str(template or default_template()))
    doc.render({"v": view}, autoescape=True)
    _set_core_properties(doc, view)
    path = Path(path)
    doc.save(str(path))
    return path


def _set_core_properties(doc: DocxTemplate, view: ReportView) -> None:
    """Title and author in File → Properties, as a reviewer's document list shows them."""
    props = doc.docx.core_properties
    props.title = view.title
    props.author = view.department
    props.comments = "由 jixiao 生成"

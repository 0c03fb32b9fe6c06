"""A stored document as a file to download: YAML, JSON, DOCX, XLSX, PDF (reports through the review pipeline)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml

from .. import render
from ..load import to_yaml
from ..load.xlsx_write import write_xlsx
from ..model import Stage
from .analysis import analyse, load_document

CONTENT_TYPES = {
    "yaml": "application/x-yaml; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class ExportUnavailable(Exception):
    """The format cannot be produced here (a component is not installed, or the data does not load)."""


def export(document: dict, fmt: str, review_scores: dict | None = None) -> bytes:
    """The document as `fmt`; `review_scores` (render.ReviewerScore by row path) put a reviewer's 复核评分 into
    the 自评表's 复核得分 column."""
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "yaml":
        loaded = load_document(document)
        if loaded.evaluation is not None:
            return to_yaml(loaded.evaluation).encode("utf-8")
        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")
    if document.get("stage") == Stage.TARGET.value:
        return _targets_table(document, fmt)
    reviewed = analyse(document)
    if reviewed.evaluation is None:
        raise ExportUnavailable("数据有错误，无法生成报告：请先在编辑页修正错误。")
    return _render(reviewed, fmt, review_scores)


def _targets_table(document: dict, fmt: str) -> bytes:
    """A 绩效目标表 has no report yet: its XLSX is the input workbook (the template, filled in), which can be
    edited and uploaded again."""
    if fmt != "xlsx":
        raise ExportUnavailable("绩效目标表不生成自评报告（DOCX/PDF）：可下载 XLSX 表格、YAML 或 JSON。")
    loaded = load_document(document)
    if loaded.evaluation is None:
        raise ExportUnavailable("数据有错误，无法生成表格：请先在编辑页修正错误。")
    with tempfile.TemporaryDirectory(prefix="jixiao-export-") as tmp:
        out = Path(tmp) / "targets.xlsx"
        write_xlsx(loaded.evaluation, out)
        return out.read_bytes()


def _render(reviewed, fmt: str, review_scores: dict | None = None) -> bytes:
    # An unknown or broken rule set leaves the review unscored, with its finding: the report is still made.
    with tempfile.TemporaryDirectory(prefix="jixiao-export-") as tmp:
        out = Path(tmp) / f"report.{fmt}"
        view = render.build_view(reviewed, review_scores=review_scores)
        if fmt == "docx":
            render.render_docx(view, out)
        elif fmt == "xlsx":
            render.render_xlsx(view, out)
        else:
            docx = Path(tmp) / "report.docx"
            render.render_docx(view, docx)
            try:
                render.render_pdf(docx, out)
            except render.PdfUnavailable as exc:
                raise ExportUnavailable(f"无法生成 PDF：{exc}。可先下载 DOCX。")
        return out.read_bytes()

"""A stored document as a file to download: YAML, JSON, and — when rendering is installed — DOCX, XLSX, PDF."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml

from .analysis import load_document

CONTENT_TYPES = {
    "yaml": "application/x-yaml; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class ExportUnavailable(Exception):
    """The format cannot be produced here (a component is not installed, or the data does not load)."""


def export(document: dict, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    loaded = load_document(document)
    if fmt == "yaml":
        if loaded.evaluation is not None:
            from ..load import to_yaml

            return to_yaml(loaded.evaluation).encode("utf-8")
        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")
    if loaded.evaluation is None:
        raise ExportUnavailable("数据有错误，无法生成报告：请先在编辑页修正错误。")
    return _render(loaded.evaluation, fmt)


def _view(render, evaluation):
    """The report's view. An unknown or broken rule set leaves the report unscored, with that finding in it:
    a typo in 规则集 must not take every download down with it."""
    try:
        from ..rules import RuleSetError
    except ImportError:
        return render.build_view(evaluation)
    try:
        return render.build_view(evaluation)
    except RuleSetError:
        from ..checks import check

        findings = check(evaluation)  # the rule set's own finding (JX-R0xx) comes first
        return render.make_view(evaluation, None, findings)


def _render(evaluation, fmt: str) -> bytes:
    try:
        from .. import render
    except ImportError:
        render = None
    with tempfile.TemporaryDirectory(prefix="jixiao-export-") as tmp:
        out = Path(tmp) / f"report.{fmt}"
        if fmt == "xlsx" and (render is None or not hasattr(render, "render_xlsx")):
            try:
                from ..load.xlsx_write import write_xlsx
            except ImportError:
                raise ExportUnavailable("本系统尚未安装 Excel 输出功能。")
            write_xlsx(evaluation, out)
            return out.read_bytes()
        if render is None or not hasattr(render, "build_view"):
            raise ExportUnavailable("本系统尚未安装报告生成功能（DOCX/PDF）。")
        view = _view(render, evaluation)
        if fmt == "docx":
            render.render_docx(view, out)
        elif fmt == "xlsx":
            render.render_xlsx(view, out)
        else:
            docx = Path(tmp) / "report.docx"
            render.render_docx(view, docx)
            try:
                render.render_pdf(docx, out)
            except getattr(render, "PdfUnavailable", RuntimeError) as exc:
                raise ExportUnavailable(f"无法生成 PDF：{exc}。可先下载 DOCX。")
        return out.read_bytes()

"""Extraction from files: DOCX, HTML, Markdown, PDF; unreadable files become findings, never exceptions."""

import json
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from .conftest import need_tool
from jixiao.extract import extract_file

DATA = Path(__file__).parent / "data" / "extract"


def _key(name):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _docx_from_text(path: Path, text: str) -> Path:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def test_docx_paragraphs_give_the_same_summary(tmp_path):
    path = _docx_from_text(tmp_path / "report.docx", (DATA / "dept_prose.txt").read_text(encoding="utf-8"))
    result = extract_file(path)
    assert result.summary == _key("dept_prose")
    budget = next(v for v in result.values if v.path == "budget")
    assert budget.location.paragraph is not None and budget.location.file == str(path)


def test_docx_table_cells_in_document_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表（2023年度）")
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(table.rows, [("项目名称", "社区食堂运营补助"), ("主管部门", "南湖区民政局"),
                                                ("实施单位", "南湖区养老服务中心")]):
        row.cells[0].text, row.cells[1].text = label, value
    funds = document.add_table(rows=2, cols=5)
    for cell, text in zip(funds.rows[0].cells, ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率"]):
        cell.text = text
    for cell, text in zip(funds.rows[1].cells, ["年度资金总额", "60", "64.5", "60.2", "93.33%"]):
        cell.text = text
    path = tmp_path / "form.docx"
    document.save(path)
    summary = extract_file(path).summary
    assert summary["department"] == "南湖区养老服务中心"
    assert summary["report_type"] == "项目"
    assert (summary["budget_total"], summary["executed_total"], summary["execution_rate_pct"]) == (64.5, 60.2, 93.33)
    assert summary["projects"][0]["name"] == "社区食堂运营补助"
    located = next(v for v in extract_file(path).values if v.path == "budget")
    assert located.location.table == 1


def test_html_page_without_site_chrome(tmp_path):
    body = (DATA / "dept_prose.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    page = (f"<html><head><title>x</title><script>var a='全年预算数 1 万元';</script></head><body>"
            f"<div class='nav'>首页 &gt; 信息公开 &gt; 绩效评价 全年预算数 9 万元</div>"
            f"<article>{paragraphs}</article><footer>版权所有 执行数 1 万元</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="gb18030")
    assert extract_file(path).summary == _key("dept_prose")


def test_markdown_markup_is_ignored(tmp_path):
    text = (DATA / "dept_prose.txt").read_text(encoding="utf-8")
    text = text.replace("一、基本情况", "## 一、基本情况").replace("1.群众", "#### 1\\.群众").replace("2.非遗", "#### 2\\.非遗")
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    assert extract_file(path).summary == _key("dept_prose")


def _codes(path):
    result = extract_file(path)
    assert result.evaluation is None
    return [f.code for f in result.findings]


def test_pdf_without_text_layer_is_a_scan(tmp_path):
    pdf = pdfium.PdfDocument.new()
    for _ in range(2):
        pdf.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    result = extract_file(path)
    assert [f.code for f in result.findings] == ["JX-E002"]
    assert "扫描件" in result.findings[0].message


@pytest.mark.parametrize("name,data,code", [
    ("broken.pdf", b"%PDF-1.7\n1 0 obj <<>> garbage", "JX-E004"),
    ("broken.docx", b"PK\x03\x04 this is not a zip", "JX-E004"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "JX-E004"),
    ("binary.txt", b"\x00\x01\x02\x03" * 20, "JX-E004"),
    ("empty.txt", b"   \n", "JX-E001"),
])
def test_unreadable_files_are_findings(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    assert _codes(path) == [code]


def test_missing_file_and_directory(tmp_path):
    assert _codes(tmp_path / "nope.pdf") == ["JX-E001"]
    assert _codes(tmp_path) == ["JX-E001"]


def _libreoffice_pdf(tmp_path: Path, docx: Path, export_filter: str = "pdf") -> Path:
    soffice = need_tool("soffice")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    export_filter, "--outdir", str(tmp_path / "out"), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return tmp_path / "out" / (docx.stem + ".pdf")


@pytest.mark.pdf
def test_pdf_from_libreoffice_gives_the_same_summary(tmp_path):
    docx = _docx_from_text(tmp_path / "report.docx", (DATA / "dept_prose.txt").read_text(encoding="utf-8"))
    result = extract_file(_libreoffice_pdf(tmp_path, docx))
    assert result.summary == _key("dept_prose")
    assert next(v for v in result.values if v.path == "budget").location.page == 1


@pytest.mark.pdf
def test_encrypted_pdf_is_reported(tmp_path):
    docx = _docx_from_text(tmp_path / "secret.docx", "2023年度某局部门整体支出绩效自评报告")
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"mima"}}')
    path = _libreoffice_pdf(tmp_path, docx, options)
    assert _codes(path) == ["JX-E003"]

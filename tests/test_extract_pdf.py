"""PDF: columns from the positions of the text (not the order the file stores it in), and scanned pages
read by OCR — a report the project renders itself, turned into page images, gives the same figures."""

import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from .conftest import need_tool
from jixiao.extract import extract_file
from jixiao.extract.layout import Run, as_text, is_table, lines

DATA = Path(__file__).parent / "data" / "extract"


def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    document.save(path)
    return path


def _libreoffice_pdf(tmp_path: Path, source: Path) -> Path:
    soffice = need_tool("soffice")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=180)
    return tmp_path / (source.stem + ".pdf")


def _store_column_by_column(source: Path, target: Path) -> Path:
    """The same page with its text objects stored column by column (left to right, each top to bottom), as
    spreadsheets printed to PDF often are: the picture is unchanged, the text order is not."""
    pdf = pdfium.PdfDocument(source)
    page = pdf[0]
    texts = [o for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_TEXT]
    bounds = {id(o): o.get_bounds() for o in texts}
    for obj in texts:
        pdfium_c.FPDFPage_RemoveObject(page.raw, obj.raw)
    for obj in sorted(texts, key=lambda o: (round(bounds[id(o)][0]), -bounds[id(o)][3])):
        pdfium_c.FPDFPage_InsertObject(page.raw, obj.raw)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(target)
    return target


@pytest.mark.pdf
def test_table_columns_come_from_geometry_not_text_order(tmp_path):
    source = _docx(tmp_path / "form.docx", ["临溪县公路养护中心2023年度道路养护项目支出绩效自评表", "项目名称：道路养护经费"],
                   [["三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                    ["养护道路里程", "≥120公里", "126公里", "40", "40"],
                    ["道路优良率", "≥85%", "82%", "30", "25"]])
    path = _store_column_by_column(_libreoffice_pdf(tmp_path, source), tmp_path / "scrambled.pdf")
    stored = pdfium.PdfDocument(path)[0].get_textpage().get_text_bounded()
    assert stored.index("道路优良率") < stored.index("≥120")  # the names come before any value in the file
    result = extract_file(path)
    indicators = result.summary["projects"][0]["indicators"]
    assert [(i["name"], i["target"], i["actual"], i["met"]) for i in indicators] == [
        ("养护道路里程", "≥120公里", "126公里", True), ("道路优良率", "≥85%", "82%", False)]
    value = next(v for v in result.values if v.path.endswith("indicators[0].target"))
    assert value.location.page == 1 and value.method in ("table", "table-aligned")


def test_runs_become_lines_and_cells_by_position():
    runs = [Run(300, 10, 340, 20, "≥90%"), Run(60, 10, 120, 20, "满意度"), Run(60, 30, 200, 40, "说明文字"),
            Run(122, 10, 140, 20, "指标"), Run(400, 11, 420, 21, "93%")]
    page = lines(runs)
    assert page == [["满意度指标", "≥90%", "93%"], ["说明文字"]]
    assert as_text(page) == "满意度指标 | ≥90% | 93% |\n说明文字"
    assert not is_table(page) and is_table(page + page)


def _report_pdf(tmp_path: Path) -> Path:
    lines = (DATA / "dept_prose.txt").read_text(encoding="utf-8").splitlines()
    return _libreoffice_pdf(tmp_path, _docx(tmp_path / "report.docx", lines))


@pytest.mark.pdf
def test_a_scanned_report_gives_the_figures_of_its_text_version(tmp_path):
    text_pdf = _report_pdf(tmp_path)  # the project renders the page images itself
    pages = [page.render(scale=2).to_pil().convert("RGB") for page in pdfium.PdfDocument(text_pdf)]
    scan = tmp_path / "scan.pdf"
    pages[0].save(scan, save_all=True, append_images=pages[1:])  # a PDF of page images, no text layer
    assert not pdfium.PdfDocument(scan)[0].get_textpage().get_text_bounded().strip()
    from_text, from_scan = extract_file(text_pdf), extract_file(scan)
    assert from_scan.summary == from_text.summary
    budget = next(v for v in from_scan.values if v.path == "budget")
    assert budget.location.page == 1 and "OCR" in budget.why
    assert budget.confidence < next(v for v in from_text.values if v.path == "budget").confidence

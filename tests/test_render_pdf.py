"""PDF through LibreOffice: fonts embedded, CJK text in CJK fonts (no tofu), key figures present."""

import os
import re
import subprocess

import pytest

from jixiao.load import load_file
from jixiao.render import make_view, render_pdf
from jixiao.render.pdf import PdfUnavailable

from .conftest import SEED, need_tool

pytestmark = pytest.mark.pdf
CJK_FONT = re.compile(r"Fandol|CJK|Song|Hei|Kai|Fang|Ming", re.I)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    need_tool("soffice")
    need_tool("pdffonts")
    need_tool("pdftotext")
    view = make_view(load_file(SEED).evaluation)
    return render_pdf(view, tmp_path_factory.mktemp("pdf") / "seed.pdf")


def _fonts(pdf) -> list[dict]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type… encoding emb sub uni object ID: the flags are the 5th-to-3rd last columns
        rows.append({"name": parts[0], "emb": parts[-5], "uni": parts[-3]})
    return rows


def test_every_font_is_embedded(seed_pdf):
    fonts = _fonts(seed_pdf)
    assert fonts
    assert all(f["emb"] == "yes" for f in fonts), fonts


def test_chinese_text_uses_cjk_fonts_only(seed_pdf):
    fonts = _fonts(seed_pdf)
    assert all(CJK_FONT.search(f["name"]) for f in fonts), fonts
    names = " ".join(f["name"] for f in fonts)
    assert "FandolFang" in names  # 仿宋 body
    assert "FandolKai" in names  # 楷体 headings
    assert re.search(r"NotoSerifCJK\w*-Bold", names)  # the heavier 小标宋 substitute of the title


def test_key_figures_and_headings_are_in_the_text(seed_pdf):
    text = subprocess.run(["pdftotext", str(seed_pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for figure in ("688.34", "581.73", "106.61", "91.20", "8.43"):
        assert figure in flat
    for heading in ("一、基本情况", "二、综合评价分析", "三、存在的主要问题", "四、下一步改进措施"):
        assert heading in flat
    assert "\ufffd" not in text  # no replacement characters
    assert "—1—" in flat  # page number


def test_pages_are_a4(seed_pdf):
    info = subprocess.run(["pdfinfo", str(seed_pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.3" in info and "841.89" in info


def test_pdf_from_an_existing_docx(seed_pdf, tmp_path):
    from jixiao.render import render_docx

    docx = render_docx(make_view(load_file(SEED).evaluation), tmp_path / "r.docx")
    pdf = render_pdf(docx, tmp_path / "r.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_missing_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty PATH: no soffice anywhere
    with pytest.raises(PdfUnavailable) as err:
        render_pdf(make_view(load_file(SEED).evaluation), tmp_path / "x.pdf")
    assert "libreoffice-writer-nogui" in str(err.value)
    assert "LibreOffice" in str(err.value)

"""GB/T 9704-2012 measured on the PDFs of the examples: page numbers, title, text block, closing.

The same measurements make the table in docs/rendering.md (scripts/measure_layout.py prints it);
this test checks the PDFs against the standard and the table in the docs against the PDFs.
"""

import re

import pytest

from jixiao.load import load_file
from jixiao.render import build_view, render_pdf

from . import pdf_layout
from .conftest import EXAMPLES, ROOT, need_tool

pytestmark = pytest.mark.pdf

FILES = {
    "荔湾区妇联（部门整体）": "liwan-fulian-2023.yaml",
    "社区图书馆分馆（项目）": "community-library-2024.yaml",
    "某区图书馆（部门整体）": "clean-department-2024.yaml",
}
TOLERANCE_MM = 0.3


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    need_tool("soffice")
    out = tmp_path_factory.mktemp("layout")
    result = {}
    for name, file in FILES.items():
        view = build_view(load_file(EXAMPLES / file).evaluation)
        pdf = render_pdf(view, out / file.replace(".yaml", ".pdf"))
        result[name] = (view, pdf, pdf_layout.measure(pdf, view.signature, view.date))
    return result


@pytest.fixture(params=list(FILES))
def case(request, rendered):
    return rendered[request.param]


def test_page_number_dash_is_7_mm_below_the_text_block(case):
    _, _, m = case
    assert m.dash_below_block and all(abs(d - 7) <= TOLERANCE_MM for d in m.dash_below_block), m.dash_below_block


def test_page_numbers_sit_one_character_in_from_the_edge(case):
    _, _, m = case
    assert m.odd_right_gap and m.even_left_gap, "the examples run to two pages or more"
    for gap in (*m.odd_right_gap, *m.even_left_gap):
        assert abs(gap - pdf_layout.PAGE_NUMBER_CHAR_MM) <= TOLERANCE_MM, (m.odd_right_gap, m.even_left_gap)


def test_title_is_centred_and_broken_where_the_view_breaks_it(case):
    view, _, m = case
    assert m.title_lines == view.title_lines
    assert all(abs(x) <= TOLERANCE_MM for x in m.title_offsets), m.title_offsets
    assert all("Bold" in f for f in m.title_fonts), m.title_fonts  # the heavier 小标宋 substitute


def test_title_lines_end_on_whole_words(case):
    view, _, m = case
    # no line ends inside the unit's name or inside the kind of report (部门整/体, 绩效自/评)
    parts = view.title_lines
    assert "".join(parts) == view.title
    for line in parts[:-1]:
        assert not line.endswith(("部门整", "绩效自", "支出绩", "自评")), parts


def test_text_stays_inside_the_text_block(case):
    _, _, m = case
    assert m.body_overhang <= 0.05, m.body_overhang  # hanging punctuation would be 5.6 mm
    assert abs(m.body_left - pdf_layout.LEFT) <= TOLERANCE_MM
    assert m.split_numbers == ()  # 91.20 is never split over two lines


def test_signature_and_date_follow_the_standard(case):
    view, _, m = case
    assert m.signature_right_chars is not None and m.signature_right_chars >= 2 - 0.3
    if view.date:
        assert abs(m.date_shift_chars - 2) <= 0.3, m.date_shift_chars
        assert m.date_right_chars >= 2 - 0.3
        assert min(m.signature_right_chars, m.date_right_chars) == pytest.approx(2, abs=0.3)
    else:
        assert m.signature_right_chars == pytest.approx(2, abs=0.3)


def test_pdf_language_is_chinese(case):
    assert case[2].lang == "zh-CN"


def test_rare_characters_are_in_a_serif_font(rendered):
    _, pdf, _ = rendered["荔湾区妇联（部门整体）"]
    fonts = pdf_layout.fonts_of(pdf, "滘")
    assert fonts and all("Serif" in f or "Fandol" in f for f in fonts), fonts


def test_the_docs_table_is_what_the_pdfs_measure(rendered):
    """docs/rendering.md shows these measurements; regenerate it with scripts/measure_layout.py."""
    docs = (ROOT / "docs" / "rendering.md").read_text(encoding="utf-8")
    measured = pdf_layout.table({name: m for name, (_, _, m) in rendered.items()})
    doc_rows = {row.split("|")[1].strip(): row for row in docs.splitlines() if row.startswith("| ")}
    for row in measured.splitlines()[2:]:
        label = row.split("|")[1].strip()
        assert label in doc_rows, f"docs/rendering.md lacks the row “{label}”"
        assert _close(doc_rows[label], row), (doc_rows[label], row)


def _close(documented: str, measured: str) -> bool:
    """Same text, numbers within 0.15 (a rounding step either way on another machine)."""
    numbers = re.compile(r"-?\d+\.\d+")
    if numbers.sub("#", documented) != numbers.sub("#", measured):
        return False
    return all(abs(float(a) - float(b)) <= 0.15
               for a, b in zip(numbers.findall(documented), numbers.findall(measured)))

"""DOCX report: golden text dump, GB/T 9704-2012 page layout, fonts, page numbers, escaping."""

import os
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from jixiao.model import Paragraph
from jixiao.render import make_view, render_docx
from jixiao.render.dump import docx_dump, east_asia_font


GOLDEN = Path(__file__).parent / "golden" / "render"
REGEN = bool(os.environ.get("JIXIAO_REGEN_GOLDEN"))


@pytest.fixture(scope="module")
def seed_docx(seed, tmp_path_factory):
    return render_docx(make_view(seed), tmp_path_factory.mktemp("docx") / "seed.docx")


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/render/<name>; JIXIAO_REGEN_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if REGEN or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not REGEN:
            pytest.fail(f"golden file {path} was missing and has been written; check it and rerun")
    assert text == path.read_text(encoding="utf-8")


def test_docx_matches_golden_dump(seed_docx):
    check_golden("liwan-fulian-2023.docx.txt", docx_dump(seed_docx))


def test_page_is_a4_with_gbt9704_margins(seed_docx):
    section = docx.Document(str(seed_docx)).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)  # Word stores twips: 11906 × 16838
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.1)
    assert abs(section.right_margin - Mm(26)) < Mm(0.1)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 28.95 pt: 22 lines in the text block


@pytest.mark.parametrize("style, font, size, bold", [
    ("Normal", "仿宋", 16, False), ("Title", "方正小标宋简体", 22, False), ("Heading 1", "黑体", 16, False),
    ("Heading 2", "楷体", 16, False), ("Heading 3", "仿宋", 16, True), ("Footer", "宋体", 14, False),
])
def test_each_style_sets_its_east_asian_font_and_size(seed_docx, style, font, size, bold):
    s = docx.Document(str(seed_docx)).styles[style]
    fonts = s.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == font
    assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:eastAsiaTheme")) is None
    assert s.font.size == Pt(size)
    assert bool(s.font.bold) is bold


def test_body_has_exact_line_spacing_and_two_character_indent(seed_docx):
    fmt = docx.Document(str(seed_docx)).styles["Normal"].paragraph_format
    assert fmt.line_spacing == Pt(28.95)
    assert fmt.first_line_indent == Pt(32)
    ind = docx.Document(str(seed_docx)).styles["Normal"].element.find(qn("w:pPr") + "/" + qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"


def test_every_paragraph_resolves_to_a_chinese_font(seed_docx):
    for p in docx.Document(str(seed_docx)).paragraphs:
        assert east_asia_font(p.style) in {"仿宋", "楷体", "黑体", "方正小标宋简体"}, p.style.name


def _footer_text_and_field(footer):
    xml = footer._element.xml
    return "".join(t.text for t in footer._element.iter(qn("w:t"))), xml


def test_odd_and_even_footers_carry_the_page_field(seed_docx):
    doc = docx.Document(str(seed_docx))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    odd_text, odd_xml = _footer_text_and_field(section.footer)
    even_text, even_xml = _footer_text_and_field(section.even_page_footer)
    for text, xml in ((odd_text, odd_xml), (even_text, even_xml)):
        assert text == "— 1 —"
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert section.footer.paragraphs[0].alignment == 2  # right on odd pages
    assert section.even_page_footer.paragraphs[0].alignment == 0  # left on even pages


def test_user_text_with_markup_characters_is_escaped(seed, tmp_path):
    tricky = seed.model_copy(update={"achievements": (Paragraph(text="A&B <b>加粗</b> {{ x }}"),)})
    path = render_docx(make_view(tricky), tmp_path / "t.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "A&B <b>加粗</b> {{ x }}。" in texts


def test_a_restyled_template_is_used(seed, tmp_path):
    from jixiao.render.docx import default_template

    template = docx.Document(str(default_template()))
    template.styles["Normal"].font.size = Pt(12)
    template.save(str(tmp_path / "mine.docx"))
    path = render_docx(make_view(seed), tmp_path / "out.docx", tmp_path / "mine.docx")
    assert docx.Document(str(path)).styles["Normal"].font.size == Pt(12)


def test_no_style_keeps_office_theme_fonts_or_colours(seed_docx):
    doc = docx.Document(str(seed_docx))
    for style in doc.styles:
        rpr = style.element.find(qn("w:rPr"))
        if rpr is None or style.type not in (1, 2):  # paragraph and character styles
            continue
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None:
            assert not [a for a in fonts.attrib if "heme" in a], style.name
        assert rpr.find(qn("w:color")) is None, style.name
    for n in range(4, 10):
        assert east_asia_font(doc.styles[f"Heading {n}"]) == "仿宋"
    assert east_asia_font(doc.styles["Heading 1 Char"]) == "黑体"


@pytest.mark.parametrize("style", ["Title", "Subtitle", "Footer", "落款", "成文日期"])
def test_centred_and_closing_styles_have_no_body_indent(seed_docx, style):
    ind = docx.Document(str(seed_docx)).styles[style].element.find(qn("w:pPr") + "/" + qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "0" and ind.get(qn("w:firstLine")) == "0"


def test_title_is_one_paragraph_broken_by_meaning(seed_docx):
    title = next(p for p in docx.Document(str(seed_docx)).paragraphs if p.style.name == "Title")
    assert title.text == "2023年度广州市荔湾区妇女联合会\n部门整体支出绩效自评报告"
    assert title.alignment == 1 or title.style.paragraph_format.alignment == 1  # centred


def test_document_is_chinese_and_keeps_punctuation_inside_the_text_block(seed_docx):
    doc = docx.Document(str(seed_docx))
    rpr = doc.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == lang.get(qn("w:eastAsia")) == "zh-CN"
    punct = doc.styles["Normal"].element.find(qn("w:pPr") + "/" + qn("w:overflowPunct"))
    assert punct.get(qn("w:val")) == "0"


def test_created_date_is_the_render_time(seed, tmp_path):
    from datetime import datetime, timedelta, timezone

    before = datetime.now(timezone.utc) - timedelta(seconds=2)
    props = docx.Document(str(render_docx(make_view(seed), tmp_path / "d.docx"))).core_properties
    created = props.created if props.created.tzinfo else props.created.replace(tzinfo=timezone.utc)
    assert before <= created <= datetime.now(timezone.utc) + timedelta(seconds=2)
    assert props.modified == props.created


def test_signature_and_date_are_placed_by_their_lengths(project, tmp_path):
    doc = docx.Document(str(render_docx(make_view(project), tmp_path / "p.docx")))
    by_style = {p.style.name: p for p in doc.paragraphs}
    signature, date = by_style["落款"], by_style["成文日期"]
    assert (signature.text, date.text) == ("青禾区文化广电旅游体育局", "2025年3月20日")
    # the date starts two characters to the right of the signature, and the signature keeps two on its right
    sig_w, date_w = 12, 6.5 + 5 * 0.23  # 12 CJK characters; half-width digits, and 5 changes of script
    sig_right, date_right = signature.paragraph_format.right_indent.pt, date.paragraph_format.right_indent.pt
    assert abs(sig_right - 2 * 15.75) < 0.1
    assert abs((date_right + date_w * 15.75) - (sig_right + sig_w * 15.75 - 2 * 15.75)) < 0.1
    assert by_style["附件说明"].text == "附件：2024年度社区图书馆分馆建设及阅读推广项目支出绩效自评表"


def test_review_paragraph_only_when_asked(seed, tmp_path):
    from jixiao.render import build_view

    plain = docx_dump(render_docx(build_view(seed), tmp_path / "plain.docx"))
    review = docx_dump(render_docx(build_view(seed, with_review=True), tmp_path / "review.docx"))
    assert "复核" not in plain and "规则集" not in plain
    assert "（复核参考：按“gz-dept-ref-2023”规则集测算" in review

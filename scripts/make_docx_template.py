"""Generate the default DOCX report template (docxtpl) with the GB/T 9704-2012 公文 layout.

Run: .venv/bin/python scripts/make_docx_template.py  → src/jixiao/render/templates/report.docx

The template is an ordinary Word document: users may restyle it in Word or WPS (fonts, sizes,
spacing, headings' wording) and pass it with `jixiao render --template`. The Jinja tags
({{ v.title }}, {%p for … %}) say where the view's text goes; everything else is layout.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

OUT = Path(__file__).resolve().parent.parent / "src/jixiao/render/templates/report.docx"

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
LINE_PITCH_PT = 28.95  # 22 lines in the 225 mm text block
TITLE_LINE_PT = 36  # 2号 title lines: GB/T 9704 leaves their spacing free; 36 pt keeps two lines readable
# 28 characters in the 156 mm (442.2 pt) text block need an advance of at most 15.79 pt. Word would
# squeeze 16 pt characters into a character grid of that pitch, but LibreOffice gives each such
# character two cells (14 a line); so the template uses a line grid and tightens body text by
# 0.25 pt per character instead, which gives 28 a line in both.
CHAR_SPACING_TWIPS = -5
# The page number's dash sits 7 mm below the text block (GB/T 9704 7.5). Measured on the PDF
# (tests/test_render_layout.py): a footer 24.6 mm from the page edge puts it there.
FOOTER_DISTANCE_MM = 24.6

CENTER, JUSTIFY, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.RIGHT

# style name → (East-Asian font, size pt, bold, alignment, first-line indent in characters, outline level)
STYLES = {
    "Normal": ("仿宋", BODY_PT, False, JUSTIFY, 2, None),
    "Title": ("方正小标宋简体", TITLE_PT, False, CENTER, 0, None),
    "Subtitle": ("仿宋", BODY_PT, False, CENTER, 0, None),
    "Heading 1": ("黑体", BODY_PT, False, JUSTIFY, 2, 0),
    "Heading 2": ("楷体", BODY_PT, False, JUSTIFY, 2, 1),
    "Heading 3": ("仿宋", BODY_PT, True, JUSTIFY, 2, 2),
    # Levels a restyled template might use: body text, never the Office theme's blue Calibri Light.
    **{f"Heading {n}": ("仿宋", BODY_PT, False, JUSTIFY, 2, n - 1) for n in range(4, 10)},
    "Footer": ("宋体", PAGE_NUMBER_PT, False, None, 0, None),
    "Header": ("宋体", PAGE_NUMBER_PT, False, CENTER, 0, None),
}
# Paragraph styles of the closing block (GB/T 9704 7.3.5): 附件说明, 落款 and 成文日期. jixiao sets the
# right indents of 落款 and 成文日期 per document (they depend on the lengths of the two lines).
CLOSING_STYLES = {
    # 附件：1.名称 two characters in; a name that wraps continues under the name (hanging by 附件：)
    "附件说明": (JUSTIFY, -3, 5),
    "附件续行": (JUSTIFY, 0, 5),  # 2.名称 — under the first name: 2 + len("附件：") characters in
    "落款": (RIGHT, 0, 0),
    "成文日期": (RIGHT, 0, 0),
}


def main() -> int:
    doc = Document()
    _page_setup(doc)
    _doc_defaults(doc)
    for name, spec in STYLES.items():
        _style(doc.styles[name], *spec)
    for name, (align, first, left) in CLOSING_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        _style(style, "仿宋", BODY_PT, False, align, first, None, left_chars=left)
    _plain_character_styles(doc)
    _body(doc)
    _footers(doc)
    _settings(doc)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)
    print(f"已写入 {OUT}")
    return 0


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    doc.settings.odd_and_even_pages_header_footer = True


def _doc_defaults(doc) -> None:
    """Document defaults: 仿宋, 3号, Chinese (zh-CN) and no hanging punctuation, for runs without a style too."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, "仿宋")
    # The character grid's pitch is relative to the default font size: it must be 3号 too,
    # or LibreOffice gives each 16 pt character two grid cells (14 characters a line).
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(BODY_PT * 2))
    lang = _child(rpr, "w:lang")  # every script zh-CN: the PDF's /Lang comes from the default language
    for script in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(script), "zh-CN")
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = OxmlElement("w:pPrDefault")
        defaults.append(ppr_default)
    _no_hanging_punctuation(_child(ppr_default, "w:pPr"))


def _no_hanging_punctuation(ppr) -> None:
    """Line-end punctuation stays inside the text block (Word/WPS 允许标点溢出边界 off)."""
    _child(ppr, "w:overflowPunct").set(qn("w:val"), "0")


def _child(parent, tag: str):
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _style(style, font, size, bold, align, indent_chars, outline, left_chars: int = 0) -> None:
    element = style.element
    for tag in ("w:rPr", "w:pPr"):  # drop the default template's theme fonts, colours and spacing
        old = element.find(qn(tag))
        if old is not None:
            element.remove(old)
    style.font.size = Pt(size)
    style.font.bold = bold
    _set_fonts(element.get_or_add_rPr(), font)
    # Latin text (numbers, codes) keeps Western line breaking: LibreOffice breaks zh-CN text between any
    # two characters, so 91.20 could be split over two lines. Chinese text is zh-CN (w:eastAsia).
    lang = _child(element.get_or_add_rPr(), "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    if size == BODY_PT:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CHAR_SPACING_TWIPS))
        element.get_or_add_rPr().append(spacing)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT if size <= BODY_PT else TITLE_LINE_PT)
    if size > BODY_PT:  # the title's own line pitch, not two lines of the body's grid
        _child(element.get_or_add_pPr(), "w:snapToGrid").set(qn("w:val"), "0")
    fmt.widow_control = False
    # Every style says its indents outright (0 included): a style based on Normal must not inherit
    # the body's two-character first-line indent (the title would sit 5.6 mm off centre).
    fmt.first_line_indent = Pt(size * indent_chars)  # negative: a hanging indent
    ind = element.get_or_add_pPr().find(qn("w:ind"))
    if indent_chars >= 0:
        ind.set(qn("w:firstLineChars"), str(indent_chars * 100))  # Word/WPS keep it in characters
    else:
        ind.set(qn("w:hangingChars"), str(-indent_chars * 100))
    if left_chars:
        fmt.left_indent = Pt(size * left_chars)
        ind.set(qn("w:leftChars"), str(left_chars * 100))
    _no_hanging_punctuation(element.get_or_add_pPr())
    if outline is not None:
        fmt.keep_with_next = True
        outline_el = OxmlElement("w:outlineLvl")
        outline_el.set(qn("w:val"), str(outline))
        element.get_or_add_pPr().append(outline_el)


def _plain_character_styles(doc) -> None:
    """Character styles (Heading 1 Char, Title Char …) in their paragraph style's font, black, no theme fonts.

    Word applies them when a user formats part of a heading; the default template would make that text
    blue Calibri Light.
    """
    fonts = {name: spec[0] for name, spec in STYLES.items()}
    for style in doc.styles:
        if style.type not in (WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.PARAGRAPH):
            continue
        rpr = style.element.find(qn("w:rPr"))
        if rpr is None:
            continue
        for colour in rpr.findall(qn("w:color")):
            rpr.remove(colour)
        fonts_el = rpr.find(qn("w:rFonts"))
        if fonts_el is not None and any("Theme" in qn_attr or "theme" in qn_attr for qn_attr in fonts_el.attrib):
            linked = style.name[:-5] if style.name.endswith(" Char") else style.name
            _set_fonts(rpr, fonts.get(linked, "仿宋"))


def _set_fonts(rpr, font: str) -> None:
    """Set the font for every script explicitly (w:eastAsia included) and no theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), font)


def _settings(doc) -> None:
    """Theme language zh-CN too, so Word's proofing and new text default to Chinese."""
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _body(doc) -> None:
    """The outline of the seed report, each paragraph in its style, text from the view."""
    lines = [
        ("Subtitle", "{{ v.department }}"),
        ("Title", "{{ v.title_lines|lines }}"),
        ("Normal", ""),
        ("Heading 1", "{{ v.headings.basic }}"),
        *_section("functions", "v.functions"),
        *_section("finance", "v.finance"),
        *_section("goals", "v.goals"),
        ("Heading 2", "{{ v.headings.tasks }}"),
        *_loop("task in v.tasks", [("Normal", "{{ task.plan }}")]),
        ("Heading 1", "{{ v.headings.analysis }}"),
        *_section("conclusion", "v.conclusion"),
        *_if("v.review_line", [("Normal", "{{ v.review_line }}")]),
        ("Heading 2", "{{ v.headings.task_analysis }}"),
        *_loop("task in v.tasks", [
            ("Heading 3", "{{ task.heading }}"),
            ("Normal", "{{ task.spending }}"),
            ("Normal", "{{ task.outcome }}"),
            ("Normal", "{{ task.indicator_summary }}"),
        ]),
        *_section("achievements", "v.achievements"),
        ("Heading 1", "{{ v.headings.problems }}"),
        *_loop("text in v.problems", [("Normal", "{{ text }}")]),
        ("Heading 1", "{{ v.headings.measures }}"),
        *_loop("text in v.measures", [("Normal", "{{ text }}")]),
        # 附件说明: one blank line below the body, then 附件：1.… with the further names aligned under it.
        *_if("v.attachments", [("Normal", "")]),
        *_loop("text in v.attachments", [
            ("Normal", "{%p if loop.first %}"),
            ("附件说明", "{{ text }}"),
            ("Normal", "{%p else %}"),
            ("附件续行", "{{ text }}"),
            ("Normal", "{%p endif %}"),
        ]),
        # 落款 one blank line below, 成文日期 on the next line (right indents set per document).
        ("Normal", ""),
        ("落款", "{{ v.signature }}"),
        *_if("v.date", [("成文日期", "{{ v.date }}")]),
    ]
    first = doc.paragraphs[0] if doc.paragraphs else None
    for style, text in lines:
        doc.add_paragraph(text, style=style)
    if first is not None and not first.text:
        first._element.getparent().remove(first._element)


def _section(key: str, items: str) -> list[tuple[str, str]]:
    return [("Heading 2", f"{{{{ v.headings.{key} }}}}"), *_loop(f"text in {items}", [("Normal", "{{ text }}")])]


def _loop(head: str, body: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("Normal", f"{{%p for {head} %}}"), *body, ("Normal", "{%p endfor %}")]


def _if(test: str, body: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("Normal", f"{{%p if {test} %}}"), *body, ("Normal", "{%p endif %}")]


def _footers(doc) -> None:
    """— 1 —: odd pages on the right, even pages on the left, each one character in from the edge."""
    section = doc.sections[0]
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph, align) -> None:
    paragraph.style = paragraph.part.document.styles["Footer"] if hasattr(paragraph.part, "document") else "Footer"
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Pt(0)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = Pt(PAGE_NUMBER_PT)
    else:
        fmt.left_indent = Pt(PAGE_NUMBER_PT)
    paragraph.add_run("— ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" —")


def _field(paragraph, instruction: str) -> None:
    """A complex field (begin / instrText / separate / result / end), as Word writes PAGE."""
    def fld(kind):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run("1")
    fld("end")


if __name__ == "__main__":
    sys.exit(main())

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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

OUT = Path(__file__).resolve().parent.parent / "src/jixiao/render/templates/report.docx"

BODY_PT = 16  # 3号
TITLE_PT = 22  # 2号
PAGE_NUMBER_PT = 14  # 4号
LINE_PITCH_PT = 28.95  # 22 lines in the 225 mm text block
# 28 characters in the 156 mm (442.2 pt) text block need an advance of at most 15.79 pt. Word would
# squeeze 16 pt characters into a character grid of that pitch, but LibreOffice gives each such
# character two cells (14 a line); so the template uses a line grid and tightens body text by
# 0.25 pt per character instead, which gives 28 a line in both.
CHAR_SPACING_TWIPS = -5

# style name → (East-Asian font, size pt, bold, alignment, first-line indent in characters, outline level)
STYLES = {
    "Normal": ("仿宋", BODY_PT, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, None),
    "Title": ("方正小标宋简体", TITLE_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0, None),
    "Subtitle": ("仿宋", BODY_PT, False, WD_ALIGN_PARAGRAPH.CENTER, 0, None),
    "Heading 1": ("黑体", BODY_PT, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, 0),
    "Heading 2": ("楷体", BODY_PT, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, 1),
    "Heading 3": ("仿宋", BODY_PT, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 2, 2),
    "Footer": ("宋体", PAGE_NUMBER_PT, False, None, 0, None),
}


def main() -> int:
    doc = Document()
    _page_setup(doc)
    _doc_defaults(doc)
    for name, spec in STYLES.items():
        _style(doc.styles[name], *spec)
    _body(doc)
    _footers(doc)
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
    section.footer_distance = Mm(28)  # puts the page number about 7 mm below the text block
    grid = section._sectPr.find(qn("w:docGrid"))
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    doc.settings.odd_and_even_pages_header_footer = True


def _doc_defaults(doc) -> None:
    """Document defaults say 仿宋 and zh-CN too, so runs without a style still show 仿宋."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, "仿宋")
    # The character grid's pitch is relative to the default font size: it must be 3号 too,
    # or LibreOffice gives each 16 pt character two grid cells (14 characters a line).
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            rpr.append(size)
        size.set(qn("w:val"), str(BODY_PT * 2))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _style(style, font, size, bold, align, indent_chars, outline) -> None:
    element = style.element
    for tag in ("w:rPr", "w:pPr"):  # drop the default template's theme fonts, colours and spacing
        old = element.find(qn(tag))
        if old is not None:
            element.remove(old)
    style.font.size = Pt(size)
    style.font.bold = bold
    _set_fonts(element.get_or_add_rPr(), font)
    if size == BODY_PT:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CHAR_SPACING_TWIPS))
        element.get_or_add_rPr().append(spacing)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT)
    fmt.widow_control = False
    if indent_chars:
        fmt.first_line_indent = Pt(size * indent_chars)
        ind = element.get_or_add_pPr().find(qn("w:ind"))
        ind.set(qn("w:firstLineChars"), str(indent_chars * 100))  # Word/WPS keep it in characters
    if outline is not None:
        fmt.keep_with_next = True
        outline_el = OxmlElement("w:outlineLvl")
        outline_el.set(qn("w:val"), str(outline))
        element.get_or_add_pPr().append(outline_el)


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


def _body(doc) -> None:
    """The outline of the seed report, each paragraph in its style, text from the view."""
    lines = [
        ("Subtitle", "{{ v.department }}"),
        ("Title", "{{ v.title }}"),
        ("Normal", ""),
        ("Heading 1", "{{ v.headings.basic }}"),
        *_section("functions", "v.functions"),
        *_section("finance", "v.finance"),
        *_section("goals", "v.goals"),
        ("Heading 2", "{{ v.headings.tasks }}"),
        *_loop("task in v.tasks", [("Normal", "{{ task.plan }}")]),
        ("Heading 1", "{{ v.headings.analysis }}"),
        *_section("conclusion", "v.conclusion"),
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


def _footers(doc) -> None:
    """— 1 —: odd pages on the right, even pages on the left, each one character in from the edge."""
    section = doc.sections[0]
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)


def _page_number(paragraph, align) -> None:
    paragraph.style = paragraph.part.document.styles["Footer"] if hasattr(paragraph.part, "document") else "Footer"
    fmt = paragraph.paragraph_format
    fmt.alignment = align
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

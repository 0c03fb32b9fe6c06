"""HTML and Markdown: the same outline as the DOCX; HTML self-contained and escaped."""

import re

import pytest
from bs4 import BeautifulSoup

from jixiao.model import Paragraph
from jixiao.render import build_view, make_view, render_html, render_markdown
from jixiao.render.html import render_html as render_html_page


OUTLINE = ("一、基本情况", "（一）部门职能", "（二）部门整体收支情况", "（三）部门整体支出绩效目标", "（四）部门年度重点工作任务",
           "二、综合评价分析", "（一）自评结论综述", "（二）各重点工作任务绩效目标完成情况分析", "（三）主要工作成效",
           "三、存在的主要问题", "四、下一步改进措施")


def test_html_has_no_external_assets(seed):
    html = render_html(build_view(seed))
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for attr in ("src", "href"):
            value = tag.get(attr)
            assert not value or not re.match(r"(https?:)?//", value), (tag.name, value)
    assert "@import" not in html and "url(" not in html


def test_html_shows_the_outline_and_figures(seed):
    soup = BeautifulSoup(render_html(make_view(seed)), "html.parser")
    headings = [h.get_text() for h in soup.find_all(["h2", "h3"])]
    assert [h for h in headings if h in OUTLINE] == list(OUTLINE)
    assert soup.h1.get_text() == "2023年度广州市荔湾区妇女联合会部门整体支出绩效自评报告"
    assert "全年预算数688.34万元" in soup.get_text()
    assert len(soup.find_all("table")) == 2


def test_html_escapes_user_text(seed):
    tricky = seed.model_copy(update={"achievements": (Paragraph(text="<script>alert(1)</script>"),)})
    html = render_html(make_view(tricky))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_html_fragment_for_the_web_app(seed):
    fragment = render_html_page(make_view(seed), fragment=True)
    assert fragment.lstrip().startswith("<article") and "<html" not in fragment
    assert "<style>" in fragment


def test_html_lists_findings_and_score_when_checked(seed):
    view = build_view(seed)
    text = BeautifulSoup(render_html(view), "html.parser").get_text()
    assert "审核发现" in text and view.findings[0].code in text
    assert "参考分" in text


def test_markdown_has_the_outline(seed):
    md = render_markdown(make_view(seed))
    headings = [line.lstrip("#").strip() for line in md.splitlines() if line.startswith("##")]
    assert [h for h in headings if h in OUTLINE] == list(OUTLINE)
    assert md.splitlines()[2] == "# 2023年度广州市荔湾区妇女联合会部门整体支出绩效自评报告"
    assert "| 召开会议次数 | 1次 | 1次 | 1次 |" in md


def test_markdown_keeps_numbered_text_literal(seed):
    md = render_markdown(make_view(seed))
    assert "1\\.组织引导" in md  # not turned into a Markdown list that renumbers

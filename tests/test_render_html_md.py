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
    assert soup.h1.get_text() == "2023年度广州市荔湾区妇女联合会部门整体支出绩效自评报告"  # lines joined by <br>
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


@pytest.mark.parametrize("render", [render_html, render_markdown], ids=["html", "markdown"])
def test_public_formats_carry_the_report_only(seed, render):
    view = build_view(seed)
    assert view.findings and view.score  # checked and scored, but none of it is published
    text = render(view)
    assert "审核发现" not in text and "复核" not in text and "规则集" not in text
    for f in view.findings:
        assert f.code not in text and f.message not in text
    assert str(seed.source) not in text and "/work/" not in text and ".yaml" not in text


@pytest.mark.parametrize("render", [render_html, render_markdown], ids=["html", "markdown"])
def test_with_review_findings_and_the_review_score_are_added(seed, render):
    # a reference rule set by name (the department default is not one since issue 12): its 参考分 is said
    view = build_view(seed, "gz-dept-ref-2023", with_review=True)
    text = render(view)
    assert "审核发现" in text and view.findings[0].code in text and "复核得分" in text
    assert "参考分" in text and "不是单位自评" in text
    assert "liwan-fulian-2023.yaml:" in text and str(seed.source) not in text  # the file's name, not its path


def test_html_closing_lines(project):
    soup = BeautifulSoup(render_html(make_view(project)), "html.parser")
    assert soup.select_one("p.jx-attachment").get_text() == "附件：2024年度社区图书馆分馆建设及阅读推广项目支出绩效自评表"
    assert soup.select_one("p.jx-signature").get_text() == "青禾区文化广电旅游体育局"
    assert soup.select_one("p.jx-date").get_text() == "2025年3月20日"
    assert [t for t in soup.h1.strings] == ["2024年度青禾区文化广电旅游体育局", "社区图书馆分馆建设及阅读推广", "项目支出绩效自评报告"]


def test_markdown_has_the_outline(seed):
    md = render_markdown(make_view(seed))
    headings = [line.lstrip("#").strip() for line in md.splitlines() if line.startswith("##")]
    assert [h for h in headings if h in OUTLINE] == list(OUTLINE)
    assert md.splitlines()[2] == "# 2023年度广州市荔湾区妇女联合会部门整体支出绩效自评报告"
    assert "| 召开会议次数 | 1次 | 1次 | 1次 |" in md


def test_markdown_keeps_numbered_text_literal(seed):
    md = render_markdown(make_view(seed))
    assert "1\\.组织引导" in md  # not turned into a Markdown list that renumbers


def test_with_review_the_reviewers_own_scores_are_shown_marked(seed):
    from decimal import Decimal

    from jixiao.render import ReviewerScore, build_view, render_html, render_markdown

    view = build_view(seed, with_review=True, review_scores={"tasks[0].indicators[0]": ReviewerScore(Decimal("3.5"), "x")})
    md, html = render_markdown(view), render_html(view)
    assert "带“*”的复核得分为复核人的复核评分" in md and "| 3.5* |" in md
    assert "带“*”的复核得分为复核人的复核评分" in html and ">3.5*</td>" in html
    plain = render_markdown(build_view(seed, with_review=True))
    assert "复核人" not in plain and "*" not in plain.split("附：绩效指标完成情况表")[1].split("## 审核发现")[0]

"""结果应用 in a real browser: the reviewer reads each grade's advice, adjusts one with a reason, and exports."""

from __future__ import annotations

import pytest

from .test_browser import browser_page, login, people, shot  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reviewer_adjusts_an_advice_and_exports_the_table(live_server, people, browser_page):
    from django.contrib.auth import get_user_model

    from jixiao.web.models import BudgetAdvice, Evaluation
    from jixiao.web.services import apply_transition

    page, base = browser_page, live_server.url
    reviewer = get_user_model().objects.get(username="shenhe")
    for ev in Evaluation.objects.filter(year__year=2023).exclude(current=None):  # the year's reviewed results
        for action in ("submit", "accept"):
            apply_transition(ev, action, reviewer)
    login(page, base, "shenhe")
    page.click("nav a:has-text('结果应用')")
    page.wait_for_selector("#advice-rows")
    library = Evaluation.objects.get(department__name="某区图书馆", year__year=2023)
    row = f"#advice-{library.pk}"
    assert "同按规则的意见" in page.inner_text(row)
    assert "尚未审核通过（草稿）" in page.inner_text(f"#advice-{people.pk}")  # not yet filled in: no advice
    page.click(f"{row} summary")
    page.fill(f"{row} input[name=action]", "保持")
    page.fill(f"{row} input[name=budget]", "下年度预算按上年安排，新增分馆经费另行申报")
    page.fill(f"{row} textarea[name=reason]", "夜间开放试点尚在评估，暂不增加预算")
    page.click(f"{row} button:has-text('保存')")
    page.wait_for_selector("text=已保存财政局意见")
    assert "夜间开放试点尚在评估" in page.inner_text(row)
    assert BudgetAdvice.objects.get(evaluation=library).reason == "夜间开放试点尚在评估，暂不增加预算"
    shot(page, "results")
    with page.expect_download() as download:
        page.click("a:has-text('导出 Excel')")
    assert download.value.suggested_filename.endswith(".xlsx")
